// SPDX-License-Identifier: MIT
/*
 * lock_debug: what spinlocks and mutexes check when the option is on
 * (the lock_debug boot option; on by default in DEBUG=1 builds).
 *
 *   - who holds each spinlock: the CPU, the thread, since when, from
 *     which call chain (kernel/spinlock.h keeps the CPU in every build);
 *   - a bound on waiting: a CPU that waits longer than
 *     lock_debug.timeout_ms for a spinlock reports the holder and panics
 *     instead of hanging in silence;
 *   - the locks each CPU (spinlocks) and thread (mutexes) holds, named in
 *     the report when a thread sleeps holding a spinlock;
 *   - a small lockdep: every lock of one name is one class; taking class
 *     B while holding class A records "A before B", and the first time a
 *     thread takes them the other way round (directly or through a chain
 *     of classes) both call chains are reported. Two CPUs doing so at the
 *     same time would deadlock: the check finds the bug on one CPU,
 *     before it happens. Like Linux's lockdep it reports the first
 *     inversion only, then stops checking the order.
 *
 * The class table is shared by every CPU: graph_lock, a bare ticket lock
 * taken with interrupts off (a spinlock_t would come back here), guards
 * it. Each CPU's held spinlocks are per-CPU data; a thread's mutexes are
 * in its task_struct.
 */
#define pr_fmt(fmt) "lock_debug: " fmt

#include "kernel/debug/lock_debug.h"
#include "kernel/cmdline.h"
#include "kernel/config.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/mutex.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/spinlock.h"
#include <asm/stacktrace.h>
#include <asm/tsc.h>

#define LOCK_DEBUG_MAX_EDGES 256
/*
 * Generous: under emulation a busy host may hold a virtual CPU back for
 * a good fraction of a second, and a holder may wait for TLB shootdowns.
 */
#define DEFAULT_TIMEOUT_MS 5000

bool lock_debug = DEBUG_BUILD;
BOOT_PARAM_FLAG("lock_debug", lock_debug,
		"lock_debug       spinlock holders, wait bound, lock order "
		"check (lock_debug=off)");

static unsigned long timeout_ms;
BOOT_PARAM_COUNT("lock_debug.timeout_ms", timeout_ms,
		 "lock_debug.timeout_ms=N  a spinlock wait longer than this "
		 "panics (5000)");

struct lock_class {
	const char *name;
	u64 after; /* classes taken while holding this one */
	u64 reach; /* every class reachable through `after` */
};

/* One "A before B" as first seen: the call chain that took B. */
struct lock_edge {
	u8 from, to;
	unsigned int cpu;
	int pid;
	char comm[TASK_COMM_LEN];
	unsigned long trace[LOCK_TRACE_DEPTH];
};

static arch_spinlock_t graph_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static struct lock_class classes[LOCK_DEBUG_MAX_CLASSES]; /* graph_lock */
static unsigned int nr_classes;				  /* graph_lock */
static struct lock_edge edges[LOCK_DEBUG_MAX_EDGES];	  /* graph_lock */
static unsigned int nr_edges;				  /* graph_lock */
static bool order_check_off; /* after the first report, or a full table */

static DEFINE_PER_CPU(struct held_locks, held_spinlocks);

static unsigned long graph_lock_irqsave(void)
{
	unsigned long flags;
	u16 ticket;

	local_irq_save(flags);
	ticket = arch_spin_ticket(&graph_lock);
	while (!arch_spin_served(&graph_lock, ticket))
		spin_wait_relax();
	return flags;
}

static void graph_unlock_irqrestore(unsigned long flags)
{
	arch_spin_unlock(&graph_lock);
	local_irq_restore(flags);
}

static u64 wait_bound_cycles(void)
{
	return (u64)(timeout_ms ? timeout_ms : DEFAULT_TIMEOUT_MS) *
	       tsc_khz_or_guess();
}

static void print_trace(const unsigned long *trace)
{
	for (unsigned int i = 0; i < LOCK_TRACE_DEPTH && trace[i]; i++)
		printk("   [<%08lx>] %pB\n", trace[i], (void *)trace[i]);
}

/* ---- classes and the order between them ---------------------------- */

/* The class of @name, made on first use; 0 when the table is full. */
static u16 class_of(const char *name, u16 *cached)
{
	unsigned long flags;
	unsigned int i;

	if (*cached)
		return *cached;
	flags = graph_lock_irqsave();
	for (i = 0; i < nr_classes; i++)
		if (!strcmp(classes[i].name, name))
			break;
	if (i == nr_classes && nr_classes < LOCK_DEBUG_MAX_CLASSES) {
		/* The name first: `lockdep` reads the table without the lock. */
		classes[nr_classes].name = name;
		smp_wmb();
		WRITE_ONCE(nr_classes, nr_classes + 1);
	}
	graph_unlock_irqrestore(flags);
	if (i == LOCK_DEBUG_MAX_CLASSES) {
		if (!order_check_off)
			pr_warn("more than %u lock classes: lock order check "
				"off\n", LOCK_DEBUG_MAX_CLASSES);
		order_check_off = true;
		return 0;
	}
	*cached = (u16)(i + 1);
	return *cached;
}

static const struct lock_edge *find_edge(unsigned int from, unsigned int to)
{
	for (unsigned int i = 0; i < nr_edges; i++)
		if (edges[i].from == from && edges[i].to == to)
			return &edges[i];
	return NULL;
}

/* The next class after @from on a path of recorded edges to @to. */
static unsigned int next_hop(unsigned int from, unsigned int to)
{
	u64 after = classes[from].after;

	if (after & (1ull << to))
		return to;
	for (unsigned int c = 0; c < nr_classes; c++)
		if ((after & (1ull << c)) && (classes[c].reach & (1ull << to)))
			return c;
	return to; /* not reached: @to is reachable from @from */
}

static __noinline void report_inversion(unsigned int held, unsigned int taking,
			     const char *held_name, const char *taking_name)
{
	unsigned long trace[LOCK_TRACE_DEPTH] = { 0 };

	save_stack_trace(trace, LOCK_TRACE_DEPTH, 4);
	printk("\n======================================================\n");
	printk("WARNING: possible lock order inversion (lock_debug)\n");
	printk("CPU %u, thread %s (pid %d) takes %s while holding %s:\n",
	       smp_processor_id(), current->comm, current->pid, taking_name,
	       held_name);
	print_trace(trace);
	printk("but %s was taken before %s here:\n", taking_name, held_name);
	for (unsigned int c = taking; c != held;) {
		unsigned int n = next_hop(c, held);
		const struct lock_edge *e = find_edge(c, n);

		printk(" %s, then %s: CPU %u, thread %s (pid %d):\n",
		       classes[c].name, classes[n].name, e ? e->cpu : 0,
		       e ? e->comm : "?", e ? e->pid : 0);
		if (e)
			print_trace(e->trace);
		c = n;
	}
	printk("Two CPUs taking them in these two orders at once deadlock.\n");
	printk("lock_debug: lock order checking off from here on\n");
	printk("======================================================\n");
}

/* Record "@held before @taking"; report if the graph already has the reverse. */
static __noinline void add_order(const struct held_lock *held, u16 taking_id,
		      const char *taking_name)
{
	unsigned int a = held->class_id - 1, b = taking_id - 1;
	unsigned long flags;
	bool inversion;

	if (a == b || (classes[a].after & (1ull << b)))
		return; /* same class (not checked), or known already */
	flags = graph_lock_irqsave();
	inversion = !order_check_off && (classes[b].reach & (1ull << a));
	if (!inversion && !(classes[a].after & (1ull << b))) {
		if (nr_edges < LOCK_DEBUG_MAX_EDGES) {
			struct lock_edge *e = &edges[nr_edges];

			e->from = (u8)a;
			e->to = (u8)b;
			e->cpu = smp_processor_id();
			e->pid = current->pid;
			strlcpy(e->comm, current->comm, sizeof(e->comm));
			memset(e->trace, 0, sizeof(e->trace));
			save_stack_trace(e->trace, LOCK_TRACE_DEPTH, 3);
			/* Whole before counted: reports read without the lock. */
			smp_wmb();
			WRITE_ONCE(nr_edges, nr_edges + 1);
		}
		classes[a].after |= 1ull << b;
		for (unsigned int x = 0; x < nr_classes; x++)
			if (x == a || (classes[x].reach & (1ull << a)))
				classes[x].reach |= (1ull << b) | classes[b].reach;
	}
	if (inversion)
		order_check_off = true;
	graph_unlock_irqrestore(flags);
	if (inversion)
		report_inversion(a, b, held->name, taking_name);
}

static __noinline void check_order(const struct held_locks *held, u16 id,
			const char *name)
{
	if (order_check_off || !id)
		return;
	for (unsigned int i = 0; i < held->depth; i++)
		if (held->lock[i].class_id)
			add_order(&held->lock[i], id, name);
}

/* ---- held locks ------------------------------------------------------ */

static void push_held(struct held_locks *held, const void *lock,
		      const char *name, u16 id)
{
	if (held->depth == LOCK_DEBUG_MAX_HELD) {
		pr_warn("more than %u locks held at once: %s not tracked\n",
			LOCK_DEBUG_MAX_HELD, name);
		return;
	}
	held->lock[held->depth++] = (struct held_lock){ lock, name, id };
}

/* Forget @lock; locks taken before lock_debug came on are not there. */
static void pop_held(struct held_locks *held, const void *lock)
{
	for (unsigned int i = held->depth; i-- > 0;) {
		if (held->lock[i].lock != lock)
			continue;
		memmove(&held->lock[i], &held->lock[i + 1],
			(held->depth - i - 1) * sizeof(held->lock[0]));
		held->depth--;
		return;
	}
}

/* In thread context, a spinlock also comes after the thread's mutexes. */
static bool thread_context(void)
{
	return system_state == SYSTEM_RUNNING && !in_interrupt() && current;
}

void lock_debug_acquired(spinlock_t *lock)
{
	struct held_locks *held = this_cpu_ptr(held_spinlocks);
	u16 id = class_of(lock->name, &lock->class_id);

	lock->owner = current;
	lock->since = rdtsc();
	memset(lock->trace, 0, sizeof(lock->trace));
	save_stack_trace(lock->trace, LOCK_TRACE_DEPTH, 1);
	check_order(held, id, lock->name);
	if (thread_context())
		check_order(&current->held_mutexes, id, lock->name);
	push_held(held, lock, lock->name, id);
}

void lock_debug_released(spinlock_t *lock)
{
	pop_held(this_cpu_ptr(held_spinlocks), lock);
	lock->owner = NULL;
}

void lock_debug_mutex_acquired(struct mutex *m)
{
	u16 id = class_of(m->name, &m->class_id);

	check_order(&current->held_mutexes, id, m->name);
	push_held(&current->held_mutexes, m, m->name, id);
}

void lock_debug_mutex_released(struct mutex *m)
{
	pop_held(&current->held_mutexes, m);
}

/* ---- reports ------------------------------------------------------------ */

void lock_debug_show_holder(const spinlock_t *lock)
{
	struct task_struct *owner = READ_ONCE(lock->owner);

	if (!lock_debug || !owner)
		return;
	printk("spinlock %s is held by CPU %d, thread %s (pid %d), for %llu "
	       "ms; it was taken at:\n", lock->name, READ_ONCE(lock->owner_cpu),
	       owner->comm, owner->pid,
	       (unsigned long long)tsc_cycles_to_ms(rdtsc() - lock->since));
	print_trace(lock->trace);
}

void lock_debug_wait(spinlock_t *lock, u16 ticket)
{
	u64 start = rdtsc(), bound = wait_bound_cycles();

	while (!arch_spin_served(&lock->raw, ticket)) {
		spin_wait_relax();
		if (rdtsc() - start < bound)
			continue;
		oops_begin(); /* one CPU reports: a second waiter stops here */
		printk("BUG: spinlock lockup: CPU %u has waited %llu ms for "
		       "spinlock %s\n", smp_processor_id(),
		       (unsigned long long)tsc_cycles_to_ms(rdtsc() - start),
		       lock->name);
		lock_debug_show_holder(lock);
		panic("spinlock %s: CPU %u waited longer than "
		      "lock_debug.timeout_ms (%lu ms)", lock->name,
		      smp_processor_id(),
		      timeout_ms ? timeout_ms : DEFAULT_TIMEOUT_MS);
	}
}

static void show_held(const char *whose, const struct held_locks *held,
		      bool spinlocks)
{
	for (unsigned int i = 0; i < held->depth; i++) {
		const struct held_lock *h = &held->lock[i];

		printk(" %s holds %s%s\n", whose, h->name,
		       spinlocks ? ", taken at:" : " (a mutex)");
		if (spinlocks)
			print_trace(((const spinlock_t *)h->lock)->trace);
	}
}

void lock_debug_show_held(void)
{
	const struct held_locks *spin = this_cpu_ptr(held_spinlocks);
	char cpu[16];

	if (!lock_debug)
		return;
	snprintf(cpu, sizeof(cpu), "CPU %u", smp_processor_id());
	if (spin->depth || (current && current->held_mutexes.depth))
		printk("Locks held (lock_debug):\n");
	show_held(cpu, spin, true);
	if (current)
		show_held(current->comm, &current->held_mutexes, false);
}

/* The classes in name order: the table's order is whichever came first. */
static unsigned int sorted_classes(u8 *order)
{
	unsigned int n = READ_ONCE(nr_classes);

	smp_rmb(); /* the names of the first n classes are there */
	for (unsigned int i = 0; i < n; i++) {
		unsigned int j = i;

		while (j > 0 && strcmp(classes[order[j - 1]].name,
				       classes[i].name) > 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = (u8)i;
	}
	return n;
}

void lock_debug_show(void)
{
	u8 order[LOCK_DEBUG_MAX_CLASSES];
	unsigned int n;

	if (!lock_debug) {
		printk("lock_debug is off (boot with lock_debug to record lock "
		       "classes)\n");
		return;
	}
	n = sorted_classes(order);
	printk("%u lock classes, %u orders recorded%s\n", n,
	       READ_ONCE(nr_edges),
	       order_check_off ? "; order check off" : "");
	for (unsigned int i = 0; i < n; i++) {
		unsigned int c = order[i];
		u64 after = READ_ONCE(classes[c].after);

		if (!after) {
			printk("  %s\n", classes[c].name);
			continue;
		}
		printk("  %-24s before", classes[c].name);
		for (unsigned int k = 0; k < n; k++)
			if (after & (1ull << order[k]))
				printk(" %s", classes[order[k]].name);
		printk("\n");
	}
}
