// SPDX-License-Identifier: MIT
/*
 * The text of /proc/meminfo, /proc/zoneinfo and /proc/buddyinfo, in
 * Linux's formats, printed into a seq_file: the /proc files and the
 * shell's commands of the same names both print through these.
 *
 * meminfo keeps Linux's field order and prints only fields this kernel
 * can fill honestly. There is no swap, no writeback and no LRU: Buffers,
 * SwapCached, SwapTotal, SwapFree, Dirty, Writeback, Shmem and
 * SReclaimable are truly 0, and Active/Inactive are left out rather
 * than guessed.
 *
 * Pages whose struct pages wait for deferred init (mm/deferred_init.h)
 * are free and managed: meminfo counts them in MemTotal, MemFree and
 * HighFree, and shows them once more as Deferred (a line Linux does
 * not have, at the end); zoneinfo shows them as nr_deferred, apart from
 * "pages free", which is the buddy lists, as buddyinfo is. So at any
 * moment, per zone, the blocks of buddyinfo add up to "pages free", and
 * "pages free" + nr_deferred + the per-CPU lists' counts is the zone's
 * share of MemFree. The pair is read under the zone's lock while pages
 * wait, and so is a zone's buddyinfo line: a section being initialised
 * is counted once, on one side or the other.
 */
#include "kernel/seq_file.h"
#include "kernel/proc/process.h"
#include "kernel/sched.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/mmap.h"
#include "mm/mmzone.h"
#include "mm/show_mem.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"

static unsigned long kb(unsigned long pages)
{
	return pages * (PAGE_SIZE / 1024);
}

static void show_kb(struct seq_file *m, const char *name, unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", name, kb(pages));
}

/* What the processes' address spaces hold, summed (see meminfo_show). */
struct mm_totals {
	unsigned long anon, file, page_tables, stack_pages;
};

static void add_task_memory(struct task_struct *task, void *arg)
{
	struct mm_totals *t = arg;
	struct mm_struct *mm;

	if (task->stack_page)
		t->stack_pages += 1ul << THREAD_STACK_ORDER;
	/* A vfork child borrows its parent's mm: count that once. */
	if (!task->is_process || READ_ONCE(task->in_vfork))
		return;
	mm = get_task_mm(task);
	if (!mm)
		return;
	for (int high = 0; high < 2; high++) {
		t->anon += mm_rss(mm, MM_ANONPAGES, high);
		t->file += mm_rss(mm, MM_FILEPAGES, high);
		t->page_tables += atomic_read(&mm->nr_ptes[high]);
	}
	for (int i = 0; i < USER_PGDS; i++)
		t->page_tables += mm->pmd[i] != NULL;
	mmput(mm);
}

/*
 * MemAvailable: the page cache here is ramfs (and the initramfs), which
 * nothing can evict, and the slab shrinker gives back only empty slabs:
 * what a program can get without pushing the kernel into its reserves
 * is the free memory above the zones' high watermarks.
 */
static unsigned long available_pages(unsigned long free)
{
	unsigned long reserve = 0;
	struct zone *zone;

	for_each_zone(zone)
		reserve += zone->watermark[WMARK_HIGH];
	return free > reserve ? free - reserve : 0;
}

int meminfo_show(struct seq_file *m)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long high_total = totalhigh_pages();
	unsigned long high_free = nr_free_highpages();
	unsigned long slab = slab_pages();
	struct mm_totals t = { 0 };

	for_each_task(add_task_memory, &t);
	show_kb(m, "MemTotal:", total);
	show_kb(m, "MemFree:", free);
	show_kb(m, "MemAvailable:", available_pages(free));
	show_kb(m, "Buffers:", 0);
	show_kb(m, "Cached:", global_zone_page_state(NR_FILE_PAGES));
	show_kb(m, "SwapCached:", 0);
	show_kb(m, "HighTotal:", high_total);
	show_kb(m, "HighFree:", high_free);
	show_kb(m, "LowTotal:", total - high_total);
	show_kb(m, "LowFree:", free - high_free);
	show_kb(m, "SwapTotal:", 0);
	show_kb(m, "SwapFree:", 0);
	show_kb(m, "Dirty:", 0);
	show_kb(m, "Writeback:", 0);
	/*
	 * Summed over the processes' RSS: a page that fork shares
	 * copy-on-write counts once per process here (Linux counts it once).
	 */
	show_kb(m, "AnonPages:", t.anon);
	show_kb(m, "Mapped:", t.file);
	show_kb(m, "Shmem:", 0);
	show_kb(m, "Slab:", slab);
	show_kb(m, "SReclaimable:", 0);
	show_kb(m, "SUnreclaim:", slab);
	show_kb(m, "KernelStack:", t.stack_pages);
	show_kb(m, "PageTables:", t.page_tables);
	show_kb(m, "VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT);
	show_kb(m, "VmallocUsed:", vmalloc_stats.used_pages);
	show_kb(m, "VmallocChunk:", 0); /* Linux too prints 0 since 4.0 */
	show_kb(m, "Deferred:", deferred_pages_total());
	return 0;
}

static void zoneinfo_show_zone(struct seq_file *m, const struct zone *zone)
{
	unsigned long free, deferred;
	struct zone_stats stats;
	unsigned int cpu;

	zone_stats_sum(zone, &stats);
	zone_free_counts(zone, &free, &deferred);
	seq_printf(m, "Node 0, zone %8s\n", zone->name);
	seq_printf(m, "  pages free     %lu\n", free);
	seq_printf(m, "        min      %lu\n", zone->watermark[WMARK_MIN]);
	seq_printf(m, "        low      %lu\n", zone->watermark[WMARK_LOW]);
	seq_printf(m, "        high     %lu\n", zone->watermark[WMARK_HIGH]);
	seq_printf(m, "        spanned  %lu\n", zone->spanned_pages);
	seq_printf(m, "        present  %lu\n", zone->present_pages);
	seq_printf(m, "        managed  %lu\n", zone->managed_pages);
	seq_printf(m, "        protection: (%lu, %lu, %lu)\n",
		   zone->lowmem_reserve[ZONE_DMA],
		   zone->lowmem_reserve[ZONE_NORMAL],
		   zone->lowmem_reserve[ZONE_HIGHMEM]);
	seq_printf(m, "      nr_alloc     %lu\n", stats.alloc);
	seq_printf(m, "      nr_fallback  %lu\n", stats.alloc_fallback);
	seq_printf(m, "      nr_alloc_fail %lu\n", stats.alloc_fail);
	seq_printf(m, "      nr_file_pages %lu\n",
		   zone_page_state(zone, NR_FILE_PAGES));
	seq_printf(m, "      nr_deferred  %lu\n", deferred);
	seq_puts(m, "  pagesets\n");
	for_each_online_cpu(cpu) {
		const struct per_cpu_pages *pcp = zone_pcp(zone, cpu);

		seq_printf(m, "    cpu: %u\n", cpu);
		seq_printf(m, "              count: %d\n", READ_ONCE(pcp->count));
		seq_printf(m, "              high:  %d\n", pcp->high);
		seq_printf(m, "              batch: %d\n", pcp->batch);
	}
	seq_printf(m, "      refills: %lu drains: %lu\n", stats.pcp_refill,
		   stats.pcp_drain);
	seq_printf(m, "  start_pfn:           %lu\n", zone->zone_start_pfn);
}

int zoneinfo_show(struct seq_file *m)
{
	struct zone *zone;

	for_each_zone(zone)
		zoneinfo_show_zone(m, zone);
	return 0;
}

int buddyinfo_show(struct seq_file *m)
{
	struct zone *zone;

	for_each_zone(zone) {
		unsigned long nr_free[MAX_ORDER], flags;
		bool locked = READ_ONCE(zone->deferred_pages) != 0;

		if (!populated_zone(zone))
			continue;
		/* One instant's counts while sections are added (above). */
		if (locked)
			spin_lock_irqsave(&zone->lock, flags);
		for (int o = 0; o < MAX_ORDER; o++)
			nr_free[o] = READ_ONCE(zone->free_area[o].nr_free);
		if (locked)
			spin_unlock_irqrestore(&zone->lock, flags);
		seq_printf(m, "Node 0, zone %8s ", zone->name);
		for (int o = 0; o < MAX_ORDER; o++)
			seq_printf(m, "%6lu ", nr_free[o]);
		seq_putc(m, '\n');
	}
	return 0;
}
