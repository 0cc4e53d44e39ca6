/* SPDX-License-Identifier: MIT */
/*
 * Host version of kernel/arch/x86/asm/page.h: "physical memory" is a large,
 * lazily backed mapping in the test process, so code that writes through
 * __va() (memblock_alloc zeroing, mem_map setup) works unchanged.
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

extern char *host_phys_mem;

#define PAGE_OFFSET 0xC0000000ul
#define __va(paddr) ((void *)(host_phys_mem + (unsigned long)(paddr)))
#define __pa(vaddr) ((unsigned long)((char *)(vaddr) - host_phys_mem))

#endif /* ASM_PAGE_H */
