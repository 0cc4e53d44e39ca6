/* SPDX-License-Identifier: MIT */
/*
 * Borrowing a kernel address for a page that has none.
 *
 * Lowmem pages are always mapped (the direct map). A highmem page is
 * mapped only while someone uses it, in one of two ways:
 *
 *   kmap(page) / kunmap(page)
 *       a slot of the persistent pool (LAST_PKMAP = 512 pages at
 *       PKMAP_BASE). The mapping can be held across sleeps and is shared:
 *       mapping a page that is already mapped returns the same address.
 *       When all slots are busy, kmap sleeps: thread context only.
 *
 *   kmap_atomic(page) / kunmap_atomic(addr)
 *   (also named kmap_local_page / kunmap_local)
 *       a per-CPU fixmap slot, KM_MAX_IDX deep, used as a stack: unmaps
 *       must come in reverse order. Never sleeps; usable in interrupts;
 *       preemption (and page faults) are off until the unmap.
 *
 * The kmap debug option (kmap.debug on the command line) sends lowmem
 * pages through both paths too and leaves an unmapped guard page between
 * kmap_atomic slots, so that misuse is caught on machines without
 * highmem.
 */
#ifndef HIGHMEM_HIGHMEM_H
#define HIGHMEM_HIGHMEM_H

#include "kernel/preempt.h"
#include <asm/fixmap.h>
#include "mm/page.h"
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/* True when lowmem pages go through kmap too (kmap.debug). */
extern bool kmap_debug;

/* Does @page need a temporary mapping (highmem, or everything in debug)? */
static inline bool page_needs_kmap(const struct page *page)
{
	return PageHighMem(page) || kmap_debug;
}

/*
 * page_address - the kernel address of @page: the direct map for
 * lowmem, the pkmap slot for a highmem page mapped with kmap, else NULL.
 * Context: any.
 */
void *page_address(const struct page *page);

/* The pkmap address of @page if it is kmapped, else NULL. Context: any. */
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

/* pkmap slots mapped and in use now (a snapshot). Context: any. */
unsigned int pkmap_slots_in_use(void);

/* kunmap - release a kmap. Unbalanced kunmaps panic. Context: thread. */
void kunmap(struct page *page);

/* ---- kmap_atomic: the fast path, inline ---- */

extern bool kmap_atomic_slow;	/* debug mode or a Bochs breakpoint: no fast path */
DECLARE_PER_CPU(int, kmap_atomic_idx);
extern pteval_t *kmap_pte;	/* the PTE of slot 0 (FIX_KMAP_BEGIN) */
extern u32 kmap_prot_low, kmap_prot_high; /* PTE bits of a slot, by halves */

void *kmap_atomic_slowpath(struct page *page);
void kunmap_atomic_slowpath(unsigned long vaddr);
__noreturn void kmap_atomic_overflow(void);
__noreturn void kunmap_atomic_bad(const void *addr);
void kmap_atomic_update_slow(void);

/* The fixmap page of this CPU's slot @idx (CPU 0: one CPU runs). */
static inline unsigned long kmap_atomic_vaddr(int idx)
{
	return FIXADDR_TOP - ((unsigned long)(FIX_KMAP_BEGIN + idx) << PAGE_SHIFT);
}

/*
 * kmap_atomic - map @page at this CPU's next fixmap slot
 * @page: any page; lowmem pages return their direct-map address
 *
 * Context: any, including interrupts; never sleeps. Preemption stays off
 * until the matching kunmap_atomic(), which must come in reverse order.
 * Return: the virtual address of the page.
 */
static inline void *kmap_atomic(struct page *page)
{
	unsigned long pfn;
	pteval_t *pte;
	int idx;

	preempt_disable();
	if (unlikely(kmap_atomic_slow))
		return kmap_atomic_slowpath(page);
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	/*
	 * Claim the slot before writing its PTE: an interrupt arriving in
	 * between then takes the next slot, not this one.
	 */
	idx = this_cpu(kmap_atomic_idx);
	this_cpu(kmap_atomic_idx) = idx + 1;
	barrier();
	if (unlikely(idx >= KM_MAX_IDX))
		kmap_atomic_overflow();
	/* Slot idx's PTE: the fixmap grows down, so it is idx entries lower. */
	pte = kmap_pte - idx;
	pfn = page_to_pfn(page);
	set_pte_halves(pte, (u32)(pfn >> (32 - PAGE_SHIFT)) | kmap_prot_high,
		       (u32)(pfn << PAGE_SHIFT) | kmap_prot_low);
	return (void *)kmap_atomic_vaddr(idx);
}

/* kunmap_atomic - undo the last kmap_atomic on this CPU. Context: any. */
static inline void kunmap_atomic(void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;

	if (vaddr >= FIXADDR_START) {
		int idx = this_cpu(kmap_atomic_idx) - 1;

		/*
		 * Reverse order, checked: it must be the last slot mapped.
		 * (Debug-mode slots never match here and take the slow path.)
		 */
		if (unlikely(vaddr != kmap_atomic_vaddr(idx))) {
			kunmap_atomic_slowpath(vaddr);
		} else {
			pte_clear(kmap_pte - idx);
			invlpg(vaddr);
			/*
			 * Release the slot only now that no TLB holds it: an
			 * interrupt that took it earlier would map its page
			 * while our translation may still be cached.
			 */
			this_cpu(kmap_atomic_idx) = idx;
		}
	} else if (unlikely(!virt_addr_valid(vaddr))) {
		kunmap_atomic_bad(addr);
	}
	preempt_enable();
}

#define kmap_local_page(page) kmap_atomic(page)
#define kunmap_local(addr) kunmap_atomic(addr)

/* kmap_atomic slots in use on this CPU. */
int kmap_atomic_depth(void);

/*
 * The PTE of this CPU's kmap_atomic slot @idx (guard-page layout
 * included): the next kmap_atomic uses slot kmap_atomic_depth().
 * For tests and debugger announcements. Context: preemption off.
 */
pteval_t *kmap_atomic_slot_pte(int idx);

/* Fill the page with zeroes. Context: any; never sleeps. */
void clear_highpage(struct page *page);

/* Copy a whole page. Context: any; never sleeps. */
void copy_highpage(struct page *to, struct page *from);

/* Fill @len bytes at @offset in @page with @val. Context: any. */
void memset_page(struct page *page, size_t offset, int val, size_t len);

/* Copy between a buffer and @page at @offset. Context: any. */
void memcpy_to_page(struct page *page, size_t offset, const void *src,
		    size_t len);
void memcpy_from_page(void *dst, struct page *page, size_t offset,
		      size_t len);

/* Set up the pkmap pool and the kmap_atomic slots. Context: boot. */
void kmap_init(void);

/*
 * Switch the debug mode (tests on machines without highmem use it).
 * No kmap_atomic slot may be held. Return: the previous setting.
 */
bool kmap_debug_set(bool on);

/* Name the kmap_atomic slot or guard page @addr is in, else NULL. */
const char *kmap_atomic_describe(unsigned long addr, int *cpu, int *idx);

/* Print the kmap_atomic slots this CPU holds (leak reports). Context: any. */
void kmap_atomic_print_held(void);

/* Panic if @task still holds kmap or kmap_atomic slots (thread exit). */
struct task_struct;
void kmap_check_none_held(struct task_struct *task);

struct pkmap_stats {
	unsigned long maps;	/* new pkmap mappings */
	unsigned long hits;	/* kmap of a page already mapped */
	unsigned long flushes;	/* wrap-around flushes */
	unsigned long waits;	/* kmap calls that slept */
};

extern struct pkmap_stats pkmap_stats;

/**
 * pkmap_show - print the pool: slots in use, unused, free; the counters
 *
 * What the shell's `pkmapinfo` shows. Context: any; a snapshot.
 */
void pkmap_show(void);

/* The use count of pkmap slot @nr (0 free, 1 unused, n: n-1 users). */
int pkmap_slot_count(unsigned int nr);

#endif /* HIGHMEM_HIGHMEM_H */
