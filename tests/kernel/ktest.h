/* SPDX-License-Identifier: MIT */
/*
 * In-kernel tests, KUnit-like. A test is a function registered with
 *
 *     KTEST(suite, name)
 *     {
 *             struct page *p = kt_alloc_pages(t, GFP_KERNEL, 0);
 *
 *             KT_REQUIRE_NOT_NULL(t, p);      no memory: SKIP, not FAIL
 *             KT_EXPECT_EQ(t, page_count(p), 1);
 *     }                                       p is freed by the runner
 *
 * and runs when the command line says ktest=all or ktest=PATTERN
 * (matched against "suite.name", shell wildcards allowed), or from the
 * shell's `ktest`. Tests run in name order, suite by suite; a suite may
 * declare an init and an exit run around each of its tests
 * (KTEST_SUITE), for the global switches its tests flip.
 *
 * EXPECT checks record a failure and go on; ASSERT checks also end the
 * test; KT_SKIP ends it as skipped, with a reason, for what this machine
 * lacks. Either way, what the test registered with ktest_defer (its
 * pages, its objects) is released after it returns, last first.
 *
 * Results are printed in KTAP version 1, one nested block per suite:
 *
 *     KTAP version 1
 *     1..2
 *         KTAP version 1
 *         # Subtest: highmem
 *         1..3
 *         ok 1 kmap_and_kmap_atomic_agree
 *         ok 2 pages_above_4g # SKIP no RAM above 4 GiB on this machine
 *         not ok 3 wrap_flush_never_shows_an_old_page
 *     not ok 1 highmem
 *     ...
 *     # ktest: 41 passed, 1 failed, 1 skipped
 */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include "kernel/spinlock.h"
#include "kernel/lib/compiler.h"
#include "kernel/printk.h"

#define KTEST_MAX_DEFERRED 64
#define KTEST_SKIP_REASON_LEN 96

struct ktest_deferred {
	void (*fn)(void *arg);
	void *arg;
};

/*
 * One running test. Its checks may run on several CPUs at once
 * (kt_smp.h): @lock guards the failure count, the skip and the
 * deferred clean-ups.
 */
struct ktest_ctx {
	const char *name;
	spinlock_t lock;
	unsigned int failures;
	bool skipped;
	char skip_reason[KTEST_SKIP_REASON_LEN];
	unsigned int nr_deferred;
	struct ktest_deferred deferred[KTEST_MAX_DEFERRED];
	void *priv; /* for the suite's init and exit */
};

struct ktest {
	const char *name; /* "suite.test" */
	void (*fn)(struct ktest_ctx *t);
};

/* Per-suite hooks: init before each test of the suite, exit after it. */
struct ktest_suite {
	const char *name;
	void (*init)(struct ktest_ctx *t);
	void (*exit)(struct ktest_ctx *t);
};

#define KTEST(suite, name)                                              \
	static void ktest_##suite##_##name(struct ktest_ctx *t);        \
	static const struct ktest ktest_desc_##suite##_##name           \
		__section(".ktests") __used __aligned(4) = {            \
			#suite "." #name, ktest_##suite##_##name        \
		};                                                      \
	static void ktest_##suite##_##name(struct ktest_ctx *t)

#define KTEST_SUITE(suite, init_, exit_)                                \
	static const struct ktest_suite ktest_suite_##suite             \
		__section(".ktest_suites") __used __aligned(4) = {      \
			#suite, init_, exit_                            \
		}

bool ktest_check(struct ktest_ctx *t, bool ok, const char *file, int line,
		 const char *fmt, ...) __printf(5, 6);
bool ktest_check_eq(struct ktest_ctx *t, const char *file, int line,
		    const char *op, const char *a_text, const char *b_text,
		    u64 a, u64 b, bool ok, bool is_signed);
bool ktest_check_str(struct ktest_ctx *t, const char *file, int line,
		     const char *a_text, const char *b_text, const char *a,
		     const char *b);

/**
 * ktest_skip - end the test as skipped, for the reason given
 * @t: the test
 * @fmt: why, printf-style: what this machine lacks
 *
 * Use through KT_SKIP, which also returns from the test.
 * Context: the test's thread.
 */
void ktest_skip(struct ktest_ctx *t, const char *fmt, ...) __printf(2, 3);

/**
 * ktest_note - print a diagnostic line ("# ...") in the test's output
 * @t: the test
 * @fmt: the line, without the newline
 * @...: the arguments of @fmt
 *
 * For figures worth seeing in the log (how many objects crossed CPUs).
 * Context: the test, any thread.
 */
void ktest_note(struct ktest_ctx *t, const char *fmt, ...) __printf(2, 3);

/**
 * ktest_defer - run @fn(@arg) when the test ends, however it ends
 * @t: the test
 * @fn: the clean-up
 * @arg: passed to @fn
 *
 * Deferred calls run last first, after the test function and before the
 * suite's exit. With KTEST_MAX_DEFERRED already queued, @fn runs at once
 * and the test fails. Context: the test's thread.
 * Return: true if queued.
 */
bool ktest_defer(struct ktest_ctx *t, void (*fn)(void *arg), void *arg);

/**
 * ktest_release - run a deferred call now instead of at the end
 * @t: the test
 * @fn: as given to ktest_defer
 * @arg: as given to ktest_defer
 *
 * Context: the test's thread. Return: true if the call was queued.
 */
bool ktest_release(struct ktest_ctx *t, void (*fn)(void *arg), void *arg);

/* Both operands signed: compare as s64; otherwise as u64. */
#define KT_IS_SIGNED_(x) (!((__typeof__(x))-1 > 0))
#define KT_CMP_(t, a, b, op)                                                 \
	({                                                                   \
		__typeof__(a) __a = (a);                                     \
		__typeof__(b) __b = (b);                                     \
		bool __s = KT_IS_SIGNED_(__a) && KT_IS_SIGNED_(__b);         \
		bool __ok = __s ? (s64)__a op (s64)__b                       \
				: (u64)__a op (u64)__b;                      \
		ktest_check_eq(t, __FILE__, __LINE__, #op, #a, #b, (u64)__a, \
			       (u64)__b, __ok, __s);                         \
	})

#define KT_EXPECT_EQ(t, a, b) KT_CMP_(t, a, b, ==)
#define KT_EXPECT_NE(t, a, b) KT_CMP_(t, a, b, !=)
#define KT_EXPECT_LT(t, a, b) KT_CMP_(t, a, b, <)
#define KT_EXPECT_LE(t, a, b) KT_CMP_(t, a, b, <=)
#define KT_EXPECT_GT(t, a, b) KT_CMP_(t, a, b, >)
#define KT_EXPECT_GE(t, a, b) KT_CMP_(t, a, b, >=)
#define KT_EXPECT_TRUE(t, c) \
	ktest_check(t, !!(c), __FILE__, __LINE__, "expected %s", #c)
#define KT_EXPECT_FALSE(t, c) \
	ktest_check(t, !(c), __FILE__, __LINE__, "expected !(%s)", #c)
#define KT_EXPECT_NULL(t, p) KT_EXPECT_EQ(t, (uintptr_t)(p), 0)
#define KT_EXPECT_NOT_NULL(t, p) KT_EXPECT_NE(t, (uintptr_t)(p), 0)
#define KT_EXPECT_STREQ(t, a, b) \
	ktest_check_str(t, __FILE__, __LINE__, #a, #b, (a), (b))

/* The ASSERT forms return from the test function when they fail. */
#define KT_ASSERT_(check) \
	do {              \
		if (!(check)) \
			return; \
	} while (0)
#define KT_ASSERT_EQ(t, a, b) KT_ASSERT_(KT_EXPECT_EQ(t, a, b))
#define KT_ASSERT_NE(t, a, b) KT_ASSERT_(KT_EXPECT_NE(t, a, b))
#define KT_ASSERT_TRUE(t, c) KT_ASSERT_(KT_EXPECT_TRUE(t, c))
#define KT_ASSERT_FALSE(t, c) KT_ASSERT_(KT_EXPECT_FALSE(t, c))
#define KT_ASSERT_NOT_NULL(t, p) KT_ASSERT_(KT_EXPECT_NOT_NULL(t, p))

/* End the test as skipped (and return from it). */
#define KT_SKIP(t, fmt, ...)                          \
	do {                                          \
		ktest_skip(t, fmt, ##__VA_ARGS__);    \
		return;                               \
	} while (0)

/* A resource the test needs and could not get: skip, do not fail. */
#define KT_REQUIRE_NOT_NULL(t, p)                                     \
	do {                                                          \
		if (!(p))                                             \
			KT_SKIP(t, "could not get %s (out of memory)", #p); \
	} while (0)

/**
 * ktest_run - run every test whose name matches @pattern ("all": all)
 * @pattern: a glob on "suite.test", or a suite name alone
 *
 * Fault injection (fail_page_alloc=, failslab=) is paused meanwhile:
 * the tests check the allocators, not how callers cope with failures.
 * Context: thread, after boot. Return: the number of failed tests (a
 * pattern that matches nothing counts as one).
 */
unsigned int ktest_run(const char *pattern);

/**
 * ktest_list - print the name of every registered test
 *
 * Context: any.
 */
void ktest_list(void);

/**
 * kt_xorshift - the next number of a test's xorshift32 sequence
 * @state: the sequence's state, seeded non-zero; updated
 *
 * Not random at all, which is the point: a failing test repeats with
 * the same seed.
 * Context: any.
 * Return: the new state, never zero.
 */
static inline u32 kt_xorshift(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

#endif /* KERNEL_KTEST_H */
