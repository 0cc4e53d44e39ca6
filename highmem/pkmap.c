// SPDX-License-Identifier: MIT
/*
 * The persistent kmap pool: LAST_PKMAP page-table entries at PKMAP_BASE,
 * one page table. Each slot has a use count:
 *
 *     0   free, and no TLB holds it
 *     1   unused, but a TLB may still hold the old translation
 *     n   mapped, with n - 1 users
 *
 * kunmap only lowers the count; the entry stays. New mappings take the
 * next slot with count 0, going round the pool. When the search wraps to
 * slot 0, every count-1 slot is cleared and the whole area is flushed
 * from the TLB at once (flush_all_zero_pkmaps): one flush per lap instead
 * of one per kunmap. If no slot is free, kmap sleeps until a kunmap
 * makes one unused.
 *
 * Everything is under kmap_lock but the inline paths of highmem.h: a
 * kmap of a page already mapped, and a kunmap that leaves the slot in
 * use, change a count with cmpxchg, found through pkmap_hint[] and
 * checked against pkmap_page[]. So every change of a count here is
 * atomic too, and the flush frees a slot only by cmpxchg from 1.
 */
#define pr_fmt(fmt) "pkmap: " fmt

#include "kernel/seq_file.h"
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "kernel/debug/bochs.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/lib/errno.h"
#include "kernel/wait.h"
#include <asm/cpu.h>
#include <asm/tlbflush.h>

int pkmap_count[LAST_PKMAP];
struct page *pkmap_page[LAST_PKMAP]; /* what each slot maps; kmap_lock */
struct pkmap_hint pkmap_hint[1u << PKMAP_HINT_ORDER]; /* kmap_lock */
DEFINE_PER_CPU(unsigned long, pkmap_hits);
static unsigned int last_pkmap_nr;
static pteval_t *pkmap_page_table;
static DEFINE_SPINLOCK(kmap_lock);
static DECLARE_WAIT_QUEUE_HEAD(pkmap_map_wait);
int pkmap_waiters;
struct pkmap_stats pkmap_stats;

void pkmap_init(void)
{
	pkmap_page_table = lookup_kernel_pte(PKMAP_BASE);
	if (!pkmap_page_table)
		panic("no page table for the pkmap area at 0x%08lx", PKMAP_BASE);
}

int pkmap_slot_count(unsigned int nr)
{
	return nr < LAST_PKMAP ? READ_ONCE(pkmap_count[nr]) : -1;
}

unsigned long pkmap_slot_pfn(unsigned int nr)
{
	pteval_t pte;

	if (nr >= LAST_PKMAP)
		return -1ul;
	pte = READ_ONCE(pkmap_page_table[nr]);
	return (pte & _PAGE_PRESENT) ? (unsigned long)pte_pfn(pte) : -1ul;
}

unsigned long pkmap_total_hits(void)
{
	unsigned long hits = READ_ONCE(pkmap_stats.hits);
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		hits += READ_ONCE(per_cpu(pkmap_hits, cpu));
	return hits;
}

/* kmap_lock held: the inline path looks for @page at slot @nr first. */
static void pkmap_set_hint(const struct page *page, unsigned int nr)
{
	WRITE_ONCE(pkmap_hint[((unsigned long)page / sizeof(struct page)) &
			      ((1u << PKMAP_HINT_ORDER) - 1)].nr, nr);
}

/*
 * Clear every slot nobody uses any more, then drop the stale
 * translations from every CPU's TLB with one shootdown: any CPU may have
 * used any slot's address. Only then may a slot map another page.
 */
static void flush_all_zero_pkmaps(void)
{
	unsigned int cleared = 0;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		/* From exactly 1: an inline kmap may be taking it now. */
		if (READ_ONCE(pkmap_count[i]) != 1 ||
		    !__sync_bool_compare_and_swap(&pkmap_count[i], 1, 0))
			continue;
		WRITE_ONCE(pkmap_page[i], NULL);
		set_page_address(pfn_to_page(pte_pfn(pkmap_page_table[i])),
				 NULL);
		pte_clear(&pkmap_page_table[i]);
		cleared++;
	}
	if (!cleared)
		return;
	flush_tlb_kernel_range(PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE);
	pkmap_stats.flushes++;
	bochs_break_regs(BREAK_PKMAP_FLUSH, pkmap_page_table, cleared,
			 "pkmap wrapped: EDX = %u slots cleared, one TLB "
			 "shootdown (every CPU); EAX = 0x%p, the pkmap page table; try: "
			 "x /8wx 0x%p", cleared, (void *)pkmap_page_table,
			 (void *)pkmap_page_table);
}

/* A slot with count 1 or 0: the next lap's flush makes it free. */
static bool pkmap_any_unused(void)
{
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (READ_ONCE(pkmap_count[i]) <= 1)
			return true;
	return false;
}

void pkmap_wake_waiters(void)
{
	wake_up(&pkmap_map_wait);
}

/*
 * Find a free slot and map @page there. kmap_lock held; it is dropped
 * while the caller sleeps for a slot (@may_sleep), else NULL is returned
 * when every slot is in use.
 */
static void *map_new_virtual(struct page *page, bool may_sleep)
{
	unsigned int count;
	void *vaddr;

start:
	count = LAST_PKMAP;
	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & (LAST_PKMAP - 1);
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count)
			continue;
		if (!may_sleep)
			return NULL;
		/* Every slot is in use: sleep until a kunmap frees one. */
		{
			DEFINE_WAIT(wait);

			pkmap_stats.waits++;
			WRITE_ONCE(pkmap_waiters, pkmap_waiters + 1);
			prepare_to_wait(&pkmap_map_wait, &wait);
			/*
			 * kunmap's inline path frees a slot without the lock,
			 * then looks for waiters: look for such a slot once
			 * more, now that we are one (prepare_to_wait's lock
			 * orders the two).
			 */
			if (!pkmap_any_unused()) {
				spin_unlock(&kmap_lock);
				schedule();
				spin_lock(&kmap_lock);
			}
			finish_wait(&pkmap_map_wait, &wait);
			WRITE_ONCE(pkmap_waiters, pkmap_waiters - 1);
		}
		/* Someone else may have mapped the page meanwhile. */
		vaddr = pkmap_address(page);
		if (vaddr)
			return vaddr;
		goto start;
	}
	vaddr = (void *)PKMAP_ADDR(last_pkmap_nr);
	set_pte(&pkmap_page_table[last_pkmap_nr],
		pfn_pte(page_to_pfn(page), kmap_prot));
	set_page_address(page, vaddr);
	/* The PTE and the page before the count: the inline path's order. */
	WRITE_ONCE(pkmap_page[last_pkmap_nr], page);
	pkmap_set_hint(page, last_pkmap_nr);
	barrier();
	WRITE_ONCE(pkmap_count[last_pkmap_nr], 1);
	pkmap_stats.maps++;
	bochs_break_regs(BREAK_KMAP, vaddr, &pkmap_page_table[last_pkmap_nr],
			 "EAX = 0x%p (pkmap slot %u) maps pfn 0x%lx (phys "
			 "0x%llx); EDX = 0x%p, its PTE = 0x%016llx; try: page "
			 "0x%p, x /2wx 0x%p, xp /4wx 0x%llx", vaddr,
			 last_pkmap_nr, page_to_pfn(page),
			 (unsigned long long)page_to_phys(page),
			 (void *)&pkmap_page_table[last_pkmap_nr],
			 (unsigned long long)pkmap_page_table[last_pkmap_nr],
			 vaddr, (void *)&pkmap_page_table[last_pkmap_nr],
			 (unsigned long long)page_to_phys(page));
	return vaddr;
}

static void *__kmap(struct page *page, bool may_sleep)
{
	void *vaddr;

	if (!page_needs_kmap(page))
		return lowmem_page_address(page);
	spin_lock(&kmap_lock);
	vaddr = pkmap_address(page);
	if (vaddr) {
		pkmap_stats.hits++;
		pkmap_set_hint(page, PKMAP_NR(vaddr)); /* the next one is inline */
	} else {
		vaddr = map_new_virtual(page, may_sleep);
	}
	if (vaddr) {
		__sync_add_and_fetch(&pkmap_count[PKMAP_NR(vaddr)], 1);
		current->kmap_count++;
	}
	spin_unlock(&kmap_lock);
	return vaddr;
}

void *kmap_slow(struct page *page)
{
	might_sleep();
	return __kmap(page, true);
}

void *kmap_try(struct page *page)
{
	return __kmap(page, false);
}

unsigned int pkmap_lowmem_slots(void)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (READ_ONCE(pkmap_count[i]) > 1 &&
		    pte_pfn(pkmap_page_table[i]) < max_low_pfn)
			n++;
	return n;
}

unsigned int pkmap_slots_in_use(void)
{
	unsigned int used = 0;

	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (READ_ONCE(pkmap_count[i]) > 1)
			used++;
	return used;
}

void kunmap_slow(struct page *page)
{
	bool wake = false;
	unsigned int nr;
	void *vaddr;

	if (in_interrupt())
		panic("kunmap in an interrupt handler (use kmap_atomic there)");
	if (!page_needs_kmap(page))
		return;
	spin_lock(&kmap_lock);
	vaddr = pkmap_address(page);
	if (!vaddr)
		panic("kunmap of pfn 0x%lx, which is not kmapped (unbalanced "
		      "kunmap)", page_to_pfn(page));
	nr = PKMAP_NR(vaddr);
	switch (__sync_sub_and_fetch(&pkmap_count[nr], 1)) {
	case 0:
		panic("kunmap of pfn 0x%lx at 0x%p: more kunmaps than kmaps "
		      "(unbalanced kunmap)", page_to_pfn(page), vaddr);
	case 1:
		/* The slot is unused now; a sleeper can have it at the next wrap. */
		wake = waitqueue_active(&pkmap_map_wait);
		break;
	}
	if (current->kmap_count)
		current->kmap_count--;
	spin_unlock(&kmap_lock);
	if (wake)
		wake_up(&pkmap_map_wait);
}

void kmap_check_none_held(struct task_struct *task)
{
	if (!task->kmap_count && !kmap_atomic_depth())
		return;
	/* kmap_local_page (or an unbalanced kmap_atomic) on this CPU. */
	printk("BUG: kmap leak in thread %s (pid %d)\n", task->comm, task->pid);
	if (task->kmap_count) {
		printk("pkmap slots in use now (the pool is shared; the "
		       "thread holds %u of these):\n", task->kmap_count);
		for (unsigned int i = 0; i < LAST_PKMAP; i++)
			if (pkmap_count[i] > 1)
				printk("  pkmap slot %u at 0x%08lx maps pfn 0x%lx "
				       "(%d users)\n", i, PKMAP_ADDR(i),
				       pte_pfn(pkmap_page_table[i]),
				       pkmap_count[i] - 1);
	}
	kmap_atomic_print_held();
	panic("kmap leak: thread %s (pid %d) exits holding %u kmap "
	      "slots and %d kmap_local/kmap_atomic slots", task->comm,
	      task->pid, task->kmap_count, kmap_atomic_depth());
}

int pkmapinfo_show(struct seq_file *m)
{
	unsigned int used = 0, stale = 0;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] > 1)
			used++;
		else if (pkmap_count[i] == 1)
			stale++;
	}
	seq_printf(m, "pkmap: %u slots at 0x%08lx: %u in use, %u unused but not "
	       "flushed, %u free\n", LAST_PKMAP, PKMAP_BASE, used, stale,
	       LAST_PKMAP - used - stale);
	seq_printf(m, "next slot after %u; maps %lu, hits %lu, flushes %lu, waits %lu\n",
	       last_pkmap_nr, pkmap_stats.maps, pkmap_total_hits(),
	       pkmap_stats.flushes, pkmap_stats.waits);
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_count[i])
			seq_printf(m, "  slot %3u  0x%08lx  count %d  pfn 0x%lx\n", i,
			       PKMAP_ADDR(i), pkmap_count[i],
			       pte_pfn(pkmap_page_table[i]));
	return 0;
}
