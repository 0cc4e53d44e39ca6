// SPDX-License-Identifier: MIT
/*
 * Signals, with their default actions only: a signal is posted as a bit
 * in the target's sig_pending and acted on when the target is about to
 * return to user mode (exit_to_user_mode). Its action is to end the
 * process (most signals), or nothing (SIGCHLD, SIGCONT, SIGURG,
 * SIGWINCH, and for now the stop signals: there is no job control), or
 * nothing because the process asked for SIG_IGN. rt_sigaction records
 * handlers, but none runs: a signal with a handler takes its default
 * action (a note says so once).
 *
 * A fault in user mode (segfault, divide error, invalid opcode) ends the
 * process at once with Linux's one-line report.
 */
#define pr_fmt(fmt) "signal: " fmt

#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "kernel/timer.h"
#include "mm/mmap.h"
#include "mm/slab.h"
#include <asm/irqflags.h>
#include <asm/uaccess.h>

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define SIGSET_SIZE 8 /* bytes in the kernel's sigset_t */

/* Signals whose default action is to do nothing. */
#define SIG_DEFAULT_IGNORED                                              \
	(sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGURG) |         \
	 sigmask(SIGWINCH) | sigmask(SIGSTOP) | sigmask(SIGTSTP) |       \
	 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))

/*
 * Guards every process's sig_pending: senders on other CPUs set bits
 * while the owner takes them (i686 has no 64-bit atomic or/and).
 */
static DEFINE_SPINLOCK(siglock);

static void sigset_update(u64 *set, u64 or_bits, u64 and_bits)
{
	unsigned long flags;

	spin_lock_irqsave(&siglock, flags);
	*set = (*set | or_bits) & and_bits;
	spin_unlock_irqrestore(&siglock, flags);
}

/* Would @sig do nothing to @task (SIG_IGN, or ignored by default)? siglock held. */
static bool sig_ignored(const struct task_struct *task, int sig)
{
	unsigned long handler;

	if (sig == SIGKILL || sig == SIGSTOP || !task->sighand)
		return false;
	handler = task->sighand->action[sig - 1].handler;
	return handler == SIG_IGN ||
	       (handler == SIG_DFL && (SIG_DEFAULT_IGNORED & sigmask(sig)));
}

int send_signal(struct task_struct *task, int sig)
{
	unsigned long flags;

	if (sig < 1 || sig > NSIG)
		return -EINVAL;
	if (!task || !task->is_process || READ_ONCE(task->zombie))
		return -ESRCH;
	/*
	 * An ignored signal is dropped here, as in Linux: pending, it would
	 * end the target's interruptible sleeps for nothing.
	 */
	spin_lock_irqsave(&siglock, flags);
	if (sig_ignored(task, sig)) {
		spin_unlock_irqrestore(&siglock, flags);
		return 0;
	}
	task->sig_pending |= sigmask(sig);
	spin_unlock_irqrestore(&siglock, flags);
	/* Out of an interruptible sleep (wait4, nanosleep, console read). */
	wake_up_process(task);
	return 0;
}

struct pgrp_kill {
	int pgrp, sig, sent;
};

static void kill_one_in_pgrp(struct task_struct *task, void *arg)
{
	struct pgrp_kill *k = arg;

	if (task->is_process && READ_ONCE(task->pgrp) == k->pgrp &&
	    !send_signal(task, k->sig))
		k->sent++;
}

int kill_pgrp(int pgrp, int sig)
{
	struct pgrp_kill k = { pgrp, sig, 0 };

	for_each_task(kill_one_in_pgrp, &k);
	return k.sent ? 0 : -ESRCH;
}

long sys_kill(long pid, long sig)
{
	struct task_struct *task;

	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (pid <= 0)
		pid = current->pid; /* process groups: ours is only us */
	task = find_task_by_pid((int)pid);
	if (!task || !task->is_process)
		return -ESRCH;
	return sig ? send_signal(task, (int)sig) : 0;
}

/* The lowest pending signal not blocked, taken off the pending set. */
static int dequeue_signal(struct task_struct *task)
{
	u64 ready = READ_ONCE(task->sig_pending) &
		    (~task->sig_blocked | SIG_UNBLOCKABLE);

	if (!ready)
		return 0;
	for (int sig = 1; sig <= NSIG; sig++)
		if (ready & sigmask(sig)) {
			sigset_update(&task->sig_pending, 0, ~sigmask(sig));
			return sig;
		}
	return 0;
}

/* Act on every deliverable signal. Interrupts on. */
static void handle_signals(void)
{
	struct task_struct *task = current;
	static bool noted;
	int sig;

	while ((sig = dequeue_signal(task))) {
		unsigned long handler = task->sighand ?
			task->sighand->action[sig - 1].handler : SIG_DFL;

		if (sig != SIGKILL && sig != SIGSTOP && handler == SIG_IGN)
			continue;
		if (handler != SIG_DFL && !noted) {
			noted = true;
			pr_info("%s[%d]: signal %d has a handler, but handlers "
				"are not supported yet: default action\n",
				task->comm, task->pid, sig);
		}
		if (SIG_DEFAULT_IGNORED & sigmask(sig))
			continue;
		do_exit(sig);
	}
}

void exit_sighand(struct task_struct *task)
{
	struct sighand_struct *sh;
	unsigned long flags;

	spin_lock_irqsave(&siglock, flags);
	sh = task->sighand;
	task->sighand = NULL;
	spin_unlock_irqrestore(&siglock, flags);
	kfree(sh);
}

void exit_to_user_mode(struct pt_regs *regs)
{
	(void)regs;
	for (;;) {
		if (this_cpu(need_resched)) {
			local_irq_enable();
			schedule();
			local_irq_disable();
			continue;
		}
		if (current->is_process && signal_pending(current)) {
			local_irq_enable();
			handle_signals();
			local_irq_disable();
			continue; /* only blocked ones are left, unless new came */
		}
		break;
	}
}

long sys_rt_sigaction(long sig, long act, long oact, long size)
{
	struct k_sigaction new, *k;

	if (size != SIGSET_SIZE || sig < 1 || sig > NSIG)
		return -EINVAL;
	k = &current->sighand->action[sig - 1];
	if (act && copy_from_user(&new, (const void __user *)act, sizeof(new)))
		return -EFAULT;
	if (oact && copy_to_user((void __user *)oact, k, sizeof(*k)))
		return -EFAULT;
	if (act) {
		if (sig == SIGKILL || sig == SIGSTOP)
			return -EINVAL;
		*k = new;
	}
	return 0;
}

long sys_rt_sigprocmask(long how, long set, long oset, long size)
{
	u64 mask, old = current->sig_blocked;

	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (set) {
		if (copy_from_user(&mask, (const void __user *)set,
				   sizeof(mask)))
			return -EFAULT;
		if (how == SIG_BLOCK)
			mask = old | mask;
		else if (how == SIG_UNBLOCK)
			mask = old & ~mask;
		else if (how != SIG_SETMASK)
			return -EINVAL;
	}
	if (oset && copy_to_user((void __user *)oset, &old, sizeof(old)))
		return -EFAULT;
	if (set)
		current->sig_blocked = mask & ~SIG_UNBLOCKABLE;
	return 0;
}

void force_sig_fault(struct pt_regs *regs, int sig, unsigned long addr,
		     const char *what)
{
	struct task_struct *task = current;

	local_irq_enable();
	if (sig == SIGSEGV && regs->vector == 14)
		printk("%s[%d]: segfault at %lx ip %08x sp %08x error %x\n",
		       task->comm, task->pid, addr, regs->eip, regs->esp,
		       regs->error_code);
	else
		printk("traps: %s[%d] trap %s ip:%x sp:%x error:%x\n",
		       task->comm, task->pid, what, regs->eip, regs->esp,
		       regs->error_code);
	do_exit(sig);
}

void oom_kill_current(void)
{
	struct task_struct *task = current;
	struct mm_struct *mm = task->mm;

	printk("Out of memory: killed process %d (%s) total-vm:%lukB, "
	       "anon-rss:%lukB, file-rss:%lukB\n", task->pid, task->comm,
	       mm->total_vm * 4,
	       (mm_rss(mm, MM_ANONPAGES, false) +
		mm_rss(mm, MM_ANONPAGES, true)) * 4,
	       (mm_rss(mm, MM_FILEPAGES, false) +
		mm_rss(mm, MM_FILEPAGES, true)) * 4);
	do_exit(SIGKILL);
}

void task_sigactions(struct task_struct *task, u64 *ignored, u64 *caught)
{
	unsigned long flags;

	*ignored = *caught = 0;
	spin_lock_irqsave(&siglock, flags);
	for (int sig = 1; task->sighand && sig <= NSIG; sig++) {
		unsigned long handler = task->sighand->action[sig - 1].handler;

		if (handler == SIG_IGN)
			*ignored |= sigmask(sig);
		else if (handler != SIG_DFL)
			*caught |= sigmask(sig);
	}
	spin_unlock_irqrestore(&siglock, flags);
}
