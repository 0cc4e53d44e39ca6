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
 *
 * The state of a thread and where it is are kept apart, as in Linux:
 *
 *   state    TASK_RUNNING (runnable), TASK_SLEEPING, TASK_NEW, TASK_DEAD
 *   on_rq    linked on a run queue, waiting for a CPU
 *   on_cpu   executing on a CPU (from the switch in until the switch out
 *            is complete)
 *
 * A thread that goes to sleep first sets its state, then checks its
 * condition, then calls schedule(); a waker sets the state back to
 * TASK_RUNNING under the run-queue lock and queues the thread only if it
 * is neither queued nor on a CPU. So a wake-up that lands between the
 * sleeper's state change and its schedule() is never lost, and a running
 * thread is never queued.
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include "kernel/debug/lock_debug.h"
#include "kernel/lib/list.h"
#include "kernel/percpu.h"
#include "kernel/preempt.h"
#include <asm/barrier.h>
#include <asm/fixmap.h>
#include <asm/fpu.h>

#define MAX_THREADS 64
#define TASK_COMM_LEN 16
#define THREAD_STACK_ORDER 2 /* 4 pages: a guard page and 12 KiB of stack */
#define THREAD_STACK_SIZE ((PAGE_SIZE << THREAD_STACK_ORDER) - PAGE_SIZE)
#define TIMESLICE_TICKS 2
#define STACK_END_MAGIC 0x57AC6E9Du

enum task_state {
	TASK_UNUSED,   /* free slot in the thread table */
	TASK_NEW,      /* created, not started yet */
	TASK_RUNNING,  /* runnable: on a CPU, or on a run queue */
	TASK_SLEEPING, /* waiting on a wait queue or a timer */
	TASK_DEAD,     /* exited; its stack waits for kthread_join */
};

struct wait_queue_head;
struct mm_struct;
struct files_struct;
struct dentry;
struct sighand_struct;
struct spawn_opts;

/*
 * A thread's kmap_local mappings while it is off its CPU (highmem/
 * kmap_local.c). Switching out saves the PTEs of the CPU's slots in use
 * here and clears them; switching in writes them back into the same
 * slots of the same CPU (the thread cannot migrate meanwhile).
 */
struct kmap_ctrl {
	int nr;			 /* slots saved: 0 while on the CPU */
	unsigned int cpu;	 /* the CPU whose slots they are */
	u64 slept_at;		 /* jiffies when it went to sleep with them */
	bool reported;		 /* kmap.debug reported this sleep already */
	u64 pteval[KM_MAX_IDX]; /* slot i's PTE */
};

struct task_struct {
	int pid;
	enum task_state state;	   /* written by the thread and by wakers */
	bool on_rq;		   /* on a run queue (rq->lock) */
	bool on_cpu;		   /* executing (rq->lock) */
	unsigned int cpu;	   /* the CPU whose run queue it uses */
	u32 cpus_allowed;	   /* the CPUs it may run on (kthread_bind) */
	unsigned int migration_disabled; /* migrate_disable() depth */
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
	unsigned long utime;	   /* of those, ticks that hit user mode */
	unsigned long stime;	   /* and ticks that hit the kernel */
	u64 start_time;		   /* jiffies when it was created */
	unsigned int kmap_count;   /* pkmap slots held (highmem/) */
	struct kmap_ctrl kmap_ctrl; /* kmap_local slots while switched out */
	struct held_locks held_mutexes; /* lock_debug: the mutexes it owns */

	/*
	 * A user process (kernel/proc/): all zero for a kernel thread. The
	 * family links and the zombie state are under tasklist_lock; the
	 * rest belongs to the task itself.
	 */
	struct mm_struct *mm;		/* its address space */
	struct files_struct *files;	/* its descriptors */
	struct dentry *cwd;		/* its working directory (NULL: "/") */
	unsigned int umask;		/* its file-creation mask */
	struct sighand_struct *sighand; /* its signal actions */
	struct task_struct *parent;	/* who waits for it; NULL: the reaper */
	struct list_head children;	/* its children (sibling links) */
	struct list_head sibling;	/* in the parent's children */
	bool is_process;		/* runs (or will run) in user mode */
	bool zombie;			/* exited; waits for wait4 */
	bool in_vfork;			/* a vfork child before exec or exit */
	int wait_status;		/* for wait4: exit code << 8, or signal */
	unsigned long exit_hiwater[2];	/* its peak RSS: lowmem, HighMem pages */
	u64 sig_pending;		/* signals sent, bit n-1 for signal n */
	u64 sig_blocked;		/* rt_sigprocmask's mask */
	int pgrp;			/* its process group (tasklist_lock) */
	int session;			/* its session (tasklist_lock) */
	long syscall_nr;		/* the call being run, for its restart; -1: none */
	u64 saved_sigmask;		/* sigsuspend's caller's mask, back after the handler */
	bool restore_sigmask;		/* saved_sigmask is to be put back */
	bool stopped;			/* job control: sleeps until SIGCONT (siglock) */
	unsigned int cont_seq;		/* SIGCONTs sent to it so far (siglock) */
	unsigned int stop_cont_seq;	/* cont_seq when it took a stop signal */
	int jobctl_report;		/* wait4's stop or continue status; 0: none (tasklist_lock) */
	u64 restart_deadline;		/* restart_syscall: the nanosleep's end, 0: none */
	unsigned long restart_urem;	/* and where its remaining time goes */
	bool restart_t64;		/* as a 64-bit timespec */
	unsigned long sas_ss_sp;	/* sigaltstack's base, 0: none */
	unsigned long sas_ss_size;	/* and its size in bytes */
	u64 tls_desc;			/* set_thread_area's segment descriptor */
	unsigned long clear_child_tid;	/* set_tid_address */
	const struct spawn_opts *spawn_opts; /* its first exec's (process_spawn_opts) */
	struct fpu_state fpu;		/* x87/SSE registers while switched out */
};

/**
 * signal_pending - has @task a signal to act on (sent and not blocked)?
 * @task: a thread
 *
 * Interruptible sleeps end early when it does.
 * Context: any. Return: true if so.
 */
static inline bool signal_pending(const struct task_struct *task)
{
	return READ_ONCE(task->sig_pending) & ~task->sig_blocked;
}

/**
 * task_pt_regs - the user registers saved at the top of @task's stack
 * @task: a thread other than an idle thread
 *
 * Every entry from user mode saves them there (the TSS's esp0 is the top
 * of the running thread's stack); a kernel thread's is unused.
 * Context: any. Return: the frame.
 */
struct pt_regs *task_pt_regs(struct task_struct *task);

/**
 * find_task_by_pid - the thread with pid @pid
 * @pid: a pid
 *
 * Context: any; a snapshot (the slot may be reused once it is reaped).
 * Return: the thread, or NULL.
 */
struct task_struct *find_task_by_pid(int pid);

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

/*
 * Set the calling thread's state. The set_ form orders the store before
 * the loads that follow (the sleeper's check of its condition), so that
 * a waker on another CPU either sees the new state or the sleeper sees
 * the condition: Linux's set_current_state().
 */
#define __set_current_state(s) WRITE_ONCE(current->state, (s))
#define set_current_state(s)                     \
	do {                                     \
		WRITE_ONCE(current->state, (s)); \
		smp_mb();                        \
	} while (0)

/**
 * sched_init - make the boot context this CPU's idle thread
 *
 * Context: boot, interrupts off, once.
 */
void sched_init(void);

/**
 * idle_thread_create - the idle thread of CPU @cpu, before it starts
 * @cpu: a CPU about to be started
 *
 * The new CPU runs on the thread's stack from its first C function and
 * becomes it in sched_init_secondary().
 * Context: thread (smp_init); may sleep.
 * Return: the thread, or NULL (no memory or no free slot).
 */
struct task_struct *idle_thread_create(unsigned int cpu);

/**
 * sched_init_secondary - make the starting CPU's context its idle thread
 *
 * Context: a secondary CPU's start, interrupts off, once.
 */
void sched_init_secondary(void);

/**
 * kthread_bind - pin a thread that has not started to CPU @cpu
 * @task: a thread in TASK_NEW (from kthread_create)
 * @cpu: an online CPU (panics otherwise)
 *
 * It runs only there from then on: no wake-up or balancer moves it.
 * Context: thread, before wake_up_new_task(@task).
 */
void kthread_bind(struct task_struct *task, unsigned int cpu);

/**
 * task_pinned - must @task stay on its CPU for now?
 * @task: a thread that is not running (queued or sleeping)
 *
 * Inside migrate_disable(), or switched out holding kmap_local slots:
 * their addresses are its CPU's, saved by __kmap_local_sched_out and
 * put back only there.
 * Context: the scheduler, with the thread's run queue locked.
 * Return: true if it may not move.
 */
static inline bool task_pinned(const struct task_struct *task)
{
	return task->migration_disabled || READ_ONCE(task->kmap_ctrl.nr);
}

/**
 * migrate_disable - keep the calling thread on this CPU until migrate_enable
 *
 * Unlike preempt_disable() the thread may still be preempted, and may
 * sleep: it only comes back on the same CPU. Nests. Inline, because
 * kmap_local_page() is built on it. An interrupt handler may use it too
 * (kmap_local in an interrupt): it counts on the interrupted thread and
 * always gives the count back before it returns, so even a thread
 * interrupted halfway through its own increment ends with the right one.
 * Context: any.
 */
static inline void migrate_disable(void)
{
	current->migration_disabled++;
	barrier();
}

/**
 * migrate_enable_underflow - panic: migrate_enable without migrate_disable
 *
 * Context: migrate_enable() only. Never returns.
 */
__noreturn void migrate_enable_underflow(void);

/**
 * migrate_enable - end a migrate_disable()
 *
 * Context: any; panics without a matching migrate_disable().
 */
static inline void migrate_enable(void)
{
	barrier();
	if (unlikely(current->migration_disabled == 0))
		migrate_enable_underflow();
	current->migration_disabled--;
}

/**
 * nr_context_switches - context switches so far, all CPUs together
 *
 * Context: any. Return: the count (each CPU's read once, not together).
 */
unsigned long nr_context_switches(void);

/**
 * kthread_create - a new thread that will run @fn(@arg), not started
 * @fn: the thread's function; its return value is the exit code
 * @arg: passed to @fn
 * @name: shown by `ps`; truncated to TASK_COMM_LEN - 1
 *
 * Context: thread or boot. May sleep (allocates the stack).
 * Return: the thread, or NULL (no memory or no free slot).
 */
struct task_struct *kthread_create(int (*fn)(void *arg), void *arg,
				   const char *name);

/**
 * wake_up_new_task - start a thread made by kthread_create
 * @task: a thread in TASK_NEW
 *
 * Context: any; takes the run-queue lock with interrupts off.
 */
void wake_up_new_task(struct task_struct *task);

/**
 * kthread_run - kthread_create + wake_up_new_task
 * @fn: the thread's function
 * @arg: passed to @fn
 * @name: shown by `ps`
 *
 * Context: thread or boot. May sleep.
 * Return: the running thread, or NULL.
 */
struct task_struct *kthread_run(int (*fn)(void *arg), void *arg,
				const char *name);

/**
 * kthread_exit - end the calling thread with @code
 * @code: returned by kthread_join
 *
 * Returning from the thread's function does the same.
 * Context: thread, holding no kmap or kmap_atomic slot. Never returns.
 */
__noreturn void kthread_exit(int code);

/**
 * kthread_join - wait for @task to exit, then free its stack and slot
 * @task: a thread started with kthread_run, not yet joined
 *
 * Context: thread; may sleep.
 * Return: the thread's exit code.
 */
int kthread_join(struct task_struct *task);

/**
 * kthread_free_unstarted - free a thread that kthread_create made and
 * that never started
 * @task: a thread in TASK_NEW
 *
 * Context: thread; may sleep.
 */
void kthread_free_unstarted(struct task_struct *task);

/**
 * schedule - switch to the next ready thread (or idle)
 *
 * The caller sets its state first if it wants to sleep
 * (set_current_state(TASK_SLEEPING)); with TASK_RUNNING, schedule()
 * is a yield.
 * Context: thread, with preemption enabled (panics otherwise:
 * "scheduling while atomic").
 */
void schedule(void);

/**
 * yield - give the CPU to the next ready thread, staying ready
 *
 * Context: thread, preemption enabled.
 */
void yield(void);

/**
 * wake_up_process - make a sleeping thread runnable
 * @task: the thread
 *
 * Sets @task to TASK_RUNNING and queues it unless it is still on a CPU
 * or already queued. Threads that are not sleeping are left alone.
 * Context: any, including interrupts; takes @task's run-queue lock.
 * Return: true if @task was sleeping.
 */
bool wake_up_process(struct task_struct *task);

/**
 * scheduler_tick - time slices and accounting, once per timer tick
 * @user: the tick interrupted user mode
 *
 * Charges the tick to the running thread (utime or stime) and to this
 * CPU's times (user, system, irq or idle: see enum cpu_time).
 * Context: the timer interrupt.
 */
void scheduler_tick(bool user);

/*
 * Where a CPU's ticks went, as the cpu lines of /proc/stat count them.
 * The tick decides by what it interrupted: user mode, the idle thread,
 * another interrupt handler, or else the kernel. Nothing here is nice,
 * waits for I/O, runs softirqs or is stolen: those stay 0.
 */
enum cpu_time {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_IRQ,
	CPUTIME_SOFTIRQ,
	CPUTIME_STEAL,
	NR_CPUTIME
};

/**
 * cpu_time_ticks - the ticks CPU @cpu spent in @kind since boot
 * @cpu: a possible CPU
 * @kind: which time
 *
 * Context: any; each CPU writes only its own counts. Return: the ticks.
 */
unsigned long cpu_time_ticks(unsigned int cpu, enum cpu_time kind);

/**
 * nr_running - threads running or waiting on a run queue, all CPUs
 *
 * Context: any; a racy sum. Return: the count (idle threads not counted).
 */
unsigned int nr_running(void);

/**
 * nr_threads - threads in the thread table (idle threads included)
 *
 * Context: any; a snapshot. Return: the count.
 */
unsigned int nr_threads(void);

/**
 * last_pid - the pid given to the newest thread
 *
 * Pids are never reused, so this is also how many threads were created
 * since boot (Linux's "processes" in /proc/stat counts forks the same way).
 * Context: any. Return: the pid.
 */
int last_pid(void);

/**
 * preempt_schedule_irq - preempt on the way out of an interrupt
 *
 * Switches if this CPU's need_resched is set and preemption is enabled.
 * Context: the end of interrupt_dispatch, interrupts off.
 */
void preempt_schedule_irq(void);

/**
 * preempt_schedule - switch now, for preempt_enable()
 *
 * Context: thread, preempt_count 0, interrupts on.
 */
void preempt_schedule(void);

/**
 * cpu_idle - the idle loop: run what is ready, else halt until an IRQ
 *
 * Context: the idle thread, once; never returns.
 */
__noreturn void cpu_idle(void);

/**
 * task_sleeping - is @task asleep, off every CPU and run queue?
 * @task: a thread
 *
 * Tests use it to wait until another thread really sleeps.
 * Context: any. Return: true if so (a snapshot).
 */
bool task_sleeping(const struct task_struct *task);

/**
 * sched_check_runqueue - check this CPU's run queue for corruption
 *
 * Every queued thread must be marked on_rq, runnable or preempted, not
 * on a CPU and listed once; the count must match.
 * Context: any; takes the run-queue lock.
 * Return: NULL if all is well, else what is wrong.
 */
const char *sched_check_runqueue(void);

/**
 * task_for_stack_address - the thread whose stack (or guard) holds @addr
 * @addr: a kernel virtual address
 *
 * Context: any, fault reports included (no locks).
 * Return: the thread, or NULL.
 */
struct task_struct *task_for_stack_address(unsigned long addr);

/**
 * for_each_task - call @fn for every thread in the table
 * @fn: called with each thread and @arg
 * @arg: passed to @fn
 *
 * Context: thread or any; a snapshot, no lock is held across @fn.
 */
void for_each_task(void (*fn)(struct task_struct *task, void *arg), void *arg);

/**
 * stack_used_max - the most stack @task has used (high-water mark)
 * @task: a thread
 *
 * Context: any. Return: bytes.
 */
unsigned long stack_used_max(const struct task_struct *task);

/**
 * sched_show_tasks - print one line per thread: state, stack use, switches
 *
 * What the shell's `ps` shows. Context: thread or any; a snapshot.
 */
void sched_show_tasks(void);

/* Context switches so far, all threads. */

/*
 * might_sleep - panic, naming the caller, if sleeping is not allowed
 * here (interrupt handler, preemption disabled, spinlock held,
 * interrupts off). Put it at the top of every function that may sleep.
 */
#define might_sleep() __might_sleep(__FILE__, __LINE__)

/**
 * __might_sleep - the check behind might_sleep()
 * @file: the caller's file
 * @line: the caller's line
 *
 * Context: any; panics where sleeping is not allowed.
 */
void __might_sleep(const char *file, int line);

#endif /* KERNEL_SCHED_H */
