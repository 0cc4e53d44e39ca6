// SPDX-License-Identifier: MIT
/*
 * Deferred struct page init: writing a struct page costs a few
 * instructions, and a 61 GiB machine has 16 million of them, which is
 * most of what its boot would cost. Only what the boot needs is written
 * at boot; the rest of HighMem waits, in 16 MiB sections, until the
 * shell is up:
 *
 *   1. mm_core_init asks deferred_init_setup which sections wait:
 *      HighMem's, but the top DEFERRED_EAGER_HIGHMEM_PAGES of it, which
 *      the boot's first HighMem pages (the initramfs's page cache, page
 *      tables, the first processes) come from. Their free pages count
 *      as managed at once and as the zone's deferred_pages: MemTotal,
 *      the watermarks, the lowmem reserves and the per-CPU batch sizes
 *      are what they would be with everything written at boot, and
 *      MemFree counts the waiting pages, which are free;
 *   2. once the shell is up, deferred_init_start starts a thread per
 *      CPU, pinned to it. Each claims the next waiting section (a
 *      cmpxchg, no lock), writes its struct pages, hands its free pages
 *      to the buddy lists and moves their count from deferred_pages to
 *      free_pages, and so on, from the bottom of HighMem up;
 *   3. an allocation that finds HighMem short while sections wait
 *      (deferred_grow_zone, from get_page_from_freelist) claims a
 *      section the same way and initialises it on the spot, in any
 *      context; when every section is claimed already, it spins until
 *      the CPUs writing them are done. So a HighMem request neither falls
 *      back to lowmem nor fails while HighMem has deferred pages;
 *   4. the CPU that finishes the last section prints the report.
 *
 * A section is written by the one CPU that claimed it, with interrupts
 * off from the claim to the end (a few tens of thousands of
 * instructions): whoever waits for it waits for a CPU that is running
 * it, never for a thread that was preempted or an interrupted context
 * below its own. Nothing writes to the page frames themselves, only to
 * their struct pages, in lowmem.
 *
 * Locking:
 *   - deferred_section_state[s]: SECTION_DEFERRED -> SECTION_CLAIMED by
 *     a cmpxchg (one CPU wins), -> SECTION_READY under the HighMem
 *     zone's lock, in the critical section that moves the pages to the
 *     buddy lists; the struct pages are written before (smp_wmb), so a
 *     reader that sees SECTION_READY may read them (pfn_initialised).
 *   - defer.sections[], nr_sections, pages: written at boot only.
 *   - defer.next: the claim cursor into sections[], an atomic_t moved
 *     with cmpxchg.
 *   - defer.run: zones[ZONE_HIGHMEM].lock, the lock of the only zone
 *     whose sections wait.
 */
#define pr_fmt(fmt) "mm: " fmt

#include "mm/deferred_init.h"
#include "kernel/cmdline.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/sched.h"
#include "kernel/seq_file.h"
#include "kernel/smp.h"
#include "kernel/spinlock.h"
#include "kernel/timer.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "mm/internal.h"
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <asm/tsc.h>

/*
 * HighMem written at boot, at its top: the boot's first HighMem pages
 * come from there (the buddy lists hand out the blocks listed last,
 * the highest, first), as they did when everything was written at boot.
 */
#define DEFERRED_EAGER_HIGHMEM_PAGES (32ul << (20 - PAGE_SHIFT))

u8 deferred_section_state[NR_MEM_SECTIONS];

bool deferred_init_enabled = true;
BOOT_PARAM_FLAG("deferred_init", deferred_init_enabled,
		"deferred_init=off write every struct page at boot");

enum claimant { BY_THREAD, ON_THE_SPOT };

static struct {
	/* Boot only: the waiting sections, in the order they are claimed, */
	u16 sections[NR_MEM_SECTIONS];
	u16 free_of[NR_MEM_SECTIONS]; /* and their free pages (<= 4096) */
	unsigned int nr_sections;
	unsigned long pages; /* their free pages at boot */
	/* The next index of sections[] to claim (cmpxchg). */
	atomic_t next;
	/*
	 * What has been done: zones[ZONE_HIGHMEM].lock (done is also read
	 * without it, by those that wait for it to reach nr_sections).
	 */
	struct {
		unsigned int done, by_threads, on_the_spot, threads;
		int pids[NR_CPUS]; /* the threads' (set before they start) */
		u32 cpus;	   /* CPUs that wrote at least one section */
		u64 work;	   /* TSC cycles spent writing, all CPUs */
		u64 first_tsc;	   /* the first section's start */
		u64 start_tsc;	   /* the threads' start (0: not yet) */
		u64 end_tsc;	   /* the last section's end */
	} run;
} defer;

static struct zone *const high_zone = &zones[ZONE_HIGHMEM];

static unsigned long pages_to_mib(unsigned long pages)
{
	return pages >> (20 - PAGE_SHIFT);
}

void deferred_init_setup(void)
{
	unsigned long first = max_low_pfn >> PFN_SECTION_SHIFT;
	unsigned long top = (zone_end_pfn(high_zone) + PAGES_PER_SECTION - 1) >>
			    PFN_SECTION_SHIFT;
	unsigned long eager = 0;

	/* Undo an earlier boot's (the host tests boot many times). */
	for (unsigned int i = 0; i < defer.nr_sections; i++)
		deferred_section_state[defer.sections[i]] = SECTION_READY;
	defer.nr_sections = 0;
	defer.pages = 0;
	atomic_set(&defer.next, 0);
	memset(&defer.run, 0, sizeof(defer.run));
	if (!deferred_init_enabled || !high_zone->present_pages)
		return;
	/* The sections from @top up stay eager: enough for the boot. */
	while (top > first && eager < DEFERRED_EAGER_HIGHMEM_PAGES) {
		top--;
		if (pfn_valid(top << PFN_SECTION_SHIFT))
			eager += section_free_pages(top);
	}
	/*
	 * The others wait, if they lie wholly in HighMem (lowmem ends at
	 * 896 MiB, a section boundary, when there is HighMem at all). They
	 * are claimed from the bottom up: each section's blocks go to the
	 * head of the free lists when it is done, so once all are, the
	 * lists hand out the highest pages first, as after a boot that
	 * wrote everything.
	 */
	for (unsigned long s = first; s < top; s++) {
		if (!pfn_valid(s << PFN_SECTION_SHIFT) ||
		    (s << PFN_SECTION_SHIFT) < max_low_pfn)
			continue;
		deferred_section_state[s] = SECTION_DEFERRED;
		defer.sections[defer.nr_sections] = (u16)s;
		defer.free_of[defer.nr_sections] = (u16)section_free_pages(s);
		defer.pages += defer.free_of[defer.nr_sections++];
	}
}

unsigned long deferred_init_pages(void)
{
	return defer.pages;
}

void deferred_init_print(void)
{
	if (!defer.nr_sections)
		return;
	pr_info("deferred struct page init: %u sections (%lu MiB) of HighMem "
		"wait until the shell is up (deferred_init=off: all at boot)\n",
		defer.nr_sections, pages_to_mib(defer.pages));
}

/* Claim @section for this CPU; false if another has it, or it is done. */
static bool claim(unsigned long section)
{
	u8 expected = SECTION_DEFERRED;

	return __atomic_compare_exchange_n(&deferred_section_state[section],
					   &expected, SECTION_CLAIMED, false,
					   __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
}

/* The next waiting section, claimed; -1 if none is left to claim. */
static long claim_next(void)
{
	for (;;) {
		int i = atomic_read(&defer.next);

		if (i >= (int)defer.nr_sections)
			return -1;
		if (atomic_cmpxchg(&defer.next, i, i + 1) != i)
			continue; /* another CPU moved the cursor */
		if (claim(defer.sections[i]))
			return defer.sections[i];
		/* Taken out of turn by deferred_init_pfn: the next one. */
	}
}

/* What the report line says, copied under the lock by the last one. */
struct deferred_report {
	unsigned int by_threads, on_the_spot, nr_cpus;
	u64 cycles, work;
};

static void report_done(const struct deferred_report *r)
{
	unsigned long ms = tsc_khz ? (unsigned long)(r->cycles / tsc_khz) : 0;

	/* Whenever it comes: not in the middle of the shell's line. */
	printk_at_line_start(
		pr_fmt("deferred struct page init: %u sections (%lu MiB) by "
		       "%u CPU%s in %lu ms / %llu TSC cycles (%u by the "
		       "threads, %u on the spot; %llu TSC cycles of work)\n"),
		defer.nr_sections, pages_to_mib(defer.pages), r->nr_cpus,
		r->nr_cpus == 1 ? "" : "s", ms, (unsigned long long)r->cycles,
		r->by_threads, r->on_the_spot, (unsigned long long)r->work);
}

/*
 * From the threads' start to the last section's end; or from the first
 * section's start, if allocations began before the threads did.
 */
static void fill_report(struct deferred_report *r)
{
	u64 start = defer.run.start_tsc, first = defer.run.first_tsc;
	u64 from = start && start < first ? start : first;

	r->by_threads = defer.run.by_threads;
	r->on_the_spot = defer.run.on_the_spot;
	r->nr_cpus = (unsigned int)__builtin_popcount(defer.run.cpus);
	r->cycles = defer.run.end_tsc - from;
	r->work = defer.run.work;
}

/*
 * Write the struct pages of @section, which this CPU claimed, and hand
 * its free pages to the buddy lists. Interrupts are off from the claim
 * on (see the top of the file).
 */
static void init_section(unsigned long section, enum claimant who)
{
	u64 start = rdtsc();
	struct deferred_report report;
	unsigned long pages;
	bool last;

	memmap_init_section(section);
	spin_lock(&high_zone->lock);
	pages = section_free_to_buddy(section);
	/*
	 * free_pages went up first: a reader that sees deferred_pages
	 * lower without the lock sees the buddy lists' share already.
	 */
	smp_wmb();
	WRITE_ONCE(high_zone->deferred_pages,
		   high_zone->deferred_pages - pages);
	/* The struct pages are written before anyone sees SECTION_READY. */
	smp_wmb();
	WRITE_ONCE(deferred_section_state[section], SECTION_READY);
	if (who == BY_THREAD)
		defer.run.by_threads++;
	else
		defer.run.on_the_spot++;
	defer.run.cpus |= 1u << smp_processor_id();
	if (!defer.run.first_tsc || start < defer.run.first_tsc)
		defer.run.first_tsc = start;
	defer.run.end_tsc = rdtsc();
	defer.run.work += defer.run.end_tsc - start;
	WRITE_ONCE(defer.run.done, defer.run.done + 1);
	last = defer.run.done == defer.nr_sections;
	if (last)
		fill_report(&report);
	spin_unlock(&high_zone->lock);
	/* Not under the lock: the console is slow, allocators wait on it. */
	if (last)
		report_done(&report);
}

/* Claim the next section and write it; false if none was left. */
static bool init_next_section(enum claimant who)
{
	unsigned long flags;
	long section;

	local_irq_save(flags);
	section = claim_next();
	if (section >= 0)
		init_section((unsigned long)section, who);
	local_irq_restore(flags);
	return section >= 0;
}

/*
 * Every section is claimed: wait for the CPUs still writing theirs.
 * They have interrupts off until they are done, so they are running
 * (spin_wait_relax answers the TLB shootdowns they may wait for, if
 * this CPU has interrupts off too).
 */
static void wait_for_claimed_sections(void)
{
	while (READ_ONCE(defer.run.done) < defer.nr_sections)
		spin_wait_relax();
	smp_rmb();
}

bool deferred_init_done(void)
{
	return READ_ONCE(defer.run.done) == defer.nr_sections;
}

bool __deferred_grow_zone(struct zone *zone)
{
	if (zone != high_zone || deferred_init_done())
		return false;
	if (!init_next_section(ON_THE_SPOT))
		wait_for_claimed_sections();
	return true;
}

/*
 * The threads end once nothing is left to claim, and the reaper frees
 * their stacks (lowmem) soon after: until it has, lowmem's free count is
 * still moving, which a test comparing counts must not see.
 */
static void wait_for_threads_gone(void)
{
	unsigned long flags;
	unsigned int n;
	int pids[NR_CPUS];

	spin_lock_irqsave(&high_zone->lock, flags);
	n = defer.run.threads;
	memcpy(pids, defer.run.pids, sizeof(pids));
	spin_unlock_irqrestore(&high_zone->lock, flags);
	for (unsigned int i = 0; i < n; i++)
		while (find_task_by_pid(pids[i]))
			msleep(1);
}

void deferred_init_finish(void)
{
	while (init_next_section(ON_THE_SPOT))
		;
	wait_for_claimed_sections();
	wait_for_threads_gone();
}

void deferred_init_pfn(unsigned long pfn)
{
	unsigned long section = pfn >> PFN_SECTION_SHIFT;
	unsigned long flags;

	if (!pfn_valid(pfn) || pfn_initialised(pfn))
		return;
	local_irq_save(flags);
	if (claim(section))
		init_section(section, ON_THE_SPOT);
	local_irq_restore(flags);
	/* Claimed by another CPU, which has interrupts off until done. */
	while (READ_ONCE(deferred_section_state[section]) != SECTION_READY)
		spin_wait_relax();
	smp_rmb();
}

/* A thread pinned to one CPU: sections until none is left, then exit. */
static int deferred_init_thread(void *arg)
{
	(void)arg;
	while (init_next_section(BY_THREAD))
		;
	/* Nobody joins it: the reaper frees its stack and slot. */
	kthread_exit_to_reaper(0);
}

void deferred_init_start(void)
{
	unsigned long flags;
	unsigned int cpu, started = 0;
	struct task_struct *tasks[NR_CPUS];

	if (deferred_init_done() || defer.run.start_tsc)
		return;
	spin_lock_irqsave(&high_zone->lock, flags);
	defer.run.start_tsc = rdtsc();
	spin_unlock_irqrestore(&high_zone->lock, flags);
	for_each_online_cpu(cpu) {
		char name[TASK_COMM_LEN];
		struct task_struct *task;

		snprintf(name, sizeof(name), "meminit/%u", cpu);
		task = kthread_create(deferred_init_thread, NULL, name);
		if (!task)
			continue;
		kthread_bind(task, cpu);
		tasks[started++] = task;
	}
	spin_lock_irqsave(&high_zone->lock, flags);
	defer.run.threads = started;
	for (unsigned int i = 0; i < started; i++)
		defer.run.pids[i] = tasks[i]->pid;
	spin_unlock_irqrestore(&high_zone->lock, flags);
	/* Woken once their pids are noted: they may end at once. */
	for (unsigned int i = 0; i < started; i++)
		wake_up_new_task(tasks[i]);
	if (!started) {
		pr_warn("deferred struct page init: no thread could start; "
			"the rest is initialised now\n");
		deferred_init_finish();
	}
}

void zone_free_counts(const struct zone *zone, unsigned long *buddy,
		      unsigned long *deferred)
{
	struct zone *z = &zones[zone_idx(zone)];
	unsigned long flags;

	/*
	 * Once deferred_pages is 0 it stays 0, and the last section's
	 * pages are in free_pages already (init_section's order).
	 */
	*deferred = READ_ONCE(z->deferred_pages);
	if (!*deferred) {
		smp_rmb();
		*buddy = READ_ONCE(z->free_pages);
		return;
	}
	spin_lock_irqsave(&z->lock, flags);
	*buddy = z->free_pages;
	*deferred = z->deferred_pages;
	spin_unlock_irqrestore(&z->lock, flags);
}

unsigned long deferred_pages_total(void)
{
	unsigned long n = 0;
	struct zone *zone;

	for_each_zone(zone)
		n += READ_ONCE(zone->deferred_pages);
	return n;
}

unsigned long deferred_section_free_pages_sum(void)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i < defer.nr_sections; i++)
		if (READ_ONCE(deferred_section_state[defer.sections[i]]) !=
		    SECTION_READY)
			n += defer.free_of[i];
	return n;
}

void deferred_init_status(struct deferred_init_status *st)
{
	unsigned long flags;

	spin_lock_irqsave(&high_zone->lock, flags);
	st->sections = defer.nr_sections;
	st->done = defer.run.done;
	st->by_threads = defer.run.by_threads;
	st->on_the_spot = defer.run.on_the_spot;
	st->threads = defer.run.threads;
	st->nr_cpus = (unsigned int)__builtin_popcount(defer.run.cpus);
	st->pages = defer.pages;
	spin_unlock_irqrestore(&high_zone->lock, flags);
}

int deferred_init_show(struct seq_file *m)
{
	struct deferred_init_status st;

	deferred_init_status(&st);
	if (!st.sections) {
		seq_puts(m, "deferred struct page init: nothing deferred (every "
			    "struct page was written at boot)\n");
		return 0;
	}
	seq_printf(m, "deferred struct page init: %u of %u sections done "
		   "(%lu MiB of HighMem, %lu MiB still waiting), %u by the "
		   "threads, %u on the spot, by %u CPU%s; ", st.done, st.sections,
		   pages_to_mib(st.pages),
		   pages_to_mib(READ_ONCE(high_zone->deferred_pages)),
		   st.by_threads, st.on_the_spot, st.nr_cpus,
		   st.nr_cpus == 1 ? "" : "s");
	if (st.done == st.sections)
		seq_puts(m, "finished\n");
	else if (st.threads)
		seq_printf(m, "%u threads at work\n", st.threads);
	else
		seq_puts(m, "the threads start when the shell is up\n");
	return 0;
}
