// SPDX-License-Identifier: MIT
/*
 * The final kernel page tables (DESIGN.md section 3), built once
 * memblock knows where lowmem ends:
 *
 *   - the direct map of lowmem with 4 KiB pages, so that single pages
 *     can later be unmapped or protected (kernel text read-only,
 *     everything else not executable where the CPU has NX);
 *   - empty page tables for the vmalloc area, the pkmap area and the
 *     fixmap, allocated now so that mapping there never allocates;
 *   - no identity map: the user half of the address space is empty.
 *
 * The PAE top level is a 4-entry PDPT: only the entry of the kernel
 * gigabyte is filled, with swapper_pg_dir.
 */
#define pr_fmt(fmt) "mm: " fmt

#include "kernel/debug/bochs.h"
#include "kernel/printk.h"
#include "kernel/sections.h"
#include "mm/init.h"
#include "mm/memblock.h"
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <asm/tlbflush.h>

#define PDPTE_PRESENT 0x1ull
#define PDE_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED)

pteval_t swapper_pdpt[PTRS_PER_PGD] __aligned(32);
/*
 * The fixmap's page table is part of the kernel image, not allocated:
 * its address is then known at link time, and fixmap_pte() is a shift
 * and a constant offset (kmap_atomic's inline path).
 */
pteval_t fixmap_pte_table[PTRS_PER_PTE] __aligned(PAGE_SIZE);
static unsigned int nr_pte_pages;

/* The page table behind the kernel PDE for @vaddr, allocated if missing. */
static pteval_t *pte_table_for(unsigned long vaddr)
{
	pteval_t *pmd = &swapper_pg_dir[pmd_index(vaddr)];
	void *table;

	if (*pmd & _PAGE_PRESENT)
		return __va((unsigned long)pte_phys(*pmd));
	table = memblock_alloc(PAGE_SIZE, PAGE_SIZE, "a kernel page table");
	*pmd = (pteval_t)__pa(table) | PDE_TABLE;
	nr_pte_pages++;
	return table;
}

static pteval_t kernel_image_prot(unsigned long vaddr)
{
	if (vaddr >= (unsigned long)_kernel_start &&
	    vaddr < (unsigned long)_etext)
		return PAGE_KERNEL_RX;
	if (vaddr >= (unsigned long)_srodata &&
	    vaddr < (unsigned long)_erodata)
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

static void map_lowmem(void)
{
	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn++) {
		unsigned long vaddr = PAGE_OFFSET + (pfn << PAGE_SHIFT);
		pteval_t *table = pte_table_for(vaddr);

		table[pte_index(vaddr)] = pfn_pte(pfn, kernel_image_prot(vaddr));
	}
}

/* Allocate (empty) page tables covering [start, end). */
static void prepare_area(unsigned long start, unsigned long end)
{
	for (unsigned long vaddr = ALIGN_DOWN(start, PMD_SIZE);
	     vaddr < end && vaddr >= PAGE_OFFSET; vaddr += PMD_SIZE)
		pte_table_for(vaddr);
}

extern char boot_stack_guard[];

void paging_init(void)
{
	map_lowmem();
	prepare_area(VMALLOC_START, VMALLOC_END);
	prepare_area(PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE);
	swapper_pg_dir[pmd_index(FIXMAP_PMD_BASE)] =
		(pteval_t)__pa(fixmap_pte_table) | PDE_TABLE;
	nr_pte_pages++;

	/* Leave the page below the boot stack unmapped, as a guard. */
	*lookup_kernel_pte((unsigned long)boot_stack_guard) = 0;

	/* Only the kernel gigabyte: the boot identity map is gone. */
	swapper_pdpt[pgd_index(PAGE_OFFSET)] = (pteval_t)__pa(swapper_pg_dir) |
					       PDPTE_PRESENT;
	write_cr3(__pa(swapper_pdpt));
	flush_tlb_all();
	df_tss_set_cr3(read_cr3());
	pr_info("kernel page tables: %u page tables (%u KiB), identity map "
		"removed\n", nr_pte_pages, nr_pte_pages * 4);
	bochs_break_regs(BREAK_PAGING, read_cr3(), __pa(swapper_pg_dir),
			 "EAX = CR3 = 0x%08lx (the PDPT), EDX = 0x%08lx "
			 "(swapper_pg_dir, physical); try: xp /4gx 0x%08lx, "
			 "page 0x%08lx", read_cr3(), __pa(swapper_pg_dir),
			 read_cr3(), (unsigned long)_stext);
}
