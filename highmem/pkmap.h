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

void page_address_init(void);
/* Record (or with NULL forget) the pkmap address of @page. */
void set_page_address(const struct page *page, void *virtual);

void pkmap_init(void);
void kmap_atomic_init(void);

#endif /* HIGHMEM_PKMAP_H */
