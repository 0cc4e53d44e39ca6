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
