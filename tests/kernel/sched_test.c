// SPDX-License-Identifier: MIT
/* In-kernel tests of threads, preemption, wait queues, mutexes, timers. */
#include "tests/kernel/ktest.h"
#include "mm/page_debug.h"
#include "kernel/mutex.h"
#include "kernel/sched.h"
#include "kernel/timer.h"
#include "kernel/lib/string.h"
#include "kernel/wait.h"
#include "highmem/highmem.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "kernel/smp.h"
#include <asm/pgtable.h>
#include <asm/cpu.h>

/* A small deterministic generator, one state per thread. */
static u32 next_rand(u32 *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 16;
}

/* ---- page allocation from threads and from the timer interrupt ---- */

#define WORKERS 4
#define WORKER_OPS 1500
#define WORKER_HOLD 16
#define ATOMIC_HOLD 8

static const gfp_t worker_gfp[] = { GFP_KERNEL, GFP_HIGHUSER, GFP_DMA,
				    GFP_ATOMIC };

static int alloc_worker(void *arg)
{
	u32 seed = (u32)(uintptr_t)arg * 7919u + 1;
	struct page *held[WORKER_HOLD];
	unsigned int orders[WORKER_HOLD];
	int n = 0;

	for (int i = 0; i < WORKER_OPS; i++) {
		u32 r = next_rand(&seed);

		if (n < WORKER_HOLD && (r & 1)) {
			unsigned int order = (r >> 1) % 3;
			struct page *p = alloc_pages(worker_gfp[(r >> 3) % 4] |
							     __GFP_NOWARN, order);

			if (!p)
				continue;
			/* Touch it: the first bytes carry who owns it. */
			memset_page(p, 0, (int)(uintptr_t)arg, 16);
			held[n] = p;
			orders[n++] = order;
		} else if (n) {
			int k = (int)((r >> 1) % (u32)n);
			u8 owner;

			memcpy_from_page(&owner, held[k], 0, 1);
			if (owner != (u8)(uintptr_t)arg)
				return -1; /* someone else wrote our page */
			__free_pages(held[k], orders[k]);
			held[k] = held[--n];
			orders[k] = orders[n];
		}
	}
	while (n--)
		__free_pages(held[n], orders[n]);
	return 0;
}

static struct timer_list atomic_timer;
static struct page *atomic_held[ATOMIC_HOLD];
static unsigned int atomic_next, atomic_allocs, atomic_in_irq;
static bool atomic_stop;

static void atomic_timer_fn(struct timer_list *t)
{
	struct page **slot = &atomic_held[atomic_next++ % ATOMIC_HOLD];

	if (in_interrupt())
		atomic_in_irq++;
	if (*slot)
		__free_page(*slot);
	*slot = alloc_page(GFP_ATOMIC | __GFP_NOWARN);
	if (*slot)
		atomic_allocs++;
	if (!atomic_stop) {
		t->expires = get_jiffies_64() + 1;
		add_timer(t);
	}
}

KTEST(sched, threads_and_irq_allocate_concurrently)
{
	struct task_struct *workers[WORKERS];
	unsigned long free_before, switches_before = nr_context_switches();

	drain_all_pages();
	free_before = nr_free_pages();
	/* Everything the timer function counts starts afresh: run it twice. */
	atomic_stop = false;
	atomic_next = atomic_allocs = atomic_in_irq = 0;
	memset(atomic_held, 0, sizeof(atomic_held));
	timer_setup(&atomic_timer, atomic_timer_fn);
	atomic_timer.expires = get_jiffies_64() + 1;
	add_timer(&atomic_timer);
	for (int i = 0; i < WORKERS; i++) {
		workers[i] = kthread_run(alloc_worker, (void *)(uintptr_t)(i + 1),
					 "alloc-worker");
		KT_EXPECT_NOT_NULL(t, workers[i]);
	}
	for (int i = 0; i < WORKERS; i++)
		if (workers[i])
			KT_EXPECT_EQ(t, kthread_join(workers[i]), 0);
	/* Let the timer run a few more times, then stop it. */
	msleep(30);
	atomic_stop = true;
	del_timer_sync(&atomic_timer); /* it may be running on CPU 0 now */
	for (int i = 0; i < ATOMIC_HOLD; i++)
		if (atomic_held[i]) {
			__free_page(atomic_held[i]);
			atomic_held[i] = NULL;
		}
	drain_all_pages();
	KT_EXPECT_EQ(t, nr_free_pages(), free_before);
	KT_EXPECT_GT(t, atomic_allocs, 2);
	KT_EXPECT_EQ(t, atomic_in_irq, atomic_next);
	KT_EXPECT_GT(t, nr_context_switches(), switches_before + WORKERS);
}

/* ---- preemption ---- */

static volatile bool spin_stop;
static volatile unsigned long spins;

static int spinner(void *arg)
{
	(void)arg;
	while (!spin_stop)
		spins++;
	return 1;
}

static int stopper(void *arg)
{
	(void)arg;
	msleep(30);
	spin_stop = true;
	return 2;
}

KTEST(sched, timer_preempts_a_busy_thread)
{
	struct task_struct *a, *b;

	spin_stop = false;
	spins = 0;
	a = kthread_run(spinner, NULL, "spinner");
	b = kthread_run(stopper, NULL, "stopper");
	KT_ASSERT_NOT_NULL(t, a);
	KT_ASSERT_NOT_NULL(t, b);
	/* Without preemption the spinner never lets the stopper run. */
	KT_EXPECT_EQ(t, kthread_join(a), 1);
	KT_EXPECT_EQ(t, kthread_join(b), 2);
	KT_EXPECT_GT(t, spins, 0);
}

KTEST(sched, preempt_disable_defers_the_switch)
{
	unsigned long before;
	struct task_struct *other;

	/* Both threads on this CPU: the other one can only run here. */
	migrate_disable();
	other = kthread_create(spinner, NULL, "spinner");
	if (!other)
		migrate_enable();
	KT_ASSERT_NOT_NULL(t, other);
	kthread_bind(other, smp_processor_id());
	wake_up_new_task(other);
	spin_stop = false;
	preempt_disable();
	before = other->switches;
	/* Several time slices pass; the other thread must not run. */
	for (u64 end = get_jiffies_64() + 5 * TIMESLICE_TICKS; get_jiffies_64() < end;)
		cpu_relax();
	KT_EXPECT_EQ(t, other->switches, before);
	KT_EXPECT_TRUE(t, in_atomic());
	preempt_enable(); /* the pending switch happens here */
	KT_EXPECT_GT(t, other->switches, before);
	spin_stop = true;
	KT_EXPECT_EQ(t, kthread_join(other), 1);
	migrate_enable();
}

/* ---- wait queues ---- */

static DECLARE_WAIT_QUEUE_HEAD(order_wait);
static DEFINE_SPINLOCK(token_lock); /* the waiters run on any CPU */
static int tokens, woken_order[3], woken_n; /* token_lock */

static bool take_token(void)
{
	bool got = false;

	spin_lock(&token_lock);
	if (tokens > 0) {
		tokens--;
		got = true;
	}
	spin_unlock(&token_lock);
	return got;
}

static void give_tokens(int n)
{
	spin_lock(&token_lock);
	tokens += n;
	spin_unlock(&token_lock);
}

static int woken_count(void)
{
	int n;

	spin_lock(&token_lock);
	n = woken_n;
	spin_unlock(&token_lock);
	return n;
}

static int token_waiter(void *arg)
{
	wait_event(order_wait, take_token());
	spin_lock(&token_lock);
	woken_order[woken_n++] = (int)(uintptr_t)arg;
	spin_unlock(&token_lock);
	return 0;
}

/* The woken waiter may run on another CPU: give it up to 2 s to count. */
static void wait_for_woken(int n)
{
	for (u64 end = get_jiffies_64() + 2 * HZ;
	     woken_count() < n && get_jiffies_64() < end;)
		msleep(1);
}

static void wait_until_sleeping(struct task_struct *task)
{
	while (!task_sleeping(task))
		yield();
}

KTEST(wait, wake_one_is_fifo_and_wake_all_wakes_all)
{
	struct task_struct *w[3];

	tokens = woken_n = 0;
	for (int i = 0; i < 3; i++) {
		w[i] = kthread_run(token_waiter, (void *)(uintptr_t)i, "waiter");
		KT_ASSERT_NOT_NULL(t, w[i]);
		wait_until_sleeping(w[i]);
	}
	KT_EXPECT_TRUE(t, waitqueue_active(&order_wait));
	for (int i = 0; i < 3; i++) {
		give_tokens(1);
		KT_EXPECT_EQ(t, wake_up_one(&order_wait), 1);
		wait_for_woken(i + 1);
		KT_EXPECT_EQ(t, woken_count(), i + 1);
		KT_EXPECT_EQ(t, woken_order[i], i);
	}
	for (int i = 0; i < 3; i++)
		kthread_join(w[i]);

	woken_n = 0;
	for (int i = 0; i < 3; i++) {
		w[i] = kthread_run(token_waiter, (void *)(uintptr_t)i, "waiter");
		wait_until_sleeping(w[i]);
	}
	give_tokens(3);
	KT_EXPECT_EQ(t, wake_up_all(&order_wait), 3);
	for (int i = 0; i < 3; i++)
		kthread_join(w[i]);
	KT_EXPECT_EQ(t, woken_n, 3);
	KT_EXPECT_FALSE(t, waitqueue_active(&order_wait));
}

KTEST(wait, msleep_sleeps)
{
	u64 start = get_jiffies_64();

	msleep(50);
	KT_EXPECT_GE(t, jiffies - start, msecs_to_jiffies(50));
	KT_EXPECT_LT(t, jiffies - start, msecs_to_jiffies(50) + 50);
}

/* ---- mutex ---- */

static DEFINE_MUTEX(counter_mutex);
static int counter;

static int counting_thread(void *arg)
{
	(void)arg;
	for (int i = 0; i < 100; i++) {
		int v;

		mutex_lock(&counter_mutex);
		v = counter;
		yield(); /* without the mutex, others would update meanwhile */
		counter = v + 1;
		mutex_unlock(&counter_mutex);
	}
	return 0;
}

KTEST(mutex, serialises_a_read_modify_write)
{
	struct task_struct *w[3];

	counter = 0;
	for (int i = 0; i < 3; i++)
		w[i] = kthread_run(counting_thread, NULL, "counter");
	for (int i = 0; i < 3; i++)
		kthread_join(w[i]);
	KT_EXPECT_EQ(t, counter, 300);
	KT_EXPECT_FALSE(t, mutex_is_locked(&counter_mutex));
	KT_EXPECT_TRUE(t, mutex_trylock(&counter_mutex));
	KT_EXPECT_FALSE(t, mutex_trylock(&counter_mutex));
	mutex_unlock(&counter_mutex);
}

/* ---- contexts, stacks, per-CPU ---- */

static bool irq_saw_interrupt, irq_saw_atomic;

static void context_timer_fn(struct timer_list *timer)
{
	(void)timer;
	irq_saw_interrupt = in_interrupt();
	irq_saw_atomic = in_atomic();
}

KTEST(sched, context_predicates)
{
	struct timer_list timer;
	DEFINE_SPINLOCK(lock);
	unsigned long flags;

	KT_EXPECT_FALSE(t, in_interrupt());
	KT_EXPECT_FALSE(t, in_atomic());
	preempt_disable();
	KT_EXPECT_TRUE(t, in_atomic());
	preempt_enable();
	spin_lock(&lock);
	KT_EXPECT_TRUE(t, in_atomic());
	spin_unlock(&lock);
	spin_lock_irqsave(&lock, flags);
	KT_EXPECT_TRUE(t, irqs_disabled());
	spin_unlock_irqrestore(&lock, flags);
	KT_EXPECT_FALSE(t, in_atomic());
	irq_saw_interrupt = irq_saw_atomic = false;
	timer_setup(&timer, context_timer_fn);
	timer.expires = get_jiffies_64() + 1;
	add_timer(&timer);
	msleep(30);
	KT_EXPECT_TRUE(t, irq_saw_interrupt);
	KT_EXPECT_TRUE(t, irq_saw_atomic);
	KT_EXPECT_FALSE(t, timer_pending(&timer));
	del_timer_sync(&timer); /* on our stack: gone from CPU 0 before we return */
}

static int return_42(void *arg)
{
	(void)arg;
	return 42;
}

KTEST(sched, stacks_have_guard_pages)
{
	struct task_struct *task = kthread_create(return_42, NULL, "guarded");
	unsigned long guard;

	KT_ASSERT_NOT_NULL(t, task);
	guard = task->stack - PAGE_SIZE;
	KT_EXPECT_FALSE(t, kernel_address_mapped(guard));
	KT_EXPECT_TRUE(t, kernel_address_mapped(task->stack));
	KT_EXPECT_EQ(t, *(unsigned long *)task->stack, STACK_END_MAGIC);
	KT_EXPECT_EQ(t, (uintptr_t)task_for_stack_address(guard + 100),
		     (uintptr_t)task);
	wake_up_new_task(task);
	KT_EXPECT_EQ(t, kthread_join(task), 42);
	/* Freed: the guard page is back in the direct map (unless it is
	 * a free page that debug_pagealloc keeps unmapped). */
	KT_EXPECT_EQ(t, kernel_address_mapped(guard),
		     !(page_debug & PAGE_DEBUG_UNMAP));
}

/* ---- wake-ups that land before the sleeper reaches schedule() ---- */

/*
 * What an interrupt does when it lands between prepare_to_wait() and the
 * sleeper's check of its condition: wake the sleeper while it is still
 * running. The sleeper must not be queued (it is on the CPU); it becomes
 * runnable, and the run queue stays sound through the switches after.
 */
KTEST(sched, wake_up_of_a_running_sleeper_does_not_queue_it)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	DEFINE_WAIT(wait);

	prepare_to_wait(&wq, &wait);
	KT_EXPECT_EQ(t, current->state, TASK_SLEEPING);
	KT_EXPECT_EQ(t, wake_up(&wq), 1);
	KT_EXPECT_EQ(t, current->state, TASK_RUNNING);
	KT_EXPECT_FALSE(t, current->on_rq);
	KT_EXPECT_TRUE(t, current->on_cpu);
	finish_wait(&wq, &wait);
	KT_EXPECT_NULL(t, sched_check_runqueue());
	/* The same with the timer's kind of wake-up, then switches. */
	set_current_state(TASK_SLEEPING);
	KT_EXPECT_TRUE(t, wake_up_process(current));
	KT_EXPECT_FALSE(t, wake_up_process(current)); /* already awake */
	schedule(); /* runnable: returns after the others had a turn */
	yield();
	KT_EXPECT_NULL(t, sched_check_runqueue());
	KT_EXPECT_EQ(t, current->state, TASK_RUNNING);
}

/*
 * Preempted after marking itself sleeping, a thread stays queued (it has
 * not reached schedule()); a wake-up then only sets it runnable.
 */
static volatile bool marked_sleeping;
static volatile unsigned long preempted_spins;

static int sleeper_that_gets_preempted(void *arg)
{
	(void)arg;
	set_current_state(TASK_SLEEPING);
	marked_sleeping = true;
	/* Spin until the tick preempts us; the test thread wakes us. */
	while (READ_ONCE(current->state) == TASK_SLEEPING)
		preempted_spins++;
	return 7;
}

KTEST(sched, preempted_sleeper_stays_queued_and_wakes)
{
	struct task_struct *task;

	marked_sleeping = false;
	preempted_spins = 0;
	/* On this CPU: preempted by us, not running on a CPU of its own. */
	migrate_disable();
	task = kthread_create(sleeper_that_gets_preempted, NULL, "presleeper");
	if (!task)
		migrate_enable();
	KT_ASSERT_NOT_NULL(t, task);
	kthread_bind(task, smp_processor_id());
	wake_up_new_task(task);
	while (!marked_sleeping)
		yield();
	/* It ran, marked itself sleeping and was preempted: still queued. */
	KT_EXPECT_EQ(t, task->state, TASK_SLEEPING);
	KT_EXPECT_TRUE(t, task->on_rq);
	KT_EXPECT_FALSE(t, task_sleeping(task));
	KT_EXPECT_NULL(t, sched_check_runqueue());
	KT_EXPECT_TRUE(t, wake_up_process(task));
	KT_EXPECT_EQ(t, kthread_join(task), 7);
	KT_EXPECT_NULL(t, sched_check_runqueue());
	migrate_enable();
}

/*
 * Hammer the window: a thread waits on a queue again and again while
 * the timer interrupt changes the condition and wakes it on every tick.
 */
static DECLARE_WAIT_QUEUE_HEAD(tick_wait);
static volatile unsigned long tick_seq;
static struct timer_list tick_timer;
static volatile bool tick_stop;

static void tick_waker(struct timer_list *timer)
{
	tick_seq++;
	wake_up(&tick_wait);
	if (!tick_stop) {
		timer->expires = get_jiffies_64() + 1;
		add_timer(timer);
	}
}

static int tick_follower(void *arg)
{
	unsigned long rounds = (unsigned long)arg;

	for (unsigned long i = 0; i < rounds; i++) {
		unsigned long seen = tick_seq;

		wait_event(tick_wait, tick_seq != seen);
	}
	return 0;
}

KTEST(sched, wait_event_races_with_interrupt_wake_ups)
{
	struct task_struct *a, *b;

	tick_seq = 0;
	tick_stop = false;
	timer_setup(&tick_timer, tick_waker);
	tick_timer.expires = get_jiffies_64() + 1;
	add_timer(&tick_timer);
	a = kthread_run(tick_follower, (void *)30ul, "follower");
	b = kthread_run(tick_follower, (void *)30ul, "follower");
	KT_EXPECT_NOT_NULL(t, a);
	KT_EXPECT_NOT_NULL(t, b);
	if (a)
		KT_EXPECT_EQ(t, kthread_join(a), 0);
	if (b)
		KT_EXPECT_EQ(t, kthread_join(b), 0);
	tick_stop = true;
	del_timer_sync(&tick_timer);
	KT_EXPECT_GE(t, tick_seq, 30);
	KT_EXPECT_NULL(t, sched_check_runqueue());
}
