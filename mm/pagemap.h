/* SPDX-License-Identifier: MIT */
/*
 * What every page frame is used for: the classification behind the
 * shell's `pagemap` and the live `memview` picture (docs/physical-memory.md).
 *
 * A walk goes zone by zone and, inside a zone, 16 MiB section by
 * section: each section is read under its zone's lock (interrupts off,
 * 4096 descriptors: tens of microseconds), which is dropped between
 * sections, so a walk of a 61 GiB machine never holds a lock for long.
 * What a walk gives is therefore exact for each section at the moment
 * it was read, not one instant for the whole machine: on a quiet
 * machine (nothing allocating meanwhile) the sums per zone equal
 * buddyinfo, zoneinfo and meminfo; while it works, they differ by what
 * moved during the walk.
 *
 * Pages on per-CPU lists are found by elimination: a page with no
 * references that is neither in a free block (PG_buddy on its first
 * page) nor a tail of an allocated block. Another CPU's list cannot be
 * walked (only its CPU touches it, with interrupts off and no lock), so
 * a page being taken from a list at that moment may show as free on a
 * list or as allocated, either way for an instant.
 *
 * Sections that still wait for deferred struct page init are never
 * read: their descriptors hold garbage. Their pages are described from
 * the boot-time free ranges: free RAM there is PM_DEFERRED (counted as
 * free, as meminfo counts it), the rest PM_RESERVED.
 */
#ifndef MM_PAGEMAP_H
#define MM_PAGEMAP_H

#include "kernel/seq_file.h"
#include "mm/mmzone.h"

/* The first frame above 4 GiB: the line both pictures draw. */
#define PFN_4G (1ul << (32 - PAGE_SHIFT))

enum pagemap_state {
	PM_HOLE,	 /* no struct page: no RAM in the section, or past max_pfn */
	PM_RESERVED,	 /* PG_reserved: firmware, boot data, a hole in a section */
	PM_KERNEL,	 /* the kernel image (.text to .bss) */
	PM_MEMMAP,	 /* the struct pages themselves */
	PM_FREE,	 /* in a buddy free block (with its order) */
	PM_DEFERRED,	 /* free, struct page not written yet (deferred init) */
	PM_PCP,		 /* free, on a CPU's per-CPU page list */
	PM_SLAB,	 /* a slab's page (PG_slab) */
	PM_PAGETABLE,	 /* a user page table (PGTY_table) */
	PM_ANON,	 /* a user anonymous page (PGTY_anon) */
	PM_PAGECACHE,	 /* a page-cache page (PGTY_pagecache) */
	PM_KSTACK,	 /* a kernel thread stack (PGTY_kstack) */
	PM_VMALLOC,	 /* one of vmalloc's pages (PGTY_vmalloc) */
	PM_KERNEL_OTHER, /* any other kernel allocation */
	NR_PAGEMAP_STATES
};

/* A run of page frames in one state (and, when free, one block order). */
struct pagemap_run {
	unsigned long pfn;
	unsigned long nr;
	u8 state;	/* enum pagemap_state */
	u8 order;	/* the buddy order of its blocks, for PM_FREE */
};

/* What a walk counted in one zone. */
struct pagemap_counts {
	unsigned long pages[NR_PAGEMAP_STATES];
	unsigned long free_blocks[MAX_ORDER]; /* as free_area[].nr_free */
};

/* A block of 2^shift frames: how many are in each state. */
struct pagemap_block {
	unsigned long pfn;
	unsigned long nr; /* 2^shift, or less at a zone's end */
	u32 pages[NR_PAGEMAP_STATES];
	u32 free_pages[MAX_ORDER]; /* free pages in blocks of each order */
};

/**
 * pagemap_state_name - the name of @state in `pagemap raw` and the legend
 * @state: a pagemap_state
 *
 * Context: any. Return: a static string ("free", "pagecache", ...).
 */
const char *pagemap_state_name(enum pagemap_state state);

/**
 * pagemap_walk_zone - call @fn for each run of frames of @zone, in order
 * @zone: a zone (an empty one gives no runs)
 * @fn: called with each run, outside any lock (it may print, even sleep)
 * @arg: passed to @fn
 *
 * Consecutive frames of one state (and free blocks of one order) make
 * one run, across sections. Consistency as described at the top of
 * mm/pagemap.h: each section as of the moment it was read.
 * Context: thread; may sleep (walks are serialised by a mutex).
 */
void pagemap_walk_zone(struct zone *zone,
		       void (*fn)(void *arg, const struct pagemap_run *run),
		       void *arg);

/**
 * pagemap_walk_blocks - @zone in blocks of 2^@shift frames
 * @zone: a zone
 * @shift: log2 of the frames per block, 0 to 31
 * @fn: called with each block, outside any lock
 * @arg: passed to @fn
 *
 * Blocks are aligned to their size; the first and the last may be cut
 * at the zone's ends (nr says how many frames they hold).
 * Context: thread; may sleep.
 */
void pagemap_walk_blocks(struct zone *zone, unsigned int shift,
			 void (*fn)(void *arg, const struct pagemap_block *b),
			 void *arg);

/**
 * pagemap_block_majority - the state most frames of @b are in
 * @b: a block from pagemap_walk_blocks
 * @mixed: set to true if some frames are in another state
 *
 * Context: any. Return: the state.
 */
enum pagemap_state pagemap_block_majority(const struct pagemap_block *b,
					  bool *mixed);

/**
 * pagemap_block_free_order - the order holding most free pages of @b
 * @b: a block with free pages
 *
 * Context: any. Return: 0 to MAX_ORDER - 1.
 */
unsigned int pagemap_block_free_order(const struct pagemap_block *b);

/**
 * pagemap_count_zone - the pages of @zone in each state, by a walk
 * @zone: the zone
 * @counts: filled in
 *
 * Context: thread; may sleep.
 */
void pagemap_count_zone(struct zone *zone, struct pagemap_counts *counts);

/**
 * pagemap_classify_pfn - the state of one page frame
 * @pfn: any pfn
 * @order: set to the order of its free block, for PM_FREE; else 0
 *
 * Reads the frame's section under its zone's lock (so that a free
 * block's order and a tail page's head are as of one moment).
 * Context: thread; may sleep.
 * Return: the state.
 */
enum pagemap_state pagemap_classify_pfn(unsigned long pfn,
					unsigned int *order);

/**
 * pagemap_raw_show - `pagemap raw`: the run-length encoded map
 * @m: where to print
 *
 * Lines a host script parses (tools/memview.py, tools/check-pagemap.py):
 * "zone NAME START END", then "run STATE COUNT" (STATE "free/ORDER" for
 * free blocks), "buddy NAME N0 .. N10", "pcp NAME N", "deferred NAME N",
 * "count NAME STATE=N ...", the kmap slots in use ("pkmap SLOT COUNT
 * PFN", "kmap CPU IDX PFN") and "end".
 * Context: thread; may sleep. Return: 0.
 */
int pagemap_raw_show(struct seq_file *m);

/**
 * pagemap_text_show - `pagemap [ZONE] [WIDTH]`: the map as characters
 * @m: where to print
 * @zone: the one zone to show, or NULL for all
 * @width: characters per line, 16 to 200
 *
 * Each character stands for a block of 2^k frames, k chosen so that the
 * whole map takes at most 32 lines per zone; an upper-case letter (or a
 * digit: the order of a free block) when every frame of the block is in
 * that state, lower case when only most are. With the legend, the zone
 * boundaries, the 4 GiB line, the pkmap and kmap_atomic/kmap_local
 * slots, and the free pages by order of each zone as bars.
 * Context: thread; may sleep. Return: 0.
 */
int pagemap_text_show(struct seq_file *m, struct zone *zone,
		      unsigned int width);

/**
 * pagemap_check - compare a walk's sums with the allocator's own counts
 * @m: where to print the comparison
 *
 * Per zone: free pages and blocks per order against the buddy lists,
 * per-CPU pages against the lists' counts, deferred pages against
 * nr_deferred, the managed pages; over all zones: page cache against
 * Cached and slab pages against Slab. Exact on a quiet machine; a zone
 * whose deferred sections were initialised during the walk is compared
 * on free + deferred only.
 * Context: thread; may sleep.
 * Return: 0 if everything agreed, -EIO (and the lines that did not)
 * otherwise.
 */
int pagemap_check(struct seq_file *m);

#endif /* MM_PAGEMAP_H */
