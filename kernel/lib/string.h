/* SPDX-License-Identifier: MIT */
/* The C string and memory functions the freestanding kernel provides. */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include "kernel/lib/types.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);

/* Copy at most @size - 1 bytes and always terminate; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);

/*
 * memchr_inv - the first of @n bytes at @p that is not @c, or NULL if
 * all are: for checking poison patterns and red zones. Context: any.
 */
void *memchr_inv(const void *p, int c, size_t n);

/* True if the NUL-terminated @s starts with @prefix. */
bool str_has_prefix(const char *s, const char *prefix);

/* Shell-style match of @name against @pattern ('*' and '?'). */
bool glob_match(const char *pattern, const char *name);

/*
 * table_next_by_name - walk a table in name order
 * @start, @end: the table; each entry begins with its `const char *name`
 * @prev: the entry returned last time, or NULL to get the first
 *
 * Lets linker-section tables (shell commands, tests) be listed sorted
 * without a sort buffer. O(n) per step. Return: the next entry or NULL.
 */
const void *table_next_by_name(const void *start, const void *end,
			       size_t entry_size, const void *prev);

#endif /* KERNEL_STRING_H */
