// SPDX-License-Identifier: MIT
/*
 * Object allocator benchmarks: kmalloc+kfree per size class, a cache.
 * The rounds run with interrupts off: GFP_ATOMIC, whose fast path is
 * GFP_KERNEL's.
 */
#include "tests/bench/bench.h"
#include "kernel/lib/errno.h"
#include "mm/slab.h"

static void kmalloc_op(struct bench_ctx *ctx)
{
	kfree(kmalloc(ctx->arg, GFP_ATOMIC));
}

#define KMALLOC_BENCH(n) \
	BENCH(kmalloc, n##B, NULL, kmalloc_op, NULL, 20000, n)
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

static void cache_op(struct bench_ctx *ctx)
{
	kmem_cache_free(ctx->data, kmem_cache_alloc(ctx->data, GFP_ATOMIC));
}

static void cache_teardown(struct bench_ctx *ctx)
{
	kmem_cache_destroy(ctx->data);
}

BENCH(kmem_cache, 64B, cache_setup, cache_op, cache_teardown, 20000, 0);

/* kmalloc(64) as code writes it: a constant size, the class chosen at compile time. */
static void kmalloc_const_op(struct bench_ctx *ctx)
{
	(void)ctx;
	kfree(kmalloc(64, GFP_KERNEL));
}

BENCH(kmalloc_const, 64B, NULL, kmalloc_const_op, NULL, 20000, 0);
