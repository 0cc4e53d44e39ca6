// SPDX-License-Identifier: MIT
/*
 * kmalloc: a kmem_cache per size class, 8 to 8192 bytes (with 96 and 192
 * as in Linux, for the many objects just above 64 and 128), a DMA twin
 * of each, and the page allocator for anything larger. kfree finds the
 * cache from the struct page, so a pointer kmalloc never returned is
 * recognised and reported instead of corrupting a slab. The fast paths
 * of both are inline, in mm/slab.h; this file has the rest.
 */
#define pr_fmt(fmt) "kmalloc: " fmt

#include "mm/slab.h"
#include "kernel/lib/errno.h"
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include <asm/stacktrace.h>
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "mm/slab_internal.h"

const unsigned int kmalloc_sizes[KMALLOC_CLASSES] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192
};
struct kmem_cache *kmalloc_caches[KMALLOC_CLASSES];
struct kmem_cache *kmalloc_dma_caches[KMALLOC_CLASSES];

/* Entry i: the class of the sizes 8i + 1 .. 8i + 8 (mm/slab.h). */
const u8 kmalloc_size_class[KMALLOC_MAX_CACHE_SIZE / 8] = {
	[0] = 0,		/*    1 ..    8 */
	[1] = 1,		/*    9 ..   16 */
	[2 ... 3] = 2,		/*   17 ..   32 */
	[4 ... 7] = 3,		/*   33 ..   64 */
	[8 ... 11] = 4,		/*   65 ..   96 */
	[12 ... 15] = 5,	/*   97 ..  128 */
	[16 ... 23] = 6,	/*  129 ..  192 */
	[24 ... 31] = 7,	/*  193 ..  256 */
	[32 ... 63] = 8,	/*  257 ..  512 */
	[64 ... 127] = 9,	/*  513 .. 1024 */
	[128 ... 255] = 10,	/* 1025 .. 2048 */
	[256 ... 511] = 11,	/* 2049 .. 4096 */
	[512 ... 1023] = 12,	/* 4097 .. 8192 */
};

/* kmalloc's inline fast path pops its lists with a link at offset 0. */
static bool kmalloc_links_at_zero(const struct kmem_cache *c)
{
	return c->freeptr_offset == 0 || (c->flags & SLAB_SLOW_FLAGS);
}

/*
 * Each class's caches get their fixed slab_cpu slots (kmalloc_slot):
 * kmalloc reaches its per-CPU list without the cache pointer, and links
 * the list at offset 0, which holds for every kmalloc cache that has a
 * fast path (no constructor; debug caches keep their slot empty).
 */
void kmalloc_init(void)
{
	char name[KMEM_CACHE_NAME_LEN];

	for (unsigned int i = 0; i < KMALLOC_CLASSES; i++) {
		snprintf(name, sizeof(name), "kmalloc-%u", kmalloc_sizes[i]);
		kmalloc_caches[i] = kmem_cache_create_slot(
			name, kmalloc_sizes[i], 0, SLAB_PANIC, NULL,
			kmalloc_slot(i, 0));
		snprintf(name, sizeof(name), "dma-kmalloc-%u", kmalloc_sizes[i]);
		kmalloc_dma_caches[i] = kmem_cache_create_slot(
			name, kmalloc_sizes[i], 0, SLAB_PANIC | SLAB_CACHE_DMA,
			NULL, kmalloc_slot(i, __GFP_DMA));
		BUG_ON(!kmalloc_links_at_zero(kmalloc_caches[i]));
		BUG_ON(!kmalloc_links_at_zero(kmalloc_dma_caches[i]));
	}
}

static unsigned int order_for(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* Above the largest class: whole pages, marked so that kfree knows. */
static void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = order_for(size);
	struct page *page;

	if (order >= MAX_ORDER) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("%zu bytes is more than the page allocator's "
				"largest block\n", size);
		return NULL;
	}
	page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);
	if (!page)
		return NULL;
	SetPageLargeKmalloc(page);
	return lowmem_page_address(page);
}

void *__kmalloc(size_t size, gfp_t gfp)
{
	struct kmem_cache *c;
	unsigned int i;

	if (unlikely(size == 0))
		return ZERO_SIZE_PTR;
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, gfp);
	i = kmalloc_index(size);
	c = (gfp & __GFP_DMA) ? kmalloc_dma_caches[i] : kmalloc_caches[i];
	/* Here, not in __kmem_cache_alloc: our caller is the one to record. */
	if (unlikely(c->flags & SLAB_SLOW_FLAGS))
		return kmem_cache_alloc_debug(c, gfp, stack_return_address(0),
					      stack_return_address(1));
	return kmem_cache_alloc(c, gfp);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return __kmalloc(size, gfp | __GFP_ZERO);
}

/* Panic with what @obj really is: kfree got something kmalloc never gave. */
static __noreturn void bad_kfree(const void *obj, const char *what)
{
	panic("kfree(0x%p): %s; kmalloc never returned this pointer", obj,
	      what);
}

/* Not slab memory: a large kmalloc block, or a bad pointer (panics). */
static struct page *kfree_large_page(const void *obj, struct page *page)
{
	if (PageLargeKmalloc(page)) {
		if (obj != lowmem_page_address(page))
			bad_kfree(obj, "inside a large kmalloc block");
		return page;
	}
	bad_kfree(obj, PageReserved(page) ? "reserved memory (kernel image "
					    "or firmware)" :
		       page_count(page) ? "a page from the page allocator" :
					  "a free page");
}

/*
 * The cache @obj came from (or, through @large, its large block).
 * Every kfree checks that the pointer is the start of an object of a
 * valid cache: what kmalloc never returned panics instead of corrupting
 * a slab. Whether the object is free already (a double free) is checked
 * with slab debugging on (slab_debug), where it is affordable.
 */
static __always_inline struct kmem_cache *kfree_cache(const void *obj,
						      struct page **large)
{
	struct kmem_cache *c;
	struct page *page;
	int idx;

	*large = NULL;
	if (unlikely(!virt_addr_valid((unsigned long)obj)))
		bad_kfree(obj, "not a direct-map address (stack, vmalloc, "
			       "highmem kmap or garbage?)");
	page = virt_to_page(obj);
	if (unlikely(!PageSlab(page))) {
		*large = kfree_large_page(obj, page);
		return NULL;
	}
	c = slab_lookup_object(obj, page, &idx);
	if (unlikely(!c))
		bad_kfree(obj, "a slab page with no valid cache");
	if (unlikely(idx < 0))
		panic("kfree(0x%p): not the start of an object of cache %s "
		      "(objects of %u bytes)", obj, c->name, c->size);
	return c;
}

void __kfree(const void *obj)
{
	struct kmem_cache *c;
	struct page *large;

	if (unlikely((unsigned long)obj <= (unsigned long)ZERO_SIZE_PTR))
		return; /* NULL or kmalloc(0) */
	c = kfree_cache(obj, &large);
	if (unlikely(large)) {
		ClearPageLargeKmalloc(large);
		__free_pages(large, page_order(large));
		return;
	}
	/* Here, not in __kmem_cache_free: our caller is the one to record. */
	if (unlikely(c->flags & SLAB_SLOW_FLAGS))
		kmem_cache_free_debug(c, (void *)obj, stack_return_address(0),
				      stack_return_address(1));
	else
		__kmem_cache_free(c, (void *)obj);
}

size_t ksize(const void *obj)
{
	struct kmem_cache *c;
	struct page *large;

	if (!obj || obj == ZERO_SIZE_PTR)
		return 0;
	c = kfree_cache(obj, &large);
	return large ? PAGE_SIZE << page_order(large) : c->object_size;
}

void *krealloc(const void *obj, size_t new_size, gfp_t gfp)
{
	size_t old = ksize(obj);
	void *p;

	if (new_size && new_size <= old)
		return (void *)obj;
	p = kmalloc(new_size, gfp);
	if (p && p != ZERO_SIZE_PTR && old)
		memcpy(p, obj, min(old, new_size));
	if (p)
		kfree(obj);
	return p;
}
