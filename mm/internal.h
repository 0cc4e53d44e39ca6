/* SPDX-License-Identifier: MIT */
/* Interfaces shared inside mm/ only. */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include "mm/mmzone.h"
#include "mm/pgtable.h"

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
