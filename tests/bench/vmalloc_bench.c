// SPDX-License-Identifier: MIT
/* vmalloc+vfree of 64 KiB and 4 MiB, from lowmem pages and from highmem. */
#include "tests/bench/bench.h"
#include "mm/gfp.h"
#include "mm/vmalloc.h"

static void vmalloc_op(struct bench_ctx *ctx)
{
	gfp_t gfp = (ctx->arg & 1) ? GFP_HIGHUSER : GFP_KERNEL;

	vfree(__vmalloc(ctx->arg & ~1ul, gfp));
}

BENCH_FULL(vmalloc_64K, lowmem, NULL, vmalloc_op, NULL, 200, 64ul << 10, true);
BENCH_FULL(vmalloc_64K, highmem, NULL, vmalloc_op, NULL, 200,
	   (64ul << 10) | 1, true);
BENCH_FULL(vmalloc_4M, lowmem, NULL, vmalloc_op, NULL, 10, 4ul << 20, true);
BENCH_FULL(vmalloc_4M, highmem, NULL, vmalloc_op, NULL, 10, (4ul << 20) | 1,
	   true);
