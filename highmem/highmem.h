/* SPDX-License-Identifier: MIT */
/*
 * Borrowing a kernel address for a page that has none.
 *
 * Lowmem pages are always mapped (the direct map). A highmem page is
 * mapped only while someone uses it, in one of three ways, as in Linux:
 *
 *   kmap(page) / kunmap(page)
 *       a slot of the persistent pool (LAST_PKMAP = 512 pages at
 *       PKMAP_BASE). The mapping can be held across sleeps, is shared by
 *       every thread and CPU, and mapping a page that is already mapped
 *       returns the same address. When all slots are busy, kmap sleeps:
 *       thread context only. Each lap of the pool costs a TLB shootdown
 *       of every CPU, which is why Linux deprecated it.
 *
 *   kmap_local_page(page) / kunmap_local(addr)
 *       a per-CPU fixmap slot, KM_MAX_IDX per CPU, used as a stack:
 *       unmaps come in reverse order. The address is valid in the
 *       calling thread only. Preemption stays on; the thread is kept on
 *       its CPU (migrate_disable) and may take page faults and sleep. At
 *       a context switch its slots are saved and cleared, and put back
 *       when it runs again (highmem/kmap_local.c). Any context.
 *
 *   kmap_atomic(page) / kunmap_atomic(addr)
 *       the same slots, with preemption (and so page faults, see
 *       faulthandler_disabled) off until the unmap. Never sleeps; usable
 *       in interrupts.
 *
 * A thread may hold KM_THREAD_MAX slots at once; the CPU's other slots
 * are for the interrupts that arrive meanwhile and map on top.
 *
 * The kmap debug option (kmap.debug on the command line) sends lowmem
 * pages through every path too, leaves an unmapped guard page between
 * the slots, records who made each slot's mapping, and reports a thread
 * that sleeps long with kmap_local mappings held, so that misuse is
 * caught on machines without highmem.
 */
#ifndef HIGHMEM_HIGHMEM_H
#define HIGHMEM_HIGHMEM_H

#include "kernel/preempt.h"
#include "kernel/sched.h"
#include <asm/fixmap.h>
#include "mm/page.h"
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/* True when lowmem pages go through kmap too (kmap.debug). */
extern bool kmap_debug;

/**
 * page_needs_kmap - does @page need a temporary mapping?
 * @page: any page
 *
 * Context: any.
 * Return: true for a highmem page, and for every page in kmap.debug mode.
 */
static inline bool page_needs_kmap(const struct page *page)
{
	return PageHighMem(page) || kmap_debug;
}

/**
 * page_address - the kernel address of @page, if it has one now
 * @page: any page
 *
 * Context: any, including interrupts; takes the page_address hash lock
 * with interrupts off for a highmem page.
 * Return: the direct-map address for lowmem, the pkmap slot for a
 * highmem page mapped with kmap, else NULL (kmap_atomic addresses are
 * not recorded).
 */
void *page_address(const struct page *page);

/**
 * pkmap_address - the pkmap address of @page, if it is kmapped
 * @page: any page
 *
 * A look-up in the page_address hash.
 * Context: any, including interrupts; takes the hash lock with
 * interrupts off.
 * Return: the address, or NULL.
 */
void *pkmap_address(const struct page *page);

/**
 * kmap - map @page in the persistent pool
 * @page: any page; lowmem pages return their direct-map address
 *
 * Context: thread; may sleep while all slots are in use.
 * Return: the page's kernel address, valid until the matching kunmap().
 */
void *kmap(struct page *page);

/**
 * kmap_try - kmap() that never sleeps for a slot
 * @page: any page
 *
 * For callers that must not wait on the pool (the shell, whose own
 * mappings might be what fills it). Context: thread, or preemption off.
 * Return: the address, or NULL if every pkmap slot is in use.
 */
void *kmap_try(struct page *page);

/**
 * pkmap_slots_in_use - pkmap slots mapped and in use now
 *
 * Slots that are mapped but unused (count 1, waiting for the next
 * flush) do not count.
 * Context: any; no lock, a snapshot.
 * Return: the number of slots.
 */
unsigned int pkmap_slots_in_use(void);

/**
 * kunmap - release a mapping made by kmap or kmap_try
 * @page: the page passed to kmap
 *
 * Only lowers the slot's use count; the entry stays until the pool
 * wraps. Wakes a thread waiting for a slot. Unbalanced kunmaps panic.
 * Context: thread; never sleeps. Panics in an interrupt handler.
 */
void kunmap(struct page *page);

/* ---- kmap_local and kmap_atomic: the fast paths, inline ---- */

/* Slots a thread may hold at once; the rest are for interrupts. */
#define KM_THREAD_MAX (KM_MAX_IDX - 4)

extern bool kmap_atomic_slow;	/* debug mode or a Bochs breakpoint: no fast path */
DECLARE_PER_CPU(int, kmap_atomic_idx);
extern pteval_t *kmap_pte;	/* the PTE of slot 0 (FIX_KMAP_BEGIN) */
/* This CPU's slot 0 (inline layout): its PTE and its address. */
DECLARE_PER_CPU(pteval_t *, kmap_cpu_pte);
DECLARE_PER_CPU(unsigned long, kmap_cpu_vaddr);
extern u32 kmap_prot_low, kmap_prot_high; /* PTE bits of a slot, by halves */

/**
 * kmap_slot_slowpath - kmap_local/kmap_atomic for debug mode and breakpoints
 * @page: any page
 * @local: true for kmap_local_page, false for kmap_atomic (for the
 *         records and the announcement)
 *
 * Maps lowmem pages too in kmap.debug mode, uses the guard-page slot
 * layout, records who made the mapping, and panics if the slot is still
 * mapped.
 * Context: called by kmap_atomic() and kmap_local_page() only, with
 * preemption off.
 * Return: the address.
 */
void *kmap_slot_slowpath(struct page *page, bool local);

/**
 * kunmap_slot_slowpath - the unmap the inline path did not do
 * @vaddr: the page-aligned fixmap address
 * @local: true for kunmap_local (for the message)
 *
 * Debug-mode slots, or an address that is not the last slot mapped:
 * that panics, naming the slot expected. The slot is released only
 * after its TLB entry is gone.
 * Context: called by kunmap_atomic() and kunmap_local() only,
 * preemption off.
 */
void kunmap_slot_slowpath(unsigned long vaddr, bool local);

/**
 * kmap_slot_check_overflow - the slot stack is past KM_THREAD_MAX
 * @idx: the slot just claimed
 *
 * Returns in an interrupt while @idx is below KM_MAX_IDX (the slots
 * kept for interrupts); otherwise panics, naming the thread.
 * Context: kmap_atomic() or kmap_local_page(), preemption off.
 */
void kmap_slot_check_overflow(int idx);

/**
 * kmap_slot_overflow - the inline map's slot @idx is past KM_THREAD_MAX
 * @page: the highmem page to map
 * @idx: the slot just claimed
 *
 * Checks as kmap_slot_check_overflow() and, in an interrupt with slots
 * left, finishes the map. Out of line so that the inline path keeps no
 * register across the call.
 * Context: kmap_atomic() or kmap_local_page(), preemption off.
 * Return: the address of slot @idx, mapping @page.
 */
void *kmap_slot_overflow(struct page *page, int idx);

/**
 * kunmap_atomic_bad - panic: @addr is not an address kmap_atomic returned
 * @addr: neither a fixmap slot nor a direct-map address
 *
 * Context: kunmap_atomic() or kunmap_local(), any context. Never returns.
 */
__noreturn void kunmap_atomic_bad(const void *addr);

/**
 * kmap_atomic_update_slow - choose the inline or the slow path
 *
 * The slow path is used in kmap.debug mode or while the kmap-atomic or
 * kmap-local Bochs breakpoint is on.
 * Context: boot, or kmap_debug_set(); no slot held.
 */
void kmap_atomic_update_slow(void);

/**
 * kmap_atomic_vaddr - this CPU's slot @idx's address (inline path layout)
 * @idx: the slot, 0 to KM_MAX_IDX - 1
 *
 * Each CPU has its own KM_MAX_IDX slots; the fixmap grows down, so slot
 * @idx is @idx pages below the CPU's slot 0.
 * Context: preemption off (the answer is this CPU's).
 * Return: the page-aligned address.
 */
static inline unsigned long kmap_atomic_vaddr(int idx)
{
	return this_cpu(kmap_cpu_vaddr) - ((unsigned long)idx << PAGE_SHIFT);
}

/*
 * Map highmem @page at this CPU's next slot (inline layout). No lock:
 * the slot is claimed before its PTE is written, so an interrupt
 * arriving in between takes the next one. Preemption is off.
 */
static inline void *__kmap_slot(struct page *page)
{
	unsigned long pfn;
	pteval_t *pte;
	int idx;

	idx = this_cpu(kmap_atomic_idx);
	this_cpu(kmap_atomic_idx) = idx + 1;
	barrier();
	if (unlikely(idx >= KM_THREAD_MAX))
		return kmap_slot_overflow(page, idx);
	/* Slot idx's PTE: the fixmap grows down, so it is idx entries lower. */
	pte = this_cpu(kmap_cpu_pte) - idx;
	pfn = page_to_pfn(page);
	set_pte_halves(pte, (u32)(pfn >> (32 - PAGE_SHIFT)) | kmap_prot_high,
		       (u32)(pfn << PAGE_SHIFT) | kmap_prot_low);
	return (void *)kmap_atomic_vaddr(idx);
}

/*
 * Unmap fixmap address @vaddr: it must be this CPU's last slot. The
 * slot is released only once no TLB holds it: an interrupt that took it
 * earlier would map its page while our translation may still be cached.
 * Preemption is off.
 */
static inline void __kunmap_slot(unsigned long vaddr, bool local)
{
	int idx = this_cpu(kmap_atomic_idx) - 1;

	/*
	 * Debug-mode slots take the slow path: their guard-page layout can
	 * put one of them at the address the inline layout gives another.
	 */
	if (unlikely(kmap_debug) || unlikely(vaddr != kmap_atomic_vaddr(idx))) {
		kunmap_slot_slowpath(vaddr, local);
		return;
	}
	pte_clear(this_cpu(kmap_cpu_pte) - idx);
	invlpg(vaddr);
	this_cpu(kmap_atomic_idx) = idx;
}

/**
 * kmap_atomic - map @page at this CPU's next slot, preemption off
 * @page: any page; lowmem pages return their direct-map address
 *
 * More than KM_THREAD_MAX nested mappings in a thread (KM_MAX_IDX with
 * interrupts) panic. Page faults are disabled too: faulthandler_disabled()
 * is true until the unmap, as preemption is off.
 * Context: any, including interrupts; never sleeps. Preemption stays off
 * until the matching kunmap_atomic(), which must come in reverse order.
 * Return: the virtual address of the page.
 */
static inline void *kmap_atomic(struct page *page)
{
	preempt_disable();
	if (unlikely(kmap_atomic_slow))
		return kmap_slot_slowpath(page, false);
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return __kmap_slot(page);
}

/**
 * kunmap_atomic - undo the last kmap_atomic on this CPU
 * @addr: what kmap_atomic returned (any address inside the page)
 *
 * Clears the slot's PTE and drops it from the TLB with invlpg, then
 * releases the slot and re-enables preemption. An out-of-order unmap,
 * or an address kmap_atomic never returned, panics.
 * Context: any, the same context as the kmap_atomic; never sleeps.
 */
static inline void kunmap_atomic(void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;

	if (vaddr >= FIXADDR_START)
		__kunmap_slot(vaddr, false);
	else if (unlikely(!virt_addr_valid(vaddr)))
		kunmap_atomic_bad(addr);
	preempt_enable();
}

/**
 * kmap_local_page - map @page for the calling thread, preemption on
 * @page: any page; lowmem pages return their direct-map address (and
 *        then the thread is not pinned: nothing needs it)
 *
 * Takes this CPU's next slot, like kmap_atomic, but only for the few
 * instructions of the map: the thread stays preemptible, may sleep and
 * take page faults, and is kept on this CPU (migrate_disable) until the
 * matching kunmap_local(). The address is valid in this thread only; a
 * context switch saves the mapping and brings it back.
 * Context: any, including interrupts. Unmaps come in reverse order, also
 * mixed with kmap_atomic.
 * Return: the virtual address of the page.
 */
static inline void *kmap_local_page(struct page *page)
{
	void *addr;

	/* Exactly the pages that will take a slot are pinned (page_needs_kmap). */
	if (!PageHighMem(page) && likely(!kmap_debug))
		return lowmem_page_address(page);
	migrate_disable();
	preempt_disable();
	if (unlikely(kmap_atomic_slow))
		addr = kmap_slot_slowpath(page, true);
	else
		addr = __kmap_slot(page);
	preempt_enable();
	return addr;
}

/**
 * kunmap_local - undo the last kmap_local_page of this thread
 * @addr: what kmap_local_page returned (any address inside the page)
 *
 * Clears the slot and its TLB entry, releases the slot, and lets the
 * thread migrate again. Out-of-order unmaps panic.
 * Context: any, the same thread (or interrupt) as the kmap_local_page.
 */
static inline void kunmap_local(const void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;

	if (vaddr >= FIXADDR_START) {
		preempt_disable();
		__kunmap_slot(vaddr, true);
		preempt_enable();
		migrate_enable();
	} else if (unlikely(!virt_addr_valid(vaddr))) {
		kunmap_atomic_bad(addr);
	}
}

/**
 * faulthandler_disabled - may a page fault here sleep to be handled?
 *
 * False inside kmap_local (it allows faults); true inside kmap_atomic,
 * a spinlock, any preempt_disable() section or an interrupt, where a
 * fault must be fixed up or reported, never waited for.
 * Context: any.
 * Return: true when faults are disabled.
 */
static inline bool faulthandler_disabled(void)
{
	return in_atomic();
}

/**
 * __kmap_local_sched_out - save and clear the outgoing thread's slots
 * @prev: the thread being switched out; it holds every slot in use
 *
 * Context: __schedule(), interrupts off, this CPU's rq->lock held.
 */
void __kmap_local_sched_out(struct task_struct *prev);

/**
 * __kmap_local_sched_in - put the incoming thread's slots back
 * @next: the thread switched to (current)
 *
 * Panics if @next saved its slots on another CPU.
 * Context: the switch's second half, interrupts off.
 */
void __kmap_local_sched_in(struct task_struct *next);

/**
 * kmap_local_sched_out - the context switch's kmap_local hook, out
 * @prev: the thread being switched out
 *
 * One load when no slot is in use.
 * Context: __schedule(), interrupts off, rq->lock held.
 */
static inline void kmap_local_sched_out(struct task_struct *prev)
{
	if (unlikely(this_cpu(kmap_atomic_idx)))
		__kmap_local_sched_out(prev);
}

/**
 * kmap_local_sched_in - the context switch's kmap_local hook, in
 * @next: the thread switched to
 *
 * Context: the switch's second half, interrupts off.
 */
static inline void kmap_local_sched_in(struct task_struct *next)
{
	if (unlikely(next->kmap_ctrl.nr))
		__kmap_local_sched_in(next);
}

/**
 * kmap_atomic_depth - kmap_atomic slots in use on this CPU
 *
 * Context: any. Return: the number of slots held, by threads and
 * interrupts together.
 */
int kmap_atomic_depth(void);

/**
 * kmap_atomic_slot_pte - the PTE of this CPU's kmap_atomic slot @idx
 * @idx: the slot; the next kmap_atomic uses slot kmap_atomic_depth()
 *
 * The guard-page layout of debug mode is taken into account. For tests
 * and debugger announcements.
 * Context: preemption off.
 * Return: the PTE.
 */
pteval_t *kmap_atomic_slot_pte(int idx);

/**
 * clear_highpage - fill a page with zeroes
 * @page: any page, highmem included
 *
 * Maps it with kmap_local_page for the duration; the allocator's
 * __GFP_ZERO uses it.
 * Context: any; never sleeps.
 */
void clear_highpage(struct page *page);

/**
 * copy_highpage - copy a whole page
 * @to: the destination page
 * @from: the source page
 *
 * Both are mapped with kmap_local_page for the duration.
 * Context: any; never sleeps.
 */
void copy_highpage(struct page *to, struct page *from);

/**
 * clear_user_highpage - zero a page about to be mapped into a process
 * @page: the page (HighMem, usually)
 *
 * Linux's name for clear_highpage on the user-page path (mm/memory.c).
 * Context: any; never sleeps.
 */
static inline void clear_user_highpage(struct page *page)
{
	clear_highpage(page);
}

/**
 * copy_user_highpage - copy a user page (a COW break, a private copy)
 * @to: the new page
 * @from: the page it copies
 *
 * Context: any; never sleeps. Both pages are mapped with kmap_local.
 */
static inline void copy_user_highpage(struct page *to, struct page *from)
{
	copy_highpage(to, from);
}

/**
 * memset_page - fill @len bytes at @offset in @page with @val
 * @page: any page
 * @offset: where to start in the page
 * @val: the byte value
 * @len: bytes; the range must stay inside the page (panics otherwise)
 *
 * Context: any; never sleeps.
 */
void memset_page(struct page *page, size_t offset, int val, size_t len);

/**
 * memcpy_to_page - copy a buffer into @page at @offset
 * @page: any page
 * @offset: where to start in the page
 * @src: the buffer
 * @len: bytes; the range must stay inside the page (panics otherwise)
 *
 * Context: any; never sleeps.
 */
void memcpy_to_page(struct page *page, size_t offset, const void *src,
		    size_t len);

/**
 * memcpy_from_page - copy from @page at @offset into a buffer
 * @dst: the buffer
 * @page: any page
 * @offset: where to start in the page
 * @len: bytes; the range must stay inside the page (panics otherwise)
 *
 * Context: any; never sleeps.
 */
void memcpy_from_page(void *dst, struct page *page, size_t offset,
		      size_t len);

/**
 * kmap_local_watchdog_start - start kmap.debug's check for long sleepers
 *
 * A timer, four times a second, reports a thread asleep longer than
 * kmap.local_sleep_ms with kmap_local mappings held. Nothing without
 * kmap.debug.
 * Context: thread or boot, after timer_init.
 */
void kmap_local_watchdog_start(void);

/**
 * kmap_init - set up the pkmap pool and the kmap_atomic slots
 *
 * Applies kmap.debug from the command line.
 * Context: boot, once, from mem_init.
 */
void kmap_init(void);

/**
 * kmap_debug_set - switch kmap.debug mode on or off
 * @on: the new setting
 *
 * Tests on machines without highmem use it, on a quiet system: the check
 * is a snapshot, and a map in flight on another CPU while the layout
 * changes would go wrong. No kmap_local or kmap_atomic slot may be held
 * anywhere (panics otherwise), and no lowmem page may be kmapped across the
 * switch: its kunmap would take the other path.
 * Context: thread, or boot.
 * Return: the previous setting.
 */
bool kmap_debug_set(bool on);

/**
 * kmap_atomic_describe - which kmap slot or guard page is @addr in?
 * @addr: a faulting address
 * @cpu: receives the CPU the slot belongs to
 * @idx: receives the slot number
 *
 * For fault reports.
 * Context: any, fault handlers included.
 * Return: "a kmap_local/kmap_atomic slot" or "the guard page after a
 * ... slot" (with kmap.debug, the kind that used the slot last), or NULL
 * outside the slots' area.
 */
const char *kmap_atomic_describe(unsigned long addr, int *cpu, int *idx);

/**
 * kmap_atomic_print_held - print the kmap_local/kmap_atomic slots in use here
 *
 * For leak reports: each slot with the pfn it maps.
 * Context: any.
 */
void kmap_atomic_print_held(void);

/**
 * kmap_check_none_held - panic if @task still holds kmap, kmap_local or kmap_atomic slots
 * @task: the exiting thread; it must be current, since the kmap_atomic
 *        depth checked is this CPU's
 *
 * The report lists the slots in use.
 * Context: thread exit (kthread_exit).
 */
void kmap_check_none_held(struct task_struct *task);

struct pkmap_stats {
	unsigned long maps;	/* new pkmap mappings */
	unsigned long hits;	/* kmap of a page already mapped */
	unsigned long flushes;	/* wrap-around flushes */
	unsigned long waits;	/* kmap calls that slept */
};

extern struct pkmap_stats pkmap_stats;

struct seq_file;

/**
 * pkmapinfo_show - the pkmap pool: slots in use, unused, free; the counters
 * @m: where the text goes
 *
 * What the shell's `pkmapinfo` (and a /proc/pkmapinfo) shows.
 * Context: any; a snapshot. Return: 0.
 */
int pkmapinfo_show(struct seq_file *m);

/**
 * pkmap_slot_count - the use count of pkmap slot @nr
 * @nr: the slot, 0 to LAST_PKMAP - 1
 *
 * Context: any; no lock, a snapshot.
 * Return: 0 free, 1 unused (not flushed yet), n: n - 1 users; -1 for a
 * slot that does not exist.
 */
int pkmap_slot_count(unsigned int nr);

#endif /* HIGHMEM_HIGHMEM_H */
