// SPDX-License-Identifier: MIT
/* The RAM disk (see tests/bench/ramdisk.h). */
#include "tests/bench/ramdisk.h"
#include "highmem/highmem.h"
#include "kernel/lib/errno.h"
#include "kernel/debug/panic.h"
#include "kernel/lib/string.h"
#include "mm/gfp.h"
#include "mm/vmalloc.h"

int ramdisk_create(struct ramdisk *rd, unsigned long bytes, bool highmem)
{
	gfp_t gfp = highmem ? GFP_HIGHUSER : GFP_KERNEL;

	rd->nr_blocks = bytes / RAMDISK_BLOCK_SIZE;
	rd->highmem = highmem;
	rd->pages = vzalloc(rd->nr_blocks * sizeof(struct page *));
	if (!rd->pages)
		return -ENOMEM;
	for (unsigned long i = 0; i < rd->nr_blocks; i++) {
		rd->pages[i] = alloc_page(gfp | __GFP_ZERO | __GFP_NOWARN);
		if (!rd->pages[i]) {
			ramdisk_destroy(rd);
			return -ENOMEM;
		}
	}
	return 0;
}

void ramdisk_destroy(struct ramdisk *rd)
{
	for (unsigned long i = 0; i < rd->nr_blocks; i++)
		if (rd->pages[i])
			__free_page(rd->pages[i]);
	vfree(rd->pages);
	rd->pages = NULL;
}

static struct page *block_page(struct ramdisk *rd, unsigned long block)
{
	if (block >= rd->nr_blocks)
		panic("ramdisk: block %lu past the end (%lu blocks)", block,
		      rd->nr_blocks);
	return rd->pages[block];
}

void ramdisk_write(struct ramdisk *rd, unsigned long block, const void *buf)
{
	void *dst = kmap_atomic(block_page(rd, block));

	memcpy(dst, buf, RAMDISK_BLOCK_SIZE);
	kunmap_atomic(dst);
}

void ramdisk_read(struct ramdisk *rd, unsigned long block, void *buf)
{
	void *src = kmap_atomic(block_page(rd, block));

	memcpy(buf, src, RAMDISK_BLOCK_SIZE);
	kunmap_atomic(src);
}

/* Fletcher-style: cheap, and order matters (a swapped word is caught). */
u32 block_checksum(const void *buf)
{
	const u32 *w = buf;
	u32 a = 1, b = 0;

	for (unsigned int i = 0; i < RAMDISK_BLOCK_SIZE / 4; i++) {
		a += w[i];
		b += a;
	}
	return a ^ (b << 1);
}

u32 ramdisk_checksum(struct ramdisk *rd, unsigned long block)
{
	void *src = kmap_atomic(block_page(rd, block));
	u32 sum = block_checksum(src);

	kunmap_atomic(src);
	return sum;
}
