/* SPDX-License-Identifier: MIT */
/* What the boot CPU can do, read once from CPUID. */
#ifndef KERNEL_CPU_H
#define KERNEL_CPU_H

#include "kernel/lib/types.h"

/* The CPUID feature words kept, as Linux's x86_capability keeps them. */
enum cpuid_word {
	CPUID_1_EDX_WORD,   /* leaf 1, EDX: fpu ... pbe */
	CPUID_1_ECX_WORD,   /* leaf 1, ECX: pni ... hypervisor */
	CPUID_EXT_EDX_WORD, /* leaf 0x80000001, EDX: syscall, nx, lm ... */
	CPUID_EXT_ECX_WORD, /* leaf 0x80000001, ECX: lahf_lm ... */
	NR_CPUID_WORDS
};

struct cpuinfo_x86 {
	char vendor[13];
	char model_name[49];
	unsigned int family, model, stepping;
	u32 max_ext_leaf;
	unsigned int phys_bits; /* physical address width the CPU handles */
	const char *phys_bits_source;
	bool pae, pge, nx, pat, pse36, tsc;
	u32 cpuid_level;		/* the highest basic leaf */
	u32 features[NR_CPUID_WORDS];	/* the feature bits, by enum cpuid_word */
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

struct seq_file;

/**
 * cpuinfo_show - /proc/cpuinfo: one block per online CPU, Linux's fields
 * @m: where the text goes
 *
 * Every CPU is described by the boot CPU's CPUID (SMP here means like
 * CPUs), with its own number and APIC id.
 * Context: thread. Return: 0.
 */
int cpuinfo_show(struct seq_file *m);

#endif /* KERNEL_CPU_H */
