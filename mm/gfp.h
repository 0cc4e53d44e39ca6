/* SPDX-License-Identifier: MIT */
/*
 * Page allocation: GFP flags and the page allocator's interface.
 *
 * The zone modifiers say which zones may satisfy a request: the highest
 * allowed zone first, then the lower ones (HighMem -> Normal -> DMA).
 * The action modifiers say how hard to try and what the caller allows.
 */
#ifndef MM_GFP_H
#define MM_GFP_H

#include "mm/page.h"
#include "mm/page_alloc_fast.h"

/* Zone modifiers. */
#define __GFP_DMA 0x01u	    /* only ZONE_DMA */
#define __GFP_HIGHMEM 0x02u /* ZONE_HIGHMEM first, the caller maps pages */
/* Action modifiers. */
#define __GFP_HIGH 0x20u	     /* may use part of the reserves below min */
#define __GFP_ATOMIC 0x40u	     /* cannot sleep or reclaim: may dig deeper */
#define __GFP_DIRECT_RECLAIM 0x80u /* may sleep while memory is found */
#define __GFP_IO 0x100u
#define __GFP_FS 0x200u
#define __GFP_COLD 0x400u   /* a cache-cold page will do (per-CPU list tail) */
#define __GFP_NOWARN 0x800u /* no failure report */
#define __GFP_ZERO 0x1000u  /* return the memory zeroed */
#define __GFP_NOFAULTINJ 0x2000u /* exempt from fail_page_alloc= */

#define GFP_ATOMIC (__GFP_HIGH | __GFP_ATOMIC)
#define GFP_NOWAIT 0u
#define GFP_KERNEL (__GFP_DIRECT_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_DMA __GFP_DMA
#define GFP_HIGHUSER (GFP_KERNEL | __GFP_HIGHMEM)

/**
 * gfp_zone - the highest zone a request may use
 * @gfp: the request's flags
 *
 * Lower zones are tried after it: HighMem -> Normal -> DMA.
 * Context: any.
 * Return: ZONE_DMA for __GFP_DMA, ZONE_HIGHMEM for __GFP_HIGHMEM, else
 * ZONE_NORMAL.
 */
static inline enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
	if (gfp & __GFP_HIGHMEM)
		return ZONE_HIGHMEM;
	return ZONE_NORMAL;
}

/**
 * __alloc_pages - alloc_pages, out of line: any order, any flags
 * @gfp: as for alloc_pages
 * @order: as for alloc_pages
 *
 * What alloc_pages calls when its inline fast path does not apply or
 * comes back empty-handed; it tries the per-CPU list itself for order 0.
 * Context: as alloc_pages.
 * Return: as alloc_pages.
 */
struct page *__alloc_pages(gfp_t gfp, unsigned int order);

/**
 * alloc_pages - allocate 2^@order physically contiguous pages
 * @gfp: which zones (gfp_zone), how hard to try, __GFP_ZERO, __GFP_COLD
 * @order: 0 to MAX_ORDER - 1
 *
 * Tries the zones from gfp_zone(@gfp) down to DMA, each only while it
 * stays above its low watermark plus the reserve it keeps from higher
 * zones; then asks the shrinkers for memory (if the caller may sleep),
 * drains the per-CPU lists and tries again, down to the min watermark
 * (GFP_ATOMIC may go below it). Never loops forever. A highmem page
 * needs kmap or kmap_atomic before the kernel touches it.
 *
 * Inline: with the order a constant 0 and constant flags, as nearly
 * every caller writes it, the zone is chosen at compile time and the
 * fast path (mm/page_alloc_fast.h) takes a page from this CPU's hot
 * list right here, without a call. The general path (__alloc_pages) is
 * the call when that fails, and the only one for other orders and for
 * __GFP_COLD and __GFP_ZERO.
 * Context: any with GFP_ATOMIC; thread context with GFP_KERNEL. Takes
 * the zone locks with interrupts off.
 * Return: the first page of the block, with a count of 1, or NULL
 * (reported once unless __GFP_NOWARN).
 */
static __always_inline struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	/* Zeroing costs a thousand instructions: one call more is noise. */
	if (__builtin_constant_p(order) && order == 0 &&
	    __builtin_constant_p(gfp) && !(gfp & (__GFP_COLD | __GFP_ZERO))) {
		struct page *page = alloc_page_fast(gfp_zone(gfp));

		if (likely(page))
			return page;
	}
	return __alloc_pages(gfp, order);
}

/**
 * alloc_page - allocate one page
 * @gfp: as for alloc_pages
 *
 * Usually served from this CPU's hot list.
 * Context: any with GFP_ATOMIC; thread context with GFP_KERNEL.
 * Return: the page, or NULL.
 */
static inline struct page *alloc_page(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

/**
 * __free_pages_general - __free_pages, out of line: any order
 * @page: as for __free_pages
 * @order: as for __free_pages
 *
 * Context: as __free_pages.
 */
void __free_pages_general(struct page *page, unsigned int order);

/**
 * __free_pages - drop a reference to a block from alloc_pages
 * @page: the first page of the block
 * @order: the order it was allocated with
 *
 * The last reference frees it: order 0 to this CPU's hot list, larger
 * blocks straight to the buddy lists. Freeing a free page, a reserved
 * page, a page inside a block, or a block with another order than it
 * was allocated with panics, naming the pfn. Inline: with the order a
 * constant 0 the fast path (mm/page_alloc_fast.h) runs right here, and
 * __free_pages_general is called only when it cannot free the page.
 * Context: any; never sleeps. Takes the zone lock with interrupts off.
 */
static __always_inline void __free_pages(struct page *page, unsigned int order)
{
	if (__builtin_constant_p(order) && order == 0 &&
	    likely(free_page_fast(page)))
		return;
	__free_pages_general(page, order);
}
#define __free_page(page) __free_pages((page), 0)

/**
 * put_page - drop a reference to an order-0 page; the last one frees it
 * @page: the page
 *
 * Context: any thread or IRQ, like __free_page.
 */
static inline void put_page(struct page *page)
{
	__free_page(page);
}

/**
 * free_hot_cold_page - __free_page, choosing the end of the per-CPU list
 * @page: an order-0 page
 * @cold: false for the head (hot, handed out next), true for the tail
 *        (cold, for pages the CPU cache no longer holds)
 *
 * Context: any; never sleeps.
 */
void free_hot_cold_page(struct page *page, bool cold);

/**
 * __get_free_pages - alloc_pages, returning the direct-map address
 * @gfp: as for alloc_pages; __GFP_HIGHMEM is ignored (lowmem only)
 * @order: 0 to MAX_ORDER - 1
 *
 * Context: any with GFP_ATOMIC; thread context with GFP_KERNEL.
 * Return: the address of the block, or 0 on failure.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);

/**
 * get_zeroed_page - one zeroed lowmem page, by its address
 * @gfp: as for __get_free_pages
 *
 * Context: any with GFP_ATOMIC; thread context with GFP_KERNEL.
 * Return: the address, or 0 on failure.
 */
unsigned long get_zeroed_page(gfp_t gfp);
#define __get_free_page(gfp) __get_free_pages((gfp), 0)

/**
 * free_pages - free memory from __get_free_pages by its address
 * @addr: the address it returned; 0 is ignored
 * @order: the order it was allocated with
 *
 * An address that is not a page in the direct map panics.
 * Context: any; never sleeps.
 */
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages((addr), 0)

/**
 * drain_all_pages - return every per-CPU list's pages to the buddy lists
 *
 * So that they can merge into larger blocks; the allocator does it
 * before it digs below the low watermark.
 * Context: any; interrupts off and each zone lock taken in turn.
 */
void drain_all_pages(void);

/**
 * nr_free_pages - free pages in all zones, per-CPU lists included
 *
 * Context: any; no lock, a snapshot.
 * Return: the number of pages.
 */
unsigned long nr_free_pages(void);

/**
 * totalram_pages - pages given to the page allocator, all zones
 *
 * The managed pages: RAM minus the kernel, mem_map and boot data.
 * Context: any.
 * Return: the number of pages.
 */
unsigned long totalram_pages(void);

/**
 * totalhigh_pages - pages the page allocator manages in ZONE_HIGHMEM
 *
 * Context: any.
 * Return: the number of pages.
 */
unsigned long totalhigh_pages(void);

/**
 * nr_free_highpages - free pages in ZONE_HIGHMEM, per-CPU lists included
 *
 * Context: any; no lock, a snapshot.
 * Return: the number of pages.
 */
unsigned long nr_free_highpages(void);

/*
 * Shrinkers: callbacks that give memory back under pressure (the slab
 * allocator's empty slabs, for one). Called by alloc_pages before it
 * retries. Return: the number of pages freed.
 */
struct shrinker {
	const char *name;
	unsigned long (*shrink)(struct shrinker *s);
	struct list_head list;
};

/**
 * register_shrinker - add @s to the callbacks alloc_pages calls under pressure
 * @s: the shrinker, with its name and shrink function set
 *
 * @s->shrink is called by alloc_pages in the allocating thread, with no
 * allocator lock held.
 * Context: boot or a test: the list only changes then, and shrink_all
 * walks it without a lock.
 */
void register_shrinker(struct shrinker *s);

/**
 * unregister_shrinker - remove @s from the shrinker list
 * @s: a registered shrinker
 *
 * Context: boot or a test, with no allocation in flight (shrink_all
 * walks the list without a lock).
 */
void unregister_shrinker(struct shrinker *s);

/**
 * shrink_all - call every registered shrinker once
 *
 * Called by alloc_pages, for a request that may sleep, before it digs
 * below the low watermark; tests call it too.
 * Context: thread; takes the locks the shrinkers take (slab caches,
 * zones).
 * Return: the number of pages freed.
 */
unsigned long shrink_all(void);

/**
 * show_free_areas - print each zone's free pages, watermarks and free lists
 *
 * Part of the allocation failure report.
 * Context: any; reads the zones without their locks.
 */
void show_free_areas(void);

#endif /* MM_GFP_H */
