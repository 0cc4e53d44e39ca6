// SPDX-License-Identifier: MIT
/*
 * Which address space each CPU has loaded, and TLB flushes of user
 * mappings.
 *
 * A CPU loads a process's page tables (a CR3 write) when it switches to
 * one of its threads. A kernel thread has no address space of its own:
 * it runs on whatever the CPU had loaded (lazy TLB, as in Linux), so a
 * process -> idle -> same process round trip costs no CR3 write and no
 * TLB refill. Each mm keeps the set of CPUs that may hold its
 * translations (cpu_mask): a CPU joins it before it loads the mm and
 * leaves it when it loads another one. A user TLB flush goes to those
 * CPUs only; CPUs that never ran the process get no IPI.
 *
 * When the last user of an mm is gone (mmput), the CPUs that still have
 * it loaded lazily are made to switch to the kernel's own PDPT before
 * its page directories are freed.
 */
#include "kernel/preempt.h"
#include "kernel/smp.h"
#include "mm/mmap.h"
#include "mm/vmstat.h"
#include <asm/cpu.h>
#include <asm/hardirq.h>
#include <asm/tlbflush.h>

static DEFINE_PER_CPU(struct mm_struct *, cpu_loaded_mm);

struct mm_flush {
	struct mm_struct *mm;
	unsigned long start, end;
};

struct mm_struct *loaded_mm(void)
{
	return this_cpu(cpu_loaded_mm);
}

void switch_mm_irqs_off(struct mm_struct *next)
{
	struct mm_struct *prev = this_cpu(cpu_loaded_mm);
	unsigned int cpu = smp_processor_id();

	if (!next || next == prev)
		return;
	/*
	 * Join the new mm's CPUs before loading it (set_bit is a locked
	 * instruction, a full barrier): a flusher that changed a PTE and
	 * then reads cpu_mask either sees us, or we load the changed PTE.
	 */
	set_bit(cpu, &next->cpu_mask);
	write_cr3(__pa(next->pgd));
	this_cpu(cpu_loaded_mm) = next;
	if (prev)
		clear_bit(cpu, &prev->cpu_mask);
}

/* Flush [start, end) of @f->mm here, if this CPU has it loaded. */
static void flush_mm_local(const struct mm_flush *f)
{
	if (this_cpu(cpu_loaded_mm) == f->mm)
		flush_tlb_local_range(f->start, f->end, true);
}

static void flush_mm_remote(void *info)
{
	this_cpu(irq_stat).tlb_shootdown++;
	count_vm_event(TLB_REMOTE_FLUSH_RECEIVED);
	flush_mm_local(info);
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	struct mm_flush f = { mm, start & PAGE_MASK, end };
	unsigned long others;

	if (end <= start)
		return;
	preempt_disable();
	flush_mm_local(&f);
	/* The PTE stores above come before the read of the mask. */
	smp_mb();
	others = READ_ONCE(mm->cpu_mask) & ~(1ul << smp_processor_id());
	if (others) {
		count_vm_event(TLB_REMOTE_FLUSH);
		smp_call_function_many_lockfree((u32)others, flush_mm_remote,
						&f);
	}
	preempt_enable();
}

/* Switch this CPU to the kernel's page tables if it has @info loaded. */
static void leave_mm(void *info)
{
	struct mm_struct *mm = info;

	if (this_cpu(cpu_loaded_mm) != mm)
		return;
	write_cr3(__pa(swapper_pdpt));
	this_cpu(cpu_loaded_mm) = NULL;
	clear_bit(smp_processor_id(), &mm->cpu_mask);
}

void leave_mm_everywhere(struct mm_struct *mm)
{
	unsigned long others;

	preempt_disable();
	leave_mm(mm);
	others = READ_ONCE(mm->cpu_mask) & ~(1ul << smp_processor_id());
	if (others)
		smp_call_function_many_lockfree((u32)others, leave_mm, mm);
	preempt_enable();
}
