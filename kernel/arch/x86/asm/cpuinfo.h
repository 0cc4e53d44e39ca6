/* SPDX-License-Identifier: MIT */
/* What the boot CPU can do, read once from CPUID. */
#ifndef KERNEL_CPU_H
#define KERNEL_CPU_H

#include "kernel/lib/types.h"

struct cpuinfo_x86 {
	char vendor[13];
	char model_name[49];
	unsigned int family, model, stepping;
	u32 max_ext_leaf;
	unsigned int phys_bits; /* physical address width the CPU handles */
	const char *phys_bits_source;
	bool pae, pge, nx, pat, pse36, tsc;
};

extern struct cpuinfo_x86 boot_cpu;

/**
 * cpu_init - read CPUID into boot_cpu and pick the PTE bits to use
 *
 * Decides the physical address width, enables _PAGE_NX and _PAGE_GLOBAL
 * in the kernel's PTE flags where boot/entry.asm switched those on, and
 * prints a summary of the CPU.
 * Context: boot, once, before the memory map is read.
 */
void cpu_init(void);

#endif /* KERNEL_CPU_H */
