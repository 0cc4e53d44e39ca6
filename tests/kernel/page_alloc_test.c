// SPDX-License-Identifier: MIT
/* In-kernel tests of zones, the buddy allocator and the per-CPU lists. */
#include "highmem/highmem.h"
#include "tests/kernel/ktest.h"
#include "kernel/lib/string.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"

static const gfp_t zone_gfp[MAX_NR_ZONES] = { GFP_KERNEL | __GFP_DMA,
					      GFP_KERNEL, GFP_HIGHUSER };

static bool pfn_in_zone(unsigned long pfn, const struct zone *zone)
{
	return pfn >= zone->zone_start_pfn && pfn < zone_end_pfn(zone);
}

KTEST(page_alloc, each_zone)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];

		if (!populated_zone(zone))
			continue;
		for (unsigned int order = 0; order <= 3; order += 3) {
			struct page *p = alloc_pages(zone_gfp[z], order);
			unsigned long pfn;

			KT_ASSERT_NOT_NULL(t, p);
			pfn = page_to_pfn(p);
			KT_EXPECT_EQ(t, page_zonenum(p), z);
			KT_EXPECT_TRUE(t, pfn_in_zone(pfn, zone));
			KT_EXPECT_TRUE(t, pfn_in_zone(pfn + (1ul << order) - 1,
						      zone));
			KT_EXPECT_EQ(t, pfn & ((1ul << order) - 1), 0);
			KT_EXPECT_EQ(t, page_count(p), 1);
			__free_pages(p, order);
		}
	}
}

KTEST(page_alloc, dma_below_16m)
{
	struct page *pages[64];

	for (int i = 0; i < 64; i++) {
		pages[i] = alloc_page(GFP_DMA);
		KT_ASSERT_NOT_NULL(t, pages[i]);
		KT_EXPECT_LT(t, page_to_phys(pages[i]), 16u << 20);
	}
	for (int i = 0; i < 64; i++)
		__free_page(pages[i]);
}

/* Allocated blocks are chained through their lru field while we hold them. */
static void free_list_of_blocks(struct list_head *held)
{
	struct page *p, *n;

	list_for_each_entry_safe(p, n, held, lru) {
		list_del(&p->lru);
		__free_pages(p, page_order(p));
	}
}

/*
 * Empty HighMem with GFP_HIGHUSER, largest blocks first, until a block
 * comes from elsewhere (the fallback) or nothing comes. Then check that
 * the rules explain what happened: HighMem was below its low watermark
 * for that order, and a lower zone either served the request above its
 * reserve or could not.
 */
KTEST(page_alloc, highmem_fallback)
{
	struct zone *high = &zones[ZONE_HIGHMEM], *normal = &zones[ZONE_NORMAL];
	unsigned long fallbacks = zone_stat(normal, alloc_fallback) +
				  zone_stat(&zones[ZONE_DMA], alloc_fallback);
	struct page *fallback = NULL;
	int order;
	LIST_HEAD(held);

	for (order = MAX_ORDER - 1; order >= 0 && !fallback; order--) {
		struct page *p;

		while ((p = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, order))) {
			if (!PageHighMem(p)) {
				fallback = p;
				break;
			}
			list_add(&p->lru, &held);
		}
	}
	if (fallback) {
		order++;
		KT_EXPECT_LE(t, (long)high->free_pages - (1l << order) + 1,
			     (long)high->watermark[WMARK_LOW]);
		KT_EXPECT_EQ(t, zone_stat(normal, alloc_fallback) +
					zone_stat(&zones[ZONE_DMA], alloc_fallback),
			     fallbacks + 1);
		KT_EXPECT_GE(t, page_zone(fallback)->free_pages,
			     page_zone(fallback)->watermark[WMARK_MIN] +
				     page_zone(fallback)->lowmem_reserve[ZONE_HIGHMEM]);
		printk("    HighMem empty at order %d; fallback to %s\n", order,
		       page_zone(fallback)->name);
		__free_pages(fallback, order);
	} else {
		/* Nothing anywhere: every lower zone is at its reserve. */
		KT_EXPECT_LE(t, high->free_pages, high->watermark[WMARK_MIN] + 1);
		KT_EXPECT_LE(t, normal->free_pages,
			     normal->watermark[WMARK_LOW] +
				     normal->lowmem_reserve[ZONE_HIGHMEM] + 1);
		printk("    HighMem empty; lowmem kept by its reserve (%lu "
		       "pages)\n", normal->lowmem_reserve[ZONE_HIGHMEM]);
	}
	/* With no highmem, every GFP_HIGHUSER page is a fallback. */
	if (!populated_zone(high))
		KT_EXPECT_TRUE(t, fallback != NULL);
	free_list_of_blocks(&held);
	drain_all_pages();
}

KTEST(page_alloc, gfp_zero_highmem)
{
	struct page *p = alloc_page(GFP_HIGHUSER);
	unsigned long pfn;
	u8 buf[256];

	KT_ASSERT_NOT_NULL(t, p);
	pfn = page_to_pfn(p);
	KT_EXPECT_EQ(t, PageHighMem(p), populated_zone(&zones[ZONE_HIGHMEM]));
	memset_page(p, 0, 0xA5, PAGE_SIZE);
	__free_page(p);
	/* The page just freed is the hot one: we get it back, dirty. */
	p = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_EQ(t, page_to_pfn(p), pfn);
	for (size_t off = 0; off < PAGE_SIZE; off += sizeof(buf)) {
		memcpy_from_page(buf, p, off, sizeof(buf));
		for (size_t i = 0; i < sizeof(buf); i++)
			if (buf[i]) {
				KT_EXPECT_EQ(t, buf[i], 0);
				off = PAGE_SIZE;
				break;
			}
	}
	__free_page(p);
}

static void snapshot(unsigned long snap[MAX_NR_ZONES][MAX_ORDER + 1])
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int o = 0; o < MAX_ORDER; o++)
			snap[z][o] = zones[z].free_area[o].nr_free;
		snap[z][MAX_ORDER] = zones[z].free_pages;
	}
}

KTEST(page_alloc, free_all_restores_counts)
{
	static unsigned long before[MAX_NR_ZONES][MAX_ORDER + 1];
	static unsigned long after[MAX_NR_ZONES][MAX_ORDER + 1];
	static const unsigned int orders[] = { 0, 0, 1, 0, 3, 0, 2, 10, 0, 5 };
	LIST_HEAD(held);
	int n = 0;

	/*
	 * Caches may give memory back meanwhile: let them do it first; and
	 * a section initialised meanwhile would add blocks to the lists.
	 */
	deferred_init_finish();
	shrink_all();
	drain_all_pages();
	snapshot(before);
	for (int i = 0; i < 300; i++) {
		unsigned int order = orders[i % ARRAY_SIZE(orders)];
		struct page *p = alloc_pages(zone_gfp[i % MAX_NR_ZONES] |
						     __GFP_NOWARN, order);

		if (p) {
			/* Alternate head and tail so frees come out of order. */
			if (i & 1)
				list_add(&p->lru, &held);
			else
				list_add_tail(&p->lru, &held);
			n++;
		}
	}
	/*
	 * Order-10 blocks may not exist on a small machine, and there the
	 * larger orders run out after a while (at 32 MiB, with the
	 * initramfs unpacked, 133 of the 300 come); the small ones do not.
	 */
	KT_EXPECT_GT(t, n, 120);
	free_list_of_blocks(&held);
	drain_all_pages();
	snapshot(after);
	KT_EXPECT_EQ(t, memcmp(before, after, sizeof(before)), 0);
}

KTEST(page_alloc, buddyinfo_consistent)
{
	struct zone *zone;

	/* The lists are walked without the lock: nothing may add to them. */
	deferred_init_finish();
	drain_all_pages();
	for_each_zone(zone) {
		unsigned long total = 0, bad = 0;

		for (unsigned int o = 0; o < MAX_ORDER; o++) {
			unsigned long n = 0;
			struct page *p;

			list_for_each_entry(p, &zone->free_area[o].free_list, lru) {
				unsigned long pfn = page_to_pfn(p);

				if (!PageBuddy(p) || page_order(p) != o ||
				    page_zone(p) != zone ||
				    (pfn & ((1ul << o) - 1)) ||
				    !pfn_in_zone(pfn, zone))
					bad++;
				n++;
			}
			KT_EXPECT_EQ(t, n, zone->free_area[o].nr_free);
			total += n << o;
		}
		KT_EXPECT_EQ(t, bad, 0);
		KT_EXPECT_EQ(t, total, zone->free_pages);
		KT_EXPECT_LE(t, zone->managed_pages, zone->present_pages);
		KT_EXPECT_LE(t, zone->present_pages, zone->spanned_pages);
	}
}

KTEST(page_alloc, watermarks_and_reserves)
{
	struct zone *dma = &zones[ZONE_DMA], *normal = &zones[ZONE_NORMAL];
	struct zone *high = &zones[ZONE_HIGHMEM];

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &zones[z];

		if (!zone->managed_pages)
			continue;
		KT_EXPECT_GT(t, zone->watermark[WMARK_MIN], 0);
		KT_EXPECT_LT(t, zone->watermark[WMARK_MIN],
			     zone->watermark[WMARK_LOW]);
		KT_EXPECT_LT(t, zone->watermark[WMARK_LOW],
			     zone->watermark[WMARK_HIGH]);
	}
	KT_EXPECT_EQ(t, dma->lowmem_reserve[ZONE_NORMAL],
		     normal->managed_pages / 256);
	KT_EXPECT_EQ(t, dma->lowmem_reserve[ZONE_HIGHMEM],
		     (normal->managed_pages + high->managed_pages) / 256);
	KT_EXPECT_EQ(t, normal->lowmem_reserve[ZONE_HIGHMEM],
		     high->managed_pages / 32);
	KT_EXPECT_EQ(t, normal->lowmem_reserve[ZONE_NORMAL], 0);
}

KTEST(page_alloc, pcp_hot_cold)
{
	struct page *warm[3], *p, *q, *r;

	/* Three pages on the list first, whatever the zone's batch is. */
	drain_all_pages();
	for (int i = 0; i < 3; i++)
		warm[i] = alloc_page(GFP_KERNEL);
	for (int i = 0; i < 3; i++)
		__free_page(warm[i]);
	p = alloc_page(GFP_KERNEL);
	KT_EXPECT_EQ(t, (uintptr_t)p, (uintptr_t)warm[2]); /* hot: LIFO */
	free_hot_cold_page(p, true);
	r = alloc_page(GFP_KERNEL);
	KT_EXPECT_EQ(t, (uintptr_t)r, (uintptr_t)warm[1]); /* cold one waits */
	q = alloc_page(GFP_KERNEL | __GFP_COLD);
	KT_EXPECT_EQ(t, (uintptr_t)q, (uintptr_t)p);
	__free_page(q);
	__free_page(r);
}

KTEST(page_alloc, get_free_pages_lowmem_only)
{
	unsigned long addr = __get_free_pages(GFP_HIGHUSER, 1);
	unsigned long zeroed = get_zeroed_page(GFP_KERNEL);

	KT_ASSERT_NE(t, addr, 0);
	KT_EXPECT_TRUE(t, virt_addr_valid(addr));
	KT_EXPECT_FALSE(t, PageHighMem(virt_to_page((void *)addr)));
	KT_ASSERT_NE(t, zeroed, 0);
	KT_EXPECT_EQ(t, ((u32 *)zeroed)[0] | ((u32 *)zeroed)[1023], 0);
	free_pages(addr, 1);
	free_page(zeroed);
}

/* ---- zone boundaries ---- */

static void expect_zone_of(struct ktest_ctx *t, unsigned long pfn,
			   enum zone_type z)
{
	deferred_init_pfn(pfn); /* its struct page is read below */
	if (!pfn_valid(pfn) || PageReserved(pfn_to_page(pfn)))
		return; /* a hole: no zone to check */
	if (page_zonenum(pfn_to_page(pfn)) != z)
		ktest_check(t, false, __FILE__, __LINE__,
			    "pfn 0x%lx is in zone %s, expected %s", pfn,
			    page_zone(pfn_to_page(pfn))->name, zones[z].name);
}

/*
 * Each zone ends exactly where DESIGN.md says: DMA at 16 MiB, Normal at
 * the end of lowmem, HighMem at the end of RAM. The pages on either side
 * of each line belong to the zones on either side.
 */
KTEST(page_alloc, zones_end_where_they_should)
{
	unsigned long dma_end = min(DMA_ZONE_END_PFN, max_low_pfn);

	KT_EXPECT_EQ(t, zones[ZONE_DMA].zone_start_pfn, 0);
	KT_EXPECT_LE(t, zone_end_pfn(&zones[ZONE_DMA]), dma_end);
	if (populated_zone(&zones[ZONE_NORMAL])) {
		KT_EXPECT_GE(t, zones[ZONE_NORMAL].zone_start_pfn, dma_end);
		KT_EXPECT_LE(t, zone_end_pfn(&zones[ZONE_NORMAL]), max_low_pfn);
	}
	if (populated_zone(&zones[ZONE_HIGHMEM])) {
		KT_EXPECT_GE(t, zones[ZONE_HIGHMEM].zone_start_pfn, max_low_pfn);
		KT_EXPECT_EQ(t, zone_end_pfn(&zones[ZONE_HIGHMEM]), max_pfn);
	}
	expect_zone_of(t, dma_end - 1, ZONE_DMA);
	expect_zone_of(t, dma_end, ZONE_NORMAL);
	expect_zone_of(t, max_low_pfn - 1,
		       max_low_pfn > dma_end ? ZONE_NORMAL : ZONE_DMA);
	expect_zone_of(t, max_low_pfn, ZONE_HIGHMEM);
	expect_zone_of(t, max_pfn - 1,
		       max_pfn > max_low_pfn ? ZONE_HIGHMEM : ZONE_NORMAL);
}

/* ---- what falling back to a lower zone leaves behind ---- */

/* Allocate from @gfp until nothing comes, largest blocks first. */
static void exhaust(gfp_t gfp, struct list_head *held)
{
	for (int order = MAX_ORDER - 1; order >= 0; order--) {
		struct page *p;

		while ((p = alloc_pages(gfp | __GFP_NOWARN, order)))
			list_add(&p->lru, held);
	}
}

static LIST_HEAD(exhausted);

static void free_exhausted(void *arg)
{
	(void)arg;
	free_list_of_blocks(&exhausted);
	drain_all_pages();
}

/*
 * A request that prefers zone @class may take a lower zone's pages only
 * down to that zone's min watermark plus its reserve against @class: a
 * flood of such requests must leave the rest to those who can only use
 * the lower zone. (A per-CPU refill takes up to a batch at once after
 * the check, hence the slack.)
 */
static void expect_reserve_kept(struct ktest_ctx *t, enum zone_type class,
				gfp_t gfp)
{
	long before[MAX_NR_ZONES];

	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++)
		before[z] = (long)zones[z].free_pages;
	exhaust(gfp, &exhausted);
	drain_all_pages();
	for (int z = 0; z < (int)class; z++) {
		struct zone *zone = &zones[z];
		/* A zone already under its floor gives nothing at all. */
		long floor = min(before[z], (long)zone->watermark[WMARK_MIN] +
				 (long)zone->lowmem_reserve[class]) -
			     zone_pcp(zone, 0)->batch;

		if (!zone->managed_pages)
			continue;
		if ((long)zone->free_pages < floor)
			ktest_check(t, false, __FILE__, __LINE__,
				    "zone %s: %lu pages free after a %s flood, "
				    "below min %lu + reserve %lu", zone->name,
				    zone->free_pages, zones[class].name,
				    zone->watermark[WMARK_MIN],
				    zone->lowmem_reserve[class]);
	}
}

static bool reserve_exceeds_batch(enum zone_type z, enum zone_type class)
{
	return zones[z].managed_pages &&
	       zones[z].lowmem_reserve[class] > (unsigned long)zone_pcp(&zones[z], 0)->batch;
}

KTEST(page_alloc, fallback_keeps_the_lowmem_reserve)
{
	struct page *p;

	ktest_defer(t, free_exhausted, NULL);
	/* HighMem requests: Normal and DMA keep their reserves. */
	expect_reserve_kept(t, ZONE_HIGHMEM, GFP_HIGHUSER);
	/* ... which GFP_KERNEL can still have (if there is a reserve). */
	if (reserve_exceeds_batch(ZONE_NORMAL, ZONE_HIGHMEM)) {
		p = alloc_page(GFP_KERNEL | __GFP_NOWARN);
		KT_EXPECT_NOT_NULL(t, p);
		if (p)
			list_add(&p->lru, &exhausted);
	}
	free_exhausted(NULL);
	/* Normal requests: DMA keeps its reserve against Normal. */
	expect_reserve_kept(t, ZONE_NORMAL, GFP_KERNEL);
	if (reserve_exceeds_batch(ZONE_DMA, ZONE_NORMAL)) {
		p = alloc_page(GFP_DMA | __GFP_NOWARN);
		KT_EXPECT_NOT_NULL(t, p);
		if (p)
			list_add(&p->lru, &exhausted);
	}
}
