/* SPDX-License-Identifier: MIT */
/* The C string and memory functions the freestanding kernel provides. */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include "kernel/lib/types.h"

/**
 * memcpy - copy @n bytes from @src to @dst
 * @dst: the destination
 * @src: the source; must not overlap @dst (use memmove)
 * @n: the number of bytes
 *
 * The compiler may emit calls to it for struct copies.
 * Context: any. Return: @dst.
 */
void *memcpy(void *dst, const void *src, size_t n);

/**
 * memmove - copy @n bytes from @src to @dst, which may overlap
 * @dst: the destination
 * @src: the source
 * @n: the number of bytes
 *
 * Context: any. Return: @dst.
 */
void *memmove(void *dst, const void *src, size_t n);

/**
 * memset - fill @n bytes at @dst with the byte @c
 * @dst: the destination
 * @c: the fill value; only its low byte is used
 * @n: the number of bytes
 *
 * Context: any. Return: @dst.
 */
void *memset(void *dst, int c, size_t n);

/**
 * memcmp - compare @n bytes of @a and @b
 * @a: one buffer
 * @b: the other
 * @n: the number of bytes
 *
 * Context: any.
 * Return: 0 if equal, else the difference of the first differing bytes
 * (as unsigned char).
 */
int memcmp(const void *a, const void *b, size_t n);

/**
 * strlen - the length of the string @s
 * @s: a NUL-terminated string
 *
 * Context: any. Return: the number of bytes before the NUL.
 */
size_t strlen(const char *s);

/**
 * strnlen - the length of @s, looking at no more than @max bytes
 * @s: a string, maybe not terminated within @max bytes
 * @max: the most bytes to look at
 *
 * Context: any. Return: strlen(@s), or @max if there is no NUL before it.
 */
size_t strnlen(const char *s, size_t max);

/**
 * strcmp - compare two strings
 * @a: one string
 * @b: the other
 *
 * Context: any.
 * Return: 0 if equal, negative if @a sorts first, positive otherwise.
 */
int strcmp(const char *a, const char *b);

/**
 * strncmp - compare at most @n bytes of two strings
 * @a: one string
 * @b: the other
 * @n: the most bytes to compare
 *
 * Context: any.
 * Return: 0 if the first @n bytes (or the strings) are equal, else the
 * sign of the first difference.
 */
int strncmp(const char *a, const char *b, size_t n);

/**
 * strchr - the first @c in @s
 * @s: a string
 * @c: the character; '\0' finds the terminator
 *
 * Context: any. Return: a pointer to it, or NULL.
 */
char *strchr(const char *s, int c);

/**
 * strchrnul - the first @c in @s, or its terminating NUL
 * @s: a string
 * @c: the character
 *
 * Context: any. Return: a pointer into @s, never NULL.
 */
char *strchrnul(const char *s, int c);

/**
 * strrchr - the last @c in @s
 * @s: a string
 * @c: the character
 *
 * Context: any. Return: a pointer to it, or NULL.
 */
char *strrchr(const char *s, int c);

/**
 * strstr - the first place @needle occurs in @haystack
 * @haystack: the string to search
 * @needle: the string to find; "" matches at once
 *
 * Context: any. Return: a pointer into @haystack, or NULL.
 */
char *strstr(const char *haystack, const char *needle);

/**
 * strlcpy - copy a string into a buffer of @size bytes, always terminated
 * @dst: the buffer
 * @src: the string
 * @size: the size of @dst; 0 writes nothing
 *
 * Copies at most @size - 1 bytes. A return value >= @size means the
 * copy was truncated.
 * Context: any. Return: strlen(@src).
 */
size_t strlcpy(char *dst, const char *src, size_t size);

/**
 * memchr_inv - the first of @n bytes at @p that is not @c
 * @p: the buffer
 * @c: the expected byte
 * @n: the number of bytes
 *
 * For checking poison patterns and red zones.
 * Context: any. Return: the first byte that differs, or NULL if all are @c.
 */
void *memchr_inv(const void *p, int c, size_t n);

/**
 * str_has_prefix - does @s start with @prefix?
 * @s: a NUL-terminated string
 * @prefix: the prefix; "" always matches
 *
 * Context: any. Return: true if it does.
 */
bool str_has_prefix(const char *s, const char *prefix);

/**
 * glob_match - shell-style match of @name against @pattern
 * @pattern: '*' matches any run of characters, '?' any one
 * @name: the string to test
 *
 * Used for ktest= patterns. Iterative, no recursion.
 * Context: any. Return: true if all of @name matches.
 */
bool glob_match(const char *pattern, const char *name);

/**
 * table_next_by_name - walk a table in name order
 * @start: the first entry of the table
 * @end: just past the last entry
 * @entry_size: the size of one entry; each begins with its `const char *name`
 * @prev: the entry returned last time, or NULL to get the first
 *
 * Lets linker-section tables (shell commands, tests) be listed sorted
 * without a sort buffer. O(n) per step. Entries with the same name are
 * returned only once.
 * Context: any.
 * Return: the next entry or NULL.
 */
const void *table_next_by_name(const void *start, const void *end,
			       size_t entry_size, const void *prev);

#endif /* KERNEL_STRING_H */
