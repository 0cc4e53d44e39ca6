// SPDX-License-Identifier: MIT
/* The 8253/8254 PIT as the system tick. */
#include "kernel/timer.h"
#include "kernel/irq.h"
#include <asm/io.h>
#include <asm/irqflags.h>

#define PIT_CHANNEL0 0x40
#define PIT_COMMAND 0x43
#define PIT_INPUT_HZ 1193182u
#define PIT_CH0_RATE_GENERATOR 0x34 /* channel 0, lo/hi byte, mode 2 */
#define TIMER_IRQ 0

volatile u64 jiffies;

static void timer_interrupt(struct pt_regs *regs)
{
	(void)regs;
	jiffies++;
}

void timer_init(void)
{
	u16 divisor = (PIT_INPUT_HZ + HZ / 2) / HZ;

	outb(PIT_COMMAND, PIT_CH0_RATE_GENERATOR);
	outb(PIT_CHANNEL0, (u8)divisor);
	outb(PIT_CHANNEL0, (u8)(divisor >> 8));
	request_irq(TIMER_IRQ, timer_interrupt, "timer");
}

u64 uptime_ms(void)
{
	unsigned long flags;
	u64 j;

	local_irq_save(flags);
	j = jiffies;
	local_irq_restore(flags);
	return j * 1000 / HZ;
}
