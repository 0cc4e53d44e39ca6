// SPDX-License-Identifier: MIT
/*
 * Page allocator benchmarks: an order-0 alloc+free from each zone (a
 * per-CPU list hit once warm), and alloc+free of every order. The
 * rounds run with interrupts off, so the allocations are GFP_ATOMIC:
 * the fast paths are the same as GFP_KERNEL's, and nothing may sleep.
 */
#include "tests/bench/bench.h"
#include "mm/gfp.h"

static unsigned long no_operand(struct bench_ctx *ctx)
{
	(void)ctx;
	return 0;
}

/*
 * The flags and the order are constants, as in the code that calls the
 * allocator: alloc_page(GFP_KERNEL), not a GFP mask from a variable.
 * Always inline, as BENCH_INLINE means it: with the allocator's fast
 * paths inline too, GCC would otherwise keep an op that two loops use
 * as a function of its own, and measure a call more.
 */
#define ALLOC_FREE_OP(name, gfp, order)                                 \
	static __always_inline void name(unsigned long x)               \
	{                                                               \
		(void)x;                                                \
		__free_pages(alloc_pages(gfp, order), order);           \
	}

ALLOC_FREE_OP(alloc_dma_op, GFP_ATOMIC | __GFP_DMA, 0)
ALLOC_FREE_OP(alloc_lowmem_op, GFP_ATOMIC, 0)
ALLOC_FREE_OP(alloc_highmem_op, GFP_ATOMIC | __GFP_HIGHMEM, 0)
BENCH_INLINE(page_alloc_order0, dma, NULL, no_operand, alloc_dma_op, NULL,
	     20000, 0);
BENCH_INLINE(page_alloc_order0, lowmem, NULL, no_operand, alloc_lowmem_op,
	     NULL, 20000, 0);
BENCH_INLINE(page_alloc_order0, highmem, NULL, no_operand, alloc_highmem_op,
	     NULL, 20000, 0);

#define ORDER_BENCH(o, ops)                                              \
	ALLOC_FREE_OP(alloc_order##o##_op, GFP_ATOMIC, o)                \
	BENCH_INLINE(page_alloc_orders, order##o, NULL, no_operand,     \
		     alloc_order##o##_op, NULL, ops, 0)
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
