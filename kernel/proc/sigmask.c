// SPDX-License-Identifier: MIT
/*
 * The signal mask and waiting for signals: rt_sigprocmask,
 * rt_sigpending, rt_sigsuspend, sigsuspend and pause; and the
 * sigaltstack handlers run on with SA_ONSTACK. The mask and the
 * sigaltstack belong to the task itself: only it changes them, other
 * CPUs only read the mask (signal_pending).
 */
#include "kernel/lib/errno.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include <asm/uaccess.h>

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define MINSIGSTKSZ 2048 /* i386's */

void set_current_blocked(u64 mask)
{
	WRITE_ONCE(current->sig_blocked, mask & ~SIG_UNBLOCKABLE);
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
		set_current_blocked(mask);
	return 0;
}

long sys_rt_sigpending(long set, long size)
{
	u64 pending = READ_ONCE(current->sig_pending) & current->sig_blocked;

	if (size != SIGSET_SIZE)
		return -EINVAL;
	return copy_to_user((void __user *)set, &pending, sizeof(pending)) ?
		       -EFAULT : 0;
}

/* Sleep until a signal is deliverable. */
static void sleep_until_signal(void)
{
	for (;;) {
		set_current_state(TASK_SLEEPING);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/*
 * Wait with @mask; the caller's mask comes back when the handler
 * returns (its frame holds saved_sigmask) or, with no handler, on the
 * way out. -ERESTARTNOHAND: a stop and SIGCONT start the wait again.
 */
static long do_sigsuspend(u64 mask)
{
	struct task_struct *task = current;

	task->saved_sigmask = task->sig_blocked;
	task->restore_sigmask = true;
	set_current_blocked(mask);
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

long sys_rt_sigsuspend(long set, long size)
{
	u64 mask;

	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&mask, (const void __user *)set, sizeof(mask)))
		return -EFAULT;
	return do_sigsuspend(mask);
}

long sys_sigsuspend(long unused1, long unused2, long mask)
{
	(void)unused1, (void)unused2;
	return do_sigsuspend((u32)mask);
}

long sys_pause(void)
{
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

/* i386's stack_t. */
struct user_stack {
	u32 ss_sp;
	s32 ss_flags;
	u32 ss_size;
};

long sys_sigaltstack(long uss, long uoss)
{
	struct task_struct *task = current;
	unsigned long sp = task_pt_regs(task)->esp;
	struct user_stack old = { (u32)task->sas_ss_sp, 0,
				  (u32)task->sas_ss_size };
	struct user_stack ss;

	old.ss_flags = on_sig_stack(sp) ? SS_ONSTACK :
		       task->sas_ss_size ? 0 : SS_DISABLE;
	if (uss) {
		if (copy_from_user(&ss, (const void __user *)uss, sizeof(ss)))
			return -EFAULT;
		if (on_sig_stack(sp))
			return -EPERM;
		if (ss.ss_flags & ~SS_DISABLE)
			return -EINVAL;
		if (ss.ss_flags & SS_DISABLE) {
			ss.ss_sp = 0;
			ss.ss_size = 0;
		} else if (ss.ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
	}
	if (uoss && copy_to_user((void __user *)uoss, &old, sizeof(old)))
		return -EFAULT;
	if (uss) {
		task->sas_ss_sp = ss.ss_sp;
		task->sas_ss_size = ss.ss_size;
	}
	return 0;
}
