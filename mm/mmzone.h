/* SPDX-License-Identifier: MIT */
/*
 * Zones, their buddy free lists and their per-CPU page lists.
 *
 * Each zone hands out blocks of 2^order pages from free_area[order].
 * Order-0 pages go through a per-CPU list first (struct per_cpu_pages):
 * an allocation takes the page at the head (hot: recently freed, likely
 * still in the CPU cache), a cold free puts the page at the tail. The
 * list is refilled from and drained to the buddy lists `batch` pages at
 * a time, and drained whenever it holds more than `high` pages.
 */
#ifndef MM_MMZONE_H
#define MM_MMZONE_H

#include "kernel/percpu.h"
#include "kernel/smp.h"
#include "kernel/spinlock.h"
#include "mm/page.h"

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

struct free_area {
	struct list_head free_list;
	unsigned long nr_free; /* blocks of this order */
};

/*
 * A zone's allocation counts. Each CPU counts its own, in its per-CPU
 * list for the zone (no lock, no shared cache line); zone_stats_sum()
 * adds them up.
 */
struct zone_stats {
	unsigned long alloc;	     /* allocations served by this zone */
	unsigned long alloc_fallback; /* ... for a request preferring a higher zone */
	unsigned long alloc_fail;    /* requests that wanted this zone and failed */
	unsigned long pcp_refill;    /* per-CPU list refills */
	unsigned long pcp_drain;     /* per-CPU list drains */
};

/* 32 bytes: the fast paths index an array of them with one shift. */
struct per_cpu_pages {
	int count; /* pages on the list */
	int high;  /* drain above this */
	int batch; /* refill and drain by this many */
	struct list_head list;
	unsigned long allocs; /* fast-path allocations (zoneinfo, vmstat pgalloc_*) */
} __aligned(32);

/* Page counts kept per zone, like Linux's zone_stat_item. */
enum zone_stat_item {
	NR_FILE_PAGES, /* page-cache pages (kernel/fs/ramfs.c) */
	NR_VM_ZONE_STAT_ITEMS
};

struct zone {
	const char *name;
	atomic_t vm_stat[NR_VM_ZONE_STAT_ITEMS]; /* zone_stat_item counts */
	spinlock_t lock; /* free_area and free_pages */
	unsigned long free_pages; /* in the buddy lists (not per-CPU lists) */
	unsigned long watermark[NR_WMARK];
	/* Pages this zone keeps back from requests preferring zone i. */
	unsigned long lowmem_reserve[MAX_NR_ZONES];
	struct free_area free_area[MAX_ORDER];

	unsigned long zone_start_pfn;
	unsigned long spanned_pages; /* end - start, holes included */
	unsigned long present_pages; /* RAM pages in the span */
	unsigned long managed_pages; /* pages given to the buddy allocator */
	/*
	 * Free pages of the sections whose struct pages are not written yet
	 * (mm/deferred_init.c): counted in managed_pages from boot on, in
	 * free_pages once a section is initialised. zone->lock, like
	 * free_pages: a section moves from one count to the other in one
	 * critical section.
	 */
	unsigned long deferred_pages;
};

extern struct zone zones[MAX_NR_ZONES];

/**
 * zone_page_state - one of @zone's zone_stat_item counts
 * @zone: the zone
 * @item: which count
 *
 * Context: any; a racy read. Return: the count.
 */
static inline unsigned long zone_page_state(const struct zone *zone,
					    enum zone_stat_item item)
{
	long v = atomic_read(&zone->vm_stat[item]);

	return v < 0 ? 0 : (unsigned long)v;
}

/**
 * global_zone_page_state - a zone_stat_item count summed over the zones
 * @item: which count
 *
 * Context: any; a racy read. Return: the sum.
 */
unsigned long global_zone_page_state(enum zone_stat_item item);

/**
 * mod_zone_page_state - add @delta to @item of the zone @page is in
 * @page: the page counted
 * @item: which count
 * @delta: pages to add (negative to take away)
 *
 * Context: any; atomic, takes no lock.
 */
void mod_zone_page_state(const struct page *page, enum zone_stat_item item,
			 int delta);

/* Each CPU's lists and counts, one per zone: a per-CPU variable. */
struct per_cpu_pageset {
	struct per_cpu_pages pcp[MAX_NR_ZONES];
	struct zone_stats stats[MAX_NR_ZONES];
};

DECLARE_PER_CPU(struct per_cpu_pageset, pagesets);

/**
 * zone_idx - the number of @zone
 * @zone: an entry of zones[]
 *
 * Context: any. Return: its enum zone_type value.
 */
static inline int zone_idx(const struct zone *zone)
{
	return (int)(zone - zones);
}

/**
 * zone_pcp - @cpu's per-CPU page list for @zone
 * @zone: the zone
 * @cpu: the CPU
 *
 * Context: any; use this CPU's list with interrupts off.
 * Return: the list.
 */
static inline struct per_cpu_pages *zone_pcp(const struct zone *zone, int cpu)
{
	return &per_cpu(pagesets, cpu).pcp[zone_idx(zone)];
}

/**
 * zone_pcp_nr - zone_pcp by zone number: cheaper where it is at hand
 * @z: the zone number
 * @cpu: the CPU
 *
 * Context: any; use this CPU's list with interrupts off.
 * Return: the list.
 */
static inline struct per_cpu_pages *zone_pcp_nr(enum zone_type z, int cpu)
{
	return &per_cpu(pagesets, cpu).pcp[z];
}

/* Count one @item for zone @z on this CPU: one instruction, no lock. */
#define zone_stat_inc(z, item) (this_cpu(pagesets).stats[(z)].item++)

/**
 * zone_stats_sum - @zone's counts, every CPU's added up
 * @zone: the zone
 * @sum: filled in; alloc includes the fast path's allocations
 *
 * Context: any; each CPU's counts are read once, not all at one instant.
 */
void zone_stats_sum(const struct zone *zone, struct zone_stats *sum);

/* One of @zone's counts, summed over the CPUs: zone_stat(zone, alloc). */
#define zone_stat(zone, item)                          \
	({                                             \
		struct zone_stats __sum;               \
		zone_stats_sum((zone), &__sum);        \
		__sum.item;                            \
	})

/**
 * this_cpu_pcp - this CPU's per-CPU page list for zone @z
 * @z: the zone number
 *
 * The fast paths' form: the per-CPU area's address plus this CPU's
 * offset (one %fs load), no CPU number, no table of offsets.
 * Context: interrupts off (the list is this CPU's only meanwhile).
 * Return: the list.
 */
static inline struct per_cpu_pages *this_cpu_pcp(enum zone_type z)
{
	return &this_cpu_ptr(pagesets)->pcp[z];
}

/**
 * page_zone - the zone @page belongs to
 * @page: any page with a descriptor
 *
 * Context: any. Return: the zone.
 */
static inline struct zone *page_zone(const struct page *page)
{
	return &zones[page_zonenum(page)];
}

/**
 * zone_end_pfn - the first pfn after @zone's span
 * @zone: the zone
 *
 * Context: any. Return: zone_start_pfn + spanned_pages.
 */
static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

/**
 * populated_zone - does @zone have any RAM?
 * @zone: the zone
 *
 * Context: any. Return: true if it has present pages.
 */
static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

#define for_each_zone(z) for ((z) = zones; (z) < zones + MAX_NR_ZONES; (z)++)

/**
 * zone_pcp_pages - pages on every CPU's list for @zone
 * @zone: the zone
 *
 * Context: any; no lock, a snapshot.
 * Return: the number of pages.
 */
unsigned long zone_pcp_pages(const struct zone *zone);

/**
 * zone_free_pages - free pages of @zone: buddy lists plus per-CPU lists
 * @zone: the zone
 *
 * What meminfo counts as free (zoneinfo's "pages free" is the buddy
 * lists only).
 * Context: any; no lock, a snapshot.
 * Return: the number of pages.
 */
unsigned long zone_free_pages(const struct zone *zone);

#endif /* MM_MMZONE_H */
