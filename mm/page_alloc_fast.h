/* SPDX-License-Identifier: MIT */
/*
 * The page allocator's order-0 fast paths, inline (mm/gfp.h's
 * alloc_pages and __free_pages use them where the order is a constant
 * 0, mm/page_alloc.c everywhere else).
 *
 * An allocation from this CPU's hot list and a free onto it are a few
 * instructions each: a test of page_alloc_slow, a watermark comparison
 * (allocation) or the reference count and flags (free), and the list
 * operation with interrupts off. The list is reached through %fs alone:
 * its head is part of the per-CPU area, so this_cpu(pagesets).pcp[z]
 * is one instruction away, and the head's own address, which the
 * unlink and the insert need, is the prev pointer of its first entry
 * (or of the head itself, when the list is empty). Anything that is not
 * the fast path's case (an empty list, a zone near its watermarks, a
 * page with other references or odd flags, page debugging or fault
 * injection) is left to the general path in mm/page_alloc.c, which
 * checks everything again.
 */
#ifndef MM_PAGE_ALLOC_FAST_H
#define MM_PAGE_ALLOC_FAST_H

#include "mm/mmzone.h"
#include "mm/vmstat.h"
#include <asm/irqflags.h>

/*
 * The one flag that sends every page allocation and free to the general
 * path: set while page debugging (page_poison, debug_pagealloc) or
 * fail_page_alloc= is on, where the hooks are. Without them the fast
 * paths pay one predictable test of it.
 */
extern bool page_alloc_slow;

/*
 * Flags an order-0 page must not have when its last reference goes. A
 * page that still has a type (mm/page.h) is not wrong, only left to the
 * general path, which clears it: the same test, another constant.
 */
#define FREE_CHECK_MASK                                                \
	((1ul << PG_reserved) | (1ul << PG_buddy) | (1ul << PG_head) | \
	 PAGE_ORDER_MASK | PAGE_TYPE_MASK)

/**
 * pcp_take_hot - unlink the first (hottest) page of this CPU's list for @z
 * @z: the zone
 *
 * Counts it as an allocation served by the list (zoneinfo's and
 * vmstat's pgalloc_* both read that count: mm/vmstat.c).
 * Context: interrupts off (interrupt handlers use the list too).
 * Return: the page, or NULL if the list is empty.
 */
static __always_inline struct page *pcp_take_hot(enum zone_type z)
{
	struct list_head *entry = this_cpu(pagesets).pcp[z].list.next;
	struct list_head *head = entry->prev, *next;

	/* Only the head points back at itself: the list is empty. */
	if (unlikely(head == entry))
		return NULL;
	this_cpu(pagesets).pcp[z].count--;
	this_cpu(pagesets).pcp[z].allocs++;
	next = entry->next;
	next->prev = head;
	head->next = next;
	return list_entry(entry, struct page, lru);
}

/**
 * pcp_put - add @page to this CPU's list for @z
 * @z: the page's zone
 * @page: an order-0 page with no references left
 * @cold: at the tail (cold: handed out last) instead of the head
 *
 * The count is the caller's (free_pcp_page).
 * Context: interrupts off.
 */
static __always_inline void pcp_put(enum zone_type z, struct page *page,
				    bool cold)
{
	if (cold) {
		struct list_head *last = this_cpu(pagesets).pcp[z].list.prev;

		page->lru.prev = last;
		page->lru.next = last->next;
		last->next = &page->lru;
		this_cpu(pagesets).pcp[z].list.prev = &page->lru;
	} else {
		struct list_head *first = this_cpu(pagesets).pcp[z].list.next;

		page->lru.next = first;
		page->lru.prev = first->prev;
		first->prev = &page->lru;
		this_cpu(pagesets).pcp[z].list.next = &page->lru;
	}
}

/**
 * pcp_drain_full - give a batch of each of this CPU's lists at its high
 * mark back to the buddy lists
 *
 * Context: any; interrupts off and the zone locks taken meanwhile.
 */
void pcp_drain_full(void);

/**
 * free_pcp_page - put a page whose last reference is gone on this CPU's list
 * @page: an order-0 page, its count 0, its flags clean
 * @cold: at the tail instead of the head
 *
 * A list that reaches its high mark is drained right after, with
 * interrupts back on in between: an interrupt may take pages from it
 * meanwhile, and the drain gives back a batch all the same.
 * Context: any; never sleeps.
 */
static __always_inline void free_pcp_page(struct page *page, bool cold)
{
	enum zone_type z = page_zonenum(page);
	unsigned long flags;
	bool full;

	local_irq_save(flags);
	count_vm_event(PGFREE);
	pcp_put(z, page, cold);
	full = ++this_cpu(pagesets).pcp[z].count >=
	       this_cpu(pagesets).pcp[z].high;
	local_irq_restore(flags);
	if (unlikely(full))
		pcp_drain_full();
}

/**
 * alloc_page_fast - one page from this CPU's hot list of @z, if simple
 * @z: the zone the request prefers (gfp_zone)
 *
 * Only while @z is above its low watermark, so that the fast path never
 * digs into the reserves the general path guards; the lower zones are
 * the general path's too.
 * Context: any; never sleeps.
 * Return: the page with a count of 1 (not zeroed), or NULL: then ask
 * __alloc_pages.
 */
static __always_inline struct page *alloc_page_fast(enum zone_type z)
{
	const struct zone *zone = &zones[z];
	struct page *page;
	unsigned long flags;

	if (unlikely(page_alloc_slow))
		return NULL;
	if (unlikely(zone->free_pages <= zone->watermark[WMARK_LOW]))
		return NULL;
	local_irq_save(flags);
	page = pcp_take_hot(z);
	local_irq_restore(flags);
	/* Pages on per-CPU lists have order 0 and no PG_head already. */
	if (likely(page))
		set_page_count(page, 1);
	return page;
}

/**
 * free_page_fast - the last reference to a clean order-0 page, onto
 * this CPU's hot list
 * @page: an order-0 page
 *
 * A count of 1 is the caller's own reference, so nobody else may change
 * it: a plain store suffices, no lock prefix. (Only a double free racing
 * on two CPUs could break that; the debug options send every free
 * through the general path's atomic decrement, which catches it.)
 * Context: any; never sleeps.
 * Return: true if the page was freed; false leaves it to
 * __free_pages_general, which checks and reports.
 */
static __always_inline bool free_page_fast(struct page *page)
{
	if (unlikely(page_alloc_slow))
		return false;
	if (unlikely(page_count(page) != 1 || (page->flags & FREE_CHECK_MASK)))
		return false;
	set_page_count(page, 0);
	free_pcp_page(page, false);
	return true;
}

#endif /* MM_PAGE_ALLOC_FAST_H */
