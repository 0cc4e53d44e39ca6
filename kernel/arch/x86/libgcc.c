// SPDX-License-Identifier: MIT
/*
 * The helpers GCC calls where i686 has no instruction: `/` and `%` on
 * u64 and s64, and popcount and count-trailing-zeros of wide values.
 * They are libgcc's names, but the kernel does not link libgcc: it is built with -mregparm=3, and GCC passes the first
 * arguments of these helpers in registers then, which Debian's libgcc
 * (built for the ordinary stack convention) does not expect. Compiled
 * with the kernel's flags, these definitions take their arguments where
 * the kernel's calls put them.
 *
 * A divisor below 2^32, the common case (a size, a rate, a base of ten),
 * is two hardware divisions; a wider one, whose quotient then fits in 32
 * bits, is long division over the 32 possible quotient bits.
 */
#include "kernel/lib/types.h"

u64 __udivmoddi4(u64 n, u64 d, u64 *rem);
s64 __divmoddi4(s64 n, s64 d, s64 *rem);
u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
s64 __divdi3(s64 n, s64 d);
s64 __moddi3(s64 n, s64 d);
int __popcountsi2(unsigned int x);
int __popcountdi2(u64 x);
int __ctzdi2(u64 x);

/* (@hi:@lo) / @d with @hi < @d, so that the quotient fits: one divl. */
static inline u32 divl(u32 hi, u32 lo, u32 d, u32 *rem)
{
	u32 q, r;

	__asm__("divl %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d));
	*rem = r;
	return q;
}

static u64 div_by_u32(u64 n, u32 d, u64 *rem)
{
	u32 hi = (u32)(n >> 32), lo = (u32)n, r;
	u32 qhi = 0, qlo;

	if (hi >= d) {
		qhi = hi / d; /* a 32-bit division: no helper */
		hi %= d;
	}
	qlo = divl(hi, lo, d, &r);
	if (rem)
		*rem = r;
	return ((u64)qhi << 32) | qlo;
}

/* @d >= 2^32: the quotient is below 2^32. */
static u64 div_wide(u64 n, u64 d, u64 *rem)
{
	u32 q = 0;
	int shift = __builtin_clz((u32)(d >> 32));

	/* Align d's top bit with bit 63, then one quotient bit a step. */
	d <<= shift;
	for (int i = shift; i >= 0; i--) {
		q <<= 1;
		if (n >= d) {
			n -= d;
			q |= 1;
		}
		d >>= 1;
	}
	if (rem)
		*rem = n;
	return q;
}

u64 __udivmoddi4(u64 n, u64 d, u64 *rem)
{
	if (!(d >> 32))
		return div_by_u32(n, (u32)d, rem);
	return div_wide(n, d, rem);
}

u64 __udivdi3(u64 n, u64 d)
{
	return __udivmoddi4(n, d, NULL);
}

u64 __umoddi3(u64 n, u64 d)
{
	u64 r;

	__udivmoddi4(n, d, &r);
	return r;
}

/* Truncating division: the remainder has the sign of @n, as C says. */
s64 __divmoddi4(s64 n, s64 d, s64 *rem)
{
	u64 un = n < 0 ? -(u64)n : (u64)n, ud = d < 0 ? -(u64)d : (u64)d;
	u64 ur, uq = __udivmoddi4(un, ud, &ur);

	if (rem)
		*rem = n < 0 ? -(s64)ur : (s64)ur;
	return (n < 0) != (d < 0) ? -(s64)uq : (s64)uq;
}

s64 __divdi3(s64 n, s64 d)
{
	return __divmoddi4(n, d, NULL);
}

s64 __moddi3(s64 n, s64 d)
{
	s64 r;

	__divmoddi4(n, d, &r);
	return r;
}

/* Bits set, by adding neighbouring fields: 2, 4, then 8 bits wide. */
int __popcountsi2(unsigned int x)
{
	x = x - ((x >> 1) & 0x55555555u);
	x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0Fu;
	return (int)((x * 0x01010101u) >> 24);
}

int __popcountdi2(u64 x)
{
	return __popcountsi2((u32)x) + __popcountsi2((u32)(x >> 32));
}

/* Undefined for 0, as __builtin_ctzll. bsf on a 32-bit half is inline. */
int __ctzdi2(u64 x)
{
	if ((u32)x)
		return __builtin_ctz((u32)x);
	return 32 + __builtin_ctz((u32)(x >> 32));
}
