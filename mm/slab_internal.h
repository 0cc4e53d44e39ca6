/* SPDX-License-Identifier: MIT */
/* Shared between mm/slab.c, mm/kmalloc.c and the slab debug code. */
#ifndef MM_SLAB_INTERNAL_H
#define MM_SLAB_INTERNAL_H

#include "mm/slab.h"

/* Create the kmalloc caches. Context: boot, from kmem_cache_init. */
void kmalloc_init(void);

/* Index of @obj in its slab if it starts an object of @c, else -1. */
int slab_object_index(struct kmem_cache *c, const void *obj);

/* True if object @idx of @obj's slab is handed out. */
bool slab_object_active(const void *obj, int idx);

/*
 * Debug hooks (mm/slab_debug.c). Without debugging they cost nothing:
 * slab_debug_alloc/free return the object unchanged.
 */
void slab_debug_setup(struct kmem_cache *c);
void slab_debug_init_object(struct kmem_cache *c, void *slot);
void *slab_debug_alloc(struct kmem_cache *c, void *slot);
void *slab_debug_free(struct kmem_cache *c, void *obj);
bool slab_should_fail(struct kmem_cache *c, gfp_t gfp);

#endif /* MM_SLAB_INTERNAL_H */
