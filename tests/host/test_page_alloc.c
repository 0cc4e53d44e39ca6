// SPDX-License-Identifier: MIT
/*
 * Host tests of the buddy allocator, the per-CPU lists, zones,
 * watermarks and lowmem reserves, on fake memory maps.
 */
#include "host.h"
#include "highmem/highmem.h"
#include "mm/gfp.h"
#include "mm/internal.h"
#include "mm/memblock.h"
#include "mm/mmzone.h"
#include "mm/sparse.h"

#include <stdlib.h>
#include <string.h>

#define MiB (1ull << 20)
#define GiB (1ull << 30)

static const struct ram pc_1500m[] = { { 0, 0x9fc00 }, { MiB, 1500 * MiB } };

static int setup_pc_1500m(void **state)
{
	(void)state;
	host_phys_mem_init(4 * GiB);
	host_boot_machine(pc_1500m, 2, true);
	return 0;
}

/* ---- invariants ---- */

static u8 *bitmap_new(void)
{
	return calloc(max_pfn / 8 + 1, 1);
}

static bool test_and_set(u8 *map, unsigned long pfn)
{
	bool was = map[pfn / 8] & (1u << (pfn % 8));

	map[pfn / 8] |= 1u << (pfn % 8);
	return was;
}

/* Every free block is aligned, tagged, in its zone, and overlaps nothing. */
static void check_free_lists(const u8 *allocated)
{
	u8 *seen = bitmap_new();
	struct zone *zone;

	for_each_zone(zone) {
		unsigned long total = 0;

		for (unsigned int o = 0; o < MAX_ORDER; o++) {
			unsigned long n = 0;
			struct page *page;

			list_for_each_entry(page, &zone->free_area[o].free_list,
					    lru) {
				unsigned long pfn = page_to_pfn(page);

				assert_true(PageBuddy(page));
				assert_int_equal(page_order(page), o);
				assert_ptr_equal(page_zone(page), zone);
				assert_int_equal(pfn & ((1ul << o) - 1), 0);
				assert_int_equal(page_count(page), 0);
				for (unsigned long i = 0; i < (1ul << o); i++)
					assert_false(test_and_set(seen, pfn + i));
				n++;
			}
			assert_int_equal(n, zone->free_area[o].nr_free);
			total += n << o;
		}
		assert_int_equal(total, zone->free_pages);
		for (int cpu = 0; cpu < NR_CPUS; cpu++) {
			struct page *page;
			int n = 0;

			list_for_each_entry(page, &zone_pcp(zone, cpu)->list, lru) {
				assert_false(PageBuddy(page));
				assert_int_equal(page_count(page), 0);
				assert_ptr_equal(page_zone(page), zone);
				assert_false(test_and_set(seen, page_to_pfn(page)));
				n++;
			}
			assert_int_equal(n, zone_pcp(zone, cpu)->count);
		}
	}
	if (allocated)
		for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
			if (allocated[pfn / 8] & (1u << (pfn % 8)))
				assert_false(seen[pfn / 8] & (1u << (pfn % 8)));
	free(seen);
}

static void snapshot_buddyinfo(unsigned long snap[MAX_NR_ZONES][MAX_ORDER])
{
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o < MAX_ORDER; o++)
			snap[z][o] = zones[z].free_area[o].nr_free;
}

/* ---- tests ---- */

static void test_zone_sizes(void **state)
{
	(void)state;
	/* DMA: 0..0x9f and 0x100..0xfff; page 0 and "the kernel" reserved. */
	assert_int_equal(zones[ZONE_DMA].present_pages, 0x9f + 0xf00);
	assert_int_equal(zones[ZONE_DMA].managed_pages, 0x9f + 0xf00 - 1 - 256);
	assert_int_equal(zones[ZONE_DMA].spanned_pages, 4096);
	assert_int_equal(zones[ZONE_NORMAL].zone_start_pfn, 4096);
	/* Normal managed is less than present by the mem_map. */
	assert_int_equal(zones[ZONE_NORMAL].present_pages, MAXMEM_PFN - 4096);
	assert_true(zones[ZONE_NORMAL].managed_pages <
		    zones[ZONE_NORMAL].present_pages);
	assert_int_equal(zones[ZONE_HIGHMEM].zone_start_pfn, MAXMEM_PFN);
	assert_int_equal(zones[ZONE_HIGHMEM].present_pages,
			 (1500 - 896) * 256);
	assert_int_equal(zones[ZONE_HIGHMEM].managed_pages,
			 zones[ZONE_HIGHMEM].present_pages);
	assert_true(memblock.retired);
	check_free_lists(NULL);
}

static void test_struct_page_pfn_roundtrip(void **state)
{
	(void)state;
	for (unsigned long pfn = 0; pfn < max_pfn; pfn += 997) {
		assert_true(pfn_valid(pfn));
		assert_int_equal(page_to_pfn(pfn_to_page(pfn)), pfn);
	}
	assert_false(pfn_valid(max_pfn + PAGES_PER_SECTION));
	assert_true(PageReserved(pfn_to_page(0)));
	assert_true(PageHighMem(pfn_to_page(MAXMEM_PFN)));
	assert_false(PageHighMem(pfn_to_page(MAXMEM_PFN - 1)));
	assert_int_equal(page_zonenum(pfn_to_page(4095)), ZONE_DMA);
	assert_int_equal(page_zonenum(pfn_to_page(4096)), ZONE_NORMAL);
}

static void test_sparse_holes_cost_nothing(void **state)
{
	/* 64 MiB at 0, 64 MiB at 60 GiB: only 8 sections get struct pages. */
	static const struct ram split[] = { { 0, 64 * MiB },
					    { 60 * GiB, 60 * GiB + 64 * MiB } };

	(void)state;
	host_boot_machine(split, 2, true);
	assert_int_equal(nr_present_sections, 8);
	assert_false(pfn_valid((30 * GiB) >> PAGE_SHIFT));
	assert_true(pfn_valid((60 * GiB) >> PAGE_SHIFT));
	assert_int_equal(page_to_pfn(pfn_to_page((60 * GiB + 5 * MiB) >> 12)),
			 (60 * GiB + 5 * MiB) >> 12);
	assert_int_equal(zones[ZONE_HIGHMEM].present_pages, 64 * MiB >> 12);
	assert_int_equal(zones[ZONE_HIGHMEM].spanned_pages, 64 * MiB >> 12);
	assert_int_equal(zones[ZONE_HIGHMEM].zone_start_pfn, 60 * GiB >> 12);
	check_free_lists(NULL);
	host_boot_machine(pc_1500m, 2, true);
}

/*
 * A sparse mem_map keeps lowmem's slots equal to its sections, a hole
 * included, so that virt_to_page and lowmem_page_address need no test of
 * the layout; above lowmem the sections with RAM are packed.
 */
static void test_sparse_lowmem_slots_are_sections(void **state)
{
	/* A lowmem hole at 64-128 MiB, and a large one up to 60 GiB. */
	static const struct ram odd[] = { { 0, 64 * MiB },
					  { 128 * MiB, 512 * MiB },
					  { 60 * GiB, 60 * GiB + 64 * MiB } };

	(void)state;
	host_boot_machine(odd, 3, true);
	assert_false(mem_map_flat);
	assert_int_equal(nr_present_sections, 4 + 24 + 4);
	assert_int_equal(mem_map_sections, 32 + 4);
	assert_false(pfn_valid((64 * MiB) >> PAGE_SHIFT));
	assert_false(pfn_valid((128 * MiB - 1) >> PAGE_SHIFT));
	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn += 251) {
		if (!pfn_valid(pfn))
			continue;
		assert_ptr_equal(virt_to_page(__va(PFN_PHYS(pfn))),
				 pfn_to_page(pfn));
		assert_ptr_equal(lowmem_page_address(pfn_to_page(pfn)),
				 __va(PFN_PHYS(pfn)));
	}
	for (unsigned long pfn = 60 * GiB >> PAGE_SHIFT; pfn < max_pfn;
	     pfn += 251) {
		assert_int_equal(page_to_pfn(pfn_to_page(pfn)), pfn);
		assert_true(pfn_to_page(pfn) < mem_map + (36ul << 12));
	}
	check_free_lists(NULL);
	host_boot_machine(pc_1500m, 2, true);
}

static void test_zone_choice(void **state)
{
	struct page *p;

	(void)state;
	p = alloc_pages(GFP_HIGHUSER, 0);
	assert_int_equal(page_zonenum(p), ZONE_HIGHMEM);
	__free_pages(p, 0);
	p = alloc_pages(GFP_KERNEL, 2);
	assert_int_equal(page_zonenum(p), ZONE_NORMAL);
	assert_int_equal(page_to_pfn(p) & 3, 0);
	__free_pages(p, 2);
	p = alloc_pages(GFP_DMA, 1);
	assert_int_equal(page_zonenum(p), ZONE_DMA);
	assert_true(page_to_pfn(p) < DMA_ZONE_END_PFN);
	__free_pages(p, 1);
	p = alloc_pages(GFP_KERNEL | __GFP_HIGHMEM | __GFP_DMA, 0);
	assert_int_equal(page_zonenum(p), ZONE_DMA); /* DMA wins */
	__free_pages(p, 0);
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
}

struct live {
	struct page *page;
	unsigned int order;
};

static bool gfp_allows(gfp_t gfp, enum zone_type z)
{
	return z <= gfp_zone(gfp);
}

static void test_random_alloc_free(void **state)
{
	enum { LIVE_MAX = 3000, OPS = 30000 };
	static const gfp_t kinds[] = { GFP_KERNEL, GFP_ATOMIC, GFP_DMA,
				       GFP_HIGHUSER, GFP_HIGHUSER | __GFP_COLD,
				       GFP_KERNEL | __GFP_COLD };
	static struct live live[LIVE_MAX];
	unsigned long snap[MAX_NR_ZONES][MAX_ORDER], snap_after[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_before = nr_free_pages();
	u8 *allocated = bitmap_new();
	int nlive = 0;

	(void)state;
	drain_all_pages();
	snapshot_buddyinfo(snap);
	srand(20261125);
	for (int op = 0; op < OPS; op++) {
		if (nlive < LIVE_MAX && (nlive == 0 || rand() % 10 < 6)) {
			unsigned int order = rand() % 8 ? rand() % 3 : rand() % MAX_ORDER;
			gfp_t gfp = kinds[rand() % ARRAY_SIZE(kinds)] | __GFP_NOWARN;
			struct page *p = alloc_pages(gfp, order);
			unsigned long pfn;

			if (!p)
				continue;
			pfn = page_to_pfn(p);
			assert_true(gfp_allows(gfp, page_zonenum(p)));
			assert_int_equal(pfn & ((1ul << order) - 1), 0);
			assert_int_equal(page_count(p), 1);
			for (unsigned long i = 0; i < (1ul << order); i++)
				assert_false(test_and_set(allocated, pfn + i));
			live[nlive].page = p;
			live[nlive].order = order;
			nlive++;
		} else {
			int i = rand() % nlive;
			unsigned long pfn = page_to_pfn(live[i].page);

			for (unsigned long j = 0; j < (1ul << live[i].order); j++)
				allocated[(pfn + j) / 8] &= ~(1u << ((pfn + j) % 8));
			if (rand() % 4 == 0 && live[i].order == 0)
				free_hot_cold_page(live[i].page, true);
			else
				__free_pages(live[i].page, live[i].order);
			live[i] = live[--nlive];
		}
		if (op % 5000 == 0)
			check_free_lists(allocated);
	}
	check_free_lists(allocated);
	while (nlive) {
		nlive--;
		__free_pages(live[nlive].page, live[nlive].order);
	}
	drain_all_pages();
	check_free_lists(NULL);
	/* Everything merged back into the very same blocks. */
	snapshot_buddyinfo(snap_after);
	assert_memory_equal(snap, snap_after, sizeof(snap));
	assert_int_equal(nr_free_pages(), free_before);
	free(allocated);
}

static void test_pcp_hot_and_cold(void **state)
{
	struct page *p, *q, *r;
	struct per_cpu_pages *pcp = zone_pcp(&zones[ZONE_NORMAL], 0);

	(void)state;
	drain_all_pages();
	p = alloc_page(GFP_KERNEL);
	assert_int_equal(pcp->count, pcp->batch - 1); /* one refill */
	__free_page(p);				      /* hot: head */
	q = alloc_page(GFP_KERNEL);
	assert_ptr_equal(q, p);
	free_hot_cold_page(q, true);
	r = alloc_page(GFP_KERNEL);
	assert_ptr_not_equal(r, q); /* the cold page waits at the tail */
	q = alloc_page(GFP_KERNEL | __GFP_COLD);
	assert_ptr_equal(q, p);
	__free_page(q);
	__free_page(r);
	drain_all_pages();
	assert_int_equal(pcp->count, 0);
}

static void test_pcp_high_drains(void **state)
{
	struct per_cpu_pages *pcp = zone_pcp(&zones[ZONE_NORMAL], 0);
	struct page *pages[400];
	int n = pcp->high + pcp->batch + 5;

	(void)state;
	assert_true(n <= 400);
	drain_all_pages();
	for (int i = 0; i < n; i++)
		pages[i] = alloc_page(GFP_KERNEL);
	for (int i = 0; i < n; i++) {
		__free_page(pages[i]);
		assert_true(pcp->count < pcp->high);
	}
	assert_true(zone_stat(&zones[ZONE_NORMAL], pcp_drain) > 0);
	drain_all_pages();
	check_free_lists(NULL);
}

/*
 * zone_watermark_ok on a zone built by hand: 1000 free pages, of which
 * 100 in order-0 blocks, 400 in order-1 blocks (200 blocks), 484 in
 * order-2 blocks (121) and 16 in order-3 blocks (2). An order-3 request
 * with mark 100 is refused: after the pages in smaller blocks are taken
 * away (100, then 400, then 484 pages, not 100, 200 and 121 blocks) only
 * 9 are left against a mark of 12.
 */
static void test_watermark_counts_pages_not_blocks(void **state)
{
	static struct zone z;

	(void)state;
	memset(&z, 0, sizeof(z));
	z.free_pages = 1000;
	z.free_area[0].nr_free = 100;
	z.free_area[1].nr_free = 200;
	z.free_area[2].nr_free = 121;
	z.free_area[3].nr_free = 2;
	assert_false(zone_watermark_ok(&z, 3, 100, ZONE_DMA, ALLOC_WMARK_MIN));
	/* Order 2 looks only at orders 0 and 1: 999 - 100 - 400 = 499 > 25. */
	assert_true(zone_watermark_ok(&z, 2, 100, ZONE_DMA, ALLOC_WMARK_MIN));
	/* Order 0: 1000 > 100; and the reserve against a higher class counts. */
	assert_true(zone_watermark_ok(&z, 0, 100, ZONE_DMA, ALLOC_WMARK_MIN));
	z.lowmem_reserve[ZONE_HIGHMEM] = 950;
	assert_false(zone_watermark_ok(&z, 0, 100, ZONE_HIGHMEM,
				       ALLOC_WMARK_MIN));
	/* __GFP_HIGH halves the mark: 1000 > 50 + 900. */
	z.lowmem_reserve[ZONE_HIGHMEM] = 900;
	assert_false(zone_watermark_ok(&z, 0, 100, ZONE_HIGHMEM, 0));
	assert_true(zone_watermark_ok(&z, 0, 100, ZONE_HIGHMEM, ALLOC_HIGH));
}

static bool on_pcp_list(const struct per_cpu_pages *pcp, const struct page *p)
{
	const struct page *q;

	list_for_each_entry(q, &pcp->list, lru)
		if (q == p)
			return true;
	return false;
}

/*
 * When a per-CPU list passes `high`, the batch that goes back to the
 * buddy lists comes from the cold end (the pages freed longest ago); the
 * pages freed last, likely still in the CPU cache, stay.
 */
static void test_pcp_drains_from_the_cold_end(void **state)
{
	struct per_cpu_pages *pcp = zone_pcp(&zones[ZONE_NORMAL], 0);
	static struct page *pages[400];
	unsigned long drains = zone_stat(&zones[ZONE_NORMAL], pcp_drain);
	int n = pcp->high;

	(void)state;
	assert_true(n <= 400 && pcp->batch > 1);
	for (int i = 0; i < n; i++)
		pages[i] = alloc_page(GFP_KERNEL);
	drain_all_pages();
	/* Freed one by one, each to the hot end; the last one hits high. */
	for (int i = 0; i < n; i++)
		__free_page(pages[i]);
	assert_int_equal(zone_stat(&zones[ZONE_NORMAL], pcp_drain), drains + 1);
	assert_int_equal(pcp->count, n - pcp->batch);
	for (int i = 0; i < pcp->batch; i++)
		assert_false(on_pcp_list(pcp, pages[i]));
	for (int i = pcp->batch; i < n; i++)
		assert_true(on_pcp_list(pcp, pages[i]));
	drain_all_pages();
}

/* Allocate order-1 blocks with @gfp until it fails; return how many. */
static int exhaust(gfp_t gfp, struct page **keep, int max)
{
	int n = 0;
	struct page *p;

	while (n < max && (p = alloc_pages(gfp | __GFP_NOWARN, 1)))
		keep[n++] = p;
	return n;
}

static void release(struct page **keep, int n)
{
	while (n--)
		__free_pages(keep[n], 1);
	drain_all_pages();
}

static void test_watermarks_kernel_vs_atomic(void **state)
{
	enum { MAX = 200000 };
	static struct page *keep[MAX];
	struct zone *normal = &zones[ZONE_NORMAL], *dma = &zones[ZONE_DMA];
	unsigned long min = normal->watermark[WMARK_MIN];
	unsigned long atomic_min = (min - min / 2) - (min - min / 2) / 4;
	int n, m;

	(void)state;
	n = exhaust(GFP_KERNEL, keep, MAX);
	assert_true(n > 0 && n < MAX);
	drain_all_pages();
	/* GFP_KERNEL stops at min (order 1: free - 1 must stay above it). */
	assert_in_range(normal->free_pages, min - 1, min + 2);
	assert_true(dma->free_pages >= dma->watermark[WMARK_MIN] +
					       dma->lowmem_reserve[ZONE_NORMAL]);
	/* GFP_ATOMIC may go on, down to 3/8 of min. */
	m = exhaust(GFP_ATOMIC, keep + n, MAX - n);
	assert_true(m > 0);
	assert_in_range(normal->free_pages, atomic_min - 1, atomic_min + 2);
	release(keep, n + m);
	check_free_lists(NULL);
}

static void test_lowmem_reserve(void **state)
{
	enum { MAX = 400000 };
	static struct page *keep[MAX];
	struct zone *normal = &zones[ZONE_NORMAL], *high = &zones[ZONE_HIGHMEM];
	struct page *p;
	int n;

	(void)state;
	assert_int_equal(normal->lowmem_reserve[ZONE_HIGHMEM],
			 high->managed_pages / 32);
	n = exhaust(GFP_HIGHUSER, keep, MAX);
	assert_true(n < MAX);
	drain_all_pages();
	/* HighMem is used up to its min, then Normal but not its reserve. */
	assert_true(high->free_pages <= high->watermark[WMARK_MIN] + 2);
	assert_true(zone_stat(normal, alloc_fallback) > 0);
	assert_true(normal->free_pages >= normal->watermark[WMARK_MIN] +
						  normal->lowmem_reserve[ZONE_HIGHMEM]);
	/* ... which is still there for those who can only use lowmem. */
	p = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(p);
	assert_int_equal(page_zonenum(p), ZONE_NORMAL);
	__free_pages(p, 0);
	release(keep, n);
	check_free_lists(NULL);
}

static void test_dma_exhaustion_returns_null(void **state)
{
	enum { MAX = 5000 };
	static struct page *keep[MAX];
	int n = 0;
	struct page *p;

	(void)state;
	while ((p = alloc_pages(GFP_DMA | __GFP_NOWARN, 0)) && n < MAX) {
		assert_true(page_to_pfn(p) < DMA_ZONE_END_PFN);
		keep[n++] = p;
	}
	assert_null(p);
	assert_true(n > 3000);
	assert_true(zone_stat(&zones[ZONE_DMA], alloc_fail) > 0);
	host_log_clear();
	assert_null(alloc_pages(GFP_DMA, 0));
	assert_true(host_log_has("page allocation failure: order:0"));
	assert_true(host_log_has("DMA free:"));
	while (n--)
		__free_pages(keep[n], 0);
	drain_all_pages();
}

static struct page *stash[64];
static int stash_n;

static unsigned long give_back(struct shrinker *s)
{
	unsigned long n = stash_n;

	(void)s;
	while (stash_n)
		__free_pages(stash[--stash_n], 0);
	return n;
}

static void test_shrinker_runs_before_failure(void **state)
{
	enum { MAX = 5000 };
	static struct page *keep[MAX];
	struct shrinker s = { .name = "test", .shrink = give_back };
	int n = 0;
	struct page *p;

	(void)state;
	for (stash_n = 0; stash_n < 64; stash_n++)
		stash[stash_n] = alloc_pages(GFP_KERNEL | __GFP_DMA, 0);
	while ((p = alloc_pages(GFP_KERNEL | __GFP_DMA | __GFP_NOWARN, 0)) &&
	       n < MAX)
		keep[n++] = p;
	/* Out of DMA memory; a shrinker holding pages makes room. */
	register_shrinker(&s);
	p = alloc_pages(GFP_KERNEL | __GFP_DMA | __GFP_NOWARN, 0);
	unregister_shrinker(&s);
	assert_non_null(p);
	assert_int_equal(stash_n, 0);
	__free_pages(p, 0);
	while (n--)
		__free_pages(keep[n], 0);
	drain_all_pages();
	check_free_lists(NULL);
}

static void test_bad_frees_panic(void **state)
{
	struct page *p = alloc_pages(GFP_KERNEL, 2);
	struct page *q = alloc_page(GFP_KERNEL);

	(void)state;
	assert_true(HOST_EXPECT_PANIC(__free_pages(p, 1)));
	assert_non_null(strstr(host_panic_msg, "allocated with order 2"));
	assert_true(HOST_EXPECT_PANIC(__free_pages(p + 1, 0)));
	assert_non_null(strstr(host_panic_msg, "page 1 of the order-2 block"));
	assert_true(HOST_EXPECT_PANIC(__free_pages(pfn_to_page(0), 0)));
	assert_non_null(strstr(host_panic_msg, "reserved"));
	__free_pages(p, 2);
	assert_true(HOST_EXPECT_PANIC(__free_pages(p, 2)));
	assert_non_null(strstr(host_panic_msg, "free"));
	__free_page(q);
	assert_true(HOST_EXPECT_PANIC(__free_page(q)));
	assert_non_null(strstr(host_panic_msg, "double free"));
	check_free_lists(NULL);
}

static void test_zeroed_and_refcounted(void **state)
{
	struct page *p = alloc_page(GFP_HIGHUSER);
	unsigned long addr;
	u8 *va;

	(void)state;
	memset_page(p, 0, 0xAA, PAGE_SIZE);
	__free_page(p);
	p = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	va = __va(page_to_phys(p));
	for (unsigned int i = 0; i < PAGE_SIZE; i++)
		assert_int_equal(va[i], 0);
	get_page(p);
	__free_page(p); /* drops one of two references */
	assert_int_equal(page_count(p), 1);
	__free_page(p);
	addr = get_zeroed_page(GFP_KERNEL);
	assert_true(addr != 0);
	assert_int_equal(*(u32 *)addr, 0);
	free_page(addr);
	/* __get_free_pages never returns highmem, whatever the flags. */
	addr = __get_free_pages(GFP_HIGHUSER, 0);
	assert_false(PageHighMem(virt_to_page((void *)addr)));
	free_page(addr);
	drain_all_pages();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zone_sizes),
		cmocka_unit_test(test_struct_page_pfn_roundtrip),
		cmocka_unit_test(test_sparse_holes_cost_nothing),
		cmocka_unit_test(test_sparse_lowmem_slots_are_sections),
		cmocka_unit_test(test_zone_choice),
		cmocka_unit_test(test_random_alloc_free),
		cmocka_unit_test(test_pcp_hot_and_cold),
		cmocka_unit_test(test_pcp_high_drains),
		cmocka_unit_test(test_pcp_drains_from_the_cold_end),
		cmocka_unit_test(test_watermark_counts_pages_not_blocks),
		cmocka_unit_test(test_watermarks_kernel_vs_atomic),
		cmocka_unit_test(test_lowmem_reserve),
		cmocka_unit_test(test_dma_exhaustion_returns_null),
		cmocka_unit_test(test_shrinker_runs_before_failure),
		cmocka_unit_test(test_bad_frees_panic),
		cmocka_unit_test(test_zeroed_and_refcounted),
	};

	return cmocka_run_group_tests_name("page_alloc", tests, setup_pc_1500m,
					   NULL);
}
