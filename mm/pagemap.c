// SPDX-License-Identifier: MIT
/*
 * What every page frame is used for, read from its struct page: the
 * classification behind `pagemap` and `memview` (see mm/pagemap.h for
 * the consistency a walk gives).
 *
 * A section is read from its first frame on, and a block is taken whole:
 * a free block's first page has PG_buddy and its order, an allocated
 * block's first page PG_head and its order, so the pages after them are
 * skipped, never read for themselves (a tail page has no references and
 * would look free). Blocks never cross a section, so every section
 * starts with the first page of something.
 */
#include "kernel/lib/errno.h"
#include "kernel/mutex.h"
#include "kernel/sections.h"
#include "mm/deferred_init.h"
#include "mm/internal.h"
#include "mm/pagemap.h"
#include "mm/slab.h"
#include "mm/sparse.h"

static const char *const state_names[NR_PAGEMAP_STATES] = {
	[PM_HOLE] = "hole",
	[PM_RESERVED] = "reserved",
	[PM_KERNEL] = "kernel",
	[PM_MEMMAP] = "mem_map",
	[PM_FREE] = "free",
	[PM_DEFERRED] = "deferred",
	[PM_PCP] = "pcp",
	[PM_SLAB] = "slab",
	[PM_PAGETABLE] = "pagetable",
	[PM_ANON] = "anon",
	[PM_PAGECACHE] = "pagecache",
	[PM_KSTACK] = "kstack",
	[PM_VMALLOC] = "vmalloc",
	[PM_KERNEL_OTHER] = "kernel_other",
};

const char *pagemap_state_name(enum pagemap_state state)
{
	return state < NR_PAGEMAP_STATES ? state_names[state] : "?";
}

static const u8 type_states[NR_PAGETYPES] = {
	[PGTY_none] = PM_KERNEL_OTHER,
	[PGTY_table] = PM_PAGETABLE,
	[PGTY_anon] = PM_ANON,
	[PGTY_pagecache] = PM_PAGECACHE,
	[PGTY_kstack] = PM_KSTACK,
	[PGTY_vmalloc] = PM_VMALLOC,
};

/*
 * One walk at a time: the section's runs are gathered in a static
 * buffer under the zone lock and handed out after it is dropped.
 */
static DEFINE_MUTEX(pagemap_mutex);
static struct pagemap_run section_runs[PAGES_PER_SECTION];
static unsigned int nr_section_runs;

/* Does @next carry on @run: the same state and order, right after it? */
static bool run_continues(const struct pagemap_run *run,
			  const struct pagemap_run *next)
{
	return run->nr && run->state == next->state &&
	       run->order == next->order && run->pfn + run->nr == next->pfn;
}

static void add_run(unsigned long pfn, unsigned long nr,
		    enum pagemap_state state, unsigned int order)
{
	struct pagemap_run *last = nr_section_runs ?
		&section_runs[nr_section_runs - 1] : NULL;
	struct pagemap_run next = {
		.pfn = pfn, .nr = nr, .state = (u8)state, .order = (u8)order
	};

	if (last && run_continues(last, &next)) {
		last->nr += nr;
		return;
	}
	section_runs[nr_section_runs++] = next;
}

/* Reserved pages: the kernel image and mem_map have names of their own. */
static enum pagemap_state reserved_state(unsigned long pfn)
{
	phys_addr_t phys = PFN_PHYS(pfn);
	phys_addr_t map = __pa(mem_map);
	phys_addr_t map_end = map + mem_map_bytes();

	if (phys >= __pa(_kernel_start) && phys < __pa(_kernel_end))
		return PM_KERNEL;
	if (phys >= map && phys < map_end)
		return PM_MEMMAP;
	return PM_RESERVED;
}

static enum pagemap_state allocated_state(const struct page *page)
{
	if (PageSlab(page))
		return PM_SLAB;
	return (enum pagemap_state)type_states[page_type(page) < NR_PAGETYPES ?
					       page_type(page) : PGTY_none];
}

/* A section whose descriptors are written: zone->lock held. */
static void classify_section(unsigned long start, unsigned long end)
{
	unsigned long pfn = start;

	while (pfn < end) {
		const struct page *page = pfn_to_page(pfn);
		unsigned long nr = 1;
		unsigned int order = 0;
		enum pagemap_state state;

		if (PageBuddy(page)) {
			order = page_order(page);
			nr = 1ul << order;
			state = PM_FREE;
		} else if (PageReserved(page)) {
			state = reserved_state(pfn);
		} else if (page_count(page) == 0) {
			state = PM_PCP;
		} else {
			state = allocated_state(page);
			if (PageHead(page))
				nr = 1ul << page_order(page);
		}
		/* A bad order must not carry the walk out of the section. */
		if (nr > end - pfn)
			nr = end - pfn;
		add_run(pfn, nr, state, state == PM_FREE ? order : 0);
		pfn += nr;
	}
}

/* A section that waits for its struct pages: from the boot free ranges. */
static unsigned long deferred_cursor, deferred_end;

static void add_deferred_piece(struct zone *zone, unsigned long start,
			       unsigned long end)
{
	(void)zone;
	start = max(start, deferred_cursor);
	end = min(end, deferred_end);
	if (start >= end)
		return;
	add_run(deferred_cursor, start - deferred_cursor, PM_RESERVED, 0);
	add_run(start, end - start, PM_DEFERRED, 0);
	deferred_cursor = end;
}

static void describe_waiting_section(unsigned long start, unsigned long end)
{
	deferred_cursor = start;
	deferred_end = end;
	section_for_each_free_piece(start >> PFN_SECTION_SHIFT,
				    add_deferred_piece);
	if (deferred_cursor < end)
		add_run(deferred_cursor, end - deferred_cursor, PM_RESERVED, 0);
}

/* Empty runs come from the cursor arithmetic above: drop them. */
static void flush_runs(void (*fn)(void *arg, const struct pagemap_run *run),
		       void *arg, struct pagemap_run *pending)
{
	for (unsigned int i = 0; i < nr_section_runs; i++) {
		const struct pagemap_run *r = &section_runs[i];

		if (!r->nr)
			continue;
		if (run_continues(pending, r)) {
			pending->nr += r->nr;
			continue;
		}
		if (pending->nr)
			fn(arg, pending);
		*pending = *r;
	}
	nr_section_runs = 0;
}

/*
 * The runs of [@start, @end), within one section of @zone, into
 * section_runs[]: pagemap_mutex held.
 */
static void gather_section(struct zone *zone, unsigned long start,
			   unsigned long end)
{
	unsigned long flags;

	nr_section_runs = 0;
	if (!pfn_valid(start)) {
		add_run(start, end - start, PM_HOLE, 0);
		return;
	}
	spin_lock_irqsave(&zone->lock, flags);
	/* Under the lock a section becomes READY: stable here. */
	if (pfn_initialised(start))
		classify_section(start, end);
	else
		describe_waiting_section(start, end);
	spin_unlock_irqrestore(&zone->lock, flags);
}

void pagemap_walk_zone(struct zone *zone,
		       void (*fn)(void *arg, const struct pagemap_run *run),
		       void *arg)
{
	unsigned long pfn = zone->zone_start_pfn, end = zone_end_pfn(zone);
	struct pagemap_run pending = { 0 };

	if (!populated_zone(zone))
		return;
	mutex_lock(&pagemap_mutex);
	while (pfn < end) {
		unsigned long next = min(end, (pfn | PAGE_SECTION_MASK) + 1);

		gather_section(zone, pfn, next);
		flush_runs(fn, arg, &pending);
		pfn = next; /* the kernel is preemptive: no resched point needed */
	}
	if (pending.nr)
		fn(arg, &pending);
	mutex_unlock(&pagemap_mutex);
}

/* ---- blocks of 2^shift frames ---- */

struct block_walk {
	unsigned int shift;
	unsigned long zone_end;
	struct pagemap_block block;
	void (*fn)(void *arg, const struct pagemap_block *b);
	void *arg;
};

static void block_start(struct block_walk *w, unsigned long pfn)
{
	unsigned long first = pfn & ~((1ul << w->shift) - 1);
	unsigned long last = first + (1ul << w->shift);

	w->block = (struct pagemap_block){ .pfn = pfn };
	w->block.nr = min(last, w->zone_end) - pfn;
}

static void block_add_run(void *arg, const struct pagemap_run *run)
{
	struct block_walk *w = arg;
	unsigned long pfn = run->pfn, left = run->nr;

	while (left) {
		struct pagemap_block *b = &w->block;
		unsigned long room, n;

		if (!b->nr)
			block_start(w, pfn);
		room = b->pfn + b->nr - pfn;
		n = min(room, left);
		b->pages[run->state] += (u32)n;
		if (run->state == PM_FREE)
			b->free_pages[run->order] += (u32)n;
		pfn += n;
		left -= n;
		if (pfn == b->pfn + b->nr) {
			w->fn(w->arg, b);
			b->nr = 0;
		}
	}
}

void pagemap_walk_blocks(struct zone *zone, unsigned int shift,
			 void (*fn)(void *arg, const struct pagemap_block *b),
			 void *arg)
{
	/* Static, off the caller's small stack: one walk at a time. */
	static struct block_walk walk;
	static DEFINE_MUTEX(blocks_mutex);

	mutex_lock(&blocks_mutex);
	walk = (struct block_walk){ .shift = min(shift, 31u),
				    .zone_end = zone_end_pfn(zone),
				    .fn = fn, .arg = arg };
	pagemap_walk_zone(zone, block_add_run, &walk);
	mutex_unlock(&blocks_mutex);
}

enum pagemap_state pagemap_block_majority(const struct pagemap_block *b,
					  bool *mixed)
{
	unsigned int best = PM_HOLE;

	for (unsigned int s = 0; s < NR_PAGEMAP_STATES; s++)
		if (b->pages[s] > b->pages[best])
			best = s;
	*mixed = b->pages[best] != b->nr;
	return (enum pagemap_state)best;
}

unsigned int pagemap_block_free_order(const struct pagemap_block *b)
{
	unsigned int best = 0;

	for (unsigned int o = 1; o < MAX_ORDER; o++)
		if (b->free_pages[o] > b->free_pages[best])
			best = o;
	return best;
}

/* ---- counts, one pfn ---- */

static void count_run(void *arg, const struct pagemap_run *run)
{
	struct pagemap_counts *c = arg;

	c->pages[run->state] += run->nr;
	if (run->state == PM_FREE)
		c->free_blocks[run->order] += run->nr >> run->order;
}

void pagemap_count_zone(struct zone *zone, struct pagemap_counts *counts)
{
	*counts = (struct pagemap_counts){ 0 };
	pagemap_walk_zone(zone, count_run, counts);
}

static struct zone *zone_of(unsigned long pfn)
{
	struct zone *zone;

	for_each_zone(zone)
		if (populated_zone(zone) && pfn >= zone->zone_start_pfn &&
		    pfn < zone_end_pfn(zone))
			return zone;
	return NULL;
}

enum pagemap_state pagemap_classify_pfn(unsigned long pfn,
					unsigned int *order)
{
	struct zone *zone = zone_of(pfn);
	enum pagemap_state state = PM_HOLE;

	*order = 0;
	if (!zone || !pfn_valid(pfn))
		return PM_HOLE;
	mutex_lock(&pagemap_mutex);
	/* The section from its first frame in the zone: blocks start there. */
	gather_section(zone, max(pfn & ~PAGE_SECTION_MASK, zone->zone_start_pfn),
		       min(zone_end_pfn(zone), (pfn | PAGE_SECTION_MASK) + 1));
	for (unsigned int i = 0; i < nr_section_runs; i++) {
		const struct pagemap_run *r = &section_runs[i];

		if (pfn >= r->pfn && pfn < r->pfn + r->nr) {
			state = (enum pagemap_state)r->state;
			*order = r->order;
		}
	}
	nr_section_runs = 0;
	mutex_unlock(&pagemap_mutex);
	return state;
}

/* ---- the check against the allocator's counts ---- */

static bool check_eq(struct seq_file *m, const char *zone, const char *what,
		     unsigned long walked, unsigned long counted)
{
	if (walked == counted)
		return true;
	seq_printf(m, "pagemap check: %s %s: %lu in the map, %lu counted\n",
		   zone, what, walked, counted);
	return false;
}

static unsigned long managed_states(const struct pagemap_counts *c)
{
	unsigned long n = 0;

	for (unsigned int s = PM_FREE; s < NR_PAGEMAP_STATES; s++)
		n += c->pages[s];
	return n;
}

int pagemap_check(struct seq_file *m)
{
	unsigned long cache = 0, slab = 0;
	struct pagemap_counts c;
	struct zone *zone;
	bool ok = true;

	for_each_zone(zone) {
		unsigned long free_before, deferred_before, free, deferred;

		if (!populated_zone(zone))
			continue;
		zone_free_counts(zone, &free_before, &deferred_before);
		pagemap_count_zone(zone, &c);
		zone_free_counts(zone, &free, &deferred);
		cache += c.pages[PM_PAGECACHE];
		slab += c.pages[PM_SLAB];
		ok &= check_eq(m, zone->name, "free + deferred",
			       c.pages[PM_FREE] + c.pages[PM_DEFERRED],
			       free + deferred);
		ok &= check_eq(m, zone->name, "pcp", c.pages[PM_PCP],
			       zone_pcp_pages(zone));
		ok &= check_eq(m, zone->name, "managed", managed_states(&c),
			       zone->managed_pages);
		if (deferred != deferred_before) {
			seq_printf(m, "pagemap check: %s: sections initialised "
				   "during the walk: free and deferred compared "
				   "together only\n", zone->name);
			continue;
		}
		ok &= check_eq(m, zone->name, "free", c.pages[PM_FREE], free);
		ok &= check_eq(m, zone->name, "deferred", c.pages[PM_DEFERRED],
			       deferred);
		for (unsigned int o = 0; o < MAX_ORDER; o++)
			ok &= check_eq(m, zone->name, "free blocks of an order",
				       c.free_blocks[o],
				       READ_ONCE(zone->free_area[o].nr_free));
	}
	ok &= check_eq(m, "all zones", "page cache (Cached)", cache,
		       global_zone_page_state(NR_FILE_PAGES));
	ok &= check_eq(m, "all zones", "slab (Slab)", slab, slab_pages());
	seq_printf(m, "pagemap check: %s\n", ok ? "ok" : "FAILED");
	return ok ? 0 : -EIO;
}
