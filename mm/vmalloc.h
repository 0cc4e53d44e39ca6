/* SPDX-License-Identifier: MIT */
/*
 * Virtually contiguous kernel memory in the vmalloc area (VMALLOC_START
 * .. VMALLOC_END): vmalloc builds it from scattered pages, highmem
 * first; vmap maps pages the caller has; ioremap maps device memory.
 * Each area is followed by an unmapped guard page.
 */
#ifndef MM_VMALLOC_H
#define MM_VMALLOC_H

#include "kernel/lib/rbtree.h"
#include "kernel/lib/list.h"
#include "mm/page.h"
#include <asm/pgtable.h>

#define VM_ALLOC 0x01u	    /* vmalloc: pages belong to the area */
#define VM_MAP 0x02u	    /* vmap: the caller's pages */
#define VM_IOREMAP 0x04u    /* device memory */
#define VM_LAZY_FREE 0x80u  /* freed; the range waits for the TLB purge */

struct vm_struct {
	struct rb_node rb;	   /* by address, in the area tree */
	struct list_head lazy;	   /* on the purge list once freed */
	unsigned long addr;
	unsigned long size;	   /* bytes, the guard page included */
	unsigned int flags;
	unsigned int nr_pages;
	struct page **pages;
	phys_addr_t phys_addr;	   /* ioremap */
	const void *caller;	   /* who allocated (or mapped) it */
	const void *free_caller;   /* who freed it, once freed */
};

/*
 * vmalloc - @size bytes, virtually contiguous, from order-0 pages taken
 * with GFP_KERNEL | __GFP_HIGHMEM (so highmem first).
 * Context: thread; may sleep. Return: the address, or NULL.
 */
void *vmalloc(unsigned long size);
/* vmalloc with the caller's choice of pages (@gfp, e.g. lowmem only). */
void *__vmalloc(unsigned long size, gfp_t gfp);
void *vzalloc(unsigned long size);

/*
 * vfree - unmap and free a vmalloc area. The range is not reused until
 * the next purge, which flushes the TLB once for every area freed since.
 * A pointer that is not the start of a live vmalloc area panics.
 * Context: thread.
 */
void vfree(const void *addr);

/* Map @count pages at consecutive addresses with @prot. Context: thread. */
void *vmap(struct page **pages, unsigned int count, pteval_t prot);
void vunmap(const void *addr);

/* The page behind a vmalloc/vmap address, or NULL. Context: any. */
struct page *vmalloc_to_page(const void *addr);

/* The area holding @addr (its guard page included), or NULL. O(log n). */
struct vm_struct *find_vm_area(const void *addr);

/* Reserve a range of @size bytes (plus guard) without mapping it. */
struct vm_struct *get_vm_area(unsigned long size, unsigned int flags,
			      const void *caller);

/* Unmap, flush and release every lazily freed area now. */
void vmalloc_purge(void);

/* Print the areas in Linux's /proc/vmallocinfo format. */
void vmallocinfo_show(void);

/* For fault reports: say which area (or guard page) @addr is in. */
void vmalloc_describe(unsigned long addr);

struct vmalloc_stats {
	unsigned long purges;	   /* TLB flushes for lazily freed areas */
	unsigned long lazy_pages;  /* pages waiting for the next purge */
	unsigned long used_pages;  /* mapped pages in live areas */
};

extern struct vmalloc_stats vmalloc_stats;

/* ---- ioremap ---- */

/*
 * ioremap - map device memory at @phys, uncached (PCD|PWT).
 * ioremap_wc - the same, write-combining (PAT) where the CPU has it.
 * Refuses RAM that the page allocator owns.
 * Context: thread. Return: the address, or NULL.
 */
void *ioremap(phys_addr_t phys, unsigned long size);
void *ioremap_wc(phys_addr_t phys, unsigned long size);
void iounmap(void *addr);

#endif /* MM_VMALLOC_H */
