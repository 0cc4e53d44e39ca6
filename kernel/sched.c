// SPDX-License-Identifier: MIT
/*
 * Threads and the round-robin scheduler (see kernel/sched.h).
 *
 * The thread table is a fixed array, as in xv6: simple to list and to
 * search (ps, the double-fault handler). Each CPU has a run queue of
 * threads that are ready and waiting for it; the thread on the CPU and
 * the idle thread are never on it. Threads move between CPUs in three
 * places only, each time while on no CPU:
 *
 *   - a wake-up puts a thread on an idle CPU when its own is busy;
 *   - an idle CPU pulls a waiting thread from the busiest queue;
 *   - the tick pulls one when another queue is longer by two or more.
 *
 * A thread pinned with kthread_bind(), or inside migrate_disable(),
 * stays where it is. docs/smp.md says why per-CPU queues and not one.
 *
 * Locking: rq->lock (interrupts off) guards a run queue and the on_rq,
 * on_cpu, cpu and state transitions of the threads that use it;
 * task_rq_lock() finds and locks a thread's queue even while the thread
 * moves. A wake-up takes wait-queue locks first, then run-queue locks,
 * never the other way round; two run-queue locks are taken in CPU
 * order. __schedule() takes the lock and the next thread releases it
 * after the switch (finish_task_switch), so no other CPU sees a thread
 * half switched out. tasks_lock guards the thread table's slots.
 */
#define pr_fmt(fmt) "sched: " fmt

#include "kernel/sched.h"
#include "kernel/irq.h"
#include "kernel/debug/panic.h"
#include "kernel/preempt.h"
#include "kernel/printk.h"
#include "kernel/spinlock.h"
#include <asm/stacktrace.h>
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/timer.h"
#include "kernel/wait.h"
#include "highmem/highmem.h"
#include "mm/gfp.h"
#include "kernel/smp.h"
#include <asm/pgtable.h>
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <asm/desc.h>
#include "mm/mmap.h"

struct rq {
	spinlock_t lock;
	struct list_head queue;	  /* ready threads, in the order they run */
	unsigned int nr_queued;
	unsigned int cpu;
	struct task_struct *idle; /* runs when the queue is empty */
	struct task_struct *curr; /* the thread on the CPU */
	unsigned long switches;	  /* context switches on this CPU */
	unsigned long pulled;	  /* threads moved here by the balancer */
	unsigned long balance_tick; /* ticks until the tick looks again */
};

#define BALANCE_INTERVAL_TICKS 4 /* the busy CPUs' look at the others */

asmlinkage struct task_struct *switch_to(unsigned long *prev_esp, unsigned long next_esp,
			      struct task_struct *prev);
void ret_from_kthread(void);
asmlinkage __noreturn void kthread_start(struct task_struct *prev);

extern char boot_stack_bottom[], boot_stack_top[], boot_stack_guard[];

DEFINE_PER_CPU(struct task_struct *, current_task);
static DEFINE_PER_CPU(struct rq, runqueues);

static struct task_struct tasks[MAX_THREADS];
static DEFINE_SPINLOCK(tasks_lock);
static int next_pid = 1;
static DECLARE_WAIT_QUEUE_HEAD(task_exit_wait);
enum system_states system_state;

static struct rq *this_rq(void)
{
	return this_cpu_ptr(runqueues);
}

static struct rq *task_rq(const struct task_struct *task)
{
	return &per_cpu(runqueues, task->cpu);
}

static unsigned long *stack_canary(const struct task_struct *task)
{
	return (unsigned long *)task->stack;
}

static unsigned long stack_top(const struct task_struct *task)
{
	return task->stack + (task == tasks ? (unsigned long)(boot_stack_top -
							      boot_stack_bottom)
					    : THREAD_STACK_SIZE);
}

/* Make @idle CPU @cpu's idle thread, the one running there now. */
static void init_idle(struct task_struct *idle, unsigned int cpu)
{
	struct rq *rq = &per_cpu(runqueues, cpu);

	idle->pid = 0;
	idle->state = TASK_RUNNING;
	idle->on_cpu = true;
	idle->cpu = cpu;
	idle->cpus_allowed = 1u << cpu;
	snprintf(idle->comm, sizeof(idle->comm), "idle/%u", cpu);
	INIT_LIST_HEAD(&idle->run_list);
	*stack_canary(idle) = STACK_END_MAGIC;
	rq->idle = idle;
	rq->curr = idle;
}

void sched_init(void)
{
	struct task_struct *idle = &tasks[0];
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct rq *rq = &per_cpu(runqueues, cpu);

		spin_lock_init(&rq->lock, "rq->lock");
		INIT_LIST_HEAD(&rq->queue);
		rq->cpu = cpu;
		rq->balance_tick = BALANCE_INTERVAL_TICKS;
	}
	idle->stack = (unsigned long)boot_stack_bottom;
	init_idle(idle, smp_processor_id());
	current = idle;
}

static void check_stack_canary(const struct task_struct *task)
{
	if (unlikely(*stack_canary(task) != STACK_END_MAGIC))
		panic("stack canary of thread %s (pid %d) at 0x%08lx "
		      "overwritten (0x%08lx): its stack overflowed", task->comm,
		      task->pid, task->stack, *stack_canary(task));
}

/* ---- the run queue; rq->lock held ---- */

static void enqueue_task(struct rq *rq, struct task_struct *task)
{
	/* The bug this kernel once had: a thread linked twice hangs the queue. */
	if (unlikely(task->on_rq || task == rq->idle))
		panic("enqueue of thread %s (pid %d): %s", task->comm,
		      task->pid, task->on_rq ? "already on the run queue" :
					       "the idle thread is never queued");
	list_add_tail(&task->run_list, &rq->queue);
	task->on_rq = true;
	rq->nr_queued++;
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *next;

	if (list_empty(&rq->queue))
		return rq->idle;
	next = list_first_entry(&rq->queue, struct task_struct, run_list);
	list_del_init(&next->run_list);
	next->on_rq = false;
	rq->nr_queued--;
	return next;
}

/*
 * The second half of a switch, run by the thread switched to: the one
 * before it is off the CPU now, on its own stack no more.
 */
static void finish_task_switch(struct task_struct *prev)
{
	WRITE_ONCE(prev->on_cpu, false);
	kmap_local_sched_in(current);
}

/*
 * Pick the next thread and switch to it. Interrupts are off.
 *
 * A thread that calls schedule() itself leaves the run queue unless it
 * is runnable. A preempted thread (@preempt) always stays queued, even
 * if it had already marked itself sleeping: it has not reached its
 * schedule() yet, and will call it (or find itself woken) when it runs
 * again. Without that rule it would sleep with nobody to wake it.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();

	check_stack_canary(prev);
	spin_lock(&rq->lock);
	if (prev != rq->idle && (preempt || prev->state == TASK_RUNNING))
		enqueue_task(rq, prev);
	next = pick_next_task(rq);
	clear_need_resched_local();
	next->time_slice = TIMESLICE_TICKS;
	if (next != prev) {
		next->on_cpu = true;
		next->switches++;
		rq->switches++;
		rq->curr = next;
		kmap_local_sched_out(prev);
		if (prev->is_process)
			fpu_save(&prev->fpu);
		if (next->is_process)
			fpu_restore(&next->fpu);
		switch_mm_irqs_off(next->mm);
		set_kernel_stack(stack_top(next));
		load_tls(next->tls_desc);
		current = next;
		prev = switch_to(&prev->esp, next->esp, prev);
		/*
		 * We are back, perhaps on another CPU than the one we left
		 * (a balancer moved us): the lock to release is this CPU's,
		 * taken by whoever switched to us here.
		 */
		rq = this_rq();
		finish_task_switch(prev);
	}
	spin_unlock(&rq->lock);
}

void schedule(void)
{
	unsigned long flags;

	if (unlikely(preempt_count() || in_interrupt())) {
		lock_debug_show_held();
		panic("scheduling while atomic: %s (pid %d), preempt_count %u, "
		      "in_interrupt %d", current->comm, current->pid,
		      preempt_count(), in_interrupt());
	}
	local_irq_save(flags);
	__schedule(false);
	local_irq_restore(flags);
}

void yield(void)
{
	schedule();
}

void preempt_schedule_irq(void)
{
	/*
	 * Not from a nested interrupt's exit: the outer handler's kmap slots
	 * would be saved as the thread's.
	 */
	if (this_cpu(need_resched) && preempt_count() == 0 && !in_interrupt())
		__schedule(true);
}

void preempt_schedule(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__schedule(true);
	local_irq_restore(flags);
}

/* Lock the run queue @task uses; it may move until the lock is ours. */
static struct rq *task_rq_lock(struct task_struct *task, unsigned long *flags)
{
	for (;;) {
		struct rq *rq = task_rq(task);

		spin_lock_irqsave(&rq->lock, *flags);
		if (rq == task_rq(task))
			return rq;
		spin_unlock_irqrestore(&rq->lock, *flags);
	}
}

static bool cpu_allowed(const struct task_struct *task, unsigned int cpu)
{
	return cpu_online(cpu) && (task->cpus_allowed & (1u << cpu));
}

/* A hint, read without the queue's lock: nothing runs or waits there. */
static bool rq_idle(const struct rq *rq)
{
	return READ_ONCE(rq->curr) == rq->idle && !READ_ONCE(rq->nr_queued);
}

/*
 * Where a waking thread should run: its own CPU if that is idle (its
 * cache may still hold its data), else an idle CPU it may use, else its
 * own CPU's queue anyway.
 */
static unsigned int select_task_rq(const struct task_struct *task)
{
	unsigned int cpu;

	if (task_pinned(task))
		return task->cpu;
	if (cpu_allowed(task, task->cpu) && rq_idle(task_rq(task)))
		return task->cpu;
	for_each_online_cpu(cpu)
		if (cpu_allowed(task, cpu) && rq_idle(&per_cpu(runqueues, cpu)))
			return cpu;
	return task->cpu;
}

/* Tell @rq's CPU to reschedule: at once here, by an IPI elsewhere. */
static void resched_rq(struct rq *rq)
{
	if (rq->cpu == smp_processor_id()) {
		set_need_resched_local();
		return;
	}
	WRITE_ONCE(per_cpu(need_resched, rq->cpu), true);
	smp_send_reschedule(rq->cpu);
}

/*
 * Queue @task, which is runnable and on no CPU or queue, on the CPU
 * select_task_rq picks. Called with @rq, @task's queue, locked; returns
 * with the queue it landed on locked instead.
 */
static struct rq *activate_task(struct rq *rq, struct task_struct *task)
{
	unsigned int cpu = select_task_rq(task);

	if (cpu != task->cpu) {
		/* Runnable but on no queue: other wakers leave it alone. */
		task->cpu = cpu;
		spin_unlock(&rq->lock);
		rq = task_rq(task);
		spin_lock(&rq->lock);
	}
	enqueue_task(rq, task);
	if (rq->curr == rq->idle)
		resched_rq(rq);
	return rq;
}

bool wake_up_process(struct task_struct *task)
{
	unsigned long flags;
	bool woken = false;
	struct rq *rq = task_rq_lock(task, &flags);

	if (task->state == TASK_SLEEPING) {
		task->state = TASK_RUNNING;
		/*
		 * Still on its CPU (between its state change and its
		 * schedule()) or preempted there: it runs on by itself.
		 */
		if (!task->on_rq && !task->on_cpu)
			rq = activate_task(rq, task);
		woken = true;
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	return woken;
}

void wake_up_new_task(struct task_struct *task)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(task, &flags);

	if (task->state != TASK_NEW)
		panic("wake_up_new_task of thread %s (pid %d), which is not "
		      "new", task->comm, task->pid);
	task->state = TASK_RUNNING;
	rq = activate_task(rq, task);
	spin_unlock_irqrestore(&rq->lock, flags);
}

void kthread_bind(struct task_struct *task, unsigned int cpu)
{
	if (task->state != TASK_NEW)
		panic("kthread_bind of thread %s (pid %d), which has started",
		      task->comm, task->pid);
	if (!cpu_online(cpu))
		panic("kthread_bind of thread %s (pid %d) to CPU %u, which is "
		      "not online", task->comm, task->pid, cpu);
	task->cpu = cpu;
	task->cpus_allowed = 1u << cpu;
}

void migrate_enable_underflow(void)
{
	panic("migrate_enable without migrate_disable in thread %s (pid %d)",
	      current->comm, current->pid);
}

/* ---- the balancer ---- */

static unsigned int rq_load(const struct rq *rq)
{
	return READ_ONCE(rq->nr_queued) + (READ_ONCE(rq->curr) != rq->idle);
}

/* Lock two run queues, the lower CPU's first, interrupts already off. */
static void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a->cpu > b->cpu) {
		struct rq *t = a;

		a = b;
		b = t;
	}
	spin_lock(&a->lock);
	spin_lock(&b->lock);
}

static void double_rq_unlock(struct rq *a, struct rq *b)
{
	spin_unlock(&a->lock);
	spin_unlock(&b->lock);
}

/* The first thread waiting on @src that may run on @dst's CPU. */
static struct task_struct *pick_migratable(struct rq *src, struct rq *dst)
{
	struct task_struct *task;

	list_for_each_entry(task, &src->queue, run_list)
		if (!task->on_cpu && !task_pinned(task) &&
		    cpu_allowed(task, dst->cpu))
			return task;
	return NULL;
}

/*
 * Pull one waiting thread to @dst from the busiest other queue, if that
 * one's load is at least @margin above ours. Interrupts off.
 */
static bool pull_one_task(struct rq *dst, unsigned int margin)
{
	struct rq *src = NULL;
	struct task_struct *task = NULL;
	unsigned int cpu, load = 0;

	for_each_online_cpu(cpu) {
		struct rq *rq = &per_cpu(runqueues, cpu);

		if (rq != dst && READ_ONCE(rq->nr_queued) &&
		    rq_load(rq) > load) {
			src = rq;
			load = rq_load(rq);
		}
	}
	if (!src || load < rq_load(dst) + margin)
		return false;
	double_rq_lock(dst, src);
	if (src->nr_queued)
		task = pick_migratable(src, dst);
	if (task) {
		list_del_init(&task->run_list);
		task->on_rq = false;
		src->nr_queued--;
		task->cpu = dst->cpu;
		enqueue_task(dst, task);
		dst->pulled++;
	}
	double_rq_unlock(dst, src);
	return task != NULL;
}

static DEFINE_PER_CPU(unsigned long[NR_CPUTIME], cpu_times);

/* Charge this tick to @task and to this CPU's times. */
static void account_tick(struct task_struct *task, struct rq *rq, bool user)
{
	enum cpu_time kind;

	task->ticks++;
	if (user) {
		task->utime++;
		kind = CPUTIME_USER;
	} else {
		task->stime++;
		/* 1 is the tick's own handler; more: it interrupted one. */
		if (this_cpu(hardirq_count) > 1)
			kind = CPUTIME_IRQ;
		else if (task == rq->idle)
			kind = CPUTIME_IDLE;
		else
			kind = CPUTIME_SYSTEM;
	}
	/* Through a plain pointer: GCC drops __seg_fs on an array index. */
	(*this_cpu_ptr(cpu_times))[kind]++;
}

unsigned long cpu_time_ticks(unsigned int cpu, enum cpu_time kind)
{
	return READ_ONCE(per_cpu(cpu_times, cpu)[kind]);
}

void scheduler_tick(bool user)
{
	struct task_struct *task = current;
	struct rq *rq = this_rq();

	account_tick(task, rq, user);
	preempt_check_sane();
	if (task == rq->idle) {
		/* The idle loop pulls from the others' queues. */
		set_need_resched_local();
	} else if (--task->time_slice <= 0) {
		set_need_resched_local();
	}
	if (--rq->balance_tick == 0) {
		rq->balance_tick = BALANCE_INTERVAL_TICKS;
		if (task != rq->idle && pull_one_task(rq, 2))
			set_need_resched_local();
	}
}

unsigned int nr_running(void)
{
	unsigned int sum = 0, cpu;

	for_each_online_cpu(cpu)
		sum += rq_load(&per_cpu(runqueues, cpu));
	return sum;
}

unsigned int nr_threads(void)
{
	unsigned int n = 0;

	for (int i = 0; i < MAX_THREADS; i++)
		n += READ_ONCE(tasks[i].state) != TASK_UNUSED;
	return n;
}

int last_pid(void)
{
	return READ_ONCE(next_pid) - 1;
}

unsigned long nr_context_switches(void)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += READ_ONCE(per_cpu(runqueues, cpu).switches);
	return sum;
}

bool task_sleeping(const struct task_struct *task)
{
	return READ_ONCE(task->state) == TASK_SLEEPING &&
	       !READ_ONCE(task->on_rq) && !READ_ONCE(task->on_cpu);
}

const char *sched_check_runqueue(void)
{
	static char why[96];
	struct rq *rq = this_rq();
	const char *bad = NULL;
	struct task_struct *task;
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&rq->lock, flags);
	list_for_each_entry(task, &rq->queue, run_list) {
		if (++n > MAX_THREADS) {
			bad = "the queue loops (a thread linked twice)";
			break;
		}
		if (!task->on_rq || task->on_cpu || task == rq->idle ||
		    (task->state != TASK_RUNNING &&
		     task->state != TASK_SLEEPING)) {
			snprintf(why, sizeof(why), "thread %s (pid %d) is queued "
				 "with on_rq %d, on_cpu %d, state %d",
				 task->comm, task->pid, task->on_rq,
				 task->on_cpu, task->state);
			bad = why;
			break;
		}
	}
	if (!bad && n != rq->nr_queued) {
		snprintf(why, sizeof(why), "%u threads queued, nr_queued %u", n,
			 rq->nr_queued);
		bad = why;
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	return bad;
}

/* ---- threads ---- */

/*
 * Where a new thread starts (ret_from_kthread calls it): finish the
 * switch that __schedule began in @prev, then run the thread's function.
 */
asmlinkage void kthread_start(struct task_struct *prev)
{
	finish_task_switch(prev);
	spin_unlock(&this_rq()->lock);
	/* __schedule switched with interrupts off; a new thread enables them. */
	local_irq_enable();
	kthread_exit(current->fn(current->arg));
}

static struct task_struct *alloc_task_slot(void)
{
	struct task_struct *task = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasks_lock, flags);
	for (int i = 1; i < MAX_THREADS; i++)
		if (tasks[i].state == TASK_UNUSED) {
			task = &tasks[i];
			memset(task, 0, sizeof(*task));
			task->state = TASK_NEW;
			task->pid = next_pid++;
			task->start_time = get_jiffies_64();
			break;
		}
	spin_unlock_irqrestore(&tasks_lock, flags);
	return task;
}

static void free_task_slot(struct task_struct *task)
{
	unsigned long flags;

	spin_lock_irqsave(&tasks_lock, flags);
	task->state = TASK_UNUSED;
	spin_unlock_irqrestore(&tasks_lock, flags);
}

/*
 * The stack block: the lowest page is unmapped from the direct map as a
 * guard; the rest is zeroed (for the high-water mark) with the canary at
 * the bottom.
 */
static bool alloc_thread_stack(struct task_struct *task)
{
	struct page *page = alloc_pages(GFP_KERNEL, THREAD_STACK_ORDER);
	unsigned long base;

	if (!page)
		return false;
	__set_page_type(page, PGTY_kstack);
	base = (unsigned long)lowmem_page_address(page);
	kernel_unmap_page(base);
	task->stack_page = page;
	task->stack = base + PAGE_SIZE;
	memset((void *)task->stack, 0, THREAD_STACK_SIZE);
	*stack_canary(task) = STACK_END_MAGIC;
	return true;
}

static void free_thread_stack(struct task_struct *task)
{
	unsigned long guard = task->stack - PAGE_SIZE;

	kernel_map_page(guard, page_to_phys(task->stack_page), PAGE_KERNEL);
	__clear_page_type(task->stack_page);
	__free_pages(task->stack_page, THREAD_STACK_ORDER);
	task->stack_page = NULL;
}

struct task_struct *idle_thread_create(unsigned int cpu)
{
	struct task_struct *idle = alloc_task_slot();

	if (!idle)
		return NULL;
	if (!alloc_thread_stack(idle)) {
		free_task_slot(idle);
		return NULL;
	}
	init_idle(idle, cpu);
	return idle;
}

void sched_init_secondary(void)
{
	current = this_rq()->idle;
}

struct task_struct *kthread_create(int (*fn)(void *arg), void *arg,
				   const char *name)
{
	struct task_struct *task;
	unsigned long *sp;

	might_sleep();
	task = alloc_task_slot();
	if (!task)
		return NULL;
	if (!alloc_thread_stack(task)) {
		free_task_slot(task);
		return NULL;
	}
	strlcpy(task->comm, name, sizeof(task->comm));
	task->fn = fn;
	task->arg = arg;
	task->cpu = smp_processor_id();
	task->cpus_allowed = ~0u;
	INIT_LIST_HEAD(&task->run_list);
	INIT_LIST_HEAD(&task->children);
	INIT_LIST_HEAD(&task->sibling);
	/*
	 * The frame switch_to pops: edi, esi, ebx, ebp, return address;
	 * above it, room for the user registers (task_pt_regs).
	 */
	sp = (unsigned long *)task_pt_regs(task);
	*--sp = 0; /* ret_from_kthread's own "return address": ends traces */
	*--sp = (unsigned long)ret_from_kthread;
	*--sp = 0; /* ebp */
	*--sp = 0; /* ebx */
	*--sp = 0; /* esi */
	*--sp = 0; /* edi */
	task->esp = (unsigned long)sp;
	return task;
}

struct pt_regs *task_pt_regs(struct task_struct *task)
{
	return (struct pt_regs *)stack_top(task) - 1;
}

struct task_struct *find_task_by_pid(int pid)
{
	for (int i = 1; i < MAX_THREADS; i++)
		if (READ_ONCE(tasks[i].state) != TASK_UNUSED &&
		    tasks[i].pid == pid)
			return &tasks[i];
	return NULL;
}

struct task_struct *kthread_run(int (*fn)(void *arg), void *arg,
				const char *name)
{
	struct task_struct *task = kthread_create(fn, arg, name);

	if (task)
		wake_up_new_task(task);
	return task;
}

void kthread_exit(int code)
{
	struct task_struct *task = current;

	if (task == this_rq()->idle)
		panic("the idle thread cannot exit");
	kmap_check_none_held(task);
	local_irq_disable();
	task->exit_code = code;
	/* No waker touches a dead thread: wake_up_process wants TASK_SLEEPING. */
	set_current_state(TASK_DEAD);
	wake_up(&task_exit_wait);
	__schedule(false);
	panic("a dead thread was scheduled again");
}

int kthread_join(struct task_struct *task)
{
	int code;

	if (task == current)
		panic("thread %s (pid %d) joins itself", task->comm, task->pid);
	wait_event(task_exit_wait, READ_ONCE(task->state) == TASK_DEAD);
	/* Its last switch may still be running on another CPU's stack. */
	while (READ_ONCE(task->on_cpu))
		cpu_relax();
	code = task->exit_code;
	free_thread_stack(task);
	free_task_slot(task);
	return code;
}

void kthread_free_unstarted(struct task_struct *task)
{
	if (task->state != TASK_NEW)
		panic("kthread_free_unstarted of thread %s (pid %d), which has "
		      "started", task->comm, task->pid);
	free_thread_stack(task);
	free_task_slot(task);
}

void cpu_idle(void)
{
	struct rq *rq = this_rq();

	for (;;) {
		local_irq_disable();
		clear_need_resched_local();
		if (READ_ONCE(rq->nr_queued) || pull_one_task(rq, 1)) {
			__schedule(false);
			continue;
		}
		/*
		 * sti; hlt: an interrupt cannot slip in between the two, so
		 * a wake-up's IPI that came after the check above ends the
		 * halt instead of being missed.
		 */
		safe_halt();
	}
}

struct task_struct *task_for_stack_address(unsigned long addr)
{
	for (int i = 0; i < MAX_THREADS; i++) {
		struct task_struct *t = &tasks[i];
		unsigned long guard = t->stack - PAGE_SIZE;

		if (t->state == TASK_UNUSED)
			continue;
		if (i == 0)
			guard = (unsigned long)boot_stack_guard;
		if (addr >= guard && addr < stack_top(t))
			return t;
	}
	return NULL;
}

void for_each_task(void (*fn)(struct task_struct *task, void *arg), void *arg)
{
	for (int i = 0; i < MAX_THREADS; i++)
		if (tasks[i].state != TASK_UNUSED)
			fn(&tasks[i], arg);
}

unsigned long stack_used_max(const struct task_struct *task)
{
	const unsigned long *p = stack_canary(task) + 1;
	const unsigned long *top = (const unsigned long *)stack_top(task);

	while (p < top && *p == 0)
		p++;
	return (unsigned long)top - (unsigned long)p;
}

/* Return address of the caller's caller, read through the frame chain. */
static __noinline unsigned long caller_of_caller(void)
{
	unsigned long *fp = __builtin_frame_address(0);

	fp = (unsigned long *)fp[0]; /* __might_sleep's frame */
	if (!kernel_address_mapped((unsigned long)fp) ||
	    !kernel_address_mapped((unsigned long)(fp + 1)))
		return 0;
	fp = (unsigned long *)fp[0]; /* the function that called might_sleep */
	if (!kernel_address_mapped((unsigned long)(fp + 1)))
		return 0;
	return fp[1];
}

void __might_sleep(const char *file, int line)
{
	if (likely(!in_atomic() && !irqs_disabled()) ||
	    system_state == SYSTEM_BOOTING)
		return;
	lock_debug_show_held(); /* with lock_debug: which spinlock, from where */
	panic("BUG: sleeping function called from invalid context at %s:%d "
	      "(from %pS): in_interrupt %d, preempt_count %u, irqs_disabled "
	      "%d, thread %s (pid %d)", file, line,
	      (void *)caller_of_caller(), in_interrupt(), preempt_count(),
	      irqs_disabled(), current->comm, current->pid);
}

/* What ps shows: a runnable thread is "running" on a CPU, else "ready". */
static const char *state_name(const struct task_struct *task)
{
	switch (task->state) {
	case TASK_NEW:
		return "new";
	case TASK_RUNNING:
		return task->on_cpu ? "running" : "ready";
	case TASK_SLEEPING:
		return "sleeping";
	case TASK_DEAD:
		return "dead";
	default:
		return "unused";
	}
}

static void print_task(struct task_struct *t, void *arg)
{
	unsigned long size = stack_top(t) - t->stack;
	unsigned long now = t == current ? read_esp() : READ_ONCE(t->esp);
	char cpu[8];

	(void)arg;
	/* "2*": pinned there (kthread_bind). */
	snprintf(cpu, sizeof(cpu), "%u%s", READ_ONCE(t->cpu),
		 t->pid && t->cpus_allowed != ~0u ? "*" : "");
	/* Another CPU's running thread: its saved esp is stale. */
	if (READ_ONCE(t->on_cpu) && t != current)
		printk("%5d  %-9s %-15s %3s      -/%5lu/%5lu  %8lu %8lu\n",
		       t->pid, state_name(t), t->comm, cpu, stack_used_max(t),
		       size, t->switches, t->ticks);
	else
		printk("%5d  %-9s %-15s %3s  %5lu/%5lu/%5lu  %8lu %8lu\n",
		       t->pid, state_name(t), t->comm, cpu, stack_top(t) - now,
		       stack_used_max(t), size, t->switches, t->ticks);
}

void sched_show_tasks(void)
{
	printk("  PID  STATE     NAME            CPU  STACK now/max/size    SWITCHES    TICKS\n");
	for_each_task(print_task, NULL);
}
