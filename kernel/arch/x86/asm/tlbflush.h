/* SPDX-License-Identifier: MIT */
/*
 * Dropping translations from this CPU's TLB. A PTE that is changed or
 * cleared may still be cached: the TLB keeps it until invlpg of its
 * page, a CR3 reload (which keeps global entries) or a CR4.PGE toggle.
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

#include <asm/cpu.h>
#include <asm/percpu.h>

/*
 * Every flush is counted, on the CPU that does it: the benchmarks report
 * TLB flushes per operation, summed over the CPUs, and `vmstat` shows
 * them (nr_tlb_local_flush_one/all). One increment through %fs each.
 */
struct tlb_flush_stat {
	unsigned long one; /* invlpg */
	unsigned long all; /* full flushes: CR3 reloads or CR4.PGE toggles */
};

DECLARE_PER_CPU(struct tlb_flush_stat, tlb_flush_stat);

/**
 * invlpg - drop the TLB entry of one page on this CPU
 * @vaddr: any address inside the page
 *
 * Global entries are dropped too.
 * Context: any.
 */
static inline void invlpg(unsigned long vaddr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(vaddr) : "memory");
	this_cpu(tlb_flush_stat).one++;
}

/**
 * flush_tlb_all - drop every TLB entry on this CPU, global ones included
 *
 * Toggling CR4.PGE flushes global entries, which a CR3 reload alone
 * keeps; without PGE a CR3 reload is enough. Expensive: batch the
 * changes and flush once (as the lazy vfree purge does).
 * Context: any.
 */
static inline void flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
	this_cpu(tlb_flush_stat).all++;
}

/**
 * flush_tlb_kernel_range - drop [@start, @end) from every CPU's TLB
 * @start: the first address
 * @end: the address after the last
 *
 * This CPU's TLB first, then the other online CPUs' by IPI; returns
 * once all have. Ranges longer than a few pages flush everything.
 * Context: any but NMI, spinlocks held and interrupts off included
 * (kernel/arch/x86/tlb.c says why that cannot deadlock).
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/**
 * flush_tlb_local_range - drop [@start, @end) from this CPU's TLB only
 * @start: the first address
 * @end: the end, exclusive
 * @user: a user range: a large one takes a CR3 reload (user pages are not
 *        global) instead of a flush of the global kernel entries too
 *
 * A few pages go one by one with invlpg; more than 32 at once cost a
 * full flush instead.
 * Context: any, preemption off (it is this CPU's TLB).
 */
void flush_tlb_local_range(unsigned long start, unsigned long end, bool user);

/**
 * flush_tlb_kernel_all - drop every translation from every CPU's TLB
 *
 * Context: as flush_tlb_kernel_range.
 */
void flush_tlb_kernel_all(void);

#endif /* ASM_TLBFLUSH_H */
