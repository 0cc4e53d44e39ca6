// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of SMP: work on every CPU at once (threads pinned one
 * per CPU, kt_smp.h), cross-CPU calls, the TLB shootdown, the drains of
 * every CPU's page lists and magazines, and the scheduler's placement.
 * With one CPU most of them still run, on that CPU alone; the ones that
 * need two say SKIP.
 */
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "kernel/lib/string.h"
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "kernel/spinlock.h"
#include "kernel/timer.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"
#include "mm/vmstat.h"
#include "tests/kernel/kt_mm.h"
#include "tests/kernel/kt_smp.h"
#include "tests/kernel/ktest.h"
#include <asm/apic.h>
#include <asm/hardirq.h>

#define OPS_PER_CPU 1500
#define SHARED_SLOTS 32
#define NR_SHARED_PAGES 16

static u32 word_pattern(u32 seed, unsigned int i)
{
	return seed * 2654435761u + i * 40503u;
}

static void fill(void *p, size_t bytes, u32 seed)
{
	for (size_t i = 0; i < bytes / 4; i++)
		((u32 *)p)[i] = word_pattern(seed, (unsigned int)i);
}

static bool intact(const void *p, size_t bytes, u32 seed)
{
	for (size_t i = 0; i < bytes / 4; i++)
		if (((const u32 *)p)[i] != word_pattern(seed, (unsigned int)i))
			return false;
	return true;
}

/* ---- per-CPU data ---- */

static DEFINE_PER_CPU(int, test_counter);

/* On each CPU: this_cpu() is that CPU's copy, the one per_cpu() names. */
static void add_to_own_counter(struct ktest_ctx *t, void *arg)
{
	unsigned int cpu;

	(void)arg;
	preempt_disable();
	cpu = smp_processor_id();
	this_cpu(test_counter) += 5 + (int)cpu;
	KT_EXPECT_TRUE(t, this_cpu_ptr(test_counter) ==
				  &per_cpu(test_counter, cpu));
	/* The number is the CPU's own: its local APIC says which it is. */
	if (lapic_enabled)
		KT_EXPECT_EQ(t, cpu_apic_id[cpu], lapic_id());
	preempt_enable();
}

KTEST(smp, per_cpu_data_is_each_cpus_own)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(test_counter, cpu) = (int)cpu * 10;
	KT_EXPECT_EQ(t, kt_run_on_each_cpu(t, add_to_own_counter, NULL),
		     num_online_cpus());
	for_each_possible_cpu(cpu)
		KT_EXPECT_EQ(t, per_cpu(test_counter, cpu),
			     (int)cpu * 10 + (cpu_online(cpu) ? 5 + (int)cpu : 0));
	/* The template itself is no CPU's copy: nobody wrote it. */
	KT_EXPECT_EQ(t, per_cpu__test_counter, 0);
}

/* ---- allocators on every CPU at once, freed on whichever CPU ---- */

enum obj_kind { OBJ_NONE, OBJ_PAGE, OBJ_KMALLOC, OBJ_CACHE, OBJ_VMALLOC };

struct shared_obj {
	enum obj_kind kind;
	void *ptr;	   /* kmalloc, cache, vmalloc */
	struct page *page; /* page */
	size_t size;
	u32 seed;
	unsigned int cpu;  /* where it was allocated */
};

static struct shared_obj shared[SHARED_SLOTS]; /* shared_lock */
static DEFINE_SPINLOCK(shared_lock);
static struct kmem_cache *smp_cache;
static unsigned long remote_frees; /* shared_lock */

static bool obj_alloc(struct shared_obj *o, u32 r)
{
	o->kind = (enum obj_kind)(OBJ_PAGE + r % 4);
	o->seed = r;
	switch (o->kind) {
	case OBJ_PAGE:
		o->page = alloc_page(((r >> 4) & 1 ? GFP_HIGHUSER : GFP_KERNEL) |
				     __GFP_NOWARN);
		o->size = PAGE_SIZE;
		if (o->page) {
			void *v = kmap_atomic(o->page);

			fill(v, PAGE_SIZE, o->seed);
			kunmap_atomic(v);
		}
		return o->page != NULL;
	case OBJ_KMALLOC:
		o->size = 8 + (r >> 8) % 2000;
		o->ptr = kmalloc(o->size, GFP_KERNEL | __GFP_NOWARN);
		break;
	case OBJ_CACHE:
		o->size = 96;
		o->ptr = kmem_cache_alloc(smp_cache, GFP_KERNEL | __GFP_NOWARN);
		break;
	default:
		o->size = PAGE_SIZE * (1 + (r >> 8) % 3);
		o->ptr = vmalloc(o->size);
		break;
	}
	if (o->ptr)
		fill(o->ptr, o->size, o->seed);
	return o->ptr != NULL;
}

/* Check and free @o, wherever it came from. */
static bool obj_free(struct shared_obj *o)
{
	bool ok;

	if (o->kind == OBJ_PAGE) {
		void *v = kmap(o->page); /* checked through the other mapping */

		ok = intact(v, PAGE_SIZE, o->seed);
		kunmap(o->page);
		__free_page(o->page);
		return ok;
	}
	ok = intact(o->ptr, o->size, o->seed);
	if (o->kind == OBJ_KMALLOC)
		kfree(o->ptr);
	else if (o->kind == OBJ_CACHE)
		kmem_cache_free(smp_cache, o->ptr);
	else
		vfree(o->ptr);
	return ok;
}

static unsigned int this_cpu_now(void)
{
	unsigned int cpu;

	preempt_disable();
	cpu = smp_processor_id();
	preempt_enable();
	return cpu;
}

/* Allocate into a shared slot; what was there, someone else's maybe, is freed. */
static void allocate_and_trade(struct ktest_ctx *t, void *arg)
{
	u32 rng = 0x9e3779b9u * (this_cpu_now() + 1);

	(void)arg;
	for (int op = 0; op < OPS_PER_CPU; op++) {
		struct shared_obj mine = { 0 }, theirs;
		unsigned int slot = kt_xorshift(&rng) % SHARED_SLOTS;

		if (!obj_alloc(&mine, kt_xorshift(&rng))) {
			mine.kind = OBJ_NONE;
			continue;
		}
		mine.cpu = this_cpu_now();
		spin_lock(&shared_lock);
		theirs = shared[slot];
		shared[slot] = mine;
		if (theirs.kind != OBJ_NONE && theirs.cpu != this_cpu_now())
			remote_frees++;
		spin_unlock(&shared_lock);
		if (theirs.kind != OBJ_NONE)
			KT_EXPECT_TRUE(t, obj_free(&theirs));
	}
}

KTEST(smp, allocators_on_every_cpu_with_cross_cpu_frees)
{
	unsigned long free_before = 0, free_after = 0;
	struct zone *zone;

	smp_cache = kmem_cache_create("smp_test", 96, 0, 0, NULL);
	KT_REQUIRE_NOT_NULL(t, smp_cache);
	memset(shared, 0, sizeof(shared));
	remote_frees = 0;
	drain_all_pages();
	for_each_zone(zone)
		free_before += zone_free_pages(zone);
	kt_run_on_each_cpu(t, allocate_and_trade, NULL);
	for (int i = 0; i < SHARED_SLOTS; i++)
		if (shared[i].kind != OBJ_NONE)
			KT_EXPECT_TRUE(t, obj_free(&shared[i]));
	KT_EXPECT_EQ(t, kmem_cache_objects_in_use(smp_cache), 0);
	KT_EXPECT_EQ(t, kmem_cache_destroy(smp_cache), 0);
	vmalloc_purge();
	shrink_all();
	drain_all_pages();
	for_each_zone(zone)
		free_after += zone_free_pages(zone);
	/* The kmalloc caches may keep a few slabs they grew meanwhile. */
	KT_EXPECT_LE(t, (long)free_before - (long)free_after, 64);
	if (num_online_cpus() > 1)
		KT_EXPECT_GT(t, remote_frees, 0);
	ktest_note(t, "%u CPUs, %lu objects freed on another CPU than their "
		   "allocator's", num_online_cpus(), remote_frees);
}

/* ---- shared highmem pages mapped on every CPU at once ---- */

static struct page *shared_pages[NR_SHARED_PAGES];

static u32 shared_seed(unsigned int i)
{
	return 0xC0FFEE00u + i;
}

/* kmap and kmap_atomic of pages every other CPU maps too: same contents. */
static void map_shared_pages(struct ktest_ctx *t, void *arg)
{
	u32 rng = 0x1234567u * (this_cpu_now() + 3);
	unsigned int bad = 0;

	(void)arg;
	for (int op = 0; op < OPS_PER_CPU; op++) {
		unsigned int i = kt_xorshift(&rng) % NR_SHARED_PAGES;
		struct page *page = shared_pages[i];
		void *v;

		if (op % 2) {
			void *a;

			v = kmap(page);
			bad += !intact(v, PAGE_SIZE, shared_seed(i));
			/* Two mappings of one page at once, on one CPU. */
			a = kmap_atomic(page);
			bad += memcmp(v, a, PAGE_SIZE) != 0;
			kunmap_atomic(a);
			kunmap(page);
		} else {
			v = kmap_atomic(page);
			bad += !intact(v, PAGE_SIZE, shared_seed(i));
			kunmap_atomic(v);
		}
	}
	KT_EXPECT_EQ(t, bad, 0);
}

KTEST(smp, kmap_and_kmap_atomic_of_shared_highmem_pages)
{
	for (unsigned int i = 0; i < NR_SHARED_PAGES; i++) {
		void *v;

		shared_pages[i] = kt_alloc_page(t, GFP_HIGHUSER);
		KT_REQUIRE_NOT_NULL(t, shared_pages[i]);
		v = kmap_atomic(shared_pages[i]);
		fill(v, PAGE_SIZE, shared_seed(i));
		kunmap_atomic(v);
	}
	if (!PageHighMem(shared_pages[0]))
		ktest_note(t, "no highmem here: lowmem pages, direct-mapped");
	kt_run_on_each_cpu(t, map_shared_pages, NULL);
}

/* ---- cross-CPU calls ---- */

static atomic_t calls;

static void count_call(void *arg)
{
	unsigned int *seen = arg;

	atomic_inc(&calls);
	__atomic_fetch_or(seen, 1u << smp_processor_id(), __ATOMIC_SEQ_CST);
}

KTEST(smp, call_function_runs_on_the_cpus_asked)
{
	unsigned int seen, cpu;

	for_each_online_cpu(cpu) {
		seen = 0;
		atomic_set(&calls, 0);
		smp_call_function_single(cpu, count_call, &seen);
		KT_EXPECT_EQ(t, atomic_read(&calls), 1);
		KT_EXPECT_EQ(t, seen, 1u << cpu);
	}
	seen = 0;
	atomic_set(&calls, 0);
	on_each_cpu(count_call, &seen);
	KT_EXPECT_EQ(t, (unsigned int)atomic_read(&calls), num_online_cpus());
	KT_EXPECT_EQ(t, seen, cpu_online_mask);
}

/* ---- the TLB shootdown ---- */

/*
 * Reader on one CPU, writer on another. The reader maps page A with
 * kmap, reads it (its TLB now holds slot S -> A), unmaps it and waits,
 * spinning, its TLB left alone. The writer kmaps fresh pages until the
 * pool wraps (the flush: a shootdown to every CPU) and slot S comes back
 * mapping page B, then lets the reader read slot S again: it must see
 * B. Without the shootdown the reader's TLB still says S -> A.
 */
#define POOL_PAGES LAST_PKMAP

static struct page *page_a, *page_b, **pool;
static volatile unsigned long slot_s;
static volatile int stage;
static volatile bool b_at_s; /* the writer got slot S for page B */
static volatile u32 read_back;

static void shootdown_reader(struct ktest_ctx *t, void *arg)
{
	u32 *v;

	(void)arg;
	v = kmap(page_a);
	slot_s = (unsigned long)v;
	read_back = READ_ONCE(v[0]); /* the TLB entry S -> A */
	kunmap(page_a);
	preempt_disable(); /* nothing else runs here meanwhile */
	WRITE_ONCE(stage, 1);
	while (READ_ONCE(stage) != 2)
		cpu_relax();
	if (b_at_s) /* else S maps nothing now: the writer failed already */
		read_back = READ_ONCE(((u32 *)slot_s)[0]);
	preempt_enable();
	WRITE_ONCE(stage, 3);
	if (b_at_s)
		KT_EXPECT_EQ(t, read_back, 0xBBBBBBBBu);
}

/*
 * The pool is next-fit: after the reader's slot S, mappings take S + 1,
 * S + 2, ..., wrap to 0 (the flush) and come round. Map pool pages
 * until the one before S is taken; the next new mapping, page B's, is S.
 */
static void shootdown_writer(struct ktest_ctx *t, void *arg)
{
	unsigned long flushes = pkmap_stats.flushes;
	unsigned int s, before_s;
	u32 *v;

	(void)arg;
	while (READ_ONCE(stage) != 1)
		cpu_relax();
	s = PKMAP_NR(slot_s);
	before_s = (s + LAST_PKMAP - 1) % LAST_PKMAP;
	/*
	 * Until the flush, a pool page may still have a slot from before
	 * (a hit returns that one): only slots taken after it count. Two
	 * laps of the pool suffice; its pages lose their old slots at the
	 * flush and need new ones on the second.
	 */
	for (unsigned int i = 0; i < 2 * POOL_PAGES; i++) {
		struct page *page = pool[i % POOL_PAGES];
		unsigned int nr = PKMAP_NR(kmap(page));

		kunmap(page);
		if (nr == before_s && (s == 0 || pkmap_stats.flushes != flushes))
			break;
	}
	v = kmap(page_b);
	b_at_s = (unsigned long)v == slot_s;
	KT_EXPECT_EQ(t, (unsigned long)v, slot_s);
	KT_EXPECT_GT(t, pkmap_stats.flushes, flushes);
	WRITE_ONCE(stage, 2);
	while (READ_ONCE(stage) != 3)
		cpu_relax();
	kunmap(page_b);
}

static void free_pool(void *arg)
{
	(void)arg;
	for (unsigned int i = 0; i < POOL_PAGES && pool && pool[i]; i++)
		__free_page(pool[i]);
	vfree(pool);
	pool = NULL;
}

KTEST(smp, pkmap_flush_reaches_another_cpus_tlb)
{
	struct kt_on_cpu reader, writer;
	struct task_struct *rt, *wt;
	unsigned int other;
	u32 *v;

	if (num_online_cpus() < 2)
		KT_SKIP(t, "needs two CPUs");
	page_a = kt_alloc_page(t, GFP_HIGHUSER);
	page_b = kt_alloc_page(t, GFP_HIGHUSER);
	KT_REQUIRE_NOT_NULL(t, page_a);
	KT_REQUIRE_NOT_NULL(t, page_b);
	if (!PageHighMem(page_a) || !PageHighMem(page_b))
		KT_SKIP(t, "no highmem: kmap does not use the pkmap pool");
	if (pkmap_slots_in_use())
		KT_SKIP(t, "%u pkmap slots in use by others",
			pkmap_slots_in_use());
	pool = vzalloc(POOL_PAGES * sizeof(*pool));
	KT_REQUIRE_NOT_NULL(t, pool);
	ktest_defer(t, free_pool, NULL);
	for (unsigned int i = 0; i < POOL_PAGES; i++) {
		pool[i] = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);
		KT_REQUIRE_NOT_NULL(t, pool[i]);
	}
	v = kmap_atomic(page_a);
	v[0] = 0xAAAAAAAAu;
	kunmap_atomic(v);
	v = kmap_atomic(page_b);
	v[0] = 0xBBBBBBBBu;
	kunmap_atomic(v);
	stage = 0;
	b_at_s = false;
	other = (unsigned int)__builtin_ctz(cpu_online_mask & ~1u);
	reader = (struct kt_on_cpu){ t, shootdown_reader, NULL, 0 };
	writer = (struct kt_on_cpu){ t, shootdown_writer, NULL, other };
	rt = kt_start_on_cpu(&reader);
	wt = kt_start_on_cpu(&writer);
	KT_EXPECT_NOT_NULL(t, rt);
	KT_EXPECT_NOT_NULL(t, wt);
	if (!rt || !wt) {
		WRITE_ONCE(stage, 3);
	} else {
		KT_EXPECT_EQ(t, kthread_join(rt), 0);
		KT_EXPECT_EQ(t, kthread_join(wt), 0);
	}
	if (rt && !wt)
		kthread_join(rt);
	if (wt && !rt)
		kthread_join(wt);
}

/* ---- drains reach every CPU ---- */

/* Leave pages and objects on this CPU's lists. */
static void leave_pages_and_objects(struct ktest_ctx *t, void *arg)
{
	struct kmem_cache *c = arg;
	struct page *pages[8];
	void *objs[8];

	for (int i = 0; i < 8; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_NOWARN);
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL | __GFP_NOWARN);
	}
	for (int i = 0; i < 8; i++) {
		if (pages[i])
			__free_page(pages[i]);
		if (objs[i])
			kmem_cache_free(c, objs[i]);
	}
	preempt_disable();
	/* A checked cache (slab_debug, failslab=) keeps no per-CPU lists. */
	if (!(c->flags & SLAB_SLOW_FLAGS))
		KT_EXPECT_GT(t, kmem_cache_cpu_objects(c, smp_processor_id()),
			     0);
	KT_EXPECT_GT(t, zone_pcp(&zones[ZONE_NORMAL], smp_processor_id())->count +
				zone_pcp(&zones[ZONE_DMA], smp_processor_id())->count,
		     0);
	preempt_enable();
}

KTEST(smp, drains_empty_every_cpus_lists_and_magazines)
{
	struct kmem_cache *c = kmem_cache_create("smp_drain", 64, 0, 0, NULL);
	unsigned long drains = vm_event_sum(DRAIN_LOCAL_PAGES);
	struct zone *zone;
	unsigned int cpu;

	KT_REQUIRE_NOT_NULL(t, c);
	kt_run_on_each_cpu(t, leave_pages_and_objects, c);
	drain_all_pages();
	for_each_zone(zone)
		for_each_online_cpu(cpu)
			KT_EXPECT_EQ(t, zone_pcp(zone, cpu)->count, 0);
	KT_EXPECT_GE(t, vm_event_sum(DRAIN_LOCAL_PAGES) - drains,
		     num_online_cpus());
	kmem_cache_shrink(c);
	for_each_online_cpu(cpu)
		KT_EXPECT_EQ(t, kmem_cache_cpu_objects(c, cpu), 0);
	KT_EXPECT_EQ(t, c->nr_slabs, 0);
	KT_EXPECT_EQ(t, kmem_cache_destroy(c), 0);
}

/* ---- the scheduler: pinning, migrate_disable, spreading, IPIs ---- */

static void stays_on_its_cpu(struct ktest_ctx *t, void *arg)
{
	unsigned int cpu = this_cpu_now();

	(void)arg;
	for (int i = 0; i < 20; i++) {
		msleep(1);
		KT_EXPECT_EQ(t, this_cpu_now(), cpu);
	}
}

KTEST(smp, pinned_threads_stay_where_they_are_bound)
{
	KT_EXPECT_EQ(t, kt_run_on_each_cpu(t, stays_on_its_cpu, NULL),
		     num_online_cpus());
}

static volatile bool spread_stop;
static unsigned int spread_seen; /* bit n: a spreader ran on CPU n */

static int spreader(void *arg)
{
	(void)arg;
	while (!READ_ONCE(spread_stop)) {
		__atomic_fetch_or(&spread_seen, 1u << this_cpu_now(),
				  __ATOMIC_SEQ_CST);
		cpu_relax();
	}
	return 0;
}

KTEST(smp, busy_threads_spread_over_the_cpus)
{
	struct task_struct *tasks[2 * NR_CPUS];
	unsigned int n = 2 * num_online_cpus();
	u64 end;

	if (num_online_cpus() < 2)
		KT_SKIP(t, "needs two CPUs");
	spread_stop = false;
	spread_seen = 0;
	for (unsigned int i = 0; i < n; i++)
		tasks[i] = kthread_run(spreader, NULL, "spreader");
	end = get_jiffies_64() + 30;
	while (get_jiffies_64() < end && spread_seen != cpu_online_mask)
		msleep(1);
	spread_stop = true;
	for (unsigned int i = 0; i < n; i++)
		if (tasks[i])
			kthread_join(tasks[i]);
	/* Wake-ups place them on idle CPUs, the balancer evens the rest. */
	KT_EXPECT_EQ(t, spread_seen, cpu_online_mask);
}

static void migrate_disabled_sleeper(struct ktest_ctx *t, void *arg)
{
	(void)arg;
	migrate_disable();
	for (int i = 0; i < 20; i++) {
		unsigned int cpu = this_cpu_now();

		msleep(1);
		KT_EXPECT_EQ(t, this_cpu_now(), cpu);
	}
	migrate_enable();
}

static int run_migrate_disabled(void *arg)
{
	migrate_disabled_sleeper(arg, NULL);
	return 0;
}

KTEST(smp, migrate_disable_keeps_a_sleeping_thread_on_its_cpu)
{
	struct task_struct *tasks[2 * NR_CPUS];
	unsigned int n = 2 * num_online_cpus();

	/* Unpinned, with more threads than CPUs: the balancer is tempted. */
	for (unsigned int i = 0; i < n; i++)
		tasks[i] = kthread_run(run_migrate_disabled, t, "migdis");
	for (unsigned int i = 0; i < n; i++)
		if (tasks[i])
			kthread_join(tasks[i]);
}

static volatile bool woken;

static int wake_target(void *arg)
{
	(void)arg;
	woken = true;
	return 0;
}

KTEST(smp, waking_a_thread_on_an_idle_cpu_sends_it_an_ipi)
{
	unsigned int other, me;
	unsigned long before;
	struct task_struct *task;

	if (num_online_cpus() < 2)
		KT_SKIP(t, "needs two CPUs");
	migrate_disable();
	me = this_cpu_now();
	other = (unsigned int)__builtin_ctz(cpu_online_mask & ~(1u << me));
	msleep(20); /* let the other CPU go idle */
	before = READ_ONCE(per_cpu(irq_stat, other).resched);
	woken = false;
	task = kthread_create(wake_target, NULL, "wake-target");
	if (!task)
		migrate_enable();
	KT_ASSERT_NOT_NULL(t, task);
	kthread_bind(task, other);
	wake_up_new_task(task);
	KT_EXPECT_EQ(t, kthread_join(task), 0);
	migrate_enable();
	KT_EXPECT_TRUE(t, woken);
	KT_EXPECT_GT(t, READ_ONCE(per_cpu(irq_stat, other).resched), before);
}
