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

/*
 * cpu_init - read CPUID, decide the physical address width and the PTE
 * bits (NX, global) the kernel may use, and print one summary line.
 * Context: boot, before the memory map is read.
 */
void cpu_init(void);

#endif /* KERNEL_CPU_H */
