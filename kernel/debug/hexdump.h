/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_HEXDUMP_H
#define KERNEL_HEXDUMP_H

#include "kernel/lib/types.h"

/**
 * print_hex_dump - print @len bytes of @buf, 16 per line, as hex and ASCII
 * @base: the address printed for the first byte (a physical or virtual
 *        address, or an offset); each line shows @base plus its offset
 * @buf: the bytes; must be mapped
 * @len: how many
 *
 * The one hex-dump helper: slab reports and the shell's `peek` use it.
 * Context: any.
 */
void print_hex_dump(u64 base, const void *buf, size_t len);

#endif /* KERNEL_HEXDUMP_H */
