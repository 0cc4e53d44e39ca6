// SPDX-License-Identifier: MIT
/* The one hex-dump helper: "label: 16 hex bytes  |ascii|". */
#include "kernel/debug/hexdump.h"
#include "kernel/printk.h"

#define BYTES_PER_LINE 16

void print_hex_dump(u64 base, const void *buf, size_t len)
{
	const u8 *p = buf;

	for (size_t off = 0; off < len; off += BYTES_PER_LINE) {
		size_t n = len - off < BYTES_PER_LINE ? len - off :
							BYTES_PER_LINE;
		char ascii[BYTES_PER_LINE + 1];

		printk("%09llx:", (unsigned long long)(base + off));
		for (size_t i = 0; i < BYTES_PER_LINE; i++) {
			if (i < n)
				printk(" %02x", p[off + i]);
			else
				printk("   ");
			if (i < n)
				ascii[i] = (p[off + i] >= 32 && p[off + i] < 127) ?
						   (char)p[off + i] : '.';
		}
		ascii[n] = '\0';
		printk("  |%s|\n", ascii);
	}
}
