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

/**
 * vmalloc - @size bytes, virtually contiguous, from scattered pages
 * @size: bytes; rounded up to whole pages, a guard page follows
 *
 * Order-0 pages taken with GFP_KERNEL | __GFP_HIGHMEM, so highmem first:
 * only this mapping needs them.
 * Context: thread; may sleep.
 * Return: the address, or NULL.
 */
void *vmalloc(unsigned long size);

/**
 * __vmalloc - vmalloc with the caller's choice of pages
 * @size: bytes
 * @gfp: for each page, e.g. GFP_KERNEL for lowmem only; __GFP_NOWARN
 *       keeps a failure quiet
 *
 * Context: thread; may sleep (the area's bookkeeping uses GFP_KERNEL
 * whatever @gfp says).
 * Return: the address, or NULL.
 */
void *__vmalloc(unsigned long size, gfp_t gfp);

/**
 * vzalloc - vmalloc, zeroed
 * @size: bytes
 *
 * Context: thread; may sleep.
 * Return: the address, or NULL.
 */
void *vzalloc(unsigned long size);

/**
 * vfree - unmap and free a vmalloc area
 * @addr: what vmalloc returned; NULL is ignored
 *
 * The pages go back at once; the range is not reused until the next
 * purge, which flushes the TLB once for every area freed since. A
 * pointer that is not the start of a live vmalloc area panics; for a
 * double free, the report names who allocated and who freed the area.
 * Context: thread.
 */
void vfree(const void *addr);

/**
 * vmap - map @count pages at consecutive addresses with @prot
 * @pages: the pages; they stay the caller's (vunmap does not free them)
 * @count: how many
 * @prot: the PTE flags, e.g. PAGE_KERNEL
 *
 * Context: thread; may sleep.
 * Return: the address, or NULL.
 */
void *vmap(struct page **pages, unsigned int count, pteval_t prot);

/**
 * vunmap - unmap an area made by vmap; the pages are not freed
 * @addr: what vmap returned (not NULL)
 *
 * Lazily, like vfree. Anything else panics.
 * Context: thread.
 */
void vunmap(const void *addr);

/**
 * vmalloc_to_page - the page behind a vmalloc or vmap address
 * @addr: any address inside an area
 *
 * Reads the PTE; takes no lock.
 * Context: any.
 * Return: the page, or NULL if @addr is outside the vmalloc area, not
 * mapped, or device memory without a struct page.
 */
struct page *vmalloc_to_page(const void *addr);

/**
 * find_vm_area - the area holding @addr, its guard page included
 * @addr: any address
 *
 * O(log n) in the area tree. The area may be freed once vmap_lock is
 * dropped: only its owner may rely on it.
 * Context: any; takes vmap_lock with interrupts off.
 * Return: the area (live or waiting for the purge), or NULL.
 */
struct vm_struct *find_vm_area(const void *addr);

/**
 * get_vm_area - reserve a range of @size bytes, plus a guard page
 * @size: bytes; rounded up to whole pages
 * @flags: VM_ALLOC, VM_MAP or VM_IOREMAP
 * @caller: who asked, for vmallocinfo and reports
 *
 * Nothing is mapped. If no gap fits, the lazily freed areas are purged
 * once and the search repeated.
 * Context: thread; may sleep.
 * Return: the area, or NULL.
 */
struct vm_struct *get_vm_area(unsigned long size, unsigned int flags,
			      const void *caller);

/**
 * vmalloc_purge - flush the TLB once and release every lazily freed area
 *
 * Their PTEs are already clear; after the flush their ranges may be
 * reused.
 * Context: thread; takes vmap_lock with interrupts off.
 */
void vmalloc_purge(void);

struct seq_file;

/**
 * vmallocinfo_show - /proc/vmallocinfo: the areas in Linux's format
 * @m: where the text goes
 *
 * What the shell's `vmallocinfo` shows too, unpurged areas included.
 * Context: thread; holds vmap_lock with interrupts off while printing.
 * Return: 0.
 */
int vmallocinfo_show(struct seq_file *m);

/**
 * vmalloc_describe - say which area (or guard page) @addr is in
 * @addr: an address in the vmalloc range
 *
 * For fault reports: it takes no lock (the fault may have come with
 * vmap_lock held).
 * Context: any, fault handlers included.
 */
void vmalloc_describe(unsigned long addr);

struct vmalloc_stats {
	unsigned long purges;	   /* TLB flushes for lazily freed areas */
	unsigned long lazy_pages;  /* pages waiting for the next purge */
	unsigned long used_pages;  /* mapped pages in live areas */
};

extern struct vmalloc_stats vmalloc_stats;

/* ---- ioremap ---- */

/**
 * ioremap - map device memory at @phys, uncached (PCD|PWT)
 * @phys: the physical address; need not be page-aligned
 * @size: bytes
 *
 * RAM that the page allocator owns is refused: an uncached alias of a
 * cached page is a bug on real hardware.
 * Context: thread; may sleep.
 * Return: the address of @phys, or NULL.
 */
void *ioremap(phys_addr_t phys, unsigned long size);

/**
 * ioremap_wc - ioremap, write-combining (PAT) where the CPU has it
 * @phys: the physical address; need not be page-aligned
 * @size: bytes
 *
 * For framebuffers. Without a PAT it falls back to uncached. Refuses
 * RAM that the page allocator owns.
 * Context: thread; may sleep.
 * Return: the address of @phys, or NULL.
 */
void *ioremap_wc(phys_addr_t phys, unsigned long size);

/**
 * iounmap - unmap what ioremap or ioremap_wc returned
 * @addr: the address they returned (not NULL)
 *
 * Lazily, like vfree. Anything else panics.
 * Context: thread.
 */
void iounmap(void *addr);

#endif /* MM_VMALLOC_H */
