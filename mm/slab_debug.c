// SPDX-License-Identifier: MIT
/*
 * Slab debugging: red zones, poison and owner tracking, in the spirit of
 * Linux's SLUB debug. A cache created with any SLAB_DEBUG_FLAGS (or
 * every cache, with the slab_debug boot option) lays out each slot as
 *
 *   | pad | red zone 1 | object           | red zone 2 | pad | track | link |
 *         ^ 8 bytes    ^ slot + obj_offset  ^ 8 bytes          ^ track_offset
 *
 * (the link, added by mm/slab.c, chains the free slots of the cache's
 * list without touching the poison).
 *
 * The red zones hold RED_ACTIVE while the object is handed out and
 * RED_INACTIVE while it is free, so a write just outside the object is
 * seen when it is freed (or, if the object is free, when it is next
 * allocated). A free object holds POISON_FREE bytes ending in
 * POISON_END; any other byte at allocation time is a write after free.
 * The track records the object's state, which catches a double free
 * even while the object waits on the cache's free list, where no slab
 * bookkeeping would notice, and who allocated and freed it last. Each
 * finding is reported once, with the object, its slab, its owners and
 * the bytes around the damage; then the kernel panics.
 *
 * Caches with a constructor are not poisoned: their free objects must
 * keep the constructed state.
 */
#define pr_fmt(fmt) "slab_debug: " fmt

#include "mm/slab_internal.h"
#include "kernel/cmdline.h"
#include "kernel/debug/hexdump.h"
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include <asm/stacktrace.h>
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "mm/fault_inject.h"

#define RED_ZONE_SIZE 8
#define RED_ACTIVE 0xcc
#define RED_INACTIVE 0xbb
#define POISON_FREE 0x6b
#define POISON_END 0xa5

#define TRACK_ALLOCATED 0xa110ca7eul
#define TRACK_FREE 0xf4eef4eeul

struct slab_track {
	unsigned long state;
	unsigned long alloc[2]; /* the allocator's caller and its caller */
	unsigned long free[2];
};

/* slab_debug: red zones, poison and owners in every cache. */
bool slab_debug = DEBUG_BUILD;
BOOT_PARAM_FLAG("slab_debug", slab_debug,
		"slab_debug       red zones, poison, owners in all caches");

/* The flags every cache gets: slab_debug's, and failslab='s hook. */
static unsigned int slab_forced_flags(void)
{
	return (slab_debug ? SLAB_DEBUG_FLAGS : 0) |
	       (failslab.interval ? SLAB_FAILSLAB : 0);
}

void slab_debug_setup(struct kmem_cache *c)
{
	unsigned int end;

	c->flags |= slab_forced_flags();
	c->obj_offset = 0;
	if (!(c->flags & SLAB_DEBUG_FLAGS))
		return;
	if (c->ctor)
		c->flags &= ~SLAB_POISON;
	end = c->object_size;
	if (c->flags & SLAB_RED_ZONE) {
		c->obj_offset = (unsigned int)ALIGN((size_t)RED_ZONE_SIZE,
						    (size_t)c->align);
		end = c->obj_offset + c->object_size + RED_ZONE_SIZE;
	}
	c->track_offset = (unsigned int)ALIGN((size_t)end, sizeof(long));
	c->size = (unsigned int)ALIGN(c->track_offset +
					      sizeof(struct slab_track),
				      (size_t)c->align);
}

static u8 *red_zone1(struct kmem_cache *c, void *slot)
{
	return (u8 *)slot + c->obj_offset - RED_ZONE_SIZE;
}

static u8 *red_zone2(struct kmem_cache *c, void *slot)
{
	return (u8 *)slot + c->obj_offset + c->object_size;
}

static struct slab_track *track_of(struct kmem_cache *c, void *slot)
{
	return (struct slab_track *)((u8 *)slot + c->track_offset);
}

static void poison_object(struct kmem_cache *c, void *obj)
{
	memset(obj, POISON_FREE, c->object_size - 1);
	((u8 *)obj)[c->object_size - 1] = POISON_END;
}

static u8 *first_bad_poison(struct kmem_cache *c, u8 *obj)
{
	u8 *bad = memchr_inv(obj, POISON_FREE, c->object_size - 1);

	if (!bad && obj[c->object_size - 1] != POISON_END)
		bad = obj + c->object_size - 1;
	return bad;
}

void slab_debug_init_object(struct kmem_cache *c, void *slot)
{
	if (!(c->flags & SLAB_DEBUG_FLAGS))
		return;
	if (c->flags & SLAB_RED_ZONE) {
		memset(red_zone1(c, slot), RED_INACTIVE, RED_ZONE_SIZE);
		memset(red_zone2(c, slot), RED_INACTIVE, RED_ZONE_SIZE);
	}
	if (c->flags & SLAB_POISON)
		poison_object(c, (u8 *)slot + c->obj_offset);
	memset(track_of(c, slot), 0, sizeof(struct slab_track));
	track_of(c, slot)->state = TRACK_FREE;
}

static void print_owner(const char *what, const unsigned long *callers)
{
	if (callers[0])
		printk("%s by %pS, from %pS\n", what, (void *)callers[0],
		       (void *)callers[1]);
	else
		printk("%s: never\n", what);
}

/*
 * One report: the headline, the object and where it lives, its owners,
 * the bytes around @bad; then panic. Context: any (it does not return).
 */
static __noreturn void slab_bug(struct kmem_cache *c, void *slot, u8 *bad,
				const char *what)
{
	u8 *obj = (u8 *)slot + c->obj_offset;
	struct slab_track *t = track_of(c, slot);
	u8 *from, *to;

	printk("=============================================================\n");
	printk("BUG %s: %s\n", c->name, what);
	printk("object 0x%p (%u bytes, slot 0x%p of %u) in the slab at 0x%p "
	       "(pfn 0x%lx), cache %s\n", obj, c->object_size, slot, c->size,
	       page_slab(slot, virt_to_page(slot)),
	       page_to_pfn(virt_to_page(slot)), c->name);
	if (bad)
		printk("first bad byte at 0x%p (object offset %ld): 0x%02x\n",
		       bad, (long)(bad - obj), *bad);
	print_owner("last allocated", t->alloc);
	print_owner("last freed", t->free);
	/* The slot, clipped to 64 bytes each side of the damage. */
	from = bad && bad - (u8 *)slot > 64 ? bad - 64 : (u8 *)slot;
	to = bad && (u8 *)slot + c->size - bad > 64 ? bad + 64 :
						       (u8 *)slot + c->size;
	from = (u8 *)((unsigned long)from & ~15ul);
	print_hex_dump((unsigned long)from, from, (size_t)(to - from));
	panic("slab %s: %s (object 0x%p)", c->name, what, obj);
}

/* Both red zones must hold @value; report the first that does not. */
static void check_red_zones(struct kmem_cache *c, void *slot, u8 value,
			    const char *when)
{
	char what[96];
	u8 *bad;

	if (!(c->flags & SLAB_RED_ZONE))
		return;
	bad = memchr_inv(red_zone1(c, slot), value, RED_ZONE_SIZE);
	if (bad) {
		snprintf(what, sizeof(what), "red zone before the object "
			 "overwritten%s (buffer underflow)", when);
		slab_bug(c, slot, bad, what);
	}
	bad = memchr_inv(red_zone2(c, slot), value, RED_ZONE_SIZE);
	if (bad) {
		snprintf(what, sizeof(what), "red zone after the object "
			 "overwritten%s (buffer overflow)", when);
		slab_bug(c, slot, bad, what);
	}
}

void *slab_debug_alloc(struct kmem_cache *c, void *slot, unsigned long caller,
		       unsigned long caller2)
{
	struct slab_track *t;
	u8 *obj = (u8 *)slot + c->obj_offset;
	u8 *bad;

	if (!(c->flags & SLAB_DEBUG_FLAGS))
		return slot;
	t = track_of(c, slot);
	if (t->state != TRACK_FREE)
		slab_bug(c, slot, (u8 *)t, t->state == TRACK_ALLOCATED ?
			 "allocator handed out an object that is in use" :
			 "object trailer overwritten while the object was free");
	check_red_zones(c, slot, RED_INACTIVE, " while the object was free");
	if ((c->flags & SLAB_POISON) && (bad = first_bad_poison(c, obj)))
		slab_bug(c, slot, bad, "poison overwritten: the object was "
			 "written after it was freed (use after free)");
	if (c->flags & SLAB_RED_ZONE) {
		memset(red_zone1(c, slot), RED_ACTIVE, RED_ZONE_SIZE);
		memset(red_zone2(c, slot), RED_ACTIVE, RED_ZONE_SIZE);
	}
	t->state = TRACK_ALLOCATED;
	t->alloc[0] = caller;
	t->alloc[1] = caller2;
	return obj;
}

void *slab_debug_free(struct kmem_cache *c, void *obj, unsigned long caller,
		      unsigned long caller2)
{
	struct kmem_cache *owner = virt_to_cache(obj);
	struct slab_track *t;
	void *slot;

	if (unlikely(owner != c))
		panic("kmem_cache_free(%s, 0x%p): the object belongs to %s",
		      c->name, obj, owner ? owner->name : "no slab cache");
	if (!(c->flags & SLAB_DEBUG_FLAGS))
		return obj;
	if (slab_object_index(c, obj) < 0)
		panic("kmem_cache_free(%s, 0x%p): not the start of an object "
		      "(objects of %u bytes)", c->name, obj, c->object_size);
	slot = (u8 *)obj - c->obj_offset;
	t = track_of(c, slot);
	if (t->state == TRACK_FREE) {
		printk("double free by %pS, from %pS\n", (void *)caller,
		       (void *)caller2);
		slab_bug(c, slot, NULL, "object already free (double free)");
	}
	if (t->state != TRACK_ALLOCATED)
		slab_bug(c, slot, (u8 *)t, "object trailer overwritten "
			 "(buffer overflow past the red zone)");
	check_red_zones(c, slot, RED_ACTIVE, "");
	if (c->flags & SLAB_RED_ZONE) {
		memset(red_zone1(c, slot), RED_INACTIVE, RED_ZONE_SIZE);
		memset(red_zone2(c, slot), RED_INACTIVE, RED_ZONE_SIZE);
	}
	if (c->flags & SLAB_POISON)
		poison_object(c, obj);
	t->state = TRACK_FREE;
	t->free[0] = caller;
	t->free[1] = caller2;
	return slot;
}

void slab_debug_print_owner(struct kmem_cache *c, void *slot)
{
	if (c->flags & SLAB_DEBUG_FLAGS)
		print_owner("    allocated", track_of(c, slot)->alloc);
}

bool slab_should_fail(struct kmem_cache *c, gfp_t gfp)
{
	return (c->flags & SLAB_FAILSLAB) && should_fail(&failslab, gfp);
}
