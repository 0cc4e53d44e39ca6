/* SPDX-License-Identifier: MIT */
/*
 * PAE page tables: three levels, 64-bit entries. A 4-entry page
 * directory pointer table (PDPT) selects one of four page directories
 * (1 GiB each); a page directory entry maps 2 MiB or points to a page
 * table of 512 PTEs. The kernel's upper GiB (PDPT[3]) has one page
 * directory, swapper_pg_dir, shared by everything.
 */
#ifndef MM_PGTABLE_H
#define MM_PGTABLE_H

#include <asm/layout.h>

typedef u64 pteval_t;

#define _PAGE_PRESENT 0x001ull
#define _PAGE_RW 0x002ull
#define _PAGE_USER 0x004ull
#define _PAGE_PWT 0x008ull /* write-through */
#define _PAGE_PCD 0x010ull /* cache disable */
#define _PAGE_ACCESSED 0x020ull
#define _PAGE_DIRTY 0x040ull
#define _PAGE_PSE 0x080ull /* in a PDE: 2 MiB page */
#define _PAGE_PAT 0x080ull /* in a PTE: PAT index bit 2 */
#define _PAGE_GLOBAL 0x100ull
#define _PAGE_NX (1ull << 63)
#define PTE_PFN_MASK 0x000FFFFFFFFFF000ull

/* Filled in by cpu_init from CPUID: 0 where the CPU lacks the feature. */
extern pteval_t __supported_pte_mask_nx;     /* _PAGE_NX or 0 */
extern pteval_t __supported_pte_mask_global; /* _PAGE_GLOBAL or 0 */

#define PAGE_KERNEL_BASE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
/* Kernel data: writable, never executable, global. */
#define PAGE_KERNEL \
	(PAGE_KERNEL_BASE | __supported_pte_mask_nx | __supported_pte_mask_global)
/* Kernel text: read-only and executable. */
#define PAGE_KERNEL_RX \
	(_PAGE_PRESENT | _PAGE_ACCESSED | __supported_pte_mask_global)
/* Kernel read-only data. */
#define PAGE_KERNEL_RO (PAGE_KERNEL_RX | __supported_pte_mask_nx)
/* Device memory: uncached. */
#define PAGE_KERNEL_NOCACHE (PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

static inline unsigned int pgd_index(unsigned long vaddr)
{
	return vaddr >> 30;
}

static inline unsigned int pmd_index(unsigned long vaddr)
{
	return (vaddr >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}

static inline unsigned int pte_index(unsigned long vaddr)
{
	return (vaddr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

static inline phys_addr_t pte_phys(pteval_t pte)
{
	return pte & PTE_PFN_MASK;
}

static inline unsigned long pte_pfn(pteval_t pte)
{
	return (unsigned long)(pte_phys(pte) >> PAGE_SHIFT);
}

static inline pteval_t pfn_pte(unsigned long pfn, pteval_t prot)
{
	return ((pteval_t)pfn << PAGE_SHIFT) | prot;
}

/*
 * set_pte - store a PTE. A 32-bit CPU writes the 64-bit entry in two
 * halves: the high half goes first when mapping and last when
 * unmapping, so the entry is never present with a torn address.
 * set_pte_halves is the same for callers that keep the entry's bits in
 * two 32-bit words already (kmap_atomic's fast path).
 */
static inline void set_pte_halves(pteval_t *ptep, u32 high, u32 low)
{
	volatile u32 *half = (volatile u32 *)ptep;

	half[1] = high;
	__asm__ __volatile__("" ::: "memory");
	half[0] = low;
}

static inline void set_pte(pteval_t *ptep, pteval_t pte)
{
	set_pte_halves(ptep, (u32)(pte >> 32), (u32)pte);
}

static inline void pte_clear(pteval_t *ptep)
{
	volatile u32 *half = (volatile u32 *)ptep;

	half[0] = 0;
	__asm__ __volatile__("" ::: "memory");
	half[1] = 0;
}

/*
 * lookup_kernel_pte - the PTE that maps @vaddr in the kernel half
 * Context: any. Return: NULL if there is no page table for @vaddr (or
 * it is covered by a 2 MiB page).
 */
pteval_t *lookup_kernel_pte(unsigned long vaddr);

/* True if a kernel read of @vaddr would not fault. Context: any. */
bool kernel_address_mapped(unsigned long vaddr);

/* Print the PDPTE, PDE and PTE that translate @vaddr. Context: any. */
void dump_pagetable(unsigned long vaddr);

/* Map one page / unmap one page in the kernel half; invlpg included. */
void kernel_map_page(unsigned long vaddr, phys_addr_t phys, pteval_t prot);
void kernel_unmap_page(unsigned long vaddr);

/* The kernel's upper page directory (PDPT slot 3). */
extern pteval_t swapper_pg_dir[PTRS_PER_PMD];

#endif /* MM_PGTABLE_H */
