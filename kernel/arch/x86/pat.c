// SPDX-License-Identifier: MIT
/*
 * The page attribute table: the memory type a PTE's PAT, PCD and PWT
 * bits select. pat_init reprograms PAT entry 1 (the PWT bit alone) from
 * write-through to write-combining, as Linux does, so that ioremap_wc
 * can map a framebuffer write-combined.
 */
#define pr_fmt(fmt) "pat: " fmt

#include "kernel/printk.h"
#include <asm/cpu.h>
#include <asm/cpuinfo.h>
#include <asm/pat.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/* Memory types in the PAT MSR. */
#define PAT_UC 0x00ull
#define PAT_WC 0x01ull
#define PAT_WT 0x04ull
#define PAT_WP 0x05ull
#define PAT_WB 0x06ull
#define PAT_UC_MINUS 0x07ull
#define PAT_ENTRY(i, type) ((type) << ((i) * 8))

#define KERNEL_PAT                                                  \
	(PAT_ENTRY(0, PAT_WB) | PAT_ENTRY(1, PAT_WC) |                \
	 PAT_ENTRY(2, PAT_UC_MINUS) | PAT_ENTRY(3, PAT_UC) |          \
	 PAT_ENTRY(4, PAT_WB) | PAT_ENTRY(5, PAT_WP) |                \
	 PAT_ENTRY(6, PAT_UC_MINUS) | PAT_ENTRY(7, PAT_WT))

/* Set by pat_init: WC through the PAT, or uncached without one. */
pteval_t pgprot_writecombine;

void pat_init_cpu(void)
{
	if (!boot_cpu.pat)
		return;
	wrmsr(MSR_IA32_PAT, KERNEL_PAT);
	flush_tlb_all();
}

void pat_init(void)
{
	u64 pat = KERNEL_PAT;

	pgprot_writecombine = PAGE_KERNEL_NOCACHE;
	if (!boot_cpu.pat) {
		pr_info("no PAT: write-combining mappings will be uncached\n");
		return;
	}
	pat_init_cpu();
	pgprot_writecombine = (PAGE_KERNEL & ~(_PAGE_PCD | _PAGE_PWT)) |
			      _PAGE_PWT;
	pr_info("PAT set to 0x%016llx: WB WC UC- UC WB WP UC- WT\n",
		(unsigned long long)pat);
}
