// SPDX-License-Identifier: MIT
/*
 * fork, vfork and clone: a new process that returns from the same
 * system call with 0 in EAX.
 *
 * The child is a new thread whose first C function copies nothing: its
 * user registers were copied to the top of its kernel stack before it
 * started, so it goes straight to user mode through the same exit path
 * as every interrupt. Its address space is a copy-on-write copy of the
 * parent's (dup_mm), unless CLONE_VM shares it: then the parent sleeps
 * until the child calls execve or exits (CLONE_VFORK, which musl's
 * posix_spawn and vfork use). Threads (CLONE_THREAD) are not supported.
 */
#define pr_fmt(fmt) "proc: " fmt

#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/fs/fs.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "mm/mmap.h"
#include "mm/slab.h"

asmlinkage void enter_user_mode(struct pt_regs *regs);

/* The child's first code: its registers are ready at the stack's top. */
static int ret_from_fork(void *arg)
{
	(void)arg;
	enter_user_mode(task_pt_regs(current));
	return 0;
}

/* Give @child copies (or shares) of the caller's process state. */
static int copy_process_state(struct task_struct *child, unsigned long flags)
{
	struct task_struct *parent = current;

	child->is_process = true;
	child->files = files_dup(parent->files);
	child->cwd = parent->cwd ? dget(parent->cwd) : NULL;
	child->umask = parent->umask;
	child->sighand = kmalloc(sizeof(*child->sighand), GFP_KERNEL);
	if (!child->files || !child->sighand)
		return -ENOMEM;
	memcpy(child->sighand, parent->sighand, sizeof(*child->sighand));
	if (flags & CLONE_VM) {
		child->mm = parent->mm;
		atomic_inc(&child->mm->mm_users);
	} else {
		child->mm = dup_mm(parent->mm);
		if (!child->mm)
			return -ENOMEM;
	}
	child->sig_blocked = parent->sig_blocked;
	child->pgrp = parent->pgrp;
	child->session = parent->session;
	child->tls_desc = parent->tls_desc;
	child->sas_ss_sp = parent->sas_ss_sp;
	child->sas_ss_size = parent->sas_ss_size;
	child->syscall_nr = -1;
	/* The live FPU registers are the parent's: save them for the child. */
	fpu_save(&child->fpu);
	return 0;
}

/* Undo copy_process_state for a child that never ran. */
static void free_process_state(struct task_struct *child)
{
	if (child->files)
		files_close_all(child->files);
	dput(child->cwd);
	child->cwd = NULL;
	exit_sighand(child);
	if (child->mm)
		mmput(child->mm);
	child->files = NULL;
	child->mm = NULL;
}

int do_fork(struct pt_regs *regs, unsigned long flags,
	    unsigned long child_stack)
{
	struct task_struct *child;
	struct pt_regs *cregs;
	int err;

	if (flags & (CLONE_THREAD | CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_VM) && !(flags & CLONE_VFORK))
		return -EINVAL; /* a thread in all but name */
	child = kthread_create(ret_from_fork, NULL, current->comm);
	if (!child)
		return -EAGAIN;
	err = copy_process_state(child, flags);
	if (err) {
		free_process_state(child);
		kthread_free_unstarted(child);
		return err;
	}
	cregs = task_pt_regs(child);
	*cregs = *regs;
	cregs->eax = 0;
	if (child_stack)
		cregs->esp = child_stack;
	child->in_vfork = flags & CLONE_VFORK;
	process_link_child(child);
	err = child->pid;
	wake_up_new_task(child);
	if (flags & CLONE_VFORK)
		wait_for_vfork(child);
	return err;
}

long sys_fork(long a, long b, long c, long d, long e, long f)
{
	(void)a, (void)b, (void)c, (void)d, (void)e, (void)f;
	return do_fork(task_pt_regs(current), SIGCHLD, 0);
}

long sys_vfork(long a, long b, long c, long d, long e, long f)
{
	(void)a, (void)b, (void)c, (void)d, (void)e, (void)f;
	return do_fork(task_pt_regs(current), CLONE_VM | CLONE_VFORK | SIGCHLD,
		       0);
}

long sys_clone(long flags, long stack, long ptid, long tls, long ctid)
{
	(void)ptid, (void)tls, (void)ctid;
	return do_fork(task_pt_regs(current), (unsigned long)flags,
		       (unsigned long)stack);
}
