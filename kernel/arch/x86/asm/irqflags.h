/* SPDX-License-Identifier: MIT */
/* Saving, disabling and restoring the interrupt flag (EFLAGS.IF). */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include "kernel/lib/types.h"

#define X86_EFLAGS_TF 0x100u /* trap after each instruction (single-step) */
#define X86_EFLAGS_IF 0x200u

/**
 * native_save_fl - read EFLAGS
 *
 * Context: any. Return: EFLAGS; X86_EFLAGS_IF says whether interrupts
 * are on.
 */
static inline unsigned long native_save_fl(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfl; popl %0" : "=rm"(flags) : : "memory");
	return flags;
}

/**
 * native_restore_fl - load EFLAGS whole
 * @flags: the value, usually from native_save_fl()
 *
 * Sets IF, and TF for single-stepping tests, as @flags says.
 * Context: any.
 */
static inline void native_restore_fl(unsigned long flags)
{
	__asm__ __volatile__("pushl %0; popfl" : : "g"(flags) : "memory", "cc");
}

/**
 * local_irq_disable - turn interrupts off on this CPU (cli)
 *
 * Prefer local_irq_save() where interrupts may already be off.
 * Context: any.
 */
static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

/**
 * local_irq_enable - turn interrupts on on this CPU (sti)
 *
 * Context: thread or boot; never inside an interrupt handler or a
 * section that relies on interrupts being off.
 */
static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

/**
 * irqs_disabled - are interrupts off on this CPU?
 *
 * Context: any. Return: true if EFLAGS.IF is clear.
 */
static inline bool irqs_disabled(void)
{
	return !(native_save_fl() & X86_EFLAGS_IF);
}

/**
 * arch_local_irq_save - disable interrupts, returning the previous state
 *
 * Used through local_irq_save(flags); undo with local_irq_restore(flags).
 * Context: any.
 * Return: EFLAGS before the cli.
 */
static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = native_save_fl();

	local_irq_disable();
	return flags;
}

/**
 * local_irq_restore - undo local_irq_save(): interrupts back on if they were
 * @flags: the value local_irq_save() stored
 *
 * It only ever enables: if @flags had IF clear, interrupts are left as
 * they are now, which is off if the save/restore pairs nest properly.
 * Context: any; pairs with the local_irq_save() of the same function.
 */
static inline void local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

#define local_irq_save(flags) ((flags) = arch_local_irq_save())

/**
 * safe_halt - enable interrupts and halt in one step
 *
 * The sti takes effect after the hlt starts, so an interrupt that is
 * already pending wakes the CPU instead of being missed (the idle loop).
 * Context: the idle thread; returns with interrupts on.
 */
static inline void safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

#endif /* ASM_IRQFLAGS_H */
