// SPDX-License-Identifier: MIT
/*
 * Looking at physical memory from the shell. meminfo, zoneinfo and
 * buddyinfo print what Linux prints in /proc; alloc, free, fill, peek
 * and pageinfo let you take pages and look at them.
 */
#include "highmem/highmem.h"
#include "kernel/errno.h"
#include "kernel/hexdump.h"
#include "kernel/kstrtox.h"
#include "kernel/printk.h"
#include "kernel/shell.h"
#include "kernel/string.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"

#define PEEK_DEFAULT_LEN 64

static unsigned long kb(unsigned long pages)
{
	return pages * (PAGE_SIZE / 1024);
}

static void show_kb(const char *name, unsigned long pages)
{
	printk("%-16s%8lu kB\n", name, kb(pages));
}

static int cmd_meminfo(int argc, char **argv)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long high_total = totalhigh_pages();
	unsigned long high_free = nr_free_highpages();

	(void)argc;
	(void)argv;
	show_kb("MemTotal:", total);
	show_kb("MemFree:", free);
	show_kb("HighTotal:", high_total);
	show_kb("HighFree:", high_free);
	show_kb("LowTotal:", total - high_total);
	show_kb("LowFree:", free - high_free);
	show_kb("Slab:", slab_pages());
	show_kb("VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT);
	show_kb("VmallocUsed:", vmalloc_stats.used_pages);
	return 0;
}
SHELL_COMMAND("meminfo", "", "memory totals, as /proc/meminfo", cmd_meminfo);

static void print_zoneinfo(const struct zone *zone)
{
	printk("Node 0, zone %8s\n", zone->name);
	printk("  pages free     %lu\n", zone->free_pages);
	printk("        min      %lu\n", zone->watermark[WMARK_MIN]);
	printk("        low      %lu\n", zone->watermark[WMARK_LOW]);
	printk("        high     %lu\n", zone->watermark[WMARK_HIGH]);
	printk("        spanned  %lu\n", zone->spanned_pages);
	printk("        present  %lu\n", zone->present_pages);
	printk("        managed  %lu\n", zone->managed_pages);
	printk("        protection: (%lu, %lu, %lu)\n",
	       zone->lowmem_reserve[ZONE_DMA], zone->lowmem_reserve[ZONE_NORMAL],
	       zone->lowmem_reserve[ZONE_HIGHMEM]);
	printk("      nr_alloc     %lu\n", zone->stats.alloc + zone_pcp(zone, 0)->allocs);
	printk("      nr_fallback  %lu\n", zone->stats.alloc_fallback);
	printk("      nr_alloc_fail %lu\n", zone->stats.alloc_fail);
	printk("  pagesets\n");
	printk("    cpu: %d\n", 0);
	printk("              count: %d\n", zone_pcp(zone, 0)->count);
	printk("              high:  %d\n", zone_pcp(zone, 0)->high);
	printk("              batch: %d\n", zone_pcp(zone, 0)->batch);
	printk("      refills: %lu drains: %lu\n", zone->stats.pcp_refill,
	       zone->stats.pcp_drain);
	printk("  start_pfn:           %lu\n", zone->zone_start_pfn);
}

static int cmd_zoneinfo(int argc, char **argv)
{
	struct zone *zone;

	(void)argc;
	(void)argv;
	for_each_zone(zone)
		print_zoneinfo(zone);
	return 0;
}
SHELL_COMMAND("zoneinfo", "", "zones in detail, as /proc/zoneinfo",
	      cmd_zoneinfo);

static int cmd_buddyinfo(int argc, char **argv)
{
	struct zone *zone;

	(void)argc;
	(void)argv;
	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		printk("Node 0, zone %8s ", zone->name);
		for (int o = 0; o < MAX_ORDER; o++)
			printk("%6lu ", zone->free_area[o].nr_free);
		printk("\n");
	}
	return 0;
}
SHELL_COMMAND("buddyinfo", "", "free blocks per order, as /proc/buddyinfo",
	      cmd_buddyinfo);

static const struct {
	const char *name;
	gfp_t gfp;
} gfp_names[] = {
	{ "dma", GFP_KERNEL | __GFP_DMA },
	{ "normal", GFP_KERNEL },
	{ "highmem", GFP_HIGHUSER },
	{ "GFP_KERNEL", GFP_KERNEL },
	{ "GFP_ATOMIC", GFP_ATOMIC },
	{ "GFP_DMA", GFP_DMA },
	{ "GFP_HIGHUSER", GFP_HIGHUSER },
	{ "GFP_NOWAIT", GFP_NOWAIT },
};

int gfp_from_name(const char *name, gfp_t *gfp)
{
	for (size_t i = 0; i < ARRAY_SIZE(gfp_names); i++)
		if (strcmp(name, gfp_names[i].name) == 0) {
			*gfp = gfp_names[i].gfp;
			return 0;
		}
	return -EINVAL;
}

static int parse_order(int argc, char **argv, int index, unsigned int *order)
{
	unsigned long v = 0;

	if (argc > index && (kstrtoul(argv[index], 0, &v) || v >= MAX_ORDER)) {
		printk("order must be 0..%d\n", MAX_ORDER - 1);
		return -EINVAL;
	}
	*order = (unsigned int)v;
	return 0;
}

static int cmd_alloc(int argc, char **argv)
{
	unsigned int order;
	struct page *page;
	unsigned long pfn;
	gfp_t gfp;

	if (argc < 2 || argc > 3 || gfp_from_name(argv[1], &gfp) ||
	    parse_order(argc, argv, 2, &order))
		return shell_usage(argv[0]);
	page = alloc_pages(gfp, order);
	if (!page) {
		printk("allocation failed\n");
		return -ENOMEM;
	}
	pfn = page_to_pfn(page);
	printk("pfn 0x%lx phys 0x%llx zone %s order %u (%lu pages)\n", pfn,
	       (unsigned long long)PFN_PHYS(pfn), page_zone(page)->name,
	       order, 1ul << order);
	return 0;
}
SHELL_COMMAND("alloc", "dma|normal|highmem|GFP_* [ORDER]",
	      "allocate pages, print the pfn", cmd_alloc);

static int parse_pfn(const char *arg, unsigned long *pfn)
{
	if (kstrtoul(arg, 0, pfn) || !pfn_valid(*pfn)) {
		printk("%s: not a pfn with a struct page\n", arg);
		return -EINVAL;
	}
	return 0;
}

static int cmd_free(int argc, char **argv)
{
	unsigned long pfn;
	unsigned int order;

	if (argc < 2 || argc > 3)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn) || parse_order(argc, argv, 2, &order))
		return -EINVAL;
	__free_pages(pfn_to_page(pfn), order);
	printk("freed pfn 0x%lx order %u\n", pfn, order);
	return 0;
}
SHELL_COMMAND("free", "PFN [ORDER]", "free pages taken with alloc", cmd_free);

static int cmd_fill(int argc, char **argv)
{
	unsigned long pfn, byte;
	struct page *page;

	if (argc != 3)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn))
		return -EINVAL;
	if (kstrtoul(argv[2], 0, &byte) || byte > 0xFF)
		return shell_usage(argv[0]);
	page = pfn_to_page(pfn);
	/* Writing to a page nobody allocated would corrupt the kernel. */
	if (PageReserved(page) || page_count(page) == 0) {
		printk("pfn 0x%lx is %s: allocate a page first\n", pfn,
		       PageReserved(page) ? "reserved" : "free");
		return -EINVAL;
	}
	memset_page(page, 0, (int)byte, PAGE_SIZE);
	printk("filled pfn 0x%lx with 0x%02lx\n", pfn, byte);
	return 0;
}
SHELL_COMMAND("fill", "PFN BYTE", "fill an allocated page with a byte",
	      cmd_fill);

static int cmd_peek(int argc, char **argv)
{
	unsigned long pfn, offset, len = PEEK_DEFAULT_LEN;
	static u8 buf[PAGE_SIZE]; /* the shell runs one command at a time */

	if (argc < 3 || argc > 4)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn))
		return -EINVAL;
	if (kstrtoul(argv[2], 0, &offset) ||
	    (argc == 4 && kstrtoul(argv[3], 0, &len)) || offset >= PAGE_SIZE ||
	    len > PAGE_SIZE - offset) {
		printk("offset and length must stay within the page\n");
		return -EINVAL;
	}
	memcpy_from_page(buf, pfn_to_page(pfn), offset, len);
	print_hex_dump(PFN_PHYS(pfn) + offset, buf, len);
	return 0;
}
SHELL_COMMAND("peek", "PFN OFFSET [LEN]", "hex dump of part of a page",
	      cmd_peek);

/* Which free block, if any, holds @pfn? */
static bool find_free_block(unsigned long pfn, unsigned long *head,
			    unsigned int *order)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long h = pfn & ~((1ul << o) - 1);
		struct page *hp;

		if (!pfn_valid(h))
			continue;
		hp = pfn_to_page(h);
		if (PageBuddy(hp) && page_order(hp) >= o &&
		    pfn < h + (1ul << page_order(hp))) {
			*head = h;
			*order = page_order(hp);
			return true;
		}
	}
	return false;
}

static void print_page_state(unsigned long pfn, const struct page *page)
{
	unsigned long head;
	unsigned int order;

	if (PageReserved(page))
		printk("state: reserved (firmware, kernel, boot data or a hole)\n");
	else if (PageBuddy(page))
		printk("state: free, first page of an order-%u block in the "
		       "buddy lists\n", page_order(page));
	else if (page_count(page) > 0)
		printk("state: allocated, order %u%s\n", page_order(page),
		       PageSlab(page) ? ", slab" : "");
	else if (find_free_block(pfn, &head, &order))
		printk("state: free, inside the order-%u block at pfn 0x%lx\n",
		       order, head);
	else
		printk("state: free on a per-CPU list, or part of an "
		       "allocated block\n");
}

static int cmd_pageinfo(int argc, char **argv)
{
	unsigned long pfn;
	struct page *page;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn))
		return -EINVAL;
	page = pfn_to_page(pfn);
	printk("pfn 0x%lx phys 0x%llx struct page at %p\n", pfn,
	       (unsigned long long)PFN_PHYS(pfn), (void *)page);
	printk("zone %s, flags 0x%08lx (%s%s%s%s), order %u, refcount %d\n",
	       page_zone(page)->name, page->flags,
	       PageReserved(page) ? " reserved" : "",
	       PageBuddy(page) ? " buddy" : "", PageSlab(page) ? " slab" : "",
	       PageHead(page) ? " head" : "", page_order(page),
	       page_count(page));
	print_page_state(pfn, page);
	return 0;
}
SHELL_COMMAND("pageinfo", "PFN", "what a page frame is used for",
	      cmd_pageinfo);
