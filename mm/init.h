/* SPDX-License-Identifier: MIT */
/* Boot-time memory setup, in the order kernel/main.c calls it. */
#ifndef MM_INIT_H
#define MM_INIT_H

/* Decide lowmem/highmem limits, give RAM to memblock, reserve what is used. */
void memblock_setup(void);

/* Build the final kernel page tables and drop the boot identity map. */
void paging_init(void);

/*
 * mem_init - hand memory from memblock to the zones' buddy allocators
 * and report the totals. Context: boot, after paging_init.
 */
void mem_init(void);

/* Print the virtual memory layout (boot log and the `layout` command). */
void print_memory_layout(void);

#endif /* MM_INIT_H */
