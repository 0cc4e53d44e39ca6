// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the page map (mm/pagemap.c): pages of every kind
 * are made, and each must show as what it is; then a walk's sums must
 * agree with the allocator's counts.
 */
#include "highmem/highmem.h"
#include "kernel/fs/fs.h"
#include "kernel/sched.h"
#include "kernel/sections.h"
#include "kernel/smp.h"
#include "kernel/timer.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/mmap.h"
#include "mm/pagemap.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"
#include "tests/kernel/kt_mm.h"
#include "tests/kernel/ktest.h"

static enum pagemap_state state_of(unsigned long pfn)
{
	unsigned int order;

	return pagemap_classify_pfn(pfn, &order);
}

KTEST(pagemap, kernel_image_mem_map_and_holes)
{
	KT_EXPECT_EQ(t, state_of(__pa(_stext) >> PAGE_SHIFT), PM_KERNEL);
	KT_EXPECT_EQ(t, state_of(__pa(__bss_start) >> PAGE_SHIFT), PM_KERNEL);
	KT_EXPECT_EQ(t, state_of(__pa(mem_map) >> PAGE_SHIFT), PM_MEMMAP);
	/* Page 0 is always reserved (docs/memory-layout.md). */
	KT_EXPECT_EQ(t, state_of(0), PM_RESERVED);
	if (max_pfn + PAGES_PER_SECTION < (NR_MEM_SECTIONS << PFN_SECTION_SHIFT))
		KT_EXPECT_EQ(t, state_of(max_pfn + PAGES_PER_SECTION), PM_HOLE);
}

KTEST(pagemap, slab_and_large_kmalloc)
{
	void *small = kt_kmalloc(t, 64, GFP_KERNEL);
	void *large;

	KT_ASSERT_NOT_NULL(t, small);
	KT_EXPECT_EQ(t, state_of(__pa(small) >> PAGE_SHIFT), PM_SLAB);
	/* Past the largest cache: whole pages, an ordinary allocation. */
	large = kt_kmalloc(t, 4 * PAGE_SIZE, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, large);
	if (!PageSlab(virt_to_page(large)))
		KT_EXPECT_EQ(t, state_of(__pa(large) >> PAGE_SHIFT),
			     PM_KERNEL_OTHER);
}

/* Every page of an allocated block shows allocated, tails included. */
KTEST(pagemap, allocated_block_then_free)
{
	struct page *page = alloc_pages(GFP_KERNEL, 3);
	unsigned long pfn;
	unsigned int order;

	KT_ASSERT_NOT_NULL(t, page);
	pfn = page_to_pfn(page);
	for (unsigned long i = 0; i < 8; i++)
		KT_EXPECT_EQ(t, state_of(pfn + i), PM_KERNEL_OTHER);
	__free_pages(page, 3);
	/* Order 3 goes straight back to the buddy lists, maybe merged. */
	KT_EXPECT_EQ(t, pagemap_classify_pfn(pfn + 5, &order), PM_FREE);
	KT_EXPECT_GE(t, order, 3u);
}

KTEST(pagemap, page_on_a_per_cpu_list)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long pfn;

	KT_ASSERT_NOT_NULL(t, page);
	pfn = page_to_pfn(page);
	__free_page(page); /* to this CPU's hot list */
	KT_EXPECT_EQ(t, state_of(pfn), PM_PCP);
}

KTEST(pagemap, kernel_stack_and_vmalloc)
{
	void *area;

	if (current->stack_page)
		KT_EXPECT_EQ(t, state_of(page_to_pfn(current->stack_page)),
			     PM_KSTACK);
	area = vmalloc(2 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, area);
	KT_EXPECT_EQ(t, state_of(page_to_pfn(vmalloc_to_page(area))),
		     PM_VMALLOC);
	KT_EXPECT_EQ(t, state_of(page_to_pfn(vmalloc_to_page(
				  (char *)area + PAGE_SIZE))), PM_VMALLOC);
	vfree(area);
}

KTEST(pagemap, page_cache_page)
{
	struct file *f = ramfs_anon_file(PAGE_SIZE);
	struct page *page;
	unsigned long pfn;

	KT_ASSERT_NOT_NULL(t, f);
	page = find_or_create_page(file_inode(f), 0);
	if (!page) {
		fput(f);
		KT_ASSERT_NOT_NULL(t, page);
	}
	pfn = page_to_pfn(page);
	KT_EXPECT_EQ(t, state_of(pfn), PM_PAGECACHE);
	put_page(page);
	fput(f); /* the file goes, and its pages with it */
	KT_EXPECT_NE(t, state_of(pfn), PM_PAGECACHE);
}

/* A user page and its page table, HighMem by default (highpte). */
KTEST(pagemap, user_page_and_page_table)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long addr, user_pfn, table_pfn;
	pteval_t pmd;

	KT_ASSERT_NOT_NULL(t, mm);
	addr = do_mmap(mm, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
	if (addr >= TASK_SIZE) {
		mmput(mm);
		KT_ASSERT_TRUE(t, addr < TASK_SIZE);
	}
	KT_EXPECT_EQ(t, handle_mm_fault(mm, addr, FAULT_FLAG_WRITE), 0);
	user_pfn = (unsigned long)pte_pfn(user_pte_read(mm, addr));
	pmd = mm->pmd[pgd_index(addr)][pmd_index(addr)];
	table_pfn = (unsigned long)pte_pfn(pmd);
	KT_EXPECT_EQ(t, state_of(user_pfn), PM_ANON);
	KT_EXPECT_EQ(t, state_of(table_pfn), PM_PAGETABLE);
	/* The PMD page that points at it, in lowmem, is one too. */
	KT_EXPECT_EQ(t, state_of(__pa(mm->pmd[pgd_index(addr)]) >> PAGE_SHIFT),
		     PM_PAGETABLE);
	if (mm->highpte && zones[ZONE_HIGHMEM].managed_pages)
		KT_EXPECT_GE(t, table_pfn, max_low_pfn);
	mmput(mm);
	KT_EXPECT_NE(t, state_of(user_pfn), PM_ANON);
	KT_EXPECT_NE(t, state_of(table_pfn), PM_PAGETABLE);
}

/*
 * A section that waits is described, not read, and stays waiting. From
 * the shell the deferred init's threads may get to it meanwhile: then
 * there is nothing to say.
 */
KTEST(pagemap, deferred_section_not_touched)
{
	struct zone *high = &zones[ZONE_HIGHMEM];
	struct deferred_init_status st;
	enum pagemap_state state;
	unsigned long pfn;

	for (pfn = high->zone_start_pfn; pfn < zone_end_pfn(high);
	     pfn += PAGES_PER_SECTION)
		if (pfn_valid(pfn) && !pfn_initialised(pfn))
			break;
	if (pfn >= zone_end_pfn(high)) {
		ktest_skip(t, "no section waits for deferred init now");
		return;
	}
	state = state_of(pfn + 7);
	deferred_init_status(&st);
	if (st.threads && pfn_initialised(pfn)) {
		ktest_skip(t, "the deferred init threads initialised the "
			      "section meanwhile");
		return;
	}
	KT_EXPECT_EQ(t, state, PM_DEFERRED);
	KT_EXPECT_FALSE(t, pfn_initialised(pfn + 7));
}

/*
 * The sums are exact at a quiet moment (mm/pagemap.h). At boot the
 * tests are all that runs; from the shell the deferred init's threads
 * may still be at work, or ending (their stacks go back): a few tries,
 * a moment apart, find a quiet one.
 */
#define CHECK_TRIES 5
#define CHECK_PAUSE_MS 200

KTEST(pagemap, sums_agree_with_the_allocator)
{
	int err = 0;

	for (int i = 0; i < CHECK_TRIES; i++) {
		err = pagemap_check(seq_console());
		if (!err)
			break;
		msleep(CHECK_PAUSE_MS);
	}
	KT_EXPECT_EQ(t, err, 0);
}

/* The slots the map shows say which frame they map. */
KTEST(pagemap, kmap_slots_name_their_frames)
{
	struct page *page = kt_alloc_page(t, GFP_HIGHUSER);
	unsigned long pfn;
	unsigned int cpu;
	void *addr;
	int depth;

	KT_ASSERT_NOT_NULL(t, page);
	if (!PageHighMem(page))
		KT_SKIP(t, "no HighMem page: lowmem pages take no slot");
	pfn = page_to_pfn(page);
	addr = kmap(page);
	KT_EXPECT_EQ(t, pkmap_slot_pfn(((unsigned long)addr - PKMAP_BASE) >>
				       PAGE_SHIFT), pfn);
	KT_EXPECT_GE(t, pkmap_slot_count(((unsigned long)addr - PKMAP_BASE) >>
					 PAGE_SHIFT), 2);
	kunmap(page);
	addr = kmap_local_page(page);
	cpu = smp_processor_id(); /* kmap_local pins the thread meanwhile */
	depth = kmap_depth_of(cpu);
	KT_EXPECT_GE(t, depth, 1);
	KT_EXPECT_EQ(t, kmap_slot_pfn(cpu, depth - 1), pfn);
	kunmap_local(addr);
}
