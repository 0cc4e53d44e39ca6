/* SPDX-License-Identifier: MIT */
/*
 * In-kernel tests, KUnit-like. A test is a function registered with
 *
 *     KTEST(suite, name)
 *     {
 *             KT_EXPECT_EQ(t, 2 + 2, 4);
 *     }
 *
 * and runs when the command line says ktest=all or ktest=PATTERN
 * (matched against "suite.name", shell wildcards allowed). EXPECT
 * checks record a failure and go on; ASSERT checks also end the test.
 */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include "kernel/compiler.h"
#include "kernel/printk.h"

struct ktest_ctx {
	const char *name;
	unsigned int failures;
};

struct ktest {
	const char *name;
	void (*fn)(struct ktest_ctx *t);
};

#define KTEST(suite, name)                                              \
	static void ktest_##suite##_##name(struct ktest_ctx *t);        \
	static const struct ktest ktest_desc_##suite##_##name           \
		__section(".ktests") __used __aligned(4) = {            \
			#suite "." #name, ktest_##suite##_##name        \
		};                                                      \
	static void ktest_##suite##_##name(struct ktest_ctx *t)

bool ktest_check(struct ktest_ctx *t, bool ok, const char *file, int line,
		 const char *fmt, ...) __printf(5, 6);
bool ktest_check_eq(struct ktest_ctx *t, const char *file, int line,
		    const char *op, const char *a_text, const char *b_text,
		    u64 a, u64 b, bool ok, bool is_signed);
bool ktest_check_str(struct ktest_ctx *t, const char *file, int line,
		     const char *a_text, const char *b_text, const char *a,
		     const char *b);

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

/*
 * ktest_run - run every test whose name matches @pattern ("all" = all)
 * Context: thread context, after boot. Return: the number of failures.
 */
unsigned int ktest_run(const char *pattern);

/* List the registered tests. */
void ktest_list(void);

#endif /* KERNEL_KTEST_H */
