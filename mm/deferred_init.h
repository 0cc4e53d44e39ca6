/* SPDX-License-Identifier: MIT */
/*
 * Deferred struct page init (mm/deferred_init.c): most of HighMem gets
 * its struct pages after boot, a 16 MiB section at a time, from a thread
 * per CPU or from an allocation that needs the memory now.
 *
 * How the pages of a section that waits are counted: in the zone's
 * managed_pages (MemTotal) from boot on, and in zone->deferred_pages
 * until the section is initialised, then in free_pages (the buddy
 * lists). MemFree and HighFree count both, so they do not move when a
 * section is initialised; zoneinfo's "pages free" and buddyinfo are the
 * buddy lists only, and zoneinfo's nr_deferred and meminfo's Deferred
 * say what waits.
 */
#ifndef MM_DEFERRED_INIT_H
#define MM_DEFERRED_INIT_H

#include "mm/mmzone.h"
#include <asm/barrier.h>

/* The state of a 16 MiB section's struct pages. */
enum deferred_section_state {
	SECTION_READY,	  /* written (at boot, or since): may be read */
	SECTION_DEFERRED, /* not written yet; its free pages in deferred_pages */
	SECTION_CLAIMED,  /* being written by one CPU, interrupts off there */
};

/*
 * One byte per section of the physical address space, SECTION_READY
 * for every section that was never deferred (and those without RAM).
 * Claimed with a cmpxchg; set to SECTION_READY under the HighMem zone's
 * lock, after the section's struct pages are written.
 */
extern u8 deferred_section_state[NR_MEM_SECTIONS];

/* deferred_init=off clears it: every struct page is written at boot. */
extern bool deferred_init_enabled;

/**
 * pfn_initialised - does @pfn have a struct page that has been written?
 * @pfn: any page frame number
 *
 * pfn_valid() says whether a struct page exists; this also says whether
 * it may be read yet: false for the pages of a section that waits for
 * deferred init, whose descriptors hold whatever the memory held.
 * Context: any. Return: true if pfn_to_page(@pfn) may be read.
 */
static inline bool pfn_initialised(unsigned long pfn)
{
	bool ready;

	if (!pfn_valid(pfn))
		return false;
	ready = READ_ONCE(deferred_section_state[pfn >> PFN_SECTION_SHIFT]) ==
		SECTION_READY;
	/* Pairs with the smp_wmb() before SECTION_READY is stored. */
	smp_rmb();
	return ready;
}

/**
 * deferred_init_setup - choose the sections whose struct pages wait
 *
 * HighMem's sections but its top DEFERRED_EAGER_HIGHMEM_PAGES: nothing
 * with deferred_init=off or without HighMem. Resets the state of an
 * earlier boot (the host tests boot many times).
 * Context: boot, once, from mm_core_init: after the zone ranges and the
 * free ranges are known, before mem_map is written.
 */
void deferred_init_setup(void);

/**
 * section_deferred - is @section one of those whose struct pages wait?
 * @section: a section number
 *
 * Context: boot (mm_core_init), when nothing has been claimed yet.
 * Return: true if its struct pages are not to be written now.
 */
static inline bool section_deferred(unsigned long section)
{
	return deferred_section_state[section] == SECTION_DEFERRED;
}

/**
 * deferred_init_pages - the free pages of the sections that wait
 *
 * As deferred_init_setup counted them: what HighMem's deferred_pages
 * starts from, and what its managed_pages includes.
 * Context: boot, after deferred_init_setup.
 * Return: the number of pages.
 */
unsigned long deferred_init_pages(void);

/**
 * deferred_init_print - one boot log line: what waits, if anything
 *
 * Context: boot, after mm_core_init.
 */
void deferred_init_print(void);

/**
 * deferred_init_start - start a thread per online CPU to do the rest
 *
 * Each thread is pinned to its CPU and claims sections until none is
 * left, then ends (the reaper frees it). Called once the shell is up;
 * nothing happens if nothing waits, or if it was called before.
 * Context: thread; may sleep (creates the threads).
 */
void deferred_init_start(void);

/**
 * deferred_init_finish - initialise every section that still waits, now
 *
 * Claims what is left on this CPU, a section at a time with interrupts
 * off, then waits (spinning) for the sections other CPUs are writing,
 * and (sleeping) until the threads have ended and their stacks are
 * freed. For benchmarks and tests that need the final state of the free
 * lists, and for `meminit wait`.
 * Context: thread; may sleep.
 */
void deferred_init_finish(void);

/**
 * deferred_init_pfn - make the struct page of @pfn readable now
 * @pfn: any pfn
 *
 * If @pfn lies in a section that waits, that section is initialised on
 * this CPU (or, if another CPU is at it, this one waits for it). For
 * code that must read a descriptor of memory it does not own (ioremap's
 * check, tests that walk the zone boundaries).
 * Context: any; spins, never sleeps.
 */
void deferred_init_pfn(unsigned long pfn);

/**
 * __deferred_grow_zone - initialise a waiting section of @zone, now
 * @zone: a zone whose deferred_pages is not 0
 *
 * Use deferred_grow_zone().
 * Context: any, interrupts on or off; never sleeps.
 * Return: true if the zone may have more free pages than before.
 */
bool __deferred_grow_zone(struct zone *zone);

/**
 * deferred_grow_zone - the allocator's hook: @zone is short, can it grow?
 * @zone: the zone an allocation found below its watermark, or empty
 *
 * If sections of @zone still wait, one is claimed and initialised on the
 * spot; when all are claimed already, this waits for the CPUs writing
 * them. The allocation then tries the zone again: a HighMem request
 * never falls back to lowmem, and never fails, while HighMem has
 * deferred pages. One test of deferred_pages when nothing waits.
 * Context: any, interrupts on or off (GFP_ATOMIC, interrupts); never
 * sleeps. Return: true if the zone may have more free pages now.
 */
static inline bool deferred_grow_zone(struct zone *zone)
{
	return READ_ONCE(zone->deferred_pages) && __deferred_grow_zone(zone);
}

/**
 * zone_free_counts - @zone's buddy-list and deferred free pages, together
 * @zone: the zone
 * @buddy: set to free_pages (the buddy lists)
 * @deferred: set to deferred_pages
 *
 * The two as of one instant: a section initialised meanwhile moves its
 * pages from one to the other, and a reader of both without the lock
 * could count them twice or not at all. Takes zone->lock only while
 * pages of the zone wait.
 * Context: any but with zone->lock held.
 */
void zone_free_counts(const struct zone *zone, unsigned long *buddy,
		      unsigned long *deferred);

/**
 * deferred_pages_total - free pages whose struct pages are not written yet
 *
 * Context: any; a snapshot. Return: the sum over the zones.
 */
unsigned long deferred_pages_total(void);

/**
 * deferred_section_free_pages_sum - the free pages of sections not READY
 *
 * Added up section by section from the counts taken at boot, apart
 * from deferred_pages, which init moves as it goes: the two must agree.
 * For the tests.
 * Context: any; call with the HighMem zone's lock held for an exact
 * answer while sections are being initialised.
 * Return: the number of pages.
 */
unsigned long deferred_section_free_pages_sum(void);

/**
 * deferred_init_done - has every deferred section been initialised?
 *
 * Context: any. Return: true if none waits or none ever did.
 */
bool deferred_init_done(void);

/* What deferred init has done so far (deferred_init_status). */
struct deferred_init_status {
	unsigned int sections;	  /* deferred at boot */
	unsigned int done;	  /* initialised since */
	unsigned int by_threads;  /* ... by the per-CPU threads */
	unsigned int on_the_spot; /* ... by allocations and other callers */
	unsigned int threads;	  /* threads started (0: not yet) */
	unsigned int nr_cpus;	  /* CPUs that initialised one or more */
	unsigned long pages;	  /* their free pages at boot */
};

/**
 * deferred_init_status - counts for reports and tests
 * @st: filled in
 *
 * Context: any; takes the HighMem zone's lock.
 */
void deferred_init_status(struct deferred_init_status *st);

struct seq_file;

/**
 * deferred_init_show - the state of deferred init, in one line
 * @m: where the text goes
 *
 * What the shell's `meminit` prints.
 * Context: thread; a snapshot. Return: 0.
 */
int deferred_init_show(struct seq_file *m);

#endif /* MM_DEFERRED_INIT_H */
