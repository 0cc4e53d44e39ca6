/* SPDX-License-Identifier: MIT */
/* Shared between mm/slab.c, mm/kmalloc.c and the slab debug code. */
#ifndef MM_SLAB_INTERNAL_H
#define MM_SLAB_INTERNAL_H

#include "mm/slab.h"
#include <asm/irqflags.h>

/* Create the kmalloc caches. Context: boot, from kmem_cache_init. */
void kmalloc_init(void);

#define KMEM_CACHE_MAGIC 0x5AB1CAC4u

/* The slow ends of the magazine operations (mm/slab.c). */
void *cache_alloc_refill(struct kmem_cache *c, gfp_t gfp, unsigned long *flags);
void cache_flusharray(struct kmem_cache *c, struct array_cache *ac);

/* Take an object slot from this CPU's magazine, refilling it if empty. */
static __always_inline void *magazine_get(struct kmem_cache *c, gfp_t gfp)
{
	struct array_cache *ac;
	unsigned long flags;
	void *obj;

	local_irq_save(flags);
	ac = c->cpu_cache[smp_processor_id()];
	if (likely(ac->avail))
		obj = ac->entry[--ac->avail];
	else
		obj = cache_alloc_refill(c, gfp, &flags);
	local_irq_restore(flags);
	return obj;
}

static __always_inline void magazine_put(struct kmem_cache *c, void *obj)
{
	struct array_cache *ac;
	unsigned long flags;

	local_irq_save(flags);
	ac = c->cpu_cache[smp_processor_id()];
	if (unlikely(ac->avail >= ac->limit))
		cache_flusharray(c, ac);
	ac->entry[ac->avail++] = obj;
	local_irq_restore(flags);
}


/* The slab header, at the start of every slab (see mm/slab.c). */
struct slab {
	struct list_head list;
	struct kmem_cache *cache;
	void *s_mem;	    /* the first object */
	unsigned int inuse; /* objects handed out (magazines count as out) */
	unsigned int free;  /* first free index, or BUFCTL_END */
	u16 bufctl[];
};

/* The slab holding @obj, whose page is @page (PG_slab, order in flags). */
static inline struct slab *page_slab(const void *obj, const struct page *page)
{
	unsigned long mask = (PAGE_SIZE << page_order(page)) - 1;

	return (struct slab *)((unsigned long)obj & ~mask);
}

/*
 * The index of @obj in @slab of @c if it starts an object, else -1. The
 * division is a multiplication by a precomputed reciprocal: this runs
 * on every kfree.
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

/*
 * For kfree: the cache of @obj on slab page @page (NULL if the slab
 * header is not valid), and in @idx its object index or -1.
 */
static inline struct kmem_cache *slab_lookup_object(const void *obj,
						    const struct page *page,
						    int *idx)
{
	struct slab *slab = page_slab(obj, page);
	struct kmem_cache *c = slab->cache;

	if (unlikely(!c || c->magic != KMEM_CACHE_MAGIC))
		return NULL;
	*idx = object_index_in(c, slab, obj);
	return c;
}

/* Index of @obj in its slab if it starts an object of @c, else -1. */
int slab_object_index(struct kmem_cache *c, const void *obj);


/*
 * The checked paths, for caches with SLAB_SLOW_FLAGS (mm/slab.c). The
 * callers are recorded for the debug reports: @caller is whoever called
 * the allocator, @caller2 its caller.
 */
void *kmem_cache_alloc_debug(struct kmem_cache *c, gfp_t gfp,
			     unsigned long caller, unsigned long caller2);
void kmem_cache_free_debug(struct kmem_cache *c, void *obj,
			   unsigned long caller, unsigned long caller2);

/*
 * Debug hooks (mm/slab_debug.c), used by the checked paths only.
 * slab_debug_setup adds the debug layout to a cache being created;
 * slab_debug_alloc turns a free slot into the user's object, and
 * slab_debug_free the user's object back into the slot, checking them.
 */
void slab_debug_setup(struct kmem_cache *c);
void slab_debug_init_object(struct kmem_cache *c, void *slot);
void *slab_debug_alloc(struct kmem_cache *c, void *slot, unsigned long caller,
		       unsigned long caller2);
void *slab_debug_free(struct kmem_cache *c, void *obj, unsigned long caller,
		      unsigned long caller2);
void slab_debug_print_owner(struct kmem_cache *c, void *slot);
bool slab_should_fail(struct kmem_cache *c, gfp_t gfp);

#endif /* MM_SLAB_INTERNAL_H */
