/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the in-kernel tests of highmem mappings (highmem_test.c,
 * kmap_local_test.c): a suite setup that switches kmap debug mode on
 * where there is no highmem, so that lowmem pages go through the same
 * paths; highmem pages freed at the end of a test; and page contents a
 * wrong mapping cannot fake.
 */
#ifndef TESTS_KERNEL_KT_HIGHMEM_H
#define TESTS_KERNEL_KT_HIGHMEM_H

#include "highmem/highmem.h"
#include "mm/mmzone.h"
#include "tests/kernel/kt_mm.h"

/*
 * Each test of a suite: without highmem, kmap debug mode, and back to
 * the boot setting afterwards, whether the test passed or not.
 */
static inline void kt_highmem_init(struct ktest_ctx *t)
{
	bool old = kmap_debug_set(kmap_debug ||
				  !populated_zone(&zones[ZONE_HIGHMEM]));

	t->priv = (void *)(uintptr_t)old;
}

static inline void kt_highmem_exit(struct ktest_ctx *t)
{
	kmap_debug_set((uintptr_t)t->priv != 0);
}

/* A highmem page (lowmem without highmem), freed when the test ends. */
static inline struct page *kt_alloc_highpage(struct ktest_ctx *t)
{
	return kt_alloc_page(t, GFP_HIGHUSER);
}

/* A recognisable pattern for page @i. */
static inline u32 pattern(unsigned int i)
{
	return 0xC0DE0000u ^ (i * 2654435761u);
}

/* Fill a page with words counting up from @v. */
static inline void fill_words(void *addr, u32 v)
{
	u32 *w = addr;

	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		w[i] = v + i;
}

/* Does the page hold what fill_words(@addr, @v) wrote? */
static inline bool check_words(const void *addr, u32 v)
{
	const u32 *w = addr;

	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		if (w[i] != v + i)
			return false;
	return true;
}

#endif /* TESTS_KERNEL_KT_HIGHMEM_H */
