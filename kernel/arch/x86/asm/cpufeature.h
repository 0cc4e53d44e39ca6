/* SPDX-License-Identifier: MIT */
/* CPUID feature bits the kernel looks at (kernel/arch/x86/cpu.c, boot/entry.asm). */
#ifndef ASM_CPUFEATURE_H
#define ASM_CPUFEATURE_H

#define CPUID_1_EDX_TSC (1u << 4)
#define CPUID_1_EDX_PAE (1u << 6)
#define CPUID_1_EDX_PGE (1u << 13)
#define CPUID_1_EDX_CMOV (1u << 15)
#define CPUID_1_EDX_PAT (1u << 16)
#define CPUID_1_EDX_PSE36 (1u << 17)
#define CPUID_EXT_EDX_NX (1u << 20)
#define CPUID_EXT_BASE 0x80000000u
#define CPUID_EXT_FEATURES 0x80000001u
#define CPUID_BRAND_FIRST 0x80000002u
#define CPUID_BRAND_LAST 0x80000004u
#define CPUID_ADDRESS_SIZES 0x80000008u

/*
 * What the build assumes the CPU has: PAE (the page tables), CMOV (gcc
 * -march=i686 emits it anywhere in C code), TSC (rdtsc at the start of
 * start_kernel). boot/entry.asm refuses a CPU without them.
 */
#define CPUID_1_EDX_REQUIRED \
	(CPUID_1_EDX_PAE | CPUID_1_EDX_CMOV | CPUID_1_EDX_TSC)

#endif /* ASM_CPUFEATURE_H */
