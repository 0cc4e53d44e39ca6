/* SPDX-License-Identifier: MIT */
/*
 * The system calls, one function each, named as in Linux (sys_NAME).
 * Each takes the raw register arguments as longs and returns the result
 * or a negative errno; user pointers arrive as numbers and are only ever
 * touched through asm/uaccess.h. The table that maps Linux's i386
 * numbers to them is in kernel/proc/syscall.c.
 */
#ifndef KERNEL_PROC_SYSCALLS_H
#define KERNEL_PROC_SYSCALLS_H

#include "kernel/lib/types.h"

#define WNOHANG 1
#define WUNTRACED 2
#define WCONTINUED 8

#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_VFORK 0x00004000
#define CLONE_THREAD 0x00010000
#define CSIGNAL 0x000000ff

/* kernel/proc/exit.c */
/**
 * sys_exit - exit(2): end the calling process with @code
 * @code: the exit code (its low 8 bits are kept)
 * Context: a process's system call; may sleep. Never returns.
 */
long sys_exit(long code);

/**
 * sys_wait4 - wait4(2): reap a child that has ended, or report one that stopped or continued
 * @pid: -1 for any child, a pid, 0 for the caller's group, -pgrp for that group
 * @status: user pointer for the status word (may be 0)
 * @options: WNOHANG, WUNTRACED, WCONTINUED
 * @rusage: user pointer, zeroed (may be 0)
 * Context: a process's system call; may sleep. Return: the pid, 0 (WNOHANG), -ECHILD, -EINVAL, -EFAULT (-ERESTARTSYS inside the kernel).
 */
long sys_wait4(long pid, long status, long options, long rusage);

/**
 * sys_waitpid - waitpid(2): wait4 without rusage
 * @pid: as for wait4
 * @status: user pointer
 * @options: WNOHANG
 * Context: a process's system call; may sleep. Return: as sys_wait4.
 */
long sys_waitpid(long pid, long status, long options);


/* kernel/proc/fork.c */
/**
 * sys_fork - fork(2): a copy-on-write copy of the caller
 * @a: unused (the raw registers)
 * @b: unused
 * @c: unused
 * @d: unused
 * @e: unused
 * @f: unused
 * Context: a process's system call; may sleep. Return: the child's pid in the parent, 0 in the child, or -ENOMEM/-EAGAIN.
 */
long sys_fork(long a, long b, long c, long d, long e, long f);

/**
 * sys_vfork - vfork(2): a child sharing the caller's memory; the caller sleeps until it execs or exits
 * @a: unused
 * @b: unused
 * @c: unused
 * @d: unused
 * @e: unused
 * @f: unused
 * Context: a process's system call; may sleep. Return: as sys_fork.
 */
long sys_vfork(long a, long b, long c, long d, long e, long f);

/**
 * sys_clone - clone(2), for fork and CLONE_VM | CLONE_VFORK only (no threads)
 * @flags: CLONE_* and the exit signal
 * @stack: the child's stack pointer or 0
 * @ptid: unused
 * @tls: unused
 * @ctid: unused
 * Context: a process's system call; may sleep. Return: as sys_fork, or -EINVAL for other flags.
 */
long sys_clone(long flags, long stack, long ptid, long tls, long ctid);


/* kernel/proc/exec.c */
/**
 * sys_execve - execve(2): replace the caller's program
 * @path: user pointer to the path
 * @argv: user pointer to a NULL-terminated array
 * @envp: likewise
 * Context: a process's system call; may sleep. Return: 0 (the new program starts), or -ENOENT, -ENOEXEC, -EINVAL, -ENOMEM, -E2BIG, -EFAULT.
 */
long sys_execve(long path, long argv, long envp);


/* kernel/proc/signal.c, and the mask and waiting calls in sigmask.c */
/**
 * sys_kill - kill(2): send @sig to process @pid
 * @pid: the target; 0: the caller's process group; -1: every process
 *	but the caller and pid 1; below -1: the group -@pid
 * @sig: 0 (only check) to 64
 * Context: a process's system call; may sleep. Return: 0, -EINVAL, -ESRCH.
 */
long sys_kill(long pid, long sig);

/**
 * sys_rt_sigaction - rt_sigaction(2): read and set a signal's action
 * @sig: 1 to 64
 * @act: user pointer to the new action or 0
 * @oact: user pointer for the old one or 0
 * @size: sizeof(sigset_t), 8
 * Context: a process's system call; may sleep. Return: 0, -EINVAL, -EFAULT.
 */
long sys_rt_sigaction(long sig, long act, long oact, long size);

/**
 * sys_rt_sigprocmask - rt_sigprocmask(2): change the blocked signals
 * @how: SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK
 * @set: user pointer or 0
 * @oset: user pointer or 0
 * @size: 8
 * Context: a process's system call; may sleep. Return: 0, -EINVAL, -EFAULT.
 */
long sys_rt_sigprocmask(long how, long set, long oset, long size);

/**
 * sys_tkill - tkill(2): send @sig to thread @tid (si_code SI_TKILL)
 * @tid: a thread id (a process id here: one thread each)
 * @sig: 0 to 64
 * Context: a process's system call. Return: 0, -EINVAL, -ESRCH.
 */
long sys_tkill(long tid, long sig);

/**
 * sys_tgkill - tgkill(2): tkill, checking the thread's group
 * @tgid: the process of @tid
 * @tid: the thread
 * @sig: 0 to 64
 * Context: a process's system call. Return: 0, -EINVAL, -ESRCH.
 */
long sys_tgkill(long tgid, long tid, long sig);

/**
 * sys_rt_sigpending - rt_sigpending(2): the signals pending and blocked
 * @set: user pointer for a sigset_t
 * @size: 8
 * Context: a process's system call. Return: 0, -EINVAL, -EFAULT.
 */
long sys_rt_sigpending(long set, long size);

/**
 * sys_rt_sigsuspend - rt_sigsuspend(2): wait for a handler with mask @set
 * @set: user pointer to the mask to wait with
 * @size: 8
 * The caller's mask comes back after the handler (saved_sigmask).
 * Context: a process's system call; sleeps. Return: -EINTR (after a handler), -EINVAL, -EFAULT.
 */
long sys_rt_sigsuspend(long set, long size);

/**
 * sys_sigsuspend - the old sigsuspend(2) of i386: a 32-bit mask by value
 * @unused1: history (was the restart flag)
 * @unused2: history
 * @mask: signals 1 to 32 to block while waiting
 * Context: a process's system call; sleeps. Return: -EINTR.
 */
long sys_sigsuspend(long unused1, long unused2, long mask);

/**
 * sys_pause - pause(2): sleep until a signal handler has run
 * Context: a process's system call; sleeps. Return: -EINTR.
 */
long sys_pause(void);

/**
 * sys_sigaction - the old sigaction(2) with a 32-bit mask
 * @sig: 1 to 64
 * @act: user pointer to struct old_sigaction or 0
 * @oact: likewise for the old action
 * Context: a process's system call. Return: 0, -EINVAL, -EFAULT.
 */
long sys_sigaction(long sig, long act, long oact);

/**
 * sys_signal - signal(2): a one-shot handler (SA_RESETHAND | SA_NODEFER)
 * @sig: 1 to 64
 * @handler: SIG_DFL, SIG_IGN or a function
 * Context: a process's system call. Return: the old handler, or -EINVAL.
 */
long sys_signal(long sig, long handler);

/**
 * sys_sigaltstack - sigaltstack(2): the stack SA_ONSTACK handlers run on
 * @uss: user pointer to the new stack_t or 0
 * @uoss: user pointer for the old one or 0
 * Context: a process's system call. Return: 0, -EPERM (on it now), -EINVAL, -ENOMEM (too small), -EFAULT.
 */
long sys_sigaltstack(long uss, long uoss);

/* kernel/arch/x86/signal.c */
/**
 * sys_sigreturn - sigreturn(2): back from a handler of struct sigframe
 * Restores the registers, FPU state and mask saved in the frame at the
 * stack pointer - 8 (the restorer popped pretcode and sig). A bad frame
 * or kernel selectors end the process by SIGSEGV.
 * Context: a process's system call. Return: the interrupted EAX.
 */
long sys_sigreturn(void);

/**
 * sys_rt_sigreturn - rt_sigreturn(2): sigreturn for struct rt_sigframe
 * The frame is at the stack pointer - 4 (past pretcode).
 * Context: a process's system call. Return: the interrupted EAX.
 */
long sys_rt_sigreturn(void);

/* kernel/proc/pgrp.c */
/**
 * sys_setpgid - setpgid(2): move @pid into process group @pgid
 * @pid: the caller or one of its children; 0: the caller
 * @pgid: an existing group of the caller's session, or @pid's own id; 0: @pid
 * Context: a process's system call. Return: 0, -EINVAL, -ESRCH (not the caller nor its child), -EPERM (a session leader, another session, no such group).
 */
long sys_setpgid(long pid, long pgid);

/**
 * sys_getpgid - getpgid(2): @pid's process group
 * @pid: a process; 0: the caller
 * Context: a process's system call. Return: the group, or -ESRCH.
 */
long sys_getpgid(long pid);

/**
 * sys_getpgrp - getpgrp(2): the caller's process group
 * Context: a process's system call. Return: the group.
 */
long sys_getpgrp(void);

/**
 * sys_setsid - setsid(2): a new session and group, led by the caller
 * Context: a process's system call. Return: the new session id, or -EPERM (already leads a group).
 */
long sys_setsid(void);

/**
 * sys_getsid - getsid(2): @pid's session
 * @pid: a process; 0: the caller
 * Context: a process's system call. Return: the session, or -ESRCH.
 */
long sys_getsid(long pid);


/* kernel/fs/file.c */
/**
 * sys_read - read(2)
 * @fd: a descriptor
 * @buf: user buffer
 * @count: bytes
 * Context: a process's system call; may sleep. Return: bytes read, 0 at the end, or -EBADF, -EFAULT, -EISDIR, -EINTR.
 */
long sys_read(long fd, long buf, long count);

/**
 * sys_write - write(2)
 * @fd: a descriptor
 * @buf: user buffer
 * @count: bytes
 * Context: a process's system call; may sleep. Return: bytes written, or -EBADF, -EFAULT, -EPIPE.
 */
long sys_write(long fd, long buf, long count);

/**
 * sys_readv - readv(2): read into several buffers
 * @fd: a descriptor
 * @iov: user array of struct iovec
 * @iovcnt: its length (at most 1024)
 * Context: a process's system call; may sleep. Return: bytes read, or an error as sys_read.
 */
long sys_readv(long fd, long iov, long iovcnt);

/**
 * sys_writev - writev(2): write from several buffers
 * @fd: a descriptor
 * @iov: user array of struct iovec
 * @iovcnt: its length
 * Context: a process's system call; may sleep. Return: bytes written, or an error as sys_write.
 */
long sys_writev(long fd, long iov, long iovcnt);

/**
 * sys_open - open(2): openat(AT_FDCWD, ...)
 * @path: user pointer
 * @flags: O_*
 * @mode: unused (nothing is created)
 * Context: a process's system call; may sleep. Return: the new descriptor, or -ENOENT, -EROFS, -ENOTDIR, -EMFILE, -EFAULT.
 */
long sys_open(long path, long flags, long mode);

/**
 * sys_openat - openat(2); only absolute paths or AT_FDCWD
 * @dirfd: AT_FDCWD
 * @path: user pointer
 * @flags: O_*
 * @mode: unused
 * Context: a process's system call; may sleep. Return: as sys_open.
 */
long sys_openat(long dirfd, long path, long flags, long mode);

/**
 * sys_close - close(2)
 * @fd: a descriptor
 * Context: a process's system call; may sleep. Return: 0 or -EBADF.
 */
long sys_close(long fd);

/**
 * sys_lseek - lseek(2)
 * @fd: a descriptor of a file
 * @offset: bytes
 * @whence: SEEK_SET, SEEK_CUR, SEEK_END
 * Context: a process's system call; may sleep. Return: the new offset, or -EBADF, -ESPIPE, -EINVAL, -EOVERFLOW.
 */
long sys_lseek(long fd, long offset, long whence);

/**
 * sys_llseek - _llseek(2): lseek with a 64-bit offset
 * @fd: a descriptor
 * @high: the offset's high word
 * @low: its low word
 * @result: user pointer for the new offset
 * @whence: SEEK_*
 * Context: a process's system call; may sleep. Return: 0, or an error as sys_lseek, or -EFAULT.
 */
long sys_llseek(long fd, long high, long low, long result, long whence);

/**
 * sys_fstat64 - fstat64(2): struct stat64 of an open file
 * @fd: a descriptor
 * @statbuf: user pointer
 * Context: a process's system call; may sleep. Return: 0, -EBADF, -EFAULT.
 */
long sys_fstat64(long fd, long statbuf);

/**
 * sys_stat64 - stat64(2), following a symlink
 * @path: user pointer
 * @statbuf: user pointer
 * Context: a process's system call; may sleep. Return: 0, -ENOENT, -ENOTDIR, -EFAULT.
 */
long sys_stat64(long path, long statbuf);

/**
 * sys_lstat64 - lstat64(2): stat64 of a symlink itself
 * @path: user pointer
 * @statbuf: user pointer
 * Context: a process's system call; may sleep. Return: as sys_stat64.
 */
long sys_lstat64(long path, long statbuf);

/**
 * sys_fstatat64 - fstatat64(2): AT_EMPTY_PATH for a descriptor, else a path
 * @dirfd: a descriptor or AT_FDCWD
 * @path: user pointer
 * @statbuf: user pointer
 * @flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH
 * Context: a process's system call; may sleep. Return: as sys_stat64, or -EBADF.
 */
long sys_fstatat64(long dirfd, long path, long statbuf, long flags);

/**
 * sys_getdents64 - getdents64(2): directory entries as struct linux_dirent64
 * @fd: a directory's descriptor
 * @dirp: user buffer
 * @count: its size
 * Context: a process's system call; may sleep. Return: bytes filled, 0 at the end, or -ENOTDIR, -EINVAL (too small), -EFAULT.
 */
long sys_getdents64(long fd, long dirp, long count);

/**
 * sys_ioctl - ioctl(2): the terminal requests of the console tty (kernel/fs/tty.c)
 * @fd: a descriptor
 * @cmd: the request
 * @arg: user pointer
 * Context: a process's system call; may sleep. Return: 0, -ENOTTY (not a terminal, or not that request), -EINVAL, -EFAULT.
 */
long sys_ioctl(long fd, long cmd, long arg);

/**
 * sys_readlink - readlink(2)
 * @path: user pointer
 * @buf: user buffer
 * @size: its size
 * Context: a process's system call; may sleep. Return: bytes copied, or -EINVAL (not a symlink), -ENOENT, -EFAULT.
 */
long sys_readlink(long path, long buf, long size);

/**
 * sys_statx - statx(2): struct statx of a path or (AT_EMPTY_PATH) a descriptor
 * @dirfd: a descriptor or AT_FDCWD
 * @path: user pointer
 * @flags: AT_*
 * @mask: what is asked (all is given)
 * @buf: user pointer
 * Context: a process's system call; may sleep. Return: 0, or an error as sys_fstatat64.
 */
long sys_statx(long dirfd, long path, long flags, long mask, long buf);

/**
 * sys_pipe - pipe(2)
 * @fds: user pointer to two ints
 * Context: a process's system call; may sleep. Return: 0, -EMFILE, -ENOMEM, -EFAULT.
 */
long sys_pipe(long fds);

/**
 * sys_pipe2 - pipe2(2): pipe with O_CLOEXEC
 * @fds: user pointer to two ints
 * @flags: O_CLOEXEC or 0
 * Context: a process's system call; may sleep. Return: as sys_pipe, or -EINVAL.
 */
long sys_pipe2(long fds, long flags);

/**
 * sys_dup - dup(2)
 * @fd: a descriptor
 * Context: a process's system call; may sleep. Return: the new descriptor, or -EBADF, -EMFILE.
 */
long sys_dup(long fd);

/**
 * sys_dup2 - dup2(2)
 * @oldfd: a descriptor
 * @newfd: where to put it (closed first)
 * Context: a process's system call; may sleep. Return: @newfd, or -EBADF.
 */
long sys_dup2(long oldfd, long newfd);

/**
 * sys_dup3 - dup3(2): dup2 with O_CLOEXEC
 * @oldfd: a descriptor
 * @newfd: where to put it
 * @flags: O_CLOEXEC or 0
 * Context: a process's system call; may sleep. Return: @newfd, or -EBADF, -EINVAL.
 */
long sys_dup3(long oldfd, long newfd, long flags);

/**
 * sys_fcntl64 - fcntl64(2): F_DUPFD(_CLOEXEC), F_GETFD, F_SETFD, F_GETFL, F_SETFL
 * @fd: a descriptor
 * @cmd: F_*
 * @arg: its argument
 * Context: a process's system call; may sleep. Return: per command, or -EBADF, -EINVAL, -EMFILE.
 */
long sys_fcntl64(long fd, long cmd, long arg);


struct task_struct;

/**
 * vfork_release - wake the parent of a vfork child (exec or exit came)
 * @task: the child
 *
 * Context: the child itself.
 */
void vfork_release(struct task_struct *task);

/**
 * wait_for_vfork - sleep until the vfork child @child execs or exits
 * @child: the child
 *
 * Context: the parent, in fork.
 */
void wait_for_vfork(struct task_struct *child);

/**
 * process_link_child - make @child a child of the calling thread
 * @child: a new process
 *
 * Context: thread; takes tasklist_lock.
 */
void process_link_child(struct task_struct *child);

/* kernel/fs/open.c */
/**
 * sys_creat - creat(2): open(O_CREAT | O_WRONLY | O_TRUNC)
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * Context: a process's system call; may sleep. Return: the fd, or as sys_open.
 */
long sys_creat(long upath, long mode);

/**
 * sys_truncate - truncate(2): set a file's size (32-bit)
 * @upath: as the system call's argument
 * @size: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -ENOENT, -EISDIR, -EINVAL.
 */
long sys_truncate(long upath, long size);

/**
 * sys_truncate64 - truncate64(2): set a file's size (64-bit, in two halves)
 * @upath: as the system call's argument
 * @lo: as the system call's argument
 * @hi: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_truncate.
 */
long sys_truncate64(long upath, long lo, long hi);

/**
 * sys_ftruncate - ftruncate(2) on a descriptor open for writing
 * @fd: as the system call's argument
 * @size: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -EBADF, -EINVAL.
 */
long sys_ftruncate(long fd, long size);

/**
 * sys_ftruncate64 - ftruncate64(2)
 * @fd: as the system call's argument
 * @lo: as the system call's argument
 * @hi: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_ftruncate.
 */
long sys_ftruncate64(long fd, long lo, long hi);

/**
 * sys_pread64 - pread64(2): read a regular file at an offset, which stays
 * @fd: as the system call's argument
 * @ubuf: as the system call's argument
 * @count: as the system call's argument
 * @lo: as the system call's argument
 * @hi: as the system call's argument
 * Context: a process's system call; may sleep. Return: bytes, -EBADF, -ESPIPE, -EINVAL, -EFAULT.
 */
long sys_pread64(long fd, long ubuf, long count, long lo, long hi);

/**
 * sys_pwrite64 - pwrite64(2): write a regular file at an offset
 * @fd: as the system call's argument
 * @ubuf: as the system call's argument
 * @count: as the system call's argument
 * @lo: as the system call's argument
 * @hi: as the system call's argument
 * Context: a process's system call; may sleep. Return: bytes, -EBADF, -ESPIPE, -ENOSPC, -EFAULT.
 */
long sys_pwrite64(long fd, long ubuf, long count, long lo, long hi);

/**
 * sys_sendfile64 - sendfile64(2) from a regular file to a regular file
 * @out_fd: as the system call's argument
 * @in_fd: as the system call's argument
 * @uoffset: as the system call's argument
 * @count: as the system call's argument
 * Context: a process's system call; may sleep. Return: bytes copied, -EBADF, -EINVAL (other files: read and write instead).
 */
long sys_sendfile64(long out_fd, long in_fd, long uoffset, long count);

/* kernel/fs/namei.c */
/**
 * sys_mkdir - mkdir(2)
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -EEXIST, -ENOENT, -ENOTDIR, -EPERM, -ENOSPC.
 */
long sys_mkdir(long upath, long mode);

/**
 * sys_mkdirat - mkdirat(2)
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_mkdir, or -EBADF.
 */
long sys_mkdirat(long dirfd, long upath, long mode);

/**
 * sys_mknod - mknod(2): a regular file, device node or FIFO
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * @dev: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_mkdir, or -EINVAL.
 */
long sys_mknod(long upath, long mode, long dev);

/**
 * sys_mknodat - mknodat(2)
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * @dev: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_mknod.
 */
long sys_mknodat(long dirfd, long upath, long mode, long dev);

/**
 * sys_symlink - symlink(2)
 * @utarget: as the system call's argument
 * @upath: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_mkdir.
 */
long sys_symlink(long utarget, long upath);

/**
 * sys_symlinkat - symlinkat(2)
 * @utarget: as the system call's argument
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_mkdir.
 */
long sys_symlinkat(long utarget, long dirfd, long upath);

/**
 * sys_link - link(2): hard links are not supported (one name per inode)
 * @uold: as the system call's argument
 * @unew: as the system call's argument
 * Context: a process's system call; may sleep. Return: -EPERM.
 */
long sys_link(long uold, long unew);

/**
 * sys_unlink - unlink(2): remove a name; an open file lives on until closed
 * @upath: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -ENOENT, -EISDIR, -EPERM, -EBUSY.
 */
long sys_unlink(long upath);

/**
 * sys_unlinkat - unlinkat(2), AT_REMOVEDIR for rmdir
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * @flags: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_unlink or sys_rmdir.
 */
long sys_unlinkat(long dirfd, long upath, long flags);

/**
 * sys_rmdir - rmdir(2)
 * @upath: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -ENOENT, -ENOTDIR, -ENOTEMPTY, -EBUSY, -EINVAL.
 */
long sys_rmdir(long upath);

/**
 * sys_rename - rename(2): replaces the target atomically
 * @uold: as the system call's argument
 * @unew: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -ENOENT, -EXDEV, -EISDIR, -ENOTDIR, -ENOTEMPTY, -EINVAL, -EBUSY.
 */
long sys_rename(long uold, long unew);

/**
 * sys_renameat - renameat(2)
 * @olddirfd: as the system call's argument
 * @uold: as the system call's argument
 * @newdirfd: as the system call's argument
 * @unew: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_rename.
 */
long sys_renameat(long olddirfd, long uold, long newdirfd, long unew);

/**
 * sys_renameat2 - renameat2(2); no flags supported
 * @olddirfd: as the system call's argument
 * @uold: as the system call's argument
 * @newdirfd: as the system call's argument
 * @unew: as the system call's argument
 * @flags: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_rename, -EINVAL for flags.
 */
long sys_renameat2(long olddirfd, long uold, long newdirfd, long unew, long flags);

/**
 * sys_chdir - chdir(2)
 * @upath: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -ENOENT, -ENOTDIR.
 */
long sys_chdir(long upath);

/**
 * sys_fchdir - fchdir(2)
 * @fd: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -EBADF, -ENOTDIR.
 */
long sys_fchdir(long fd);

/**
 * sys_getcwd - getcwd(2)
 * @ubuf: as the system call's argument
 * @size: as the system call's argument
 * Context: a process's system call; may sleep. Return: the length with the NUL, -ERANGE, -ENOENT (removed), -EFAULT.
 */
long sys_getcwd(long ubuf, long size);

/**
 * sys_umask - umask(2)
 * @mask: as the system call's argument
 * Context: a process's system call; may sleep. Return: the old mask.
 */
long sys_umask(long mask);

/* kernel/fs/stat.c */
/**
 * sys_readlinkat - readlinkat(2)
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * @ubuf: as the system call's argument
 * @size: as the system call's argument
 * Context: a process's system call; may sleep. Return: bytes, -EINVAL (not a symlink), -ENOENT, -EFAULT.
 */
long sys_readlinkat(long dirfd, long upath, long ubuf, long size);

/**
 * sys_access - access(2): everyone is root; X_OK needs an x bit
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -ENOENT, -EACCES, -EINVAL.
 */
long sys_access(long upath, long mode);

/**
 * sys_faccessat - faccessat(2)
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_access.
 */
long sys_faccessat(long dirfd, long upath, long mode);

/**
 * sys_faccessat2 - faccessat2(2)
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * @flags: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_access.
 */
long sys_faccessat2(long dirfd, long upath, long mode, long flags);

/**
 * sys_chmod - chmod(2): modes are kept (there are no other users)
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -ENOENT.
 */
long sys_chmod(long upath, long mode);

/**
 * sys_fchmod - fchmod(2)
 * @fd: as the system call's argument
 * @mode: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -EBADF.
 */
long sys_fchmod(long fd, long mode);

/**
 * sys_fchmodat - fchmodat(2)
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * @mode: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_chmod.
 */
long sys_fchmodat(long dirfd, long upath, long mode);

/**
 * sys_chown - chown(2) and friends: every file belongs to root
 * @upath: as the system call's argument
 * @uid: as the system call's argument
 * @gid: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0.
 */
long sys_chown(long upath, long uid, long gid);

/**
 * sys_utimensat - utimensat(2) with 32-bit timespecs (NULL path: futimens)
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * @utimes: as the system call's argument
 * @flags: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -ENOENT, -EINVAL, -EFAULT.
 */
long sys_utimensat(long dirfd, long upath, long utimes, long flags);

/**
 * sys_utimensat_time64 - utimensat_time64(2)
 * @dirfd: as the system call's argument
 * @upath: as the system call's argument
 * @utimes: as the system call's argument
 * @flags: as the system call's argument
 * Context: a process's system call; may sleep. Return: as sys_utimensat.
 */
long sys_utimensat_time64(long dirfd, long upath, long utimes, long flags);

/**
 * sys_statfs64 - statfs64(2)
 * @upath: as the system call's argument
 * @size: as the system call's argument
 * @ubuf: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -ENOENT, -EINVAL, -EFAULT.
 */
long sys_statfs64(long upath, long size, long ubuf);

/**
 * sys_fstatfs64 - fstatfs64(2)
 * @fd: as the system call's argument
 * @size: as the system call's argument
 * @ubuf: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -EBADF, -EINVAL, -EFAULT.
 */
long sys_fstatfs64(long fd, long size, long ubuf);

/**
 * sys_sync - sync(2): nothing is ever written back, so nothing to wait for
 * Context: a process's system call; may sleep. Return: 0.
 */
long sys_sync(void);

/**
 * sys_fsync - fsync(2) and fdatasync(2): as sync, for one file
 * @fd: as the system call's argument
 * Context: a process's system call; may sleep. Return: 0, -EBADF.
 */
long sys_fsync(long fd);

/* kernel/fs/select.c */
/**
 * sys_poll - poll(2)
 * @fds: user array of struct pollfd
 * @nfds: its length (at most 1024)
 * @timeout: milliseconds; negative: no limit
 * Context: a process's system call; may sleep. Return: the number of entries with revents, 0 (time up), -EINTR, -EINVAL, -EFAULT, -ENOMEM.
 */
long sys_poll(long fds, long nfds, long timeout);

/**
 * sys_ppoll - ppoll(2) with a 32-bit timespec
 * @fds: user array of struct pollfd
 * @nfds: its length
 * @tsp: user struct timespec, or 0 for no limit
 * @sigmask: user sigset in force while waiting, or 0
 * @sigsetsize: 8
 * Context: a process's system call; may sleep. Return: as sys_poll.
 */
long sys_ppoll(long fds, long nfds, long tsp, long sigmask, long sigsetsize);

/**
 * sys_ppoll_time64 - ppoll(2) with a 64-bit timespec
 * @fds: user array of struct pollfd
 * @nfds: its length
 * @tsp: user struct __kernel_timespec, or 0
 * @sigmask: user sigset, or 0
 * @sigsetsize: 8
 * Context: a process's system call; may sleep. Return: as sys_poll.
 */
long sys_ppoll_time64(long fds, long nfds, long tsp, long sigmask,
		      long sigsetsize);

/**
 * sys_select - _newselect(2)
 * @n: highest descriptor + 1
 * @inp: user fd_set, or 0
 * @outp: user fd_set, or 0
 * @exp: user fd_set, or 0
 * @tvp: user struct timeval (the time left is written back), or 0
 * Context: a process's system call; may sleep. Return: the number of bits set, 0, -EBADF, -EINTR, -EINVAL, -EFAULT.
 */
long sys_select(long n, long inp, long outp, long exp, long tvp);

/**
 * sys_pselect6 - pselect6(2) with a 32-bit timespec
 * @n: highest descriptor + 1
 * @inp: user fd_set, or 0
 * @outp: user fd_set, or 0
 * @exp: user fd_set, or 0
 * @tsp: user struct timespec, or 0
 * @sig: user { sigset pointer, size }, or 0
 * Context: a process's system call; may sleep. Return: as sys_select.
 */
long sys_pselect6(long n, long inp, long outp, long exp, long tsp, long sig);

/**
 * sys_pselect6_time64 - pselect6(2) with a 64-bit timespec
 * @n: highest descriptor + 1
 * @inp: user fd_set, or 0
 * @outp: user fd_set, or 0
 * @exp: user fd_set, or 0
 * @tsp: user struct __kernel_timespec, or 0
 * @sig: user { sigset pointer, size }, or 0
 * Context: a process's system call; may sleep. Return: as sys_select.
 */
long sys_pselect6_time64(long n, long inp, long outp, long exp, long tsp,
			 long sig);

/* kernel/drivers/random.c */
/**
 * sys_getrandom - getrandom(2): bytes from the kernel's generator
 * @buf: user buffer
 * @count: bytes wanted
 * @flags: GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE (it never blocks)
 * Context: a process's system call. Return: bytes, -EINVAL, -EFAULT.
 */
long sys_getrandom(long buf, long count, long flags);

#endif /* KERNEL_PROC_SYSCALLS_H */
