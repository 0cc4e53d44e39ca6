/* SPDX-License-Identifier: MIT */
/*
 * Reaching the contents of any page, highmem included. Lowmem pages are
 * always mapped (the direct map); a highmem page is mapped for the
 * duration of each helper only.
 */
#ifndef HIGHMEM_HIGHMEM_H
#define HIGHMEM_HIGHMEM_H

#include "mm/page.h"

/* Fill the page with zeroes. Context: any; never sleeps. */
void clear_highpage(struct page *page);

/* Fill @len bytes at @offset in @page with @val. Context: any. */
void memset_page(struct page *page, size_t offset, int val, size_t len);

/* Copy between a buffer and @page at @offset. Context: any. */
void memcpy_to_page(struct page *page, size_t offset, const void *src,
		    size_t len);
void memcpy_from_page(void *dst, struct page *page, size_t offset,
		      size_t len);

#endif /* HIGHMEM_HIGHMEM_H */
