// SPDX-License-Identifier: MIT
/* In-kernel tests of the tick: from the PIT, or each CPU's local APIC timer. */
#include "kernel/irq.h"
#include "kernel/sched.h"
#include "kernel/timer.h"
#include "tests/kernel/ktest.h"
#include "tests/kernel/kt_smp.h"
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/irqflags.h>

/*
 * On CPU 0 only: its tick both advances jiffies and counts to the thread
 * it interrupts, so 3 jiffies are 3 ticks counted. Another CPU's local
 * timer has its own phase: in the same window it may tick only twice.
 */
static void ticks_advance_on_cpu0(struct ktest_ctx *t, void *arg)
{
	/*
	 * The ticks before the jiffies: a tick between the two reads then
	 * makes the wait one tick longer, not the count one tick short.
	 */
	unsigned long ticks = READ_ONCE(current->ticks);
	u64 start = get_jiffies_64();
	unsigned int halts = 0;

	(void)arg;
	KT_ASSERT_FALSE(t, irqs_disabled());
	/* Each hlt ends at the next interrupt; the tick is one of them. */
	while (get_jiffies_64() < start + 3 && halts < 10000) {
		halt();
		halts++;
	}
	KT_EXPECT_GE(t, get_jiffies_64(), start + 3);
	/* The ticks that came while this thread waited were counted to it. */
	KT_EXPECT_GE(t, current->ticks, ticks + 3);
	KT_EXPECT_GE(t, uptime_ms(), 30);
	/* Without APICs the PIT ticks on IRQ 0; with them, it is silent. */
	if (!lapic_enabled)
		KT_EXPECT_STREQ(t, irq_name(0), "timer");
	else
		KT_EXPECT_NULL(t, irq_name(0));
}

KTEST(timer, ticks_advance)
{
	kt_run_on_cpu(t, 0, ticks_advance_on_cpu0, NULL);
}
