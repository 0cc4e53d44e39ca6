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

/**
 * pgd_index - the PDPT slot (0-3) that translates @vaddr
 * @vaddr: a virtual address
 *
 * Each slot covers 1 GiB; pgd_index(PAGE_OFFSET) is the kernel's.
 * Context: any. Return: the slot number.
 */
static inline unsigned int pgd_index(unsigned long vaddr)
{
	return vaddr >> 30;
}

/**
 * pmd_index - the page-directory entry (0-511) that translates @vaddr
 * @vaddr: a virtual address
 *
 * Context: any. Return: the index within its 1 GiB page directory.
 */
static inline unsigned int pmd_index(unsigned long vaddr)
{
	return (vaddr >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}

/**
 * pte_index - the page-table entry (0-511) that translates @vaddr
 * @vaddr: a virtual address
 *
 * Context: any. Return: the index within its 2 MiB page table.
 */
static inline unsigned int pte_index(unsigned long vaddr)
{
	return (vaddr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

/**
 * pte_phys - the physical address an entry points to
 * @pte: a PTE, PDE or PDPTE value
 *
 * Context: any. Return: the address bits (up to bit 51), flags and NX
 * masked off.
 */
static inline phys_addr_t pte_phys(pteval_t pte)
{
	return pte & PTE_PFN_MASK;
}

/**
 * pte_pfn - the page frame number an entry points to
 * @pte: a PTE value
 *
 * Context: any. Return: the pfn.
 */
static inline unsigned long pte_pfn(pteval_t pte)
{
	return (unsigned long)(pte_phys(pte) >> PAGE_SHIFT);
}

/**
 * pfn_pte - build a PTE value for page frame @pfn
 * @pfn: the page frame; may lie above 4 GiB
 * @prot: the flag bits (PAGE_KERNEL, ...)
 *
 * Context: any. Return: the PTE value, ready for set_pte().
 */
static inline pteval_t pfn_pte(unsigned long pfn, pteval_t prot)
{
	return ((pteval_t)pfn << PAGE_SHIFT) | prot;
}

/**
 * set_pte_halves - store a PTE given as two 32-bit halves, high half first
 * @ptep: the entry
 * @high: bits 32-63 (address bits above 4 GiB, NX)
 * @low: bits 0-31 (address bits, flags, the present bit)
 *
 * A 32-bit CPU writes the 64-bit entry in two halves. The high half goes
 * first when mapping (here) and last when unmapping (pte_clear), so the
 * entry is never present with a torn address. This form is for callers
 * that keep the entry's bits in two words already (kmap_atomic's fast
 * path). The entry must not be present when it is written.
 * Context: any; the caller owns the entry and flushes the TLB as needed.
 */
static inline void set_pte_halves(pteval_t *ptep, u32 high, u32 low)
{
	volatile u32 *half = (volatile u32 *)ptep;

	half[1] = high;
	__asm__ __volatile__("" ::: "memory");
	half[0] = low;
}

/**
 * set_pte - store a PTE, never leaving it present with a torn address
 * @ptep: the entry; not present (cleared with pte_clear first)
 * @pte: the new value
 *
 * The high half is written first, so the present bit in the low half
 * appears last. Over a present entry the CPU could meanwhile see the new
 * high half with the old low one.
 * Context: any; the caller owns the entry and flushes the TLB as needed.
 */
static inline void set_pte(pteval_t *ptep, pteval_t pte)
{
	set_pte_halves(ptep, (u32)(pte >> 32), (u32)pte);
}

/**
 * pte_clear - make a PTE not present, low half (the present bit) first
 * @ptep: the entry
 *
 * The TLB may still hold the old translation: invlpg() or a full flush
 * follows before the address is reused.
 * Context: any; the caller owns the entry.
 */
static inline void pte_clear(pteval_t *ptep)
{
	volatile u32 *half = (volatile u32 *)ptep;

	half[0] = 0;
	__asm__ __volatile__("" ::: "memory");
	half[1] = 0;
}

/**
 * lookup_kernel_pte - the PTE that maps @vaddr in the kernel half
 * @vaddr: a kernel virtual address
 *
 * Context: any; takes no locks.
 * Return: the entry, or NULL if @vaddr is below PAGE_OFFSET, has no page
 * table, or is covered by a 2 MiB page.
 */
pteval_t *lookup_kernel_pte(unsigned long vaddr);

/**
 * kernel_address_mapped - would a kernel read of @vaddr not fault?
 * @vaddr: any virtual address
 *
 * Used by fault reports and stack walks before they dereference.
 * Context: any, fault handlers included; takes no locks.
 * Return: true if @vaddr is in the kernel half and mapped (a 4 KiB or a
 * 2 MiB page); false for the user half.
 */
bool kernel_address_mapped(unsigned long vaddr);

/**
 * dump_pagetable - print the PDPTE, PDE and PTE that translate @vaddr
 * @vaddr: any virtual address; the walk starts at CR3
 *
 * Part of the page-fault report.
 * Context: any, fault handlers included.
 */
void dump_pagetable(unsigned long vaddr);

/**
 * kernel_map_page - map one page in the kernel half
 * @vaddr: the page-aligned kernel virtual address
 * @phys: the physical page
 * @prot: the PTE flags (PAGE_KERNEL, ...)
 *
 * The page table must exist: it panics if there is none. Used for
 * thread stack guards and debug_pagealloc. If the page was mapped
 * before (a protection change), every CPU's TLB drops the old
 * translation (flush_tlb_kernel_range); an unmapped page is in no TLB.
 * Context: any; the caller owns @vaddr.
 */
void kernel_map_page(unsigned long vaddr, phys_addr_t phys, pteval_t prot);

/**
 * kernel_unmap_pages - unmap @nr pages in the kernel half, from every TLB
 * @vaddr: the page-aligned kernel virtual address of the first
 * @nr: how many
 *
 * The page tables must exist: it panics if one is missing. One TLB
 * shootdown for them all: when it returns, no CPU can reach the pages.
 * Context: any; the caller owns the range.
 */
void kernel_unmap_pages(unsigned long vaddr, unsigned long nr);

/**
 * kernel_unmap_page - kernel_unmap_pages of one page
 * @vaddr: the page-aligned kernel virtual address
 *
 * Context: any; the caller owns @vaddr.
 */
void kernel_unmap_page(unsigned long vaddr);

/* The kernel's upper page directory (PDPT slot 3). */
extern pteval_t swapper_pg_dir[PTRS_PER_PMD];
/* The kernel's own PDPT: loaded when no user address space is. */
extern pteval_t swapper_pdpt[PTRS_PER_PGD];

#endif /* MM_PGTABLE_H */
