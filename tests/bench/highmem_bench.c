// SPDX-License-Identifier: MIT
/*
 * The cost of reaching a page: kmap_local_page, kmap_atomic and kmap on
 * lowmem pages (the direct map, nearly free) and on highmem pages, and
 * what the mapping adds to clearing, copying and small copies; and
 * threads on every CPU copying into highmem pages through kmap or
 * kmap_local at once (mt_copy), which is where kmap's shared pool and
 * its flushes of every CPU's TLB show.
 */
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "tests/bench/bench.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/slab.h"

#define NEW_PAGES 500	/* fewer than LAST_PKMAP: no wrap */
#define WRAP_PAGES 1024 /* two laps of the pool per round */

struct pages {
	unsigned int n;
	struct page *page[];
};

static gfp_t zone_gfp(unsigned long arg)
{
	return (arg & 1) ? GFP_HIGHUSER : GFP_KERNEL;
}

/* ctx->data: an array of arg >> 1 pages from lowmem (arg bit 0 clear) or highmem. */
static int alloc_pages_setup(struct bench_ctx *ctx)
{
	unsigned int n = (unsigned int)(ctx->arg >> 1);
	struct pages *p = kmalloc(sizeof(*p) + n * sizeof(struct page *),
				  GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	for (p->n = 0; p->n < n; p->n++) {
		p->page[p->n] = alloc_page(zone_gfp(ctx->arg));
		if (!p->page[p->n] ||
		    PageHighMem(p->page[p->n]) != (ctx->arg & 1)) {
			if (p->page[p->n])
				__free_page(p->page[p->n]);
			ctx->data = p;
			return -ENOMEM; /* no highmem here */
		}
	}
	ctx->data = p;
	return 0;
}

static void free_pages_teardown(struct bench_ctx *ctx)
{
	struct pages *p = ctx->data;

	while (p->n)
		__free_page(p->page[--p->n]);
	kfree(p);
}

#define ARG(pages, high) (((unsigned long)(pages) << 1) | (high))

static struct page *page_of(struct bench_ctx *ctx, unsigned int i)
{
	struct pages *p = ctx->data;

	return p->page[i % p->n];
}

/* The operand of the inline benchmarks: the first page. */
static unsigned long first_page(struct bench_ctx *ctx)
{
	return (unsigned long)page_of(ctx, 0);
}

#define PAGE_ARG(x) ((struct page *)(x))

/*
 * The address is used, as a caller uses it: an empty asm reads it and
 * may touch any memory, so nothing the map read or wrote (the slot
 * stack's top, say) is known to the compiler at the unmap. What it
 * knows of the address itself (lowmem or a slot), a caller's compiler
 * knows too.
 */
#define USE_ADDR(a) __asm__ __volatile__("" : : "r"(a) : "memory")
#define MAP_USE_UNMAP(map, unmap, x)            \
	do {                                    \
		void *a_ = map(PAGE_ARG(x));    \
		USE_ADDR(a_);                   \
		unmap(a_);                      \
	} while (0)
#define KMAP_ATOMIC_OP(x) MAP_USE_UNMAP(kmap_atomic, kunmap_atomic, x)

BENCH_INLINE(kmap_atomic, lowmem, alloc_pages_setup, first_page,
	     KMAP_ATOMIC_OP, free_pages_teardown, 20000, ARG(1, 0));
BENCH_INLINE(kmap_atomic, highmem, alloc_pages_setup, first_page,
	     KMAP_ATOMIC_OP, free_pages_teardown, 20000, ARG(1, 1));

#define KMAP_LOCAL_OP(x) MAP_USE_UNMAP(kmap_local_page, kunmap_local, x)

BENCH_INLINE(kmap_local, lowmem, alloc_pages_setup, first_page,
	     KMAP_LOCAL_OP, free_pages_teardown, 20000, ARG(1, 0));
BENCH_INLINE(kmap_local, highmem, alloc_pages_setup, first_page,
	     KMAP_LOCAL_OP, free_pages_teardown, 20000, ARG(1, 1));

/* kmap of a page that stays mapped (the setup holds one reference). */
static int kmap_held_setup(struct bench_ctx *ctx)
{
	int err = alloc_pages_setup(ctx);

	if (!err)
		kmap(page_of(ctx, 0));
	return err;
}

static void kmap_held_teardown(struct bench_ctx *ctx)
{
	kunmap(page_of(ctx, 0));
	free_pages_teardown(ctx);
}

static void kmap_op(struct bench_ctx *ctx)
{
	struct page *page = page_of(ctx, (unsigned int)ctx->i);

	kmap(page);
	kunmap(page);
}

#define KMAP_OP(x)                                  \
	do {                                        \
		void *a_ = kmap(PAGE_ARG(x));       \
		USE_ADDR(a_);                       \
		kunmap(PAGE_ARG(x));                \
	} while (0)

BENCH_INLINE_FULL(kmap_mapped, lowmem, kmap_held_setup, first_page, KMAP_OP,
		  kmap_held_teardown, 20000, ARG(1, 0), true);
BENCH_INLINE_FULL(kmap_mapped, highmem, kmap_held_setup, first_page, KMAP_OP,
		  kmap_held_teardown, 20000, ARG(1, 1), true);
/*
 * A different page each time: NEW_PAGES per round, fewer than the pool.
 * Only the warm-up and the first round map them anew; later rounds find
 * each page still in its slot, unused (count 1, not flushed yet): what a
 * kmap of a page used a moment ago costs. The second variant cycles
 * through 1024 pages, two laps of the pool per round: every kmap is a
 * new mapping (slot search, PTE write, hash insert) and each lap a flush.
 */
BENCH_FULL(kmap_new_page, highmem, alloc_pages_setup, kmap_op,
	   free_pages_teardown, NEW_PAGES, ARG(NEW_PAGES, 1), true);
BENCH_FULL(kmap_new_page_wrap, highmem, alloc_pages_setup, kmap_op,
	   free_pages_teardown, WRAP_PAGES, ARG(WRAP_PAGES, 1), true);

#define CLEAR_OP(x) clear_highpage(PAGE_ARG(x))

BENCH_INLINE(clear_page, lowmem, alloc_pages_setup, first_page, CLEAR_OP,
	     free_pages_teardown, 2000, ARG(1, 0));
BENCH_INLINE(clear_page, highmem, alloc_pages_setup, first_page, CLEAR_OP,
	     free_pages_teardown, 2000, ARG(1, 1));

/* copy_page: arg bit 1 set means the source is highmem, bit 0 the target. */
static int copy_setup(struct bench_ctx *ctx)
{
	struct pages *p = kmalloc(sizeof(*p) + 2 * sizeof(struct page *),
				  GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	p->n = 0;
	ctx->data = p;
	for (int i = 0; i < 2; i++) {
		bool high = ctx->arg & (2u >> i);

		p->page[i] = alloc_page(high ? GFP_HIGHUSER : GFP_KERNEL);
		if (!p->page[i])
			return -ENOMEM;
		p->n++;
		if (PageHighMem(p->page[i]) != high)
			return -ENOMEM;
	}
	return 0;
}

static unsigned long page_pair(struct bench_ctx *ctx)
{
	return (unsigned long)ctx->data;
}

#define COPY_OP(x)                                             \
	copy_highpage(((struct pages *)(x))->page[1],          \
		      ((struct pages *)(x))->page[0])
#define COPY_BENCH(variant, arg)                                        \
	BENCH_INLINE(copy_page, variant, copy_setup, page_pair, COPY_OP, \
		     free_pages_teardown, 2000, arg)
COPY_BENCH(low_to_low, 0);
COPY_BENCH(high_to_high, 3);
COPY_BENCH(low_to_high, 1);
COPY_BENCH(high_to_low, 2);

/* Small copies into a page through its mapping: arg >> 8 bytes. */
static u8 copy_src[PAGE_SIZE];


static int small_copy_setup(struct bench_ctx *ctx)
{
	unsigned long arg = ctx->arg;
	int err;

	ctx->arg = ARG(1, arg & 1);
	err = alloc_pages_setup(ctx);
	ctx->arg = arg;
	return err;
}

/* The size is a constant, as in the code that copies a header or a block. */
#define SMALL_COPY_OP(bytes) \
	static inline void copy_##bytes##_op(unsigned long x) \
	{ \
		memcpy_to_page(PAGE_ARG(x), 0, copy_src, bytes); \
	}
#define SMALL_COPY(bytes)                                                    \
	SMALL_COPY_OP(bytes)                                                 \
	BENCH_INLINE(copy_to_page_##bytes##B, lowmem, small_copy_setup,      \
		     first_page, copy_##bytes##_op, free_pages_teardown, 10000, \
		     ((unsigned long)(bytes) << 8));                         \
	BENCH_INLINE(copy_to_page_##bytes##B, highmem, small_copy_setup,     \
		     first_page, copy_##bytes##_op, free_pages_teardown, 10000, \
		     ((unsigned long)(bytes) << 8) | 1)
SMALL_COPY(64);
SMALL_COPY(512);
SMALL_COPY(4096);

/* ---- every CPU at once: mt_copy ---- */

/*
 * One thread per online CPU, pinned, each copying a buffer into each of
 * its own MT_PAGES highmem pages once per call, mapping every page with
 * kmap (arg 0) or kmap_local_page (arg 1). MT_PAGES is two laps of the
 * pool by itself, so kmap flushes every CPU's TLB however many CPUs
 * there are; kmap_local needs no other CPU at all. Run under
 * multi-threaded TCG to see the threads contend (tools/bench.sh). Each
 * call starts and joins the threads: their stacks' guard pages and
 * wake-ups cost IPIs too, the kmap_local variant's whole count.
 */
#define MT_PAGES 1024

struct mt_copy {
	unsigned int cpus;
	bool local;
	struct pages *pages[NR_CPUS];
	u8 *buf;
};

static void mt_copy_teardown(struct bench_ctx *ctx);

/* A failed setup frees what it took: the runner calls no teardown then. */
static int mt_copy_fail(struct bench_ctx *ctx, int err)
{
	mt_copy_teardown(ctx);
	ctx->data = NULL;
	return err;
}

static int mt_copy_setup(struct bench_ctx *ctx)
{
	struct mt_copy *mt = kmalloc(sizeof(*mt), GFP_KERNEL);
	unsigned int cpu;
	int err = 0;

	if (!mt)
		return -ENOMEM;
	memset(mt, 0, sizeof(*mt));
	ctx->data = mt;
	mt->local = ctx->arg;
	mt->buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!mt->buf)
		return mt_copy_fail(ctx, -ENOMEM);
	memset(mt->buf, 0x5a, PAGE_SIZE);
	for_each_online_cpu(cpu) {
		struct bench_ctx one = { NULL, 0, ARG(MT_PAGES, 1), 1 };

		err = alloc_pages_setup(&one);
		mt->pages[cpu] = one.data;
		if (err)
			return mt_copy_fail(ctx, err);
		mt->cpus++;
	}
	ctx->batch = (unsigned long)mt->cpus * MT_PAGES;
	return 0;
}

static void mt_copy_teardown(struct bench_ctx *ctx)
{
	struct mt_copy *mt = ctx->data;

	if (!mt)
		return;
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (mt->pages[cpu]) {
			struct bench_ctx one = { mt->pages[cpu], 0, 0, 1 };

			free_pages_teardown(&one);
		}
	kfree(mt->buf);
	kfree(mt);
}

static int mt_copy_thread(void *arg)
{
	struct mt_copy *mt = arg;
	struct pages *p = mt->pages[smp_processor_id()];

	for (unsigned int i = 0; i < p->n; i++) {
		struct page *page = p->page[i];
		void *v = mt->local ? kmap_local_page(page) : kmap(page);

		memcpy(v, mt->buf, PAGE_SIZE);
		if (mt->local)
			kunmap_local(v);
		else
			kunmap(page);
	}
	return 0;
}

static void mt_copy_op(struct bench_ctx *ctx)
{
	struct mt_copy *mt = ctx->data;
	struct task_struct *task[NR_CPUS] = { NULL };
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		task[cpu] = kthread_create(mt_copy_thread, mt, "mt_copy");
		if (!task[cpu])
			continue; /* no memory: fewer copies, still measured */
		kthread_bind(task[cpu], cpu);
		wake_up_new_task(task[cpu]);
	}
	for_each_online_cpu(cpu)
		if (task[cpu])
			kthread_join(task[cpu]);
}

BENCH_EXPLICIT(mt_copy, kmap, mt_copy_setup, mt_copy_op, mt_copy_teardown,
	       1, 0);
BENCH_EXPLICIT(mt_copy, kmap_local, mt_copy_setup, mt_copy_op,
	       mt_copy_teardown, 1, 1);
