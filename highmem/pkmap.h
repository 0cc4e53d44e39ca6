/* SPDX-License-Identifier: MIT */
/* Shared inside highmem/: the pkmap area and the page_address hash. */
#ifndef HIGHMEM_PKMAP_H
#define HIGHMEM_PKMAP_H

#include <asm/pgtable.h>

#define PKMAP_ADDR(nr) (PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))
#define PKMAP_NR(addr) (((unsigned long)(addr) - PKMAP_BASE) >> PAGE_SHIFT)

/*
 * Temporary mappings are not global: their TLB entries go with a CR3
 * reload, which flushes the pkmap area in one step while the (global)
 * direct map stays cached.
 */
#define kmap_prot (PAGE_KERNEL & ~_PAGE_GLOBAL)

/**
 * page_address_init - an empty page_address hash, every entry free
 *
 * Context: boot, once, from kmap_init.
 */
void page_address_init(void);

/**
 * set_page_address - record (or with NULL forget) the pkmap address of @page
 * @page: a page that gets or loses a pkmap slot
 * @virtual: its pkmap address, or NULL
 *
 * Panics if more pages are recorded than there are pkmap slots.
 * Context: any; the caller holds kmap_lock. Takes the hash lock with
 * interrupts off.
 */
void set_page_address(const struct page *page, void *virtual);

/**
 * pkmap_init - find the page table of the pkmap area
 *
 * It was made at boot with the other kernel page tables; panics if not.
 * Context: boot, once, from kmap_init.
 */
void pkmap_init(void);

/**
 * pkmap_lowmem_slots - pool slots in use that map lowmem pages
 *
 * Only kmap.debug puts lowmem pages in the pool.
 * Context: any; a snapshot. Return: how many.
 */
unsigned int pkmap_lowmem_slots(void);

/**
 * kmap_atomic_init - find the fixmap's page table and the slots' PTE bits
 *
 * Panics without a page table; chooses the inline or slow path.
 * Context: boot, once, from kmap_init.
 */
void kmap_atomic_init(void);

#endif /* HIGHMEM_PKMAP_H */
