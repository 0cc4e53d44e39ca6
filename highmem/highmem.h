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

#include "mm/page.h"

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

/*
 * kmap - map @page in the persistent pool (or return its direct-map
 * address). Context: thread; may sleep while all slots are in use.
 */
void *kmap(struct page *page);

/* kunmap - release a kmap. Unbalanced kunmaps panic. Context: thread. */
void kunmap(struct page *page);

/*
 * kmap_atomic - map @page at this CPU's next fixmap slot
 * @page: any page; lowmem pages return their direct-map address
 *
 * Context: any, including interrupts; never sleeps. Preemption stays off
 * until the matching kunmap_atomic(), which must come in reverse order.
 * Return: the virtual address of the page.
 */
void *kmap_atomic(struct page *page);

/* kunmap_atomic - undo the last kmap_atomic on this CPU. Context: any. */
void kunmap_atomic(void *addr);

#define kmap_local_page(page) kmap_atomic(page)
#define kunmap_local(addr) kunmap_atomic(addr)

/* kmap_atomic slots in use on this CPU. */
int kmap_atomic_depth(void);

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

/* The use count of pkmap slot @nr (0 free, 1 unused, n: n-1 users). */
int pkmap_slot_count(unsigned int nr);

#endif /* HIGHMEM_HIGHMEM_H */
