/* SPDX-License-Identifier: MIT */
/* Strict string-to-number conversions, and sizes with K/M/G/T suffixes. */
#ifndef KERNEL_KSTRTOX_H
#define KERNEL_KSTRTOX_H

#include "kernel/lib/types.h"

/**
 * kstrtoull - convert all of @s to a number
 * @s: the string; no sign, no spaces, nothing after the digits
 * @base: 0 picks 16 for a "0x" prefix, 8 for a leading 0, else 10
 * @res: where the value goes; may be written even when -EINVAL is returned
 *
 * Context: any.
 * Return: 0, -EINVAL (not a number, trailing junk) or -ERANGE (does not
 * fit in 64 bits).
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);

/**
 * kstrtoul - kstrtoull for an unsigned long
 * @s: the string
 * @base: as for kstrtoull
 * @res: where the value goes; untouched on error
 *
 * Context: any.
 * Return: 0, -EINVAL, or -ERANGE (does not fit in an unsigned long).
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res);

/**
 * parse_size - read a size like "512M", "61G", "0x1000" or "4096"
 * @s: the string
 * @end: if not NULL, where parsing stopped; if NULL, all of @s must be
 *       consumed
 * @res: where the size in bytes goes; untouched on error
 *
 * Suffixes K, M, G, T are binary (x1024) and case-blind.
 * Context: any.
 * Return: 0, -EINVAL or -ERANGE.
 */
int parse_size(const char *s, const char **end, u64 *res);

#endif /* KERNEL_KSTRTOX_H */
