// SPDX-License-Identifier: MIT
/*
 * The buddy allocator and its per-CPU page lists.
 *
 * A free block of 2^order pages starts at a pfn that is a multiple of
 * 2^order; its buddy is the block it was split from, at pfn ^ 2^order.
 * Freeing merges a block with its buddy for as long as the buddy is a
 * free block of the same order in the same zone: O(order) steps, found
 * from the pfn alone. Allocating takes the smallest free block that is
 * large enough and splits it, putting the unused halves back.
 *
 * Locking: zone->lock (interrupts off) guards a zone's free lists,
 * free_pages and the PG_buddy pages on them. A per-CPU list, and the
 * counts kept with it, is only touched by its own CPU with interrupts
 * off: draining every CPU's lists (drain_all_pages) is an IPI asking
 * each CPU to drain its own. A page freed on one CPU lands on that
 * CPU's list, whichever CPU allocated it.
 *
 * The order-0 fast paths (a page from this CPU's hot list, a page back
 * onto it) are inline, in mm/page_alloc_fast.h: alloc_pages and
 * __free_pages run them at the call site when the order is a constant,
 * and fall back to __alloc_pages and __free_pages_general here.
 */
#define pr_fmt(fmt) "page_alloc: " fmt

#include "mm/gfp.h"
#include "mm/deferred_init.h"
#include "highmem/highmem.h"
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include "kernel/lib/vsprintf.h"
#include <asm/stacktrace.h>
#include "mm/fault_inject.h"
#include "mm/internal.h"
#include "mm/mmzone.h"
#include "mm/page_debug.h"
#include "kernel/smp.h"
#include "kernel/sched.h"
#include "mm/vmstat.h"

struct zone zones[MAX_NR_ZONES];
DEFINE_PER_CPU(struct per_cpu_pageset, pagesets);

/* Page debugging or fault injection on (see mm/page_alloc_fast.h). */
bool page_alloc_slow;

void page_alloc_debug_changed(void)
{
	page_alloc_slow = page_debug || fail_page_alloc.interval;
}

/* ---- the buddy lists ---- */

static void add_to_free_list(struct zone *zone, struct page *page,
			     unsigned int order)
{
	__SetPageBuddy(page);
	set_page_order(page, order);
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
}

static void del_from_free_list(struct zone *zone, struct page *page,
			       unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	set_page_order(page, 0);
	zone->free_area[order].nr_free--;
}

/* Is the block at @buddy_pfn a free block of @order in @zone? */
static bool page_is_buddy(const struct zone *zone, unsigned long buddy_pfn,
			  unsigned int order)
{
	const struct page *buddy;

	if (!pfn_valid(buddy_pfn))
		return false;
	buddy = pfn_to_page(buddy_pfn);
	return PageBuddy(buddy) && page_order(buddy) == order &&
	       page_zone(buddy) == zone;
}

/* Put a block back, merging it with free buddies. zone->lock held. */
void __free_one_page(struct zone *zone, unsigned long pfn,
			    unsigned int order)
{
	zone->free_pages += 1ul << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1ul << order);

		if (!page_is_buddy(zone, buddy_pfn, order))
			break;
		del_from_free_list(zone, pfn_to_page(buddy_pfn), order);
		pfn &= buddy_pfn; /* the merged block starts at the lower one */
		order++;
	}
	add_to_free_list(zone, pfn_to_page(pfn), order);
}

/*
 * Split a block of order @high down to order @low: the upper half goes
 * back to the free lists at each step. Blocks never cross a section, so
 * page + size is the upper half's descriptor.
 */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high)
{
	unsigned long size = 1ul << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(zone, page + size, high);
	}
}

/* Take a block of @order from the smallest free list that has one. */
static struct page *__rmqueue(struct zone *zone, unsigned int order)
{
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_list(zone, page, o);
		expand(zone, page, order, o);
		zone->free_pages -= 1ul << order;
		return page;
	}
	return NULL;
}

/* ---- per-CPU lists ---- */

/* Move up to @count order-0 pages from the buddy lists to @list. */
static int rmqueue_bulk(struct zone *zone, int count, struct list_head *list)
{
	int i;

	spin_lock(&zone->lock);
	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, 0);

		if (!page)
			break;
		list_add_tail(&page->lru, list);
	}
	spin_unlock(&zone->lock);
	return i;
}

/* Give @count pages from the cold end of @pcp back to the buddy lists. */
static void free_pcppages_bulk(struct zone *zone, int count,
			       struct per_cpu_pages *pcp)
{
	spin_lock(&zone->lock);
	while (count-- > 0 && !list_empty(&pcp->list)) {
		struct page *page = list_last_entry(&pcp->list, struct page, lru);

		list_del(&page->lru);
		pcp->count--;
		__free_one_page(zone, page_to_pfn(page), 0);
	}
	spin_unlock(&zone->lock);
}

static struct page *rmqueue_pcplist(struct zone *zone, gfp_t gfp)
{
	struct per_cpu_pages *pcp;
	struct page *page;
	unsigned long flags;

	local_irq_save(flags);
	pcp = this_cpu_pcp((enum zone_type)zone_idx(zone));
	if (unlikely(list_empty(&pcp->list))) {
		pcp->count += rmqueue_bulk(zone, pcp->batch, &pcp->list);
		zone_stat_inc(zone_idx(zone), pcp_refill);
		if (list_empty(&pcp->list)) {
			local_irq_restore(flags);
			return NULL;
		}
	}
	if (gfp & __GFP_COLD)
		page = list_last_entry(&pcp->list, struct page, lru);
	else
		page = list_first_entry(&pcp->list, struct page, lru);
	list_del(&page->lru);
	pcp->count--;
	local_irq_restore(flags);
	return page;
}

/* Called by free_pcp_page when a list reaches its high mark. */
__noinline void pcp_drain_full(void)
{
	unsigned long flags;

	local_irq_save(flags);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct per_cpu_pages *pcp = this_cpu_pcp((enum zone_type)z);

		if (pcp->count < pcp->high)
			continue;
		free_pcppages_bulk(&zones[z], pcp->batch, pcp);
		zone_stat_inc(z, pcp_drain);
	}
	local_irq_restore(flags);
}

/* Empty this CPU's lists into the buddy lists (on_each_cpu: @unused). */
static void drain_local_pages(void *unused)
{
	struct zone *zone;
	unsigned long flags;

	(void)unused;
	local_irq_save(flags);
	for_each_zone(zone) {
		struct per_cpu_pages *pcp = this_cpu_pcp((enum zone_type)zone_idx(zone));

		free_pcppages_bulk(zone, pcp->count, pcp);
	}
	local_irq_restore(flags);
	count_vm_event(DRAIN_LOCAL_PAGES);
}

void drain_all_pages(void)
{
	might_sleep();
	count_vm_event(DRAIN_ALL_PAGES);
	on_each_cpu(drain_local_pages, NULL);
}

unsigned long zone_pcp_pages(const struct zone *zone)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		n += READ_ONCE(zone_pcp(zone, cpu)->count);
	return n;
}

void zone_stats_sum(const struct zone *zone, struct zone_stats *sum)
{
	unsigned int cpu;

	*sum = (struct zone_stats){ 0 };
	for_each_possible_cpu(cpu) {
		const struct zone_stats *st =
			&per_cpu(pagesets, cpu).stats[zone_idx(zone)];

		sum->alloc += READ_ONCE(st->alloc) +
			      READ_ONCE(zone_pcp(zone, cpu)->allocs);
		sum->alloc_fallback += READ_ONCE(st->alloc_fallback);
		sum->alloc_fail += READ_ONCE(st->alloc_fail);
		sum->pcp_refill += READ_ONCE(st->pcp_refill);
		sum->pcp_drain += READ_ONCE(st->pcp_drain);
	}
}

unsigned long zone_free_pages(const struct zone *zone)
{
	unsigned long buddy, deferred;

	/* Free, if not listed yet: mm/deferred_init.h. */
	zone_free_counts(zone, &buddy, &deferred);
	return buddy + deferred + zone_pcp_pages(zone);
}

/* ---- watermarks and zone choice ---- */

bool zone_watermark_ok(const struct zone *zone, unsigned int order,
			      unsigned long mark, enum zone_type classzone,
			      unsigned int alloc_flags)
{
	long min = (long)mark;
	long free = (long)zone->free_pages - (1l << order) + 1;

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free <= min + (long)zone->lowmem_reserve[classzone])
		return false;
	for (unsigned int o = 0; o < order; o++) {
		free -= (long)(zone->free_area[o].nr_free << o);
		min >>= 1;
		if (free <= min)
			return false;
	}
	return true;
}

static struct page *rmqueue(struct zone *zone, unsigned int order, gfp_t gfp)
{
	struct page *page;
	unsigned long flags;

	if (order == 0)
		return rmqueue_pcplist(zone, gfp);
	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue(zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

/* Walk the zonelist: the preferred zone, then each lower one. */
static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags,
					   enum zone_type classzone)
{
	for (int z = classzone; z >= 0; z--) {
		struct zone *zone = &zones[z];
		unsigned long mark = zone->watermark[alloc_flags & ALLOC_WMARK_MASK];
		struct page *page;

		/*
		 * A zone short of free pages may have sections whose
		 * struct pages wait (mm/deferred_init.c): initialise one
		 * and look again, before a lower zone is tried.
		 */
retry:
		if (!zone->managed_pages ||
		    !zone_watermark_ok(zone, order, mark, classzone, alloc_flags)) {
			if (deferred_grow_zone(zone))
				goto retry;
			continue;
		}
		page = rmqueue(zone, order, gfp);
		if (!page && deferred_grow_zone(zone))
			goto retry;
		if (page) {
			zone_stat_inc(z, alloc);
			count_vm_events(PGALLOC_DMA + z, 1ul << order);
			if (z != (int)classzone)
				zone_stat_inc(z, alloc_fallback);
			return page;
		}
	}
	return NULL;
}

static void prep_new_page(struct page *page, unsigned int order)
{
	set_page_count(page, 1);
	set_page_order(page, order);
	if (order)
		__SetPageHead(page);
}

static void zero_new_page(struct page *page, unsigned int order)
{
	for (unsigned long i = 0; i < (1ul << order); i++)
		clear_highpage(page + i);
}

static struct page *alloc_pages_slowpath(gfp_t gfp, unsigned int order,
					 enum zone_type classzone)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;
	struct page *page;

	/*
	 * Reclaim, the small version: if the caller may wait, the
	 * shrinkers give back what caches hold; then the per-CPU lists
	 * (where freed pages land first) go back to the buddy lists.
	 */
	if (gfp & __GFP_DIRECT_RECLAIM) {
		shrink_all();
		drain_all_pages();
	} else {
		/* Other CPUs' lists need IPIs, and we may not wait here. */
		drain_local_pages(NULL);
	}
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW, classzone);
	if (page)
		return page;

	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if ((gfp & __GFP_ATOMIC) && !(gfp & __GFP_DIRECT_RECLAIM))
		alloc_flags |= ALLOC_HARDER;
	return get_page_from_freelist(gfp, order, alloc_flags, classzone);
}

void show_free_areas(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		printk("%s free:%lukB min:%lukB low:%lukB high:%lukB "
		       "pcp:%lukB managed:%lukB protection:(%lu, %lu, %lu)\n",
		       zone->name, zone->free_pages * 4,
		       zone->watermark[WMARK_MIN] * 4,
		       zone->watermark[WMARK_LOW] * 4,
		       zone->watermark[WMARK_HIGH] * 4,
		       zone_pcp_pages(zone) * 4, zone->managed_pages * 4,
		       zone->lowmem_reserve[0], zone->lowmem_reserve[1],
		       zone->lowmem_reserve[2]);
	}
	for_each_zone(zone) {
		unsigned long total = 0;

		if (!populated_zone(zone))
			continue;
		printk("%s:", zone->name);
		for (unsigned int o = 0; o < MAX_ORDER; o++) {
			printk(" %lu*%luk", zone->free_area[o].nr_free,
			       4ul << o);
			total += zone->free_area[o].nr_free << o;
		}
		printk(" = %lukB\n", total * 4);
	}
}

static void warn_alloc_failed(gfp_t gfp, unsigned int order)
{
	pr_warn("page allocation failure: order:%u, gfp 0x%x (highest zone "
		"%s)\n", order, gfp, zones[gfp_zone(gfp)].name);
	dump_stack();
	show_free_areas();
}

struct page *__alloc_pages(gfp_t gfp, unsigned int order)
{
	enum zone_type classzone = gfp_zone(gfp);
	struct page *page;

	/* A cold page comes from the list's tail: rmqueue_pcplist below. */
	if (order == 0 && !(gfp & __GFP_COLD)) {
		page = alloc_page_fast(classzone);
		if (page) {
			if (gfp & __GFP_ZERO)
				clear_highpage(page);
			return page;
		}
	}
	if (unlikely(page_alloc_slow) && should_fail(&fail_page_alloc, gfp))
		return NULL;

	if (gfp & __GFP_DIRECT_RECLAIM)
		might_sleep();
	if (unlikely(order >= MAX_ORDER)) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("order %u is above the largest (%u)\n", order,
				MAX_ORDER - 1);
		return NULL;
	}
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW, classzone);
	if (unlikely(!page))
		page = alloc_pages_slowpath(gfp, order, classzone);
	if (unlikely(!page)) {
		zone_stat_inc(classzone, alloc_fail);
		if (!(gfp & __GFP_NOWARN))
			warn_alloc_failed(gfp, order);
		return NULL;
	}
	prep_new_page(page, order);
	/*
	 * Called here, not deeper: the callers are levels 0 and 1 from here
	 * (alloc_pages, which calls this function, is inline).
	 */
	if (unlikely(page_debug))
		page_debug_alloc(page, order, stack_return_address(0),
				 stack_return_address(1));
	if (gfp & __GFP_ZERO)
		zero_new_page(page, order);
	return page;
}

/* ---- freeing ---- */

/*
 * A bad free is a bug in the caller: say exactly what is wrong with the
 * page, including which block a tail page belongs to.
 */
static __noreturn void bad_free(struct page *page, unsigned int order,
				const char *why)
{
	unsigned long pfn = page_to_pfn(page);

	if (page_debug)
		page_debug_history(pfn);
	for (unsigned int o = 1; o < MAX_ORDER && page_count(page) == 0; o++) {
		unsigned long head = pfn & ~((1ul << o) - 1);
		struct page *hp;

		if (head == pfn || !pfn_valid(head))
			continue;
		hp = pfn_to_page(head);
		if (page_count(hp) > 0 && PageHead(hp) && page_order(hp) >= o) {
			panic("freeing pfn 0x%lx (order %u): it is page %lu of "
			      "the order-%u block allocated at pfn 0x%lx",
			      pfn, order, pfn - head, page_order(hp), head);
		}
	}
	panic("freeing pfn 0x%lx (order %u): %s (flags 0x%lx, refcount %d, "
	      "zone %s)", pfn, order, why, page->flags, page_count(page),
	      page_zone(page)->name);
}

static void check_free(struct page *page, unsigned int order)
{
	if (unlikely(PageReserved(page)))
		bad_free(page, order, "the page is reserved");
	if (unlikely(page_count(page) <= 0))
		bad_free(page, order, PageBuddy(page) ?
			 "the page is already free, in the buddy lists (a "
			 "double free?)" :
			 "the page is free, refcount 0 (a double free?)");
	if (unlikely(page_order(page) != order || (order && !PageHead(page)))) {
		char why[64];

		snprintf(why, sizeof(why), "it was allocated with order %u",
			 page_order(page));
		bad_free(page, order, why);
	}
}

/*
 * Drop a reference; true if it was the last. Two CPUs freeing the same
 * page at once both pass check_free, but only one can take the count
 * from 1 to 0: the other sees -1 here.
 */
static bool put_page_testzero(struct page *page, unsigned int order)
{
	int left = atomic_dec_return(&page->_refcount);

	if (unlikely(left < 0))
		bad_free(page, order, "it was freed twice at once (refcount "
			 "below 0)");
	return left == 0;
}

void free_hot_cold_page(struct page *page, bool cold)
{
	check_free(page, 0);
	if (!put_page_testzero(page, 0))
		return;
	if (unlikely(page_debug))
		page_debug_free(page, 0, stack_return_address(0),
				stack_return_address(1));
	__clear_page_type(page);
	free_pcp_page(page, cold);
}

void __free_pages_general(struct page *page, unsigned int order)
{
	unsigned long flags;

	if (order == 0 && free_page_fast(page))
		return;
	/* Other orders, pages in use elsewhere, bad frees, debugging. */
	check_free(page, order);
	if (!put_page_testzero(page, order))
		return;
	if (unlikely(page_debug))
		page_debug_free(page, order, stack_return_address(0),
				stack_return_address(1));
	/* The last reference: what the page was used for ends here. */
	__clear_page_type(page);
	__ClearPageHead(page);
	set_page_order(page, 0);
	if (order == 0) {
		free_pcp_page(page, false);
		return;
	}
	count_vm_events(PGFREE, 1ul << order);
	spin_lock_irqsave(&page_zone(page)->lock, flags);
	__free_one_page(page_zone(page), page_to_pfn(page), order);
	spin_unlock_irqrestore(&page_zone(page)->lock, flags);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)lowmem_page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (!virt_addr_valid(addr) || addr & ~PAGE_MASK)
		panic("free_pages: 0x%08lx is not the direct-map address of a "
		      "page", addr);
	__free_pages(virt_to_page((void *)addr), order);
}

/* ---- totals ---- */

unsigned long nr_free_pages(void)
{
	unsigned long n = 0;
	struct zone *zone;

	for_each_zone(zone)
		n += zone_free_pages(zone);
	return n;
}

unsigned long totalram_pages(void)
{
	unsigned long n = 0;
	struct zone *zone;

	for_each_zone(zone)
		n += zone->managed_pages;
	return n;
}

unsigned long totalhigh_pages(void)
{
	return zones[ZONE_HIGHMEM].managed_pages;
}

unsigned long nr_free_highpages(void)
{
	return zone_free_pages(&zones[ZONE_HIGHMEM]);
}

unsigned long global_zone_page_state(enum zone_stat_item item)
{
	unsigned long sum = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum += zone_page_state(&zones[z], item);
	return sum;
}

void mod_zone_page_state(const struct page *page, enum zone_stat_item item,
			 int delta)
{
	atomic_add(delta, &page_zone(page)->vm_stat[item]);
}
