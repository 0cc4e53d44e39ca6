/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU variables on x86: the linker gathers them in the section
 * .data..percpu (the template, kernel.ld); each CPU gets a copy of it
 * (kernel/arch/x86/percpu.c), and its GDT's per-CPU segment, which %fs
 * holds, has its base at (copy - template). So "%fs:x", the address of
 * x in the template seen through %fs, is this CPU's x: GCC's __seg_fs
 * address space emits exactly that.
 */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

#include "kernel/config.h"
#include "kernel/lib/compiler.h"

#define DEFINE_PER_CPU(type, name) \
	__section(".data..percpu") __typeof__(type) per_cpu__##name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) per_cpu__##name
/* Every CPU's copy starts as @init (the template's value). */
#define DEFINE_PER_CPU_INIT(type, name, init) \
	DEFINE_PER_CPU(type, name) = (init)

/* Each CPU's copy minus the template: what its %fs base holds. */
extern unsigned long __per_cpu_offset[NR_CPUS];

/* This CPU's offset, for this_cpu_ptr (which needs a plain pointer). */
DECLARE_PER_CPU(unsigned long, this_cpu_off);

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define per_cpu(name, cpu) (*per_cpu_ptr(&per_cpu__##name, (cpu)))
#define this_cpu(name) \
	(*(__typeof__(per_cpu__##name) __seg_fs *)(uintptr_t)&per_cpu__##name)
#define this_cpu_ptr(name)                                           \
	((__typeof__(&per_cpu__##name))((unsigned long)&per_cpu__##name + \
					 this_cpu(this_cpu_off)))

#endif /* ASM_PERCPU_H */
