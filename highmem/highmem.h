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
 *       its CPU while it holds the slot (the scheduler does not move a
 *       thread with saved slots) and may take page faults and sleep. At
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
 * kmap_slow - kmap() past its inline path: a new mapping, kmap.debug
 * @page: the page
 *
 * Takes kmap_lock; maps the page in a free slot (sleeping while all are
 * in use), or finds the slot that maps it.
 * Context: thread; may sleep. Called by kmap() only.
 * Return: the address.
 */
void *kmap_slow(struct page *page);

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
 * kunmap_slow - kunmap() past its inline path
 * @page: the page
 *
 * The slot found in the page_address hash under kmap_lock; wakes a
 * waiter when the slot becomes unused; panics on an unbalanced kunmap
 * and in an interrupt handler.
 * Context: thread; never sleeps. Called by kunmap() only.
 */
void kunmap_slow(struct page *page);

/* ---- kmap_local and kmap_atomic: the fast paths, inline ---- */

/* Slots a thread may hold at once; the rest are for interrupts. */
#define KM_THREAD_MAX (KM_MAX_IDX - 4)

/*
 * The per-CPU state of the slot stack, for the inline paths:
 *
 * kmap_top    the address of the last slot taken, in the inline layout
 *             (slot i at kmap_cpu_vaddr - i pages); with no slot taken,
 *             kmap_cpu_vaddr + PAGE_SIZE. Bit 0 is set in kmap.debug
 *             mode, so that no address ever equals it and every unmap
 *             takes the slow path. The depth is what it says too
 *             (kmap_atomic_depth). Written by its CPU only, each change
 *             one instruction: an interrupt or a preemption can come
 *             between any two.
 * kmap_limit  a slot address the inline map must stay above: slot
 *             KM_THREAD_MAX's, or ~0 when every map takes the slow path
 *             (kmap.debug, a Bochs breakpoint, a sparse mem_map).
 *
 * A slot is claimed by decrementing kmap_top before its PTE is written,
 * and released by incrementing it after the PTE is cleared and the TLB
 * entry dropped: an interrupt arriving in between takes the next slot.
 * A thread switched out with slots taken has them saved
 * (__kmap_local_sched_out) and is not moved to another CPU meanwhile
 * (task_pinned), so kmap_local needs neither preempt_disable nor
 * migrate_disable around its few instructions.
 */
DECLARE_PER_CPU(unsigned long, kmap_top);
DECLARE_PER_CPU(unsigned long, kmap_limit);
DECLARE_PER_CPU(unsigned long, kmap_cpu_vaddr); /* this CPU's slot 0 */

/*
 * Pages below kmap_lowmem_end are lowmem pages whose direct-map address
 * the inline path computes itself, as (page << 8) + kmap_direct_bias
 * (mem_map is flat, a struct page 16 bytes); mem_map when none is (a
 * sparse mem_map, kmap.debug). The PTE of a highmem page is likewise
 * (page << 8) + kmap_pte_low_bias for the low half and (page >> 24) +
 * kmap_pte_high_bias for the high half: mem_map starts on a 16 MiB
 * boundary when the inline path is on. Set once at boot, and by
 * kmap_debug_set.
 */
extern struct page *kmap_lowmem_end;
extern unsigned long kmap_direct_bias, kmap_pte_low_bias, kmap_pte_high_bias;

#if !defined(HOST_TEST) /* the host's pointers are wider */
_Static_assert(sizeof(struct page) == 16,
	       "the inline kmap paths multiply struct page offsets by 256");
#endif

/**
 * kmap_slot_slowpath - kmap_local/kmap_atomic off the inline path
 * @page: any page
 * @local: true for kmap_local_page, false for kmap_atomic (for the
 *         records and the announcement)
 *
 * The inline path has claimed a slot already; this gives it back and
 * maps as the mode asks: lowmem pages at their direct-map address (or,
 * in kmap.debug mode, in a slot too), the guard-page slot layout,
 * records of who made the mapping, the Bochs breakpoint, the slots kept
 * for interrupts, and a panic on overflow or a slot still mapped.
 * Context: called by kmap_atomic() and kmap_local_page() only.
 * Return: the address.
 */
void *kmap_slot_slowpath(struct page *page, bool local);

/**
 * kunmap_slot_slowpath - the unmap that the inline path did not do
 * @vaddr: a fixmap address
 * @local: true for kunmap_local (for the message)
 *
 * An address inside the page (not its start), debug-mode slots, or an
 * address that is not the last slot mapped: that panics, naming the
 * slot expected. The slot is released only after its TLB entry is gone.
 * Context: called by kunmap_atomic() and kunmap_local() only.
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
 * kunmap_atomic_bad - panic: @addr is not an address kmap_atomic returned
 * @addr: neither a fixmap slot nor a direct-map address
 *
 * Context: kunmap_atomic() or kunmap_local(), any context. Never returns.
 */
__noreturn void kunmap_atomic_bad(const void *addr);

/**
 * kmap_atomic_update_slow - choose the inline or the slow path
 *
 * The slow path is used in kmap.debug mode, while the kmap-atomic or
 * kmap-local Bochs breakpoint is on, and with a sparse mem_map. Sets
 * this CPU's kmap_limit and kmap_top's debug bit, and the globals.
 * Context: boot (for every CPU), or each CPU from kmap_debug_set(); no
 * slot held.
 */
void kmap_atomic_update_slow(void);

/**
 * kmap_top_claim - take this CPU's next kmap_atomic/kmap_local slot
 *
 * One instruction, so that an interrupt or a switch comes before or
 * after it, never inside.
 * Context: any; the caller writes the slot's PTE next.
 */
static __always_inline void kmap_top_claim(void)
{
	__asm__ __volatile__("subl %1, %0"
			     : "+m"(this_cpu(kmap_top))
			     : "i"(PAGE_SIZE)
			     : "memory");
}

/**
 * kmap_top_release - give this CPU's last slot back
 *
 * Context: any; after the slot's PTE and TLB entry are gone.
 */
static __always_inline void kmap_top_release(void)
{
	__asm__ __volatile__("addl %1, %0"
			     : "+m"(this_cpu(kmap_top))
			     : "i"(PAGE_SIZE)
			     : "memory");
}

/*
 * Map highmem @page at this CPU's next slot: claim it, then write its
 * PTE, high half first (the entry is not present until the low half).
 * No lock and no preemption count: see kmap_top.
 */
static __always_inline void *__kmap_slot(struct page *page, bool local)
{
	unsigned long top, p = (unsigned long)page;

	kmap_top_claim();
	top = this_cpu(kmap_top);
	if (unlikely(top <= this_cpu(kmap_limit)))
		return kmap_slot_slowpath(page, local);
	/* High half first: the entry is not present until the low half. */
	__asm__ __volatile__("movl %[hi], " FIXMAP_PTE_HIGH "\n\t"
			     "movl %[lo], " FIXMAP_PTE_LOW
			     :
			     : [off] "r"(fixmap_pte_offset(top)),
			       [hi] "r"((u32)((p >> 24) + kmap_pte_high_bias)),
			       [lo] "r"((u32)((p << 8) + kmap_pte_low_bias)),
			       [bias] "i"(FIXMAP_PTE_BIAS));
	if (top < FIXADDR_START)
		__builtin_unreachable(); /* lets kunmap skip its range test */
	return (void *)top;
}

/*
 * Unmap fixmap address @vaddr: the inline path when it is this CPU's
 * last slot. Only the low half of the PTE (its present bit) is cleared:
 * the next map of the slot writes both halves.
 */
static __always_inline void __kunmap_slot(unsigned long vaddr, bool local)
{
	unsigned long offset = fixmap_pte_offset(vaddr);

	if (unlikely(vaddr != this_cpu(kmap_top))) {
		kunmap_slot_slowpath(vaddr, local);
		return;
	}
	__asm__ __volatile__("movl $0, " FIXMAP_PTE_LOW
			     :
			     : [off] "r"(offset), [bias] "i"(FIXMAP_PTE_BIAS));
	invlpg(vaddr);
	kmap_top_release();
}

/**
 * kmap_direct_address - the direct-map address of a page below kmap_lowmem_end
 * @page: a lowmem page, with the inline path on
 *
 * Context: any. Return: the address, which the compiler then knows lies
 * below the fixmap.
 */
static __always_inline void *kmap_direct_address(const struct page *page)
{
	unsigned long addr = ((unsigned long)page << 8) + kmap_direct_bias;

	if (addr >= FIXADDR_START)
		__builtin_unreachable(); /* lowmem lies below the fixmap */
	return (void *)addr;
}

/**
 * kunmap_check_direct - a direct-map address given to kunmap_atomic/local
 * @addr: an address below the fixmap
 *
 * Checked in debug builds only: on the inline path a check is two
 * branches more than the whole unmap. Panics if @addr is not in the
 * direct map.
 * Context: any.
 */
static __always_inline void kunmap_check_direct(const void *addr)
{
#ifdef CONFIG_DEBUG
	if (unlikely(!virt_addr_valid((unsigned long)addr)))
		kunmap_atomic_bad(addr);
#else
	(void)addr;
#endif
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
static __always_inline void *kmap_atomic(struct page *page)
{
	preempt_disable();
	if (likely(page < kmap_lowmem_end))
		return kmap_direct_address(page);
	return __kmap_slot(page, false);
}

/**
 * kunmap_atomic - undo the last kmap_atomic on this CPU
 * @addr: what kmap_atomic returned (any address inside the page)
 *
 * Clears the slot's PTE and drops it from the TLB with invlpg, then
 * releases the slot and re-enables preemption. An out-of-order unmap,
 * or an address kmap_atomic never returned, panics (a direct-map
 * address is checked in debug builds only).
 * Context: any, the same context as the kmap_atomic; never sleeps.
 */
static __always_inline void kunmap_atomic(void *addr)
{
	unsigned long vaddr = (unsigned long)addr;

	if (vaddr >= FIXADDR_START)
		__kunmap_slot(vaddr, false);
	else
		kunmap_check_direct(addr);
	preempt_enable();
}

/**
 * kmap_local_page - map @page for the calling thread, preemption on
 * @page: any page; lowmem pages return their direct-map address (and
 *        then the thread is not pinned: nothing needs it)
 *
 * Takes this CPU's next slot, like kmap_atomic, but the thread stays
 * preemptible, may sleep and take page faults. While it holds the slot
 * it stays on this CPU: a switch saves the mapping and brings it back,
 * and the scheduler does not move a thread with saved slots. The
 * address is valid in this thread only.
 * Context: any, including interrupts. Unmaps come in reverse order, also
 * mixed with kmap_atomic.
 * Return: the virtual address of the page.
 */
static __always_inline void *kmap_local_page(struct page *page)
{
	if (likely(page < kmap_lowmem_end))
		return kmap_direct_address(page);
	return __kmap_slot(page, true);
}

/**
 * kunmap_local - undo the last kmap_local_page of this thread
 * @addr: what kmap_local_page returned (any address inside the page)
 *
 * Clears the slot and its TLB entry and releases the slot (the thread
 * may then migrate again). Out-of-order unmaps panic.
 * Context: any, the same thread (or interrupt) as the kmap_local_page.
 */
static __always_inline void kunmap_local(const void *addr)
{
	unsigned long vaddr = (unsigned long)addr;

	if (vaddr >= FIXADDR_START)
		__kunmap_slot(vaddr, true);
	else
		kunmap_check_direct(addr);
}

/* ---- kmap of a page already in the pool: the inline path ---- */

/*
 * A page mapped in the pool is found without kmap_lock: pkmap_hint[]
 * remembers, for each hash of a struct page pointer, the slot it was
 * last mapped at, and pkmap_page[] says which page each slot maps. Both
 * are written under kmap_lock and read without it, so what is read is
 * checked: the slot's use count is raised only from a count of at least
 * 1 (a mapped slot, which the wrap-around flush clears only from
 * exactly 1, by cmpxchg), and the slot must still map the page after
 * that (plain loads: a stale value only sends the cmpxchg or the check
 * astray, and the cmpxchg is a full barrier for the compiler and the
 * CPU). kunmap lowers a count of at least 2 the same way, and wakes the
 * kmaps waiting for a slot when it made one unused. Anything else (no
 * hint, a count of 0, or 1 for kunmap: unbalanced; kmap.debug's lowmem
 * pages included) goes to kmap_slow/kunmap_slow, under the lock.
 */
#define PKMAP_HINT_ORDER 10
/*
 * One hint per struct page's worth of bytes, so that the hint of a page
 * is at the page pointer's low bits, masked: no shift.
 */
struct pkmap_hint {
	unsigned int nr;
	u8 pad[sizeof(struct page) - sizeof(unsigned int)];
};
extern struct pkmap_hint pkmap_hint[1u << PKMAP_HINT_ORDER];
extern struct page *pkmap_page[LAST_PKMAP];
extern int pkmap_count[LAST_PKMAP];
DECLARE_PER_CPU(unsigned long, pkmap_hits); /* kmap of a page mapped already */
extern int pkmap_waiters; /* kmaps asleep for a slot; kmap_lock */

/**
 * pkmap_wake_waiters - wake the kmaps waiting for a slot
 *
 * For kunmap's inline path, which made a slot unused without the lock:
 * the waiters look for such a slot once more after queueing
 * themselves, so the wake-up cannot be lost.
 * Context: thread.
 */
void pkmap_wake_waiters(void);

/**
 * pkmap_hint_of - the pool slot @page was last mapped at, perhaps
 * @page: any page
 *
 * Context: any; no lock: the caller checks the answer.
 * Return: a slot number below LAST_PKMAP.
 */
static __always_inline unsigned int pkmap_hint_of(const struct page *page)
{
	unsigned long offset = (unsigned long)page &
			       (((1ul << PKMAP_HINT_ORDER) - 1) *
				sizeof(struct page));

	return ((const struct pkmap_hint *)((const char *)pkmap_hint +
					    offset))->nr;
}

/**
 * kmap - map @page in the persistent pool
 * @page: any page; lowmem pages return their direct-map address
 *
 * A page already mapped costs a few loads and one cmpxchg; a new
 * mapping takes kmap_lock (kmap_slow).
 * Context: thread; may sleep while all slots are in use.
 * Return: the page's kernel address, valid until the matching kunmap().
 */
static __always_inline void *kmap(struct page *page)
{
	unsigned int nr;
	int count;

	if (likely(page < kmap_lowmem_end))
		return kmap_direct_address(page);
#ifdef CONFIG_DEBUG
	might_sleep();
#endif
	nr = pkmap_hint_of(page);
	if (likely(pkmap_page[nr] == page)) {
		count = pkmap_count[nr];
		if (likely(count >= 1) &&
		    likely(__sync_bool_compare_and_swap(&pkmap_count[nr], count,
							count + 1))) {
			if (likely(pkmap_page[nr] == page)) {
				this_cpu(pkmap_hits)++;
				current->kmap_count++;
				return (void *)(PKMAP_BASE +
						((unsigned long)nr << PAGE_SHIFT));
			}
			/* The slot was given to another page meanwhile. */
			current->kmap_count++;
			kunmap_slow(READ_ONCE(pkmap_page[nr]));
		}
	}
	return kmap_slow(page);
}

/**
 * kunmap - release a mapping made by kmap or kmap_try
 * @page: the page passed to kmap
 *
 * Only lowers the slot's use count; the entry stays until the pool
 * wraps. Wakes a thread waiting for a slot. Unbalanced kunmaps panic.
 * Context: thread; never sleeps. Panics in an interrupt handler.
 */
static __always_inline void kunmap(struct page *page)
{
	unsigned int nr;
	int count, left;

	if (likely(page < kmap_lowmem_end))
		return;
	nr = pkmap_hint_of(page);
	/* Our own use keeps the slot this page's: no recheck after. */
	if (likely(pkmap_page[nr] == page)) {
		count = pkmap_count[nr];
		left = count - 1;
		if (likely(left >= 1) &&
		    likely(__sync_bool_compare_and_swap(&pkmap_count[nr], count,
							left))) {
			current->kmap_count--;
			/* Unused now: a kmap may be waiting for a slot. */
			if (unlikely(left == 1) && unlikely(READ_ONCE(pkmap_waiters)))
				pkmap_wake_waiters();
			return;
		}
	}
	kunmap_slow(page);
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
	if (unlikely((this_cpu(kmap_top) & PAGE_MASK) !=
		     this_cpu(kmap_cpu_vaddr) + PAGE_SIZE))
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
 * kmap_depth_of - kmap_atomic/kmap_local slots in use on CPU @cpu
 * @cpu: any possible CPU
 *
 * Context: any; a snapshot for another CPU.
 * Return: the number of slots held there now.
 */
int kmap_depth_of(unsigned int cpu);

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
	unsigned long hits;	/* kmap of a page already mapped, slow path */
	unsigned long flushes;	/* wrap-around flushes */
	unsigned long waits;	/* kmap calls that slept */
};

/* Under kmap_lock; the inline path's hits are in pkmap_hits. */
extern struct pkmap_stats pkmap_stats;

/**
 * pkmap_total_hits - kmap calls that found their page mapped already
 *
 * Context: any; a snapshot. Return: the slow path's and every CPU's
 * inline hits.
 */
unsigned long pkmap_total_hits(void);

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

/**
 * pkmap_slot_pfn - the page frame pkmap slot @nr maps
 * @nr: the slot, 0 to LAST_PKMAP - 1
 *
 * For pictures of the pool (mm/pagemap.c): read without kmap_lock.
 * Context: any; a snapshot.
 * Return: the pfn, or -1ul if the slot's PTE is not present.
 */
unsigned long pkmap_slot_pfn(unsigned int nr);

/**
 * kmap_slot_pfn - the page frame @cpu's kmap_atomic/kmap_local slot
 * @idx maps
 * @cpu: a possible CPU
 * @idx: the slot, 0 to KM_MAX_IDX - 1
 *
 * Context: any; a snapshot for another CPU.
 * Return: the pfn, or -1ul if the slot's PTE is not present.
 */
unsigned long kmap_slot_pfn(unsigned int cpu, int idx);

#endif /* HIGHMEM_HIGHMEM_H */
