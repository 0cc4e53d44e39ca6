/* SPDX-License-Identifier: MIT */
/*
 * Memory for in-kernel tests: pages and objects that the test runner
 * frees when the test ends, however it ends (see ktest_defer). A test
 * that frees one early says so with kt_free_page / kt_kfree.
 */
#ifndef TESTS_KERNEL_KT_MM_H
#define TESTS_KERNEL_KT_MM_H

#include "tests/kernel/ktest.h"
#include "mm/gfp.h"
#include "mm/slab.h"

static inline void kt_free_page_cb(void *page)
{
	__free_page(page);
}

static inline void kt_kfree_cb(void *p)
{
	kfree(p);
}

/* An order-0 page, freed at the end of the test. NULL if none. */
static inline struct page *kt_alloc_page(struct ktest_ctx *t, gfp_t gfp)
{
	struct page *page = alloc_page(gfp | __GFP_NOWARN);

	if (page && !ktest_defer(t, kt_free_page_cb, page))
		return NULL;
	return page;
}

/* Free a page from kt_alloc_page now. */
static inline void kt_free_page(struct ktest_ctx *t, struct page *page)
{
	if (!ktest_release(t, kt_free_page_cb, page))
		ktest_check(t, false, __FILE__, __LINE__,
			    "kt_free_page of a page kt_alloc_page did not give");
}

/* kmalloc, kfree'd at the end of the test. NULL if none. */
static inline void *kt_kmalloc(struct ktest_ctx *t, size_t size, gfp_t gfp)
{
	void *p = kmalloc(size, gfp | __GFP_NOWARN);

	if (p && !ktest_defer(t, kt_kfree_cb, p))
		return NULL;
	return p;
}

static inline void kt_kfree(struct ktest_ctx *t, void *p)
{
	if (!ktest_release(t, kt_kfree_cb, p))
		ktest_check(t, false, __FILE__, __LINE__,
			    "kt_kfree of memory kt_kmalloc did not give");
}

#endif /* TESTS_KERNEL_KT_MM_H */
