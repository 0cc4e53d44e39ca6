// SPDX-License-Identifier: MIT
/*
 * The slab allocator (see mm/slab.h for the levels and the per-CPU
 * lists).
 *
 * A slab is a block of 2^order lowmem pages laid out as
 *
 *   | struct slab | bufctl[num] | colour | obj 0 | obj 1 | ... | unused |
 *
 * bufctl[] chains the free objects by index; an allocated object's entry
 * is BUFCTL_ACTIVE. The colour offset differs from one slab to the next
 * (0, 64, 128, ... bytes) so that objects at the same index in different
 * slabs do not all fall into the same cache sets. Every page of a slab
 * has PG_slab and the slab's order in its flags, so the slab header of
 * any object is found by rounding its address down to the slab size;
 * and the cache and the first object, so that kfree can check a
 * pointer from its struct page alone.
 *
 * Objects on a per-CPU list (or a checked cache's list) count as in use
 * in their slab, and are linked through a word of their own: at the
 * start of the object, or past its end where its bytes must survive
 * while it is free (a constructor's state, slab debugging's poison).
 */
#define pr_fmt(fmt) "slab: " fmt

#include "kernel/seq_file.h"
#include "mm/slab.h"
#include "kernel/lib/errno.h"
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include <asm/stacktrace.h>
#include "kernel/lib/string.h"
#include "mm/slab_internal.h"
#include "kernel/mutex.h"
#include "mm/vmstat.h"
#include "kernel/smp.h"

#define BUFCTL_END 0xFFFFu
#define BUFCTL_ACTIVE 0xFFFEu
/* The longest per-CPU list (Linux's largest SLAB magazine). */
#define CPU_LIST_MAX 120
_Static_assert(CPU_LIST_MAX <= SLAB_LIMIT_MAX, "the room must fit the tid");
_Static_assert((NR_CPUS & (NR_CPUS - 1)) == 0,
	       "the tid's generation keeps the CPU number in its low bits");

DEFINE_PER_CPU(struct slab_cpu_lists, slab_cpu);

static struct kmem_cache cache_cache; /* the cache of struct kmem_cache */
static LIST_HEAD(slab_caches);
/*
 * slab_mutex guards slab_caches and the slots in use. A mutex: walking
 * the caches to shrink them sends IPIs (every CPU drains its own
 * lists), which must not be done holding a spinlock.
 */
static DEFINE_MUTEX(slab_mutex);
/* Slot 0 and kmalloc's fixed slots are never handed out. */
#define FIRST_FREE_SLOT (1 + 2 * KMALLOC_CLASSES)
static bool slot_used[SLAB_CPU_SLOTS];

/* ---- geometry ---- */

static size_t mgmt_bytes(unsigned int num, unsigned int align)
{
	return ALIGN(sizeof(struct slab) + num * sizeof(u16), (size_t)align);
}

/* Objects that fit in 2^order pages after the header and free list. */
static unsigned int objects_per_slab(struct kmem_cache *c, unsigned int order)
{
	size_t avail = PAGE_SIZE << order;
	unsigned int num = (unsigned int)((avail - sizeof(struct slab)) /
					  (c->size + sizeof(u16)));

	while (num && mgmt_bytes(num, c->align) + (size_t)num * c->size > avail)
		num--;
	return num;
}

/* The smallest order that wastes at most 1/8 of the slab. */
static void compute_layout(struct kmem_cache *c)
{
	for (unsigned int order = 0; order <= SLAB_MAX_ORDER; order++) {
		unsigned int num = objects_per_slab(c, order);
		size_t avail = PAGE_SIZE << order, left;

		if (!num)
			continue;
		left = avail - mgmt_bytes(num, c->align) - (size_t)num * c->size;
		c->order = order;
		c->num = num;
		c->mgmt_size = (unsigned int)mgmt_bytes(num, c->align);
		c->colour_off = max((unsigned int)CACHE_LINE_SIZE, c->align);
		c->colour = (unsigned int)(left / c->colour_off);
		if (left * 8 <= avail)
			break;
	}
}

/* Linux's magazine sizes: fewer, the larger the objects. */
static unsigned int cpu_list_limit(unsigned int size)
{
	if (size > PAGE_SIZE)
		return 8;
	if (size > 1024)
		return 24;
	if (size > 256)
		return 54;
	return CPU_LIST_MAX;
}

/* ---- the links of free objects ---- */

static void **obj_link(const struct kmem_cache *c, void *obj)
{
	return (void **)((char *)obj + c->freeptr_offset);
}

/*
 * Cut the list at @head after @keep objects (there must be more):
 * return the rest, which the caller gives back to the slabs.
 */
static void *list_split(const struct kmem_cache *c, void **head,
			unsigned int keep)
{
	void **cut = head, *rest;

	for (unsigned int i = 0; i < keep; i++)
		cut = obj_link(c, *cut);
	rest = *cut;
	*cut = NULL;
	return rest;
}

/* ---- the per-CPU lists ---- */

static bool cache_is_fast(const struct kmem_cache *c)
{
	return c->cpu_slot != SLAB_CPU_NONE && !(c->flags & SLAB_SLOW_FLAGS);
}

static struct kmem_cache_cpu *cpu_list(const struct kmem_cache *c,
				       unsigned int cpu)
{
	return &per_cpu(slab_cpu, cpu).slot[c->cpu_slot];
}

/* This CPU's list of @c, for the general paths: interrupts off. */
static struct kmem_cache_cpu *this_cpu_list(const struct kmem_cache *c)
{
	return &this_cpu_ptr(slab_cpu)->slot[c->cpu_slot];
}

static unsigned int tid_room(unsigned long tid)
{
	return (unsigned int)(tid & SLAB_TID_ROOM_MASK);
}

/* The next tid of a list: a new generation, and @room. */
static unsigned long tid_next(unsigned long tid, unsigned int room)
{
	return ((tid & ~SLAB_TID_ROOM_MASK) + SLAB_TID_STEP) | room;
}

unsigned int kmem_cache_cpu_objects(const struct kmem_cache *c,
				    unsigned int cpu)
{
	if (!cache_is_fast(c))
		return 0;
	return c->limit - tid_room(READ_ONCE(cpu_list(c, cpu)->tid));
}

/*
 * Set every CPU's list of @c up: empty, with room for c->limit objects,
 * or none for a cache that must take the general paths. The generation
 * starts at the CPU's number.
 */
static void cpu_lists_init(struct kmem_cache *c)
{
	unsigned int cpu;

	if (c->cpu_slot == SLAB_CPU_NONE)
		return;
	for_each_possible_cpu(cpu) {
		struct kmem_cache_cpu *l = cpu_list(c, cpu);

		l->freelist = NULL;
		l->tid = ((unsigned long)cpu << SLAB_TID_ROOM_BITS) |
			 (cache_is_fast(c) ? c->limit : 0);
	}
}

/* ---- slabs ---- */

static struct slab *obj_to_slab(const void *obj)
{
	return page_slab(obj, virt_to_page(obj));
}

static unsigned int obj_index(const struct kmem_cache *c,
			      const struct slab *slab, const void *obj)
{
	return (unsigned int)(((const char *)obj - (const char *)slab->s_mem) /
			      c->size);
}

static void *index_to_obj(const struct kmem_cache *c, const struct slab *slab,
			  unsigned int idx)
{
	return (char *)slab->s_mem + (size_t)idx * c->size;
}

/* Make a slab; interrupts may be on. Return: false if no memory. */
static bool cache_grow(struct kmem_cache *c, gfp_t gfp)
{
	gfp_t slab_gfp = c->gfp | (gfp & (__GFP_HIGH | __GFP_ATOMIC |
					  __GFP_DIRECT_RECLAIM | __GFP_NOWARN |
					  __GFP_IO | __GFP_FS));
	struct page *page = alloc_pages(slab_gfp, c->order);
	unsigned long flags;
	struct slab *slab;
	unsigned int colour;

	if (!page)
		return false;
	slab = lowmem_page_address(page);
	slab->cache = c;
	slab->inuse = 0;
	spin_lock_irqsave(&c->lock, flags);
	colour = c->colour_next;
	c->colour_next = c->colour ? (colour + 1) % (c->colour + 1) : 0;
	spin_unlock_irqrestore(&c->lock, flags);
	slab->s_mem = (char *)slab + c->mgmt_size + colour * c->colour_off;
	for (unsigned long i = 0; i < (1ul << c->order); i++) {
		page[i].s_mem = slab->s_mem;
		page[i].slab_cache = c;
		SetPageSlab(page + i);
		set_page_order(page + i, c->order);
	}
	for (unsigned int i = 0; i < c->num; i++) {
		slab->bufctl[i] = i + 1 < c->num ? (u16)(i + 1) : BUFCTL_END;
		slab_debug_init_object(c, index_to_obj(c, slab, i));
		if (c->ctor)
			c->ctor((char *)index_to_obj(c, slab, i) + c->obj_offset);
	}
	slab->free = 0;
	spin_lock_irqsave(&c->lock, flags);
	list_add_tail(&slab->list, &c->slabs_free);
	c->free_objects += c->num;
	c->nr_slabs++;
	c->stats.grown++;
	spin_unlock_irqrestore(&c->lock, flags);
	return true;
}

/*
 * An empty slab leaves the cache in two steps: retired under c->lock
 * (off the cache's lists and counts, onto the caller's @dead list),
 * then destroyed once the lock is dropped. Giving pages back may cost a
 * TLB shootdown (debug_pagealloc), which must not stretch the time the
 * lock is held.
 */
static void slab_retire(struct kmem_cache *c, struct slab *slab,
			struct list_head *dead)
{
	list_add(&slab->list, dead);
	c->free_objects -= c->num;
	c->nr_slabs--;
	c->stats.reaped++;
}

/* Give the retired slabs' pages back. c->lock not held. */
static void slabs_destroy(struct kmem_cache *c, struct list_head *dead)
{
	while (!list_empty(dead)) {
		struct slab *slab = list_first_entry(dead, struct slab, list);
		struct page *page = virt_to_page(slab);

		list_del(&slab->list);
		for (unsigned long i = 0; i < (1ul << c->order); i++) {
			ClearPageSlab(page + i);
			if (i)
				set_page_order(page + i, 0);
		}
		__free_pages(page, c->order);
	}
}

/* Take one object from a slab. c->lock held. */
static void *slab_get_obj(struct kmem_cache *c, struct slab *slab)
{
	unsigned int idx = slab->free;

	slab->free = slab->bufctl[idx];
	slab->bufctl[idx] = BUFCTL_ACTIVE;
	slab->inuse++;
	c->free_objects--;
	if (slab->free == BUFCTL_END)
		list_move(&slab->list, &c->slabs_full);
	else if (slab->inuse == 1)
		list_move(&slab->list, &c->slabs_partial);
	return index_to_obj(c, slab, idx);
}

/*
 * Up to @n free objects from the slabs, partial ones first, linked into
 * a list at *@first. c->lock held. Return: how many.
 */
static unsigned int slabs_take(struct kmem_cache *c, unsigned int n,
			       void **first)
{
	void **tail = first;
	unsigned int got = 0;

	while (got < n) {
		struct slab *slab;

		if (!list_empty(&c->slabs_partial))
			slab = list_first_entry(&c->slabs_partial, struct slab,
						list);
		else if (!list_empty(&c->slabs_free))
			slab = list_first_entry(&c->slabs_free, struct slab,
						list);
		else
			break;
		while (slab->free != BUFCTL_END && got < n) {
			*tail = slab_get_obj(c, slab);
			tail = obj_link(c, *tail);
			got++;
		}
	}
	*tail = NULL;
	return got;
}

/*
 * The @n objects of the list at @objs back to their slabs; slabs left
 * empty beyond free_limit go to @dead. c->lock held.
 */
static void free_block(struct kmem_cache *c, void *objs, unsigned int n,
		       struct list_head *dead)
{
	for (unsigned int i = 0; i < n; i++) {
		void *obj = objs;
		struct slab *slab = obj_to_slab(obj);
		unsigned int idx = obj_index(c, slab, obj);

		objs = *obj_link(c, obj);
		slab->bufctl[idx] = (u16)slab->free;
		slab->free = idx;
		slab->inuse--;
		c->free_objects++;
		if (slab->inuse == 0) {
			list_del(&slab->list);
			if (c->free_objects > c->free_limit)
				slab_retire(c, slab, dead);
			else
				list_add(&slab->list, &c->slabs_free);
		} else if (slab->inuse == c->num - 1) {
			list_move(&slab->list, &c->slabs_partial);
		}
	}
}

/* ---- beyond the fast paths ---- */

/*
 * This CPU's list of @c is empty: refill it with up to batchcount
 * objects from the slabs and take one, growing a slab if there are
 * none. Entered and left with interrupts off (*@flags holds the
 * caller's state); they are turned back on around a slab allocation,
 * which may sleep. Meanwhile an interrupt, or the CPU the thread moved
 * to, may have filled the list: then that serves.
 */
static void *cpu_list_refill(struct kmem_cache *c, gfp_t gfp,
			     unsigned long *flags)
{
	for (;;) {
		struct kmem_cache_cpu *l = this_cpu_list(c);
		void *obj;
		unsigned int n;

		if (l->freelist) {
			obj = l->freelist;
			l->freelist = *obj_link(c, obj);
			l->tid = tid_next(l->tid, tid_room(l->tid) + 1);
			return obj;
		}
		spin_lock(&c->lock);
		n = slabs_take(c, c->batchcount, &obj);
		if (n)
			c->stats.refills++;
		spin_unlock(&c->lock);
		if (n) {
			/* The list was empty: c->limit of room, n - 1 kept. */
			l->freelist = *obj_link(c, obj);
			l->tid = tid_next(l->tid, c->limit - (n - 1));
			return obj;
		}
		local_irq_restore(*flags);
		if (!cache_grow(c, gfp)) {
			local_irq_save(*flags);
			return NULL;
		}
		local_irq_save(*flags);
	}
}

/*
 * @obj goes on this CPU's list of @c, which was full a moment ago: if it
 * still is, its oldest batch (the tail) goes back to the slabs first.
 */
static void cpu_list_free(struct kmem_cache *c, void *obj)
{
	struct kmem_cache_cpu *l;
	unsigned long flags;
	unsigned int room;
	LIST_HEAD(dead);

	local_irq_save(flags);
	l = this_cpu_list(c);
	room = tid_room(l->tid);
	if (!room) {
		void *old = list_split(c, &l->freelist,
				       c->limit - c->batchcount);

		spin_lock(&c->lock);
		free_block(c, old, c->batchcount, &dead);
		c->stats.flushes++;
		spin_unlock(&c->lock);
		room = c->batchcount;
	}
	*obj_link(c, obj) = l->freelist;
	l->freelist = obj;
	l->tid = tid_next(l->tid, room - 1);
	local_irq_restore(flags);
	slabs_destroy(c, &dead);
}

/*
 * The checked caches' list (c->slow_freelist): a slot from it, or from
 * the slabs, growing one if need be. Newest first, so that the next
 * allocation finds the object freed last and checks it (a write after
 * free shows there).
 */
static void *slow_list_get(struct kmem_cache *c, gfp_t gfp)
{
	for (;;) {
		unsigned long flags;
		void *slot = NULL;

		spin_lock_irqsave(&c->lock, flags);
		if (c->slow_freelist) {
			slot = c->slow_freelist;
			c->slow_freelist = *obj_link(c, slot);
			c->slow_count--;
		} else {
			slabs_take(c, 1, &slot);
		}
		spin_unlock_irqrestore(&c->lock, flags);
		if (slot || !cache_grow(c, gfp))
			return slot;
	}
}

/* A checked slot back on the list; a full list gives its oldest batch back. */
static void slow_list_put(struct kmem_cache *c, void *slot)
{
	unsigned long flags;
	LIST_HEAD(dead);

	spin_lock_irqsave(&c->lock, flags);
	if (c->slow_count >= c->limit) {
		void *old = list_split(c, &c->slow_freelist,
				       c->limit - c->batchcount);

		free_block(c, old, c->batchcount, &dead);
		c->slow_count -= c->batchcount;
		c->stats.flushes++;
	}
	*obj_link(c, slot) = c->slow_freelist;
	c->slow_freelist = slot;
	c->slow_count++;
	spin_unlock_irqrestore(&c->lock, flags);
	slabs_destroy(c, &dead);
}

/* With debugging or failslab on: fault injection, red zones, poison, owners. */
__noinline void *kmem_cache_alloc_debug(struct kmem_cache *c, gfp_t gfp,
					unsigned long caller,
					unsigned long caller2)
{
	void *obj;

	if (slab_should_fail(c, gfp))
		return NULL;
	obj = slow_list_get(c, gfp);
	if (!obj)
		return NULL;
	obj = slab_debug_alloc(c, obj, caller, caller2);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->object_size);
	return obj;
}

__noinline void kmem_cache_free_debug(struct kmem_cache *c, void *obj,
				      unsigned long caller,
				      unsigned long caller2)
{
	slow_list_put(c, slab_debug_free(c, obj, caller, caller2));
}

void *__kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	unsigned long flags;
	void *obj;

	if (unlikely(!cache_is_fast(c)))
		return kmem_cache_alloc_debug(c, gfp, stack_return_address(0),
					      stack_return_address(1));
	local_irq_save(flags);
	obj = cpu_list_refill(c, gfp, &flags);
	local_irq_restore(flags);
	if (obj && (gfp & __GFP_ZERO))
		memset(obj, 0, c->object_size);
	return obj;
}

void __kmem_cache_free(struct kmem_cache *c, void *obj)
{
	if (unlikely(!cache_is_fast(c)))
		kmem_cache_free_debug(c, obj, stack_return_address(0),
				      stack_return_address(1));
	else
		cpu_list_free(c, obj);
}

/*
 * Empty this CPU's list of a cache into the slabs: run on every CPU by
 * on_each_cpu, since only its owner touches a CPU's list. Interrupts
 * off.
 */
static void drain_cpu_cache(void *cache)
{
	struct kmem_cache *c = cache;
	struct kmem_cache_cpu *l;
	unsigned int n;
	void *objs;
	LIST_HEAD(dead);

	if (!cache_is_fast(c))
		return;
	l = this_cpu_list(c);
	n = c->limit - tid_room(l->tid);
	objs = l->freelist;
	l->freelist = NULL;
	l->tid = tid_next(l->tid, c->limit);
	spin_lock(&c->lock);
	free_block(c, objs, n, &dead);
	spin_unlock(&c->lock);
	slabs_destroy(c, &dead);
}

unsigned long kmem_cache_shrink(struct kmem_cache *c)
{
	unsigned long flags, pages = 0;
	LIST_HEAD(dead);

	on_each_cpu(drain_cpu_cache, c);
	count_vm_event(SLAB_DRAIN_ALL);
	spin_lock_irqsave(&c->lock, flags);
	free_block(c, c->slow_freelist, c->slow_count, &dead);
	c->slow_freelist = NULL;
	c->slow_count = 0;
	while (!list_empty(&c->slabs_free)) {
		struct slab *slab = list_first_entry(&c->slabs_free,
						     struct slab, list);

		list_del(&slab->list);
		slab_retire(c, slab, &dead);
		pages += 1ul << c->order;
	}
	spin_unlock_irqrestore(&c->lock, flags);
	slabs_destroy(c, &dead);
	return pages;
}

/* ---- caches ---- */

/*
 * kfree's test of an offset from the first object (mm/slab.h,
 * kfree_fast): the stride as odd * 2^k, and the odd factor's inverse
 * modulo 2^32 by Newton's iteration (each step doubles the correct low
 * bits; odd * odd == 1 modulo 8 already).
 */
static void obj_test_setup(struct kmem_cache *c)
{
	unsigned int k = (unsigned int)__builtin_ctz(c->size);
	u32 odd = c->size >> k, inverse = odd;

	for (int i = 0; i < 4; i++)
		inverse *= 2 - odd * inverse;
	BUG_ON(odd * inverse != 1);
	c->obj_inverse = inverse;
	c->obj_shift = k;
}

static void cache_setup(struct kmem_cache *c, const char *name, size_t size,
			size_t align, unsigned int flags, void (*ctor)(void *))
{
	strlcpy(c->name, name, sizeof(c->name));
	c->object_size = (unsigned int)size;
	c->flags = flags;
	c->ctor = ctor;
	c->align = (unsigned int)max(align, sizeof(void *));
	if (flags & SLAB_HWCACHE_ALIGN)
		c->align = max(c->align, (unsigned int)CACHE_LINE_SIZE);
	c->size = (unsigned int)ALIGN(size, (size_t)c->align);
	slab_debug_setup(c);
	/*
	 * A free object's link overwrites its first word, unless its bytes
	 * must survive while it is free: a constructed object's, a debug
	 * slot's poison, red zones and track. Those get a word of their own.
	 */
	c->freeptr_offset = 0;
	if (c->ctor || (c->flags & SLAB_DEBUG_FLAGS)) {
		c->freeptr_offset = c->size;
		c->size = (unsigned int)ALIGN(c->size + sizeof(void *),
					      (size_t)c->align);
	}
	/* ceil(2^32 / size): quotients and divisibility in one multiply. */
	c->reciprocal_size = (u32)((0x100000000ull + c->size - 1) / c->size);
	/* Only where the slabs come from; how hard to try is the caller's gfp. */
	c->gfp = (flags & SLAB_CACHE_DMA) ? __GFP_DMA : 0;
	spin_lock_init(&c->lock, "kmem_cache->lock");
	INIT_LIST_HEAD(&c->slabs_partial);
	INIT_LIST_HEAD(&c->slabs_full);
	INIT_LIST_HEAD(&c->slabs_free);
	compute_layout(c);
	obj_test_setup(c);
	c->limit = cpu_list_limit(c->size);
	c->batchcount = (c->limit + 1) / 2;
	c->free_limit = c->batchcount + c->num;
	c->slow_freelist = NULL;
	c->slow_count = 0;
	c->magic = KMEM_CACHE_MAGIC;
}

/* A free slot for a new cache, or SLAB_CPU_NONE. slab_mutex held. */
static unsigned int slot_get(void)
{
	for (unsigned int i = FIRST_FREE_SLOT; i < SLAB_CPU_SLOTS; i++)
		if (!slot_used[i]) {
			slot_used[i] = true;
			return i;
		}
	return SLAB_CPU_NONE;
}

/* The slab_cpu slot, the per-CPU lists, the list of all caches. */
static void cache_register(struct kmem_cache *c, unsigned int slot)
{
	mutex_lock(&slab_mutex);
	if (slot == SLAB_CPU_NONE && !(c->flags & SLAB_SLOW_FLAGS))
		slot = slot_get();
	c->cpu_slot = slot;
	c->kfree_slot = c->freeptr_offset ? SLAB_CPU_NONE : slot;
	cpu_lists_init(c);
	list_add_tail(&c->list, &slab_caches);
	mutex_unlock(&slab_mutex);
	if (slot == SLAB_CPU_NONE && !(c->flags & SLAB_SLOW_FLAGS))
		pr_warn("%s: no per-CPU list (all %u slots taken): every "
			"allocation takes the cache lock\n", c->name,
			SLAB_CPU_SLOTS);
}

struct kmem_cache *kmem_cache_create_slot(const char *name, size_t size,
					  size_t align, unsigned int flags,
					  void (*ctor)(void *),
					  unsigned int slot)
{
	struct kmem_cache *c = NULL;

	if (size == 0 || size > (PAGE_SIZE << SLAB_MAX_ORDER) / 2 ||
	    (align & (align - 1)))
		goto fail;
	c = kmem_cache_alloc(&cache_cache, GFP_KERNEL | __GFP_ZERO);
	if (!c)
		goto fail;
	cache_setup(c, name, size, align, flags, ctor);
	if (!c->num) {
		kmem_cache_free(&cache_cache, c);
		c = NULL;
		goto fail;
	}
	cache_register(c, slot);
	return c;
fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create(%s, %zu, %zu): cannot make the cache",
		      name, size, align);
	return NULL;
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned int flags,
				     void (*ctor)(void *))
{
	return kmem_cache_create_slot(name, size, align, flags, ctor,
				      SLAB_CPU_NONE);
}

/* Report every object of @c that is still allocated. */
static unsigned long report_leaks(struct kmem_cache *c)
{
	struct list_head *lists[] = { &c->slabs_partial, &c->slabs_full };
	unsigned long leaked = 0;

	for (unsigned int l = 0; l < ARRAY_SIZE(lists); l++) {
		struct slab *slab;

		list_for_each_entry(slab, lists[l], list)
			for (unsigned int i = 0; i < c->num; i++) {
				if (slab->bufctl[i] != BUFCTL_ACTIVE)
					continue;
				if (leaked < 16) {
					void *slot = index_to_obj(c, slab, i);

					printk("  leaked object %p\n",
					       (char *)slot + c->obj_offset);
					slab_debug_print_owner(c, slot);
				}
				leaked++;
			}
	}
	return leaked;
}

int kmem_cache_destroy(struct kmem_cache *c)
{
	unsigned long leaked;

	kmem_cache_shrink(c);
	if (c->nr_slabs) {
		pr_err("kmem_cache_destroy %s: objects still allocated:\n",
		       c->name);
		leaked = report_leaks(c);
		pr_err("kmem_cache_destroy %s: %lu objects leaked; the cache "
		       "is kept\n", c->name, leaked);
		return -EBUSY;
	}
	mutex_lock(&slab_mutex);
	list_del(&c->list);
	if (c->cpu_slot >= FIRST_FREE_SLOT)
		slot_used[c->cpu_slot] = false;
	mutex_unlock(&slab_mutex);
	c->magic = 0;
	kmem_cache_free(&cache_cache, c);
	return 0;
}

unsigned long kmem_cache_objects_in_use(struct kmem_cache *c)
{
	unsigned long on_lists = READ_ONCE(c->slow_count);
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		on_lists += kmem_cache_cpu_objects(c, cpu);
	return READ_ONCE(c->nr_slabs) * c->num - READ_ONCE(c->free_objects) -
	       on_lists;
}

struct kmem_cache *virt_to_cache(const void *obj)
{
	struct kmem_cache *c;

	if (!virt_addr_valid((unsigned long)obj) ||
	    !PageSlab(virt_to_page(obj)))
		return NULL;
	c = virt_to_page(obj)->slab_cache;
	return c && c->magic == KMEM_CACHE_MAGIC ? c : NULL;
}

int slab_object_index(struct kmem_cache *c, const void *obj)
{
	return object_index_in(c, obj_to_slab(obj), obj);
}

static unsigned long slab_shrink(struct shrinker *s)
{
	struct kmem_cache *c;
	unsigned long pages = 0;

	(void)s;
	mutex_lock(&slab_mutex);
	list_for_each_entry(c, &slab_caches, list)
		pages += kmem_cache_shrink(c);
	mutex_unlock(&slab_mutex);
	return pages;
}

static struct shrinker slab_shrinker = { .name = "slab", .shrink = slab_shrink };

void kmem_cache_init(void)
{
	cache_setup(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
		    SLAB_HWCACHE_ALIGN, NULL);
	cache_register(&cache_cache, SLAB_CPU_NONE);
	kmalloc_init();
	register_shrinker(&slab_shrinker);
}

unsigned long slab_pages(void)
{
	struct kmem_cache *c;
	unsigned long pages = 0;

	mutex_lock(&slab_mutex);
	list_for_each_entry(c, &slab_caches, list)
		pages += READ_ONCE(c->nr_slabs) << c->order;
	mutex_unlock(&slab_mutex);
	return pages;
}

int slabinfo_show(struct seq_file *m)
{
	struct kmem_cache *c;

	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_printf(m, "# name            <active_objs> <num_objs> <objsize> "
	       "<objperslab> <pagesperslab> : tunables <limit> <batchcount> "
	       "<sharedfactor> : slabdata <active_slabs> <num_slabs> "
	       "<sharedavail>\n");
	mutex_lock(&slab_mutex);
	list_for_each_entry(c, &slab_caches, list) {
		unsigned long num_objs, active_slabs, nr_slabs, free_objects;
		unsigned long flags;
		struct slab *slab;

		/* One cache's figures taken together, printed outside its lock. */
		spin_lock_irqsave(&c->lock, flags);
		nr_slabs = active_slabs = c->nr_slabs;
		free_objects = c->free_objects;
		list_for_each_entry(slab, &c->slabs_free, list)
			active_slabs--;
		spin_unlock_irqrestore(&c->lock, flags);
		num_objs = nr_slabs * c->num;
		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : "
		       "slabdata %6lu %6lu %6u\n", c->name,
		       num_objs - free_objects, num_objs, c->size, c->num,
		       1 << c->order, c->limit, c->batchcount, 0,
		       active_slabs, nr_slabs, 0);
	}
	mutex_unlock(&slab_mutex);
	return 0;
}
