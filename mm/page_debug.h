/* SPDX-License-Identifier: MIT */
/*
 * Debugging the page allocator (on with page_poison, debug_pagealloc,
 * or a DEBUG=1 build):
 *
 *   page_poison      a freed page is filled with PAGE_POISON; the next
 *                    allocation checks that nobody wrote to it meanwhile
 *                    (highmem pages through kmap_atomic);
 *   debug_pagealloc  a freed lowmem page is unmapped from the direct map,
 *                    so a use after free faults at once;
 *   history          every allocation and free is recorded (pfn, order,
 *                    the two callers) in a ring, so that each report can
 *                    say who allocated and who freed the page last.
 *
 * Pages that were never freed since boot are not poisoned: poisoning
 * all free memory at boot would touch every page of a 61 GiB guest.
 */
#ifndef MM_PAGE_DEBUG_H
#define MM_PAGE_DEBUG_H

#include "mm/page.h"

#define PAGE_DEBUG_POISON 0x1u
#define PAGE_DEBUG_UNMAP 0x2u
#define PAGE_POISON 0xaa

/* What is on; 0 keeps the page allocator's fast paths. */
extern unsigned int page_debug;

/* Decide from the command line, allocate the history. Context: boot. */
void page_debug_init(void);

/*
 * page_debug_alloc / page_debug_free - the hooks the page allocator
 * calls for each allocated or freed block when page_debug is on.
 * @caller, @caller2: the allocator's caller and its caller.
 */
void page_debug_alloc(struct page *page, unsigned int order,
		      unsigned long caller, unsigned long caller2);
void page_debug_free(struct page *page, unsigned int order,
		     unsigned long caller, unsigned long caller2);

/* Print the last allocation and free of @pfn that the history knows. */
void page_debug_history(unsigned long pfn);

/* True if debug_pagealloc unmapped the lowmem page at @addr (a free page). */
bool page_debug_unmapped(unsigned long addr);

#endif /* MM_PAGE_DEBUG_H */
