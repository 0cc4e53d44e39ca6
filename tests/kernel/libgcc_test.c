// SPDX-License-Identifier: MIT
/*
 * The kernel's own libgcc helpers (kernel/arch/x86/libgcc.c): 64-bit
 * division and remainder, signed and unsigned, with divisors below and
 * above 2^32, and the bit counts. The operands go through volatile
 * variables, so that the compiler calls the helpers instead of folding.
 * The expected values were computed by Python's integers.
 */
#include "tests/kernel/ktest.h"

struct udiv_case {
	u64 n, d, q, r;
};

static const struct udiv_case udiv_cases[] = {
	{ 0x0ull, 0x1ull, 0x0ull, 0x0ull },
	{ 0x1ull, 0x1ull, 0x1ull, 0x0ull },
	{ 0xffffffffffffffffull, 0x1ull, 0xffffffffffffffffull, 0x0ull },
	{ 0xffffffffffffffffull, 0xffffffffull, 0x100000001ull, 0x0ull },
	{ 0xffffffffffffffffull, 0x100000000ull, 0xffffffffull, 0xffffffffull },
	{ 0x123456789abcdef0ull, 0xaull, 0x1d208a5a912e318ull, 0x0ull },
	{ 0x123456789abcdef0ull, 0x12345678ull, 0x100000008ull, 0x91a2b30ull },
	{ 0x123456789abcdef0ull, 0x1000000000ull, 0x1234567ull, 0x89abcdef0ull },
	{ 0x123456789abcdef0ull, 0x123456789abcdef1ull, 0x0ull, 0x123456789abcdef0ull },
	{ 0x8000000000000000ull, 0xffffffffffffffffull, 0x0ull, 0x8000000000000000ull },
	{ 0xffffffffffffffffull, 0x8000000000000001ull, 0x1ull, 0x7ffffffffffffffeull },
	{ 0x8000000000000000ull, 0x3ull, 0x2aaaaaaaaaaaaaaaull, 0x2ull },
	{ 0xf40000000ull, 0x1000ull, 0xf40000ull, 0x0ull },
	{ 0xdeadbeefcafebabeull, 0xfeedface00000001ull, 0x0ull, 0xdeadbeefcafebabeull },
};

struct sdiv_case {
	s64 n, d, q, r;
};

/* C division truncates: the remainder has the dividend's sign. */
static const struct sdiv_case sdiv_cases[] = {
	{ -7ll, 2ll, -3ll, -1ll },
	{ 7ll, -2ll, -3ll, 1ll },
	{ -7ll, -2ll, 3ll, -1ll },
	{ -4611686018427387904ll, 3ll, -1537228672809129301ll, -1ll },
	{ 4611686018427387909ll, -8589934592ll, -536870912ll, 5ll },
	{ -1ll, 1099511627776ll, 0ll, -1ll },
	{ -9223372036854775807ll, -1ll, 9223372036854775807ll, 0ll },
};

KTEST(libgcc, unsigned_64_bit_division)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(udiv_cases); i++) {
		volatile u64 n = udiv_cases[i].n, d = udiv_cases[i].d;

		KT_EXPECT_EQ(t, n / d, udiv_cases[i].q);
		KT_EXPECT_EQ(t, n % d, udiv_cases[i].r);
	}
}

KTEST(libgcc, signed_64_bit_division)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(sdiv_cases); i++) {
		volatile s64 n = sdiv_cases[i].n, d = sdiv_cases[i].d;

		KT_EXPECT_EQ(t, n / d, sdiv_cases[i].q);
		KT_EXPECT_EQ(t, n % d, sdiv_cases[i].r);
	}
}

KTEST(libgcc, bit_counts)
{
	volatile u32 w = 0xF0F0F0F1u;
	volatile u64 x = 0x8000000100000000ull, y = 0xFFFFFFFFFFFFFFFFull;

	KT_EXPECT_EQ(t, __builtin_popcount(w), 17);
	KT_EXPECT_EQ(t, __builtin_popcountll(x), 2);
	KT_EXPECT_EQ(t, __builtin_popcountll(y), 64);
	KT_EXPECT_EQ(t, __builtin_ctzll(x), 32);
	KT_EXPECT_EQ(t, __builtin_ctzll(y), 0);
}
