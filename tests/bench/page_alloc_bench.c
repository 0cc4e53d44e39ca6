// SPDX-License-Identifier: MIT
/*
 * Page allocator benchmarks: an order-0 alloc+free from each zone (a
 * per-CPU list hit once warm), and alloc+free of every order. The
 * rounds run with interrupts off, so the allocations are GFP_ATOMIC:
 * the fast paths are the same as GFP_KERNEL's, and nothing may sleep.
 */
#include "tests/bench/bench.h"
#include "mm/gfp.h"

static void alloc_free_op(struct bench_ctx *ctx)
{
	gfp_t gfp = (gfp_t)ctx->arg >> 8;
	unsigned int order = ctx->arg & 0xFF;

	__free_pages(alloc_pages(gfp, order), order);
}

#define ZONE_ARG(gfp, order) (((unsigned long)(gfp) << 8) | (order))

BENCH(page_alloc_order0, dma, NULL, alloc_free_op, NULL, 20000,
      ZONE_ARG(GFP_ATOMIC | __GFP_DMA, 0));
BENCH(page_alloc_order0, lowmem, NULL, alloc_free_op, NULL, 20000,
      ZONE_ARG(GFP_ATOMIC, 0));
BENCH(page_alloc_order0, highmem, NULL, alloc_free_op, NULL, 20000,
      ZONE_ARG(GFP_ATOMIC | __GFP_HIGHMEM, 0));

#define ORDER_BENCH(o, ops)                                            \
	BENCH(page_alloc_orders, order##o, NULL, alloc_free_op, NULL, ops, \
	      ZONE_ARG(GFP_ATOMIC, o))
ORDER_BENCH(0, 20000);
ORDER_BENCH(1, 10000);
ORDER_BENCH(2, 10000);
ORDER_BENCH(3, 10000);
ORDER_BENCH(4, 5000);
ORDER_BENCH(5, 5000);
ORDER_BENCH(6, 5000);
ORDER_BENCH(7, 2000);
ORDER_BENCH(8, 2000);
ORDER_BENCH(9, 2000);
ORDER_BENCH(10, 2000);
