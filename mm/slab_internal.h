/* SPDX-License-Identifier: MIT */
/* Shared between mm/slab.c, mm/kmalloc.c and the slab debug code. */
#ifndef MM_SLAB_INTERNAL_H
#define MM_SLAB_INTERNAL_H

#include "mm/slab.h"
#include "kernel/smp.h"
#include <asm/irqflags.h>

/**
 * kmalloc_init - create the kmalloc-N and dma-kmalloc-N caches
 *
 * Context: boot, once, from kmem_cache_init; panics if a cache cannot
 * be made.
 */
void kmalloc_init(void);

#define KMEM_CACHE_MAGIC 0x5AB1CAC4u

/**
 * kmem_cache_create_slot - kmem_cache_create with a given slab_cpu slot
 * @name: as for kmem_cache_create
 * @size: as for kmem_cache_create
 * @align: as for kmem_cache_create
 * @flags: as for kmem_cache_create
 * @ctor: as for kmem_cache_create
 * @slot: the slot (kmalloc's fixed ones); SLAB_CPU_NONE: a free one
 *
 * A checked cache gets no fast path whatever @slot is: its slot is left
 * empty and full (the slot of a kmalloc cache is compiled into the
 * callers of kmalloc, so it must be).
 * Context: as kmem_cache_create.
 * Return: as kmem_cache_create.
 */
struct kmem_cache *kmem_cache_create_slot(const char *name, size_t size,
					  size_t align, unsigned int flags,
					  void (*ctor)(void *),
					  unsigned int slot);

/* The slab header, at the start of every slab (see mm/slab.c). */
struct slab {
	struct list_head list;
	struct kmem_cache *cache;
	void *s_mem;	    /* the first object */
	unsigned int inuse; /* objects handed out (lists of free ones count) */
	unsigned int free;  /* first free index, or BUFCTL_END */
	u16 bufctl[];
};

/**
 * page_slab - the slab holding @obj
 * @obj: an address inside a slab
 * @page: @obj's page, with PG_slab and the slab's order in its flags
 *
 * Slabs are aligned to their size, so rounding down finds the header.
 * Context: any. Return: the slab header.
 */
static inline struct slab *page_slab(const void *obj, const struct page *page)
{
	unsigned long mask = (PAGE_SIZE << page_order(page)) - 1;

	return (struct slab *)((unsigned long)obj & ~mask);
}

/**
 * object_index_in - the index of @obj in @slab, if it starts an object
 * @c: the slab's cache
 * @slab: the slab
 * @obj: the user's pointer (after the red zone, for a debug cache)
 *
 * The division is a multiplication by a precomputed reciprocal: this
 * runs on every kfree.
 * Context: any.
 * Return: the index, or -1 if @obj is not the start of an object of @c.
 */
static inline int object_index_in(const struct kmem_cache *c,
				  const struct slab *slab, const void *obj)
{
	const char *start = (const char *)obj - c->obj_offset;
	u32 off, idx;

	if (start < (const char *)slab->s_mem)
		return -1;
	off = (u32)(start - (const char *)slab->s_mem);
	idx = (u32)(((u64)off * c->reciprocal_size) >> 32);
	if (idx * c->size != off || idx >= c->num)
		return -1;
	return (int)idx;
}

/**
 * slab_lookup_object - for kfree: the cache and index of @obj
 * @obj: a pointer into a slab page
 * @page: @obj's page (PG_slab)
 * @idx: receives @obj's object index, or -1 if it starts no object
 *
 * Context: any.
 * Return: the cache, or NULL if the page's cache is not valid (@idx is
 * then not set).
 */
static inline struct kmem_cache *slab_lookup_object(const void *obj,
						    const struct page *page,
						    int *idx)
{
	struct kmem_cache *c = page->slab_cache;

	if (unlikely(!c || c->magic != KMEM_CACHE_MAGIC))
		return NULL;
	*idx = object_index_in(c, page_slab(obj, page), obj);
	return c;
}

/**
 * slab_object_index - the index of @obj in its slab, if it starts an object
 * @c: the cache @obj should belong to
 * @obj: a pointer into one of @c's slabs
 *
 * Context: any.
 * Return: the index, or -1 if @obj is not the start of an object of @c.
 */
int slab_object_index(struct kmem_cache *c, const void *obj);


/**
 * kmem_cache_alloc_debug - the checked kmem_cache_alloc
 * @c: a cache with SLAB_SLOW_FLAGS (no per-CPU lists: its free slots
 *     wait on c->slow_freelist, under the cache lock)
 * @gfp: as for kmem_cache_alloc
 * @caller: whoever called the allocator
 * @caller2: its caller
 *
 * Fault injection (failslab=), then poison and red-zone checks; the
 * callers are recorded for the debug reports.
 * Context: as kmem_cache_alloc; panics with a report on damage.
 * Return: the object, or NULL.
 */
void *kmem_cache_alloc_debug(struct kmem_cache *c, gfp_t gfp,
			     unsigned long caller, unsigned long caller2);

/**
 * kmem_cache_free_debug - the checked kmem_cache_free
 * @c: a cache with SLAB_SLOW_FLAGS
 * @obj: the object
 * @caller: whoever called kfree or kmem_cache_free
 * @caller2: its caller
 *
 * Checks the owner cache, the state (double free) and the red zones,
 * then poisons the object and records the callers.
 * Context: any; panics with a report on a bad free.
 */
void kmem_cache_free_debug(struct kmem_cache *c, void *obj,
			   unsigned long caller, unsigned long caller2);

/* Debug hooks (mm/slab_debug.c), used by the checked paths only. */

/**
 * slab_debug_setup - add the debug layout to a cache being created
 * @c: the cache; size, alignment and flags set, slabs not laid out yet
 *
 * Adds slab_debug's and failslab's flags, then red zones and the track
 * to each slot. Caches with a constructor get no poison.
 * Context: kmem_cache_create (thread or boot), before the cache is used.
 */
void slab_debug_setup(struct kmem_cache *c);

/**
 * slab_debug_init_object - mark a slot of a new slab free: red zones, poison
 * @c: the cache
 * @slot: the slot
 *
 * Context: while a new slab is made, before anyone else sees it.
 */
void slab_debug_init_object(struct kmem_cache *c, void *slot);

/**
 * slab_debug_alloc - turn a free slot into the user's object, checking it
 * @c: the cache
 * @slot: a slot from the cache's free list or a slab
 * @caller: recorded as the allocator's caller
 * @caller2: its caller
 *
 * Checks the state, the red zones and the poison (a write after free).
 * Context: as kmem_cache_alloc; panics with a report on damage.
 * Return: the user's object (after the red zone).
 */
void *slab_debug_alloc(struct kmem_cache *c, void *slot, unsigned long caller,
		       unsigned long caller2);

/**
 * slab_debug_free - turn the user's object back into a free slot, checking it
 * @c: the cache the object is freed to
 * @obj: the user's object
 * @caller: recorded as the freeing caller
 * @caller2: its caller
 *
 * Catches the wrong cache, a pointer inside an object, a double free
 * and overwritten red zones; then poisons the object.
 * Context: any; panics with a report on a bad free.
 * Return: the slot, for the cache's free list.
 */
void *slab_debug_free(struct kmem_cache *c, void *obj, unsigned long caller,
		      unsigned long caller2);

/**
 * slab_debug_print_owner - print who last allocated the object in @slot
 * @c: the cache
 * @slot: the slot
 *
 * Prints nothing for a cache without debug flags (no track).
 * Context: any.
 */
void slab_debug_print_owner(struct kmem_cache *c, void *slot);

/**
 * slab_should_fail - should failslab= fail this allocation?
 * @c: the cache; only caches with SLAB_FAILSLAB are counted
 * @gfp: __GFP_NOFAULTINJ exempts the request
 *
 * Context: any.
 * Return: true to fail it on purpose.
 */
bool slab_should_fail(struct kmem_cache *c, gfp_t gfp);

#endif /* MM_SLAB_INTERNAL_H */
