// SPDX-License-Identifier: MIT
/*
 * Shell commands that look at memory: meminfo, zoneinfo, buddyinfo,
 * slabinfo, vmallocinfo and vmstat print what Linux prints in /proc;
 * layout and memmap the virtual and physical maps; drain empties every
 * CPU's page lists. (alloc, free, fill, peek and pageinfo are in
 * page_cmds.c.)
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
#include "mm/vmstat.h"
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

static void show_meminfo(void)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long high_total = totalhigh_pages();
	unsigned long high_free = nr_free_highpages();

	show_kb("MemTotal:", total);
	show_kb("MemFree:", free);
	show_kb("HighTotal:", high_total);
	show_kb("HighFree:", high_free);
	show_kb("LowTotal:", total - high_total);
	show_kb("LowFree:", free - high_free);
	show_kb("Slab:", slab_pages());
	show_kb("VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT);
	show_kb("VmallocUsed:", vmalloc_stats.used_pages);
}
SHELL_SHOW_COMMAND("meminfo", "memory totals, as /proc/meminfo",
		   show_meminfo);

static void print_zoneinfo(const struct zone *zone)
{
	struct zone_stats stats;
	unsigned int cpu;

	zone_stats_sum(zone, &stats);
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
	printk("      nr_alloc     %lu\n", stats.alloc);
	printk("      nr_fallback  %lu\n", stats.alloc_fallback);
	printk("      nr_alloc_fail %lu\n", stats.alloc_fail);
	printk("  pagesets\n");
	for_each_online_cpu(cpu) {
		const struct per_cpu_pages *pcp = zone_pcp(zone, cpu);

		printk("    cpu: %u\n", cpu);
		printk("              count: %d\n", READ_ONCE(pcp->count));
		printk("              high:  %d\n", pcp->high);
		printk("              batch: %d\n", pcp->batch);
	}
	printk("      refills: %lu drains: %lu\n", stats.pcp_refill,
	       stats.pcp_drain);
	printk("  start_pfn:           %lu\n", zone->zone_start_pfn);
}

static void show_zoneinfo(void)
{
	struct zone *zone;

	for_each_zone(zone)
		print_zoneinfo(zone);
}
SHELL_SHOW_COMMAND("zoneinfo", "zones in detail, as /proc/zoneinfo",
		   show_zoneinfo);

static void show_buddyinfo(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		printk("Node 0, zone %8s ", zone->name);
		for (int o = 0; o < MAX_ORDER; o++)
			printk("%6lu ", zone->free_area[o].nr_free);
		printk("\n");
	}
}
SHELL_SHOW_COMMAND("buddyinfo", "free blocks per order, as /proc/buddyinfo",
		   show_buddyinfo);

SHELL_SHOW_COMMAND("slabinfo", "slab caches, as /proc/slabinfo",
		   slabinfo_show);

static void show_vmalloc_areas(void)
{
	vmallocinfo_show();
	printk("(%lu pages mapped, %lu waiting for the next purge, %lu "
	       "purges)\n", vmalloc_stats.used_pages, vmalloc_stats.lazy_pages,
	       vmalloc_stats.purges);
}
SHELL_SHOW_COMMAND("vmallocinfo", "vmalloc areas, as /proc/vmallocinfo",
		   show_vmalloc_areas);

SHELL_SHOW_COMMAND("layout", "the virtual memory map", print_memory_layout);

static void show_memory_maps(void)
{
	printk("Firmware memory map (as the boot loader passed it):\n");
	memory_map_print(&firmware_memory_map, " ");
	printk("Memory map in use (sanitized, after mem=/memmap= and the "
	       "CPU's limit):\n");
	memory_map_print(&usable_memory_map, " ");
}
SHELL_SHOW_COMMAND("memmap", "the firmware memory map", show_memory_maps);

SHELL_SHOW_COMMAND("vmstat", "event counters per CPU, as /proc/vmstat",
		   vmstat_show);

static void drain_pages_and_report(void)
{
	unsigned long before = 0, after = 0;
	struct zone *zone;

	for_each_zone(zone)
		before += zone_pcp_pages(zone);
	drain_all_pages();
	for_each_zone(zone)
		after += zone_pcp_pages(zone);
	printk("drain: every CPU's page lists emptied: %lu pages back in the "
	       "buddy lists (%lu on the lists now)\n", before - min(before, after),
	       after);
}
SHELL_SHOW_COMMAND("drain", "empty every CPU's per-CPU page lists",
		   drain_pages_and_report);
