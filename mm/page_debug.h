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

/**
 * page_debug_init - decide from the command line, allocate the history
 *
 * Without page_poison and debug_pagealloc it does nothing, and the
 * allocator keeps its fast paths.
 * Context: boot, once, from mem_init.
 */
void page_debug_init(void);

/**
 * page_debug_alloc - the hook for each block the page allocator hands out
 * @page: the first page of the block
 * @order: its order
 * @caller: the allocator's caller
 * @caller2: its caller
 *
 * Called only while page_debug is on.
 * Maps lowmem pages back (debug_pagealloc), checks the poison of pages
 * freed since boot (panics on damage) and records the event.
 * Context: any, as alloc_pages; takes the history lock.
 */
void page_debug_alloc(struct page *page, unsigned int order,
		      unsigned long caller, unsigned long caller2);

/**
 * page_debug_free - the hook for each block whose last reference goes
 * @page: the first page of the block
 * @order: its order
 * @caller: the freeing function's caller
 * @caller2: its caller
 *
 * Called only while page_debug is on.
 * Records the event, poisons the pages (page_poison, highmem through
 * kmap_atomic) and unmaps lowmem pages from the direct map
 * (debug_pagealloc).
 * Context: any, as __free_pages; takes the history lock.
 */
void page_debug_free(struct page *page, unsigned int order,
		     unsigned long caller, unsigned long caller2);

/**
 * page_debug_history - print the last allocation and free of @pfn
 * @pfn: a page frame, anywhere inside a block
 *
 * From the ring of the last 8192 events; reads it without the lock.
 * Context: any (reports).
 */
void page_debug_history(unsigned long pfn);

/**
 * page_debug_unmapped - did debug_pagealloc unmap the lowmem page at @addr?
 * @addr: a faulting address
 *
 * True for any unmapped direct-map page while debug_pagealloc is on;
 * stack guard pages are unmapped too, so the fault report checks for
 * those first.
 * Context: any, fault handlers included.
 * Return: true if so: a use after free.
 */
bool page_debug_unmapped(unsigned long addr);

#endif /* MM_PAGE_DEBUG_H */
