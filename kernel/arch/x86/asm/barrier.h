/* SPDX-License-Identifier: MIT */
/*
 * Memory barriers between CPUs. x86 keeps stores in order and loads in
 * order; the one reordering it does is a later load passing an earlier
 * store (to another address), which only a full barrier stops. A locked
 * instruction on the stack is that barrier, and cheaper than mfence
 * (which CPUs before the Pentium 4 do not have).
 */
#ifndef ASM_BARRIER_H
#define ASM_BARRIER_H

#include "kernel/lib/compiler.h"

/* Full barrier: no load or store moves across it. */
#define smp_mb() __asm__ __volatile__("lock; addl $0, 0(%%esp)" ::: "memory", "cc")
/* Loads stay in order, stores stay in order: only the compiler can move them. */
#define smp_rmb() barrier()
#define smp_wmb() barrier()

#endif /* ASM_BARRIER_H */
