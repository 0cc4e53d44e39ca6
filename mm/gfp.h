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

/* The highest zone a request may use. */
static inline enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
	if (gfp & __GFP_HIGHMEM)
		return ZONE_HIGHMEM;
	return ZONE_NORMAL;
}

/*
 * alloc_pages - allocate 2^@order physically contiguous pages
 *
 * Tries the zones from gfp_zone(@gfp) down to DMA, each only while it
 * stays above its low watermark plus the reserve it keeps from higher
 * zones; then drains the per-CPU lists and asks the shrinkers for
 * memory and tries again down to the min watermark (GFP_ATOMIC may go
 * below it). Never loops forever.
 * Context: any with GFP_ATOMIC; thread context with GFP_KERNEL.
 * Return: the first page of the block, or NULL (reported once unless
 * __GFP_NOWARN).
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);

static inline struct page *alloc_page(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

/*
 * __free_pages - drop a reference to a block from alloc_pages; the last
 * reference frees it. Freeing a free page, a page inside a block, or a
 * block with another order than it was allocated with panics, naming
 * the pfn. Context: any.
 */
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages((page), 0)

/*
 * free_hot_cold_page - __free_page, choosing where the page goes on the
 * per-CPU list: the head (hot, handed out next) or the tail (cold, for
 * pages the CPU cache no longer holds). Context: any.
 */
void free_hot_cold_page(struct page *page, bool cold);

/*
 * __get_free_pages - like alloc_pages, but returns the direct-map address
 * (lowmem only: __GFP_HIGHMEM is refused). Return: 0 on failure.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
#define __get_free_page(gfp) __get_free_pages((gfp), 0)

/* Free memory from __get_free_pages by its address. Context: any. */
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages((addr), 0)

/* Return every per-CPU list's pages to the buddy lists. Context: any. */
void drain_all_pages(void);

/* Totals over all zones, in pages. */
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
unsigned long totalhigh_pages(void);
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

void register_shrinker(struct shrinker *s);
void unregister_shrinker(struct shrinker *s);
unsigned long shrink_all(void);

/* Print each zone's free pages, watermarks and free lists. Context: any. */
void show_free_areas(void);

#endif /* MM_GFP_H */
