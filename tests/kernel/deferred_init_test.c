// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of deferred struct page init (mm/deferred_init.c):
 * allocations that initialise sections on the spot, the per-CPU threads
 * with allocations on every CPU racing them, and the counts, which must
 * be exact at every moment of it: per zone, the buddy lists add up to
 * free_pages, deferred_pages is the free pages of the sections that still
 * wait, and free_pages + deferred_pages + the per-CPU lists (MemFree's
 * share) does not move when a section is initialised.
 *
 * They need sections that still wait: run at boot (ktest=deferred_init),
 * before the threads start, on a machine with more than 32 MiB of
 * HighMem. The test names keep the order they must run in.
 */
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "kernel/spinlock.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "tests/kernel/ktest.h"
#include <asm/irqflags.h>

#define HAMMER_SLOTS 64	  /* blocks of order 0..3 each hammer holds at most */
#define HAMMER_BIG_MAX 32 /* order-10 blocks each hammer holds at most */
#define HAMMER_MAX_OPS 200000
#define SAMPLES_MAX 4000

static struct zone *const high = &zones[ZONE_HIGHMEM];

static void free_held(struct list_head *held)
{
	struct page *p, *n;

	list_for_each_entry_safe(p, n, held, lru) {
		list_del(&p->lru);
		__free_pages(p, page_order(p));
	}
}

static void free_held_cb(void *held)
{
	free_held(held);
}

static bool waits(const struct deferred_init_status *st)
{
	return st->done < st->sections;
}

/*
 * The counts of HighMem agree, as of one instant (the zone's lock):
 * the buddy lists hold free_pages, and deferred_pages is what the
 * sections still waiting had free at boot.
 */
static bool counts_agree(struct ktest_ctx *t)
{
	unsigned long flags, listed = 0, deferred, waiting;
	bool ok;

	spin_lock_irqsave(&high->lock, flags);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		listed += high->free_area[o].nr_free << o;
	ok = listed == high->free_pages;
	deferred = high->deferred_pages;
	waiting = deferred_section_free_pages_sum();
	spin_unlock_irqrestore(&high->lock, flags);
	KT_EXPECT_TRUE(t, ok);
	KT_EXPECT_EQ(t, deferred, waiting);
	return ok && deferred == waiting;
}

/* The free pages of HighMem, listed or not, once nothing is in flight. */
static unsigned long settled_high_free(void)
{
	drain_all_pages();
	return zone_free_pages(high);
}

static void expect_block(struct ktest_ctx *t, struct page *p,
			 unsigned int order)
{
	KT_EXPECT_TRUE(t, PageHighMem(p));
	KT_EXPECT_EQ(t, page_count(p), 1);
	KT_EXPECT_EQ(t, page_order(p), order);
	KT_EXPECT_EQ(t, page_to_pfn(p) & ((1ul << order) - 1), 0);
}

/*
 * Before the threads start: HighMem blocks beyond what boot wrote come
 * from sections that the allocation initialises itself, also with
 * interrupts off (GFP_ATOMIC), never from lowmem; and a pfn walker can
 * have one section written for it.
 */
KTEST(deferred_init, alloc_initialises_on_the_spot)
{
	const unsigned int order = MAX_ORDER - 1;
	struct deferred_init_status st0, st;
	unsigned long total, limit, n = 0, flags, pfn;
	LIST_HEAD(held);

	deferred_init_status(&st0);
	if (!waits(&st0))
		KT_SKIP(t, "no section waits for deferred struct page init");
	if (st0.threads)
		KT_SKIP(t, "the deferred init threads have started already");
	ktest_defer(t, free_held_cb, &held);
	total = settled_high_free();
	limit = total / (1ul << order) + 8;
	KT_ASSERT_TRUE(t, counts_agree(t));

	/* Blocks of 4 MiB until two sections were written for them. */
	st = st0;
	while (st.on_the_spot < st0.on_the_spot + 2 && waits(&st) &&
	       n < limit) {
		struct page *p = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN,
					     order);

		KT_ASSERT_NOT_NULL(t, p);
		list_add(&p->lru, &held);
		n++;
		KT_ASSERT_TRUE(t, PageHighMem(p)); /* never lowmem meanwhile */
		expect_block(t, p, order);
		deferred_init_status(&st);
	}
	KT_EXPECT_GE(t, st.on_the_spot, st0.on_the_spot + 2);
	KT_EXPECT_TRUE(t, counts_agree(t));
	/* What was handed out and what is free still make HighFree. */
	KT_EXPECT_EQ(t, zone_free_pages(high) + (n << order), total);

	/* The same with interrupts off, as an interrupt handler would. */
	st0 = st;
	local_irq_save(flags);
	for (unsigned int i = 0; i < 16 && waits(&st) &&
	     st.on_the_spot == st0.on_the_spot; i++) {
		struct page *p = alloc_pages(GFP_ATOMIC | __GFP_HIGHMEM |
						     __GFP_NOWARN, order);

		if (!p)
			break;
		list_add(&p->lru, &held);
		n++;
		deferred_init_status(&st);
	}
	local_irq_restore(flags);
	if (waits(&st0))
		KT_EXPECT_GT(t, st.on_the_spot, st0.on_the_spot);
	KT_EXPECT_TRUE(t, counts_agree(t));

	free_held(&held);
	KT_EXPECT_EQ(t, settled_high_free(), total);

	/* The highest section that waits: claimed last, out of turn here. */
	for (pfn = max_pfn; pfn >= max_low_pfn + PAGES_PER_SECTION;) {
		pfn -= PAGES_PER_SECTION;
		if (pfn_valid(pfn) && !pfn_initialised(pfn))
			break;
	}
	if (pfn_valid(pfn) && !pfn_initialised(pfn)) {
		deferred_init_status(&st0);
		deferred_init_pfn(pfn);
		deferred_init_status(&st);
		KT_EXPECT_TRUE(t, pfn_initialised(pfn));
		KT_EXPECT_TRUE(t, PageHighMem(pfn_to_page(pfn)));
		KT_EXPECT_EQ(t, st.on_the_spot, st0.on_the_spot + 1);
	}
	KT_EXPECT_TRUE(t, counts_agree(t));
	KT_EXPECT_EQ(t, settled_high_free(), total);
}

/* One allocating thread per CPU, racing the deferred init threads. */
struct hammer {
	struct ktest_ctx *t;
	unsigned int cpu, big_max;
	struct page *slot[HAMMER_SLOTS];
	struct list_head big;
	unsigned int nr_big;
	unsigned long ops, atomic_ops, wrong;
	u32 rng;
};

static bool hammers_stop;

/*
 * A HighMem allocation that fails, or gives lowmem, while HighMem still
 * had deferred pages after it (they only ever go down) is a bug.
 */
static void check_got(struct hammer *h, struct page *p)
{
	if ((!p || !PageHighMem(p)) && READ_ONCE(high->deferred_pages))
		h->wrong++;
}

static void hammer_one(struct hammer *h)
{
	unsigned int i = kt_xorshift(&h->rng) % HAMMER_SLOTS;
	unsigned long flags;
	struct page *p;

	if (h->nr_big < h->big_max && kt_xorshift(&h->rng) % 8 == 0) {
		p = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, MAX_ORDER - 1);
		check_got(h, p);
		if (p) {
			list_add(&p->lru, &h->big);
			h->nr_big++;
		}
		return;
	}
	if (h->slot[i]) {
		__free_pages(h->slot[i], page_order(h->slot[i]));
		h->slot[i] = NULL;
		return;
	}
	if (kt_xorshift(&h->rng) % 16 == 0) {
		/* The path of an interrupt handler: no sleeping, no IPIs. */
		local_irq_save(flags);
		p = alloc_pages(GFP_ATOMIC | __GFP_HIGHMEM | __GFP_NOWARN,
				kt_xorshift(&h->rng) % 4);
		local_irq_restore(flags);
		h->atomic_ops++;
	} else {
		p = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN,
				kt_xorshift(&h->rng) % 4);
	}
	check_got(h, p);
	h->slot[i] = p;
	h->ops++;
}

static int hammer_thread(void *arg)
{
	struct hammer *h = arg;

	while (!READ_ONCE(hammers_stop) && h->ops < HAMMER_MAX_OPS)
		hammer_one(h);
	for (unsigned int i = 0; i < HAMMER_SLOTS; i++)
		if (h->slot[i])
			__free_pages(h->slot[i], page_order(h->slot[i]));
	free_held(&h->big);
	return smp_processor_id() == h->cpu ? 0 : 1;
}

static struct hammer hammers[NR_CPUS];
static struct task_struct *hammer_tasks[NR_CPUS];

static void stop_hammers(void *t)
{
	unsigned int cpu;

	WRITE_ONCE(hammers_stop, true);
	for_each_online_cpu(cpu)
		if (hammer_tasks[cpu]) {
			KT_EXPECT_EQ((struct ktest_ctx *)t,
				     kthread_join(hammer_tasks[cpu]), 0);
			hammer_tasks[cpu] = NULL;
		}
}

static void start_hammers(struct ktest_ctx *t)
{
	/* Order-10 blocks: together at most a quarter of HighMem. */
	unsigned long big = high->managed_pages / (1ul << (MAX_ORDER - 1)) /
			    (4 * num_online_cpus());
	unsigned int cpu;

	WRITE_ONCE(hammers_stop, false);
	ktest_defer(t, stop_hammers, t);
	for_each_online_cpu(cpu) {
		struct hammer *h = &hammers[cpu];

		*h = (struct hammer){
			.t = t,
			.cpu = cpu,
			.rng = 2463534242u + cpu,
			.big_max = (unsigned int)min(big,
						     (unsigned long)HAMMER_BIG_MAX),
		};
		INIT_LIST_HEAD(&h->big);
		hammer_tasks[cpu] = kthread_create(hammer_thread, h,
						   "kt_hammer");
		KT_EXPECT_NOT_NULL(t, hammer_tasks[cpu]);
		if (!hammer_tasks[cpu])
			continue;
		kthread_bind(hammer_tasks[cpu], cpu);
		wake_up_new_task(hammer_tasks[cpu]);
	}
}

/*
 * Let the others at the zone's lock for a while before the next sample
 * (the tick shares the CPU out: the test thread is preempted like any).
 */
static void pause_a_little(void)
{
	for (int i = 0; i < 5000; i++)
		cpu_relax();
}

/*
 * The threads start, and allocations on every CPU race them (and each
 * other, for the sections they initialise on the spot); meanwhile the
 * counts agree at every sample. Then, the allocations stopped and their
 * pages given back, HighMem's free pages stay exactly the same while the
 * threads go on. At the end, nothing waits.
 */
KTEST(deferred_init, counts_exact_while_threads_run)
{
	struct deferred_init_status st0, st;
	unsigned long total, wrong = 0, ops = 0, atomic_ops = 0;
	unsigned int cpu, racing = 0, after = 0, third;

	deferred_init_status(&st0);
	if (!waits(&st0))
		KT_SKIP(t, "no section waits for deferred struct page init");
	total = settled_high_free();
	KT_ASSERT_TRUE(t, counts_agree(t));
	start_hammers(t);
	deferred_init_start();
	/* A third of what is left with the allocations racing, ... */
	third = st0.done + (st0.sections - st0.done) / 3;
	do {
		if (!counts_agree(t))
			break;
		racing++;
		pause_a_little();
		deferred_init_status(&st);
	} while (st.done < third && racing < SAMPLES_MAX);
	ktest_release(t, stop_hammers, t);
	for_each_online_cpu(cpu) {
		wrong += hammers[cpu].wrong;
		ops += hammers[cpu].ops;
		atomic_ops += hammers[cpu].atomic_ops;
	}
	KT_EXPECT_EQ(t, wrong, 0);
	/* ... then the rest with nothing else allocating. */
	deferred_init_status(&st);
	while (waits(&st) && after < SAMPLES_MAX) {
		unsigned long free = settled_high_free();

		if (!counts_agree(t))
			break;
		KT_EXPECT_EQ(t, free, total);
		if (free != total)
			break;
		after++;
		pause_a_little();
		deferred_init_status(&st);
	}
	deferred_init_finish();
	deferred_init_status(&st);
	ktest_note(t, "%u sections: %u by %u threads, %u on the spot; %u "
		   "samples while allocating (%lu allocations, %lu atomic), %u "
		   "after", st.sections, st.by_threads, st.threads,
		   st.on_the_spot, racing, ops, atomic_ops, after);
	KT_EXPECT_EQ(t, st.done, st.sections);
	KT_EXPECT_EQ(t, st.by_threads + st.on_the_spot, st.sections);
	KT_EXPECT_GT(t, st.threads, 0);
	KT_EXPECT_EQ(t, high->deferred_pages, 0);
	KT_EXPECT_TRUE(t, counts_agree(t));
	KT_EXPECT_EQ(t, settled_high_free(), total);
}

/*
 * Afterwards every section with RAM can be read, HighMem's descriptors
 * say HighMem, and the free counts have nothing deferred left.
 */
KTEST(deferred_init, everything_initialised_after)
{
	unsigned long listed = 0, bad = 0;

	deferred_init_finish();
	KT_EXPECT_TRUE(t, deferred_init_done());
	for (unsigned long s = 0; s < NR_MEM_SECTIONS; s++) {
		unsigned long pfn = s << PFN_SECTION_SHIFT;

		if (!pfn_valid(pfn))
			continue;
		if (!pfn_initialised(pfn)) {
			bad++;
			continue;
		}
		if (pfn < max_low_pfn)
			continue;
		/* Its first and last descriptors: HighMem, sane counts. */
		for (unsigned long p = pfn; p < pfn + PAGES_PER_SECTION;
		     p += PAGES_PER_SECTION - 1) {
			struct page *page = pfn_to_page(p);

			if (!PageHighMem(page) ||
			    (PageReserved(page) && page_count(page) != 1))
				bad++;
		}
	}
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_EQ(t, deferred_pages_total(), 0);
	KT_EXPECT_EQ(t, deferred_section_free_pages_sum(), 0);
	drain_all_pages();
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		listed += READ_ONCE(high->free_area[o].nr_free) << o;
	KT_EXPECT_EQ(t, listed, READ_ONCE(high->free_pages));
	KT_EXPECT_EQ(t, zone_free_pages(high), READ_ONCE(high->free_pages));
}
