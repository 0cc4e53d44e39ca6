/* SPDX-License-Identifier: MIT */
/*
 * Host version: a test process is "CPU 0" of NR_CPUS; each per-CPU
 * variable is an array, so that code walking every CPU's copy sees
 * NR_CPUS distinct ones, as in the kernel.
 */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

#include "kernel/config.h"

#define DEFINE_PER_CPU(type, name) __typeof__(type) per_cpu__##name[NR_CPUS]
#define DEFINE_PER_CPU_INIT(type, name, init) \
	DEFINE_PER_CPU(type, name) = { [0 ... NR_CPUS - 1] = (init) }
#define DECLARE_PER_CPU(type, name) \
	extern __typeof__(type) per_cpu__##name[NR_CPUS]
#define per_cpu(name, cpu) (per_cpu__##name[(cpu)])
#define this_cpu(name) per_cpu(name, 0)
#define this_cpu_ptr(name) (&per_cpu(name, 0))

/* One process, no interrupts: a plain compare and store. */
#define this_cpu_try_cmpxchg_double(pcp1, pcp2, po1, po2, n1, n2)      \
	({                                                             \
		bool __ok = (pcp1) == *(po1) && (pcp2) == *(po2);      \
									\
		if (__ok) {                                            \
			(pcp1) = (n1);                                 \
			(pcp2) = (n2);                                 \
		} else {                                               \
			*(po1) = (pcp1);                               \
			*(po2) = (pcp2);                               \
		}                                                      \
		__ok;                                                  \
	})

#endif /* ASM_PERCPU_H */
