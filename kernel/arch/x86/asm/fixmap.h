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
#include "kernel/lib/types.h"

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

/* The fixmap's one page table, in the kernel image (paging.c). */
extern u64 fixmap_pte_table[]; /* pteval_t: asm/pgtable.h */

/**
 * fixmap_pte - the PTE of a fixmap address
 * @vaddr: a page-aligned address in the fixmap's 2 MiB
 *
 * The table's address is a link-time constant, so this is a shift and
 * an offset the compiler folds into the store that uses it.
 * Context: any. Return: the entry.
 */
static inline u64 *fixmap_pte(unsigned long vaddr)
{
	return (u64 *)((vaddr >> (PAGE_SHIFT - 3)) +
		       ((unsigned long)fixmap_pte_table -
			(FIXMAP_PMD_BASE >> (PAGE_SHIFT - 3))));
}

/*
 * The same for assembly: with fixmap_pte_offset(vaddr) in a register
 * %[off] and FIXMAP_PTE_BIAS as the "i" operand %[bias], the entry is
 * "fixmap_pte_table-%c[bias](%[off])", the table's link-time address
 * being the instruction's displacement (FIXMAP_PTE_HIGH: its high half).
 */
#define FIXMAP_PTE_SHIFT (PAGE_SHIFT - 3)
#define FIXMAP_PTE_BIAS (FIXMAP_PMD_BASE >> FIXMAP_PTE_SHIFT)
#define FIXMAP_PTE_LOW "fixmap_pte_table-%c[bias](%[off])"
#define FIXMAP_PTE_HIGH "fixmap_pte_table+4-%c[bias](%[off])"

/**
 * fixmap_pte_offset - the register part of a fixmap PTE's address
 * @vaddr: a page-aligned fixmap address
 *
 * Context: any. Return: @vaddr >> 9, for FIXMAP_PTE_LOW/HIGH.
 */
static inline unsigned long fixmap_pte_offset(unsigned long vaddr)
{
	return vaddr >> FIXMAP_PTE_SHIFT;
}

_Static_assert(FIXADDR_START >= FIXMAP_PMD_BASE,
	       "the fixmap must fit in its one page table");

#endif /* MM_FIXMAP_H */
