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

/**
 * mem_map_bytes - how much memory mem_map takes
 *
 * All its slots, a flat map's holes and a sparse map's unused lowmem
 * slots included: the range sparse_init allocated at __pa(mem_map).
 * Context: any, after sparse_init. Return: the size in bytes.
 */
phys_addr_t mem_map_bytes(void);

#endif /* MM_SPARSE_H */
