/* SPDX-License-Identifier: MIT */
/*
 * Converting between kernel virtual and physical addresses in the
 * direct map. The host tests provide their own version of this header
 * that points __va() into a buffer standing in for physical memory.
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#define PAGE_OFFSET 0xC0000000ul

#define __pa(vaddr) ((unsigned long)(vaddr) - PAGE_OFFSET)
#define __va(paddr) ((void *)((unsigned long)(paddr) + PAGE_OFFSET))

#endif /* ASM_PAGE_H */
