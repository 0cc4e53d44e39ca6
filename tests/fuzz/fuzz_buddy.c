// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for the buddy allocator and its per-CPU lists.
 *
 * The input is a sequence of 3-byte operations on a fake 1100 MiB
 * machine (DMA, Normal and HighMem zones): allocate a block of some
 * order from some zone, free one of the live blocks (hot or cold),
 * drain the per-CPU lists. After every allocation the block must be
 * aligned, in an allowed zone and disjoint from every live block; at
 * the end, with everything freed, the free page count must be what it
 * was and every free block well formed. Any violation aborts.
 */
#include "host.h"
#include "fuzz.h"
#include "highmem/highmem.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"

#include <string.h>

#define MiB (1ull << 20)
#define MAX_LIVE 128

struct block {
	struct page *page;
	unsigned int order;
};

static struct block live[MAX_LIVE];
static unsigned char *owned; /* one bit per pfn: allocated by us */
static unsigned long baseline;

static bool test_and_flip(unsigned long pfn)
{
	bool was = owned[pfn / 8] & (1u << (pfn % 8));

	owned[pfn / 8] ^= 1u << (pfn % 8);
	return was;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const struct ram machine[] = { { 0, 0x9fc00 },
					      { MiB, 1100 * MiB } };

	(void)argc;
	(void)argv;
	host_phys_mem_init(2ull << 30);
	host_boot_machine(machine, 2, 1);
	owned = calloc(max_pfn / 8 + 1, 1);
	drain_all_pages();
	baseline = nr_free_pages();
	return 0;
}

static const gfp_t zone_gfp[] = { GFP_KERNEL | __GFP_DMA, GFP_KERNEL,
				  GFP_HIGHUSER };

static void do_alloc(unsigned int slot, u8 a, u8 b)
{
	unsigned int order = a % 8 == 7 ? a / 8 % MAX_ORDER : a % 3;
	gfp_t gfp = zone_gfp[b % 3] | __GFP_NOWARN |
		    ((b & 4) ? __GFP_COLD : 0) | ((b & 8) ? __GFP_ZERO : 0);
	struct page *page;
	unsigned long pfn;

	if (live[slot].page)
		return;
	page = alloc_pages(gfp, order);
	if (!page)
		return;
	pfn = page_to_pfn(page);
	CHECK(pfn % (1ul << order) == 0);
	CHECK(page_zonenum(page) <= gfp_zone(gfp));
	CHECK(page_count(page) == 1);
	CHECK(!PageBuddy(page));
	for (unsigned long i = 0; i < (1ul << order); i++)
		CHECK(!test_and_flip(pfn + i)); /* nobody else has it */
	if (gfp & __GFP_ZERO)
		CHECK(((u8 *)__va(page_to_phys(page)))[PAGE_SIZE - 1] == 0);
	/* Write to the block: a later overlap shows in the checks. */
	memset_page(page, PAGE_SIZE - 1, 0x5a, 1);
	live[slot].page = page;
	live[slot].order = order;
}

static void do_free(unsigned int slot, bool cold)
{
	struct block *bl = &live[slot];
	unsigned long pfn;

	if (!bl->page)
		return;
	pfn = page_to_pfn(bl->page);
	for (unsigned long i = 0; i < (1ul << bl->order); i++)
		CHECK(test_and_flip(pfn + i));
	if (bl->order == 0 && cold)
		free_hot_cold_page(bl->page, true);
	else
		__free_pages(bl->page, bl->order);
	bl->page = NULL;
}

static void check_free_lists(void)
{
	unsigned long total = 0;
	struct zone *zone;

	for_each_zone(zone) {
		for (unsigned int o = 0; o < MAX_ORDER; o++) {
			struct page *page;
			unsigned long n = 0;

			list_for_each_entry(page, &zone->free_area[o].free_list,
					    lru) {
				CHECK(PageBuddy(page));
				CHECK(page_order(page) == o);
				CHECK(page_to_pfn(page) % (1ul << o) == 0);
				CHECK(page_zone(page) == zone);
				n++;
			}
			CHECK(n == zone->free_area[o].nr_free);
			total += n << o;
		}
		CHECK(total == zone->free_pages);
		total = 0;
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	for (size_t i = 0; i + 3 <= size; i += 3) {
		unsigned int slot = data[i + 1] % MAX_LIVE;

		switch (data[i] % 5) {
		case 0:
		case 1:
			do_alloc(slot, data[i + 1] ^ data[i + 2], data[i + 2]);
			break;
		case 2:
			do_free(slot, false);
			break;
		case 3:
			do_free(slot, true);
			break;
		default:
			drain_all_pages();
			break;
		}
	}
	for (unsigned int s = 0; s < MAX_LIVE; s++)
		do_free(s, false);
	drain_all_pages();
	CHECK(nr_free_pages() == baseline);
	check_free_lists();
	return 0;
}
