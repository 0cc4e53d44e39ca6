/* SPDX-License-Identifier: MIT */
/*
 * Interrupt lines and their handlers. A driver asks for a line with
 * request_irq; when it fires, the arch entry code (interrupt_dispatch in
 * kernel/arch/x86/traps.c) calls handle_irq, which runs the handler
 * between the interrupt controller's checks: a spurious interrupt is
 * dropped, a real one acknowledged (EOI) after its handler.
 *
 * The controller is an irq_chip: the two 8259 PICs
 * (kernel/arch/x86/i8259.c) on this PC.
 */
#ifndef KERNEL_IRQ_H
#define KERNEL_IRQ_H

#include "kernel/lib/types.h"
#include <asm/ptrace.h>

#define NR_IRQS 16

typedef void (*irq_handler_t)(struct pt_regs *regs);

/* An interrupt controller: what handle_irq needs of it. */
struct irq_chip {
	const char *name;
	void (*unmask)(unsigned int irq);	 /* let the line through */
	void (*mask)(unsigned int irq);		 /* hold the line back */
	bool (*spurious)(unsigned int irq);	 /* a line that was not raised? */
	void (*eoi)(unsigned int irq);		 /* the handler is done */
};

/**
 * irq_init - set up the interrupt controller, every line masked
 *
 * Context: boot, interrupts off, before any request_irq.
 */
void irq_init(void);

/**
 * irq_set_chip - the controller handle_irq and request_irq use
 * @chip: it
 *
 * The lines that already have a handler are unmasked on @chip: the boot
 * switches from the 8259s to the I/O APIC after its first drivers.
 * Context: boot, interrupts off.
 */
void irq_set_chip(const struct irq_chip *chip);

/**
 * irq_chip_name - the name of the controller in use ("XT-PIC", "IO-APIC")
 *
 * Context: any. Return: the name.
 */
const char *irq_chip_name(void);

/**
 * request_irq - route line @irq to @handler and unmask it
 * @irq: the line (0..NR_IRQS - 1)
 * @handler: runs in interrupt context, interrupts off
 * @name: shown by the shell
 *
 * Context: boot or thread context. Panics on a line that does not exist.
 */
void request_irq(unsigned int irq, irq_handler_t handler, const char *name);

/**
 * free_irq - mask line @irq and forget its handler
 * @irq: the line
 *
 * Context: boot or thread context.
 */
void free_irq(unsigned int irq);

/**
 * handle_irq - run the handler of line @irq, between the chip's checks
 * @irq: the line that fired
 * @regs: the interrupted context
 *
 * Context: interrupt entry, interrupts off.
 */
void handle_irq(unsigned int irq, struct pt_regs *regs);

/**
 * irq_count - how many times line @irq fired on CPU @cpu
 * @irq: the line
 * @cpu: the CPU that handled it
 *
 * Context: any. Return: the count (0 for a line or CPU that does not
 * exist).
 */
unsigned long irq_count(unsigned int irq, unsigned int cpu);

/**
 * irq_name - the name its handler registered line @irq with
 * @irq: the line
 *
 * Context: any. Return: the name, or NULL.
 */
const char *irq_name(unsigned int irq);

struct seq_file;

/**
 * interrupts_show - /proc/interrupts and the shell's `interrupts`
 * @m: where the text goes
 *
 * One column per online CPU: each device line's count on that CPU, then
 * the architecture's rows (arch_show_interrupts).
 * Context: thread; a snapshot. Return: 0.
 */
int interrupts_show(struct seq_file *m);

/**
 * arch_show_interrupts - the rows that are not device lines: the local
 * APIC timer, the IPIs (rescheduling, function calls, TLB shootdowns),
 * NMIs, spurious and error interrupts
 * @m: where the text goes
 *
 * Context: thread.
 */
void arch_show_interrupts(struct seq_file *m);

/**
 * arch_irq_count_sum - the interrupts arch_show_interrupts counts, all
 * CPUs together (TLB shootdowns once: they are function calls)
 *
 * For the total on /proc/stat's intr line.
 * Context: any; a racy sum. Return: the count.
 */
unsigned long long arch_irq_count_sum(void);

#endif /* KERNEL_IRQ_H */
