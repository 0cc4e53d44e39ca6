/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_HEXDUMP_H
#define KERNEL_HEXDUMP_H

#include "kernel/lib/types.h"

/*
 * print_hex_dump - print @len bytes of @buf, 16 per line, as hex and
 * ASCII, each line labelled with @base plus its offset.
 * Context: any.
 */
void print_hex_dump(u64 base, const void *buf, size_t len);

#endif /* KERNEL_HEXDUMP_H */
