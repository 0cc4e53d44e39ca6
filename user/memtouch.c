// SPDX-License-Identifier: MIT
/*
 * memtouch SIZE [HOLD_MS]: maps SIZE bytes (64M, 512K, ...), writes to
 * every page, reads every page back, and says how long that took. With
 * HOLD_MS it then keeps the pages that long before it lets them go, so
 * that ps (or a test) can watch its RSS. The kernel has to
 * find a physical page for each first touch: on this kernel they come
 * from HighMem first, which its meminfo shows.
 */
#include "ulib.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

/* A value that differs from page to page, and is never a fresh page's 0. */
static uint32_t pattern(size_t page)
{
	return (uint32_t)page * 2654435761u + 1;
}

int main(int argc, char **argv)
{
	size_t size, npages, words = PAGE_SIZE / sizeof(uint32_t);
	long long start;
	uint32_t *mem;

	if (argc < 2 || argc > 3 || parse_size(argv[1], &size) != 0 ||
	    size == 0) {
		fprintf(stderr, "usage: memtouch SIZE [HOLD_MS] (SIZE such as "
			"64M or 512K)\n");
		return 2;
	}
	npages = (size + PAGE_SIZE - 1) / PAGE_SIZE;
	start = now_ns();
	mem = map_pages(npages * PAGE_SIZE);
	if (!mem) {
		fprintf(stderr, "memtouch: mmap of %zu KiB: %s\n",
			npages * PAGE_SIZE / KIB, strerror(errno));
		return 1;
	}
	/* The first and the last word of each page: both ends are mapped. */
	for (size_t i = 0; i < npages; i++) {
		mem[i * words] = pattern(i);
		mem[i * words + words - 1] = ~pattern(i);
	}
	for (size_t i = 0; i < npages; i++) {
		if (mem[i * words] != pattern(i) ||
		    mem[i * words + words - 1] != ~pattern(i)) {
			fprintf(stderr, "memtouch: page %zu lost its data\n",
				i);
			return 1;
		}
	}
	if (argc == 3) {
		long ms = atol(argv[2]);
		struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

		nanosleep(&ts, NULL);
	}
	munmap(mem, npages * PAGE_SIZE);
	printf("memtouch: touched %zu KiB in %lld ms\n",
	       npages * PAGE_SIZE / KIB, (now_ns() - start) / 1000000);
	return 0;
}
