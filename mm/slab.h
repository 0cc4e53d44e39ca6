/* SPDX-License-Identifier: MIT */
/*
 * The object allocator: caches of equal-sized objects (kmem_cache) and
 * kmalloc on top of them. Three levels, as in Linux's SLAB:
 *
 *   kmem_cache_alloc -> this CPU's array cache (a magazine of free
 *                       objects): no lock, interrupts off for a moment
 *                    -> the cache's slabs (partial, then empty): cache lock
 *                    -> the buddy allocator: a new slab of 2^order pages
 *
 * Freeing goes back up: to the magazine; a full magazine returns half to
 * the slabs; empty slabs go back to the buddy allocator when the cache
 * has plenty (or when the page allocator calls the slab shrinker).
 */
#ifndef MM_SLAB_H
#define MM_SLAB_H

#include "kernel/lib/list.h"
#include "kernel/smp.h"
#include "kernel/spinlock.h"
#include "mm/gfp.h"

/* kmem_cache_create flags */
#define SLAB_HWCACHE_ALIGN 0x0001u /* align objects to cache lines */
#define SLAB_CACHE_DMA 0x0002u	   /* slabs from ZONE_DMA */
#define SLAB_PANIC 0x0004u	   /* panic if the cache cannot be made */
#define SLAB_RED_ZONE 0x0010u	   /* guard words around objects (debug) */
#define SLAB_POISON 0x0020u	   /* fill free objects with a pattern (debug) */
#define SLAB_STORE_USER 0x0040u	   /* remember who allocated/freed (debug) */
#define SLAB_DEBUG_FLAGS (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)
#define SLAB_FAILSLAB 0x0100u	   /* failslab= applies (set by the kernel) */
/* Flags that send allocations and frees through the checked path. */
#define SLAB_SLOW_FLAGS (SLAB_DEBUG_FLAGS | SLAB_FAILSLAB)

#define KMEM_CACHE_NAME_LEN 24
#define CACHE_LINE_SIZE 64
#define SLAB_MAX_ORDER 3

/* A magazine: free objects of one cache on one CPU, used as a stack. */
struct array_cache {
	unsigned int avail;	 /* objects in entry[] */
	unsigned int limit;	 /* capacity */
	unsigned int batchcount; /* objects moved per refill or flush */
	void *entry[];
};

struct kmem_cache_stats {
	unsigned long refills, flushes; /* magazine <-> slabs transfers */
	unsigned long grown, reaped;	 /* slabs created, destroyed */
};

struct kmem_cache {
	/* The fast path reads these. */
	struct array_cache *cpu_cache[NR_CPUS];
	unsigned int size;	  /* object stride: object_size aligned */
	unsigned int object_size; /* what the user asked for */
	unsigned int flags;
	/* Slab geometry. */
	unsigned int align;
	unsigned int order;	  /* pages per slab: 2^order */
	unsigned int num;	  /* objects per slab */
	unsigned int mgmt_size;	  /* slab header and free list at the start */
	unsigned int colour;	  /* number of colours */
	unsigned int colour_off;  /* bytes per colour */
	unsigned int colour_next; /* colour of the next slab */
	unsigned int obj_offset;  /* where the user's bytes start (red zone) */
	unsigned int track_offset; /* debug: the object's state and owners */
	u32 reciprocal_size;	  /* ceil(2^32 / size), to divide by size */
	gfp_t gfp;		  /* for new slabs */
	void (*ctor)(void *obj);
	/* The slabs. */
	spinlock_t lock;
	struct list_head slabs_partial, slabs_full, slabs_free;
	unsigned long nr_slabs;
	unsigned long free_objects; /* free objects in slabs (not magazines) */
	unsigned long free_limit;   /* above this, empty slabs are freed */
	struct kmem_cache_stats stats;
	struct list_head list;	    /* all caches */
	u32 magic;
	char name[KMEM_CACHE_NAME_LEN];
};

/**
 * kmem_cache_create - a cache of @size-byte objects
 * @name: shown by slabinfo and in reports; cut to KMEM_CACHE_NAME_LEN - 1
 * @size: the object size; at most half of an order-3 slab (16 KiB)
 * @align: minimum alignment, 0 or a power of two (0: word);
 *         SLAB_HWCACHE_ALIGN asks for 64
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA, SLAB_PANIC, the debug flags
 * @ctor: called on each object when its slab is made; freed objects
 *        must be returned in the constructed state
 *
 * Context: thread; may sleep (allocates with GFP_KERNEL).
 * Return: the cache, or NULL (with SLAB_PANIC: panics instead).
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned int flags,
				     void (*ctor)(void *));

/**
 * kmem_cache_destroy - free a cache and its slabs
 * @cache: a cache from kmem_cache_create, no longer used by anyone
 *
 * If objects are still allocated, they are reported as leaks (the first
 * 16 with their address and owner) and the cache is kept.
 * Context: thread.
 * Return: 0, or -EBUSY after reporting leaks.
 */
int kmem_cache_destroy(struct kmem_cache *cache);

/**
 * kmem_cache_alloc - take an object from @cache
 * @cache: the cache
 * @gfp: for a new slab if one is needed; __GFP_ZERO zeroes the object
 *
 * Usually a pop from this CPU's magazine with interrupts off for a
 * moment; an empty magazine is refilled from the slabs, and a new slab
 * comes from the page allocator with the caller's interrupt state back.
 * Context: any with GFP_ATOMIC (IRQ-safe); thread with GFP_KERNEL.
 * Return: the object, or NULL.
 */
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);

/**
 * kmem_cache_free - give an object back to @cache
 * @cache: the cache it came from (checked only with slab debugging)
 * @obj: the object
 *
 * It goes to this CPU's magazine; a full magazine returns half of its
 * objects to the slabs first.
 * Context: any, IRQ-safe; never sleeps.
 */
void kmem_cache_free(struct kmem_cache *cache, void *obj);

/**
 * kmem_cache_shrink - give @cache's free memory back to the page allocator
 * @cache: the cache
 *
 * Empties this CPU's magazine into the slabs and frees every empty
 * slab. The slab shrinker calls it for each cache under memory pressure.
 * Context: any; interrupts off and the cache lock held while it works.
 * Return: pages freed.
 */
unsigned long kmem_cache_shrink(struct kmem_cache *cache);

/**
 * kmem_cache_objects_in_use - objects of @cache handed out to users
 * @cache: the cache
 *
 * Objects in the slabs' free lists and in CPU 0's magazine do not count.
 * For tests; no lock is taken.
 * Context: any. Return: the count (a snapshot).
 */
unsigned long kmem_cache_objects_in_use(struct kmem_cache *cache);

/**
 * virt_to_cache - the cache an object belongs to
 * @obj: any address
 *
 * Context: any.
 * Return: the cache of the slab holding @obj, or NULL if @obj is not
 * slab memory.
 */
struct kmem_cache *virt_to_cache(const void *obj);

/* ---- kmalloc ---- */

#define KMALLOC_MIN_SIZE 8
#define KMALLOC_MAX_CACHE_SIZE 8192
#define KMALLOC_CLASSES 13 /* 8 16 32 64 96 128 192 256 ... 8192 */
/* kmalloc(0) returns this: not NULL, but faults if used. */
#define ZERO_SIZE_PTR ((void *)16)

/**
 * __kmalloc - kmalloc for a size (or gfp) not known at compile time
 * @size: bytes; 0 gives ZERO_SIZE_PTR
 * @gfp: as for kmalloc
 *
 * Context: any with GFP_ATOMIC; thread with GFP_KERNEL.
 * Return: the memory, or NULL.
 */
void *__kmalloc(size_t size, gfp_t gfp);

/**
 * kzalloc - kmalloc, zeroed
 * @size: bytes
 * @gfp: as for kmalloc; __GFP_ZERO is added
 *
 * Context: any with GFP_ATOMIC; thread with GFP_KERNEL.
 * Return: the memory, or NULL.
 */
void *kzalloc(size_t size, gfp_t gfp);
extern struct kmem_cache *kmalloc_caches[KMALLOC_CLASSES];
extern struct kmem_cache *kmalloc_dma_caches[KMALLOC_CLASSES];

/**
 * kmalloc_index_const - the size class of a constant size
 * @size: 1 .. KMALLOC_MAX_CACHE_SIZE
 *
 * Folded by the compiler when @size is a constant.
 * Context: any. Return: the index into kmalloc_caches.
 */
static __always_inline int kmalloc_index_const(size_t size)
{
	return size <= 8 ? 0 : size <= 16 ? 1 : size <= 32 ? 2 :
	       size <= 64 ? 3 : size <= 96 ? 4 : size <= 128 ? 5 :
	       size <= 192 ? 6 : size <= 256 ? 7 : size <= 512 ? 8 :
	       size <= 1024 ? 9 : size <= 2048 ? 10 : size <= 4096 ? 11 : 12;
}

/**
 * kmalloc - @size bytes of lowmem, from the size class that fits
 * @size: bytes; 0 gives ZERO_SIZE_PTR (not NULL, but faults if used)
 * @gfp: GFP_KERNEL, GFP_ATOMIC, GFP_DMA (dma-kmalloc-* caches), ...;
 *       __GFP_HIGHMEM is ignored
 *
 * Classes 8 .. 8192, with 96 and 192; above 8192, whole pages straight
 * from the page allocator. Never highmem. With a constant size (the
 * usual sizeof), the class is chosen at compile time.
 * Context: any with GFP_ATOMIC; thread with GFP_KERNEL.
 * Return: the memory, or NULL.
 */
static __always_inline void *kmalloc(size_t size, gfp_t gfp)
{
	if (__builtin_constant_p(size) && __builtin_constant_p(gfp) &&
	    size && size <= KMALLOC_MAX_CACHE_SIZE) {
		int i = kmalloc_index_const(size);

		return kmem_cache_alloc((gfp & __GFP_DMA) ?
						kmalloc_dma_caches[i] :
						kmalloc_caches[i], gfp);
	}
	return __kmalloc(size, gfp);
}

/**
 * kfree - free memory from kmalloc
 * @obj: what kmalloc returned; NULL and ZERO_SIZE_PTR are ignored
 *
 * Anything kmalloc never returned (a stack, vmalloc or highmem address,
 * a pointer inside an object, a page) panics, naming it. A double free
 * is caught only with slab debugging.
 * Context: any; never sleeps.
 */
void kfree(const void *obj);

/**
 * ksize - the usable size of a kmalloc block
 * @obj: what kmalloc returned
 *
 * Context: any.
 * Return: its size class, whole pages for a large block, 0 for NULL or
 * ZERO_SIZE_PTR.
 */
size_t ksize(const void *obj);

/**
 * krealloc - resize a kmalloc block, copying when the size class changes
 * @obj: what kmalloc returned, or NULL
 * @new_size: the bytes wanted; 0 frees @obj and gives ZERO_SIZE_PTR
 * @gfp: for a new block
 *
 * A size that still fits returns @obj itself. On failure @obj is left
 * as it was.
 * Context: as kmalloc.
 * Return: the block, or NULL.
 */
void *krealloc(const void *obj, size_t new_size, gfp_t gfp);

/* The sizes of the kmalloc classes (for tests and slabinfo). */
extern const unsigned int kmalloc_sizes[KMALLOC_CLASSES];

/**
 * kmem_cache_init - set up the cache of caches and the kmalloc caches
 *
 * Registers the slab shrinker; kmalloc works from here on.
 * Context: boot, once, after the page allocator.
 */
void kmem_cache_init(void);

struct seq_file;

/**
 * slabinfo_show - /proc/slabinfo: the caches in Linux's slabinfo 2.1 format
 * @m: where the text goes
 *
 * What the shell's `slabinfo` shows too. Prints under slab_mutex, each
 * cache's figures taken together under its lock.
 * Context: thread; a snapshot. Return: 0.
 */
int slabinfo_show(struct seq_file *m);

/**
 * slab_pages - pages held by slabs, all caches
 *
 * Context: any; no lock, a snapshot.
 * Return: the number of pages.
 */
unsigned long slab_pages(void);

/* slab_debug on the command line (on in DEBUG=1 builds): every cache checked. */
extern bool slab_debug;

#endif /* MM_SLAB_H */
