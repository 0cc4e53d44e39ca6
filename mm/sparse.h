/* SPDX-License-Identifier: MIT */
/* Setting up mem_map for the memory sections that hold RAM. */
#ifndef MM_SPARSE_H
#define MM_SPARSE_H

#include "mm/page.h"

extern unsigned int nr_present_sections;

/**
 * sparse_init - find the sections with RAM and allocate their struct pages
 *
 * The sections come from memblock.memory; the descriptors come from
 * memblock, uninitialised. Drops the top of highmem, with a warning, if
 * mem_map would not fit in half of the free lowmem.
 * Context: boot, once, after paging_init (from mm_core_init).
 */
void sparse_init(void);

#endif /* MM_SPARSE_H */
