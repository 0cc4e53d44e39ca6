/* SPDX-License-Identifier: MIT */
/* Boot-time memory setup, in the order kernel/main.c calls it. */
#ifndef MM_INIT_H
#define MM_INIT_H

#include "mm/memblock.h"

/**
 * memblock_setup - decide lowmem and highmem, give RAM to memblock
 * @reserved: ranges in use that memblock must not hand out (the boot
 *            information, boot modules); page 0 and the kernel image
 *            are reserved anyway
 * @n: how many
 *
 * Stops with a clear panic if too little lowmem is left to boot.
 * Context: boot, once, after memmap_setup.
 */
void memblock_setup(const struct phys_range *reserved, unsigned int n);

/**
 * paging_init - build the final kernel page tables, drop the identity map
 *
 * Context: boot, once, after memblock_setup (kernel/arch/x86/paging.c).
 */
void paging_init(void);

/**
 * mem_init - hand memory from memblock to the zones, then start the rest
 *
 * Builds mem_map, the zones and their free lists (memblock is retired),
 * then sets up kmap, the slab allocator, page debugging and fault
 * injection, and prints the zone ranges and the memory totals.
 * Context: boot, once, after paging_init.
 */
void mem_init(void);

/**
 * print_memory_layout - print the virtual memory layout
 *
 * fixmap, pkmap, vmalloc, lowmem and the kernel's sections, for the boot
 * log and the `layout` command.
 * Context: any, once paging_init has set the limits.
 */
void print_memory_layout(void);

#endif /* MM_INIT_H */
