// SPDX-License-Identifier: MIT
/*
 * The memory stress run (see tests/kernel/stress.h).
 *
 * Each worker (a thread, or the timer interrupt) keeps a small table of
 * live buffers. One operation picks a random entry: a live buffer is
 * checked and freed, an empty entry gets a new buffer of a random kind,
 * which is filled at once. One thread is pinned to each online CPU and
 * two more go wherever the scheduler puts them; now and then a thread
 * trades a live buffer for one another thread left in a shared
 * exchange table, so that what one CPU allocated another checks and
 * frees (the page lists, magazines and pkmap slots of different CPUs
 * meet that way). The pattern of a buffer is a hash of where
 * it is (its pfn for pages, its address for the rest), so a buffer that
 * two users were handed, or that was written through a stale mapping,
 * shows up as a wrong word when it is checked. Pages are filled through
 * one kind of mapping (kmap, kmap_local or kmap_atomic) and checked
 * through another; a thread that fills through kmap_local is preempted
 * there by the tick now and then, and sometimes yields on purpose with
 * the mapping held and checks it afterwards (its slots were saved and
 * restored meanwhile). Allocation failures are expected (fault injection, a small
 * machine) and only counted.
 */
#define pr_fmt(fmt) "stress: " fmt

#include "tests/kernel/stress.h"
#include "kernel/cmdline.h"
#include "kernel/init.h"
#include "highmem/highmem.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/shell/shell.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/mutex.h"
#include "kernel/smp.h"
#include "kernel/spinlock.h"
#include "kernel/timer.h"
#include "mm/fault_inject.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"

#define EXTRA_WORKERS 2 /* unpinned, besides one per online CPU */
#define MAX_WORKERS (NR_CPUS + EXTRA_WORKERS)
#define THREAD_SLOTS 32
#define EXCHANGE_SLOTS 16
#define EXCHANGE_SHARE 4 /* one free in 4 trades instead */
#define IRQ_SLOTS 8
#define IRQ_OPS_PER_TICK 8
#define IRQ_SHARE 16 /* the interrupt does 1/16 of the operations */
#define CACHE_OBJECT_SIZE 200

enum buf_kind { BUF_NONE, BUF_PAGES, BUF_KMALLOC, BUF_CACHE, BUF_VMALLOC,
		NR_BUF_KINDS };

static const char *const kind_names[NR_BUF_KINDS] = {
	"none", "pages", "kmalloc", "kmem_cache", "vmalloc"
};

struct stress_buf {
	enum buf_kind kind;
	unsigned int cpu;   /* where it was allocated */
	unsigned int order; /* pages */
	size_t size;	    /* bytes */
	void *ptr;	    /* kmalloc, kmem_cache, vmalloc */
	struct page *page;  /* pages */
	u8 filled_with;	    /* pages: the enum map_kind that filled them */
};

struct stress_stats {
	unsigned long ops, allocs[NR_BUF_KINDS], failed, corrupt;
	unsigned long zone_pages[MAX_NR_ZONES];
	unsigned long kmaps, kmap_locals, kmap_atomics, pool_full, held_yields;
	unsigned long traded, remote_frees; /* the exchange; freed elsewhere */
};

struct stress_worker {
	const char *name;
	bool in_irq;
	u32 rng;
	unsigned long ops_left;
	unsigned int nr_slots;
	struct stress_buf *slots;
	struct stress_stats stats;
};

static struct kmem_cache *stress_cache;
static struct stress_buf exchange[EXCHANGE_SLOTS]; /* exchange_lock */
static DEFINE_SPINLOCK(exchange_lock);
static struct stress_buf irq_slots[IRQ_SLOTS];
static struct stress_worker irq_worker;
static struct timer_list stress_timer;
static volatile bool stress_stopping;

/* One stress run at a time (the shell may start one while another runs). */
static DEFINE_MUTEX(stress_mutex);

/* The CPU now: a thread may move, so only for counting. */
static unsigned int raw_cpu(void)
{
	unsigned int cpu;

	preempt_disable();
	cpu = smp_processor_id();
	preempt_enable();
	return cpu;
}

static u32 next_random(struct stress_worker *w)
{
	u32 x = w->rng;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return w->rng = x;
}

static u32 hash32(u32 x)
{
	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	return x ^ (x >> 16);
}

/* ---- patterns ---- */

void stress_fill(void *p, size_t bytes, u32 seed)
{
	u32 *w = p;

	for (size_t i = 0; i < bytes / 4; i++)
		w[i] = hash32(seed + (u32)i);
}

long stress_check(const void *p, size_t bytes, u32 seed, u32 *got,
			u32 *want)
{
	const u32 *w = p;

	for (size_t i = 0; i < bytes / 4; i++)
		if (w[i] != hash32(seed + (u32)i)) {
			*got = w[i];
			*want = hash32(seed + (u32)i);
			return (long)(i * 4);
		}
	return -1;
}

static u32 page_seed(struct page *page)
{
	return hash32((u32)page_to_pfn(page) * 0x9e3779b1u);
}

static u32 addr_seed(const void *p)
{
	return hash32((u32)(unsigned long)p);
}

static void report_damage(struct stress_worker *w, const struct stress_buf *b,
			  long off, u32 got, u32 want, const char *how)
{
	w->stats.corrupt++;
	if (b->kind == BUF_PAGES)
		pr_err("%s: %s page pfn 0x%lx (order %u) damaged at offset "
		       "%ld%s: 0x%08x, expected 0x%08x\n", w->name,
		       kind_names[b->kind], page_to_pfn(b->page), b->order, off,
		       how, got, want);
	else
		pr_err("%s: %s buffer 0x%p (%zu bytes) damaged at offset %ld: "
		       "0x%08x, expected 0x%08x\n", w->name,
		       kind_names[b->kind], b->ptr, b->size, off, got, want);
}

/* ---- pages, through kmap, kmap_local or kmap_atomic ---- */

enum map_kind { MAP_KMAP, MAP_LOCAL, MAP_ATOMIC, NR_MAP_KINDS };

static const char *const map_names[NR_MAP_KINDS] = { "kmap", "kmap_local",
						     "kmap_atomic" };

/*
 * Map @page the *@kind way. The stress run never waits on the pkmap pool
 * (someone else, the shell for one, may hold every slot for good): when
 * the pool is full, kmap_atomic does instead and *@kind says so.
 */
static void *map_page(struct stress_worker *w, struct page *page,
		      enum map_kind *kind)
{
	void *addr;

	if (*kind == MAP_KMAP) {
		addr = kmap_try(page);
		if (addr) {
			w->stats.kmaps++;
			return addr;
		}
		w->stats.pool_full++;
		*kind = MAP_ATOMIC;
	}
	if (*kind == MAP_LOCAL) {
		w->stats.kmap_locals++;
		return kmap_local_page(page);
	}
	w->stats.kmap_atomics++;
	return kmap_atomic(page);
}

static void unmap_page(struct page *page, void *addr, enum map_kind kind)
{
	if (kind == MAP_ATOMIC)
		kunmap_atomic(addr);
	else if (kind == MAP_LOCAL)
		kunmap_local(addr);
	else
		kunmap(page);
}

/* How pages are filled: in an interrupt, never through kmap. */
static enum map_kind fill_kind(const struct stress_worker *w, u32 r)
{
	if (w->in_irq)
		return (r & 1) ? MAP_LOCAL : MAP_ATOMIC;
	return (enum map_kind)(r % NR_MAP_KINDS);
}

/* How they are checked: another way than they were filled. */
static enum map_kind check_kind(const struct stress_worker *w,
				enum map_kind filled)
{
	if (w->in_irq)
		return filled == MAP_ATOMIC ? MAP_LOCAL : MAP_ATOMIC;
	return (enum map_kind)((filled + 1) % NR_MAP_KINDS);
}

/*
 * A thread holding a kmap_local mapping yields now and then: other
 * threads on this CPU map their pages in the same slots meanwhile, and
 * ours must come back as they were.
 */
static void yield_holding_local(struct stress_worker *w, struct stress_buf *b,
				struct page *page, const void *p)
{
	u32 got = 0, want = 0;
	long off;

	w->stats.held_yields++;
	yield();
	off = stress_check(p, PAGE_SIZE, page_seed(page), &got, &want);
	if (off >= 0)
		report_damage(w, b, (long)((page - b->page) * PAGE_SIZE) + off,
			      got, want, " (kmap_local held across a yield)");
}

static bool alloc_pages_buf(struct stress_worker *w, struct stress_buf *b)
{
	static const gfp_t thread_gfp[] = { GFP_KERNEL, GFP_DMA | GFP_KERNEL,
					    GFP_HIGHUSER, GFP_HIGHUSER };
	u32 r = next_random(w);
	gfp_t gfp = w->in_irq ? (GFP_ATOMIC | ((r & 1) ? __GFP_HIGHMEM : 0)) :
				thread_gfp[r % ARRAY_SIZE(thread_gfp)];
	bool zero = (r >> 8) % 4 == 0;

	b->order = w->in_irq ? (r >> 4) % 2 : (r >> 4) % 3;
	b->page = alloc_pages(gfp | __GFP_NOWARN | (zero ? __GFP_ZERO : 0),
			      b->order);
	if (!b->page)
		return false;
	w->stats.zone_pages[page_zonenum(b->page)] += 1ul << b->order;
	b->filled_with = (u8)fill_kind(w, r >> 12);
	for (unsigned long i = 0; i < (1ul << b->order); i++) {
		struct page *page = b->page + i;
		enum map_kind kind = (enum map_kind)b->filled_with;
		void *p = map_page(w, page, &kind);

		if (zero && memchr_inv(p, 0, PAGE_SIZE)) {
			w->stats.corrupt++;
			pr_err("%s: __GFP_ZERO page pfn 0x%lx is not zeroed\n",
			       w->name, page_to_pfn(page));
		}
		stress_fill(p, PAGE_SIZE, page_seed(page));
		if (kind == MAP_LOCAL && !w->in_irq && (r >> 16) % 8 == 0)
			yield_holding_local(w, b, page, p);
		unmap_page(page, p, kind);
	}
	return true;
}

static void free_pages_buf(struct stress_worker *w, struct stress_buf *b)
{
	enum map_kind want_kind =
		check_kind(w, (enum map_kind)b->filled_with);

	for (unsigned long i = 0; i < (1ul << b->order); i++) {
		struct page *page = b->page + i;
		enum map_kind kind = want_kind;
		void *p = map_page(w, page, &kind);
		u32 got = 0, want = 0;
		long off = stress_check(p, PAGE_SIZE, page_seed(page), &got,
				       &want);

		unmap_page(page, p, kind);
		if (off >= 0) {
			char how[32];

			snprintf(how, sizeof(how), " (read via %s)",
				 map_names[kind]);
			report_damage(w, b, (long)(i * PAGE_SIZE) + off, got,
				      want, how);
		}
	}
	__free_pages(b->page, b->order);
}

/* ---- kmalloc, kmem_cache, vmalloc: filled in place ---- */

static size_t kmalloc_size(struct stress_worker *w)
{
	u32 r = next_random(w);

	/* Mostly the slab classes, now and then a large (page) block. */
	if (!w->in_irq && r % 32 == 0)
		return 8192 + 4 * ((r >> 5) % 3000);
	return 4 + 4 * ((r >> 5) % 512);
}

static void *alloc_bytes(struct stress_worker *w, struct stress_buf *b)
{
	gfp_t gfp = (w->in_irq ? GFP_ATOMIC : GFP_KERNEL) | __GFP_NOWARN;

	switch (b->kind) {
	case BUF_KMALLOC:
		b->size = kmalloc_size(w);
		return kmalloc(b->size, gfp);
	case BUF_CACHE:
		b->size = CACHE_OBJECT_SIZE;
		return kmem_cache_alloc(stress_cache, gfp);
	case BUF_VMALLOC:
		b->size = PAGE_SIZE * (1 + next_random(w) % 8);
		return __vmalloc(b->size, GFP_KERNEL | __GFP_HIGHMEM |
						  __GFP_NOWARN);
	default:
		return NULL;
	}
}

static void free_bytes(struct stress_buf *b)
{
	if (b->kind == BUF_KMALLOC)
		kfree(b->ptr);
	else if (b->kind == BUF_CACHE)
		kmem_cache_free(stress_cache, b->ptr);
	else
		vfree(b->ptr);
}

/* ---- one operation ---- */

static void buf_alloc(struct stress_worker *w, struct stress_buf *b)
{
	/* Interrupts: no vmalloc, which may sleep. */
	unsigned int kinds = w->in_irq ? 3 : 4;

	b->kind = (enum buf_kind)(BUF_PAGES + next_random(w) % kinds);
	if (b->kind == BUF_CACHE && !stress_cache)
		b->kind = BUF_KMALLOC;
	if (b->kind == BUF_PAGES) {
		if (!alloc_pages_buf(w, b))
			goto failed;
	} else {
		b->ptr = alloc_bytes(w, b);
		if (!b->ptr)
			goto failed;
		stress_fill(b->ptr, b->size, addr_seed(b->ptr));
	}
	w->stats.allocs[b->kind]++;
	b->cpu = raw_cpu();
	return;
failed:
	w->stats.failed++;
	b->kind = BUF_NONE;
}

static void buf_free(struct stress_worker *w, struct stress_buf *b)
{
	if (b->cpu != raw_cpu())
		w->stats.remote_frees++;
	if (b->kind == BUF_PAGES) {
		free_pages_buf(w, b);
	} else {
		u32 got = 0, want = 0;
		long off = stress_check(b->ptr, b->size, addr_seed(b->ptr),
				       &got, &want);

		if (off >= 0)
			report_damage(w, b, off, got, want, "");
		free_bytes(b);
	}
	b->kind = BUF_NONE;
}

/*
 * Swap @b with a random exchange entry: our buffer stays there for some
 * other thread, and what was there (maybe from another CPU) is ours to
 * check and free.
 */
static void trade(struct stress_worker *w, struct stress_buf *b)
{
	struct stress_buf *x = &exchange[next_random(w) % EXCHANGE_SLOTS];
	struct stress_buf mine = *b;

	spin_lock(&exchange_lock);
	*b = *x;
	*x = mine;
	spin_unlock(&exchange_lock);
	w->stats.traded++;
}

static void stress_op(struct stress_worker *w)
{
	struct stress_buf *b = &w->slots[next_random(w) % w->nr_slots];

	if (b->kind == BUF_NONE) {
		buf_alloc(w, b);
	} else {
		if (!w->in_irq && next_random(w) % EXCHANGE_SHARE == 0)
			trade(w, b);
		if (b->kind != BUF_NONE)
			buf_free(w, b);
	}
	w->stats.ops++;
	w->ops_left--;
}

static void free_all(struct stress_worker *w)
{
	for (unsigned int i = 0; i < w->nr_slots; i++)
		if (w->slots[i].kind != BUF_NONE)
			buf_free(w, &w->slots[i]);
}

/* ---- the workers ---- */

static int stress_thread(void *arg)
{
	struct stress_worker *w = arg;
	struct stress_buf slots[THREAD_SLOTS];

	memset(slots, 0, sizeof(slots));
	w->slots = slots;
	w->nr_slots = THREAD_SLOTS;
	while (w->ops_left)
		stress_op(w);
	free_all(w);
	w->slots = NULL;
	return 0;
}

static void stress_tick(struct timer_list *timer)
{
	for (int i = 0; i < IRQ_OPS_PER_TICK && irq_worker.ops_left; i++)
		stress_op(&irq_worker);
	if (!stress_stopping) {
		timer->expires = get_jiffies_64() + 1;
		add_timer(timer);
	}
}

/* ---- the run ---- */

/* Give back what caches hold, then count free pages per zone. */
static unsigned long settle(unsigned long zone_free[MAX_NR_ZONES])
{
	unsigned long total = 0;

	vmalloc_purge();
	shrink_all();
	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		zone_free[z] = zone_free_pages(&zones[z]);
		total += zone_free[z];
	}
	return total;
}

static void add_stats(struct stress_stats *sum, const struct stress_stats *s)
{
	sum->ops += s->ops;
	sum->failed += s->failed;
	sum->corrupt += s->corrupt;
	sum->kmaps += s->kmaps;
	sum->kmap_atomics += s->kmap_atomics;
	sum->kmap_locals += s->kmap_locals;
	sum->held_yields += s->held_yields;
	sum->pool_full += s->pool_full;
	sum->traded += s->traded;
	sum->remote_frees += s->remote_frees;
	for (int k = 0; k < NR_BUF_KINDS; k++)
		sum->allocs[k] += s->allocs[k];
	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum->zone_pages[z] += s->zone_pages[z];
}

/* One worker pinned to each online CPU, then the unpinned ones. */
static unsigned int nr_workers(void)
{
	return num_online_cpus() + EXTRA_WORKERS;
}

static void run_threads(struct stress_worker *workers, unsigned long ops)
{
	static char names[MAX_WORKERS][TASK_COMM_LEN];
	struct task_struct *tasks[MAX_WORKERS];
	unsigned int n = nr_workers(), cpu = 0;

	for (unsigned int i = 0; i < n; i++) {
		bool pinned = i < num_online_cpus();

		while (pinned && !cpu_online(cpu))
			cpu++;
		if (pinned)
			snprintf(names[i], sizeof(names[i]), "stress/%u", cpu);
		else
			snprintf(names[i], sizeof(names[i]), "stress%u", i);
		workers[i].name = names[i];
		workers[i].rng = hash32(0x57e55u + i) | 1;
		workers[i].ops_left = ops / n + (i == 0 ? ops % n : 0);
		tasks[i] = kthread_create(stress_thread, &workers[i], names[i]);
		if (tasks[i] && pinned)
			kthread_bind(tasks[i], cpu++);
		else if (pinned)
			cpu++;
		if (tasks[i])
			wake_up_new_task(tasks[i]);
	}
	/* A worker that could not start (no memory) runs here instead. */
	for (unsigned int i = 0; i < n; i++)
		if (!tasks[i])
			stress_thread(&workers[i]);
	for (unsigned int i = 0; i < n; i++)
		if (tasks[i])
			kthread_join(tasks[i]);
}

/* What the threads left in the exchange, checked and freed. */
static void empty_exchange(struct stress_worker *w)
{
	for (unsigned int i = 0; i < EXCHANGE_SLOTS; i++)
		if (exchange[i].kind != BUF_NONE)
			buf_free(w, &exchange[i]);
}

static void run_in_interrupts(unsigned long ops)
{
	memset(irq_slots, 0, sizeof(irq_slots));
	memset(&irq_worker, 0, sizeof(irq_worker));
	irq_worker.name = "timer irq";
	irq_worker.in_irq = true;
	irq_worker.rng = 0x1a2b3c4du;
	irq_worker.ops_left = ops;
	irq_worker.slots = irq_slots;
	irq_worker.nr_slots = IRQ_SLOTS;
	stress_stopping = false;
	timer_setup(&stress_timer, stress_tick);
	stress_timer.expires = get_jiffies_64() + 1;
	add_timer(&stress_timer);
}

static void stop_interrupts(void)
{
	while (READ_ONCE(irq_worker.ops_left))
		msleep(10);
	stress_stopping = true;
	del_timer_sync(&stress_timer); /* it may be running on CPU 0 now */
	free_all(&irq_worker);
}

static void print_summary(const struct stress_stats *s)
{
	pr_info("%lu operations (%lu in threads, %lu in timer interrupts)\n",
		s->ops, s->ops - irq_worker.stats.ops, irq_worker.stats.ops);
	pr_info("%u CPUs: %lu buffers traded between threads, %lu freed on "
		"another CPU than the one that allocated them\n",
		num_online_cpus(), s->traded, s->remote_frees);
	pr_info("allocations: %lu page blocks, %lu kmalloc, %lu kmem_cache, "
		"%lu vmalloc; %lu failed\n", s->allocs[BUF_PAGES],
		s->allocs[BUF_KMALLOC], s->allocs[BUF_CACHE],
		s->allocs[BUF_VMALLOC], s->failed);
	pr_info("pages in those blocks: DMA %lu, Normal %lu, HighMem %lu\n",
		s->zone_pages[ZONE_DMA], s->zone_pages[ZONE_NORMAL],
		s->zone_pages[ZONE_HIGHMEM]);
	pr_info("mappings: kmap %lu, kmap_local %lu (%lu held across a yield), "
		"kmap_atomic %lu", s->kmaps, s->kmap_locals, s->held_yields,
		s->kmap_atomics);
	if (s->pool_full)
		printk(" (%lu kmaps found the pool full: kmap_atomic instead)",
		       s->pool_full);
	printk("\n");
	if (fail_page_alloc.interval || failslab.interval)
		pr_info("fault injection: %lu page and %lu slab allocations "
			"failed on purpose so far\n", fail_page_alloc.injected,
			failslab.injected);
}

int stress_run(unsigned long ops)
{
	static struct stress_worker workers[MAX_WORKERS]; /* stress_mutex */
	unsigned long before[MAX_NR_ZONES], after[MAX_NR_ZONES];
	unsigned long start, end, irq_ops = ops / IRQ_SHARE;
	struct stress_stats sum;
	bool lost = false;

	mutex_lock(&stress_mutex);
	memset(workers, 0, sizeof(workers));
	memset(exchange, 0, sizeof(exchange));
	memset(&sum, 0, sizeof(sum));
	pr_info("%lu operations: %u threads (one pinned to each of %u CPUs) "
		"and the timer interrupt\n", ops, nr_workers(),
		num_online_cpus());
	/*
	 * The counts are compared at the end: the deferred init's threads
	 * must be gone first (they end, and their stacks are freed, at a
	 * moment of their own). This thread does what is left of it.
	 */
	deferred_init_finish();
	start = settle(before);
	stress_cache = kmem_cache_create("stress", CACHE_OBJECT_SIZE, 0, 0,
					 NULL);
	if (!stress_cache)
		pr_info("no stress cache (allocation failed): kmalloc "
			"instead\n");
	run_in_interrupts(irq_ops);
	run_threads(workers, ops - irq_ops);
	stop_interrupts();
	empty_exchange(&workers[0]);
	for (unsigned int i = 0; i < nr_workers(); i++)
		add_stats(&sum, &workers[i].stats);
	add_stats(&sum, &irq_worker.stats);
	if (stress_cache && kmem_cache_destroy(stress_cache))
		sum.corrupt++; /* objects leaked: reported by the cache */
	stress_cache = NULL;
	end = settle(after);
	print_summary(&sum);
	pr_info("free pages: %lu at the start, %lu at the end\n", start, end);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (before[z] != after[z]) {
			pr_err("zone %s: %ld pages lost\n", zones[z].name,
			       (long)before[z] - (long)after[z]);
			lost = true;
		}
	mutex_unlock(&stress_mutex);
	if (sum.corrupt || lost) {
		pr_err("FAILED: %lu damaged buffers, %s\n", sum.corrupt,
		       lost ? "pages lost" : "no pages lost");
		return -EIO;
	}
	pr_info("PASS: no damage, nothing lost\n");
	return 0;
}

/* stress=OPS: a stress run once the kernel is up. */
static unsigned long stress_ops;
BOOT_PARAM_COUNT("stress", stress_ops,
		 "stress=OPS       run the memory stress test after boot");

static int stress_boot_work(void)
{
	return stress_ops && stress_run(stress_ops) ? 1 : 0;
}
BOOT_WORK("stress", BOOT_WORK_STRESS, stress_boot_work);

static int cmd_stress(int argc, char **argv)
{
	unsigned long ops = STRESS_DEFAULT_OPS;

	if (argc > 2 || (argc == 2 && (kstrtoul(argv[1], 0, &ops) || !ops)))
		return shell_usage("stress");
	return stress_run(ops) ? 1 : 0;
}
SHELL_COMMAND("stress", "[OPS]",
	      "random alloc/free/kmap of every kind, checked (default 20000)",
	      cmd_stress);
