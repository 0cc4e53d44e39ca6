/* SPDX-License-Identifier: MIT */
/*
 * struct page: one descriptor per physical page frame, highmem included,
 * all kept in lowmem (mem_map). It is 16 bytes on this kernel (Linux
 * spends 32): at 64 GiB that is 256 MiB of the 896 MiB of lowmem instead
 * of 512 MiB. What Linux keeps in struct page and we do not:
 *   - the pfn is computed from the descriptor's place in mem_map;
 *   - the zone sits in two bits of flags;
 *   - the order of a free or allocated block sits in four bits of flags;
 *   - the kmap address of a highmem page is in a small hash table
 *     (highmem/), not in the page;
 *   - slab bookkeeping lives in the slab itself (mm/slab.c); a slab's
 *     pages keep only its cache and first object, where a free page
 *     keeps its list pointers, so that kfree checks a pointer without
 *     reading the slab.
 *
 * flags: | zone (2) | unused (2) | order (4) | type (4) | PG_* bits (20) |
 *
 * The type says what an allocated page is used for (a page table, a
 * user page, a page-cache page, ...), for mm/pagemap.c's picture of
 * memory and for nothing else: the allocator never reads it.
 */
#ifndef MM_PAGE_H
#define MM_PAGE_H

#include "kernel/lib/list.h"
#include <asm/atomic.h>
#include <asm/layout.h>

#define MAX_ORDER 11 /* orders 0..10: blocks of up to 4 MiB */
#define MAX_ORDER_NR_PAGES (1ul << (MAX_ORDER - 1))

enum zone_type {
	ZONE_DMA,     /* below 16 MiB: ISA DMA can reach it */
	ZONE_NORMAL,  /* the rest of lowmem: direct-mapped */
	ZONE_HIGHMEM, /* above lowmem: no permanent kernel address */
	MAX_NR_ZONES
};

struct kmem_cache;

struct page {
	unsigned long flags;
	atomic_t _refcount;    /* 0: free; otherwise the number of users */
	union {
		struct list_head lru; /* free lists, per-CPU lists */
		struct { /* each page of a slab (PG_slab), for kfree */
			void *s_mem; /* the slab's first object */
			struct kmem_cache *slab_cache;
		};
	};
};

enum pageflags {
	PG_reserved, /* never given to the allocator (firmware, kernel, holes) */
	PG_buddy,    /* first page of a free block on a buddy free list */
	PG_slab,     /* belongs to a slab (mm/slab.c) */
	PG_head,     /* first page of an allocation of order > 0 */
	PG_large_kmalloc, /* kmalloc memory that came from the page allocator */
	PG_poisoned, /* free page filled with the poison pattern (debug) */
	__NR_PAGEFLAGS
};

/*
 * What an allocated page is used for, where the flags do not say it
 * already (PG_slab, PG_large_kmalloc): Linux's page_type names. Set by
 * the code that allocates such a page, right after alloc_pages; cleared
 * by the code that frees it when it holds the only reference (so the
 * free keeps its fast path), else by the allocator's general free path,
 * to which free_page_fast sends every page that still has a type.
 */
enum pagetype {
	PGTY_none,      /* free, or a kernel allocation of no named kind */
	PGTY_table,     /* a user page table (PTE page or PMD page) */
	PGTY_anon,      /* a user anonymous page (private copies included) */
	PGTY_pagecache, /* in a file's page cache (kernel/fs/filemap.c) */
	PGTY_kstack,    /* a kernel thread stack */
	PGTY_vmalloc,   /* one of vmalloc's pages */
	NR_PAGETYPES
};

#define PAGE_TYPE_SHIFT 20
#define PAGE_TYPE_MASK (0xful << PAGE_TYPE_SHIFT)
#define PAGE_ORDER_SHIFT 24
#define PAGE_ORDER_MASK (0xful << PAGE_ORDER_SHIFT)
#define PAGE_ZONE_SHIFT 30
#define PAGE_ZONE_MASK (0x3ul << PAGE_ZONE_SHIFT)

_Static_assert(__NR_PAGEFLAGS <= PAGE_TYPE_SHIFT,
	       "the PG_* bits run into the page type");
#if !defined(HOST_TEST)
_Static_assert(sizeof(struct page) == 16, "struct page must stay 16 bytes");
#endif

/*
 * PageX tests a flag; SetPageX and ClearPageX change it atomically (lock
 * or, lock and), for pages other CPUs may touch at the same time; the
 * __ forms are plain read-modify-writes, for a page only the caller can
 * touch (a free block under the zone lock, a page being set up).
 */
#define PAGEFLAG(name, bit)                                           \
	static inline bool Page##name(const struct page *page)        \
	{                                                             \
		return test_bit((bit), &page->flags);                 \
	}                                                             \
	static inline void SetPage##name(struct page *page)           \
	{                                                             \
		set_bit((bit), &page->flags);                         \
	}                                                             \
	static inline void ClearPage##name(struct page *page)         \
	{                                                             \
		clear_bit((bit), &page->flags);                       \
	}                                                             \
	static inline void __SetPage##name(struct page *page)         \
	{                                                             \
		__set_bit((bit), &page->flags);                       \
	}                                                             \
	static inline void __ClearPage##name(struct page *page)       \
	{                                                             \
		__clear_bit((bit), &page->flags);                     \
	}

PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Buddy, PG_buddy)
PAGEFLAG(Slab, PG_slab)
PAGEFLAG(Head, PG_head)
PAGEFLAG(LargeKmalloc, PG_large_kmalloc)
PAGEFLAG(Poisoned, PG_poisoned)
#undef PAGEFLAG

/**
 * page_zonenum - the zone @page belongs to, from two bits of its flags
 * @page: any page with a descriptor
 *
 * Context: any. Return: ZONE_DMA, ZONE_NORMAL or ZONE_HIGHMEM.
 */
static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)(page->flags >> PAGE_ZONE_SHIFT);
}

/**
 * PageHighMem - is @page in ZONE_HIGHMEM (no permanent kernel address)?
 * @page: any page with a descriptor
 *
 * Such a page must be mapped (kmap, kmap_atomic) before the kernel
 * touches it.
 * Context: any. Return: true if it is.
 */
static inline bool PageHighMem(const struct page *page)
{
	return page_zonenum(page) == ZONE_HIGHMEM;
}

/**
 * page_order - the order kept in @page's flags
 * @page: the first page of a free block (PG_buddy), the head of an
 *        allocation, or any page of a slab
 *
 * Context: any; for a free block, stable only under the zone lock.
 * Return: the order, 0 to MAX_ORDER - 1.
 */
static inline unsigned int page_order(const struct page *page)
{
	return (page->flags & PAGE_ORDER_MASK) >> PAGE_ORDER_SHIFT;
}

/**
 * set_page_order - record @order in @page's flags
 * @page: the page
 * @order: 0 to 15 (four bits)
 *
 * Context: any; the caller owns the page, or holds the zone lock for a
 * free block (a plain read-modify-write of flags).
 */
static inline void set_page_order(struct page *page, unsigned int order)
{
	page->flags = (page->flags & ~PAGE_ORDER_MASK) |
		      ((unsigned long)order << PAGE_ORDER_SHIFT);
}

/**
 * page_type - what the allocated page @page is used for
 * @page: a page whose struct page is initialised
 *
 * Context: any; a racy read (the owner may change it meanwhile).
 * Return: a PGTY_* value; PGTY_none for free pages.
 */
static inline enum pagetype page_type(const struct page *page)
{
	return (enum pagetype)((page->flags & PAGE_TYPE_MASK) >>
			       PAGE_TYPE_SHIFT);
}

/**
 * __set_page_type - record what @page is used for
 * @page: an allocated page
 * @type: a PGTY_* value
 *
 * A plain read-modify-write of flags: nobody else changes the flags of
 * an allocated page (the atomic flag operations are for free pages and
 * slabs), so one store suffices.
 * Context: any; the caller owns the page (it just allocated it, or holds
 * the lock that publishes it).
 */
static inline void __set_page_type(struct page *page, enum pagetype type)
{
	page->flags = (page->flags & ~PAGE_TYPE_MASK) |
		      ((unsigned long)type << PAGE_TYPE_SHIFT);
}

/**
 * __clear_page_type - @page is no longer used as its type says
 * @page: an allocated page
 *
 * Called before the free by an owner holding the only reference, so
 * that free_page_fast takes the page; the general free path clears the
 * type of the others itself.
 * Context: any; the caller owns the page, as for __set_page_type.
 */
static inline void __clear_page_type(struct page *page)
{
	page->flags &= ~PAGE_TYPE_MASK;
}

/**
 * page_count - the reference count of @page
 * @page: the page
 *
 * Context: any. Return: 0 for a free page, else the number of users.
 */
static inline int page_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

/**
 * set_page_count - set the reference count of @page
 * @page: the page
 * @count: the new count
 *
 * For the allocator (1 on allocation) and boot setup.
 * Context: any; the caller owns the page.
 */
static inline void set_page_count(struct page *page, int count)
{
	atomic_set(&page->_refcount, count);
}

/**
 * get_page - take another reference on an allocated page
 * @page: a page with a count of at least 1
 *
 * Each reference needs its own __free_pages(); the last one frees. The
 * count is atomic: holders on several CPUs may take and drop references
 * at once, and exactly one sees the count reach zero.
 * Context: any.
 */
static inline void get_page(struct page *page)
{
	atomic_inc(&page->_refcount);
}

/*
 * Sections: the physical address space is cut into 16 MiB sections, and
 * only those that hold RAM have valid descriptors. mem_map, one array,
 * is laid out one of two ways (mm/sparse.c chooses at boot):
 *
 * - flat, where the holes are small (the PCI hole below 4 GiB): mem_map
 *   covers every section from pfn 0 to the end of RAM, holes included,
 *   and mem_map[pfn] is pfn's descriptor. pfn_to_page and page_to_pfn
 *   are one addition or subtraction; the holes' descriptors cost at most
 *   FLAT_HOLES_MAX of lowmem and are never used.
 * - sparse, where a hole is large (RAM at 0-2 GiB and 60-64 GiB, say):
 *   mem_map holds only the sections with RAM, in order, and two small
 *   tables translate between a section and its slot, so a hole costs
 *   two bytes per 16 MiB instead of 64 KiB of descriptors.
 *
 * Either way section_to_slot[] says which sections hold RAM (pfn_valid),
 * slot_to_section[] says which section a slot of mem_map describes, and
 * a section of the direct map has slot == section: mem_map[pfn] is the
 * descriptor of every lowmem pfn, whatever the layout (a sparse map
 * leaves a lowmem hole's slot unused).
 */
#define SECTION_SIZE_BITS 24
#define PFN_SECTION_SHIFT (SECTION_SIZE_BITS - PAGE_SHIFT)
#define PAGES_PER_SECTION (1ul << PFN_SECTION_SHIFT)
#define PAGE_SECTION_MASK (PAGES_PER_SECTION - 1)
#define NR_MEM_SECTIONS (1ul << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS))
#define SECTION_NOT_PRESENT 0xFFFFu

extern struct page *mem_map;
extern bool mem_map_flat; /* mem_map[pfn] is pfn's descriptor */
extern unsigned int mem_map_sections; /* slots of 16 MiB in mem_map */
extern u16 section_to_slot[NR_MEM_SECTIONS];
extern u16 slot_to_section[NR_MEM_SECTIONS];

/**
 * pfn_valid - does @pfn have a struct page?
 * @pfn: any page frame number
 *
 * True for RAM and for holes inside a 16 MiB section that holds RAM;
 * false for sections without RAM and beyond 64 GiB (also when a flat
 * mem_map has descriptors there: they are never initialised).
 * Context: any. Return: true if pfn_to_page(@pfn) may be used.
 */
static inline bool pfn_valid(unsigned long pfn)
{
	return (pfn >> PFN_SECTION_SHIFT) < NR_MEM_SECTIONS &&
	       section_to_slot[pfn >> PFN_SECTION_SHIFT] != SECTION_NOT_PRESENT;
}

/**
 * sparse_pfn_to_page - pfn_to_page through the section tables
 * @pfn: a valid pfn, with a sparse mem_map
 *
 * Context: any. Return: the struct page.
 */
static inline struct page *sparse_pfn_to_page(unsigned long pfn)
{
	unsigned long slot = section_to_slot[pfn >> PFN_SECTION_SHIFT];

	return mem_map + (slot << PFN_SECTION_SHIFT) + (pfn & PAGE_SECTION_MASK);
}

/**
 * pfn_to_page - the descriptor of page frame @pfn
 * @pfn: a pfn for which pfn_valid() is true
 *
 * Flat: an addition. Sparse: a shift, a section-table load and an add.
 * Context: any. Return: the struct page.
 */
static inline struct page *pfn_to_page(unsigned long pfn)
{
	if (likely(mem_map_flat))
		return mem_map + pfn;
	return sparse_pfn_to_page(pfn);
}

/**
 * sparse_page_to_pfn - page_to_pfn through the section tables
 * @page: a descriptor in a sparse mem_map
 *
 * Context: any. Return: the pfn.
 */
static inline unsigned long sparse_page_to_pfn(const struct page *page)
{
	unsigned long index = (unsigned long)(page - mem_map);
	unsigned long section = slot_to_section[index >> PFN_SECTION_SHIFT];

	return (section << PFN_SECTION_SHIFT) | (index & PAGE_SECTION_MASK);
}

/**
 * page_to_pfn - the page frame number of @page
 * @page: a descriptor in mem_map
 *
 * Flat: a subtraction (and a shift, struct page being 16 bytes).
 * Context: any. Return: the pfn.
 */
static inline unsigned long page_to_pfn(const struct page *page)
{
	if (likely(mem_map_flat))
		return (unsigned long)(page - mem_map);
	return sparse_page_to_pfn(page);
}

/**
 * page_to_phys - the physical address of @page
 * @page: a descriptor in mem_map
 *
 * Context: any. Return: the address; 64 bits wide, highmem may lie above
 * 4 GiB.
 */
static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

/**
 * lowmem_pfn_to_page - pfn_to_page for a pfn of the direct map
 * @pfn: a valid pfn below max_low_pfn
 *
 * One addition in either layout of mem_map: lowmem's slots are its
 * sections (mm/sparse.c), which kfree's check relies on.
 * Context: any. Return: the struct page.
 */
static inline struct page *lowmem_pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

/**
 * virt_to_page - the struct page of a direct-mapped (lowmem) address
 * @addr: an address for which virt_addr_valid() is true; a vmalloc,
 *        kmap or fixmap address gives a wrong page
 *
 * A shift and an addition, whatever the layout of mem_map.
 * Context: any. Return: the struct page.
 */
static inline struct page *virt_to_page(const void *addr)
{
	return lowmem_pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}

/**
 * lowmem_page_address - the direct-map address of a lowmem page
 * @page: a page outside ZONE_HIGHMEM; highmem pages have no such
 *        address (use page_address or kmap)
 *
 * Context: any. Return: the address.
 */
static inline void *lowmem_page_address(const struct page *page)
{
	/* lowmem's slot is its section: page - mem_map is the pfn. */
	return __va(PFN_PHYS((unsigned long)(page - mem_map)));
}

#endif /* MM_PAGE_H */
