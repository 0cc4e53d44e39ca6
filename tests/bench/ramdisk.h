/* SPDX-License-Identifier: MIT */
/*
 * A RAM disk, as Linux's brd: a block store whose 4 KiB blocks are
 * pages, highmem or lowmem, reached through kmap_atomic for every read
 * and write. It exists to measure what highmem costs a real workload.
 */
#ifndef KERNEL_RAMDISK_H
#define KERNEL_RAMDISK_H

#include "mm/page.h"

#define RAMDISK_BLOCK_SIZE PAGE_SIZE

struct ramdisk {
	struct page **pages;
	unsigned long nr_blocks;
	bool highmem; /* pages from ZONE_HIGHMEM (where there is one) */
};

/*
 * ramdisk_create - a disk of @bytes, its pages from highmem (@highmem)
 * or from lowmem. Context: thread; may sleep. Return: 0 or -ENOMEM.
 */
int ramdisk_create(struct ramdisk *rd, unsigned long bytes, bool highmem);
void ramdisk_destroy(struct ramdisk *rd);

/* Copy one block in or out. Context: any; never sleeps. */
void ramdisk_write(struct ramdisk *rd, unsigned long block, const void *buf);
void ramdisk_read(struct ramdisk *rd, unsigned long block, void *buf);

/* A checksum of one block, computed in place through kmap_atomic. */
u32 ramdisk_checksum(struct ramdisk *rd, unsigned long block);

/* The checksum of a buffer of one block, the same function. */
u32 block_checksum(const void *buf);

#endif /* KERNEL_RAMDISK_H */
