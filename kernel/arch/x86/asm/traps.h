/* SPDX-License-Identifier: MIT */
/* The IDT, the CPU exceptions and the interrupt entry (kernel/arch/x86/traps.c). */
#ifndef ASM_TRAPS_H
#define ASM_TRAPS_H

#include "kernel/lib/compiler.h"
#include <asm/ptrace.h>

#define IDT_ENTRIES 256 /* every vector has an entry stub (boot/isr.asm) */
#define NR_EXCEPTIONS 32
#define IRQ_BASE_VECTOR 32 /* legacy IRQ n arrives at vector 32 + n */

/**
 * trap_init - build the IDT (shared by every CPU) and load it on this one
 *
 * A double fault goes through a task gate to the faulting CPU's
 * double-fault TSS (kernel/arch/x86/desc.c). Context: boot, right after
 * the console.
 */
void trap_init(void);

/**
 * idt_load - load the IDT trap_init built on this CPU
 *
 * Context: a starting CPU, before it enables interrupts.
 */
void idt_load(void);

/**
 * doublefault_task - the double-fault task's code: report and panic
 *
 * Context: the double-fault task of the CPU that faulted, interrupts off.
 */
__noreturn void doublefault_task(void);

/**
 * interrupt_dispatch - every vector's C entry (boot/isr.asm calls it)
 * @regs: what the stub saved
 *
 * Exceptions go to handle_exception, IRQs to handle_irq; then, back in
 * the interrupted thread's context, the thread may be preempted.
 * Context: interrupt or exception entry, interrupts off.
 */
asmlinkage void interrupt_dispatch(struct pt_regs *regs);

/**
 * handle_exception - report a CPU exception and panic (#DB: see below)
 * @regs: the faulting context
 *
 * Context: exception entry.
 */
void handle_exception(struct pt_regs *regs);

/**
 * exception_name - "page fault" for vector 14, and so on
 * @vector: the vector
 *
 * Context: any. Return: the name ("interrupt" past the exceptions).
 */
const char *exception_name(unsigned int vector);

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

#endif /* ASM_TRAPS_H */
