// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the memory debugging options and the stress run.
 * What an option does is checked when it is on (the boot tests turn
 * them on: page_poison, debug_pagealloc, slab_debug, a DEBUG=1 build);
 * when it is off, the test checks that nothing of it is left behind.
 */
#include "highmem/highmem.h"
#include "kernel/cmdline.h"
#include "tests/kernel/ktest.h"
#include "kernel/lib/string.h"
#include "mm/gfp.h"
#include "mm/page_debug.h"
#include <asm/pgtable.h>
#include "mm/slab.h"
#include "tests/kernel/stress.h"

/* True if all @len bytes at @p are @value. */
#define all_bytes(p, len, value) (memchr_inv((p), (value), (len)) == NULL)

/* A freed page holds the poison, highmem pages too (seen via kmap_atomic). */
KTEST(debug, freed_pages_are_poisoned)
{
	bool on = page_debug & PAGE_DEBUG_POISON;
	const gfp_t gfps[] = { GFP_KERNEL, GFP_HIGHUSER };

	for (unsigned int i = 0; i < ARRAY_SIZE(gfps); i++) {
		struct page *page = alloc_page(gfps[i]);
		u8 *p;

		KT_ASSERT_NOT_NULL(t, page);
		KT_EXPECT_FALSE(t, PagePoisoned(page));
		memset_page(page, 0, 0x11, PAGE_SIZE);
		__free_page(page);
		KT_EXPECT_EQ(t, PagePoisoned(page), on);
		/* debug_pagealloc keeps a freed lowmem page unmapped. */
		if (!PageHighMem(page) && (page_debug & PAGE_DEBUG_UNMAP))
			continue;
		p = kmap_atomic(page);
		KT_EXPECT_EQ(t, all_bytes(p, PAGE_SIZE, PAGE_POISON), on);
		kunmap_atomic(p);
	}
}

/* With debug_pagealloc a free lowmem page is not mapped; allocated, it is. */
KTEST(debug, freed_lowmem_leaves_the_direct_map)
{
	bool on = page_debug & PAGE_DEBUG_UNMAP;
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);

	KT_ASSERT_NE(t, addr, 0);
	for (int i = 0; i < 4; i++)
		KT_EXPECT_TRUE(t, kernel_address_mapped(addr + i * PAGE_SIZE));
	free_pages(addr, 2);
	for (int i = 0; i < 4; i++) {
		KT_EXPECT_EQ(t, kernel_address_mapped(addr + i * PAGE_SIZE), !on);
		KT_EXPECT_EQ(t, page_debug_unmapped(addr + i * PAGE_SIZE), on);
	}
}

/* Poisoned pages come back clean, zeroed when asked, and mapped. */
KTEST(debug, poisoned_pages_are_reusable)
{
	struct page *pages[64];

	for (int i = 0; i < 64; i++) {
		pages[i] = alloc_page((i % 2 ? GFP_HIGHUSER : GFP_KERNEL) |
				      __GFP_ZERO);
		KT_ASSERT_NOT_NULL(t, pages[i]);
	}
	for (int i = 0; i < 64; i++)
		__free_page(pages[i]);
	for (int i = 0; i < 64; i++) {
		u8 *p;

		pages[i] = alloc_page((i % 2 ? GFP_HIGHUSER : GFP_KERNEL) |
				      __GFP_ZERO);
		KT_ASSERT_NOT_NULL(t, pages[i]);
		KT_EXPECT_FALSE(t, PagePoisoned(pages[i]));
		p = kmap_atomic(pages[i]);
		KT_EXPECT_TRUE(t, all_bytes(p, PAGE_SIZE, 0));
		kunmap_atomic(p);
	}
	for (int i = 0; i < 64; i++)
		__free_page(pages[i]);
}

/* slab_debug: every cache has red zones, poison and owner tracking. */
KTEST(debug, slab_debug_covers_kmalloc)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_EQ(t, (kmalloc_caches[3]->flags & SLAB_DEBUG_FLAGS) != 0,
		     slab_debug);
	if (slab_debug) {
		/* The red zones around an allocated object are active. */
		KT_EXPECT_TRUE(t, all_bytes(p - 8, 8, 0xcc));
		KT_EXPECT_TRUE(t, all_bytes(p + 64, 8, 0xcc));
		/* A fresh object carries the free poison until written. */
		KT_EXPECT_TRUE(t, all_bytes(p, 63, 0x6b));
		KT_EXPECT_EQ(t, p[63], 0xa5);
	}
	kfree(p);
	if (slab_debug) {
		KT_EXPECT_TRUE(t, all_bytes(p - 8, 8, 0xbb));
		KT_EXPECT_TRUE(t, all_bytes(p, 63, 0x6b));
	}
}

/* A short stress run passes and loses nothing. */
KTEST(debug, short_stress_run)
{
	KT_EXPECT_EQ(t, stress_run(600), 0);
}

/* The stress pattern check finds a damaged word, and where. */
KTEST(debug, stress_pattern_finds_damage)
{
	u32 *buf = kmalloc(256, GFP_KERNEL);
	u32 got, want;

	KT_ASSERT_NOT_NULL(t, buf);
	stress_fill(buf, 256, 1234);
	KT_EXPECT_EQ(t, stress_check(buf, 256, 1234, &got, &want), -1);
	((u8 *)buf)[77] ^= 0x40;
	KT_EXPECT_EQ(t, stress_check(buf, 256, 1234, &got, &want), 76);
	KT_EXPECT_EQ(t, got ^ want, 0x40u << 8);
	kfree(buf);
}
