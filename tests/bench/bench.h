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
#include <asm/cpu.h>

/* The time-stamp counter, in a form the loops of BENCH_INLINE share. */
static inline u64 bench_tsc(void)
{
	return rdtsc();
}

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
	/*
	 * BENCH_INLINE: the timed loop itself, with the operation inlined
	 * (@empty: the same loop without it). NULL: op is called.
	 */
	u64 (*loop)(struct bench_ctx *ctx, unsigned long ops, bool empty);
};

#define __BENCH(name_, variant_, setup_, op_, teardown_, ops_, arg_, irqs_, \
		explicit_)                                                  \
	static const struct bench bench_##name_##_##variant_                \
		__section(".benches") __used __aligned(4) = {               \
			#name_, #variant_, setup_, op_, teardown_, ops_,    \
			arg_, irqs_, explicit_, NULL, NULL                  \
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

/*
 * A benchmark whose operation is inlined into the timed loop: what is
 * measured is the operation as a caller's code runs it, without the call
 * of an op function and its argument fetched from ctx (which cost 4 to
 * 11 instructions, more than some fast paths themselves). @prepare_(ctx)
 * gives the operand once, before the rounds; every iteration hides it
 * from the optimiser (an empty asm that "changes" it), so nothing of the
 * operation can be hoisted out of the loop or folded across iterations,
 * and runs @op_(operand). The same loop with only the hiding is the
 * empty loop subtracted. The Linux module of `make bench-linux` measures
 * its operations the same way.
 */
#define BENCH_INLINE_FULL(name_, variant_, setup_, prepare_, op_,          \
			  teardown_, ops_, arg_, irqs_)                     \
	static u64 bench_loop_##name_##_##variant_(struct bench_ctx *ctx,   \
						   unsigned long ops,       \
						   bool empty)              \
	{                                                                   \
		unsigned long x = prepare_(ctx);                            \
		u64 start;                                                  \
									    \
		if (empty) {                                                \
			start = bench_tsc();                                \
			for (unsigned long i = ops; i; i--) {               \
				unsigned long y = x;                        \
				OPTIMIZER_HIDE_VAR(y);                      \
			}                                                   \
			return bench_tsc() - start;                         \
		}                                                           \
		start = bench_tsc();                                        \
		for (unsigned long i = ops; i; i--) {                       \
			unsigned long y = x;                                \
			OPTIMIZER_HIDE_VAR(y);                              \
			op_(y);                                             \
		}                                                           \
		return bench_tsc() - start;                                 \
	}                                                                   \
	static const struct bench bench_##name_##_##variant_                \
		__section(".benches") __used __aligned(4) = {               \
			.name = #name_, .variant = #variant_,               \
			.setup = setup_, .teardown = teardown_,             \
			.ops = ops_, .arg = arg_, .irqs_on = irqs_,         \
			.loop = bench_loop_##name_##_##variant_             \
		}

#define BENCH_INLINE(name_, variant_, setup_, prepare_, op_, teardown_,     \
		     ops_, arg_)                                            \
	BENCH_INLINE_FULL(name_, variant_, setup_, prepare_, op_, teardown_, \
			  ops_, arg_, false)

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
