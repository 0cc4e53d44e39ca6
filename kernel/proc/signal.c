// SPDX-License-Identifier: MIT
/*
 * Signals: sending, the actions, and delivery on the way back to user
 * mode. A signal is posted as a bit in the target's sig_pending (with
 * one siginfo per signal number: no queue of real-time signals) and
 * acted on when the target is about to return to user mode
 * (exit_to_user_mode). Its action is to end the process, to stop it
 * (job control: SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU), nothing (SIG_IGN,
 * or a signal whose default is to be ignored), or to run a user
 * handler on a frame that kernel/arch/x86/signal.c builds.
 *
 * A system call whose sleep a signal ended returns -ERESTARTSYS (or
 * -ERESTARTNOHAND); here it becomes -EINTR or a restart (EAX back to
 * the call's number, EIP back over the two-byte int $0x80), by Linux's
 * rules: see syscall_restart().
 *
 * A fault in user mode (segfault, divide error, invalid opcode) runs
 * the handler if there is one, or ends the process with Linux's
 * one-line report.
 *
 * The mask, sigsuspend and the sigaltstack are in sigmask.c; the frames
 * in kernel/arch/x86/signal.c.
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

#define NR_RESTART_SYSCALL 0

/* Signals whose default action is to do nothing. */
#define SIG_DEFAULT_IGNORED                                              \
	(sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGURG) |         \
	 sigmask(SIGWINCH))
/* Signals whose default action is to stop the process. */
#define SIG_STOP_MASK                                                    \
	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) |        \
	 sigmask(SIGTTOU))

/*
 * Guards every process's sig_pending, siginfo, stopped state and
 * cont_seq: senders on other CPUs set bits while the owner takes them
 * (i686 has no 64-bit atomic or/and). Taken inside tasklist_lock.
 */
static DEFINE_SPINLOCK(siglock);

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

/* SIGCONT's effect, which takes place at sending time. siglock held. */
static void signal_continue(struct task_struct *task)
{
	task->sig_pending &= ~SIG_STOP_MASK;
	task->cont_seq++;
	task->stopped = false;
}

int send_signal_info(struct task_struct *task, int sig,
		     const struct ksiginfo *info)
{
	unsigned long flags;
	bool wake = false;

	if (sig < 1 || sig > NSIG)
		return -EINVAL;
	if (!task || !task->is_process || READ_ONCE(task->zombie))
		return -ESRCH;
	spin_lock_irqsave(&siglock, flags);
	if (!task->sighand) { /* exiting */
		spin_unlock_irqrestore(&siglock, flags);
		return -ESRCH;
	}
	if (sig == SIGCONT) {
		wake = task->stopped;
		signal_continue(task);
	} else if (sigmask(sig) & SIG_STOP_MASK) {
		task->sig_pending &= ~sigmask(SIGCONT);
	}
	/*
	 * An ignored signal is dropped here, as in Linux: pending, it would
	 * end the target's interruptible sleeps for nothing.
	 */
	if (!sig_ignored(task, sig)) {
		task->sig_pending |= sigmask(sig);
		task->sighand->info[sig - 1] = *info;
		wake = true;
	}
	spin_unlock_irqrestore(&siglock, flags);
	/* Out of an interruptible sleep (wait4, nanosleep, a read), or a stop. */
	if (wake)
		wake_up_process(task);
	return 0;
}

/* A siginfo saying the caller sent it with @code. */
static struct ksiginfo info_from_current(int code)
{
	struct ksiginfo info = { .code = code };

	if (current->is_process)
		info.pid = current->pid;
	return info;
}

int send_signal(struct task_struct *task, int sig)
{
	struct ksiginfo info = info_from_current(SI_KERNEL);

	return send_signal_info(task, sig, &info);
}

/* Which processes a kill() reaches. */
struct kill_target {
	int pgrp;  /* > 0: that group; -1: every process */
	int sig;
	int sent;  /* how many it reached */
	int found; /* how many there were (sig 0 only checks) */
};

static void kill_one(struct task_struct *task, void *arg)
{
	struct kill_target *k = arg;
	struct ksiginfo info = info_from_current(SI_USER);

	if (!task->is_process)
		return;
	if (k->pgrp > 0 && task->pgrp != k->pgrp)
		return;
	if (k->pgrp < 0 && (task == current || task->pid == 1))
		return;
	k->found++;
	/* A zombie is still there until reaped: it "gets" it, as in Linux. */
	if (!k->sig || READ_ONCE(task->zombie) ||
	    !send_signal_info(task, k->sig, &info))
		k->sent++;
}

/* Send to a group or to all, the group read under tasklist_lock. */
static int kill_many(int pgrp, int sig)
{
	struct kill_target k = { pgrp, sig, 0, 0 };
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_task(kill_one, &k);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return k.sent ? 0 : -ESRCH;
}

int kill_pgrp(int pgrp, int sig)
{
	if (pgrp <= 0)
		return -ESRCH;
	return kill_many(pgrp, sig);
}

/* Send @sig to the one process or thread @pid, with si_code @code. */
static long kill_pid(long pid, long sig, int code)
{
	struct task_struct *task = find_task_by_pid((int)pid);
	struct ksiginfo info = info_from_current(code);

	if (!task || !task->is_process)
		return -ESRCH;
	/* A zombie keeps its pid until reaped: the signal is just lost. */
	if (!sig || READ_ONCE(task->zombie))
		return 0;
	return send_signal_info(task, (int)sig, &info);
}

long sys_kill(long pid, long sig)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (pid > 0)
		return kill_pid(pid, sig, SI_USER);
	if (pid == 0)
		return kill_many(READ_ONCE(current->pgrp), (int)sig);
	if (pid == -1)
		return kill_many(-1, (int)sig);
	if (pid < -INT32_MAX) /* -pid would not fit */
		return -ESRCH;
	return kill_many((int)-pid, (int)sig);
}

long sys_tkill(long tid, long sig)
{
	if (tid <= 0 || sig < 0 || sig > NSIG)
		return -EINVAL;
	return kill_pid(tid, sig, SI_TKILL);
}

long sys_tgkill(long tgid, long tid, long sig)
{
	/* One thread per process: the thread group id is the tid. */
	if (tgid <= 0)
		return -EINVAL;
	if (tgid != tid)
		return tid <= 0 ? -EINVAL : -ESRCH;
	return sys_tkill(tid, sig);
}

/*
 * The pending signal to act on next, taken off the pending set, with
 * its siginfo: SIGKILL first, then the lowest number not blocked.
 */
static int dequeue_signal(struct task_struct *task, struct ksiginfo *info)
{
	unsigned long flags;
	u64 ready;
	int sig = 0;

	spin_lock_irqsave(&siglock, flags);
	ready = task->sig_pending & (~task->sig_blocked | SIG_UNBLOCKABLE);
	if (ready & sigmask(SIGKILL))
		sig = SIGKILL;
	else if (ready)
		sig = __builtin_ctzll(ready) + 1;
	if (sig) {
		task->sig_pending &= ~sigmask(sig);
		*info = task->sighand->info[sig - 1];
		/* A SIGCONT from now on cancels this stop (do_signal_stop). */
		if (sigmask(sig) & SIG_STOP_MASK)
			task->stop_cont_seq = task->cont_seq;
	}
	spin_unlock_irqrestore(&siglock, flags);
	return sig;
}

/*
 * @parent's SIGCHLD action: its SA_NOCLD* flags, or -1 for SIG_IGN, or -2 for no
 * actions at all (a kernel thread, or a parent exiting).
 */
static long sigchld_flags(struct task_struct *parent)
{
	const struct k_sigaction *ka;
	unsigned long flags;
	long ret = -2;

	spin_lock_irqsave(&siglock, flags);
	if (parent->sighand) {
		ka = &parent->sighand->action[SIGCHLD - 1];
		if (ka->handler == SIG_IGN)
			ret = -1;
		else
			ret = (long)(ka->flags & (SA_NOCLDSTOP | SA_NOCLDWAIT));
	}
	spin_unlock_irqrestore(&siglock, flags);
	return ret;
}

bool parent_reaps_nothing(struct task_struct *parent)
{
	long flags = sigchld_flags(parent);

	return flags == -1 || (flags >= 0 && (flags & SA_NOCLDWAIT));
}

void notify_parent(struct task_struct *task, int code, int status)
{
	struct ksiginfo info = { .code = code, .pid = task->pid,
				 .status = status };
	long flags = sigchld_flags(task->parent);

	wake_up_child_waiters();
	if (flags < 0)
		return;
	if ((code == CLD_STOPPED || code == CLD_CONTINUED) &&
	    (flags & SA_NOCLDSTOP))
		return;
	send_signal_info(task->parent, SIGCHLD, &info);
}

/* Tell the parent, under tasklist_lock, that the caller stopped or went on. */
static void report_jobctl(int code, int sig)
{
	struct task_struct *task = current;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	task->jobctl_report = code == CLD_STOPPED ? (sig << 8) | 0x7f : 0xffff;
	if (task->parent)
		notify_parent(task, code, sig);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void do_signal_stop(int sig)
{
	struct task_struct *task = current;
	unsigned long flags;

	spin_lock_irqsave(&siglock, flags);
	if (task->stop_cont_seq != task->cont_seq) {
		/* A SIGCONT came after the stop signal was taken. */
		spin_unlock_irqrestore(&siglock, flags);
		return;
	}
	task->stopped = true;
	spin_unlock_irqrestore(&siglock, flags);
	report_jobctl(CLD_STOPPED, sig);
	for (;;) {
		set_current_state(TASK_SLEEPING);
		if (!READ_ONCE(task->stopped) ||
		    (READ_ONCE(task->sig_pending) & sigmask(SIGKILL)))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	if (!READ_ONCE(task->stopped))
		report_jobctl(CLD_CONTINUED, SIGCONT);
}

static bool is_restart_code(long ret)
{
	return ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	       ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK;
}

/*
 * A system call a signal interrupted: run it again, or fail it with
 * EINTR. Before a handler (@ka not NULL) -ERESTARTSYS restarts only
 * with SA_RESTART, -ERESTARTNOINTR always, the others never; with no
 * handler every restart code restarts (-ERESTART_RESTARTBLOCK as
 * restart_syscall, number 0, which picks up the call's saved state).
 * Once per system call: syscall_nr goes to -1.
 */
static void syscall_restart(struct pt_regs *regs, const struct k_sigaction *ka)
{
	long ret = (long)regs->eax;
	bool restart;

	if (regs->vector != SYSCALL_VECTOR || current->syscall_nr < 0)
		return;
	if (is_restart_code(ret)) {
		restart = !ka || ret == -ERESTARTNOINTR ||
			  (ret == -ERESTARTSYS && (ka->flags & SA_RESTART));
		if (restart && ret == -ERESTART_RESTARTBLOCK) {
			regs->eax = NR_RESTART_SYSCALL;
			regs->eip -= 2;
		} else if (restart) {
			regs->eax = (u32)current->syscall_nr;
			regs->eip -= 2; /* int $0x80 is two bytes */
		} else {
			regs->eax = (u32)-EINTR;
		}
	}
	current->syscall_nr = -1;
}

/* Run @sig's handler: restart rule, frame, then the handler's mask. */
static void deliver_to_handler(struct pt_regs *regs, int sig,
			       const struct ksiginfo *info)
{
	struct task_struct *task = current;
	struct k_sigaction *action = &task->sighand->action[sig - 1];
	struct k_sigaction ka = *action;
	u64 oldmask = task->sig_blocked;

	syscall_restart(regs, &ka);
	if (task->restore_sigmask) {
		oldmask = task->saved_sigmask; /* sigsuspend's caller's */
		task->restore_sigmask = false;
	}
	if (setup_sigframe(regs, sig, info, &ka, oldmask))
		force_sigsegv("cannot write a signal frame");
	if (ka.flags & SA_RESETHAND) {
		action->handler = SIG_DFL;
		action->flags &= ~SA_SIGINFO;
	}
	set_current_blocked(task->sig_blocked | ka.mask |
			    ((ka.flags & SA_NODEFER) ? 0 : sigmask(sig)));
}

/* Act on the deliverable signals until a handler's frame is built. */
static void handle_signals(struct pt_regs *regs)
{
	struct task_struct *task = current;
	struct ksiginfo info;
	int sig;

	while ((sig = dequeue_signal(task, &info))) {
		unsigned long handler = task->sighand->action[sig - 1].handler;

		if (sig == SIGKILL)
			do_exit(SIGKILL);
		if (handler == SIG_IGN)
			continue;
		if (handler != SIG_DFL) {
			deliver_to_handler(regs, sig, &info);
			return;
		}
		if (SIG_DEFAULT_IGNORED & sigmask(sig))
			continue;
		if (SIG_STOP_MASK & sigmask(sig)) {
			do_signal_stop(sig);
			continue;
		}
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
	struct task_struct *task = current;

	for (;;) {
		if (this_cpu(need_resched)) {
			local_irq_enable();
			schedule();
			local_irq_disable();
			continue;
		}
		if (task->is_process && signal_pending(task)) {
			local_irq_enable();
			handle_signals(regs);
			local_irq_disable();
			continue; /* only blocked ones are left, unless new came */
		}
		break;
	}
	if (!task->is_process)
		return;
	/* No handler ran: an interrupted call starts again. */
	syscall_restart(regs, NULL);
	if (task->restore_sigmask) {
		task->restore_sigmask = false;
		set_current_blocked(task->saved_sigmask);
	}
}

/* Install @new (if not NULL) as @sig's action; the old one to @old. */
static int do_sigaction(int sig, const struct k_sigaction *new,
			struct k_sigaction *old)
{
	struct task_struct *task = current;
	struct k_sigaction *k;
	unsigned long flags;

	if (sig < 1 || sig > NSIG)
		return -EINVAL;
	k = &task->sighand->action[sig - 1];
	if (old)
		*old = *k;
	if (!new)
		return 0;
	if (sig == SIGKILL || sig == SIGSTOP)
		return -EINVAL;
	spin_lock_irqsave(&siglock, flags);
	*k = *new;
	k->mask &= ~SIG_UNBLOCKABLE;
	/* POSIX: a pending signal now ignored is thrown away. */
	if (sig_ignored(task, sig))
		task->sig_pending &= ~sigmask(sig);
	spin_unlock_irqrestore(&siglock, flags);
	return 0;
}

long sys_rt_sigaction(long sig, long act, long oact, long size)
{
	struct k_sigaction new, old;
	int err;

	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (act && copy_from_user(&new, (const void __user *)act, sizeof(new)))
		return -EFAULT;
	err = do_sigaction((int)sig, act ? &new : NULL, &old);
	if (!err && oact &&
	    copy_to_user((void __user *)oact, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

/* i386's struct old_sigaction: a 32-bit mask before the flags. */
struct old_sigaction {
	u32 handler;
	u32 mask;
	u32 flags;
	u32 restorer;
};

long sys_sigaction(long sig, long act, long oact)
{
	struct k_sigaction new, old;
	struct old_sigaction o;
	int err;

	if (act) {
		if (copy_from_user(&o, (const void __user *)act, sizeof(o)))
			return -EFAULT;
		new.handler = o.handler;
		new.flags = o.flags;
		new.restorer = o.restorer;
		new.mask = o.mask;
	}
	err = do_sigaction((int)sig, act ? &new : NULL, &old);
	if (err || !oact)
		return err;
	o.handler = (u32)old.handler;
	o.mask = (u32)old.mask;
	o.flags = (u32)old.flags;
	o.restorer = (u32)old.restorer;
	return copy_to_user((void __user *)oact, &o, sizeof(o)) ? -EFAULT : 0;
}

long sys_signal(long sig, long handler)
{
	struct k_sigaction new = { (unsigned long)handler,
				   SA_RESETHAND | SA_NODEFER, 0, 0 };
	struct k_sigaction old;
	int err = do_sigaction((int)sig, &new, &old);

	return err ? err : (long)old.handler;
}

/* Has the caller a handler for @sig that it does not block? */
static bool fault_has_handler(int sig)
{
	unsigned long handler = current->sighand->action[sig - 1].handler;

	return handler != SIG_DFL && handler != SIG_IGN &&
	       !(current->sig_blocked & sigmask(sig));
}

void force_sig_fault(struct pt_regs *regs, int sig, unsigned long addr,
		     const char *what)
{
	struct task_struct *task = current;
	struct ksiginfo info = { .code = SI_KERNEL, .addr = addr };

	local_irq_enable();
	if (fault_has_handler(sig)) {
		if (sig == SIGSEGV && regs->vector == 14)
			info.code = (regs->error_code & 1) ? SEGV_ACCERR :
							     SEGV_MAPERR;
		send_signal_info(task, sig, &info);
		local_irq_disable();
		return;
	}
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

void force_sigsegv(const char *why)
{
	struct pt_regs *regs = task_pt_regs(current);

	printk("%s[%d]: %s ip %08x sp %08x: SIGSEGV\n", current->comm,
	       current->pid, why, regs->eip, regs->esp);
	do_exit(SIGSEGV);
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
