// SPDX-License-Identifier: MIT
/*
 * The benchmark runner (see tests/bench/bench.h). Output, one line per
 * benchmark, machine-readable for tools/bench.sh:
 *
 *   bench: NAME,VARIANT,OPS,TSC_PER_OP,NS_PER_OP
 *
 * TSC_PER_OP has two decimals; under qemu -icount shift=0 it is the
 * number of instructions per operation.
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
#include "mm/mmzone.h"
#include <asm/cpu.h>
#include <asm/irqflags.h>

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

/* One round: TSC ticks for @ops calls of @op. */
static u64 time_round(void (*op)(struct bench_ctx *), struct bench_ctx *ctx,
		      unsigned long ops, bool irqs_on)
{
	unsigned long flags = 0;
	u64 start, end;

	if (!irqs_on)
		local_irq_save(flags);
	start = rdtsc();
	for (ctx->i = 0; ctx->i < ops; ctx->i++)
		op(ctx);
	end = rdtsc();
	if (!irqs_on)
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

/* Median round of @ops calls, in TSC ticks. */
static u64 measure(const struct bench *b, void (*op)(struct bench_ctx *),
		   struct bench_ctx *ctx, unsigned long ops)
{
	u64 rounds[BENCH_ROUNDS];

	time_round(op, ctx, ops / 10 + 1, b->irqs_on); /* warm-up */
	for (int r = 0; r < BENCH_ROUNDS; r++)
		rounds[r] = time_round(op, ctx, ops, b->irqs_on);
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
		return true;
	snprintf(full, sizeof(full), "%s/%s", b->name, b->variant);
	return glob_match(pattern, b->name) || glob_match(pattern, full);
}

/* Hundredths, printed as N.NN. */
static void print_fixed(char *buf, size_t size, u64 hundredths)
{
	snprintf(buf, size, "%llu.%02llu", (unsigned long long)(hundredths / 100),
		 (unsigned long long)(hundredths % 100));
}

static void run_one(const struct bench *b, bool quick)
{
	struct bench_ctx ctx = { NULL, 0, b->arg };
	unsigned long ops = quick ? b->ops / QUICK_DIVISOR + 1 : b->ops;
	u64 total, empty, per_op_x100, ns_x100;
	char per_op[24], ns[24];

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
	total = measure(b, b->op, &ctx, ops);
	empty = measure(b, empty_op, &ctx, ops);
	if (b->teardown)
		b->teardown(&ctx);
	total = total > empty ? total - empty : 0;
	per_op_x100 = total * 100 / ops;
	ns_x100 = per_op_x100 * 1000 / tsc_per_us;
	print_fixed(per_op, sizeof(per_op), per_op_x100);
	print_fixed(ns, sizeof(ns), ns_x100);
	printk("  %-24s %-10s %8lu %12s %12s\n", b->name, b->variant, ops,
	       per_op, ns);
	printk("bench: %s,%s,%lu,%s,%s\n", b->name, b->variant, ops, per_op, ns);
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

	if (!count_selected(pattern)) {
		printk("bench: no benchmark matches '%s' (`bench list` names "
		       "them)\n", pattern);
		return -ENOENT;
	}
	calibrate_tsc();
	printk("bench: running '%s' (TSC %lu per us; %d rounds, median, "
	       "empty loop subtracted)\n", pattern, tsc_per_us, BENCH_ROUNDS);
	printk("  %-24s %-10s %8s %12s %12s\n", "benchmark", "variant", "ops",
	       "tsc/op", "ns/op");
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
		printk("  %s/%s%s\n", b->name, b->variant,
		       bench_needs_highmem(b) ? " (needs HighMem)" : "");
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
SHELL_COMMAND("bench", "all|quick|list|PATTERN", "run benchmarks", cmd_bench);
