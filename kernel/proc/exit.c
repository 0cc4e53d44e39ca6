// SPDX-License-Identifier: MIT
/*
 * The end of a process: exit, the zombie it leaves, and wait4.
 *
 * An exiting process gives back everything it holds at once (its
 * descriptors, its address space: all its pages, page tables and
 * directories) and keeps only its thread slot and kernel stack, as a
 * zombie holding the status for its parent. The parent's wait4 takes the
 * status and frees the slot (kthread_join does the freeing: the stack
 * can only go once the zombie is off its CPU). A process whose parent
 * exits first is handed to the reaper thread, which frees it when it
 * ends: there is no init process to inherit orphans. The reaper also
 * takes the children of a parent that wants no zombies (SIGCHLD set to
 * SIG_IGN, or SA_NOCLDWAIT), as Linux frees them at once, and kernel
 * threads that nobody joins (kthread_exit_to_reaper).
 *
 * wait4 also reports job control: a child that stopped (WUNTRACED) or
 * went on after SIGCONT (WCONTINUED), once each (jobctl_report).
 */
#define pr_fmt(fmt) "proc: " fmt

#include "kernel/debug/panic.h"
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "kernel/wait.h"
#include "mm/mmap.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

DEFINE_SPINLOCK(tasklist_lock);
/* Parents wait here for a child to exit or leave vfork. */
static DECLARE_WAIT_QUEUE_HEAD(child_wait);
/* Orphans that ended, and ending unjoined kthreads: the reaper's (tasklist_lock). */
static LIST_HEAD(orphans);
static DECLARE_WAIT_QUEUE_HEAD(reaper_wait);
static struct task_struct *reaper;

static int reaper_thread(void *arg)
{
	(void)arg;
	for (;;) {
		struct task_struct *task = NULL;
		unsigned long flags;

		wait_event(reaper_wait, !list_empty(&orphans));
		spin_lock_irqsave(&tasklist_lock, flags);
		if (!list_empty(&orphans)) {
			task = list_first_entry(&orphans, struct task_struct,
						sibling);
			list_del_init(&task->sibling);
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (task)
			kthread_join(task);
	}
	return 0;
}

/* Hand @task's children to the reaper; ended ones go on its list. */
static void forget_children(struct task_struct *task)
{
	struct task_struct *child, *next;
	bool wake = false;

	list_for_each_entry_safe(child, next, &task->children, sibling) {
		list_del_init(&child->sibling);
		child->parent = NULL;
		if (child->zombie) {
			list_add_tail(&child->sibling, &orphans);
			wake = true;
		}
	}
	if (wake)
		wake_up(&reaper_wait);
}

void wake_up_child_waiters(void)
{
	wake_up(&child_wait);
}

/* @task ended: its parent hears of it, or the reaper takes it. Locked. */
static void exit_notify(struct task_struct *task, int status)
{
	struct task_struct *parent = task->parent;

	if (parent && parent_reaps_nothing(parent)) {
		list_del_init(&task->sibling);
		task->parent = NULL;
	} else if (parent) {
		if (status & 0x7f)
			notify_parent(task, CLD_KILLED, status & 0x7f);
		else
			notify_parent(task, CLD_EXITED, (status >> 8) & 0xff);
	}
	if (!task->parent) {
		list_del_init(&task->sibling);
		list_add_tail(&task->sibling, &orphans);
		wake_up(&reaper_wait);
	}
}

void vfork_release(struct task_struct *task)
{
	if (!task->in_vfork)
		return;
	WRITE_ONCE(task->in_vfork, false);
	wake_up(&child_wait);
}

void do_exit(int status)
{
	struct task_struct *task = current;
	struct mm_struct *mm = task->mm;
	unsigned long flags;

	if (!task->is_process)
		panic("do_exit in kernel thread %s (pid %d)", task->comm,
		      task->pid);
	if (task->files) {
		files_close_all(task->files);
		task->files = NULL;
	}
	dput(task->cwd);
	task->cwd = NULL;
	vfork_release(task);
	if (mm) {
		task->exit_hiwater[0] = mm->hiwater_rss[0];
		task->exit_hiwater[1] = mm->hiwater_rss[1];
		spin_lock_irqsave(&tasklist_lock, flags);
		task->mm = NULL;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		mmput(mm);
	}
	exit_sighand(task);
	spin_lock_irqsave(&tasklist_lock, flags);
	forget_children(task);
	task->wait_status = status;
	WRITE_ONCE(task->zombie, true);
	exit_notify(task, status);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	wake_up(&child_wait);
	kthread_exit(status);
}

/* Does @child match wait4's @pid (a pid, -1, 0 or -pgrp)? Locked. */
static bool wait_matches(const struct task_struct *child, int pid)
{
	if (pid > 0)
		return child->pid == pid;
	if (pid == 0)
		return child->pgrp == current->pgrp;
	if (pid < -1)
		return child->pgrp == -pid;
	return true;
}

/*
 * A child of @parent matching @pid with something to report under
 * @options: it exited (*@report is 0) or, with WUNTRACED or WCONTINUED,
 * stopped or went on (*@report is the status, taken). NULL if none;
 * *@any says whether a matching child exists at all. tasklist_lock held.
 */
static struct task_struct *find_child(struct task_struct *parent, int pid,
				      int options, int *report, bool *any)
{
	struct task_struct *child;

	*any = false;
	list_for_each_entry(child, &parent->children, sibling) {
		int r = child->jobctl_report;

		if (!wait_matches(child, pid))
			continue;
		*any = true;
		if (READ_ONCE(child->zombie)) {
			*report = 0;
			return child;
		}
		if (((r & 0xff) == 0x7f && (options & WUNTRACED)) ||
		    (r == 0xffff && (options & WCONTINUED))) {
			child->jobctl_report = 0;
			*report = r;
			return child;
		}
	}
	return NULL;
}

int do_wait4(int pid, int *status, int options, unsigned long *peak)
{
	struct task_struct *child = NULL;
	DEFINE_WAIT(wait);
	unsigned long flags;
	int ret, report = 0;
	bool any;

	for (;;) {
		prepare_to_wait(&child_wait, &wait);
		spin_lock_irqsave(&tasklist_lock, flags);
		child = find_child(current, pid, options, &report, &any);
		if (child && !report)
			list_del_init(&child->sibling);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (child || !any || (options & WNOHANG) ||
		    signal_pending(current))
			break;
		schedule();
	}
	finish_wait(&child_wait, &wait);
	if (!child)
		return !any ? -ECHILD : (options & WNOHANG) ? 0 : -ERESTARTSYS;
	ret = child->pid;
	if (report) {
		/* Stopped or continued: it stays the caller's child. */
		if (status)
			*status = report;
		return ret;
	}
	if (status)
		*status = child->wait_status;
	if (peak) {
		peak[0] = child->exit_hiwater[0];
		peak[1] = child->exit_hiwater[1];
	}
	kthread_join(child);
	return ret;
}

int process_wait(int pid, int *status, unsigned long *peak)
{
	int ret;

	do {
		ret = do_wait4(pid, status, 0, peak);
	} while (ret == -ERESTARTSYS);
	return ret;
}

void kthread_exit_to_reaper(int code)
{
	unsigned long flags;

	/* The reaper's kthread_join waits for the exit below. */
	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&current->sibling, &orphans);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	wake_up(&reaper_wait);
	kthread_exit(code);
}

void process_detach(int pid)
{
	struct task_struct *child;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(child, &current->children, sibling)
		if (child->pid == pid) {
			list_del_init(&child->sibling);
			child->parent = NULL;
			if (child->zombie) {
				list_add_tail(&child->sibling, &orphans);
				wake_up(&reaper_wait);
			}
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void wait_for_vfork(struct task_struct *child)
{
	wait_event(child_wait, !READ_ONCE(child->in_vfork));
}

void process_link_child(struct task_struct *child)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	child->parent = current;
	list_add_tail(&child->sibling, &current->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void proc_init(void)
{
	highpte_init();
	reaper = kthread_run(reaper_thread, NULL, "reaper");
	if (!reaper)
		panic("cannot start the reaper thread");
}

long sys_wait4(long pid, long ustatus, long options, long rusage)
{
	int status = 0, ret;

	if (options & ~(long)(WNOHANG | WUNTRACED | WCONTINUED))
		return -EINVAL;
	if (pid < -INT32_MAX) /* -pid would not fit */
		return -ESRCH;
	ret = do_wait4((int)pid, &status, (int)options, NULL);
	if (ret > 0 && ustatus &&
	    put_user_u32((u32)status, (u32 __user *)ustatus))
		return -EFAULT;
	if (ret > 0 && rusage && clear_user((void __user *)rusage, 72))
		return -EFAULT;
	return ret;
}

long sys_waitpid(long pid, long ustatus, long options)
{
	return sys_wait4(pid, ustatus, options, 0);
}

long sys_exit(long code)
{
	do_exit(((int)code & 0xff) << 8);
}

struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	mm = task->mm;
	if (mm)
		atomic_inc(&mm->mm_users);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return mm;
}

/* ---- ps ---- */

static void show_process(struct task_struct *t, void *arg)
{
	struct mm_struct *mm;
	unsigned long low = 0, high = 0, vm = 0;

	(void)arg;
	if (!t->is_process)
		return;
	mm = get_task_mm(t);
	if (mm) {
		low = mm_rss(mm, MM_ANONPAGES, false) +
		      mm_rss(mm, MM_FILEPAGES, false);
		high = mm_rss(mm, MM_ANONPAGES, true) +
		       mm_rss(mm, MM_FILEPAGES, true);
		vm = mm->total_vm;
		mmput(mm);
	}
	printk("%5d %5d  %-8s %8lu %8lu %8lu  %s\n", t->pid,
	       t->parent ? t->parent->pid : 0,
	       t->zombie ? "zombie" : t->in_vfork ? "vfork" :
	       t->stopped ? "stopped" : "alive",
	       vm * 4, low * 4, high * 4, t->comm);
}

void show_processes(void)
{
	printk("  PID  PPID  STATE     VSZ(kB) LOW(kB) HIGH(kB)  COMMAND\n");
	for_each_task(show_process, NULL);
}
