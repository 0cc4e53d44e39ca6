// SPDX-License-Identifier: MIT
/* In-kernel tests of the final page tables and the PTE helpers. */
#include "tests/kernel/ktest.h"
#include "kernel/sections.h"
#include "kernel/lib/string.h"
#include <asm/fixmap.h>
#include "mm/gfp.h"
#include "mm/page_debug.h"
#include <asm/pgtable.h>
#include <asm/cpu.h>

KTEST(pgtable, direct_map)
{
	unsigned long pfns[] = { 0, 1, 0x100, max_low_pfn / 2,
				 max_low_pfn - 1 };

	for (unsigned int i = 0; i < ARRAY_SIZE(pfns); i++) {
		unsigned long vaddr = PAGE_OFFSET + (pfns[i] << PAGE_SHIFT);
		pteval_t *pte = lookup_kernel_pte(vaddr);

		KT_ASSERT_NOT_NULL(t, pte);
		if (page_debug_unmapped(vaddr))
			continue; /* a free page, under debug_pagealloc */
		KT_EXPECT_EQ(t, pte_pfn(*pte), pfns[i]);
		KT_EXPECT_TRUE(t, *pte & _PAGE_PRESENT);
	}
	/* Nothing past the end of lowmem, nothing in the 8 MiB hole. */
	KT_EXPECT_FALSE(t, kernel_address_mapped(high_memory));
	KT_EXPECT_FALSE(t, kernel_address_mapped(VMALLOC_START - PAGE_SIZE));
}

KTEST(pgtable, protections)
{
	pteval_t text = *lookup_kernel_pte((unsigned long)_stext);
	pteval_t ro = *lookup_kernel_pte((unsigned long)_srodata);
	pteval_t data = *lookup_kernel_pte((unsigned long)_sdata);

	KT_EXPECT_FALSE(t, text & _PAGE_RW);
	KT_EXPECT_FALSE(t, text & _PAGE_NX);
	KT_EXPECT_FALSE(t, ro & _PAGE_RW);
	KT_EXPECT_TRUE(t, data & _PAGE_RW);
	KT_EXPECT_EQ(t, data & _PAGE_NX, __supported_pte_mask_nx);
	KT_EXPECT_EQ(t, ro & _PAGE_NX, __supported_pte_mask_nx);
}

KTEST(pgtable, identity_map_removed)
{
	pteval_t *pdpt = __va(read_cr3() & ~0x1Ful);

	KT_EXPECT_EQ(t, pdpt[0], 0);
	KT_EXPECT_EQ(t, pdpt[1], 0);
	KT_EXPECT_EQ(t, pdpt[2], 0);
	KT_EXPECT_EQ(t, pte_phys(pdpt[3]), __pa(swapper_pg_dir));
	KT_EXPECT_FALSE(t, kernel_address_mapped(0x100000));
}

KTEST(pgtable, areas_prepared)
{
	/*
	 * Page tables exist for every area. (pkmap slots may hold
	 * mappings left by earlier tests until the next wrap flush, and
	 * the VGA text buffer is ioremapped at the start of vmalloc.)
	 */
	unsigned long probes[] = { VMALLOC_START, VMALLOC_END - PAGE_SIZE,
				   PKMAP_BASE, PKMAP_BASE + PMD_SIZE - PAGE_SIZE,
				   fix_to_virt(FIX_KMAP_BEGIN),
				   fix_to_virt(FIX_KMAP_END) };
	unsigned long unused[] = { VMALLOC_END - PAGE_SIZE,
				   fix_to_virt(FIX_KMAP_END) };

	for (unsigned int i = 0; i < ARRAY_SIZE(probes); i++)
		KT_EXPECT_NOT_NULL(t, lookup_kernel_pte(probes[i]));
	for (unsigned int i = 0; i < ARRAY_SIZE(unused); i++)
		KT_EXPECT_FALSE(t, *lookup_kernel_pte(unused[i]) & _PAGE_PRESENT);
}

KTEST(pgtable, map_unmap_page)
{
	unsigned long vaddr = fix_to_virt(FIX_KMAP_END);
	struct page *page = alloc_page(GFP_KERNEL);
	phys_addr_t phys;
	volatile u32 *through_fixmap = (volatile u32 *)vaddr;
	volatile u32 *through_direct;

	KT_ASSERT_NOT_NULL(t, page);
	phys = page_to_phys(page);
	through_direct = __va((unsigned long)phys);
	*through_direct = 0x12345678;
	kernel_map_page(vaddr, phys, PAGE_KERNEL);
	KT_EXPECT_TRUE(t, kernel_address_mapped(vaddr));
	KT_EXPECT_EQ(t, *through_fixmap, 0x12345678);
	*through_fixmap = 0xCAFEF00D;
	KT_EXPECT_EQ(t, *through_direct, 0xCAFEF00D);
	kernel_unmap_page(vaddr);
	KT_EXPECT_FALSE(t, kernel_address_mapped(vaddr));
	__free_page(page);
}
