/* SPDX-License-Identifier: MIT */
/* The register frame boot/isr.asm builds on every interrupt or exception. */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

#include "kernel/lib/types.h"

struct pt_regs {
	u32 gs, fs, es, ds;
	u32 edi, esi, ebp, esp_at_pushad, ebx, edx, ecx, eax; /* pushad */
	u32 vector, error_code;
	u32 eip, cs, eflags; /* pushed by the CPU */
	/* Pushed only on entry from user mode (a change of privilege level). */
	u32 esp, ss;
};

/**
 * user_mode - did the interrupt or exception come from ring 3?
 * @regs: a saved frame
 *
 * Context: any. Return: true for a user-mode frame (then esp and ss are valid).
 */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) != 0;
}

/**
 * kernel_stack_pointer - the stack pointer of the interrupted kernel code
 * @regs: a frame saved by boot/isr.asm for a ring-0 interruption
 *
 * Without a change of privilege level the CPU pushes nothing past
 * eflags, so it is the address just above the frame.
 * Context: any; the frame must come from kernel mode.
 * Return: ESP as it was before the interrupt.
 */
static inline u32 kernel_stack_pointer(const struct pt_regs *regs)
{
	return (u32)(uintptr_t)&regs->eflags + sizeof(regs->eflags);
}

#endif /* ASM_PTRACE_H */
