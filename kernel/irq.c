// SPDX-License-Identifier: MIT
/* Interrupt lines, their handlers and counts (see kernel/irq.h). */
#include "kernel/seq_file.h"
#include "kernel/irq.h"
#include "kernel/debug/panic.h"
#include "kernel/preempt.h"
#include "kernel/printk.h"
#include "kernel/smp.h"
#include <asm/i8259.h>

static irq_handler_t irq_handlers[NR_IRQS];
static const char *irq_names[NR_IRQS];
/* Each CPU counts the interrupts it handled, in its own copy. */
static DEFINE_PER_CPU(unsigned long[NR_IRQS], irq_counts);
static const struct irq_chip *irq_chip;

void irq_set_chip(const struct irq_chip *chip)
{
	irq_chip = chip;
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		if (irq_handlers[irq])
			chip->unmask(irq);
}

const char *irq_chip_name(void)
{
	return irq_chip ? irq_chip->name : "none";
}

void irq_init(void)
{
	i8259_init();
}

void request_irq(unsigned int irq, irq_handler_t handler, const char *name)
{
	if (irq >= NR_IRQS)
		panic("request_irq: no such IRQ line %u (%s)", irq, name);
	irq_handlers[irq] = handler;
	irq_names[irq] = name;
	irq_chip->unmask(irq);
}

void free_irq(unsigned int irq)
{
	if (irq >= NR_IRQS || !irq_handlers[irq])
		return;
	irq_chip->mask(irq);
	irq_handlers[irq] = NULL;
	irq_names[irq] = NULL;
}

unsigned long irq_count(unsigned int irq, unsigned int cpu)
{
	return irq < NR_IRQS && cpu < NR_CPUS ? per_cpu(irq_counts, cpu)[irq]
					      : 0;
}

const char *irq_name(unsigned int irq)
{
	return irq < NR_IRQS ? irq_names[irq] : NULL;
}

void handle_irq(unsigned int irq, struct pt_regs *regs)
{
	if (irq >= NR_IRQS || irq_chip->spurious(irq))
		return;
	/* Through a plain pointer: GCC drops __seg_fs on an array index. */
	(*this_cpu_ptr(irq_counts))[irq]++;
	this_cpu(hardirq_count)++;
	if (irq_handlers[irq])
		irq_handlers[irq](regs);
	this_cpu(hardirq_count)--;
	irq_chip->eoi(irq);
}

int interrupts_show(struct seq_file *m)
{
	unsigned int cpu;

	seq_puts(m, "    ");
	for_each_online_cpu(cpu)
		seq_printf(m, "       CPU%u", cpu);
	seq_putc(m, '\n');
	for (unsigned int irq = 0; irq < NR_IRQS; irq++) {
		unsigned long total = 0;

		for_each_possible_cpu(cpu)
			total += irq_count(irq, cpu);
		if (!irq_names[irq] && !total)
			continue;
		seq_printf(m, "%3u:", irq);
		for_each_online_cpu(cpu)
			seq_printf(m, " %10lu", irq_count(irq, cpu));
		seq_printf(m, "  %-8s  %s\n", irq_chip_name(),
		       irq_names[irq] ? irq_names[irq] : "(no handler)");
	}
	arch_show_interrupts(m);
	return 0;
}
