/* SPDX-License-Identifier: MIT */
/*
 * The fixmap: virtual pages at addresses fixed at compile time, counted
 * down from FIXADDR_TOP, whose page table exists from boot. kmap_atomic
 * uses KM_MAX_IDX slots per CPU here; with the kmap debug option every
 * other slot stays unmapped as a guard, so the range is twice as large.
 */
#ifndef MM_FIXMAP_H
#define MM_FIXMAP_H

#include "kernel/config.h"
#include <asm/layout.h>

#define KM_MAX_IDX 16
#define KM_SLOT_STRIDE 2 /* a slot and its (debug) guard page */

enum fixed_addresses {
	FIX_HOLE, /* FIXADDR_TOP itself stays unmapped */
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * NR_CPUS * KM_SLOT_STRIDE - 1,
	__end_of_fixed_addresses
};

#define FIXADDR_SIZE ((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START (FIXADDR_TOP - FIXADDR_SIZE)

/**
 * fix_to_virt - the virtual address of fixmap slot @idx
 * @idx: an enum fixed_addresses value; higher slots lie lower
 *
 * Context: any. Return: the page-aligned address.
 */
static inline unsigned long fix_to_virt(unsigned int idx)
{
	return FIXADDR_TOP - ((unsigned long)idx << PAGE_SHIFT);
}

/**
 * virt_to_fix - the fixmap slot that holds @vaddr
 * @vaddr: an address in the fixmap
 *
 * Context: any. Return: the slot index, the inverse of fix_to_virt().
 */
static inline unsigned int virt_to_fix(unsigned long vaddr)
{
	return (FIXADDR_TOP - (vaddr & PAGE_MASK)) >> PAGE_SHIFT;
}

_Static_assert(FIXADDR_START >= FIXMAP_PMD_BASE,
	       "the fixmap must fit in its one page table");

#endif /* MM_FIXMAP_H */
