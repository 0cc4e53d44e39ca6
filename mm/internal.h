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

/**
 * __free_one_page - return a block to @zone's free lists, merging buddies
 * @zone: the block's zone
 * @pfn: its first pfn, aligned to 2^@order
 * @order: its order
 *
 * Merges with the buddy for as long as the buddy is a free block of the
 * same order in the same zone. No checks: the caller has validated the
 * free.
 * Context: any; @zone->lock held, interrupts off.
 */
void __free_one_page(struct zone *zone, unsigned long pfn, unsigned int order);

/**
 * memmap_init_section - write the struct pages of one 16 MiB section
 * @section: a section with RAM (pfn_valid of its first pfn)
 *
 * Free RAM (as memblock knew it at boot) gets count 0, everything else
 * PG_reserved and count 1; the zone bits from the pfn. Touches the
 * descriptors only, never the page frames.
 * Context: boot (mm_core_init), or the one CPU that claimed a deferred
 * section (mm/deferred_init.c); no lock needed: nobody else reads it.
 */
void memmap_init_section(unsigned long section);

/**
 * section_for_each_free_piece - call @fn for each piece of @section that
 * was free RAM at boot
 * @section: a section with RAM
 * @fn: called with the zone and the piece [start, end), cut at zone
 *      boundaries, in pfn order
 *
 * For readers of a section whose struct pages are not written yet
 * (mm/pagemap.c): what is free there, without a descriptor.
 * Context: any (reads the boot-time free ranges, which never change).
 * Return: the number of pages.
 */
unsigned long section_for_each_free_piece(unsigned long section,
					 void (*fn)(struct zone *zone,
						    unsigned long start,
						    unsigned long end));

/**
 * section_free_pages - how many pages of @section were free RAM at boot
 * @section: a section with RAM
 *
 * Context: any (reads the boot-time free ranges, which never change).
 * Return: the number of pages.
 */
unsigned long section_free_pages(unsigned long section);

/**
 * section_free_to_buddy - hand @section's free RAM to the buddy lists
 * @section: a section whose struct pages memmap_init_section wrote
 *
 * In the largest aligned blocks, as at boot; managed_pages is not
 * changed (a deferred section's pages were counted at boot).
 * Context: the zone's lock held, interrupts off.
 * Return: the pages handed over.
 */
unsigned long section_free_to_buddy(unsigned long section);

/**
 * mm_core_init - mem_map, zones, free lists, watermarks and per-CPU lists
 *
 * Built from what memblock knows; memblock is retired afterwards.
 * Context: boot, once, after paging_init (also used by host tests).
 */
void mm_core_init(void);

/**
 * page_alloc_debug_changed - choose the allocator's fast or checked paths
 *
 * Call it when page debugging or fault injection is switched on or
 * off.
 * Context: boot, or a test with no allocation in flight.
 */
void page_alloc_debug_changed(void);

/**
 * print_zone_ranges - print each zone's physical range for the boot log
 *
 * "empty" for a zone without pages. The memory totals are printed by
 * mem_init.
 * Context: boot (any, once the zones are set up).
 */
void print_zone_ranges(void);

struct vm_struct;

/* vmalloc internals shared with ioremap (mm/vmalloc.c). */

/**
 * map_area_page - map page @i of a new vmalloc area at @phys
 * @area: an area from get_vm_area, not yet visible to others
 * @i: the page index in the area
 * @phys: the physical page
 * @prot: the PTE flags
 *
 * No invlpg: the range has not been mapped since its last purge.
 * Context: thread; the caller owns @area.
 */
void map_area_page(struct vm_struct *area, unsigned int i, phys_addr_t phys,
		   pteval_t prot);

/**
 * free_area_lazily - unmap @area and queue its range for the next purge
 * @area: a live area, checked by area_to_free
 *
 * A purge runs at once when enough lazily freed pages have piled up;
 * @area may then be freed before this returns.
 * Context: thread; takes vmap_lock with interrupts off.
 */
void free_area_lazily(struct vm_struct *area);

/**
 * area_to_free - the live area starting at @addr with one of @flags, or panic
 * @addr: what the caller wants to free
 * @flags: the kinds it may free (VM_ALLOC, VM_MAP, VM_IOREMAP)
 * @fn: the freeing function's name, for the panic
 * @caller: who frees it: remembered, so that a second free can name the
 *          first
 *
 * Panics for an address in no area, an area already freed (a double
 * free), or an address that is not the start of an area of the kind.
 * Context: thread.
 * Return: the area.
 */
struct vm_struct *area_to_free(const void *addr, unsigned int flags,
			       const char *fn, const void *caller);

#endif /* MM_INTERNAL_H */
