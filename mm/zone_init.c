// SPDX-License-Identifier: MIT
/*
 * From memblock to the buddy allocator, once, at boot:
 *
 *   1. sparse_init: mem_map for every 16 MiB section that holds RAM;
 *   2. zone ranges: DMA [0, 16 MiB), Normal [16 MiB, max_low_pfn),
 *      HighMem [max_low_pfn, max_pfn), each with spanned, present and
 *      (after step 5) managed page counts;
 *   3. deferred_init_setup (mm/deferred_init.c) picks the sections whose
 *      struct pages wait until after boot: HighMem's but its top 32 MiB;
 *   4. memmap_init: every other struct page written exactly once, free
 *      (count 0) where memblock has free RAM, reserved (count 1)
 *      elsewhere;
 *   5. the free ranges go to the free lists as the largest aligned
 *      blocks that fit: one list operation per 4 MiB, not per page; the
 *      free pages of a waiting section are counted (managed, and the
 *      zone's deferred_pages) but not listed;
 *   6. watermarks, lowmem reserves and per-CPU list sizes.
 *
 * Boot time therefore grows with RAM only through step 4, a tight loop
 * of two stores per page, and step 3 keeps that to lowmem and a little
 * HighMem whatever the size; the waiting sections go through steps 4
 * and 5 later, one at a time (memmap_init_section, section_free_to_buddy).
 * Nothing here touches a free page itself, so a 61 GiB guest on a
 * smaller host stays cheap.
 */
#define pr_fmt(fmt) "mm: " fmt

#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/internal.h"
#include "mm/memblock.h"
#include "mm/sparse.h"

#define SWAP_CLUSTER_MAX 32
#define MIN_FREE_KBYTES_MIN 128
#define MIN_FREE_KBYTES_MAX 65536
#define PCP_BATCH_MAX_BYTES (512 * 1024)
#define PCP_HIGH_PER_BATCH 6

static const char *const zone_names[MAX_NR_ZONES] = { "DMA", "Normal",
						      "HighMem" };
/* Reserve of zone i against requests preferring a higher zone: 1/ratio. */
static const unsigned int lowmem_reserve_ratio[MAX_NR_ZONES] = { 256, 32, 1 };

/* zone_lo[z] .. zone_lo[z + 1]: the pfns zone z may hold. */
static unsigned long zone_lo[MAX_NR_ZONES + 1];

struct pfn_range {
	unsigned long start, end;
};

/*
 * The free RAM memblock left, in pfns, sorted and disjoint. Kept after
 * boot (memblock itself retires): a deferred section is written and
 * freed from it later.
 */
static struct pfn_range free_ranges[2 * MEMBLOCK_MAX_REGIONS];
static unsigned int nr_free_ranges;

static enum zone_type zone_of_pfn(unsigned long pfn)
{
	if (pfn < zone_lo[ZONE_NORMAL])
		return ZONE_DMA;
	if (pfn < zone_lo[ZONE_HIGHMEM])
		return ZONE_NORMAL;
	return ZONE_HIGHMEM;
}

/* The first pfn past @z; past HighMem there is nothing to split at. */
static unsigned long zone_limit(enum zone_type z)
{
	return z == ZONE_HIGHMEM ? ~0ul : zone_lo[z + 1];
}

/* Present pages, first and last RAM pfn of each zone, from memblock. */
static void zone_sizes_init(void)
{
	zone_lo[ZONE_DMA] = 0;
	zone_lo[ZONE_NORMAL] = min(DMA_ZONE_END_PFN, max_low_pfn);
	zone_lo[ZONE_HIGHMEM] = max_low_pfn;
	zone_lo[MAX_NR_ZONES] = max(max_pfn, max_low_pfn);

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];
		unsigned long first = ~0ul, last = 0;

		zone->name = zone_names[z];
		spin_lock_init(&zone->lock, "zone->lock");
		for (int o = 0; o < MAX_ORDER; o++)
			INIT_LIST_HEAD(&zone->free_area[o].free_list);
		for (int cpu = 0; cpu < NR_CPUS; cpu++)
			INIT_LIST_HEAD(&zone_pcp(zone, cpu)->list);
		for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
			const struct memblock_region *r =
				&memblock.memory.regions[i];
			unsigned long s = max(PFN_UP(r->base), zone_lo[z]);
			unsigned long e = min(PFN_DOWN(r->base + r->size),
					      zone_lo[z + 1]);

			if (s >= e)
				continue;
			zone->present_pages += e - s;
			first = min(first, s);
			last = max(last, e);
		}
		zone->zone_start_pfn = first == ~0ul ? zone_lo[z] : first;
		zone->spanned_pages = last > first ? last - first : 0;
	}
}

static void collect_free_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long s = PFN_UP(start), e = min(PFN_DOWN(end), max_pfn);

	(void)arg;
	if (s < e && nr_free_ranges < ARRAY_SIZE(free_ranges)) {
		free_ranges[nr_free_ranges].start = s;
		free_ranges[nr_free_ranges].end = e;
		nr_free_ranges++;
	}
}

static void collect_free_ranges(void)
{
	nr_free_ranges = 0;
	memblock_for_each_free_range(collect_free_range, NULL);
}

/* The first free range that ends after @pfn: a binary search. */
static unsigned int free_range_after(unsigned long pfn)
{
	unsigned int lo = 0, hi = nr_free_ranges;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (free_ranges[mid].end <= pfn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Write the descriptors of [start, end): free or reserved. */
static void init_pages(unsigned long start, unsigned long end, bool free)
{
	while (start < end) {
		enum zone_type z = zone_of_pfn(start);
		unsigned long stop = min(end, zone_limit(z));
		unsigned long flags = ((unsigned long)z << PAGE_ZONE_SHIFT) |
				      (free ? 0 : 1ul << PG_reserved);
		int count = free ? 0 : 1;

		while (start < stop) {
			/* Descriptors are contiguous within a section. */
			unsigned long sec_end = min(stop,
				ALIGN(start + 1, PAGES_PER_SECTION));
			struct page *p = pfn_to_page(start);
			struct page *last = p + (sec_end - start);

			for (; p < last; p++) {
				p->flags = flags;
				set_page_count(p, count);
			}
			start = sec_end;
		}
	}
}

void memmap_init_section(unsigned long section)
{
	unsigned long pfn = section << PFN_SECTION_SHIFT;
	unsigned long end = pfn + PAGES_PER_SECTION;
	unsigned int r = free_range_after(pfn);

	while (pfn < end) {
		unsigned long stop;

		while (r < nr_free_ranges && free_ranges[r].end <= pfn)
			r++;
		if (r < nr_free_ranges && free_ranges[r].start <= pfn) {
			stop = min(free_ranges[r].end, end);
			init_pages(pfn, stop, true);
		} else {
			stop = r < nr_free_ranges ?
				       min(free_ranges[r].start, end) :
				       end;
			init_pages(pfn, stop, false);
		}
		pfn = stop;
	}
}

/* The first section past the last RAM pfn: what the loops below walk. */
static unsigned long sections_end(void)
{
	return (zone_lo[MAX_NR_ZONES] + PAGES_PER_SECTION - 1) >>
	       PFN_SECTION_SHIFT;
}

/* Every section with RAM but those that wait for deferred init. */
static void memmap_init(void)
{
	unsigned long end = sections_end();

	for (unsigned long s = 0; s < end; s++)
		if (pfn_valid(s << PFN_SECTION_SHIFT) && !section_deferred(s))
			memmap_init_section(s);
}

/*
 * Hand [start, end), free RAM of one zone, to @zone's buddy lists in the
 * largest aligned blocks. A block never crosses a section (the largest
 * is 4 MiB), so cutting a range at section boundaries changes nothing.
 */
static void free_range_to_buddy(struct zone *zone, unsigned long start,
				unsigned long end)
{
	while (start < end) {
		unsigned int order = MAX_ORDER - 1;

		while (start & ((1ul << order) - 1))
			order--;
		while (start + (1ul << order) > end)
			order--;
		__free_one_page(zone, start, order);
		start += 1ul << order;
	}
}

/*
 * Call @fn(zone, start, end) for each piece of free RAM in @section, cut
 * at zone boundaries; return the pages.
 */
static unsigned long for_each_free_piece(unsigned long section,
					 void (*fn)(struct zone *zone,
						    unsigned long start,
						    unsigned long end))
{
	unsigned long first = section << PFN_SECTION_SHIFT;
	unsigned long last = first + PAGES_PER_SECTION, pages = 0;

	for (unsigned int r = free_range_after(first);
	     r < nr_free_ranges && free_ranges[r].start < last; r++) {
		unsigned long start = max(free_ranges[r].start, first);
		unsigned long end = min(free_ranges[r].end, last);

		while (start < end) {
			enum zone_type z = zone_of_pfn(start);
			unsigned long stop = min(end, zone_limit(z));

			if (fn)
				fn(&zones[z], start, stop);
			pages += stop - start;
			start = stop;
		}
	}
	return pages;
}

/* At boot: the piece counts as managed, and goes to the buddy lists. */
static void free_piece_at_boot(struct zone *zone, unsigned long start,
			       unsigned long end)
{
	zone->managed_pages += end - start;
	free_range_to_buddy(zone, start, end);
}

unsigned long section_for_each_free_piece(unsigned long section,
					 void (*fn)(struct zone *zone,
						    unsigned long start,
						    unsigned long end))
{
	return for_each_free_piece(section, fn);
}

unsigned long section_free_pages(unsigned long section)
{
	return for_each_free_piece(section, NULL);
}

unsigned long section_free_to_buddy(unsigned long section)
{
	return for_each_free_piece(section, free_range_to_buddy);
}

/*
 * Every free page counts as managed now; the buddy lists get those of
 * the sections written now, deferred_pages those of the others (which
 * deferred_init_setup counted: only HighMem's wait).
 */
static void memblock_free_all(void)
{
	struct zone *high = &zones[ZONE_HIGHMEM];
	unsigned long end = sections_end();

	for (unsigned long s = 0; s < end; s++)
		if (pfn_valid(s << PFN_SECTION_SHIFT) && !section_deferred(s))
			for_each_free_piece(s, free_piece_at_boot);
	high->deferred_pages = deferred_init_pages();
	high->managed_pages += high->deferred_pages;
	memblock_retire();
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0;

	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}

/*
 * min_free_kbytes grows with the square root of lowmem, as in Linux,
 * and is shared out among the lowmem zones by size. HighMem keeps a
 * small reserve of its own: nothing critical needs highmem pages.
 */
static void setup_per_zone_wmarks(void)
{
	unsigned long lowmem = zones[ZONE_DMA].managed_pages +
			       zones[ZONE_NORMAL].managed_pages;
	unsigned long min_kbytes = clamp(int_sqrt(lowmem * 4 * 16),
					 (unsigned long)MIN_FREE_KBYTES_MIN,
					 (unsigned long)MIN_FREE_KBYTES_MAX);
	unsigned long pages_min = min_kbytes / 4;
	struct zone *zone;

	for_each_zone(zone) {
		unsigned long min;

		if (zone == &zones[ZONE_HIGHMEM])
			min = clamp(zone->managed_pages / 1024,
				    (unsigned long)SWAP_CLUSTER_MAX, 128ul);
		else
			min = lowmem ? (unsigned long)((u64)pages_min *
						       zone->managed_pages /
						       lowmem) : 0;
		if (!zone->managed_pages)
			min = 0;
		zone->watermark[WMARK_MIN] = min;
		zone->watermark[WMARK_LOW] = min + min / 4;
		zone->watermark[WMARK_HIGH] = min + min / 2;
	}
}

/*
 * Zone j keeps (managed pages of zones j+1..i) / ratio[j] pages free
 * against requests that prefer zone i: a GFP_HIGHUSER flood cannot
 * empty Normal and DMA, whose pages only they can use.
 */
static void setup_per_zone_lowmem_reserve(void)
{
	for (int j = 0; j < MAX_NR_ZONES; j++) {
		unsigned long sum = 0;

		for (int i = 0; i < MAX_NR_ZONES; i++) {
			if (i <= j) {
				zones[j].lowmem_reserve[i] = 0;
				continue;
			}
			sum += zones[i].managed_pages;
			zones[j].lowmem_reserve[i] =
				sum / lowmem_reserve_ratio[j];
		}
	}
}

/* Linux's batch: about a quarter of 1/1024 of the zone, at most 512 KiB. */
static int zone_batchsize(const struct zone *zone)
{
	unsigned long batch = zone->managed_pages / 1024;
	unsigned long pow = 1;

	if (batch * PAGE_SIZE > PCP_BATCH_MAX_BYTES)
		batch = PCP_BATCH_MAX_BYTES / PAGE_SIZE;
	batch /= 4;
	if (batch < 1)
		batch = 1;
	/* A power of two minus one spreads refills over cache colours. */
	batch += batch / 2;
	while (pow * 2 <= batch)
		pow *= 2;
	return pow > 1 ? (int)pow - 1 : 1;
}

static void setup_pcp_lists(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		int batch = zone_batchsize(zone);

		for (int cpu = 0; cpu < NR_CPUS; cpu++) {
			zone_pcp(zone, cpu)->count = 0;
			zone_pcp(zone, cpu)->batch = batch;
			zone_pcp(zone, cpu)->high = PCP_HIGH_PER_BATCH * batch;
		}
	}
}

void print_zone_ranges(void)
{
	printk("Zone ranges:\n");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &zones[z];

		if (!zone->spanned_pages) {
			printk("  %-8s empty\n", zone->name);
			continue;
		}
		printk("  %-8s [mem 0x%016llx-0x%016llx]\n", zone->name,
		       (unsigned long long)PFN_PHYS(zone->zone_start_pfn),
		       (unsigned long long)PFN_PHYS(zone_end_pfn(zone)) - 1);
	}
}

void mm_core_init(void)
{
	for (int z = 0; z < MAX_NR_ZONES; z++)
		memset(&zones[z], 0, sizeof(zones[z]));
	sparse_init();
	zone_sizes_init();
	collect_free_ranges();
	deferred_init_setup();
	memmap_init();
	memblock_free_all();
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	setup_pcp_lists();
}
