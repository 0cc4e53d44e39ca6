/* SPDX-License-Identifier: MIT */
/* Saving, disabling and restoring the interrupt flag (EFLAGS.IF). */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include "kernel/lib/types.h"

#define X86_EFLAGS_TF 0x100u /* trap after each instruction (single-step) */
#define X86_EFLAGS_IF 0x200u

static inline unsigned long native_save_fl(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfl; popl %0" : "=rm"(flags) : : "memory");
	return flags;
}

/* Load EFLAGS whole: IF, and TF for single-stepping tests. */
static inline void native_restore_fl(unsigned long flags)
{
	__asm__ __volatile__("pushl %0; popfl" : : "g"(flags) : "memory", "cc");
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

static inline bool irqs_disabled(void)
{
	return !(native_save_fl() & X86_EFLAGS_IF);
}

/* Disable interrupts, returning the previous state for local_irq_restore. */
static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = native_save_fl();

	local_irq_disable();
	return flags;
}

static inline void local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

#define local_irq_save(flags) ((flags) = arch_local_irq_save())

/* Enable interrupts and halt in one step, so no wake-up is missed. */
static inline void safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

#endif /* ASM_IRQFLAGS_H */
