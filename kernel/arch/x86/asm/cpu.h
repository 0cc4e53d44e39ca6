/* SPDX-License-Identifier: MIT */
/* Control registers, MSRs, CPUID, TLB and time-stamp counter access. */
#ifndef ASM_CPU_H
#define ASM_CPU_H

#include "kernel/lib/types.h"

#define X86_EFLAGS_ID (1u << 21) /* toggles only where CPUID exists */
#define X86_CR0_WP (1u << 16)
#define X86_CR0_PG (1u << 31)
#define X86_CR4_PSE (1u << 4)
#define X86_CR4_PAE (1u << 5)
#define X86_CR4_PGE (1u << 7)
#define MSR_EFER 0xC0000080u
#define EFER_NXE (1u << 11)
#define MSR_IA32_PAT 0x277u

#define DEFINE_READ_CR(n)                                                  \
	static inline unsigned long read_cr##n(void)                       \
	{                                                                  \
		unsigned long v;                                           \
		__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));      \
		return v;                                                  \
	}
#define DEFINE_WRITE_CR(n)                                                 \
	static inline void write_cr##n(unsigned long v)                    \
	{                                                                  \
		__asm__ __volatile__("mov %0, %%cr" #n : : "r"(v) : "memory"); \
	}
DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)
DEFINE_WRITE_CR(0)
DEFINE_WRITE_CR(3)
DEFINE_WRITE_CR(4)
#undef DEFINE_READ_CR
#undef DEFINE_WRITE_CR

struct cpuid_regs {
	u32 eax, ebx, ecx, edx;
};

static inline struct cpuid_regs cpuid(u32 leaf)
{
	struct cpuid_regs r;

	__asm__ __volatile__("cpuid"
			     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			     : "a"(leaf), "c"(0));
	return r;
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr"
			     :
			     : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32)));
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

static inline unsigned long read_esp(void)
{
	unsigned long esp;

	__asm__ __volatile__("mov %%esp, %0" : "=r"(esp));
	return esp;
}

static inline unsigned long read_ebp(void)
{
	unsigned long ebp;

	__asm__ __volatile__("mov %%ebp, %0" : "=r"(ebp));
	return ebp;
}

#endif /* ASM_CPU_H */
