// SPDX-License-Identifier: MIT
/*
 * The vmalloc area allocator.
 *
 * Busy areas are kept in a red-black tree by start address, so finding
 * the area of an address (vfree, vmalloc_to_page, a fault report) is
 * O(log n). A new area goes in the next gap that fits after the last one
 * placed. Every area is followed by an unmapped guard page.
 *
 * Freeing is lazy: vfree clears the PTEs and frees the pages at once,
 * but any CPU's TLB may still hold translations for the range, so the
 * range stays reserved (VM_LAZY_FREE) until a purge flushes every CPU's
 * TLB once for all lazily freed areas: when LAZY_MAX_PAGES have piled
 * up, or when an allocation finds no gap. One shootdown per many
 * vfrees, as in Linux.
 *
 * Locking: vmap_lock (interrupts off: fault reports look areas up)
 * guards the tree, the lazy list, alloc_hint and vmalloc_stats.
 * vmap_purge_lock, a mutex, makes purges one at a time; a purge takes
 * the lazy areas off the list, flushes with no spinlock held (the
 * shootdown waits for the other CPUs), and only then lets their ranges
 * go. An area is marked VM_LAZY_FREE under vmap_lock by the first free,
 * so a second free of it, even at the same time on another CPU, panics.
 */
#define pr_fmt(fmt) "vmalloc: " fmt

#include "kernel/seq_file.h"
#include "mm/vmalloc.h"
#include "mm/internal.h"
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/mutex.h"
#include "kernel/spinlock.h"
#include "kernel/lib/string.h"
#include "mm/gfp.h"
#include "mm/slab.h"
#include <asm/cpu.h>
#include <asm/tlbflush.h>

#define LAZY_MAX_PAGES ((32ul << 20) >> PAGE_SHIFT)

static struct rb_root vmap_area_root = RB_ROOT;
static LIST_HEAD(lazy_list);
static DEFINE_SPINLOCK(vmap_lock);
static DEFINE_MUTEX(vmap_purge_lock);
struct vmalloc_stats vmalloc_stats; /* vmap_lock */

/* vmalloc_stats.used_pages += @delta, under vmap_lock. */
static void account_used_pages(long delta)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	vmalloc_stats.used_pages += (unsigned long)delta;
	spin_unlock_irqrestore(&vmap_lock, flags);
}

static struct vm_struct *rb_to_area(struct rb_node *n)
{
	return rb_entry(n, struct vm_struct, rb);
}

static struct vm_struct *__find_vm_area(unsigned long addr)
{
	struct rb_node *n = vmap_area_root.rb_node;

	while (n) {
		struct vm_struct *a = rb_to_area(n);

		if (addr < a->addr)
			n = n->rb_left;
		else if (addr >= a->addr + a->size)
			n = n->rb_right;
		else
			return a;
	}
	return NULL;
}

struct vm_struct *find_vm_area(const void *addr)
{
	unsigned long flags;
	struct vm_struct *a;

	spin_lock_irqsave(&vmap_lock, flags);
	a = __find_vm_area((unsigned long)addr);
	spin_unlock_irqrestore(&vmap_lock, flags);
	return a;
}

static void insert_area(struct vm_struct *area)
{
	struct rb_node **link = &vmap_area_root.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = area->addr < rb_to_area(parent)->addr ?
			       &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&area->rb, parent, link);
	rb_insert_color(&area->rb, &vmap_area_root);
}

/* The first area that ends after @addr, found in O(log n); or NULL. */
static struct rb_node *first_area_after(unsigned long addr)
{
	struct rb_node *n = vmap_area_root.rb_node, *best = NULL;

	while (n) {
		struct vm_struct *a = rb_to_area(n);

		if (a->addr + a->size > addr) {
			best = n;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return best;
}

/* The first gap of @size bytes in [from, to), or 0. */
static unsigned long find_gap_in(unsigned long from, unsigned long to,
				 unsigned long size)
{
	unsigned long start = from;

	for (struct rb_node *n = first_area_after(from); n; n = rb_next(n)) {
		struct vm_struct *a = rb_to_area(n);

		if (a->addr >= to)
			break;
		if (a->addr > start && a->addr - start >= size)
			return start;
		start = max(start, a->addr + a->size);
	}
	return to > start && to - start >= size ? start : 0;
}

/*
 * Next fit: search on from where the last area was placed, then from
 * the start. Lazily freed areas pile up behind the hint, so a first fit
 * from VMALLOC_START would walk past all of them on every vmalloc. A
 * purge, which frees those ranges, sends the hint back to the start.
 */
static unsigned long alloc_hint;

static unsigned long find_gap(unsigned long size)
{
	unsigned long addr = 0;

	if (alloc_hint > VMALLOC_START)
		addr = find_gap_in(alloc_hint, VMALLOC_END, size);
	if (!addr)
		addr = find_gap_in(VMALLOC_START, VMALLOC_END, size);
	if (addr)
		alloc_hint = addr + size;
	return addr;
}

void vmalloc_purge(void)
{
	struct vm_struct *a, *tmp;
	unsigned long flags;
	LIST_HEAD(done);

	mutex_lock(&vmap_purge_lock);
	spin_lock_irqsave(&vmap_lock, flags);
	list_splice_init(&lazy_list, &done);
	vmalloc_stats.lazy_pages = 0;
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (list_empty(&done)) {
		mutex_unlock(&vmap_purge_lock);
		return;
	}
	/*
	 * The PTEs are clear; one shootdown drops every stale translation
	 * on every CPU. The ranges stay in the tree until it is done, so
	 * nobody maps them again meanwhile.
	 */
	flush_tlb_kernel_range(VMALLOC_START, VMALLOC_END);
	spin_lock_irqsave(&vmap_lock, flags);
	list_for_each_entry(a, &done, lazy)
		rb_erase(&a->rb, &vmap_area_root);
	vmalloc_stats.purges++;
	alloc_hint = VMALLOC_START;
	spin_unlock_irqrestore(&vmap_lock, flags);
	mutex_unlock(&vmap_purge_lock);
	list_for_each_entry_safe(a, tmp, &done, lazy)
		kfree(a);
}

struct vm_struct *get_vm_area(unsigned long size, unsigned int flags,
			      const void *caller)
{
	struct vm_struct *area;
	unsigned long irqflags;
	bool purged = false;

	might_sleep();
	size = ALIGN(size, PAGE_SIZE);
	if (!size || size > VMALLOC_END - VMALLOC_START)
		return NULL;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	area->size = size + PAGE_SIZE; /* the guard page */
	area->flags = flags;
	area->caller = caller;
	INIT_LIST_HEAD(&area->lazy);
	for (;;) {
		spin_lock_irqsave(&vmap_lock, irqflags);
		area->addr = find_gap(area->size);
		if (area->addr) {
			insert_area(area);
			spin_unlock_irqrestore(&vmap_lock, irqflags);
			return area;
		}
		spin_unlock_irqrestore(&vmap_lock, irqflags);
		if (purged)
			break;
		vmalloc_purge(); /* lazily freed ranges may make room */
		purged = true;
	}
	kfree(area);
	return NULL;
}

void map_area_page(struct vm_struct *area, unsigned int i, phys_addr_t phys,
		   pteval_t prot)
{
	unsigned long vaddr = area->addr + ((unsigned long)i << PAGE_SHIFT);

	/* A new area was never mapped before its purge: no invlpg needed. */
	set_pte(lookup_kernel_pte(vaddr), (phys & PTE_PFN_MASK) | prot);
}

static void unmap_area(struct vm_struct *area)
{
	unsigned long end = area->addr + area->size - PAGE_SIZE;

	for (unsigned long v = area->addr; v < end; v += PAGE_SIZE)
		pte_clear(lookup_kernel_pte(v));
}

/*
 * Unmap @area and queue its range for the next purge. @area may be
 * freed (by the purge) before this returns.
 */
void free_area_lazily(struct vm_struct *area)
{
	unsigned long pages = (area->size >> PAGE_SHIFT) - 1;
	unsigned long flags;
	bool purge;

	unmap_area(area);
	spin_lock_irqsave(&vmap_lock, flags);
	list_add_tail(&area->lazy, &lazy_list);
	vmalloc_stats.lazy_pages += pages;
	if (area->flags & (VM_ALLOC | VM_MAP))
		vmalloc_stats.used_pages -= area->nr_pages;
	purge = vmalloc_stats.lazy_pages > LAZY_MAX_PAGES;
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (purge)
		vmalloc_purge();
}

/*
 * The live area starting at @addr with one of @flags, or panic. @caller
 * is who frees it: remembered, so that a second free can name the first.
 */
struct vm_struct *area_to_free(const void *addr, unsigned int flags,
			       const char *fn, const void *caller)
{
	struct vm_struct *area;
	unsigned long irqflags;

	spin_lock_irqsave(&vmap_lock, irqflags);
	area = __find_vm_area((unsigned long)addr);
	if (!area) {
		spin_unlock_irqrestore(&vmap_lock, irqflags);
		panic("%s(0x%p) from %pS: not in any vmalloc area (double "
		      "free after a purge, or never allocated)", fn, addr,
		      caller);
	}
	if (area->flags & VM_LAZY_FREE) {
		spin_unlock_irqrestore(&vmap_lock, irqflags);
		panic("%s(0x%p) from %pS: the area was already freed (double "
		      "free); allocated by %pS, freed by %pS", fn, addr, caller,
		      area->caller, area->free_caller);
	}
	if ((unsigned long)addr != area->addr || !(area->flags & flags)) {
		spin_unlock_irqrestore(&vmap_lock, irqflags);
		panic("%s(0x%p) from %pS: not the start of an area it can free "
		      "(area 0x%08lx, flags 0x%x, allocated by %pS)", fn, addr,
		      caller, area->addr, area->flags, area->caller);
	}
	/* Ours now: a second free, here or on another CPU, panics above. */
	area->flags |= VM_LAZY_FREE;
	area->free_caller = caller;
	spin_unlock_irqrestore(&vmap_lock, irqflags);
	return area;
}

/* vfree for @caller (recorded before GCC can split vfree). */
static void vfree_caller(const void *addr, const void *caller)
{
	struct vm_struct *area = area_to_free(addr, VM_ALLOC, "vfree", caller);
	struct page **pages = area->pages;
	unsigned int n = area->nr_pages;

	area->pages = NULL;
	free_area_lazily(area); /* unmaps before the pages go */
	for (unsigned int i = 0; i < n; i++) {
		__clear_page_type(pages[i]); /* vmalloc's own: one reference */
		__free_page(pages[i]);
	}
	kfree(pages);
}

static void *__vmalloc_caller(unsigned long size, gfp_t gfp,
			      const void *caller)
{
	struct vm_struct *area = get_vm_area(size, VM_ALLOC, caller);
	unsigned int n;

	if (!area)
		return NULL;
	n = (unsigned int)((area->size >> PAGE_SHIFT) - 1);
	area->pages = kmalloc(n * sizeof(struct page *), GFP_KERNEL);
	if (!area->pages)
		goto fail;
	for (area->nr_pages = 0; area->nr_pages < n; area->nr_pages++) {
		struct page *page = alloc_page(gfp | __GFP_NOWARN);

		if (!page)
			goto fail;
		__set_page_type(page, PGTY_vmalloc);
		area->pages[area->nr_pages] = page;
		map_area_page(area, area->nr_pages, page_to_phys(page),
			      PAGE_KERNEL);
	}
	account_used_pages(n);
	return (void *)area->addr;
fail:
	if (!(gfp & __GFP_NOWARN))
		pr_warn("vmalloc(%lu) from %pS: out of memory after %u pages\n",
			size, caller, area->nr_pages);
	account_used_pages(area->nr_pages);
	vfree_caller((void *)area->addr, caller);
	return NULL;
}

void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return __vmalloc_caller(size, gfp, __builtin_return_address(0));
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_HIGHMEM,
			 __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO,
			 __builtin_return_address(0));
}

void vfree(const void *addr)
{
	if (addr)
		vfree_caller(addr, __builtin_return_address(0));
}

void *vmap(struct page **pages, unsigned int count, pteval_t prot)
{
	struct vm_struct *area = get_vm_area((unsigned long)count << PAGE_SHIFT,
					     VM_MAP,
					     __builtin_return_address(0));

	if (!area)
		return NULL;
	for (unsigned int i = 0; i < count; i++)
		map_area_page(area, i, page_to_phys(pages[i]), prot);
	area->nr_pages = count;
	account_used_pages(count);
	return (void *)area->addr;
}

void vunmap(const void *addr)
{
	free_area_lazily(area_to_free(addr, VM_MAP, "vunmap",
				      __builtin_return_address(0)));
}

struct page *vmalloc_to_page(const void *addr)
{
	unsigned long vaddr = (unsigned long)addr;
	pteval_t *pte;

	if (vaddr < VMALLOC_START || vaddr >= VMALLOC_END)
		return NULL;
	pte = lookup_kernel_pte(vaddr);
	if (!pte || !(*pte & _PAGE_PRESENT) || !pfn_valid(pte_pfn(*pte)))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

/* ---- inspection ---- */

int vmallocinfo_show(struct seq_file *m)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	for (struct rb_node *n = rb_first(&vmap_area_root); n; n = rb_next(n)) {
		struct vm_struct *a = rb_to_area(n);

		if (a->flags & VM_LAZY_FREE) {
			seq_printf(m, "0x%08lx-0x%08lx %7lu unpurged vm_area\n",
			       a->addr, a->addr + a->size, a->size);
			continue;
		}
		seq_printf(m, "0x%08lx-0x%08lx %7lu %pS", a->addr, a->addr + a->size,
		       a->size, a->caller);
		if (a->nr_pages)
			seq_printf(m, " pages=%u", a->nr_pages);
		if (a->phys_addr)
			seq_printf(m, " phys=0x%llx", (unsigned long long)a->phys_addr);
		seq_printf(m, "%s%s%s\n", (a->flags & VM_IOREMAP) ? " ioremap" : "",
		       (a->flags & VM_ALLOC) ? " vmalloc" : "",
		       (a->flags & VM_MAP) ? " vmap" : "");
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	return 0;
}

void vmalloc_describe(unsigned long addr)
{
	struct vm_struct *a = __find_vm_area(addr);

	if (!a) {
		printk("in the vmalloc area, outside any area\n");
		return;
	}
	printk("%s vmalloc area 0x%08lx-0x%08lx (%s, from %pS)\n",
	       addr >= a->addr + a->size - PAGE_SIZE ? "the guard page after the" :
						      "inside the",
	       a->addr, a->addr + a->size - PAGE_SIZE,
	       (a->flags & VM_LAZY_FREE) ? "freed" :
	       (a->flags & VM_IOREMAP)	 ? "ioremap" :
	       (a->flags & VM_MAP)	 ? "vmap" : "vmalloc",
	       a->caller);
}
