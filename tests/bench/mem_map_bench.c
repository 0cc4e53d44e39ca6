// SPDX-License-Identifier: MIT
/*
 * What a struct page costs to translate: page_to_pfn and back to
 * pfn_to_page, once with the kernel's own functions (one predictable
 * branch on the layout, then, with a flat mem_map, a subtraction and an
 * addition) and once through the section tables of a sparse mem_map
 * (the formula the kernel uses when holes are large, or with
 * mem_map=sparse). On a flat machine the sparse round trip lands on the
 * wrong descriptor, which nothing reads: only its instructions count.
 */
#include "tests/bench/bench.h"
#include "kernel/lib/errno.h"
#include "mm/gfp.h"
#include "mm/page.h"

static int one_page_setup(struct bench_ctx *ctx)
{
	ctx->data = alloc_page(GFP_KERNEL);
	return ctx->data ? 0 : -ENOMEM;
}

static void one_page_teardown(struct bench_ctx *ctx)
{
	__free_page(ctx->data);
}

static unsigned long the_page(struct bench_ctx *ctx)
{
	return (unsigned long)ctx->data;
}

/* The result is used, as a caller uses it. */
#define USE_PAGE(p) __asm__ __volatile__("" : : "r"(p))
#define KERNEL_ROUND_TRIP(x) \
	USE_PAGE(pfn_to_page(page_to_pfn((struct page *)(x))))
#define SPARSE_ROUND_TRIP(x) \
	USE_PAGE(sparse_pfn_to_page(sparse_page_to_pfn((struct page *)(x))))

BENCH_INLINE(page_to_pfn_to_page, kernel, one_page_setup, the_page,
	     KERNEL_ROUND_TRIP, one_page_teardown, 20000, 0);
BENCH_INLINE(page_to_pfn_to_page, sparse, one_page_setup, the_page,
	     SPARSE_ROUND_TRIP, one_page_teardown, 20000, 0);
