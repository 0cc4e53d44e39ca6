// SPDX-License-Identifier: MIT
/*
 * Saving and restoring user FPU state (asm/fpu.h). With FXSR (every CPU
 * since the Pentium III, QEMU's and Bochs' included) fxsave/fxrstor keep
 * the x87 and SSE registers together; without it fnsave/frstor keep the
 * x87 ones, and SSE is not enabled.
 */
#include "kernel/lib/string.h"
#include <asm/cpu.h>
#include "kernel/sched.h"
#include <asm/fpu.h>

#define X86_CR0_MP (1u << 1)
#define X86_CR0_EM (1u << 2)
#define X86_CR0_TS (1u << 3)
#define X86_CR0_NE (1u << 5)
#define X86_CR4_OSFXSR (1u << 9)
#define X86_CR4_OSXMMEXCPT (1u << 10)
#define CPUID_1_EDX_FXSR (1u << 24)
#define FXSAVE_MXCSR 24	     /* offsets in the fxsave image */
#define FXSAVE_MXCSR_MASK 28
#define MXCSR_MASK_DEFAULT 0xffbf /* when the CPU reports none */

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

/* The MXCSR bits this CPU accepts (fxrstor faults on the others). */
static u32 mxcsr_mask(void)
{
	u32 mask;

	memcpy(&mask, init_fpstate.area + FXSAVE_MXCSR_MASK, sizeof(mask));
	return mask ? mask : MXCSR_MASK_DEFAULT;
}

void fpu_save_user(struct user_fpstate *uf)
{
	struct fpu_state *st = &current->fpu;

	preempt_disable();
	fpu_save(st);
	memcpy(uf->fxsave, st->area, sizeof(uf->fxsave));
	if (have_fxsr) {
		/* fnsave resets the x87 unit: frstor puts it back. */
		__asm__ __volatile__("fnsave %0; frstor %0" : "+m"(uf->fnsave));
		uf->magic = FPSTATE_MAGIC_FXSR;
	} else {
		memcpy(uf->fnsave, st->area, sizeof(uf->fnsave));
		uf->magic = FPSTATE_MAGIC_FNSAVE;
	}
	preempt_enable();
	memcpy(&uf->status, uf->fnsave + 4, sizeof(uf->status));
}

void fpu_restore_user(struct user_fpstate *uf)
{
	struct fpu_state *st = &current->fpu;
	u32 mxcsr;

	if (have_fxsr && uf->magic == FPSTATE_MAGIC_FXSR) {
		memcpy(&mxcsr, uf->fxsave + FXSAVE_MXCSR, sizeof(mxcsr));
		mxcsr &= mxcsr_mask();
		memcpy(uf->fxsave + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
		preempt_disable();
		memcpy(st->area, uf->fxsave, sizeof(st->area));
		fpu_restore(st);
		preempt_enable();
		return;
	}
	/* Only the x87 part: SSE keeps the clean state. */
	preempt_disable();
	fpu_restore(&init_fpstate);
	__asm__ __volatile__("frstor %0" : : "m"(uf->fnsave));
	preempt_enable();
}

void fpu_reset_user(void)
{
	preempt_disable();
	fpu_restore(&init_fpstate);
	preempt_enable();
}
