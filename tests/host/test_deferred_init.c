// SPDX-License-Identifier: MIT
/*
 * Host tests of deferred struct page init (mm/deferred_init.c) on a fake
 * 1500 MiB machine, against the same machine booted with everything
 * written at once: the same managed pages, watermarks, reserves and
 * batch sizes; the waiting sections' descriptors untouched; their pages
 * counted as free; allocations initialising them on the spot; and, once
 * all are done, the same free blocks as the eager boot's.
 */
#include "host.h"
#include "kernel/cmdline.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/internal.h"
#include "mm/mmzone.h"
#include "mm/sparse.h"

#include <stdlib.h>
#include <string.h>

#define MiB (1ull << 20)
#define GiB (1ull << 30)
#define POISON 0xa5

static const struct ram pc_1500m[] = { { 0, 0x9fc00 }, { MiB, 1500 * MiB } };
static struct zone *const high = &zones[ZONE_HIGHMEM];

/* What the eager boot set up, to compare the deferred one with. */
static struct {
	unsigned long managed[MAX_NR_ZONES], free[MAX_NR_ZONES];
	unsigned long wmark[MAX_NR_ZONES][NR_WMARK];
	unsigned long reserve[MAX_NR_ZONES][MAX_NR_ZONES];
	int batch[MAX_NR_ZONES];
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
} eager;

static void boot(bool deferred)
{
	host_deferred_init = deferred;
	host_boot_machine(pc_1500m, 2, true);
	host_deferred_init = false;
}

static int setup(void **state)
{
	(void)state;
	host_phys_mem_init(4 * GiB);
	boot(false);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		eager.managed[z] = zones[z].managed_pages;
		eager.free[z] = zone_free_pages(&zones[z]);
		memcpy(eager.wmark[z], zones[z].watermark, sizeof(eager.wmark[z]));
		memcpy(eager.reserve[z], zones[z].lowmem_reserve,
		       sizeof(eager.reserve[z]));
		eager.batch[z] = zone_pcp(&zones[z], 0)->batch;
		for (int o = 0; o < MAX_ORDER; o++)
			eager.nr_free[z][o] = zones[z].free_area[o].nr_free;
	}
	return 0;
}

static unsigned long listed_pages(const struct zone *zone)
{
	unsigned long n = 0;

	for (int o = 0; o < MAX_ORDER; o++) {
		const struct page *p;
		unsigned long blocks = 0;

		list_for_each_entry(p, &zone->free_area[o].free_list, lru) {
			assert_true(PageBuddy(p));
			assert_int_equal(page_order(p), o);
			assert_true(pfn_initialised(page_to_pfn(p)));
			blocks++;
		}
		assert_int_equal(blocks, zone->free_area[o].nr_free);
		n += blocks << o;
	}
	return n;
}

/* The counts the views print agree: lists, free_pages, deferred_pages. */
static void check_counts(void)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		assert_int_equal(listed_pages(&zones[z]), zones[z].free_pages);
		assert_int_equal(zone_free_pages(&zones[z]), eager.free[z]);
	}
	assert_int_equal(high->deferred_pages,
			 deferred_section_free_pages_sum());
	assert_int_equal(deferred_pages_total(), high->deferred_pages);
}

static void test_same_sizes_and_limits(void **state)
{
	(void)state;
	boot(true);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		assert_int_equal(zones[z].managed_pages, eager.managed[z]);
		assert_memory_equal(zones[z].watermark, eager.wmark[z],
				    sizeof(eager.wmark[z]));
		assert_memory_equal(zones[z].lowmem_reserve, eager.reserve[z],
				    sizeof(eager.reserve[z]));
		assert_int_equal(zone_pcp(&zones[z], 0)->batch, eager.batch[z]);
	}
	/* Lowmem is all written; HighMem has 32 MiB or more listed. */
	assert_int_equal(zones[ZONE_NORMAL].deferred_pages, 0);
	assert_int_equal(zones[ZONE_DMA].deferred_pages, 0);
	assert_true(high->deferred_pages > 0);
	assert_true(high->free_pages >= 8192);
	assert_false(deferred_init_done());
	check_counts();
}

/* Nothing writes a waiting section's descriptors, not even mm_core_init. */
static void test_waiting_sections_untouched(void **state)
{
	unsigned long bytes = (unsigned long)mem_map_bytes();
	unsigned long waiting = 0;

	(void)state;
	boot(false);
	memset(mem_map, POISON, bytes); /* the same place in the next boot */
	boot(true);
	for (unsigned long s = 0; s < NR_MEM_SECTIONS; s++) {
		unsigned long pfn = s << PFN_SECTION_SHIFT;
		const unsigned char *b;

		if (!pfn_valid(pfn) || pfn_initialised(pfn))
			continue;
		assert_true(pfn >= max_low_pfn);
		b = (const unsigned char *)pfn_to_page(pfn);
		for (unsigned long i = 0; i < PAGES_PER_SECTION * sizeof(struct page);
		     i++)
			assert_int_equal(b[i], POISON);
		waiting++;
	}
	assert_true(waiting > 0);
	/* A reader that must look gets the section written first. */
	for (unsigned long pfn = max_low_pfn; pfn < max_pfn;
	     pfn += PAGES_PER_SECTION)
		if (!pfn_initialised(pfn)) {
			deferred_init_pfn(pfn + 5);
			assert_true(pfn_initialised(pfn));
			assert_true(PageHighMem(pfn_to_page(pfn + 5)));
			assert_int_equal(page_count(pfn_to_page(pfn + 5)), 0);
			break;
		}
	check_counts();
}

/*
 * HighMem requests get HighMem until none waits: every section is
 * initialised on the spot for them, and only then do they fall back.
 */
static void test_allocations_initialise_on_the_spot(void **state)
{
	struct deferred_init_status st;
	unsigned long pages = 0;
	struct page *p, *n;
	LIST_HEAD(held);

	(void)state;
	boot(true);
	while ((p = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, MAX_ORDER - 1))) {
		if (!PageHighMem(p)) {
			/* The fallback comes only once nothing waits. */
			assert_int_equal(high->deferred_pages, 0);
			__free_pages(p, MAX_ORDER - 1);
			break;
		}
		list_add(&p->lru, &held);
		pages += 1ul << (MAX_ORDER - 1);
	}
	assert_true(deferred_init_done());
	deferred_init_status(&st);
	assert_int_equal(st.done, st.sections);
	assert_int_equal(st.on_the_spot, st.sections);
	assert_int_equal(st.by_threads, 0);
	assert_true(pages + high->free_pages + zone_pcp_pages(high) ==
		    eager.free[ZONE_HIGHMEM]);
	list_for_each_entry_safe(p, n, &held, lru) {
		list_del(&p->lru);
		__free_pages(p, MAX_ORDER - 1);
	}
	drain_all_pages();
	check_counts();
}

/* Finished at once, the free lists hold what the eager boot's held. */
static void test_finish_gives_the_eager_lists(void **state)
{
	(void)state;
	boot(true);
	deferred_init_finish();
	assert_true(deferred_init_done());
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o < MAX_ORDER; o++)
			assert_int_equal(zones[z].free_area[o].nr_free,
					 eager.nr_free[z][o]);
	for (unsigned long s = 0; s < NR_MEM_SECTIONS; s++)
		if (pfn_valid(s << PFN_SECTION_SHIFT))
			assert_true(pfn_initialised(s << PFN_SECTION_SHIFT));
	check_counts();
	/* The first HighMem page handed out is the highest free one. */
	{
		struct page *p = alloc_pages(GFP_HIGHUSER, MAX_ORDER - 1);

		assert_true(page_to_pfn(p) >= max_pfn - 4 * PAGES_PER_SECTION);
		__free_pages(p, MAX_ORDER - 1);
	}
}

/* deferred_init=off, and a machine without HighMem: nothing waits. */
static void test_nothing_deferred(void **state)
{
	(void)state;
	assert_int_equal(cmdline_parse("deferred_init=off"), 0);
	assert_false(deferred_init_enabled);
	assert_int_equal(cmdline_parse("deferred_init"), 0);
	assert_true(deferred_init_enabled);
	host_deferred_init = true;
	host_boot_machine(pc_1500m, 2, false);
	host_deferred_init = false;
	assert_true(deferred_init_done());
	assert_int_equal(deferred_pages_total(), 0);
	boot(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_sizes_and_limits),
		cmocka_unit_test(test_waiting_sections_untouched),
		cmocka_unit_test(test_allocations_initialise_on_the_spot),
		cmocka_unit_test(test_finish_gives_the_eager_lists),
		cmocka_unit_test(test_nothing_deferred),
	};

	return cmocka_run_group_tests_name("deferred_init", tests, setup, NULL);
}
