// SPDX-License-Identifier: MIT
/*
 * hmbench: the kernel-level benchmarks of `make bench` (tests/bench/),
 * built as a module for Debian's Linux 6.1 686-pae, so that make
 * bench-linux can put both kernels side by side (tools/bench-linux.sh,
 * docs/benchmarks.md, "Linux side by side").
 *
 * Same operations, same operation counts, same names, same method as
 * this kernel's runner: each operation is written out inline in a timed
 * loop,
 *
 *     t0 = rdtsc(); for (i = 0; i < ops; i++) { OPTIMIZER_HIDE_VAR(v); OP; }
 *     t1 = rdtsc();
 *
 * with interrupts off (local_irq_save) unless the operation may sleep
 * (the kmap ones, as in tests/bench/highmem_bench.c), after a warm-up
 * of ops/10 + 1 operations; 5 rounds, the median one, minus the median
 * of the same loop with an empty OP (the same hide-var barrier), divided
 * by ops. Under qemu -icount shift=0 rdtsc counts guest instructions, so
 * the figures are instructions per operation. The barrier keeps the
 * compiler from hoisting the page (or size) out of the loop, so that
 * what is timed is the operation as a caller with a variable writes it.
 *
 * One line per benchmark, in the format tools/bench.sh reads:
 *
 *     bench: NAME,VARIANT,OPS,TSC_PER_OP,NS_PER_OP,INVLPG_PER_OP,
 *            FULL_FLUSHES_PER_OP,IPIS_PER_OP
 *
 * Linux counts no invlpg or full flushes (CONFIG_DEBUG_TLBFLUSH is off
 * in Debian's build): those two fields stay empty. IPIs are the
 * reschedule, call-function and TLB-shootdown interrupts received
 * (irq_stat), summed over the CPUs. ns come from tsc_khz.
 *
 * Parameter bench=all|quick|GLOB|quick:GLOB, as the kernel's bench=:
 * quick runs every benchmark at 1/100 of its operations; GLOB matches
 * NAME or NAME/VARIANT.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/glob.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/utsname.h>
#include <asm/hardirq.h>
#include <asm/msr.h>
#include <asm/tsc.h>

#define HB_ROUNDS 5
#define QUICK_DIVISOR 100
#define NEW_PAGES 500	/* fewer than LAST_PKMAP (512 with PAE): no wrap */
#define WRAP_PAGES 1024 /* two laps of the pool per round */

static char *bench = "all";
module_param(bench, charp, 0444);
MODULE_PARM_DESC(bench,
		 "all, quick, GLOB or quick:GLOB (NAME or NAME/VARIANT)");

/* What a benchmark's rounds work on: pages, a cache, a size. */
struct hb_ctx {
	struct page **page;
	unsigned int n;
	struct kmem_cache *cache;
	size_t size;
};

struct hb_bench {
	const char *name;
	const char *variant;
	int (*setup)(struct hb_ctx *ctx, unsigned long arg);
	void (*teardown)(struct hb_ctx *ctx);
	u64 (*round)(struct hb_ctx *ctx, unsigned long ops);
	u64 (*empty)(struct hb_ctx *ctx, unsigned long ops);
	unsigned long ops; /* per round */
	unsigned long arg; /* the setup's */
	bool irqs_on;	   /* the operation may sleep */
};

/* Source of the small copies: a page-sized buffer of the module's. */
static u8 hb_src[PAGE_SIZE];

/*
 * The timed loop. OP sees the loop index as i and the hidden value as
 * v. rdtsc() is a volatile asm, so the compiler keeps the loop between
 * the two readings; the empty loop's barrier() keeps it from deleting
 * a loop with nothing in it.
 */
#define HB_LOOP(ops, v, op)                                                    \
	({                                                                     \
		unsigned long i;                                               \
		u64 t0, t1;                                                    \
                                                                               \
		t0 = rdtsc();                                                  \
		for (i = 0; i < (ops); i++) {                                  \
			OPTIMIZER_HIDE_VAR(v);                                 \
			op;                                                    \
		}                                                              \
		t1 = rdtsc();                                                  \
		t1 - t0;                                                       \
	})

/*
 * HB_ROUND(fn, type, init, op): fn_round() times @ops of @op, fn_empty()
 * the same loop without it; both start from v = @init. noinline: each
 * loop is compiled once, alone, the same way for both.
 */
#define HB_ROUND(fn, type, init, op)                                           \
	static noinline u64 fn##_round(struct hb_ctx *ctx, unsigned long ops)  \
	{                                                                      \
		type v = (init);                                               \
		return HB_LOOP(ops, v, op);                                    \
	}                                                                      \
	static noinline u64 fn##_empty(struct hb_ctx *ctx, unsigned long ops)  \
	{                                                                      \
		type v = (init);                                               \
		return HB_LOOP(ops, v, barrier());                             \
	}

/* ---- pages to map: arg = (count << 1) | highmem ---- */

#define ARG(pages, high) (((unsigned long)(pages) << 1) | (high))

static void free_pages_teardown(struct hb_ctx *ctx)
{
	while (ctx->n)
		__free_page(ctx->page[--ctx->n]);
	kfree(ctx->page);
	ctx->page = NULL;
}

/* ctx->page: arg >> 1 pages from lowmem (bit 0 clear) or from HighMem. */
static int pages_setup(struct hb_ctx *ctx, unsigned long arg)
{
	unsigned int want = (unsigned int)(arg >> 1);
	bool high = arg & 1;

	ctx->page = kcalloc(want, sizeof(*ctx->page), GFP_KERNEL);
	if (!ctx->page)
		return -ENOMEM;
	for (ctx->n = 0; ctx->n < want; ctx->n++) {
		struct page *page =
			alloc_page(high ? GFP_HIGHUSER : GFP_KERNEL);

		if (!page)
			goto fail;
		ctx->page[ctx->n] = page;
		if (PageHighMem(page) != high) { /* no HighMem left */
			ctx->n++;
			goto fail;
		}
	}
	return 0;
fail:
	free_pages_teardown(ctx);
	return -ENOMEM;
}

/* copy_page: arg bit 1 set means the source is highmem, bit 0 the target. */
static int copy_setup(struct hb_ctx *ctx, unsigned long arg)
{
	static const gfp_t gfp[2] = {GFP_KERNEL, GFP_HIGHUSER};

	ctx->page = kcalloc(2, sizeof(*ctx->page), GFP_KERNEL);
	if (!ctx->page)
		return -ENOMEM;
	for (ctx->n = 0; ctx->n < 2; ctx->n++) {
		bool high = arg & (2u >> ctx->n);

		ctx->page[ctx->n] = alloc_page(gfp[high]);
		if (!ctx->page[ctx->n] ||
		    PageHighMem(ctx->page[ctx->n]) != high) {
			if (ctx->page[ctx->n])
				ctx->n++;
			free_pages_teardown(ctx);
			return -ENOMEM;
		}
	}
	return 0;
}

/* Small copies: one page (arg bit 0: highmem), arg >> 8 bytes. */
static int small_copy_setup(struct hb_ctx *ctx, unsigned long arg)
{
	ctx->size = arg >> 8;
	return pages_setup(ctx, ARG(1, arg & 1));
}

/* kmap of a page that stays mapped: the setup holds one reference. */
static int kmap_held_setup(struct hb_ctx *ctx, unsigned long arg)
{
	int err = pages_setup(ctx, arg);

	if (!err)
		kmap(ctx->page[0]);
	return err;
}

static void kmap_held_teardown(struct hb_ctx *ctx)
{
	kunmap(ctx->page[0]);
	free_pages_teardown(ctx);
}

HB_ROUND(kmap_atomic, struct page *, ctx->page[0],
	 kunmap_atomic(kmap_atomic(v)))
HB_ROUND(kmap_local, struct page *, ctx->page[0],
	 kunmap_local(kmap_local_page(v)))
/* As tests/bench/highmem_bench.c's kmap_op: page i of the set, in turn. */
HB_ROUND(kmap, struct hb_ctx *, ctx, {
	struct page *page = v->page[i % v->n];

	kmap(page);
	kunmap(page);
})
HB_ROUND(clear_page, struct page *, ctx->page[0], clear_highpage(v))
HB_ROUND(copy_page, struct hb_ctx *, ctx, copy_highpage(v->page[1], v->page[0]))
/* The length is a variable, as in this kernel's small_copy_op. */
HB_ROUND(copy_to_page, struct hb_ctx *, ctx,
	 memcpy_to_page(v->page[0], 0, hb_src, v->size))

/* ---- objects ---- */

static int size_setup(struct hb_ctx *ctx, unsigned long arg)
{
	void *p = kmalloc(arg, GFP_KERNEL);

	ctx->size = arg;
	kfree(p);
	return p ? 0 : -ENOMEM;
}

/*
 * A 64-byte cache. SLUB may merge it with kmalloc-64 (the same size and
 * flags), as it would any driver's: that is Linux's behaviour, kept.
 */
static int cache_setup(struct hb_ctx *ctx, unsigned long arg)
{
	ctx->cache = kmem_cache_create("hmbench-64", 64, 0, 0, NULL);
	return ctx->cache ? 0 : -ENOMEM;
}

static void cache_teardown(struct hb_ctx *ctx)
{
	kmem_cache_destroy(ctx->cache);
}

/* The rounds run with interrupts off: GFP_ATOMIC, as this kernel's. */
HB_ROUND(kmalloc, size_t, ctx->size, kfree(kmalloc(v, GFP_ATOMIC)))
/*
 * kmalloc(64, GFP_KERNEL), the size a constant (the class chosen at
 * compile time), as this kernel's kmalloc_const_op; with interrupts off,
 * as there. GFP_KERNEL's might_sleep() check (might_resched() under
 * PREEMPT_VOLUNTARY) is part of what Linux pays for it; nothing can set
 * need_resched while interrupts are off, so it never schedules here.
 */
HB_ROUND(kmalloc_const, struct hb_ctx *, ctx, kfree(kmalloc(64, GFP_KERNEL)))
HB_ROUND(kmem_cache, struct kmem_cache *, ctx->cache,
	 kmem_cache_free(v, kmem_cache_alloc(v, GFP_ATOMIC)))

/* ---- whole pages: GFP_ATOMIC, interrupts off, as page_alloc_bench.c ---- */

/* One allocation of the benchmark's kind works: its rounds will too. */
static int alloc_setup(struct hb_ctx *ctx, unsigned long arg)
{
	gfp_t gfp = (gfp_t)(arg >> 8);
	unsigned int order = arg & 0xff;
	struct page *page = alloc_pages(gfp, order);

	if (!page)
		return -ENOMEM;
	__free_pages(page, order);
	return 0;
}

#define ZONE_ARG(gfp, order) (((unsigned long)(gfp) << 8) | (order))

#define HB_ALLOC(fn, gfp, order)                                               \
	HB_ROUND(fn, struct hb_ctx *, ctx,                                     \
		 __free_pages(alloc_pages(gfp, order), order))

HB_ALLOC(alloc_dma, GFP_ATOMIC | __GFP_DMA, 0)
HB_ALLOC(alloc_high, GFP_ATOMIC | __GFP_HIGHMEM, 0)
HB_ALLOC(alloc_o0, GFP_ATOMIC, 0)
HB_ALLOC(alloc_o1, GFP_ATOMIC, 1)
HB_ALLOC(alloc_o2, GFP_ATOMIC, 2)
HB_ALLOC(alloc_o3, GFP_ATOMIC, 3)
HB_ALLOC(alloc_o4, GFP_ATOMIC, 4)
HB_ALLOC(alloc_o5, GFP_ATOMIC, 5)
HB_ALLOC(alloc_o6, GFP_ATOMIC, 6)
HB_ALLOC(alloc_o7, GFP_ATOMIC, 7)
HB_ALLOC(alloc_o8, GFP_ATOMIC, 8)
HB_ALLOC(alloc_o9, GFP_ATOMIC, 9)
HB_ALLOC(alloc_o10, GFP_ATOMIC, 10)

/* ---- the table, in this kernel's (name, variant) order ---- */

#define B(name_, variant_, fn, setup_, teardown_, ops_, arg_, irqs_on_)        \
	{                                                                      \
		.name = #name_, .variant = #variant_, .setup = setup_,         \
		.teardown = teardown_, .round = fn##_round,                    \
		.empty = fn##_empty, .ops = ops_, .arg = arg_,                 \
		.irqs_on = irqs_on_                                            \
	}

#define PAGES(fn, name, variant, ops, arg)                                     \
	B(name, variant, fn, pages_setup, free_pages_teardown, ops, arg, false)
#define ALLOC(fn, name, variant, ops, gfp, order)                              \
	B(name, variant, fn, alloc_setup, NULL, ops, ZONE_ARG(gfp, order),     \
	  false)
#define KMALLOC(n) B(kmalloc, n##B, kmalloc, size_setup, NULL, 20000, n, false)
/* memcpy_to_page of @bytes: arg = (bytes << 8) | highmem. */
#define SMALL_COPY(bytes, variant, high)                                       \
	B(copy_to_page_##bytes##B, variant, copy_to_page, small_copy_setup,    \
	  free_pages_teardown, 10000, ((unsigned long)(bytes) << 8) | (high),  \
	  false)

static const struct hb_bench benches[] = {
	PAGES(clear_page, clear_page, highmem, 2000, ARG(1, 1)),
	PAGES(clear_page, clear_page, lowmem, 2000, ARG(1, 0)),
	B(copy_page, high_to_high, copy_page, copy_setup, free_pages_teardown,
	  2000, 3, false),
	B(copy_page, high_to_low, copy_page, copy_setup, free_pages_teardown,
	  2000, 2, false),
	B(copy_page, low_to_high, copy_page, copy_setup, free_pages_teardown,
	  2000, 1, false),
	B(copy_page, low_to_low, copy_page, copy_setup, free_pages_teardown,
	  2000, 0, false),
	SMALL_COPY(4096, highmem, 1),
	SMALL_COPY(4096, lowmem, 0),
	SMALL_COPY(512, highmem, 1),
	SMALL_COPY(512, lowmem, 0),
	SMALL_COPY(64, highmem, 1),
	SMALL_COPY(64, lowmem, 0),
	KMALLOC(1024),
	KMALLOC(128),
	KMALLOC(16),
	KMALLOC(192),
	KMALLOC(2048),
	KMALLOC(256),
	KMALLOC(32),
	KMALLOC(4096),
	KMALLOC(512),
	KMALLOC(64),
	KMALLOC(8),
	KMALLOC(8192),
	KMALLOC(96),
	B(kmalloc_const, 64B, kmalloc_const, NULL, NULL, 20000, 0, false),
	PAGES(kmap_atomic, kmap_atomic, highmem, 20000, ARG(1, 1)),
	PAGES(kmap_atomic, kmap_atomic, lowmem, 20000, ARG(1, 0)),
	PAGES(kmap_local, kmap_local, highmem, 20000, ARG(1, 1)),
	PAGES(kmap_local, kmap_local, lowmem, 20000, ARG(1, 0)),
	B(kmap_mapped, highmem, kmap, kmap_held_setup, kmap_held_teardown,
	  20000, ARG(1, 1), true),
	B(kmap_mapped, lowmem, kmap, kmap_held_setup, kmap_held_teardown, 20000,
	  ARG(1, 0), true),
	/*
	 * A new page each time: NEW_PAGES per round, fewer than the pool;
	 * the second over WRAP_PAGES, two laps of it, flushes included.
	 */
	B(kmap_new_page, highmem, kmap, pages_setup, free_pages_teardown,
	  NEW_PAGES, ARG(NEW_PAGES, 1), true),
	B(kmap_new_page_wrap, highmem, kmap, pages_setup, free_pages_teardown,
	  WRAP_PAGES, ARG(WRAP_PAGES, 1), true),
	B(kmem_cache, 64B, kmem_cache, cache_setup, cache_teardown, 20000, 0,
	  false),
	ALLOC(alloc_dma, page_alloc_order0, dma, 20000, GFP_ATOMIC | __GFP_DMA,
	      0),
	ALLOC(alloc_high, page_alloc_order0, highmem, 20000,
	      GFP_ATOMIC | __GFP_HIGHMEM, 0),
	ALLOC(alloc_o0, page_alloc_order0, lowmem, 20000, GFP_ATOMIC, 0),
	ALLOC(alloc_o0, page_alloc_orders, order0, 20000, GFP_ATOMIC, 0),
	ALLOC(alloc_o1, page_alloc_orders, order1, 10000, GFP_ATOMIC, 1),
	ALLOC(alloc_o10, page_alloc_orders, order10, 2000, GFP_ATOMIC, 10),
	ALLOC(alloc_o2, page_alloc_orders, order2, 10000, GFP_ATOMIC, 2),
	ALLOC(alloc_o3, page_alloc_orders, order3, 10000, GFP_ATOMIC, 3),
	ALLOC(alloc_o4, page_alloc_orders, order4, 5000, GFP_ATOMIC, 4),
	ALLOC(alloc_o5, page_alloc_orders, order5, 5000, GFP_ATOMIC, 5),
	ALLOC(alloc_o6, page_alloc_orders, order6, 5000, GFP_ATOMIC, 6),
	ALLOC(alloc_o7, page_alloc_orders, order7, 2000, GFP_ATOMIC, 7),
	ALLOC(alloc_o8, page_alloc_orders, order8, 2000, GFP_ATOMIC, 8),
	ALLOC(alloc_o9, page_alloc_orders, order9, 2000, GFP_ATOMIC, 9),
};

/* ---- the runner ---- */

static u64 median(u64 *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--)
			swap(v[j], v[j - 1]);
	return v[n / 2];
}

/* IPIs received so far, every CPU's. */
static unsigned long ipis_received(void)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
	{
		const irq_cpustat_t *s = &per_cpu(irq_stat, cpu);

		sum += READ_ONCE(s->irq_resched_count) +
		       READ_ONCE(s->irq_call_count) +
		       READ_ONCE(s->irq_tlb_count);
	}
	return sum;
}

/* The median of HB_ROUNDS rounds of @ops, after a warm-up, in TSC ticks. */
static u64 measure(const struct hb_bench *b,
		   u64 (*round)(struct hb_ctx *, unsigned long),
		   struct hb_ctx *ctx, unsigned long ops, unsigned long *ipis)
{
	unsigned long flags = 0, before = 0;
	u64 rounds[HB_ROUNDS];

	for (int r = -1; r < HB_ROUNDS; r++) {
		u64 t;

		if (r == 0)
			before = ipis_received();
		if (!b->irqs_on)
			local_irq_save(flags);
		t = round(ctx, r < 0 ? ops / 10 + 1 : ops);
		if (!b->irqs_on)
			local_irq_restore(flags);
		if (r >= 0)
			rounds[r] = t;
	}
	if (ipis)
		*ipis = ipis_received() - before;
	return median(rounds, HB_ROUNDS);
}

static bool needs_highmem(const struct hb_bench *b)
{
	return strstr(b->variant, "high") != NULL;
}

static bool selected(const struct hb_bench *b, const char *pattern)
{
	char full[64];

	if (!strcmp(pattern, "all") || !strcmp(pattern, "quick"))
		return true;
	snprintf(full, sizeof(full), "%s/%s", b->name, b->variant);
	return glob_match(pattern, b->name) || glob_match(pattern, full);
}

static void run_one(const struct hb_bench *b, bool quick)
{
	unsigned long ops = quick ? b->ops / QUICK_DIVISOR + 1 : b->ops;
	u64 total, empty, per_op_x100, ns_x100, ipis_x10000;
	struct hb_ctx ctx = {0};
	unsigned long ipis;
	u32 frac[3]; /* the decimals of the three figures */

	if (needs_highmem(b) && !totalhigh_pages()) {
		pr_info("bench: %s/%s: skipped (no HighMem on this machine)\n",
			b->name, b->variant);
		return;
	}
	if (b->setup && b->setup(&ctx, b->arg)) {
		pr_info("bench: %s/%s: setup failed, skipped\n", b->name,
			b->variant);
		return;
	}
	total = measure(b, b->round, &ctx, ops, &ipis);
	empty = measure(b, b->empty, &ctx, ops, NULL);
	if (b->teardown)
		b->teardown(&ctx);
	total = total > empty ? total - empty : 0;
	per_op_x100 = div64_u64(total * 100, ops);
	ns_x100 = tsc_khz ? div64_u64(per_op_x100 * 1000000, tsc_khz) : 0;
	ipis_x10000 = div64_u64((u64)ipis * 10000, (u64)ops * HB_ROUNDS);
	pr_info("bench: %s,%s,%lu,%llu.%02u,%llu.%02u,,,%llu.%04u\n", b->name,
		b->variant, ops, div_u64_rem(per_op_x100, 100, &frac[0]),
		frac[0], div_u64_rem(ns_x100, 100, &frac[1]), frac[1],
		div_u64_rem(ipis_x10000, 10000, &frac[2]), frac[2]);
	cond_resched();
}

static int __init hmbench_init(void)
{
	const char *pattern = bench;
	bool quick = !strcmp(pattern, "quick");
	unsigned int n = 0;

	if (!strncmp(pattern, "quick:", 6) && pattern[6]) {
		quick = true;
		pattern += 6;
	}
	pr_info("bench: running '%s'%s on %u CPUs (TSC %u kHz; %d rounds, "
		"median, empty loop subtracted; Linux %s)\n",
		pattern, quick ? " quick" : "", num_online_cpus(), tsc_khz,
		HB_ROUNDS, init_utsname()->release);
	for (size_t i = 0; i < ARRAY_SIZE(benches); i++) {
		if (!selected(&benches[i], pattern))
			continue;
		run_one(&benches[i], quick);
		n++;
	}
	pr_info("bench: finished %u benchmarks\n", n);
	return 0;
}

static void __exit hmbench_exit(void)
{
}

module_init(hmbench_init);
module_exit(hmbench_exit);
MODULE_DESCRIPTION("hmkernel's make bench operations, for a side by side");
MODULE_LICENSE("Dual MIT/GPL");
