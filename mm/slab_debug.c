// SPDX-License-Identifier: MIT
/*
 * Slab debugging hooks. This version checks only what is cheap and
 * always worth it: a kmem_cache_free of an object from another cache.
 */
#include "mm/slab_internal.h"
#include "kernel/panic.h"

void slab_debug_setup(struct kmem_cache *c)
{
	c->obj_offset = 0;
}

void slab_debug_init_object(struct kmem_cache *c, void *slot)
{
	(void)c;
	(void)slot;
}

void *slab_debug_alloc(struct kmem_cache *c, void *slot)
{
	return (char *)slot + c->obj_offset;
}

void *slab_debug_free(struct kmem_cache *c, void *obj)
{
	struct kmem_cache *owner = virt_to_cache(obj);

	if (unlikely(owner != c))
		panic("kmem_cache_free(%s, 0x%p): the object belongs to %s",
		      c->name, obj, owner ? owner->name : "no slab cache");
	return (char *)obj - c->obj_offset;
}

bool slab_should_fail(struct kmem_cache *c, gfp_t gfp)
{
	(void)c;
	(void)gfp;
	return false;
}
