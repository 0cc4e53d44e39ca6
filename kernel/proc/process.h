/* SPDX-License-Identifier: MIT */
/*
 * User processes: Linux's i386 system call ABI (int $0x80), fork, exec,
 * exit and wait, signals (kernel/proc/signal.c, frames in
 * kernel/arch/x86/signal.c), process groups and sessions (pgrp.c).
 *
 * A process is a thread of the kernel's thread table (kernel/sched.h)
 * with an address space, descriptors and signal actions. It enters the
 * kernel through an interrupt gate: a system call (vector 0x80), a fault
 * or an IRQ, with its registers saved at the top of its kernel stack
 * (task_pt_regs), and leaves it through exit_to_user_mode, where pending
 * signals and rescheduling are acted on.
 *
 * tasklist_lock (a spinlock, interrupts off) guards the family links
 * (parent, children, sibling) and the zombie state of every process.
 */
#ifndef KERNEL_PROC_PROCESS_H
#define KERNEL_PROC_PROCESS_H

#include "kernel/fs/fs.h"
#include "kernel/sched.h"
#include "kernel/spinlock.h"
#include <asm/ptrace.h>

#define SYSCALL_VECTOR 0x80
#define NSIG 64

/* Signals (Linux's i386 numbers). */
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGWINCH 28

/* sa_flags (Linux's i386 values). */
#define SA_NOCLDSTOP 0x00000001u
#define SA_NOCLDWAIT 0x00000002u
#define SA_SIGINFO 0x00000004u
#define SA_RESTORER 0x04000000u
#define SA_ONSTACK 0x08000000u
#define SA_RESTART 0x10000000u
#define SA_NODEFER 0x40000000u
#define SA_RESETHAND 0x80000000u

/* sigaltstack's ss_flags. */
#define SS_ONSTACK 1
#define SS_DISABLE 2

/* si_code values the kernel sends. */
#define SI_USER 0	/* kill() */
#define SI_KERNEL 0x80	/* the kernel itself */
#define SI_TKILL (-6)	/* tkill(), tgkill() */
#define SEGV_MAPERR 1	/* nothing mapped there */
#define SEGV_ACCERR 2	/* mapped, but not for that access */
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

#define SIG_DFL 0ul
#define SIG_IGN 1ul
#define sigmask(sig) (1ull << ((sig) - 1))
#define SIG_UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIGSET_SIZE 8 /* bytes in the kernel's sigset_t */

struct k_sigaction {
	unsigned long handler; /* SIG_DFL, SIG_IGN or a user function */
	unsigned long flags;
	unsigned long restorer;
	u64 mask;
};

/* What a pending signal's siginfo will say (one per signal: no queue). */
struct ksiginfo {
	int code;		/* SI_USER, SI_KERNEL, SEGV_MAPERR, CLD_* ... */
	int pid;		/* the sender, or the child for SIGCHLD */
	unsigned long addr;	/* the faulting address (SIGSEGV, SIGBUS ...) */
	int status;		/* SIGCHLD: exit code or signal */
};

struct sighand_struct {
	struct k_sigaction action[NSIG];
	struct ksiginfo info[NSIG]; /* of the pending signals (siglock) */
};

struct files_struct {
	struct file *fd[NR_OPEN];
	unsigned long close_on_exec; /* bit n: descriptor n */
};

extern spinlock_t tasklist_lock;

/**
 * proc_init - get ready to run processes: the reaper thread, and where
 * user page tables may go (highpte_init)
 *
 * Context: the main thread, before the first process; may sleep.
 */
void proc_init(void);

/**
 * do_syscall - run the system call in @regs (EAX the number, EBX ECX EDX
 * ESI EDI EBP the arguments) and put the result in EAX
 * @regs: the caller's registers
 *
 * Context: the int $0x80 entry, interrupts on.
 */
void do_syscall(struct pt_regs *regs);

/**
 * exit_to_user_mode - the last stop before iret to ring 3
 * @regs: the registers about to be restored
 *
 * Reschedules if asked to and acts on pending signals (a fatal one ends
 * the process here).
 * Context: thread, interrupts off on entry and on return.
 */
void exit_to_user_mode(struct pt_regs *regs);

/**
 * do_exit - end the calling process with wait status @status
 * @status: the wait4 status word: exit code << 8, or the signal number
 *
 * Closes its descriptors, frees its address space, hands its children
 * to the reaper, and leaves a zombie for the parent's wait4.
 * Context: a process, in the kernel; never returns.
 */
__noreturn void do_exit(int status);

/**
 * force_sig_fault - a fault in user mode: @sig for the process
 * @regs: the faulting registers
 * @sig: SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP
 * @addr: the faulting address (CR2 for a page fault)
 * @what: the exception's name, for the log line of signals but SIGSEGV
 *
 * With a handler installed and @sig not blocked, the signal is posted
 * with si_addr = @addr and the handler runs on the way out (the caller
 * returns to exit_to_user_mode). Otherwise, as Linux's force_sig, it
 * cannot be ignored or blocked: Linux's one-line report (for SIGSEGV:
 * "name[pid]: segfault at ADDR ip IP sp SP error E") and the process
 * ends.
 * Context: the exception, interrupts on; returns with interrupts off.
 */
void force_sig_fault(struct pt_regs *regs, int sig, unsigned long addr,
		     const char *what);

/**
 * force_sigsegv - the kernel cannot run the process on: end it by SIGSEGV
 * @why: for the log line ("bad signal frame" ...)
 *
 * Used where a signal frame cannot be written or read back: as Linux
 * does there, no handler runs.
 * Context: a process in the kernel, interrupts on. Never returns.
 */
__noreturn void force_sigsegv(const char *why);

/**
 * setup_sigframe - build a handler's frame on the user stack (arch code)
 * @regs: the user registers; on success they enter the handler
 * @sig: the signal
 * @info: its siginfo
 * @ka: its action (handler, flags, restorer)
 * @oldmask: the mask sigreturn puts back
 *
 * Linux's i386 layout: struct sigframe, or struct rt_sigframe with
 * SA_SIGINFO; on the sigaltstack with SA_ONSTACK. The FPU state goes
 * into the frame and the handler starts with a clean one.
 * Context: a process on its way to user mode, interrupts on; may sleep.
 * Return: 0, or -EFAULT if the frame cannot be written.
 */
int setup_sigframe(struct pt_regs *regs, int sig, const struct ksiginfo *info,
		   const struct k_sigaction *ka, u64 oldmask);

/**
 * on_sig_stack - is @sp on the caller's sigaltstack?
 * @sp: a user stack pointer
 *
 * Context: a process. Return: true if so.
 */
static inline bool on_sig_stack(unsigned long sp)
{
	return sp - current->sas_ss_sp < current->sas_ss_size;
}

/**
 * set_current_blocked - replace the caller's signal mask
 * @mask: the new mask; SIGKILL and SIGSTOP are left out of it
 *
 * Context: a process.
 */
void set_current_blocked(u64 mask);

/**
 * oom_kill_current - out of memory in a fault: kill the caller, saying so
 *
 * Prints "Out of memory: killed process N (name) total-vm:..kB,
 * anon-rss:..kB, file-rss:..kB" and ends the process with SIGKILL.
 * Context: a process's fault, interrupts on. Never returns.
 */
__noreturn void oom_kill_current(void);

/**
 * exit_sighand - free @task's signal actions (it is exiting)
 * @task: the exiting process
 *
 * Under the lock senders read them with, so a kill racing with the exit
 * never reads freed actions.
 * Context: the exiting process.
 */
void exit_sighand(struct task_struct *task);

/**
 * send_signal - post @sig to @task and wake it if it sleeps
 * @task: a process
 * @sig: 1..NSIG
 *
 * Context: any thread. Return: 0, -EINVAL, -ESRCH (not a process).
 */
int send_signal(struct task_struct *task, int sig);

/**
 * send_signal_info - send_signal with what the handler's siginfo says
 * @task: a process
 * @sig: 1..NSIG
 * @info: si_code, si_pid, si_addr, si_status
 *
 * SIGCONT resumes a stopped @task (and drops its pending stop signals)
 * even when SIGCONT itself is ignored; a stop signal drops a pending
 * SIGCONT. An ignored signal is dropped.
 * Context: any thread, any lock but siglock (takes it, then the
 * run-queue lock). Return: 0, -EINVAL, -ESRCH.
 */
int send_signal_info(struct task_struct *task, int sig,
		     const struct ksiginfo *info);

/**
 * kill_pgrp - post @sig to every process of process group @pgrp
 * @pgrp: the group (a process id)
 * @sig: 1..NSIG; SIGTTIN/SIGTTOU/SIGTSTP stop a job, SIGCONT resumes it
 *
 * The tty's ^C (SIGINT), ^Z (SIGTSTP) and ^\ (SIGQUIT) go to its
 * foreground group this way, and a background read or write to the
 * group of the reader or writer (SIGTTIN, SIGTTOU; the driver then
 * returns -ERESTARTSYS so the call runs again after SIGCONT).
 * Context: any thread but one holding tasklist_lock or siglock (it
 * walks the processes under tasklist_lock).
 * Return: 0 if some process got it, -ESRCH if the group is empty.
 */
int kill_pgrp(int pgrp, int sig);

/**
 * task_sigactions - which signals @task ignores and which it catches
 * @task: a process
 * @ignored: receives the SIG_IGN signals, bit n-1 for signal n
 * @caught: receives those with a handler
 *
 * For /proc/PID/status's SigIgn and SigCgt; both 0 once it exits.
 * Context: any thread; takes the signal lock.
 */
void task_sigactions(struct task_struct *task, u64 *ignored, u64 *caught);

/**
 * do_signal_stop - job control: stop the caller until SIGCONT or SIGKILL
 * @sig: the stop signal, for the parent's wait4 and SIGCHLD
 *
 * Context: a process on its way to user mode, interrupts on; sleeps.
 */
void do_signal_stop(int sig);

/**
 * notify_parent - tell @task's parent its state changed: wake its wait4,
 * and send it SIGCHLD (not for a stop or a continue with SA_NOCLDSTOP)
 * @task: a process with a parent
 * @code: CLD_EXITED, CLD_KILLED, CLD_STOPPED, CLD_CONTINUED
 * @status: the exit code or the signal
 *
 * Context: tasklist_lock held (the parent link is stable).
 */
void notify_parent(struct task_struct *task, int code, int status);

/**
 * wake_up_child_waiters - wake the wait4 callers: a child changed state
 *
 * Context: any thread.
 */
void wake_up_child_waiters(void);

/**
 * parent_reaps_nothing - does @parent want no zombies (SIGCHLD is
 * SIG_IGN, or SA_NOCLDWAIT)? Its children are then freed as they end.
 * @parent: a process
 *
 * Context: tasklist_lock held. Return: true if so.
 */
bool parent_reaps_nothing(struct task_struct *parent);

/**
 * process_spawn - start @path as a new process, a child of the caller
 * @path: the program, in the initramfs
 * @argv: its arguments, NULL-terminated (kernel strings)
 * @envp: its environment, NULL-terminated
 *
 * Its descriptors 0, 1 and 2 are the console.
 * Context: thread (the shell, the init= launcher); may sleep.
 * Return: the new pid, or a negative errno (the exec's).
 */
int process_spawn(const char *path, const char *const argv[],
		  const char *const envp[]);

/* Where a spawned process's memory comes from (benchmarks, tests). */
struct spawn_opts {
	bool lowmem; /* its pages from lowmem, not HighMem */
	bool lowpte; /* its page tables from lowmem (highpte=off for it) */
};

/**
 * process_spawn_opts - process_spawn, choosing where its memory comes from
 * @path: the program
 * @argv: its arguments
 * @envp: its environment
 * @opts: NULL (the defaults) or the choices; inherited by its children
 *
 * Context: thread; may sleep.
 * Return: the new pid, or a negative errno.
 */
int process_spawn_opts(const char *path, const char *const argv[],
		       const char *const envp[], const struct spawn_opts *opts);

/**
 * process_wait - wait4 for the kernel: wait for child @pid to end
 * @pid: a child of the caller, or -1 for any
 * @status: receives the wait status word
 * @peak: NULL, or receives its peak RSS in pages: [0] lowmem, [1] HighMem
 *
 * Context: thread; may sleep.
 * Return: the pid reaped, or -ECHILD.
 */
int process_wait(int pid, int *status, unsigned long *peak);

/**
 * do_wait4 - wait4(2)
 * @pid: -1 for any child, a pid, 0 for the caller's process group,
 *	or -pgrp for that group
 * @status: receives the status word (kernel pointer, may be NULL)
 * @options: WNOHANG, WUNTRACED (stopped children, (sig << 8) | 0x7f),
 *	WCONTINUED (continued ones, 0xffff); each is reported once
 * @peak: NULL, or receives the child's peak RSS (see process_wait)
 *
 * Context: thread; may sleep (interruptibly).
 * Return: the pid reaped or reported, 0 (WNOHANG, none ready), -ECHILD,
 * -ERESTARTSYS (a signal).
 */
int do_wait4(int pid, int *status, int options, unsigned long *peak);

/**
 * do_fork - fork(2), vfork(2) and the clone(2) flags musl uses
 * @regs: the parent's user registers (the child returns from them with 0)
 * @flags: CLONE_VM | CLONE_VFORK, or 0 for fork; low byte: exit signal
 * @child_stack: a new stack pointer for the child, or 0
 *
 * Context: a process's system call; may sleep.
 * Return: the child's pid, or -ENOMEM / -EAGAIN / -EINVAL.
 */
int do_fork(struct pt_regs *regs, unsigned long flags,
	    unsigned long child_stack);

/**
 * do_execve - replace the caller's program with @path
 * @path: kernel string
 * @argv: kernel strings, NULL-terminated
 * @envp: kernel strings, NULL-terminated
 * @regs: the registers the process returns to user mode with
 *
 * On success the old address space is gone and @regs start the new
 * program at its entry point with Linux's initial stack.
 * Context: thread; may sleep.
 * Return: 0, or -ENOENT, -ENOEXEC, -EINVAL, -ENOMEM, -E2BIG, -EACCES
 * (the old program, if any, is untouched then).
 */
int do_execve(const char *path, const char *const argv[],
	      const char *const envp[], struct pt_regs *regs);

/**
 * files_alloc - an empty descriptor table
 *
 * Context: thread; may sleep. Return: it, or NULL.
 */
struct files_struct *files_alloc(void);

/**
 * files_dup - a copy of @old for fork: the same open files, shared
 * @old: the parent's table
 *
 * Context: thread; may sleep. Return: the copy, or NULL.
 */
struct files_struct *files_dup(struct files_struct *old);

/**
 * files_close_all - close every descriptor and free the table
 * @files: a table nobody else uses
 *
 * Context: thread.
 */
void files_close_all(struct files_struct *files);

/**
 * files_close_on_exec - close the O_CLOEXEC descriptors (execve)
 * @files: the caller's table
 *
 * Context: thread.
 */
void files_close_on_exec(struct files_struct *files);

/**
 * fd_install - put @f in the lowest free descriptor of the caller
 * @f: an open file (the caller's reference moves into the table)
 * @cloexec: close it on execve
 *
 * Context: a process. Return: the descriptor, or -EMFILE.
 */
int fd_install(struct file *f, bool cloexec);

/**
 * show_processes - the shell's ps: one line per process, RSS Low/High
 *
 * Context: thread.
 */
void show_processes(void);

/**
 * get_task_mm - @task's address space, with a reference (mmput it)
 * @task: any thread
 *
 * Context: thread; takes tasklist_lock.
 * Return: the mm, or NULL (a kernel thread, or exiting).
 */
struct mm_struct *get_task_mm(struct task_struct *task);

/**
 * run_program - spawn @argv[0] with @argv and a small environment, wait
 * @argv: the program and its arguments, NULL-terminated
 * @verbose: print how it ended
 *
 * Context: thread; may sleep.
 * Return: its exit status, 128 + the signal that killed it, or -1 if it
 * could not start.
 */
int run_program(const char *const argv[], bool verbose);

/**
 * run_program_foreground - run_program, verbose, on the console tty
 * @argv: the program and its arguments
 *
 * The program's session gets the console as its controlling tty and the
 * serial input while it runs (unless another session has it), so ^C
 * reaches it. The shell's run command.
 * Context: thread; may sleep.
 * Return: as run_program.
 */
int run_program_foreground(const char *const argv[]);

/**
 * init_start - spawn init= (if given) with the console tty
 *
 * Its arguments are the words after "--" on the command line.
 * Context: the main thread, after the boot work; may sleep.
 * Return: init's pid, 0 without init=, or -1 if it could not start.
 */
int init_start(void);

/**
 * init_wait - wait for init to end; the console goes back to the shell
 * @pid: init_start()'s pid
 *
 * Context: the main thread; sleeps.
 * Return: its exit status, or 128 + the signal that killed it.
 */
int init_wait(int pid);

/**
 * run_program_background - spawn @argv[0] and do not wait for it
 * @argv: the program and its arguments
 *
 * The reaper collects it when it ends.
 * Context: thread; may sleep.
 * Return: its pid, or a negative errno.
 */
int run_program_background(const char *const argv[]);

/**
 * kthread_exit_to_reaper - end the calling kernel thread; the reaper frees it
 * @code: its exit code, which nobody reads
 *
 * For a kernel thread that nobody joins: the reaper thread frees its
 * stack and slot once it has left its CPU, as kthread_join would.
 * Context: a kernel thread started with kthread_run (not a process),
 * holding no lock and no kmap. Never returns.
 */
__noreturn void kthread_exit_to_reaper(int code);

/**
 * process_detach - give the caller's child @pid to the reaper
 * @pid: a child of the calling thread
 *
 * Context: thread; takes tasklist_lock.
 */
void process_detach(int pid);


#endif /* KERNEL_PROC_PROCESS_H */
