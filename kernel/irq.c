// SPDX-License-Identifier: MIT
/*
 * The two cascaded 8259A PICs: remapped above the CPU exceptions, every
 * line masked until a driver asks for it, end-of-interrupt after the
 * handler ran. Spurious IRQ 7 / 15 are recognised and not acknowledged.
 */
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include <asm/io.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xA0
#define PIC2_DATA 0xA1
#define ICW1_INIT_ICW4 0x11
#define ICW4_8086 0x01
#define PIC_EOI 0x20
#define PIC_READ_ISR 0x0B
#define PIC_CASCADE_IRQ 2

static irq_handler_t irq_handlers[NR_IRQS];
static const char *irq_names[NR_IRQS];
static unsigned long irq_counts[NR_IRQS];
static u16 irq_mask = 0xFFFF;

static void pic_write_mask(void)
{
	outb(PIC1_DATA, (u8)irq_mask);
	outb(PIC2_DATA, (u8)(irq_mask >> 8));
}

void irq_init(void)
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
}

void request_irq(unsigned int irq, irq_handler_t handler, const char *name)
{
	if (irq >= NR_IRQS || irq == PIC_CASCADE_IRQ)
		panic("request_irq: no such IRQ line %u (%s)", irq, name);
	irq_handlers[irq] = handler;
	irq_names[irq] = name;
	irq_mask &= ~(1u << irq);
	pic_write_mask();
}

unsigned long irq_count(unsigned int irq)
{
	return irq < NR_IRQS ? irq_counts[irq] : 0;
}

const char *irq_name(unsigned int irq)
{
	return irq < NR_IRQS ? irq_names[irq] : NULL;
}

static bool pic_in_service(u16 cmd_port, unsigned int line)
{
	outb(cmd_port, PIC_READ_ISR);
	return inb(cmd_port) & (1u << line);
}

/* A line that dropped before the CPU acknowledged it shows up as 7 or 15. */
static bool irq_is_spurious(unsigned int irq)
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

static void handle_irq(struct pt_regs *regs)
{
	unsigned int irq = regs->vector - IRQ_BASE_VECTOR;

	if (irq_is_spurious(irq))
		return;
	irq_counts[irq]++;
	this_cpu(hardirq_count)++;
	if (irq_handlers[irq])
		irq_handlers[irq](regs);
	this_cpu(hardirq_count)--;
	pic_eoi(irq);
}

void interrupt_dispatch(struct pt_regs *regs)
{
	if (regs->vector < NR_EXCEPTIONS) {
		handle_exception(regs);
		return;
	}
	handle_irq(regs);
	/*
	 * Back in the interrupted thread's context (the handler is done
	 * and acknowledged): if its time is up, switch now. The thread
	 * resumes here later and returns through iret as usual.
	 */
	preempt_schedule_irq();
}
