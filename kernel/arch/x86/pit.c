// SPDX-License-Identifier: MIT
/*
 * The 8253/8254 PIT, channel 0, as the periodic tick: a rate generator
 * dividing its 1.193182 MHz input down to the wanted rate, on IRQ 0.
 */
#include "kernel/irq.h"
#include "kernel/timer.h"
#include <asm/io.h>
#include <asm/pit.h>

#define PIT_CHANNEL0 0x40
#define PIT_COMMAND 0x43
#define PIT_INPUT_HZ 1193182u
#define PIT_CH0_RATE_GENERATOR 0x34 /* channel 0, lo/hi byte, mode 2 */
#define TIMER_IRQ 0

static void pit_interrupt(struct pt_regs *regs)
{
	timer_tick(user_mode(regs));
}

void pit_init(unsigned int hz)
{
	u16 divisor = (PIT_INPUT_HZ + hz / 2) / hz;

	outb(PIT_COMMAND, PIT_CH0_RATE_GENERATOR);
	outb(PIT_CHANNEL0, (u8)divisor);
	outb(PIT_CHANNEL0, (u8)(divisor >> 8));
	request_irq(TIMER_IRQ, pit_interrupt, "timer");
}
