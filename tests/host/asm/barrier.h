/* SPDX-License-Identifier: MIT */
/* Host version: the test process is one thread; the compiler's barrier is enough. */
#ifndef ASM_BARRIER_H
#define ASM_BARRIER_H

#include "kernel/lib/compiler.h"

#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() barrier()
#define smp_wmb() barrier()

#endif /* ASM_BARRIER_H */
