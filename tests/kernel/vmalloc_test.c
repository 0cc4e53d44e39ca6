// SPDX-License-Identifier: MIT
/* In-kernel tests of vmalloc, vmap and ioremap. */
#include "highmem/highmem.h"
#include "kernel/drivers/fb.h"
#include "kernel/drivers/memview.h"
#include "tests/kernel/ktest.h"
#include "kernel/lib/string.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/vmalloc.h"
#include "tests/kernel/kt_mm.h"

#define SIXTY_FOUR_MIB (64ul << 20)

/*
 * 64 MiB, virtually contiguous, from highmem first: every page is
 * checked through vmalloc_to_page, and a word of each is written through
 * the vmalloc address and read back through kmap_atomic of that page.
 */
KTEST(vmalloc, sixty_four_mib_from_highmem)
{
	unsigned long low_free = zone_free_pages(&zones[ZONE_NORMAL]) +
				 zone_free_pages(&zones[ZONE_DMA]);
	unsigned long high_free = zone_free_pages(&zones[ZONE_HIGHMEM]);
	/* 64 MiB, or half of what there is on a small machine. */
	unsigned long pages = min(SIXTY_FOUR_MIB >> PAGE_SHIFT,
				  (low_free + high_free) / 2);
	unsigned long high = 0, bad = 0;
	u32 *v = vmalloc(pages << PAGE_SHIFT);

	printk("    %lu MiB; lowmem free %lu MiB, highmem free %lu MiB\n",
	       pages >> 8, low_free >> 8, high_free >> 8);
	KT_ASSERT_NOT_NULL(t, v);
	for (unsigned long i = 0; i < pages; i++) {
		u32 *word = v + i * (PAGE_SIZE / 4);
		struct page *page = vmalloc_to_page(word);
		u32 *mapped;

		*word = 0xF00D0000u + (u32)i;
		if (!page) {
			bad++;
			continue;
		}
		high += PageHighMem(page);
		mapped = kmap_atomic(page);
		if (*mapped != 0xF00D0000u + (u32)i)
			bad++;
		kunmap_atomic(mapped);
	}
	KT_EXPECT_EQ(t, bad, 0);
	/* Highmem first: all of it from highmem if highmem had room. */
	if (high_free > pages + 1024)
		KT_EXPECT_EQ(t, high, pages);
	/* A machine whose lowmem could not hold it still gets it. */
	if (low_free < pages)
		printk("    lowmem alone could not hold %lu MiB: %lu of %lu "
		       "pages came from highmem\n", pages >> 8, high, pages);
	KT_EXPECT_EQ(t, find_vm_area(v + pages / 2)->addr, (unsigned long)v);
	vfree(v);
}

KTEST(vmalloc, guard_page_and_lookup)
{
	char *v = vmalloc(3 * PAGE_SIZE + 100); /* rounded up to 4 pages */
	struct vm_struct *area;

	KT_ASSERT_NOT_NULL(t, v);
	area = find_vm_area(v);
	KT_ASSERT_NOT_NULL(t, area);
	KT_EXPECT_EQ(t, area->size, 5 * PAGE_SIZE); /* 4 pages + guard */
	KT_EXPECT_EQ(t, area->nr_pages, 4);
	KT_EXPECT_TRUE(t, kernel_address_mapped((unsigned long)v + 4 * PAGE_SIZE - 1));
	KT_EXPECT_FALSE(t, kernel_address_mapped((unsigned long)v + 4 * PAGE_SIZE));
	KT_EXPECT_EQ(t, (uintptr_t)find_vm_area(v + 4 * PAGE_SIZE), (uintptr_t)area);
	KT_EXPECT_NULL(t, vmalloc_to_page(v + 4 * PAGE_SIZE));
	vfree(v);
}

KTEST(vmalloc, vfree_is_lazy_and_the_range_comes_back)
{
	void *a, *b, *c;
	unsigned long purges;

	vmalloc_purge();
	a = vmalloc(16 * PAGE_SIZE);
	KT_REQUIRE_NOT_NULL(t, a);
	/*
	 * Written through the area, so the TLB holds its translations:
	 * they must be gone by the time the range is handed out again.
	 */
	for (int i = 0; i < 16; i++)
		((u32 *)a)[i * 1024] = 0xDEAD0000u + (u32)i;
	vfree(a);
	/* Not purged yet: the range is still reserved. */
	KT_EXPECT_NE(t, vmalloc_stats.lazy_pages, 0);
	b = vmalloc(16 * PAGE_SIZE);
	KT_EXPECT_NE(t, (uintptr_t)b, (uintptr_t)a);
	KT_EXPECT_FALSE(t, kernel_address_mapped((unsigned long)a));
	vfree(b);
	purges = vmalloc_stats.purges;
	vmalloc_purge(); /* one TLB flush for both */
	KT_EXPECT_EQ(t, vmalloc_stats.purges, purges + 1);
	KT_EXPECT_EQ(t, vmalloc_stats.lazy_pages, 0);
	c = vzalloc(16 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, c);
	KT_EXPECT_EQ(t, (uintptr_t)c, (uintptr_t)a); /* first fit again */
	/* New, zeroed pages: a stale TLB entry would show the old words. */
	for (int i = 0; i < 16; i++)
		KT_EXPECT_EQ(t, ((u32 *)c)[i * 1024], 0);
	vfree(c);
}

/* Every page vmalloc took comes back: vfree, then a purge, leaks nothing. */
KTEST(vmalloc, vfree_gives_every_page_back)
{
	unsigned long before, after;
	void *v;

	vmalloc_purge();
	shrink_all();
	drain_all_pages();
	before = nr_free_pages();
	v = vmalloc(300 * PAGE_SIZE);
	KT_REQUIRE_NOT_NULL(t, v);
	drain_all_pages();
	/* 300 pages, and the array of their page pointers. */
	KT_EXPECT_LE(t, nr_free_pages(), before - 300);
	vfree(v);
	vmalloc_purge();
	shrink_all(); /* the slab pages of the area's bookkeeping */
	drain_all_pages();
	after = nr_free_pages();
	KT_EXPECT_EQ(t, after, before);
}

KTEST(vmalloc, vmap_scattered_pages)
{
	struct page *pages[4] = { alloc_page(GFP_HIGHUSER), alloc_page(GFP_KERNEL),
				  alloc_page(GFP_HIGHUSER), alloc_page(GFP_DMA) };
	u8 *v;
	u8 byte;

	for (int i = 0; i < 4; i++)
		KT_ASSERT_NOT_NULL(t, pages[i]);
	v = vmap(pages, 4, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, v);
	for (int i = 0; i < 4; i++) {
		v[i * PAGE_SIZE + 7] = (u8)(0xA0 + i);
		KT_EXPECT_EQ(t, (uintptr_t)vmalloc_to_page(v + i * PAGE_SIZE),
			     (uintptr_t)pages[i]);
		memcpy_from_page(&byte, pages[i], 7, 1);
		KT_EXPECT_EQ(t, byte, 0xA0 + i);
	}
	vunmap(v);
	for (int i = 0; i < 4; i++)
		__free_page(pages[i]);
}

KTEST(ioremap, refuses_allocator_ram)
{
	struct page *page = alloc_page(GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, page);
	printk("    (one refusal expected:)\n");
	KT_EXPECT_NULL(t, ioremap(page_to_phys(page), PAGE_SIZE));
	__free_page(page);
}

KTEST(ioremap, vga_text_buffer)
{
	u16 *vga = ioremap(0xB8000, 4000);
	u16 *cell = vga + 80 * 24 + 79; /* the bottom-right corner */
	u16 saved;
	pteval_t pte;

	KT_ASSERT_NOT_NULL(t, vga);
	pte = *lookup_kernel_pte((unsigned long)vga);
	KT_EXPECT_TRUE(t, pte & _PAGE_PCD);
	KT_EXPECT_TRUE(t, pte & _PAGE_PWT);
	saved = *cell;
	*cell = 0x2F21; /* '!' white on green */
	KT_EXPECT_EQ(t, *(volatile u16 *)cell, 0x2F21);
	*cell = saved;
	iounmap(vga);
}

KTEST(ioremap, framebuffer_pixels_read_back)
{
	unsigned int bad = 0;
	pteval_t pte;

	if (!fb.phys)
		KT_SKIP(t, "no framebuffer (no PCI VGA with Bochs VBE registers)");
	if (memview_running())
		KT_SKIP(t, "memview draws on the framebuffer");
	KT_ASSERT_EQ(t, fb_set_mode(640, 480), 0);
	pte = *lookup_kernel_pte((unsigned long)fb.pixels);
	KT_EXPECT_TRUE(t, pte & _PAGE_PWT);
	KT_EXPECT_EQ(t, pte_phys(pte), fb.phys);
	for (unsigned int i = 0; i < 640 * 480; i += 97)
		fb.pixels[i] = (u8)(i ^ (i >> 8));
	for (unsigned int i = 0; i < 640 * 480; i += 97)
		if (fb.pixels[i] != (u8)(i ^ (i >> 8)))
			bad++;
	KT_EXPECT_EQ(t, bad, 0);
	fb_text_mode();
	KT_EXPECT_NULL(t, fb.pixels);
}

/*
 * The lazy purge must flush the TLB before the range is reused: write
 * through an area, free it, purge, and map other (zeroed) pages at the
 * same address. A translation left in the TLB would show the old words.
 * The new pages are prepared first, so that little runs between the
 * writes and the reads that could push the old entries out of the TLB.
 */
#define STALE_PAGES 16

KTEST(vmalloc, purge_flushes_before_the_range_is_reused)
{
	struct page *fresh[STALE_PAGES];
	unsigned int stale = 0;
	u32 *a, *c;

	for (int i = 0; i < STALE_PAGES; i++) {
		fresh[i] = kt_alloc_page(t, GFP_HIGHUSER | __GFP_ZERO);
		KT_REQUIRE_NOT_NULL(t, fresh[i]);
	}
	vmalloc_purge();
	a = vmalloc(STALE_PAGES * PAGE_SIZE);
	KT_REQUIRE_NOT_NULL(t, a);
	for (int i = 0; i < STALE_PAGES; i++)
		WRITE_ONCE(a[i * 1024], 0xDEAD0000u + (u32)i);
	vfree(a);
	vmalloc_purge();
	c = vmap(fresh, STALE_PAGES, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, c);
	for (int i = 0; i < STALE_PAGES; i++)
		if (READ_ONCE(c[i * 1024]) != 0)
			stale++;
	vunmap(c);
	KT_EXPECT_EQ(t, (uintptr_t)c, (uintptr_t)a); /* the same range */
	KT_EXPECT_EQ(t, stale, 0);
}
