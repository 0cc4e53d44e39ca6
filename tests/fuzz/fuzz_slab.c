// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for the slab allocator and kmalloc.
 *
 * The input is a sequence of 3-byte operations: kmalloc of a size made
 * from the bytes (slab classes and large blocks, normal and DMA), an
 * object from one of three caches (plain, cache-line aligned, with full
 * slab debugging), kfree and krealloc of a live buffer, shrinking. Each
 * buffer is filled with its own byte; a wrong byte when it is freed or
 * resized means two users were handed overlapping memory. At the end,
 * with everything freed and the caches shrunk, no object may be in use
 * and the free page count must be what it was.
 */
#include "host.h"
#include "fuzz.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/slab.h"

#include <string.h>

#define MiB (1ull << 20)
#define MAX_LIVE 96
#define NR_CACHES 3

struct buf {
	u8 *p;
	size_t size;
	int cache; /* -1: kmalloc */
	u8 fill;
};

static struct buf live[MAX_LIVE];
static struct kmem_cache *caches[NR_CACHES];
static unsigned long baseline;

static unsigned long settled_free_pages(void)
{
	shrink_all();
	drain_all_pages();
	return nr_free_pages();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const struct ram machine[] = { { 0, 0x9fc00 },
					      { MiB, 256 * MiB } };

	(void)argc;
	(void)argv;
	host_phys_mem_init(512 * MiB);
	host_boot_machine(machine, 2, 0);
	kmem_cache_init();
	caches[0] = kmem_cache_create("fuzz-24", 24, 0, 0, NULL);
	caches[1] = kmem_cache_create("fuzz-100-hw", 100, 0,
				      SLAB_HWCACHE_ALIGN, NULL);
	caches[2] = kmem_cache_create("fuzz-300-debug", 300, 0,
				      SLAB_DEBUG_FLAGS, NULL);
	CHECK(caches[0] && caches[1] && caches[2]);
	baseline = settled_free_pages();
	return 0;
}

static void check_fill(const struct buf *b, size_t len)
{
	for (size_t i = 0; i < len; i++)
		CHECK(b->p[i] == b->fill);
}

static size_t size_from(u8 a, u8 b)
{
	size_t s = ((size_t)a << 8 | b);

	/* Mostly small; a large (page) block now and then. */
	return a >= 0xf0 ? 8193 + s % 40000 : s % 2100;
}

static void do_alloc(unsigned int slot, u8 a, u8 b)
{
	struct buf *bf = &live[slot];

	if (bf->p)
		return;
	if (a % 4 == 3) {
		bf->cache = b % NR_CACHES;
		bf->size = caches[bf->cache]->object_size;
		bf->p = kmem_cache_alloc(caches[bf->cache], GFP_KERNEL);
	} else {
		bf->cache = -1;
		bf->size = size_from(a, b);
		bf->p = kmalloc(bf->size, GFP_KERNEL | ((b & 1) ? GFP_DMA : 0) |
						  __GFP_NOWARN);
		if (bf->size == 0) {
			CHECK(bf->p == ZERO_SIZE_PTR);
			bf->p = NULL;
			return;
		}
		if (bf->p)
			CHECK(ksize(bf->p) >= bf->size);
	}
	if (!bf->p)
		return;
	bf->fill = (u8)(slot * 7 + 1);
	memset(bf->p, bf->fill, bf->size);
}

static void do_free(unsigned int slot)
{
	struct buf *bf = &live[slot];

	if (!bf->p)
		return;
	check_fill(bf, bf->size);
	if (bf->cache < 0)
		kfree(bf->p);
	else
		kmem_cache_free(caches[bf->cache], bf->p);
	bf->p = NULL;
}

static void do_realloc(unsigned int slot, u8 a, u8 b)
{
	struct buf *bf = &live[slot];
	size_t size = size_from(a, b) + 1;
	u8 *p;

	if (!bf->p || bf->cache >= 0)
		return;
	check_fill(bf, bf->size);
	p = krealloc(bf->p, size, GFP_KERNEL | __GFP_NOWARN);
	if (!p)
		return; /* the old buffer is still live */
	bf->p = p;
	check_fill(bf, bf->size < size ? bf->size : size);
	bf->size = size;
	memset(bf->p, bf->fill, size);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	for (size_t i = 0; i + 3 <= size; i += 3) {
		unsigned int slot = data[i + 1] % MAX_LIVE;

		switch (data[i] % 6) {
		case 0:
		case 1:
			do_alloc(slot, data[i + 2], data[i + 1]);
			break;
		case 2:
		case 3:
			do_free(slot);
			break;
		case 4:
			do_realloc(slot, data[i + 2], data[i + 1]);
			break;
		default:
			kmem_cache_shrink(caches[data[i + 2] % NR_CACHES]);
			break;
		}
	}
	for (unsigned int s = 0; s < MAX_LIVE; s++)
		do_free(s);
	for (int c = 0; c < NR_CACHES; c++)
		CHECK(kmem_cache_objects_in_use(caches[c]) == 0);
	CHECK(settled_free_pages() == baseline);
	return 0;
}
