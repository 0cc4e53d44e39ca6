// SPDX-License-Identifier: MIT
/*
 * The benchmark runner (see tests/bench/bench.h). Output, one line per
 * benchmark, machine-readable for tools/bench.sh:
 *
 *   bench: NAME,VARIANT,OPS,TSC_PER_OP,NS_PER_OP,INVLPG_PER_OP,
 *          FULL_FLUSHES_PER_OP,IPIS_PER_OP
 *
 * TSC and ns have two decimals, the counts four; under qemu -icount
 * shift=0 TSC_PER_OP is the number of instructions per operation. The
 * last three count,
 * over all CPUs, the invlpg instructions, the full TLB flushes and the
 * IPIs received, per operation of the measured rounds.
 */
#include "tests/bench/bench.h"
#include "kernel/cmdline.h"
#include "kernel/init.h"
#include "kernel/lib/errno.h"
#include "kernel/printk.h"
#include "kernel/shell/shell.h"
#include "kernel/lib/string.h"
#include "kernel/timer.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/smp.h"
#include "mm/deferred_init.h"
#include "mm/mmzone.h"
#include <asm/cpu.h>
#include <asm/hardirq.h>
#include <asm/irqflags.h>
#include <asm/tlbflush.h>

#define CALIBRATE_TICKS 10
#define QUICK_DIVISOR 100

extern const struct bench __benches_start[], __benches_end[];

unsigned long tsc_per_us;

static void calibrate_tsc(void)
{
	u64 start_tsc, j;

	if (tsc_per_us)
		return;
	j = get_jiffies_64();
	while (get_jiffies_64() == j)
		halt();
	start_tsc = rdtsc();
	j = get_jiffies_64();
	while (get_jiffies_64() < j + CALIBRATE_TICKS)
		halt();
	tsc_per_us = (unsigned long)((rdtsc() - start_tsc) /
				     (CALIBRATE_TICKS * 1000000ull / HZ));
	if (!tsc_per_us)
		tsc_per_us = 1;
}

static void empty_op(struct bench_ctx *ctx)
{
	(void)ctx;
	barrier();
}

/*
 * One round: TSC ticks for @ops operations, of @b's inline loop (@empty:
 * without the operation) or of calls of @op.
 */
static u64 time_round(const struct bench *b, void (*op)(struct bench_ctx *),
		      bool empty, struct bench_ctx *ctx, unsigned long ops)
{
	unsigned long flags = 0;
	u64 start, end;

	if (!b->irqs_on)
		local_irq_save(flags);
	if (b->loop) {
		start = 0;
		end = b->loop(ctx, ops, empty);
	} else {
		start = rdtsc();
		for (ctx->i = 0; ctx->i < ops; ctx->i++)
			op(ctx);
		end = rdtsc();
	}
	if (!b->irqs_on)
		local_irq_restore(flags);
	return end - start;
}

static u64 median(u64 *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			u64 tmp = v[j];

			v[j] = v[j - 1];
			v[j - 1] = tmp;
		}
	return v[n / 2];
}

/* What costs beyond instructions, counted on every CPU. */
struct bench_counts {
	unsigned long invlpg, full, ipis;
};

static void read_counts(struct bench_counts *c)
{
	unsigned int cpu;

	*c = (struct bench_counts){ 0, 0, 0 };
	for_each_possible_cpu(cpu) {
		c->invlpg += READ_ONCE(per_cpu(tlb_flush_stat, cpu).one);
		c->full += READ_ONCE(per_cpu(tlb_flush_stat, cpu).all);
		c->ipis += READ_ONCE(per_cpu(irq_stat, cpu).resched) +
			   READ_ONCE(per_cpu(irq_stat, cpu).call_function);
	}
}

/*
 * Median round of @ops calls, in TSC ticks; @counts (if not NULL) gets
 * what the measured rounds did together.
 */
static u64 measure(const struct bench *b, void (*op)(struct bench_ctx *),
		   bool empty, struct bench_ctx *ctx, unsigned long ops,
		   struct bench_counts *counts)
{
	struct bench_counts before;
	u64 rounds[BENCH_ROUNDS];

	time_round(b, op, empty, ctx, ops / 10 + 1); /* warm-up */
	read_counts(&before);
	for (int r = 0; r < BENCH_ROUNDS; r++)
		rounds[r] = time_round(b, op, empty, ctx, ops);
	if (counts) {
		read_counts(counts);
		counts->invlpg -= before.invlpg;
		counts->full -= before.full;
		counts->ipis -= before.ipis;
	}
	return median(rounds, BENCH_ROUNDS);
}

/* The variants named for highmem ("highmem", "high_to_low", ...) need it. */
static bool bench_needs_highmem(const struct bench *b)
{
	return strstr(b->variant, "high") != NULL;
}

static bool selected(const struct bench *b, const char *pattern)
{
	char full[64];

	if (!strcmp(pattern, "all") || !strcmp(pattern, "quick"))
		return !b->explicit;
	snprintf(full, sizeof(full), "%s/%s", b->name, b->variant);
	return glob_match(pattern, b->name) || glob_match(pattern, full);
}

/* Hundredths, printed as N.NN. */
static void print_fixed(char *buf, size_t size, u64 hundredths)
{
	snprintf(buf, size, "%llu.%02llu", (unsigned long long)(hundredths / 100),
		 (unsigned long long)(hundredths % 100));
}

/*
 * @count per operation of @rounds_ops, with four decimals: a flush once
 * per lap of the pkmap pool is 0.0020 per kmap.
 */
static void print_per_op(char *buf, size_t size, unsigned long count,
			 u64 rounds_ops)
{
	u64 x10000 = (u64)count * 10000 / rounds_ops;

	snprintf(buf, size, "%llu.%04llu", (unsigned long long)(x10000 / 10000),
		 (unsigned long long)(x10000 % 10000));
}

static void run_one(const struct bench *b, bool quick)
{
	struct bench_ctx ctx = { NULL, 0, b->arg, 1 };
	unsigned long ops = quick ? b->ops / QUICK_DIVISOR + 1 : b->ops;
	u64 total, empty, per_op_x100, ns_x100, all_ops;
	char per_op[24], ns[24], invl[24], full[24], ipis[24];
	struct bench_counts counts;

	if (bench_needs_highmem(b) && !populated_zone(&zones[ZONE_HIGHMEM])) {
		printk("bench: %s/%s: skipped (no HighMem on this machine)\n",
		       b->name, b->variant);
		return;
	}
	if (b->setup && b->setup(&ctx)) {
		printk("bench: %s/%s: setup failed, skipped\n", b->name,
		       b->variant);
		return;
	}
	total = measure(b, b->op, false, &ctx, ops, &counts);
	empty = measure(b, b->baseline ? b->baseline : empty_op, true, &ctx,
			ops, NULL);
	if (b->teardown)
		b->teardown(&ctx);
	total = total > empty ? total - empty : 0;
	if (!ctx.batch)
		ctx.batch = 1;
	per_op_x100 = total * 100 / ops / ctx.batch;
	ns_x100 = per_op_x100 * 1000 / tsc_per_us;
	all_ops = (u64)ops * ctx.batch * BENCH_ROUNDS;
	print_fixed(per_op, sizeof(per_op), per_op_x100);
	print_fixed(ns, sizeof(ns), ns_x100);
	print_per_op(invl, sizeof(invl), counts.invlpg, all_ops);
	print_per_op(full, sizeof(full), counts.full, all_ops);
	print_per_op(ipis, sizeof(ipis), counts.ipis, all_ops);
	printk("  %-24s %-10s %8lu %12s %12s %8s %8s %8s\n", b->name,
	       b->variant, ops * ctx.batch, per_op, ns, invl, full, ipis);
	printk("bench: %s,%s,%lu,%s,%s,%s,%s,%s\n", b->name, b->variant,
	       ops * ctx.batch, per_op, ns, invl, full, ipis);
}

static int bench_cmp(const struct bench *a, const struct bench *b)
{
	int c = strcmp(a->name, b->name);

	return c ? c : strcmp(a->variant, b->variant);
}

/* The benchmarks in (name, variant) order, whatever the link order. */
static const struct bench *next_bench(const struct bench *prev)
{
	const struct bench *next = NULL;

	for (const struct bench *b = __benches_start; b < __benches_end; b++)
		if ((!prev || bench_cmp(b, prev) > 0) &&
		    (!next || bench_cmp(b, next) < 0))
			next = b;
	return next;
}

static unsigned int count_selected(const char *pattern)
{
	const struct bench *b = NULL;
	unsigned int n = 0;

	while ((b = next_bench(b)))
		n += selected(b, pattern);
	return n;
}

int bench_run(const char *pattern)
{
	bool quick = !strcmp(pattern, "quick");
	const struct bench *b = NULL;
	unsigned int n = 0;

	/* quick:GLOB: the matching benchmarks at 1/QUICK_DIVISOR of their ops. */
	if (!strncmp(pattern, "quick:", 6) && pattern[6]) {
		quick = true;
		pattern += 6;
	}
	if (!count_selected(pattern)) {
		printk("bench: no benchmark matches '%s' (`bench list` names "
		       "them)\n", pattern);
		return -ENOENT;
	}
	/*
	 * The struct pages still to be written would be written inside
	 * the timed rounds (on the spot), or beside them by the threads,
	 * whose instructions -icount counts too: finish them first.
	 */
	deferred_init_finish();
	calibrate_tsc();
	printk("bench: running '%s'%s on %u CPUs (TSC %lu per us; %d rounds, "
	       "median, empty loop subtracted)\n", pattern,
	       quick ? " quick" : "", num_online_cpus(), tsc_per_us,
	       BENCH_ROUNDS);
	printk("  %-24s %-10s %8s %12s %12s %8s %8s %8s\n", "benchmark",
	       "variant", "ops", "tsc/op", "ns/op", "invlpg", "flushall",
	       "ipis");
	while ((b = next_bench(b))) {
		if (!selected(b, pattern))
			continue;
		run_one(b, quick);
		n++;
	}
	printk("bench: finished %u benchmarks\n", n);
	return 0;
}

/* bench=all|quick|NAME: run the matching benchmarks once the kernel is up. */
static char bench_pattern[CMDLINE_PATTERN_MAX];
BOOT_PARAM_PATTERN("bench", bench_pattern,
		   "bench=all|NAME   run benchmarks");

static int bench_boot_work(void)
{
	return bench_pattern[0] && bench_run(bench_pattern) ? 1 : 0;
}
BOOT_WORK("bench", BOOT_WORK_BENCH, bench_boot_work);

static void bench_list(void)
{
	const struct bench *b = NULL;

	while ((b = next_bench(b)))
		printk("  %s/%s%s%s\n", b->name, b->variant,
		       bench_needs_highmem(b) ? " (needs HighMem)" : "",
		       b->explicit ? " (only when named)" : "");
}

static int cmd_bench(int argc, char **argv)
{
	if (argc != 2)
		return shell_usage(argv[0]);
	if (!strcmp(argv[1], "list")) {
		bench_list();
		return 0;
	}
	return bench_run(argv[1]);
}
SHELL_COMMAND("bench", "all|quick|list|PATTERN|quick:PATTERN", "run benchmarks",
	      cmd_bench);
