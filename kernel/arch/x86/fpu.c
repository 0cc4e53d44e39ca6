// SPDX-License-Identifier: MIT
/*
 * Saving and restoring user FPU state (asm/fpu.h). With FXSR (every CPU
 * since the Pentium III, QEMU's and Bochs' included) fxsave/fxrstor keep
 * the x87 and SSE registers together; without it fnsave/frstor keep the
 * x87 ones, and SSE is not enabled.
 */
#include "kernel/lib/string.h"
#include <asm/cpu.h>
#include <asm/fpu.h>

#define X86_CR0_MP (1u << 1)
#define X86_CR0_EM (1u << 2)
#define X86_CR0_TS (1u << 3)
#define X86_CR0_NE (1u << 5)
#define X86_CR4_OSFXSR (1u << 9)
#define X86_CR4_OSXMMEXCPT (1u << 10)
#define CPUID_1_EDX_FXSR (1u << 24)

static bool have_fxsr;
static struct fpu_state init_fpstate;

static unsigned long get_cr0(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(v));
	return v;
}

static void set_cr0(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(v) : "memory");
}

void fpu_init_cpu(void)
{
	static bool captured;

	have_fxsr = cpuid(1).edx & CPUID_1_EDX_FXSR;
	set_cr0((get_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP |
		X86_CR0_NE);
	if (have_fxsr)
		write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	__asm__ __volatile__("fninit");
	if (!captured) {
		fpu_save(&init_fpstate);
		captured = true;
	}
}

void fpu_save(struct fpu_state *st)
{
	if (have_fxsr)
		__asm__ __volatile__("fxsave %0" : "=m"(*st));
	else /* fnsave also reinitialises the FPU: put the state back */
		__asm__ __volatile__("fnsave %0; fwait; frstor %0" : "+m"(*st));
}

void fpu_restore(const struct fpu_state *st)
{
	if (have_fxsr)
		__asm__ __volatile__("fxrstor %0" : : "m"(*st));
	else
		__asm__ __volatile__("frstor %0" : : "m"(*st));
}

void fpu_init_state(struct fpu_state *st)
{
	memcpy(st, &init_fpstate, sizeof(*st));
}
