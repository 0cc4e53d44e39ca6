/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU variables, with Linux's names:
 *
 *     DEFINE_PER_CPU(struct per_cpu_pageset, pagesets);
 *     this_cpu(pagesets).pcp[z]          the running CPU's copy
 *     per_cpu(pagesets, cpu).pcp[z]      a given CPU's copy
 *     this_cpu_ptr(pagesets)             a pointer to the running CPU's
 *
 * On x86 every CPU has its own copy of the per-CPU section, and its %fs
 * segment starts where its copy is: this_cpu(x) is one instruction,
 * "mov %fs:x, %eax" (kernel/arch/x86/asm/percpu.h, percpu.c). A CPU's
 * copy may only be used with preemption (or interrupts) off, so that
 * the thread stays on that CPU meanwhile.
 */
#ifndef KERNEL_PERCPU_H
#define KERNEL_PERCPU_H

#include "kernel/config.h"
#include <asm/percpu.h>

#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)

/**
 * percpu_init_boot_cpu - give CPU 0 its per-CPU area, GDT and TSS
 *
 * Until this runs %fs is the flat data segment, so this_cpu() reads the
 * template (and must not write it). Context: start_kernel, first thing.
 */
void percpu_init_boot_cpu(void);

/**
 * setup_per_cpu_areas - a per-CPU area for every other possible CPU
 *
 * All NR_CPUS get one, whether or not they exist, so that code walking
 * every possible CPU's copy (the page allocator's per-CPU lists, the
 * statistics) never lands in the template. Context: boot, after
 * paging_init (memblock hands out direct-mapped memory), before
 * mem_init.
 */
void setup_per_cpu_areas(void);

#endif /* KERNEL_PERCPU_H */
