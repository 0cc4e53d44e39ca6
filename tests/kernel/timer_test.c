// SPDX-License-Identifier: MIT
/* In-kernel tests of interrupts and the PIT tick. */
#include "kernel/irq.h"
#include "tests/kernel/ktest.h"
#include "kernel/timer.h"
#include <asm/cpu.h>
#include <asm/irqflags.h>

KTEST(timer, ticks_advance)
{
	u64 start = jiffies;
	unsigned long irqs = irq_count(0);
	unsigned int halts = 0;

	KT_ASSERT_FALSE(t, irqs_disabled());
	/* Each hlt ends at the next interrupt; the tick is one of them. */
	while (jiffies < start + 3 && halts < 10000) {
		halt();
		halts++;
	}
	KT_EXPECT_GE(t, jiffies, start + 3);
	KT_EXPECT_GE(t, irq_count(0), irqs + 3);
	KT_EXPECT_GE(t, uptime_ms(), 30);
	KT_EXPECT_STREQ(t, irq_name(0), "timer");
}
