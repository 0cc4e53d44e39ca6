// SPDX-License-Identifier: MIT
/*
 * Shell commands that look at memory: meminfo, zoneinfo, buddyinfo,
 * slabinfo, vmallocinfo and vmstat print what Linux prints in /proc;
 * layout and memmap the virtual and physical maps; drain empties every
 * CPU's page lists; meminit tells how far deferred struct page init is.
 * (alloc, free, fill, peek and pageinfo are in page_cmds.c.)
 */
#include "highmem/highmem.h"
#include "kernel/lib/errno.h"
#include "kernel/debug/hexdump.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/printk.h"
#include "kernel/shell/shell.h"
#include "kernel/lib/string.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/show_mem.h"
#include "mm/slab.h"
#include "mm/vmstat.h"
#include "mm/init.h"
#include "mm/memmap.h"
#include "mm/vmalloc.h"

SHELL_SEQ_COMMAND("meminfo", "memory totals, as /proc/meminfo", meminfo_show);

SHELL_SEQ_COMMAND("zoneinfo", "zones in detail, as /proc/zoneinfo",
		  zoneinfo_show);

SHELL_SEQ_COMMAND("buddyinfo", "free blocks per order, as /proc/buddyinfo",
		  buddyinfo_show);

SHELL_SEQ_COMMAND("slabinfo", "slab caches, as /proc/slabinfo",
		  slabinfo_show);

static void show_vmalloc_areas(void)
{
	vmallocinfo_show(seq_console());
	/* Not in the /proc file: what Linux's vmallocinfo has no line for. */
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

SHELL_SEQ_COMMAND("vmstat", "event counters per CPU, as /proc/vmstat",
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

static int cmd_meminit(int argc, char **argv)
{
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "wait") != 0))
		return shell_usage(argv[0]);
	/* The shell's thread helps: it initialises what is left itself. */
	if (argc == 2)
		deferred_init_finish();
	return deferred_init_show(seq_console());
}
SHELL_COMMAND("meminit", "[wait]",
	      "deferred struct page init: how far (wait: finish it now)",
	      cmd_meminit);
