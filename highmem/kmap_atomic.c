// SPDX-License-Identifier: MIT
/*
 * The slots of kmap_atomic and kmap_local: per-CPU fixmap slots used as
 * a stack. Mapping writes the PTE of the CPU's next slot; unmapping
 * clears it and drops that one page from this CPU's TLB with invlpg.
 * Nothing is shared between CPUs and nothing sleeps, so interrupts may
 * map too: an interrupt that arrives while a thread holds slots takes
 * the next ones and gives them back before it returns. A thread holding
 * kmap_local slots may be switched out: kmap_local.c saves them.
 *
 * No other CPU ever needs a TLB shootdown for these slots: a slot is
 * only used by the thread (or interrupt) that mapped it, which stays on
 * its CPU from map to unmap, so no other CPU's TLB loads its
 * translation. (The pkmap pool, whose addresses every CPU may use, does
 * need one.)
 *
 *   fixmap, growing down from FIXADDR_TOP:
 *   | hole | cpu0 slot0 | cpu0 slot1 | ... | cpu0 slot15 | cpu1 slot0 | ...
 *   with kmap.debug: | guard | cpu0 slot0 | guard | cpu0 slot1 | ...
 *
 * The common case (a highmem page, no debugging) is inline in
 * highmem/highmem.h; this file has everything else: lowmem pages in
 * debug mode, guard slots, the Bochs breakpoint, and the checks that end
 * in a panic.
 */
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "kernel/debug/bochs.h"
#include "kernel/debug/panic.h"
#include "kernel/percpu.h"
#include "kernel/preempt.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "kernel/smp.h"
#include <asm/fixmap.h>
#include <asm/cpu.h>
#include <asm/tlbflush.h>

bool kmap_debug;
DEFINE_PER_CPU(unsigned long, kmap_top);
/* Until kmap_init: every map on the slow path (lowmem pages work there). */
DEFINE_PER_CPU_INIT(unsigned long, kmap_limit, ~0ul);
DEFINE_PER_CPU(unsigned long, kmap_cpu_vaddr);
struct page *kmap_lowmem_end;
unsigned long kmap_direct_bias, kmap_pte_low_bias, kmap_pte_high_bias;
pteval_t *kmap_pte; /* the PTE of slot 0 (FIX_KMAP_BEGIN) */

/* The inline path needs a flat mem_map on a 16 MiB boundary. */
static bool kmap_inline_layout(void)
{
	return mem_map_flat &&
	       IS_ALIGNED((unsigned long)mem_map, 1ul << SECTION_SIZE_BITS);
}

static bool kmap_slow_mode(void)
{
	return kmap_debug || !kmap_inline_layout() ||
	       (bochs_break_mask &
		((1u << BREAK_KMAP_ATOMIC) | (1u << BREAK_KMAP_LOCAL)));
}

/* @cpu's state for the current mode, keeping its depth. */
static void kmap_cpu_set_mode(unsigned int cpu)
{
	unsigned long top = per_cpu(kmap_top, cpu) & PAGE_MASK;

	per_cpu(kmap_limit, cpu) = kmap_slow_mode() ?
		~0ul : per_cpu(kmap_cpu_vaddr, cpu) - KM_THREAD_MAX * PAGE_SIZE;
	per_cpu(kmap_top, cpu) = top | (kmap_debug ? 1 : 0);
}

void kmap_atomic_init(void)
{
	pteval_t prot = kmap_prot;
	unsigned int cpu;

	kmap_pte = lookup_kernel_pte(fix_to_virt(FIX_KMAP_BEGIN));
	if (!kmap_pte)
		panic("no page table for the fixmap");
	/* The inline path's layout: CPU n's slots follow CPU n-1's. */
	for_each_possible_cpu(cpu) {
		per_cpu(kmap_cpu_vaddr, cpu) =
			fix_to_virt(FIX_KMAP_BEGIN + cpu * KM_MAX_IDX);
		per_cpu(kmap_top, cpu) = per_cpu(kmap_cpu_vaddr, cpu) + PAGE_SIZE;
	}
	/*
	 * (page - mem_map) << 8 is pfn << PAGE_SHIFT, and >> 24 is the pfn's
	 * bits above 4 GiB: with mem_map on a 16 MiB boundary, the
	 * subtraction of mem_map folds into the constants.
	 */
	kmap_direct_bias = PAGE_OFFSET - ((unsigned long)mem_map << 8);
	kmap_pte_low_bias = (u32)prot - ((unsigned long)mem_map << 8);
	kmap_pte_high_bias = (u32)(prot >> 32) - ((unsigned long)mem_map >> 24);
	kmap_atomic_update_slow();
	for_each_possible_cpu(cpu)
		kmap_cpu_set_mode(cpu);
}

void kmap_atomic_update_slow(void)
{
	kmap_lowmem_end = kmap_debug || !kmap_inline_layout() ?
		mem_map : pfn_to_page(max_low_pfn);
	kmap_cpu_set_mode(smp_processor_id());
}

int kmap_atomic_depth(void)
{
	return kmap_depth_of(smp_processor_id());
}

int kmap_depth_of(unsigned int cpu)
{
	unsigned long top = READ_ONCE(per_cpu(kmap_top, cpu)) & PAGE_MASK;

	return (int)((per_cpu(kmap_cpu_vaddr, cpu) + PAGE_SIZE - top) >>
		     PAGE_SHIFT);
}

/*
 * The fixmap slot (counted from FIX_KMAP_BEGIN) of @cpu's entry @idx.
 * In debug mode each slot has its guard page just above it (the even
 * slots), where a write past the end of the mapping lands.
 */
static unsigned int kmap_slot(unsigned int cpu, int idx)
{
	unsigned int slot = cpu * KM_MAX_IDX + (unsigned int)idx;

	return kmap_debug ? slot * KM_SLOT_STRIDE + 1 : slot;
}

/* slot_vaddr(0) is FIX_KMAP_BEGIN's page, the top of the kmap area. */
static unsigned long slot_vaddr(unsigned int slot)
{
	return fix_to_virt(FIX_KMAP_BEGIN + slot);
}

pteval_t *kmap_slot_pte(unsigned int cpu, int idx)
{
	return &kmap_pte[-(int)kmap_slot(cpu, idx)];
}

unsigned long kmap_slot_vaddr(unsigned int cpu, int idx)
{
	return slot_vaddr(kmap_slot(cpu, idx));
}

unsigned long kmap_slot_pfn(unsigned int cpu, int idx)
{
	pteval_t pte;

	if (cpu >= NR_CPUS || idx < 0 || idx >= KM_MAX_IDX)
		return -1ul;
	pte = READ_ONCE(*kmap_slot_pte(cpu, idx));
	return (pte & _PAGE_PRESENT) ? (unsigned long)pte_pfn(pte) : -1ul;
}

pteval_t *kmap_atomic_slot_pte(int idx)
{
	return kmap_slot_pte(smp_processor_id(), idx);
}

void kmap_slot_check_overflow(int idx)
{
	if (in_interrupt() && idx < KM_MAX_IDX)
		return; /* an interrupt on top of a thread's slots */
	if (in_interrupt())
		panic("kmap_local/kmap_atomic: more than %d nested mappings "
		      "on CPU %u, interrupts included", KM_MAX_IDX,
		      smp_processor_id());
	panic("kmap_local/kmap_atomic: more than %d nested mappings in "
	      "thread %s (pid %d) on CPU %u (KM_THREAD_MAX; the CPU's other "
	      "%d slots are for interrupts)", KM_THREAD_MAX, current->comm,
	      current->pid, smp_processor_id(), KM_MAX_IDX - KM_THREAD_MAX);
}

static const char *slot_api(bool local)
{
	return local ? "kmap_local" : "kmap_atomic";
}

/* The magic breakpoint of kmap_local_page or kmap_atomic. */
static void announce(bool local, unsigned long vaddr, pteval_t *pte, int idx,
		     struct page *page)
{
	bochs_break_regs(local ? BREAK_KMAP_LOCAL : BREAK_KMAP_ATOMIC, vaddr,
			 pte,
			 "EAX = 0x%08lx (CPU %u slot %d, %s) maps pfn 0x%lx "
			 "(phys 0x%llx); EDX = 0x%p, its PTE = 0x%016llx; try: "
			 "page 0x%08lx, x /2wx 0x%p, xp /4wx 0x%llx", vaddr,
			 smp_processor_id(), idx, slot_api(local),
			 page_to_pfn(page),
			 (unsigned long long)page_to_phys(page), (void *)pte,
			 (unsigned long long)*pte, vaddr, (void *)pte,
			 (unsigned long long)page_to_phys(page));
}

/*
 * Everything but a plain map: debug mode, breakpoints, a sparse
 * mem_map, the slots kept for interrupts. The inline path claimed a
 * slot before it came here: it is given back first, with preemption
 * off, and claimed again below if the page needs one.
 */
void *kmap_slot_slowpath(struct page *page, bool local)
{
	unsigned long vaddr;
	pteval_t *pte;
	int idx;

	preempt_disable();
	kmap_top_release();
	if (!page_needs_kmap(page)) {
		preempt_enable();
		return lowmem_page_address(page);
	}
	idx = kmap_atomic_depth();
	kmap_top_claim(); /* claimed before the PTE is set */
	if (unlikely(idx >= KM_THREAD_MAX))
		kmap_slot_check_overflow(idx);
	vaddr = kmap_slot_vaddr(smp_processor_id(), idx);
	pte = kmap_slot_pte(smp_processor_id(), idx);
	if (unlikely(*pte & _PAGE_PRESENT))
		panic("%s: slot %d at 0x%08lx is still mapped", slot_api(local),
		      idx, vaddr);
	set_pte(pte, pfn_pte(page_to_pfn(page), kmap_prot));
	if (kmap_debug)
		kmap_slot_record(idx, local);
	announce(local, vaddr, pte, idx, page);
	preempt_enable();
	return (void *)vaddr;
}

/*
 * The unmap that the inline path did not do: debug-mode slots, or an
 * address that is not the last slot mapped (a bug: say which). As in
 * the inline path, the slot is released only after the TLB flush.
 */
void kunmap_slot_slowpath(unsigned long vaddr, bool local)
{
	unsigned int cpu;
	unsigned long last;
	int idx;

	preempt_disable();
	cpu = smp_processor_id();
	idx = kmap_atomic_depth() - 1;
	vaddr &= PAGE_MASK;
	if (unlikely(idx < 0))
		panic("%s(0x%08lx) without a kmap_local or kmap_atomic on "
		      "CPU %u", local ? "kunmap_local" : "kunmap_atomic", vaddr,
		      cpu);
	last = kmap_slot_vaddr(cpu, idx);
	if (unlikely(vaddr != last)) {
		kmap_slot_describe_owner(vaddr);
		panic("%s(0x%08lx) out of order: the last kmap_atomic or "
		      "kmap_local on CPU %u is at 0x%08lx (slot %d)",
		      local ? "kunmap_local" : "kunmap_atomic", vaddr, cpu, last,
		      idx);
	}
	pte_clear(kmap_slot_pte(cpu, idx));
	invlpg(vaddr);
	kmap_top_release();
	preempt_enable();
}

void __noreturn kunmap_atomic_bad(const void *addr)
{
	panic("kunmap_atomic(0x%p): not an address kmap_atomic returned",
	      addr);
}

/* For fault reports: is @addr one of the kmap_atomic slots or guards? */
const char *kmap_atomic_describe(unsigned long addr, int *cpu, int *idx)
{
	static const char *const what[2][3] = {
		{ "a kmap_local/kmap_atomic slot", "a kmap_local slot",
		  "a kmap_atomic slot" },
		{ "the guard page after a kmap_local/kmap_atomic slot",
		  "the guard page after a kmap_local slot",
		  "the guard page after a kmap_atomic slot" },
	};
	unsigned long top = slot_vaddr(0) | (PAGE_SIZE - 1);
	unsigned int rel, guard = 0, kind = 0;

	if (addr > top || addr < fix_to_virt(FIX_KMAP_END))
		return NULL;
	rel = (slot_vaddr(0) - (addr & PAGE_MASK)) >> PAGE_SHIFT;
	if (kmap_debug) {
		guard = rel % KM_SLOT_STRIDE == 0;
		rel /= KM_SLOT_STRIDE;
	}
	*cpu = (int)(rel / KM_MAX_IDX);
	*idx = (int)(rel % KM_MAX_IDX);
	if (kmap_slot_owner_known((unsigned int)*cpu, *idx))
		kind = strcmp(kmap_slot_kind((unsigned int)*cpu, *idx),
			      "kmap_local") ? 2 : 1;
	return what[guard][kind];
}

void kmap_atomic_print_held(void)
{
	unsigned int cpu = smp_processor_id();

	for (int idx = 0; idx < kmap_atomic_depth(); idx++)
		printk("  kmap_atomic/kmap_local slot %d at 0x%08lx maps pfn "
		       "0x%lx\n", idx, kmap_slot_vaddr(cpu, idx),
		       pte_pfn(*kmap_slot_pte(cpu, idx)));
}
