// SPDX-License-Identifier: MIT
/*
 * The text forms of the page map (mm/pagemap.c): `pagemap raw`, run
 * lengths for host scripts, and `pagemap [ZONE] [WIDTH]`, the map as
 * characters for a terminal, with the kmap slots and the free pages by
 * order beside it.
 */
#include "highmem/highmem.h"
#include "kernel/lib/string.h"
#include "kernel/smp.h"
#include "mm/deferred_init.h"
#include "mm/pagemap.h"

#define TEXT_ROWS_MAX 32  /* rows per zone, at most */
#define BAR_WIDTH 40	  /* the longest free-by-order bar */
#define TEXT_WIDTH_MAX 200

/* The character of each state: upper case for a whole block, lower for most. */
static const char state_chars[NR_PAGEMAP_STATES] = {
	[PM_HOLE] = '~',      [PM_RESERVED] = 'R',  [PM_KERNEL] = 'K',
	[PM_MEMMAP] = 'M',    [PM_FREE] = 'F',	    [PM_DEFERRED] = 'D',
	[PM_PCP] = 'P',	      [PM_SLAB] = 'S',	    [PM_PAGETABLE] = 'T',
	[PM_ANON] = 'U',      [PM_PAGECACHE] = 'C', [PM_KSTACK] = 'X',
	[PM_VMALLOC] = 'V',   [PM_KERNEL_OTHER] = 'O',
};

static const char order_chars[MAX_ORDER + 1] = "0123456789A";

/* ---- pagemap raw ---- */

static void raw_run(void *arg, const struct pagemap_run *run)
{
	struct seq_file *m = arg;

	if (run->state == PM_FREE)
		seq_printf(m, "run free/%u %lu\n", run->order, run->nr);
	else
		seq_printf(m, "run %s %lu\n",
			   pagemap_state_name((enum pagemap_state)run->state),
			   run->nr);
}

static void raw_kmap_slots(struct seq_file *m)
{
	unsigned int cpu;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		int count = pkmap_slot_count(i);

		if (count > 0)
			seq_printf(m, "pkmap %u %d 0x%lx\n", i, count,
				   pkmap_slot_pfn(i));
	}
	for_each_online_cpu(cpu) {
		int depth = kmap_depth_of(cpu);

		seq_printf(m, "kmapdepth %u %d\n", cpu, depth);
		for (int idx = 0; idx < depth && idx < KM_MAX_IDX; idx++)
			seq_printf(m, "kmap %u %d 0x%lx\n", cpu, idx,
				   kmap_slot_pfn(cpu, idx));
	}
}

int pagemap_raw_show(struct seq_file *m)
{
	struct zone *zone;

	seq_printf(m, "pagemap raw 1 max_pfn 0x%lx max_low_pfn 0x%lx "
		   "pfn_4g 0x%lx\n", max_pfn, max_low_pfn, PFN_4G);
	for_each_zone(zone) {
		unsigned long free, deferred;

		if (!populated_zone(zone))
			continue;
		seq_printf(m, "zone %s 0x%lx 0x%lx\n", zone->name,
			   zone->zone_start_pfn, zone_end_pfn(zone));
		pagemap_walk_zone(zone, raw_run, m);
		/* The allocator's own counts, just after the walk. */
		zone_free_counts(zone, &free, &deferred);
		seq_printf(m, "buddy %s", zone->name);
		for (unsigned int o = 0; o < MAX_ORDER; o++)
			seq_printf(m, " %lu", READ_ONCE(zone->free_area[o].nr_free));
		seq_printf(m, "\npcp %s %lu\n", zone->name, zone_pcp_pages(zone));
		seq_printf(m, "freepages %s %lu\ndeferred %s %lu\n", zone->name,
			   free, zone->name, deferred);
		seq_printf(m, "managed %s %lu\n", zone->name,
			   zone->managed_pages);
	}
	raw_kmap_slots(m);
	seq_puts(m, "end\n");
	return 0;
}

/* ---- pagemap [ZONE] [WIDTH] ---- */

struct text_walk {
	struct seq_file *m;
	unsigned int width, shift, col;
	unsigned long row_pfn;
	char line[TEXT_WIDTH_MAX + 1];
};

static void text_flush(struct text_walk *w)
{
	if (!w->col)
		return;
	w->line[w->col] = '\0';
	seq_printf(w->m, "%09llx %s\n", (unsigned long long)PFN_PHYS(w->row_pfn),
		   w->line);
	w->col = 0;
}

static char block_char(const struct pagemap_block *b)
{
	bool mixed;
	enum pagemap_state s = pagemap_block_majority(b, &mixed);

	if (s == PM_FREE)
		return mixed ? 'f' : order_chars[pagemap_block_free_order(b)];
	if (mixed && state_chars[s] >= 'A' && state_chars[s] <= 'Z')
		return (char)(state_chars[s] - 'A' + 'a');
	return state_chars[s];
}

static void text_block(void *arg, const struct pagemap_block *b)
{
	struct text_walk *w = arg;

	/* The 4 GiB line starts a row of its own. */
	if (b->pfn == PFN_4G) {
		text_flush(w);
		seq_puts(w->m, "--------- 4 GiB: above, no 32-bit address reaches "
			       "it ---------\n");
	}
	if (w->col == w->width)
		text_flush(w);
	if (!w->col)
		w->row_pfn = b->pfn;
	w->line[w->col++] = block_char(b);
}

static unsigned int text_shift(const struct zone *zone, unsigned int width)
{
	unsigned int shift = 0;

	while ((zone->spanned_pages >> shift) > (unsigned long)width * TEXT_ROWS_MAX)
		shift++;
	return shift;
}

static void text_zone_free_bars(struct seq_file *m, struct zone *zone)
{
	unsigned long pages[MAX_ORDER], most = 1, flags;
	char bar[BAR_WIDTH + 1];

	spin_lock_irqsave(&zone->lock, flags);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		pages[o] = zone->free_area[o].nr_free << o;
	spin_unlock_irqrestore(&zone->lock, flags);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		most = max(most, pages[o]);
	seq_printf(m, "free pages by order, %s (buddy lists; per-CPU lists: "
		   "%lu pages):\n", zone->name, zone_pcp_pages(zone));
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long len = (pages[o] * BAR_WIDTH + most - 1) / most;

		memset(bar, '#', len);
		bar[len] = '\0';
		seq_printf(m, "  order %2u %-*s %8lu pages\n", o, BAR_WIDTH, bar,
			   pages[o]);
	}
}

static void text_legend(struct seq_file *m)
{
	seq_puts(m, "legend: 0-9 A free block of that buddy order (f: mostly "
		    "free)  D free, struct page not written yet (deferred)\n"
		    "        P per-CPU list  S slab  T page table  U user "
		    "anonymous  C page cache  X kernel stack  V vmalloc\n"
		    "        O other kernel allocation  K kernel image  M "
		    "mem_map  R reserved  ~ hole\n"
		    "        upper case: every frame of the block; lower case: "
		    "most of them\n");
}

static void text_kmap_slots(struct seq_file *m)
{
	unsigned int used = 0, cpu;
	char line[65];

	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		used += pkmap_slot_count(i) > 1;
	seq_printf(m, "pkmap: %u of %u slots in use (* in use, z unused but "
		   "not flushed, . free)\n", used, LAST_PKMAP);
	for (unsigned int i = 0; i < LAST_PKMAP; i += 64) {
		for (unsigned int j = 0; j < 64; j++) {
			int count = pkmap_slot_count(i + j);

			line[j] = count > 1 ? '*' : count == 1 ? 'z' : '.';
		}
		line[64] = '\0';
		seq_printf(m, "  %3u %s\n", i, line);
	}
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_slot_count(i) > 1)
			seq_printf(m, "  slot %u -> pfn 0x%lx\n", i,
				   pkmap_slot_pfn(i));
	for_each_online_cpu(cpu) {
		int depth = kmap_depth_of(cpu);

		seq_printf(m, "kmap_atomic/kmap_local, CPU %u: %d of %d slots "
			   "in use", cpu, depth, KM_MAX_IDX);
		for (int idx = 0; idx < depth && idx < KM_MAX_IDX; idx++)
			seq_printf(m, "%s%d -> pfn 0x%lx", idx ? ", " : ": ",
				   idx, kmap_slot_pfn(cpu, idx));
		seq_putc(m, '\n');
	}
}

int pagemap_text_show(struct seq_file *m, struct zone *only,
		      unsigned int width)
{
	static struct text_walk walk; /* the shell runs one command at a time */
	struct zone *zone;

	width = clamp(width, 16u, (unsigned int)TEXT_WIDTH_MAX);
	text_legend(m);
	for_each_zone(zone) {
		if (!populated_zone(zone) || (only && zone != only))
			continue;
		walk = (struct text_walk){ .m = m, .width = width,
					   .shift = text_shift(zone, width) };
		seq_printf(m, "========= zone %s: pfn 0x%lx-0x%lx, one character = "
			   "%lu KiB (2^%u frames) =========\n", zone->name,
			   zone->zone_start_pfn, zone_end_pfn(zone) - 1,
			   (PAGE_SIZE >> 10) << walk.shift, walk.shift);
		pagemap_walk_blocks(zone, walk.shift, text_block, &walk);
		text_flush(&walk);
		text_zone_free_bars(m, zone);
	}
	text_kmap_slots(m);
	return 0;
}
