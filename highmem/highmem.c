// SPDX-License-Identifier: MIT
/*
 * Page-content helpers. A highmem page is mapped at one fixmap slot
 * (FIX_TEMP) with interrupts off for the duration of a helper: simple,
 * and enough until kmap_atomic exists.
 */
#include "highmem/highmem.h"
#include "kernel/panic.h"
#include "kernel/string.h"
#include "mm/fixmap.h"
#include "mm/pgtable.h"
#include <asm/irqflags.h>

static void *map_page(struct page *page, unsigned long *flags)
{
	unsigned long vaddr = fix_to_virt(FIX_TEMP);

	local_irq_save(*flags);
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	kernel_map_page(vaddr, page_to_phys(page), PAGE_KERNEL);
	return (void *)vaddr;
}

static void unmap_page(struct page *page, unsigned long flags)
{
	if (PageHighMem(page))
		kernel_unmap_page(fix_to_virt(FIX_TEMP));
	local_irq_restore(flags);
}

static void check_range(size_t offset, size_t len)
{
	if (offset > PAGE_SIZE || len > PAGE_SIZE - offset)
		panic("page access at offset %zu, length %zu: past the page",
		      offset, len);
}

void clear_highpage(struct page *page)
{
	memset_page(page, 0, 0, PAGE_SIZE);
}

void memset_page(struct page *page, size_t offset, int val, size_t len)
{
	unsigned long flags;
	char *addr;

	check_range(offset, len);
	addr = map_page(page, &flags);
	memset(addr + offset, val, len);
	unmap_page(page, flags);
}

void memcpy_to_page(struct page *page, size_t offset, const void *src,
		    size_t len)
{
	unsigned long flags;
	char *addr;

	check_range(offset, len);
	addr = map_page(page, &flags);
	memcpy(addr + offset, src, len);
	unmap_page(page, flags);
}

void memcpy_from_page(void *dst, struct page *page, size_t offset,
		      size_t len)
{
	unsigned long flags;
	char *addr;

	check_range(offset, len);
	addr = map_page(page, &flags);
	memcpy(dst, addr + offset, len);
	unmap_page(page, flags);
}
