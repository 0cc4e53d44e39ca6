// SPDX-License-Identifier: MIT
/*
 * Shell commands that look at memory: meminfo, zoneinfo, buddyinfo,
 * slabinfo and vmallocinfo print what Linux prints in /proc; layout and
 * memmap the virtual and physical maps. (alloc, free, fill, peek and
 * pageinfo are in page_cmds.c.)
 */
#include "highmem/highmem.h"
#include "kernel/lib/errno.h"
#include "kernel/debug/hexdump.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/printk.h"
#include "kernel/shell/shell.h"
#include "kernel/lib/string.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/init.h"
#include "mm/memmap.h"
#include "mm/vmalloc.h"

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

static int cmd_slabinfo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	slabinfo_show();
	return 0;
}
SHELL_COMMAND("slabinfo", "", "slab caches, as /proc/slabinfo", cmd_slabinfo);

static int cmd_vmallocinfo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	vmallocinfo_show();
	printk("(%lu pages mapped, %lu waiting for the next purge, %lu "
	       "purges)\n", vmalloc_stats.used_pages, vmalloc_stats.lazy_pages,
	       vmalloc_stats.purges);
	return 0;
}
SHELL_COMMAND("vmallocinfo", "", "vmalloc areas, as /proc/vmallocinfo",
	      cmd_vmallocinfo);

static int cmd_layout(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	print_memory_layout();
	return 0;
}
SHELL_COMMAND("layout", "", "the virtual memory map", cmd_layout);

static int cmd_memmap(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printk("Firmware memory map (as the boot loader passed it):\n");
	memory_map_print(&firmware_memory_map, " ");
	printk("Memory map in use (sanitized, after mem=/memmap= and the "
	       "CPU's limit):\n");
	memory_map_print(&usable_memory_map, " ");
	return 0;
}
SHELL_COMMAND("memmap", "", "the firmware memory map", cmd_memmap);
