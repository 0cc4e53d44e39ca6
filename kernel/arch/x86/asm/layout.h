/* SPDX-License-Identifier: MIT */
/*
 * The virtual memory layout of DESIGN.md section 3 (PAE, 3G/1G split):
 *
 *   0x00000000 .. 0xBFFFFFFF  user half (empty; the boot identity map is
 *                             removed by paging_init)
 *   PAGE_OFFSET .. high_memory  direct map of lowmem, at most 896 MiB
 *   +8 MiB hole               catches overruns past the direct map
 *   VMALLOC_START .. VMALLOC_END  vmalloc, vmap and ioremap areas
 *   2 pages hole
 *   PKMAP_BASE                LAST_PKMAP persistent kmap slots (2 MiB)
 *   FIXADDR_START .. FIXADDR_TOP  fixmap: kmap_atomic slots and others
 *   0xFFFFF000                unmapped last page
 */
#ifndef MM_LAYOUT_H
#define MM_LAYOUT_H

#include "kernel/lib/types.h"
#include <asm/page.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ul << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define PMD_SHIFT 21 /* a PAE page directory entry maps 2 MiB */
#define PMD_SIZE (1ul << PMD_SHIFT)
#define PTRS_PER_PTE 512
#define PTRS_PER_PMD 512
#define PTRS_PER_PGD 4

/* Physical memory: 36-bit addresses, i.e. 64 GiB with PAE. */
#define MAX_PHYSMEM_BITS 36
#define MAX_PHYS_ADDR (1ull << MAX_PHYSMEM_BITS)
#define MAX_PHYS_PFN ((unsigned long)(MAX_PHYS_ADDR >> PAGE_SHIFT))

/* Lowmem: what the direct map can cover. */
#define MAXMEM (896ul << 20)
#define MAXMEM_PFN (MAXMEM >> PAGE_SHIFT)
#define DMA_ZONE_END (16ul << 20)
#define DMA_ZONE_END_PFN (DMA_ZONE_END >> PAGE_SHIFT)

#define VMALLOC_OFFSET (8ul << 20)

/* The top 2 MiB (one page table) hold the fixmap, the 2 MiB below it pkmap. */
#define FIXADDR_TOP 0xFFFFF000ul
#define FIXMAP_PMD_BASE 0xFFE00000ul
#define LAST_PKMAP 512
#define PKMAP_BASE (FIXMAP_PMD_BASE - PMD_SIZE) /* 0xFFC00000 */
#define VMALLOC_END (PKMAP_BASE - 2 * PAGE_SIZE)

#define PFN_UP(x) ((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)

/* Decided by paging_init from the memory map and the command line. */
extern unsigned long max_low_pfn; /* end of lowmem (direct map) */
extern unsigned long max_pfn;	  /* end of usable RAM */
extern unsigned long high_memory; /* virtual end of the direct map */
extern unsigned long vmalloc_start;

#define VMALLOC_START vmalloc_start

/**
 * virt_addr_valid - does @addr lie in the direct map of lowmem?
 * @addr: any virtual address
 *
 * vmalloc, pkmap, fixmap and user addresses all give false: only a true
 * answer makes __pa() and virt_to_page() meaningful.
 * Context: any, once paging_init() has set max_low_pfn.
 * Return: true if it does.
 */
static inline bool virt_addr_valid(unsigned long addr)
{
	return (unsigned long)__pa(addr) < (max_low_pfn << PAGE_SHIFT);
}

#endif /* MM_LAYOUT_H */
