/* SPDX-License-Identifier: MIT */
/* The two cascaded 8259A PICs (kernel/arch/x86/i8259.c). */
#ifndef ASM_I8259_H
#define ASM_I8259_H

/* The master's line the slave is cascaded on: never a device's. */
#define PIC_CASCADE_IRQ 2

/**
 * i8259_init - remap the PICs above the CPU exceptions, lines masked
 *
 * Makes them the irq_chip of kernel/irq.c.
 * Context: boot, interrupts off.
 */
void i8259_init(void);

/**
 * i8259_disable - mask every line: the I/O APIC takes over
 *
 * Context: boot, interrupts off.
 */
void i8259_disable(void);

#endif /* ASM_I8259_H */
