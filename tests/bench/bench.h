/* SPDX-License-Identifier: MIT */
/*
 * In-kernel benchmarks. A benchmark is registered with
 *
 *     BENCH(kmap_atomic, highmem, setup, op, teardown, ops)
 *
 * and measured as: setup(ctx); warm-up; then BENCH_ROUNDS rounds of `ops`
 * calls of op(ctx), interrupts off, timed with rdtsc; the cost of the
 * same loop around an empty op is subtracted; the median round is kept.
 * Under `qemu -icount shift=0` rdtsc counts guest instructions, so the
 * figures are exact and repeatable; under plain TCG they are time. With
 * several CPUs under -icount the guest clock counts the instructions of
 * every CPU, so an IPI's handler on another CPU is part of the cost.
 * Beside the time, the runner reports the TLB flushes (invlpg, full
 * flushes) and the IPIs per operation, summed over all CPUs, over the
 * measured rounds: software counters, exact in any run.
 *
 * A setup may set ctx->batch: each call of op then does that many
 * operations (a benchmark that runs threads on every CPU, say), and the
 * figures are per operation. BENCH_EXPLICIT benchmarks run only when
 * named, not in "all" or "quick".
 */
#ifndef KERNEL_BENCH_H
#define KERNEL_BENCH_H

#include "kernel/lib/compiler.h"

#define BENCH_ROUNDS 5

struct bench_ctx {
	void *data; /* set by setup, for op and teardown */
	unsigned long i; /* the op's index within its round */
	unsigned long arg; /* the benchmark's parameter */
	unsigned long batch; /* operations per call of op (setup; default 1) */
};

struct bench {
	const char *name;    /* e.g. "kmap_atomic" */
	const char *variant; /* "lowmem", "highmem", "order3", "64B", ... */
	int (*setup)(struct bench_ctx *ctx);
	void (*op)(struct bench_ctx *ctx);
	void (*teardown)(struct bench_ctx *ctx);
	unsigned long ops; /* per round */
	unsigned long arg;
	bool irqs_on;	   /* op may sleep: measure with interrupts on */
	bool explicit;	   /* only when named: not in "all" or "quick" */
	/* What to subtract instead of the empty loop (NULL: the empty loop). */
	void (*baseline)(struct bench_ctx *ctx);
};

#define __BENCH(name_, variant_, setup_, op_, teardown_, ops_, arg_, irqs_, \
		explicit_)                                                  \
	static const struct bench bench_##name_##_##variant_                \
		__section(".benches") __used __aligned(4) = {               \
			#name_, #variant_, setup_, op_, teardown_, ops_,    \
			arg_, irqs_, explicit_, NULL                        \
		}

/*
 * An op that may sleep, measured against @baseline_ (the same work
 * without what is measured) rather than the empty loop.
 */
#define BENCH_BASELINE(name_, variant_, setup_, op_, baseline_, ops_, arg_)  \
	static const struct bench bench_##name_##_##variant_                \
		__section(".benches") __used __aligned(4) = {               \
			.name = #name_, .variant = #variant_,               \
			.setup = setup_, .op = op_, .ops = ops_,            \
			.arg = arg_, .irqs_on = true, .baseline = baseline_ \
		}

#define BENCH_FULL(name_, variant_, setup_, op_, teardown_, ops_, arg_, irqs_) \
	__BENCH(name_, variant_, setup_, op_, teardown_, ops_, arg_, irqs_, false)

#define BENCH_EXPLICIT(name_, variant_, setup_, op_, teardown_, ops_, arg_) \
	__BENCH(name_, variant_, setup_, op_, teardown_, ops_, arg_, true, true)

#define BENCH(name_, variant_, setup_, op_, teardown_, ops_, arg_) \
	BENCH_FULL(name_, variant_, setup_, op_, teardown_, ops_, arg_, false)

/**
 * bench_run - run every benchmark whose "name" or "name/variant" matches
 * @pattern: "all", "quick" (every benchmark at 1/100 of its ops), a glob,
 *           or "quick:GLOB" (the matching ones at 1/100)
 *
 * Prints a table and one CSV line per benchmark. A variant whose name
 * contains "high" measures highmem pages; on a machine without HighMem
 * it is reported as skipped, never measured on lowmem.
 * Context: thread.
 * Return: 0, or -ENOENT if no benchmark matches.
 */
int bench_run(const char *pattern);

/* TSC ticks per microsecond, measured against the PIT at boot. */
extern unsigned long tsc_per_us;

#endif /* KERNEL_BENCH_H */
