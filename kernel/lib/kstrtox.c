// SPDX-License-Identifier: MIT
/* Number parsing for the command line and the shell. */
#include "kernel/lib/kstrtox.h"
#include "kernel/lib/errno.h"

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* Parse digits at @s, stopping at the first non-digit; *end points there. */
static int parse_digits(const char *s, unsigned int base, const char **end,
			unsigned long long *res)
{
	unsigned long long val = 0;
	const char *p;

	if (base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
		    digit_value(s[2]) < 16) {
			base = 16;
			s += 2;
		} else if (s[0] == '0' && s[1]) {
			base = 8;
		} else {
			base = 10;
		}
	} else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
	}
	for (p = s; digit_value(*p) < (int)base; p++) {
		unsigned int d = digit_value(*p);

		if (val > (~0ull - d) / base)
			return -ERANGE;
		val = val * base + d;
	}
	if (p == s)
		return -EINVAL;
	*end = p;
	*res = val;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	const char *end;
	int err = parse_digits(s, base, &end, res);

	if (err)
		return err;
	return *end ? -EINVAL : 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > (unsigned long)~0ul)
		return -ERANGE;
	*res = (unsigned long)v;
	return 0;
}

static unsigned int size_suffix_shift(char c)
{
	switch (c) {
	case 'k': case 'K': return 10;
	case 'm': case 'M': return 20;
	case 'g': case 'G': return 30;
	case 't': case 'T': return 40;
	default: return 0;
	}
}

int parse_size(const char *s, const char **end, u64 *res)
{
	unsigned long long val;
	const char *p;
	unsigned int shift;
	int err = parse_digits(s, 0, &p, &val);

	if (err)
		return err;
	shift = size_suffix_shift(*p);
	if (shift) {
		if (val > (~0ull >> shift))
			return -ERANGE;
		val <<= shift;
		p++;
	}
	if (end)
		*end = p;
	else if (*p)
		return -EINVAL;
	*res = val;
	return 0;
}
