// SPDX-License-Identifier: MIT
/*
 * String helpers that are not (or not everywhere) in the C library,
 * shared by the command-line parser, the shell and the test runner. Kept
 * apart from string.c so that the host tests can build them.
 */
#include "kernel/lib/string.h"

void *memchr_inv(const void *p, int c, size_t n)
{
	const u8 *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i] != (u8)c)
			return (void *)(b + i);
	return NULL;
}

bool str_has_prefix(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return false;
	return true;
}

/*
 * Iterative glob: on a mismatch after a '*', retry with the star eating
 * one more character. Linear in practice, no recursion.
 */
bool glob_match(const char *pattern, const char *name)
{
	const char *star = NULL, *resume = NULL;

	while (*name) {
		if (*pattern == '*') {
			star = pattern++;
			resume = name;
		} else if (*pattern == '?' || *pattern == *name) {
			pattern++;
			name++;
		} else if (star) {
			pattern = star + 1;
			name = ++resume;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return *pattern == '\0';
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

const void *table_next_by_name(const void *start, const void *end,
			       size_t entry_size, const void *prev)
{
	const char *prev_name = prev ? *(const char *const *)prev : NULL;
	const void *next = NULL;

	for (const char *e = start; e < (const char *)end; e += entry_size) {
		const char *name = *(const char *const *)e;

		if ((!prev_name || strcmp(name, prev_name) > 0) &&
		    (!next || strcmp(name, *(const char *const *)next) < 0))
			next = e;
	}
	return next;
}
