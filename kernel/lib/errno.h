/* SPDX-License-Identifier: MIT */
/* Error numbers, returned negated (-EINVAL) as in Linux. */
#ifndef KERNEL_ERRNO_H
#define KERNEL_ERRNO_H

#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENXIO 6
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define EMFILE 24
#define EFBIG 27
#define ENOTTY 25
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EPIPE 32
#define ERANGE 34
#define ENAMETOOLONG 36
#define ENOSYS 38
#define ENOTEMPTY 39
#define ELOOP 40
#define EOVERFLOW 75
#define ETIMEDOUT 110

/*
 * Kernel-internal: a sleep ended by a signal. Never seen by user space:
 * the return to user mode (exit_to_user_mode) restarts the call or
 * turns them into -EINTR (docs/user.md, "Signal delivery").
 */
#define ERESTARTSYS 512	   /* restart if no handler ran or it has SA_RESTART */
#define ERESTARTNOINTR 513 /* restart always */
#define ERESTARTNOHAND 514 /* restart only if no handler ran */
#define ERESTART_RESTARTBLOCK 516 /* no handler: restart_syscall goes on */

#endif /* KERNEL_ERRNO_H */
