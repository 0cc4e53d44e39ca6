// SPDX-License-Identifier: MIT
/*
 * ioremap: device memory (a framebuffer, MMIO registers) mapped into the
 * vmalloc area with the caching it needs. RAM that the page allocator
 * hands out is refused: mapping it uncached next to its cached direct
 * map would give one page two memory types.
 *
 * Write-combining needs the PAT (kernel/arch/x86/pat.c).
 */
#define pr_fmt(fmt) "ioremap: " fmt

#include "mm/vmalloc.h"
#include "mm/deferred_init.h"
#include "kernel/printk.h"
#include "mm/internal.h"
#include <asm/cpu.h>
#include <asm/pat.h>

static void *__ioremap(phys_addr_t phys, unsigned long size, pteval_t prot,
		       const void *caller)
{
	phys_addr_t base = phys & ~(phys_addr_t)(PAGE_SIZE - 1);
	unsigned long offset = (unsigned long)(phys - base);
	unsigned long pages = (unsigned long)((ALIGN(phys + size,
						     (phys_addr_t)PAGE_SIZE) - base)
					      >> PAGE_SHIFT);
	struct vm_struct *area;

	for (unsigned long i = 0; i < pages; i++) {
		unsigned long pfn = (unsigned long)(base >> PAGE_SHIFT) + i;

		/* A waiting section's descriptors say nothing until written. */
		deferred_init_pfn(pfn);
		if (pfn_valid(pfn) && !PageReserved(pfn_to_page(pfn))) {
			pr_err("ioremap(0x%llx, %lu) from %pS: pfn 0x%lx is RAM "
			       "that the page allocator owns; refused\n",
			       (unsigned long long)phys, size, caller, pfn);
			return NULL;
		}
	}
	area = get_vm_area(pages << PAGE_SHIFT, VM_IOREMAP, caller);
	if (!area)
		return NULL;
	area->phys_addr = base;
	for (unsigned long i = 0; i < pages; i++)
		map_area_page(area, (unsigned int)i, base + (i << PAGE_SHIFT),
			      prot);
	return (char *)area->addr + offset;
}

void *ioremap(phys_addr_t phys, unsigned long size)
{
	return __ioremap(phys, size, PAGE_KERNEL_NOCACHE,
			 __builtin_return_address(0));
}

void *ioremap_wc(phys_addr_t phys, unsigned long size)
{
	return __ioremap(phys, size, pgprot_writecombine,
			 __builtin_return_address(0));
}

void iounmap(void *addr)
{
	free_area_lazily(area_to_free((void *)((unsigned long)addr & PAGE_MASK),
				      VM_IOREMAP, "iounmap",
				      __builtin_return_address(0)));
}
