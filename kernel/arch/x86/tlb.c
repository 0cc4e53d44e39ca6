// SPDX-License-Identifier: MIT
/*
 * TLB shootdown: when a kernel mapping is removed or changed, every CPU
 * that may hold the old translation in its TLB must drop it before the
 * page can be reused. This CPU flushes its own TLB, then asks the
 * others with a lock-free cross-CPU call (kernel/arch/x86/smp.c) and
 * waits until all have done it. A few pages are flushed one by one with
 * invlpg; more than TLB_FLUSH_PAGES at once cost a full flush instead.
 *
 * Every kernel mapping lives in the one set of kernel page tables that
 * all CPUs share, so "every CPU" is every online CPU. The per-CPU
 * kmap_atomic slots are the exception that needs none (see
 * highmem/kmap_atomic.c).
 */
#include "kernel/preempt.h"
#include "kernel/smp.h"
#include "mm/vmstat.h"
#include <asm/hardirq.h>
#include <asm/cpu.h>
#include <asm/layout.h>
#include <asm/tlbflush.h>

#define TLB_FLUSH_PAGES 32

struct flush_range {
	unsigned long start, end;
};

void flush_tlb_local_range(unsigned long start, unsigned long end, bool user)
{
	unsigned long va;

	if (end - start > TLB_FLUSH_PAGES * PAGE_SIZE) {
		if (!user) {
			flush_tlb_all();
			return;
		}
		/* User pages are not global: a CR3 reload drops them all. */
		write_cr3(read_cr3());
		this_cpu(tlb_flush_stat).all++;
		return;
	}
	for (va = start & PAGE_MASK; va < end && va >= (start & PAGE_MASK);
	     va += PAGE_SIZE)
		invlpg(va);
}

/* Flush [start, end) of the kernel half from this CPU's TLB. */
static void flush_range_local(const struct flush_range *r)
{
	flush_tlb_local_range(r->start, r->end, false);
}

/* The IPI's half: runs on each other CPU, interrupts off, takes no lock. */
static void flush_range_remote(void *info)
{
	this_cpu(irq_stat).tlb_shootdown++;
	count_vm_event(TLB_REMOTE_FLUSH_RECEIVED);
	flush_range_local(info);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_range r = { start, end };

	if (end <= start)
		return;
	preempt_disable();
	flush_range_local(&r);
	if (num_online_cpus() > 1) {
		count_vm_event(TLB_REMOTE_FLUSH);
		smp_call_function_many_lockfree(cpu_online_mask,
						flush_range_remote, &r);
	}
	preempt_enable();
}

void flush_tlb_kernel_all(void)
{
	flush_tlb_kernel_range(0, ~0ul);
}
