// SPDX-License-Identifier: MIT
/*
 * Threads and the round-robin scheduler (see kernel/sched.h).
 *
 * The thread table is a fixed array, as in xv6: simple to list and to
 * search (ps, the double-fault handler). The run queue is a per-CPU list
 * of ready threads; the idle thread is never on it.
 */
#define pr_fmt(fmt) "sched: " fmt

#include "kernel/sched.h"
#include "kernel/irq.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/shell.h"
#include "kernel/stacktrace.h"
#include "kernel/string.h"
#include "kernel/wait.h"
#include "highmem/highmem.h"
#include "mm/gfp.h"
#include "mm/pgtable.h"
#include <asm/cpu.h>
#include <asm/irqflags.h>

#define EFLAGS_RESERVED 0x2u

void switch_to(unsigned long *prev_esp, unsigned long next_esp);

extern char boot_stack_bottom[], boot_stack_top[], boot_stack_guard[];

DEFINE_PER_CPU(struct task_struct *, current_task);
static DEFINE_PER_CPU(struct list_head, runqueue);
static DEFINE_PER_CPU(struct task_struct *, idle_task);

static struct task_struct tasks[MAX_THREADS];
static int next_pid = 1;
static DECLARE_WAIT_QUEUE_HEAD(task_exit_wait);
unsigned long nr_context_switches;
enum system_states system_state;

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

void sched_init(void)
{
	struct task_struct *idle = &tasks[0];
	int cpu;

	for_each_possible_cpu(cpu)
		INIT_LIST_HEAD(&per_cpu(runqueue, cpu));
	idle->pid = 0;
	idle->state = TASK_RUNNING;
	strlcpy(idle->comm, "idle", sizeof(idle->comm));
	idle->stack = (unsigned long)boot_stack_bottom;
	INIT_LIST_HEAD(&idle->run_list);
	*stack_canary(idle) = STACK_END_MAGIC;
	this_cpu(idle_task) = idle;
	current = idle;
}

static void check_stack_canary(const struct task_struct *task)
{
	if (unlikely(*stack_canary(task) != STACK_END_MAGIC))
		panic("stack canary of thread %s (pid %d) at 0x%08lx "
		      "overwritten (0x%08lx): its stack overflowed", task->comm,
		      task->pid, task->stack, *stack_canary(task));
}

/* Pick the next thread and switch to it. Interrupts are off. */
static void __schedule(void)
{
	struct task_struct *prev = current, *next;
	struct list_head *rq = &this_cpu(runqueue);

	check_stack_canary(prev);
	if (prev->state == TASK_RUNNING) {
		prev->state = TASK_READY;
		if (prev != this_cpu(idle_task)) /* idle is never queued */
			list_add_tail(&prev->run_list, rq);
	}
	if (!list_empty(rq)) {
		next = list_first_entry(rq, struct task_struct, run_list);
		list_del_init(&next->run_list);
	} else {
		next = this_cpu(idle_task);
	}
	this_cpu(need_resched) = false;
	next->state = TASK_RUNNING;
	next->time_slice = TIMESLICE_TICKS;
	if (next == prev)
		return;
	next->switches++;
	nr_context_switches++;
	current = next;
	switch_to(&prev->esp, next->esp);
}

void schedule(void)
{
	unsigned long flags;

	if (unlikely(preempt_count() || in_interrupt()))
		panic("scheduling while atomic: %s (pid %d), preempt_count %u, "
		      "in_interrupt %d", current->comm, current->pid,
		      preempt_count(), in_interrupt());
	local_irq_save(flags);
	__schedule();
	local_irq_restore(flags);
}

void yield(void)
{
	schedule();
}

/*
 * A thread marked sleeping but not yet in schedule() is about to call it;
 * preempting it now would leave it off the run queue with no one to
 * wake it. So only running threads are preempted.
 */
void preempt_schedule_irq(void)
{
	if (this_cpu(need_resched) && preempt_count() == 0 &&
	    current->state == TASK_RUNNING)
		__schedule();
}

void preempt_schedule(void)
{
	if (current->state == TASK_RUNNING)
		schedule();
}

bool wake_up_process(struct task_struct *task)
{
	unsigned long flags;
	bool woken = false;

	local_irq_save(flags);
	if (task->state == TASK_SLEEPING || task->state == TASK_NEW) {
		task->state = TASK_READY;
		list_add_tail(&task->run_list, &this_cpu(runqueue));
		if (current == this_cpu(idle_task))
			this_cpu(need_resched) = true;
		woken = true;
	}
	local_irq_restore(flags);
	return woken;
}

void scheduler_tick(void)
{
	struct task_struct *task = current;

	task->ticks++;
	if (task == this_cpu(idle_task)) {
		if (!list_empty(&this_cpu(runqueue)))
			this_cpu(need_resched) = true;
	} else if (--task->time_slice <= 0) {
		this_cpu(need_resched) = true;
	}
}

/* Where a new thread starts: switch_to "returns" here. */
static __noreturn void kthread_entry(void)
{
	/* schedule() switched with interrupts off; a new thread enables them. */
	local_irq_enable();
	kthread_exit(current->fn(current->arg));
}

static struct task_struct *alloc_task_slot(void)
{
	unsigned long flags;
	struct task_struct *task = NULL;

	local_irq_save(flags);
	for (int i = 1; i < MAX_THREADS; i++)
		if (tasks[i].state == TASK_UNUSED) {
			task = &tasks[i];
			memset(task, 0, sizeof(*task));
			task->state = TASK_NEW;
			task->pid = next_pid++;
			break;
		}
	local_irq_restore(flags);
	return task;
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
	__free_pages(task->stack_page, THREAD_STACK_ORDER);
	task->stack_page = NULL;
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
		task->state = TASK_UNUSED;
		return NULL;
	}
	strlcpy(task->comm, name, sizeof(task->comm));
	task->fn = fn;
	task->arg = arg;
	INIT_LIST_HEAD(&task->run_list);
	/* The frame switch_to pops: edi, esi, ebx, ebp, return address. */
	sp = (unsigned long *)stack_top(task);
	*--sp = 0; /* kthread_entry's own "return address": ends traces */
	*--sp = (unsigned long)kthread_entry;
	*--sp = 0; /* ebp */
	*--sp = 0; /* ebx */
	*--sp = 0; /* esi */
	*--sp = 0; /* edi */
	task->esp = (unsigned long)sp;
	return task;
}

void wake_up_new_task(struct task_struct *task)
{
	wake_up_process(task);
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

	if (task == this_cpu(idle_task))
		panic("the idle thread cannot exit");
	kmap_check_none_held(task);
	local_irq_disable();
	task->exit_code = code;
	task->state = TASK_DEAD;
	wake_up(&task_exit_wait);
	__schedule();
	panic("a dead thread was scheduled again");
}

int kthread_join(struct task_struct *task)
{
	int code;

	if (task == current)
		panic("thread %s (pid %d) joins itself", task->comm, task->pid);
	wait_event(task_exit_wait, task->state == TASK_DEAD);
	code = task->exit_code;
	free_thread_stack(task);
	task->state = TASK_UNUSED;
	return code;
}

void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (this_cpu(need_resched))
			__schedule();
		/* sti; hlt: an interrupt cannot slip in between the two. */
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
	panic("BUG: sleeping function called from invalid context at %s:%d "
	      "(from %pS): in_interrupt %d, preempt_count %u, irqs_disabled "
	      "%d, thread %s (pid %d)", file, line,
	      (void *)caller_of_caller(), in_interrupt(), preempt_count(),
	      irqs_disabled(), current->comm, current->pid);
}

static const char *state_name(enum task_state state)
{
	static const char *const names[] = {
		[TASK_UNUSED] = "unused", [TASK_NEW] = "new",
		[TASK_READY] = "ready",	  [TASK_RUNNING] = "running",
		[TASK_SLEEPING] = "sleeping", [TASK_DEAD] = "dead",
	};

	return names[state];
}

static void print_task(struct task_struct *t, void *arg)
{
	unsigned long size = stack_top(t) - t->stack;
	unsigned long now = t == current ? read_esp() : t->esp;

	(void)arg;
	printk("%5d  %-9s %-15s %5lu/%5lu/%5lu  %8lu %8lu\n", t->pid,
	       state_name(t->state), t->comm, stack_top(t) - now,
	       stack_used_max(t), size, t->switches, t->ticks);
}

static int cmd_ps(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printk("  PID  STATE     NAME            STACK now/max/size    SWITCHES    TICKS\n");
	for_each_task(print_task, NULL);
	return 0;
}
SHELL_COMMAND("ps", "", "threads: state, stack use, switches", cmd_ps);
