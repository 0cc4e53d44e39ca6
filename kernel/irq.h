/* SPDX-License-Identifier: MIT */
/* Interrupt descriptor table, exceptions and the legacy PIC's IRQs. */
#ifndef KERNEL_IRQ_H
#define KERNEL_IRQ_H

#include "kernel/lib/types.h"
#include <asm/ptrace.h>

#define NR_EXCEPTIONS 32
#define IRQ_BASE_VECTOR 32 /* PIC IRQ n arrives at vector 32 + n */
#define NR_IRQS 16

typedef void (*irq_handler_t)(struct pt_regs *regs);

/* Build the IDT, the TSSes and the double-fault task. Context: boot. */
void trap_init(void);

/* Tell the double-fault task about new page tables. Context: boot. */
void trap_update_cr3(void);

/* Remap the 8259 PICs to vectors 32..47, all lines masked. Context: boot. */
void irq_init(void);

/*
 * request_irq - route PIC line @irq to @handler and unmask it
 * Context: boot or thread context; handlers run with interrupts off.
 */
void request_irq(unsigned int irq, irq_handler_t handler, const char *name);

/* Number of times each line fired, for the shell. */
unsigned long irq_count(unsigned int irq);
const char *irq_name(unsigned int irq);

/* Called by boot/isr.asm for every vector. */
void interrupt_dispatch(struct pt_regs *regs);

/*
 * The debug exception (#DB) is the single-step trap that EFLAGS.TF
 * raises after each instruction. A hook set here runs for each one, with
 * interrupts off; without a hook a #DB is a fatal exception like the
 * others. Tests use it to put an "interrupt" between any two
 * instructions of a fast path.
 */
typedef void (*debug_trap_hook_t)(struct pt_regs *regs);

/**
 * set_debug_trap_hook - run @hook at every debug exception (NULL: none)
 * @hook: called in exception context; must not sleep or fault
 *
 * Context: any.
 */
void set_debug_trap_hook(debug_trap_hook_t hook);

/* Exceptions (kernel/arch/x86/traps.c). */
void handle_exception(struct pt_regs *regs);
const char *exception_name(unsigned int vector);

#endif /* KERNEL_IRQ_H */
