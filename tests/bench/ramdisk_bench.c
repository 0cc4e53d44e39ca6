// SPDX-License-Identifier: MIT
/*
 * The RAM disk workload: 4 KiB blocks written and read through
 * kmap_atomic, sequentially and in a scrambled order, on a disk of
 * lowmem pages and one of highmem pages. Every read is checked against
 * the checksum of what was written there.
 */
#include "tests/bench/bench.h"
#include "kernel/lib/errno.h"
#include "kernel/printk.h"
#include "tests/bench/ramdisk.h"
#include "mm/slab.h"

#define DISK_BYTES (16ul << 20)
#define DISK_BLOCKS (DISK_BYTES / RAMDISK_BLOCK_SIZE)

struct disk_bench {
	struct ramdisk rd;
	u32 buf[RAMDISK_BLOCK_SIZE / 4];
	u32 sums[DISK_BLOCKS];
	unsigned long bad;
};

static struct disk_bench disks[2]; /* lowmem, highmem */

/* arg: bit 0 highmem, bit 1 random order. */
static unsigned long block_of(struct bench_ctx *ctx)
{
	unsigned long i = ctx->i % DISK_BLOCKS;

	/* A fixed odd multiplier walks every block once, out of order. */
	return (ctx->arg & 2) ? (i * 2654435761ul) % DISK_BLOCKS : i;
}

static int disk_setup(struct bench_ctx *ctx)
{
	struct disk_bench *d = &disks[ctx->arg & 1];
	int err;

	ctx->data = d;
	d->bad = 0;
	err = ramdisk_create(&d->rd, DISK_BYTES, ctx->arg & 1);
	if (err)
		return err;
	/* Fill once, so reads have something to check. */
	for (unsigned long b = 0; b < DISK_BLOCKS; b++) {
		for (unsigned int w = 0; w < RAMDISK_BLOCK_SIZE / 4; w++)
			d->buf[w] = (u32)(b * 7919 + w);
		ramdisk_write(&d->rd, b, d->buf);
		d->sums[b] = block_checksum(d->buf);
	}
	return 0;
}

static void disk_teardown(struct bench_ctx *ctx)
{
	struct disk_bench *d = ctx->data;

	for (unsigned long b = 0; b < DISK_BLOCKS; b++)
		if (ramdisk_checksum(&d->rd, b) != d->sums[b])
			d->bad++;
	if (d->bad)
		printk("bench: ramdisk: %lu blocks with a wrong checksum\n",
		       d->bad);
	ramdisk_destroy(&d->rd);
}

/* Write the block's own pattern back: the checksums stay valid. */
static void write_op(struct bench_ctx *ctx)
{
	struct disk_bench *d = ctx->data;
	unsigned long b = block_of(ctx);

	d->buf[0] = (u32)(b * 7919);
	d->buf[1] = (u32)(b * 7919 + 1);
	ramdisk_write(&d->rd, b, d->buf);
	d->sums[b] = block_checksum(d->buf);
}

static void read_op(struct bench_ctx *ctx)
{
	struct disk_bench *d = ctx->data;
	unsigned long b = block_of(ctx);

	ramdisk_read(&d->rd, b, d->buf);
	if (block_checksum(d->buf) != d->sums[b])
		d->bad++;
}

BENCH(ramdisk_seq_write, lowmem, disk_setup, write_op, disk_teardown, 4096, 0);
BENCH(ramdisk_seq_write, highmem, disk_setup, write_op, disk_teardown, 4096, 1);
BENCH(ramdisk_seq_read, lowmem, disk_setup, read_op, disk_teardown, 4096, 0);
BENCH(ramdisk_seq_read, highmem, disk_setup, read_op, disk_teardown, 4096, 1);
BENCH(ramdisk_rand_write, lowmem, disk_setup, write_op, disk_teardown, 4096, 2);
BENCH(ramdisk_rand_write, highmem, disk_setup, write_op, disk_teardown, 4096, 3);
BENCH(ramdisk_rand_read, lowmem, disk_setup, read_op, disk_teardown, 4096, 2);
BENCH(ramdisk_rand_read, highmem, disk_setup, read_op, disk_teardown, 4096, 3);
