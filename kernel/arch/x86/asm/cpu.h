/* SPDX-License-Identifier: MIT */
/* Control registers, MSRs, CPUID, TLB and time-stamp counter access. */
#ifndef ASM_CPU_H
#define ASM_CPU_H

#include "kernel/lib/types.h"

#define X86_EFLAGS_ID (1u << 21) /* toggles only where CPUID exists */
#define X86_CR0_PE (1u << 0)
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

/**
 * cpuid - run CPUID for @leaf (sub-leaf 0)
 * @leaf: the leaf number, in EAX
 *
 * boot/entry.asm refuses to run on a CPU without CPUID, so it is always
 * there. It serialises the CPU: keep it out of hot paths.
 * Context: any.
 * Return: EAX, EBX, ECX and EDX as the CPU left them.
 */
static inline struct cpuid_regs cpuid(u32 leaf)
{
	struct cpuid_regs r;

	__asm__ __volatile__("cpuid"
			     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			     : "a"(leaf), "c"(0));
	return r;
}

/**
 * rdmsr - read the model-specific register @msr
 * @msr: the MSR number
 *
 * Context: any. An MSR the CPU does not have raises #GP: check CPUID first.
 * Return: its 64-bit value.
 */
static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

/**
 * wrmsr - write @val to the model-specific register @msr
 * @msr: the MSR number
 * @val: the 64-bit value
 *
 * Context: any. An unknown MSR or a reserved bit set raises #GP.
 */
static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr"
			     :
			     : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32)));
}

/**
 * rdtsc - read the time-stamp counter
 *
 * Counts CPU cycles (under qemu -icount, instructions); used to time
 * boot steps. boot/entry.asm checks that the CPU has a TSC. Not
 * serialising.
 * Context: any. Return: the counter.
 */
static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/**
 * cpu_relax - pause inside a busy-wait loop
 *
 * Context: any.
 */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

/**
 * halt - stop the CPU until the next interrupt (or NMI)
 *
 * With interrupts off it never wakes: that is how the power-off path
 * stops for good. To wait for an interrupt use safe_halt().
 * Context: any.
 */
static inline void halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

/**
 * read_esp - the current stack pointer
 *
 * Context: any. Return: ESP at the call.
 */
static inline unsigned long read_esp(void)
{
	unsigned long esp;

	__asm__ __volatile__("mov %%esp, %0" : "=r"(esp));
	return esp;
}

/**
 * read_ebp - the current frame pointer, where a stack walk starts
 *
 * Context: any. Return: EBP at the call.
 */
static inline unsigned long read_ebp(void)
{
	unsigned long ebp;

	__asm__ __volatile__("mov %%ebp, %0" : "=r"(ebp));
	return ebp;
}

#endif /* ASM_CPU_H */
