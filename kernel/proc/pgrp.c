// SPDX-License-Identifier: MIT
/*
 * Process groups and sessions (setpgid, getpgid, getpgrp, setsid,
 * getsid), with Linux's rules. A session is a set of groups led by the
 * process whose pid it is (setsid); a job-control shell puts each job in
 * a group of its own (setpgid) so that kill_pgrp() and wait4(-pgrp)
 * reach the whole job. Every pgrp and session field is read and
 * written under tasklist_lock.
 */
#include "kernel/lib/errno.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"

/* Is some process in group @pgrp of session @session? */
struct group_probe {
	int pgrp, session;
	bool found;
};

static void probe_group(struct task_struct *task, void *arg)
{
	struct group_probe *g = arg;

	if (task->is_process && !task->zombie && task->pgrp == g->pgrp &&
	    (g->session < 0 || task->session == g->session))
		g->found = true;
}

/* tasklist_lock held; @session < 0: any session. */
static bool group_exists(int pgrp, int session)
{
	struct group_probe g = { pgrp, session, false };

	for_each_task(probe_group, &g);
	return g.found;
}

/* The caller or one of its children with pid @pid; tasklist_lock held. */
static struct task_struct *self_or_child(int pid)
{
	struct task_struct *child;

	if (pid == current->pid)
		return current;
	list_for_each_entry(child, &current->children, sibling)
		if (child->pid == pid && !child->zombie)
			return child;
	return NULL;
}

static long do_setpgid(int pid, int pgid)
{
	struct task_struct *task = self_or_child(pid);

	if (!task)
		return -ESRCH;
	if (task != current && task->session != current->session)
		return -EPERM;
	if (task->session == task->pid) /* a session leader stays put */
		return -EPERM;
	if (pgid != task->pid && !group_exists(pgid, current->session))
		return -EPERM;
	task->pgrp = pgid;
	return 0;
}

long sys_setpgid(long pid, long pgid)
{
	unsigned long flags;
	long ret;

	if (pid < 0 || pgid < 0)
		return -EINVAL;
	if (!pid)
		pid = current->pid;
	if (!pgid)
		pgid = pid;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = do_setpgid((int)pid, (int)pgid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* @pid's group (@session false) or session, or -ESRCH. */
static long get_id(long pid, bool session)
{
	struct task_struct *task;
	unsigned long flags;
	long ret = -ESRCH;

	if (pid < 0)
		return -EINVAL;
	task = pid ? find_task_by_pid((int)pid) : current;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (task && task->is_process) /* a zombie's too, as in Linux */
		ret = session ? task->session : task->pgrp;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long sys_getpgid(long pid)
{
	return get_id(pid, false);
}

long sys_getpgrp(void)
{
	return get_id(0, false);
}

long sys_getsid(long pid)
{
	return get_id(pid, true);
}

long sys_setsid(void)
{
	struct task_struct *task = current;
	unsigned long flags;
	long ret = -EPERM;

	spin_lock_irqsave(&tasklist_lock, flags);
	/* A group named after us exists: we lead it, or did. */
	if (!group_exists(task->pid, -1)) {
		task->pgrp = task->pid;
		task->session = task->pid;
		ret = task->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}
