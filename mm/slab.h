/* SPDX-License-Identifier: MIT */
/*
 * The object allocator: caches of equal-sized objects (kmem_cache) and
 * kmalloc on top of them. Three levels, as in Linux's SLAB:
 *
 *   kmem_cache_alloc -> this CPU's list of the cache's free objects:
 *                       inline, no lock, interrupts on (below)
 *                    -> the cache's slabs (partial, then empty): cache lock
 *                    -> the buddy allocator: a new slab of 2^order pages
 *
 * Freeing goes back up: to this CPU's list; a full list returns its
 * oldest half to the slabs; empty slabs go back to the buddy allocator
 * when the cache has plenty (or when the page allocator calls the slab
 * shrinker).
 *
 * A CPU's list (struct kmem_cache_cpu, in the per-CPU area) is linked
 * through the free objects themselves and changed, as in Linux's SLUB,
 * by one cmpxchg8b through %fs of its head and a "tid" beside it:
 * interrupts stay on, and an interrupt handler or a preempting thread
 * that used the list meanwhile changes the tid, so the comparison fails
 * and the fast path starts again. The tid's low bits count the room
 * left on the list; the rest is a generation that every change
 * advances by NR_CPUS from the CPU's own number, so that two CPUs'
 * lists never hold the same tid and a thread that moved to another CPU
 * between its reads and its cmpxchg8b fails it too.
 *
 * Caches whose objects are checked (slab debugging, failslab=) take no
 * fast path: their per-CPU list stays empty and full, so the fast paths
 * fall through to the general ones at no cost of their own, and their
 * free objects wait on one list per cache, under the cache lock.
 */
#ifndef MM_SLAB_H
#define MM_SLAB_H

#include "kernel/lib/list.h"
#include "kernel/lib/string.h"
#include "kernel/percpu.h"
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

/* One cache's free objects on one CPU (see the top of this file). */
struct kmem_cache_cpu {
	void *freelist;	   /* the most recently freed object, or NULL */
	unsigned long tid; /* room left on the list (low bits), generation */
};

/*
 * The per-CPU lists live in one per-CPU array, one slot per cache, so
 * that a fast path reaches its list as %fs:slab_cpu.slot[i]. Slot 0
 * (SLAB_CPU_NONE) is always empty and full: the checked caches and any
 * cache created when all slots are taken use it, and always take the
 * general paths. The kmalloc caches have fixed slots (kmalloc_slot), so
 * that kmalloc of a constant size needs no cache pointer at all.
 */
#define SLAB_CPU_SLOTS 128
#define SLAB_CPU_NONE 0
#define SLAB_TID_ROOM_BITS 7
#define SLAB_TID_ROOM_MASK ((1ul << SLAB_TID_ROOM_BITS) - 1)
#define SLAB_TID_STEP ((unsigned long)NR_CPUS << SLAB_TID_ROOM_BITS)
#define SLAB_LIMIT_MAX SLAB_TID_ROOM_MASK

/* In a struct: through %fs, an array's elements would lose the segment. */
struct slab_cpu_lists {
	struct kmem_cache_cpu slot[SLAB_CPU_SLOTS];
};

DECLARE_PER_CPU(struct slab_cpu_lists, slab_cpu);

struct kmem_cache_stats {
	unsigned long refills, flushes; /* per-CPU list <-> slabs transfers */
	unsigned long grown, reaped;	 /* slabs created, destroyed */
};

struct kmem_cache {
	/* The fast paths read these. */
	unsigned int cpu_slot;	     /* this cache's slab_cpu slot */
	unsigned int freeptr_offset; /* where a free slot keeps its link */
	/* kfree's: cpu_slot if the link is at offset 0, else SLAB_CPU_NONE. */
	unsigned int kfree_slot;
	/* kfree's object test, for size = odd * 2^k (see kfree_fast). */
	u32 obj_inverse;	  /* odd * obj_inverse == 1 (mod 2^32) */
	unsigned int obj_shift;	  /* k */
	unsigned int num;	  /* objects per slab */
	unsigned int size;	  /* object stride: object_size aligned */
	unsigned int object_size; /* what the user asked for */
	unsigned int flags;
	unsigned int limit;	  /* objects a CPU's list holds at most */
	unsigned int batchcount;  /* objects moved per refill or flush */
	/* Slab geometry. */
	unsigned int align;
	unsigned int order;	   /* pages per slab: 2^order */
	unsigned int mgmt_size;	   /* slab header and free list at the start */
	unsigned int colour;	   /* number of colours */
	unsigned int colour_off;   /* bytes per colour */
	unsigned int colour_next;  /* colour of the next slab */
	unsigned int obj_offset;   /* where the user's bytes start (red zone) */
	unsigned int track_offset; /* debug: the object's state and owners */
	u32 reciprocal_size;	   /* ceil(2^32 / size), to divide by size */
	gfp_t gfp;		   /* for new slabs */
	void (*ctor)(void *obj);
	/* The slabs. */
	spinlock_t lock;
	struct list_head slabs_partial, slabs_full, slabs_free;
	unsigned long nr_slabs;
	unsigned long free_objects; /* free objects in slabs (not lists) */
	unsigned long free_limit;   /* above this, empty slabs are freed */
	/* Checked caches: their free slots, newest first, and how many. */
	void *slow_freelist;
	unsigned int slow_count;
	struct kmem_cache_stats stats;
	struct list_head list; /* all caches */
	u32 magic;
	char name[KMEM_CACHE_NAME_LEN];
};

/**
 * slab_cpu_pop - take the newest object off this CPU's list in @slot
 * @slot: the cache's slab_cpu slot
 * @freeptr: the cache's freeptr_offset (a constant 0 for kmalloc)
 *
 * Context: any; interrupts may stay on (see the top of this file).
 * Return: the object, or NULL if the list is empty.
 */
static __always_inline void *slab_cpu_pop(unsigned int slot,
					  unsigned int freeptr)
{
	unsigned long tid = this_cpu(slab_cpu).slot[slot].tid;
	void *obj;

	/* The tid first: if it is unchanged at the commit, so is all. */
	barrier();
	obj = this_cpu(slab_cpu).slot[slot].freelist;
	do {
		if (unlikely(!obj))
			return NULL;
	} while (unlikely(!this_cpu_try_cmpxchg_double(
		this_cpu(slab_cpu).slot[slot].freelist,
		this_cpu(slab_cpu).slot[slot].tid, &obj, &tid,
		*(void **)((char *)obj + freeptr), tid + SLAB_TID_STEP + 1)));
	/* The exchange held obj, tested above: tell GCC, not test again. */
	if (!obj)
		__builtin_unreachable();
	return obj;
}

/**
 * slab_cpu_push - put @obj on this CPU's list in @slot, if there is room
 * @slot: the cache's slab_cpu slot
 * @freeptr: the cache's freeptr_offset
 * @obj: a free object (slot) of the cache
 *
 * Context: any; interrupts may stay on.
 * Return: false if the list is full (then nothing was done).
 */
static __always_inline bool slab_cpu_push(unsigned int slot,
					  unsigned int freeptr, void *obj)
{
	unsigned long tid = this_cpu(slab_cpu).slot[slot].tid;
	void *head;

	barrier();
	head = this_cpu(slab_cpu).slot[slot].freelist;
	do {
		if (unlikely(!(tid & SLAB_TID_ROOM_MASK)))
			return false;
		*(void **)((char *)obj + freeptr) = head;
		/* The link, and the caller's last writes to obj, come first. */
		barrier();
	} while (unlikely(!this_cpu_try_cmpxchg_double(
		this_cpu(slab_cpu).slot[slot].freelist,
		this_cpu(slab_cpu).slot[slot].tid, &head, &tid, obj,
		tid + SLAB_TID_STEP - 1)));
	return true;
}

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
 * __kmem_cache_alloc - kmem_cache_alloc beyond this CPU's list
 * @cache: the cache
 * @gfp: as for kmem_cache_alloc
 *
 * Refills this CPU's list from the slabs (growing a slab if need be),
 * or, for a checked cache, takes the checked path; zeroes the object
 * for __GFP_ZERO.
 * Context: as kmem_cache_alloc.
 * Return: the object, or NULL.
 */
void *__kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);

/**
 * kmem_cache_alloc - take an object from @cache
 * @cache: the cache
 * @gfp: for a new slab if one is needed; __GFP_ZERO zeroes the object
 *
 * Inline: usually the newest object on this CPU's list, interrupts on,
 * no lock; an empty list is refilled from the slabs by
 * __kmem_cache_alloc, and a new slab comes from the page allocator.
 * Context: any with GFP_ATOMIC (IRQ-safe); thread with GFP_KERNEL.
 * Return: the object, or NULL.
 */
static __always_inline void *kmem_cache_alloc(struct kmem_cache *cache,
					      gfp_t gfp)
{
	void *obj = slab_cpu_pop(cache->cpu_slot, cache->freeptr_offset);

	if (unlikely(!obj))
		return __kmem_cache_alloc(cache, gfp);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, cache->object_size);
	return obj;
}

/**
 * __kmem_cache_free - kmem_cache_free when this CPU's list is full
 * @cache: the cache
 * @obj: the object
 *
 * Returns the list's oldest batch to the slabs first; for a checked
 * cache, takes the checked path.
 * Context: as kmem_cache_free.
 */
void __kmem_cache_free(struct kmem_cache *cache, void *obj);

/**
 * kmem_cache_free - give an object back to @cache
 * @cache: the cache it came from (checked only with slab debugging)
 * @obj: the object
 *
 * Inline: it goes on this CPU's list; a full list returns its oldest
 * half to the slabs first (__kmem_cache_free).
 * Context: any, IRQ-safe; never sleeps.
 */
static __always_inline void kmem_cache_free(struct kmem_cache *cache,
					    void *obj)
{
	if (unlikely(!slab_cpu_push(cache->cpu_slot, cache->freeptr_offset,
				    obj)))
		__kmem_cache_free(cache, obj);
}

/**
 * kmem_cache_shrink - give @cache's free memory back to the page allocator
 * @cache: the cache
 *
 * Empties every CPU's list of @cache into the slabs (an IPI asks each
 * CPU to empty its own), and a checked cache's list too, then frees
 * every empty slab. The slab shrinker calls it for each cache under
 * memory pressure.
 * Context: thread, interrupts on (the IPIs); takes the cache lock.
 * Return: pages freed.
 */
unsigned long kmem_cache_shrink(struct kmem_cache *cache);

/**
 * kmem_cache_objects_in_use - objects of @cache handed out to users
 * @cache: the cache
 *
 * Objects in the slabs' free lists and on the CPUs' lists do not count.
 * For tests; no lock is taken.
 * Context: any. Return: the count (a snapshot).
 */
unsigned long kmem_cache_objects_in_use(struct kmem_cache *cache);

/**
 * kmem_cache_cpu_objects - free objects of @cache on @cpu's list
 * @cache: the cache
 * @cpu: the CPU
 *
 * Context: any; a snapshot unless @cpu is this CPU with interrupts off.
 * Return: the count; always 0 for a checked cache.
 */
unsigned int kmem_cache_cpu_objects(const struct kmem_cache *cache,
				    unsigned int cpu);

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

/* The class of every size 1..KMALLOC_MAX_CACHE_SIZE, by (size - 1) / 8. */
extern const u8 kmalloc_size_class[KMALLOC_MAX_CACHE_SIZE / 8];

/**
 * kmalloc_index - the size class of @size, for a size in a variable
 * @size: 1 .. KMALLOC_MAX_CACHE_SIZE
 *
 * One load from a table of 1 KiB: the classes 96 and 192 are not powers
 * of two, and Linux's small table and a bsr for the rest cost a branch
 * and a few instructions more on every kmalloc of a variable size.
 * Context: any. Return: the index into kmalloc_caches.
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	return kmalloc_size_class[(size - 1) / 8];
}

/**
 * kmalloc_slot - the slab_cpu slot of kmalloc class @index
 * @index: the size class
 * @gfp: __GFP_DMA picks the dma-kmalloc-* cache
 *
 * Context: any. Return: the slot (fixed at boot: kmalloc_init).
 */
static __always_inline unsigned int kmalloc_slot(unsigned int index,
						 gfp_t gfp)
{
	return 1 + index + ((gfp & __GFP_DMA) ? KMALLOC_CLASSES : 0);
}

/**
 * kmalloc - @size bytes of lowmem, from the size class that fits
 * @size: bytes; 0 gives ZERO_SIZE_PTR (not NULL, but faults if used)
 * @gfp: GFP_KERNEL, GFP_ATOMIC, GFP_DMA (dma-kmalloc-* caches), ...;
 *       __GFP_HIGHMEM is ignored
 *
 * Classes 8 .. 8192, with 96 and 192; above 8192, whole pages straight
 * from the page allocator. Never highmem. Inline: with constant flags
 * (without __GFP_ZERO) the object comes from this CPU's list of the
 * class right here, and the class of a constant size (the usual sizeof)
 * is chosen at compile time; __kmalloc is called when the list is empty
 * and for everything else.
 * Context: any with GFP_ATOMIC; thread with GFP_KERNEL.
 * Return: the memory, or NULL.
 */
static __always_inline void *kmalloc(size_t size, gfp_t gfp)
{
	void *obj;

	/* The kmalloc caches have no constructor: their link is at 0. */
	if (__builtin_constant_p(gfp) && !(gfp & __GFP_ZERO)) {
		if (__builtin_constant_p(size)) {
			if (size && size <= KMALLOC_MAX_CACHE_SIZE) {
				obj = slab_cpu_pop(kmalloc_slot(
					kmalloc_index_const(size), gfp), 0);
				if (likely(obj))
					return obj;
			}
		} else if (likely(size - 1 < KMALLOC_MAX_CACHE_SIZE)) {
			/* size 0 wraps around: __kmalloc's ZERO_SIZE_PTR */
			obj = slab_cpu_pop(kmalloc_slot(kmalloc_index(size),
							gfp), 0);
			if (likely(obj))
				return obj;
		}
	}
	return __kmalloc(size, gfp);
}

/**
 * __kfree - kfree beyond its fast path
 * @obj: as for kfree
 *
 * NULL and ZERO_SIZE_PTR, large blocks, a full per-CPU list, checked
 * caches, and every pointer kmalloc never returned, which panics here
 * with what it is.
 * Context: as kfree.
 */
void __kfree(const void *obj);

/**
 * ror32 - rotate a 32-bit word right
 * @x: the word
 * @k: by how many bits, 0 to 31
 *
 * GCC turns this into one ror. kfree's check uses it to fold "is a
 * multiple of the object size" and "is below the slab's end" into one
 * compare.
 *
 * Context: any.
 * Return: @x rotated right by @k bits.
 */
static __always_inline u32 ror32(u32 x, unsigned int k)
{
	return (x >> k) | (x << ((32 - k) & 31));
}

/**
 * kfree_fast - kfree's fast path: a slab object onto this CPU's list
 * @obj: any pointer
 *
 * The pointer must be the start of an object of a valid cache, or
 * kfree(p + 8) would corrupt a slab silently: the struct page says
 * whether it is a slab page, and which cache and first object (no read
 * of the slab itself); then off = obj - first must be q * size with
 * 0 <= q < num. With size = m * 2^k (m odd) and m' the inverse of m
 * modulo 2^32, that is exactly: (off * m' mod 2^32) rotated right by k
 * is below num. For off = q * size it is q; for any other offset, the
 * negative ones (wrapped around) included, it is above 2^32 / size (the
 * test for a zero remainder after division by a constant, Hacker's
 * Delight, chapter 10; checked for every stride up to 32 KiB and every
 * offset within 40000 bytes). A multiplication, a rotation and a
 * comparison. Whether the object is free already (a double free) is
 * checked with slab debugging only.
 * Context: any; never sleeps.
 * Return: true if freed; false leaves everything to __kfree.
 */
static __always_inline bool kfree_fast(const void *obj)
{
	unsigned long pfn = __pa(obj) >> PAGE_SHIFT;
	const struct kmem_cache *c;
	const struct page *page;
	u32 off;

	/*
	 * virt_addr_valid, by the pfn that virt_to_page needs anyway. Also
	 * false for NULL and ZERO_SIZE_PTR, below the direct map.
	 */
	if (unlikely(pfn >= max_low_pfn))
		return false;
	page = lowmem_pfn_to_page(pfn);
	/* PageSlab without test_bit's volatile read: one testb. */
	if (unlikely(!(page->flags & (1ul << PG_slab))))
		return false;
	c = page->slab_cache;
	off = (u32)((const char *)obj - (const char *)page->s_mem);
	if (unlikely(ror32(off * c->obj_inverse, c->obj_shift) >= c->num))
		return false;
	/* kmalloc's caches link at 0; any other goes the general way. */
	return slab_cpu_push(c->kfree_slot, 0, (void *)obj);
}

/**
 * kfree - free memory from kmalloc
 * @obj: what kmalloc returned; NULL and ZERO_SIZE_PTR are ignored
 *
 * Anything kmalloc never returned (a stack, vmalloc or highmem address,
 * a pointer inside an object, a page) panics, naming it. A double free
 * is caught only with slab debugging. Inline: kfree_fast here, __kfree
 * when it cannot.
 * Context: any; never sleeps.
 */
static __always_inline void kfree(const void *obj)
{
	if (likely(kfree_fast(obj)))
		return;
	__kfree(obj);
}

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
