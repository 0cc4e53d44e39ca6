// SPDX-License-Identifier: MIT
/*
 * The kernel page-table walker and the helpers built on it. All kernel
 * page tables live in lowmem, so every level is reachable through the
 * direct map with __va().
 */
#include <asm/pgtable.h>
#include "kernel/printk.h"
#include <asm/cpu.h>
#include <asm/tlbflush.h>

/* The page directory for 0xC0000000..0xFFFFFFFF (PDPT slot 3). */
pteval_t swapper_pg_dir[PTRS_PER_PMD] __aligned(4096);

static pteval_t *kernel_pmd_entry(unsigned long vaddr)
{
	if (vaddr < PAGE_OFFSET)
		return NULL;
	return &swapper_pg_dir[pmd_index(vaddr)];
}

pteval_t *lookup_kernel_pte(unsigned long vaddr)
{
	pteval_t *pmd = kernel_pmd_entry(vaddr);
	pteval_t *pte_table;

	if (!pmd || !(*pmd & _PAGE_PRESENT) || (*pmd & _PAGE_PSE))
		return NULL;
	pte_table = __va((unsigned long)pte_phys(*pmd));
	return &pte_table[pte_index(vaddr)];
}

bool kernel_address_mapped(unsigned long vaddr)
{
	pteval_t *pmd = kernel_pmd_entry(vaddr);
	pteval_t *pte;

	if (!pmd || !(*pmd & _PAGE_PRESENT))
		return false;
	if (*pmd & _PAGE_PSE)
		return true;
	pte = lookup_kernel_pte(vaddr);
	return pte && (*pte & _PAGE_PRESENT);
}

void dump_pagetable(unsigned long vaddr)
{
	unsigned long cr3 = read_cr3();
	pteval_t *pdpt = __va(cr3 & ~0x1Ful);
	pteval_t pdpte = pdpt[pgd_index(vaddr)];
	pteval_t *pmd, *pte;

	printk("page table walk for 0x%08lx: PDPTE[%u]=0x%016llx", vaddr,
	       pgd_index(vaddr), (unsigned long long)pdpte);
	if (!(pdpte & _PAGE_PRESENT) || vaddr < PAGE_OFFSET) {
		printk("\n");
		return;
	}
	pmd = kernel_pmd_entry(vaddr);
	printk(" PDE[%u]=0x%016llx", pmd_index(vaddr),
	       (unsigned long long)*pmd);
	pte = lookup_kernel_pte(vaddr);
	if (pte)
		printk(" PTE[%u]=0x%016llx (at 0x%08lx)", pte_index(vaddr),
		       (unsigned long long)*pte, (unsigned long)pte);
	printk("\n");
}

void kernel_map_page(unsigned long vaddr, phys_addr_t phys, pteval_t prot)
{
	pteval_t *pte = lookup_kernel_pte(vaddr);
	pteval_t old;

	if (!pte)
		panic("kernel_map_page: no page table for 0x%08lx", vaddr);
	old = *pte;
	set_pte(pte, (phys & PTE_PFN_MASK) | prot);
	if (old & _PAGE_PRESENT)
		flush_tlb_kernel_range(vaddr, vaddr + PAGE_SIZE);
}

void kernel_unmap_pages(unsigned long vaddr, unsigned long nr)
{
	for (unsigned long i = 0; i < nr; i++) {
		unsigned long va = vaddr + i * PAGE_SIZE;
		pteval_t *pte = lookup_kernel_pte(va);

		if (!pte)
			panic("kernel_unmap_pages: no page table for 0x%08lx",
			      va);
		pte_clear(pte);
	}
	flush_tlb_kernel_range(vaddr, vaddr + nr * PAGE_SIZE);
}

void kernel_unmap_page(unsigned long vaddr)
{
	kernel_unmap_pages(vaddr, 1);
}
