// SPDX-License-Identifier: MIT
/*
 * Object allocator benchmarks: kmalloc+kfree per size class, a cache.
 * The rounds run with interrupts off: GFP_ATOMIC, whose fast path is
 * GFP_KERNEL's.
 */
#include "tests/bench/bench.h"
#include "kernel/lib/errno.h"
#include "mm/slab.h"

/* The size: the benchmark's parameter, hidden from the compiler. */
static unsigned long size_arg(struct bench_ctx *ctx)
{
	return ctx->arg;
}

#define KMALLOC_OP(x) kfree(kmalloc(x, GFP_ATOMIC))
#define KMALLOC_BENCH(n)                                               \
	BENCH_INLINE(kmalloc, n##B, NULL, size_arg, KMALLOC_OP, NULL, \
		     20000, n)
KMALLOC_BENCH(8);
KMALLOC_BENCH(16);
KMALLOC_BENCH(32);
KMALLOC_BENCH(64);
KMALLOC_BENCH(96);
KMALLOC_BENCH(128);
KMALLOC_BENCH(192);
KMALLOC_BENCH(256);
KMALLOC_BENCH(512);
KMALLOC_BENCH(1024);
KMALLOC_BENCH(2048);
KMALLOC_BENCH(4096);
KMALLOC_BENCH(8192);

static int cache_setup(struct bench_ctx *ctx)
{
	ctx->data = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	return ctx->data ? 0 : -ENOMEM;
}

static unsigned long cache_arg(struct bench_ctx *ctx)
{
	return (unsigned long)ctx->data;
}

#define CACHE_OP(x)                                                   \
	kmem_cache_free((struct kmem_cache *)(x),                     \
			kmem_cache_alloc((struct kmem_cache *)(x), GFP_ATOMIC))

static void cache_teardown(struct bench_ctx *ctx)
{
	kmem_cache_destroy(ctx->data);
}

BENCH_INLINE(kmem_cache, 64B, cache_setup, cache_arg, CACHE_OP,
	     cache_teardown, 20000, 0);

/* kmalloc(64) as code writes it: a constant size, the class chosen at compile time. */
#define KMALLOC_CONST_OP(x) ((void)(x), kfree(kmalloc(64, GFP_KERNEL)))

BENCH_INLINE(kmalloc_const, 64B, NULL, size_arg, KMALLOC_CONST_OP, NULL,
	     20000, 0);
