/* SPDX-License-Identifier: MIT */
/*
 * The x87/SSE state of user processes (kernel/arch/x86/fpu.c). The
 * kernel itself never touches these registers (-mgeneral-regs-only), so
 * only processes have a state to keep: it is saved when a process is
 * switched out and restored when one is switched in (eager switching,
 * no lazy #NM tricks).
 */
#ifndef ASM_FPU_H
#define ASM_FPU_H

#include "kernel/lib/compiler.h"
#include "kernel/lib/types.h"

/* The fxsave image (512 bytes); fnsave's 108 fit in it where there is no FXSR. */
struct fpu_state {
	u8 area[512];
} __aligned(16);

/*
 * Linux's i386 struct _fpstate, as a signal frame holds it: the fnsave
 * image first (what pre-FXSR programs read), then with FXSR the fxsave
 * image. A copy of it on the kernel stack is not 16-byte aligned (as
 * fxsave needs): the state goes through the task's own fpu area, free
 * while the task runs.
 */
#define FPSTATE_MAGIC_FXSR 0x0000   /* the fxsave image follows */
#define FPSTATE_MAGIC_FNSAVE 0xffff /* only the fnsave image */

struct user_fpstate {
	u8 fnsave[108];		/* cw, sw, tag, ip, cs, data, ds, st0-7 */
	u16 status;		/* the status word when the signal came */
	u16 magic;		/* FPSTATE_MAGIC_* */
	u8 fxsave[512];		/* with FXSR */
};

/**
 * fpu_save_user - the caller's FPU registers into a signal frame's image
 * @uf: a kernel copy of the frame's struct _fpstate
 *
 * Context: a process, preemptible (the live registers are its own).
 */
void fpu_save_user(struct user_fpstate *uf);

/**
 * fpu_restore_user - load the FPU registers from a signal frame's image
 * @uf: a kernel copy of what sigreturn found on the user stack
 *
 * The image comes from user space: MXCSR's reserved bits are cleared
 * first, as fxrstor would fault on them in the kernel.
 * Context: a process, preemptible.
 */
void fpu_restore_user(struct user_fpstate *uf);

/**
 * fpu_reset_user - give the caller the clean state (a handler starts so)
 *
 * Context: a process, preemptible.
 */
void fpu_reset_user(void);

/**
 * fpu_init_cpu - let this CPU run x87 and SSE code in user mode
 *
 * CR0: no emulation, monitor and native errors; CR4: OSFXSR and
 * OSXMMEXCPT where the CPU has FXSR. Captures the clean state new
 * processes start with (on the boot CPU).
 * Context: boot and each CPU's start, interrupts off.
 */
void fpu_init_cpu(void);

/**
 * fpu_save - save this CPU's FPU registers into @st
 * @st: the process's area
 *
 * Context: the scheduler's switch, interrupts off; fork.
 */
void fpu_save(struct fpu_state *st);

/**
 * fpu_restore - load this CPU's FPU registers from @st
 * @st: an area filled by fpu_save or fpu_init_state
 *
 * Context: the scheduler's switch, interrupts off.
 */
void fpu_restore(const struct fpu_state *st);

/**
 * fpu_init_state - the state a new program starts with (after execve)
 * @st: the area to fill
 *
 * Context: any.
 */
void fpu_init_state(struct fpu_state *st);

#endif /* ASM_FPU_H */
