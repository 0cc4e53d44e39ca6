/* SPDX-License-Identifier: MIT */
/* Interfaces shared inside mm/ only. */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include "mm/mmzone.h"
#include <asm/pgtable.h>

/* How hard get_page_from_freelist may dig (alloc_flags). */
#define ALLOC_WMARK_MIN WMARK_MIN
#define ALLOC_WMARK_LOW WMARK_LOW
#define ALLOC_WMARK_MASK 0x3
#define ALLOC_HIGH 0x10   /* __GFP_HIGH: half the min reserve */
#define ALLOC_HARDER 0x20 /* atomic: another quarter */

/**
 * zone_watermark_ok - may @zone give 2^@order pages to this request?
 * @zone: the zone
 * @order: the block size
 * @mark: the watermark to keep (zone->watermark[...])
 * @classzone: the highest zone the request may use
 * @alloc_flags: ALLOC_HIGH and ALLOC_HARDER lower @mark
 *
 * The zone must keep @mark pages plus its reserve against @classzone,
 * and enough of its free pages must be in blocks of at least @order:
 * for each smaller order, the pages in blocks of that order do not
 * count, and the mark halves.
 * Context: any; reads the zone without its lock (a snapshot).
 * Return: true if the allocation may go ahead.
 */
bool zone_watermark_ok(const struct zone *zone, unsigned int order,
		       unsigned long mark, enum zone_type classzone,
		       unsigned int alloc_flags);

/* Return a block to @zone's free lists, merging buddies. zone->lock held. */
void __free_one_page(struct zone *zone, unsigned long pfn, unsigned int order);

/*
 * mm_core_init - mem_map, zones, free lists, watermarks and per-CPU
 * lists, from what memblock knows; memblock is retired afterwards.
 * Context: boot, once, after paging_init (also used by host tests).
 */
void mm_core_init(void);

/*
 * Page debugging or fault injection was switched on or off: choose the
 * allocator's fast or checked paths. Context: boot, or a test with no
 * allocation in flight.
 */
void page_alloc_debug_changed(void);

/* Print the zone ranges and the memory totals (boot log). */
void print_zone_ranges(void);

struct vm_struct;

/* vmalloc internals shared with ioremap (mm/vmalloc.c). */
void map_area_page(struct vm_struct *area, unsigned int i, phys_addr_t phys,
		   pteval_t prot);
void free_area_lazily(struct vm_struct *area);
struct vm_struct *area_to_free(const void *addr, unsigned int flags,
			       const char *fn, const void *caller);

#endif /* MM_INTERNAL_H */
