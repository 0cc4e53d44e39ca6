// SPDX-License-Identifier: MIT
/* Page allocator debugging (see mm/page_debug.h). */
#define pr_fmt(fmt) "page_debug: " fmt

#include "mm/page_debug.h"
#include "highmem/highmem.h"
#include "kernel/cmdline.h"
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include "kernel/spinlock.h"
#include "kernel/lib/string.h"
#include "mm/gfp.h"
#include <asm/pgtable.h>

#define HISTORY_ORDER 5 /* 32 pages: 8192 events */
#define HISTORY_SIZE ((PAGE_SIZE << HISTORY_ORDER) / sizeof(struct page_event))

enum { EVENT_ALLOC = 1, EVENT_FREE = 2 };

struct page_event {
	u32 pfn;
	u8 order;
	u8 type;
	unsigned long caller, caller2;
};

unsigned int page_debug;
static struct page_event *history;
static unsigned long history_next; /* events recorded so far */
static DEFINE_SPINLOCK(history_lock);

static bool page_poison = DEBUG_BUILD;
BOOT_PARAM_FLAG("page_poison", page_poison,
		"page_poison      poison freed pages, check on alloc");
static bool debug_pagealloc = DEBUG_BUILD;
BOOT_PARAM_FLAG("debug_pagealloc", debug_pagealloc,
		"debug_pagealloc  unmap freed lowmem pages from the direct map");

void page_debug_init(void)
{
	unsigned int want = (page_poison ? PAGE_DEBUG_POISON : 0) |
			    (debug_pagealloc ? PAGE_DEBUG_UNMAP : 0);

	if (!want)
		return;
	history = (struct page_event *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
							HISTORY_ORDER);
	if (!history)
		pr_warn("no memory for the allocation history\n");
	page_debug = want;
	pr_info("on:%s%s; history of the last %lu allocations and frees\n",
		(want & PAGE_DEBUG_POISON) ? " page_poison" : "",
		(want & PAGE_DEBUG_UNMAP) ? " debug_pagealloc" : "",
		history ? (unsigned long)HISTORY_SIZE : 0ul);
}

static void record(struct page *page, unsigned int order, u8 type,
		   unsigned long caller, unsigned long caller2)
{
	unsigned long flags;
	struct page_event *e;

	if (!history)
		return;
	spin_lock_irqsave(&history_lock, flags);
	e = &history[history_next++ % HISTORY_SIZE];
	e->pfn = (u32)page_to_pfn(page);
	e->order = (u8)order;
	e->type = type;
	e->caller = caller;
	e->caller2 = caller2;
	spin_unlock_irqrestore(&history_lock, flags);
}

void page_debug_history(unsigned long pfn)
{
	bool seen_alloc = false, seen_free = false;
	unsigned long n = min(history_next, (unsigned long)HISTORY_SIZE);

	if (!history) {
		printk("(no allocation history: boot with page_poison or "
		       "debug_pagealloc)\n");
		return;
	}
	for (unsigned long i = 1; i <= n && !(seen_alloc && seen_free); i++) {
		const struct page_event *e =
			&history[(history_next - i) % HISTORY_SIZE];
		bool alloc = e->type == EVENT_ALLOC;

		if (pfn < e->pfn || pfn >= e->pfn + (1ul << e->order) ||
		    (alloc ? seen_alloc : seen_free))
			continue;
		printk("pfn 0x%lx last %s (order %u block at 0x%x) by %pS, "
		       "from %pS\n", pfn, alloc ? "allocated" : "freed",
		       e->order, e->pfn, (void *)e->caller, (void *)e->caller2);
		if (alloc)
			seen_alloc = true;
		else
			seen_free = true;
	}
	if (!seen_alloc && !seen_free)
		printk("pfn 0x%lx: not in the last %lu allocations and frees\n",
		       pfn, n);
}

/*
 * Unmapping shoots the block down from every CPU's TLB at once, so that
 * a use after free faults on whichever CPU it happens.
 */
static void set_direct_map(struct page *page, unsigned int order, bool map)
{
	unsigned long vaddr = (unsigned long)lowmem_page_address(page);

	if (!map) {
		kernel_unmap_pages(vaddr, 1ul << order);
		return;
	}
	for (unsigned long i = 0; i < (1ul << order); i++)
		kernel_map_page(vaddr + i * PAGE_SIZE, page_to_phys(page + i),
				PAGE_KERNEL);
}

/* The offset of the first byte of @page that is not the poison, or -1. */
static int find_poison_damage(struct page *page, u8 *value)
{
	const u8 *p = kmap_atomic(page);
	const u8 *bad = memchr_inv(p, PAGE_POISON, PAGE_SIZE);
	int off = bad ? (int)(bad - p) : -1;

	if (bad)
		*value = *bad;
	kunmap_atomic((void *)p);
	return off;
}

static void check_poison(struct page *page)
{
	unsigned long pfn = page_to_pfn(page);
	u8 value;
	int off = find_poison_damage(page, &value);

	if (off < 0)
		return;
	printk("BUG: page poison overwritten: pfn 0x%lx (%s) offset %d holds "
	       "0x%02x, not 0x%02x: the page was written after it was freed\n",
	       pfn, PageHighMem(page) ? "highmem" : "lowmem", off, value,
	       PAGE_POISON);
	page_debug_history(pfn);
	panic("page poison overwritten at pfn 0x%lx offset %d (use after free)",
	      pfn, off);
}

void page_debug_alloc(struct page *page, unsigned int order,
		      unsigned long caller, unsigned long caller2)
{
	if ((page_debug & PAGE_DEBUG_UNMAP) && !PageHighMem(page))
		set_direct_map(page, order, true);
	for (unsigned long i = 0; i < (1ul << order); i++)
		if (PagePoisoned(page + i)) {
			check_poison(page + i);
			ClearPagePoisoned(page + i);
		}
	record(page, order, EVENT_ALLOC, caller, caller2);
}

void page_debug_free(struct page *page, unsigned int order,
		     unsigned long caller, unsigned long caller2)
{
	record(page, order, EVENT_FREE, caller, caller2);
	if (page_debug & PAGE_DEBUG_POISON)
		for (unsigned long i = 0; i < (1ul << order); i++) {
			memset_page(page + i, 0, PAGE_POISON, PAGE_SIZE);
			SetPagePoisoned(page + i);
		}
	if ((page_debug & PAGE_DEBUG_UNMAP) && !PageHighMem(page))
		set_direct_map(page, order, false);
}

bool page_debug_unmapped(unsigned long addr)
{
	return (page_debug & PAGE_DEBUG_UNMAP) && virt_addr_valid(addr) &&
	       !kernel_address_mapped(addr);
}
