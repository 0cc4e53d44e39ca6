/* SPDX-License-Identifier: MIT */
/*
 * Kernel threads and the scheduler.
 *
 * Every thread runs in ring 0 on its own stack: THREAD_STACK_SIZE bytes
 * from the page allocator, with an unmapped guard page below (an
 * overflow faults there and is reported as a double fault naming the
 * thread) and a canary word at the bottom checked at every switch.
 *
 * Scheduling is round robin. A thread runs until it sleeps, yields,
 * exits, or its time slice (TIMESLICE_TICKS timer ticks) runs out; the
 * timer interrupt then preempts it, unless preemption is disabled, in
 * which case preempt_enable() switches later. The boot context becomes
 * the idle thread (pid 0), which halts the CPU when nothing is ready.
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include "kernel/list.h"
#include "kernel/percpu.h"
#include "kernel/preempt.h"

#define MAX_THREADS 64
#define TASK_COMM_LEN 16
#define THREAD_STACK_ORDER 2 /* 4 pages: a guard page and 12 KiB of stack */
#define THREAD_STACK_SIZE ((PAGE_SIZE << THREAD_STACK_ORDER) - PAGE_SIZE)
#define TIMESLICE_TICKS 2
#define STACK_END_MAGIC 0x57AC6E9Du

enum task_state {
	TASK_UNUSED,   /* free slot in the thread table */
	TASK_NEW,      /* created, not started yet */
	TASK_READY,    /* on the run queue */
	TASK_RUNNING,  /* on the CPU */
	TASK_SLEEPING, /* waiting on a wait queue or a timer */
	TASK_DEAD,     /* exited; its stack waits for kthread_join */
};

struct wait_queue_head;

struct task_struct {
	int pid;
	enum task_state state;
	char comm[TASK_COMM_LEN];
	unsigned long esp;	   /* saved stack pointer while switched out */
	unsigned long stack;	   /* lowest usable stack address */
	struct page *stack_page;   /* first page of the block (the guard) */
	struct list_head run_list; /* on the run queue */
	int (*fn)(void *arg);
	void *arg;
	int exit_code;
	int time_slice;		   /* ticks left */
	unsigned long switches;	   /* times it was switched in */
	unsigned long ticks;	   /* timer ticks spent running */
	unsigned int kmap_count;   /* pkmap slots held (highmem/) */
};

DECLARE_PER_CPU(struct task_struct *, current_task);

/*
 * SYSTEM_BOOTING until start_kernel has the scheduler and interrupts
 * running: before that, nothing can sleep or be preempted anyway, and
 * might_sleep() stays quiet (as in Linux).
 */
enum system_states { SYSTEM_BOOTING, SYSTEM_RUNNING };
extern enum system_states system_state;

/* The thread running on this CPU. Context: any (in IRQ: the one interrupted). */
#define current (this_cpu(current_task))

/* Make the boot context the idle thread. Context: boot, before IRQs. */
void sched_init(void);

/*
 * kthread_create - a new thread that will run @fn(@arg), not started
 * @name: shown by `ps`; truncated to TASK_COMM_LEN - 1
 * Context: thread or boot. May sleep (allocates the stack).
 * Return: the thread, or NULL (no memory or no free slot).
 */
struct task_struct *kthread_create(int (*fn)(void *arg), void *arg,
				   const char *name);

/* Start a thread made by kthread_create. Context: any. */
void wake_up_new_task(struct task_struct *task);

/* kthread_create + wake_up_new_task. */
struct task_struct *kthread_run(int (*fn)(void *arg), void *arg,
				const char *name);

/* End the calling thread with @code (returning from fn does the same). */
__noreturn void kthread_exit(int code);

/*
 * kthread_join - wait for @task to exit, free its stack and slot.
 * Context: thread; may sleep. Return: the thread's exit code.
 */
int kthread_join(struct task_struct *task);

/*
 * schedule - switch to the next ready thread (or idle). The caller has
 * set its state first if it wants to sleep. Context: thread, with
 * preemption enabled (panics otherwise: "scheduling while atomic").
 */
void schedule(void);

/* Give the CPU to the next ready thread, staying ready. Context: thread. */
void yield(void);

/* Make a sleeping thread ready. Context: any. Return: true if it slept. */
bool wake_up_process(struct task_struct *task);

/* Called by the timer interrupt each tick: time slices and accounting. */
void scheduler_tick(void);

/* Called on the way out of an interrupt: preempt if asked and allowed. */
void preempt_schedule_irq(void);

/* Called by preempt_enable when the tick asked for a switch meanwhile. */
void preempt_schedule(void);

/* The idle loop. Context: the boot thread, once. */
__noreturn void cpu_idle(void);

/* The thread whose guard page (or stack) holds @addr, or NULL. */
struct task_struct *task_for_stack_address(unsigned long addr);

/* Call @fn for every thread in the table (for ps and tests). */
void for_each_task(void (*fn)(struct task_struct *task, void *arg), void *arg);

/* Bytes of stack the thread has ever used (high-water mark). */
unsigned long stack_used_max(const struct task_struct *task);

/* Context switches so far, all threads. */
extern unsigned long nr_context_switches;

/*
 * might_sleep - panic, naming the caller, if sleeping is not allowed
 * here (interrupt handler, preemption disabled, spinlock held,
 * interrupts off). Put it at the top of every function that may sleep.
 */
#define might_sleep() __might_sleep(__FILE__, __LINE__)
void __might_sleep(const char *file, int line);

#endif /* KERNEL_SCHED_H */
