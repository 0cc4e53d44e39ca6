/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU variables, with Linux's names:
 *
 *     DEFINE_PER_CPU(struct per_cpu_pageset, pagesets);
 *     this_cpu(pagesets).pcp[z]          the running CPU's copy
 *     per_cpu(pagesets, cpu).pcp[z]      a given CPU's copy
 *
 * Each variable is an array indexed by CPU number. A CPU's copy may only
 * be used with preemption (or interrupts) off, so that the thread stays
 * on that CPU meanwhile.
 */
#ifndef KERNEL_PERCPU_H
#define KERNEL_PERCPU_H

#include "kernel/smp.h"

#define DEFINE_PER_CPU(type, name) type per_cpu__##name[NR_CPUS]
#define DECLARE_PER_CPU(type, name) extern type per_cpu__##name[NR_CPUS]
#define per_cpu(name, cpu) (per_cpu__##name[(cpu)])
#define this_cpu(name) per_cpu(name, smp_processor_id())

#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)

#endif /* KERNEL_PERCPU_H */
