/* SPDX-License-Identifier: MIT */
/* The 8253/8254 programmable interval timer (kernel/arch/x86/pit.c). */
#ifndef ASM_PIT_H
#define ASM_PIT_H

/**
 * pit_init - tick @hz times a second on IRQ 0, calling timer_tick()
 * @hz: ticks per second
 *
 * Context: boot, after irq_init.
 */
void pit_init(unsigned int hz);

#endif /* ASM_PIT_H */
