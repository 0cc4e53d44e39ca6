// SPDX-License-Identifier: MIT
/*
 * The slab allocator (see mm/slab.h for the levels).
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
 * any object is found by rounding its address down to the slab size.
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
/* Magazines of the bootstrap caches: kmem_cache and every kmalloc class. */
#define MAGAZINE_MAX 120
#define BOOT_CACHES (1 + 2 * KMALLOC_CLASSES)
#define BOOT_AC_POOL_SIZE                                                \
	(BOOT_CACHES * NR_CPUS *                                         \
	 (sizeof(struct array_cache) + MAGAZINE_MAX * sizeof(void *) + 8))


static struct kmem_cache cache_cache; /* the cache of struct kmem_cache */
static LIST_HEAD(slab_caches);
/*
 * slab_mutex guards slab_caches. A mutex: walking the caches to shrink
 * them sends IPIs (every CPU drains its own magazines), which must not
 * be done holding a spinlock.
 */
static DEFINE_MUTEX(slab_mutex);
static bool slab_up; /* kmalloc works: array caches come from it */
static u8 boot_ac_pool[BOOT_AC_POOL_SIZE] __aligned(8);
static unsigned int boot_ac_used;

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
static unsigned int magazine_limit(unsigned int size)
{
	if (size > PAGE_SIZE)
		return 8;
	if (size > 1024)
		return 24;
	if (size > 256)
		return 54;
	return MAGAZINE_MAX;
}

static struct array_cache *alloc_array_cache(unsigned int limit)
{
	size_t bytes = sizeof(struct array_cache) + limit * sizeof(void *);
	struct array_cache *ac;

	if (slab_up) {
		ac = kmalloc(bytes, GFP_KERNEL);
	} else {
		/* Bootstrap: kmalloc's own caches need magazines first. */
		if (boot_ac_used + bytes > sizeof(boot_ac_pool))
			panic("slab bootstrap: array cache pool exhausted");
		ac = (struct array_cache *)(boot_ac_pool + boot_ac_used);
		boot_ac_used += ALIGN(bytes, (size_t)8);
	}
	if (ac) {
		ac->avail = 0;
		ac->limit = limit;
		ac->batchcount = (limit + 1) / 2;
	}
	return ac;
}

static bool in_boot_pool(const void *p)
{
	return (const u8 *)p >= boot_ac_pool &&
	       (const u8 *)p < boot_ac_pool + sizeof(boot_ac_pool);
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
	for (unsigned long i = 0; i < (1ul << c->order); i++) {
		SetPageSlab(page + i);
		set_page_order(page + i, c->order);
	}
	slab = lowmem_page_address(page);
	slab->cache = c;
	slab->inuse = 0;
	spin_lock_irqsave(&c->lock, flags);
	colour = c->colour_next;
	c->colour_next = c->colour ? (colour + 1) % (c->colour + 1) : 0;
	spin_unlock_irqrestore(&c->lock, flags);
	slab->s_mem = (char *)slab + c->mgmt_size + colour * c->colour_off;
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

/* Return objects from a magazine to their slabs. c->lock held. */
/* Objects back to their slabs; slabs left empty beyond free_limit go to @dead. */
static void free_block(struct kmem_cache *c, void **objs, unsigned int n,
		       struct list_head *dead)
{
	for (unsigned int i = 0; i < n; i++) {
		struct slab *slab = obj_to_slab(objs[i]);
		unsigned int idx = obj_index(c, slab, objs[i]);

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

/* ---- the magazines ---- */

/*
 * The magazine is empty: fill up to batchcount objects from the slabs,
 * growing a slab if there are none. Entered and left with interrupts
 * off (*flags holds the caller's state); they are turned back on
 * around a slab allocation that may sleep.
 */
void *cache_alloc_refill(struct kmem_cache *c, gfp_t gfp,
			 unsigned long *flags)
{
	struct array_cache *ac;

	for (;;) {
		ac = c->cpu_cache[smp_processor_id()];
		spin_lock(&c->lock);
		while (ac->avail < ac->batchcount) {
			struct slab *slab;

			if (!list_empty(&c->slabs_partial))
				slab = list_first_entry(&c->slabs_partial,
							struct slab, list);
			else if (!list_empty(&c->slabs_free))
				slab = list_first_entry(&c->slabs_free,
							struct slab, list);
			else
				break;
			while (slab->free != BUFCTL_END &&
			       ac->avail < ac->batchcount)
				ac->entry[ac->avail++] = slab_get_obj(c, slab);
		}
		if (ac->avail)
			c->stats.refills++;
		spin_unlock(&c->lock);
		if (ac->avail)
			return ac->entry[--ac->avail];
		local_irq_restore(*flags);
		if (!cache_grow(c, gfp)) {
			local_irq_save(*flags);
			return NULL;
		}
		local_irq_save(*flags);
	}
}

/* The magazine is full: give its oldest batch back to the slabs. */
void cache_flusharray(struct kmem_cache *c, struct array_cache *ac)
{
	unsigned int batch = min(ac->batchcount, ac->avail);
	LIST_HEAD(dead);

	spin_lock(&c->lock);
	free_block(c, ac->entry, batch, &dead);
	c->stats.flushes++;
	spin_unlock(&c->lock);
	slabs_destroy(c, &dead);
	ac->avail -= batch;
	memmove(ac->entry, ac->entry + batch, ac->avail * sizeof(void *));
}

/* With debugging or failslab on: fault injection, red zones, poison, owners. */
__noinline void *kmem_cache_alloc_debug(struct kmem_cache *c, gfp_t gfp,
					unsigned long caller,
					unsigned long caller2)
{
	void *obj;

	if (slab_should_fail(c, gfp))
		return NULL;
	obj = magazine_get(c, gfp);
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
	magazine_put(c, slab_debug_free(c, obj, caller, caller2));
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	void *obj;

	if (unlikely(c->flags & SLAB_SLOW_FLAGS))
		return kmem_cache_alloc_debug(c, gfp, stack_return_address(0),
					      stack_return_address(1));
	obj = magazine_get(c, gfp);
	if (unlikely(gfp & __GFP_ZERO) && obj)
		memset(obj, 0, c->object_size);
	return obj;
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	if (unlikely(c->flags & SLAB_SLOW_FLAGS))
		kmem_cache_free_debug(c, obj, stack_return_address(0),
				      stack_return_address(1));
	else
		magazine_put(c, obj);
}

/*
 * Empty this CPU's magazine into the slabs: run on every CPU by
 * on_each_cpu, since only its owner touches a magazine. Interrupts off.
 */
static void drain_cpu_cache(void *cache)
{
	struct kmem_cache *c = cache;
	struct array_cache *ac = c->cpu_cache[smp_processor_id()];
	LIST_HEAD(dead);

	spin_lock(&c->lock);
	free_block(c, ac->entry, ac->avail, &dead);
	spin_unlock(&c->lock);
	ac->avail = 0;
	slabs_destroy(c, &dead);
}

unsigned long kmem_cache_shrink(struct kmem_cache *c)
{
	unsigned long flags, pages = 0;
	LIST_HEAD(dead);

	on_each_cpu(drain_cpu_cache, c);
	count_vm_event(SLAB_DRAIN_ALL);
	spin_lock_irqsave(&c->lock, flags);
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
	/* ceil(2^32 / size): exact quotients for every offset in a slab. */
	c->reciprocal_size = (u32)((0x100000000ull + c->size - 1) / c->size);
	/* Only where the slabs come from; how hard to try is the caller's gfp. */
	c->gfp = (flags & SLAB_CACHE_DMA) ? __GFP_DMA : 0;
	spin_lock_init(&c->lock, "kmem_cache->lock");
	INIT_LIST_HEAD(&c->slabs_partial);
	INIT_LIST_HEAD(&c->slabs_full);
	INIT_LIST_HEAD(&c->slabs_free);
	compute_layout(c);
	c->magic = KMEM_CACHE_MAGIC;
}

static void free_cpu_caches(struct kmem_cache *c)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		if (c->cpu_cache[cpu] && !in_boot_pool(c->cpu_cache[cpu]))
			kfree(c->cpu_cache[cpu]);
		c->cpu_cache[cpu] = NULL;
	}
}

/* A magazine for every possible CPU: none is missing when a CPU starts. */
static bool cache_setup_cpu(struct kmem_cache *c)
{
	unsigned int limit = magazine_limit(c->size), cpu;

	for_each_possible_cpu(cpu) {
		c->cpu_cache[cpu] = alloc_array_cache(limit);
		if (!c->cpu_cache[cpu]) {
			free_cpu_caches(c);
			return false;
		}
	}
	c->free_limit = c->cpu_cache[0]->batchcount + c->num;
	return true;
}

static void cache_register(struct kmem_cache *c)
{
	mutex_lock(&slab_mutex);
	list_add_tail(&c->list, &slab_caches);
	mutex_unlock(&slab_mutex);
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned int flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *c = NULL;

	if (size == 0 || size > (PAGE_SIZE << SLAB_MAX_ORDER) / 2 ||
	    (align & (align - 1)))
		goto fail;
	c = kmem_cache_alloc(&cache_cache, GFP_KERNEL | __GFP_ZERO);
	if (!c)
		goto fail;
	cache_setup(c, name, size, align, flags, ctor);
	if (!c->num || !cache_setup_cpu(c)) {
		kmem_cache_free(&cache_cache, c);
		c = NULL;
		goto fail;
	}
	cache_register(c);
	return c;
fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create(%s, %zu, %zu): cannot make the cache",
		      name, size, align);
	return NULL;
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
	mutex_unlock(&slab_mutex);
	free_cpu_caches(c);
	c->magic = 0;
	kmem_cache_free(&cache_cache, c);
	return 0;
}

unsigned long kmem_cache_objects_in_use(struct kmem_cache *c)
{
	unsigned long in_magazines = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		in_magazines += READ_ONCE(c->cpu_cache[cpu]->avail);
	return READ_ONCE(c->nr_slabs) * c->num - READ_ONCE(c->free_objects) -
	       in_magazines;
}

struct kmem_cache *virt_to_cache(const void *obj)
{
	struct slab *slab;

	if (!virt_addr_valid((unsigned long)obj) ||
	    !PageSlab(virt_to_page(obj)))
		return NULL;
	slab = obj_to_slab(obj);
	return slab->cache && slab->cache->magic == KMEM_CACHE_MAGIC ?
		       slab->cache : NULL;
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
	if (!cache_setup_cpu(&cache_cache))
		panic("slab: no array cache for kmem_cache");
	cache_register(&cache_cache);
	kmalloc_init();
	slab_up = true;
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
		struct array_cache *ac = c->cpu_cache[0];
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
		       1 << c->order, ac->limit, ac->batchcount, 0,
		       active_slabs, nr_slabs, 0);
	}
	mutex_unlock(&slab_mutex);
	return 0;
}
