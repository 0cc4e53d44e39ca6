// SPDX-License-Identifier: MIT
/*
 * The two cascaded 8259A PICs: remapped above the CPU exceptions, every
 * line masked until a driver asks for it, end-of-interrupt after the
 * handler ran. Spurious IRQ 7 / 15 are recognised and not acknowledged.
 */
#include "kernel/debug/panic.h"
#include "kernel/irq.h"
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/traps.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xA0
#define PIC2_DATA 0xA1
#define ICW1_INIT_ICW4 0x11
#define ICW4_8086 0x01
#define PIC_EOI 0x20
#define PIC_READ_ISR 0x0B

static u16 irq_mask = 0xFFFF;

static void pic_write_mask(void)
{
	outb(PIC1_DATA, (u8)irq_mask);
	outb(PIC2_DATA, (u8)(irq_mask >> 8));
}

static void pic_unmask(unsigned int irq)
{
	if (irq == PIC_CASCADE_IRQ)
		panic("IRQ %u is the 8259 cascade, not a device's line", irq);
	irq_mask &= ~(1u << irq);
	pic_write_mask();
}

static void pic_mask(unsigned int irq)
{
	irq_mask |= 1u << irq;
	pic_write_mask();
}

void i8259_disable(void)
{
	irq_mask = 0xFFFF;
	pic_write_mask();
}

static bool pic_in_service(u16 cmd_port, unsigned int line)
{
	outb(cmd_port, PIC_READ_ISR);
	return inb(cmd_port) & (1u << line);
}

/* A line that dropped before the CPU acknowledged it shows up as 7 or 15. */
static bool pic_spurious(unsigned int irq)
{
	if (irq == 7 && !pic_in_service(PIC1_CMD, 7))
		return true;
	if (irq == 15 && !pic_in_service(PIC2_CMD, 7)) {
		outb(PIC1_CMD, PIC_EOI); /* the master did see the cascade */
		return true;
	}
	return false;
}

static void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}

static const struct irq_chip i8259_chip = {
	.name = "XT-PIC",
	.unmask = pic_unmask,
	.mask = pic_mask,
	.spurious = pic_spurious,
	.eoi = pic_eoi,
};

void i8259_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	io_delay();
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	io_delay();
	outb(PIC1_DATA, IRQ_BASE_VECTOR);
	io_delay();
	outb(PIC2_DATA, IRQ_BASE_VECTOR + 8);
	io_delay();
	outb(PIC1_DATA, 1 << PIC_CASCADE_IRQ); /* slave on line 2 */
	io_delay();
	outb(PIC2_DATA, PIC_CASCADE_IRQ); /* slave's cascade identity */
	io_delay();
	outb(PIC1_DATA, ICW4_8086);
	io_delay();
	outb(PIC2_DATA, ICW4_8086);
	io_delay();
	irq_mask = 0xFFFF & ~(1u << PIC_CASCADE_IRQ);
	pic_write_mask();
	irq_set_chip(&i8259_chip);
}
