// SPDX-License-Identifier: MIT
/*
 * The system call table: Linux's i386 numbers (arch/x86/entry/syscalls/
 * syscall_32.tbl) and the calls too small for a file of their own.
 *
 * int $0x80 arrives with the number in EAX and up to six arguments in
 * EBX, ECX, EDX, ESI, EDI and EBP; the result goes back in EAX, a
 * negative errno on failure. An unknown number returns -ENOSYS and is
 * logged once per number with the process that asked, so that what a
 * new program needs shows up in the log.
 */
#define pr_fmt(fmt) "syscall: " fmt

#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "kernel/timer.h"
#include "kernel/version.h"
#include "mm/gfp.h"
#include "mm/mmap.h"
#include "kernel/fs/fs.h"
#include "kernel/smp.h"
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/tsc.h>
#include <asm/uaccess.h>

#define NR_SYSCALLS 450
#define GDT_TLS_FLAG_PAGES 0x10 /* user_desc.limit_in_pages */
#define GDT_TLS_FLAG_NOT_PRESENT 0x20

typedef long (*syscall_fn_t)(long, long, long, long, long, long);

/* ---- memory ---- */

static long sys_brk(long brk)
{
	return (long)do_brk(current->mm, (unsigned long)brk);
}

static long sys_mmap2(long addr, long len, long prot, long flags, long fd,
		      long pgoff)
{
	struct file *file = NULL;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fdget(fd);
		if (!file)
			return -EBADF;
		if (file_inode(file) && S_ISCHR(file_inode(file)->i_mode) &&
		    file_inode(file)->i_rdev == MKDEV(1, 5))
			file = NULL; /* /dev/zero: anonymous memory, as in Linux */
	}
	if (!file)
		flags |= MAP_ANONYMOUS;
	return (long)do_mmap(current->mm, (unsigned long)addr,
			     (unsigned long)len, (unsigned long)prot,
			     (unsigned long)flags, file, (unsigned long)pgoff);
}

/* The old mmap: its six arguments in a struct in user memory. */
static long sys_old_mmap(long uargs)
{
	u32 a[6];

	if (copy_from_user(a, (const void __user *)uargs, sizeof(a)))
		return -EFAULT;
	if (a[5] & ~PAGE_MASK)
		return -EINVAL;
	return sys_mmap2((long)a[0], (long)a[1], (long)a[2], (long)a[3],
			 (long)a[4], (long)(a[5] >> PAGE_SHIFT));
}

static long sys_munmap(long addr, long len)
{
	return do_munmap(current->mm, (unsigned long)addr, (unsigned long)len);
}

static long sys_mprotect(long addr, long len, long prot)
{
	return do_mprotect(current->mm, (unsigned long)addr,
			   (unsigned long)len, (unsigned long)prot);
}

static long sys_madvise(long addr, long len, long advice)
{
	return do_madvise(current->mm, (unsigned long)addr, (unsigned long)len,
			  (int)advice);
}

/* ---- who am I ---- */

static long sys_getpid(void)
{
	return current->pid;
}

static long sys_getppid(void)
{
	struct task_struct *parent = READ_ONCE(current->parent);

	return parent && parent->is_process ? parent->pid : 0;
}

static long sys_getuid(void)
{
	return 0; /* everyone is root: there are no users */
}

static long sys_exit_group(long code)
{
	return sys_exit(code);
}

static long sys_set_tid_address(long tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65],
		domainname[65];
};

static long sys_uname(long ubuf)
{
	static const struct new_utsname uts = {
		.sysname = UTS_SYSNAME,
		.nodename = KERNEL_NAME,
		.release = UTS_RELEASE,
		.version = UTS_VERSION,
		.machine = "i686",
		.domainname = "(none)",
	};

	return copy_to_user((void __user *)ubuf, &uts, sizeof(uts)) ? -EFAULT
								    : 0;
}

/* Linux's i386 struct sysinfo: 64 bytes. */
struct sysinfo {
	s32 uptime;
	u32 loads[3];
	u32 totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	u16 procs, pad;
	u32 totalhigh, freehigh;
	u32 mem_unit;
	char reserved[8];
};

/*
 * sysinfo(2), what busybox's free and uptime ask first: the sizes in
 * pages (mem_unit), the same figures as /proc/meminfo's. The load
 * averages are not computed: 0, as /proc/loadavg says.
 */
static long sys_sysinfo(long uinfo)
{
	struct sysinfo info = {
		.uptime = (s32)(get_jiffies_64() / HZ),
		.totalram = (u32)totalram_pages(),
		.freeram = (u32)nr_free_pages(),
		.procs = (u16)nr_threads(),
		.totalhigh = (u32)totalhigh_pages(),
		.freehigh = (u32)nr_free_highpages(),
		.mem_unit = PAGE_SIZE,
	};

	return copy_to_user((void __user *)uinfo, &info, sizeof(info)) ?
		       -EFAULT : 0;
}

_Static_assert(sizeof(struct sysinfo) == 64, "Linux's i386 struct sysinfo");

/* struct user_desc of set_thread_area. */
struct user_desc {
	u32 entry_number;
	u32 base_addr;
	u32 limit;
	u32 flags;
};

static void scrub_tls_selectors(struct pt_regs *regs)
{
	const u32 tls = GDT_ENTRY_TLS * 8;

	if ((regs->gs & ~3u) == tls)
		regs->gs = 0;
	if ((regs->fs & ~3u) == tls)
		regs->fs = 0;
	if ((regs->es & ~3u) == tls)
		regs->es = USER_DS;
	if ((regs->ds & ~3u) == tls)
		regs->ds = USER_DS;
	if ((regs->ss & ~3u) == tls)
		regs->ss = USER_DS;
}

static long sys_set_thread_area(long uinfo)
{
	struct user_desc d;
	u64 desc = 0;

	if (copy_from_user(&d, (const void __user *)uinfo, sizeof(d)))
		return -EFAULT;
	if (d.entry_number == ~0u)
		d.entry_number = GDT_ENTRY_TLS;
	else if (d.entry_number != GDT_ENTRY_TLS)
		return -EINVAL;
	if (!(d.flags & GDT_TLS_FLAG_NOT_PRESENT))
		desc = make_user_desc(d.base_addr, d.limit,
				      d.flags & GDT_TLS_FLAG_PAGES);
	if (put_user_u32(d.entry_number, (u32 __user *)uinfo))
		return -EFAULT;
	/*
	 * A segment register saved with the TLS selector would fault in the
	 * kernel's iret path once the entry is gone: they get the null one.
	 */
	if (!desc)
		scrub_tls_selectors(task_pt_regs(current));
	preempt_disable();
	current->tls_desc = desc;
	load_tls(desc);
	preempt_enable();
	return 0;
}

/* ---- time ---- */

struct timespec32 {
	s32 tv_sec;
	s32 tv_nsec;
};

/* A time in ns into the user's timespec, 32- or 64-bit (the _time64 calls). */
static long put_timespec(long uts, u64 ns, bool t64)
{
	struct timespec64 t64s = { (s64)(ns / 1000000000ull),
				   (s64)(ns % 1000000000ull) };
	struct timespec32 t32s = { (s32)t64s.tv_sec, (s32)t64s.tv_nsec };

	if (copy_to_user((void __user *)uts, t64 ? (void *)&t64s : (void *)&t32s,
			 t64 ? sizeof(t64s) : sizeof(t32s)))
		return -EFAULT;
	return 0;
}

/* The user's timespec in ns, or a negative errno. */
static s64 get_timespec(long uts, bool t64)
{
	struct timespec64 t = { 0, 0 };
	struct timespec32 t32;

	if (t64 && copy_from_user(&t, (const void __user *)uts, sizeof(t)))
		return -EFAULT;
	if (!t64) {
		if (copy_from_user(&t32, (const void __user *)uts, sizeof(t32)))
			return -EFAULT;
		t.tv_sec = t32.tv_sec;
		t.tv_nsec = t32.tv_nsec;
	}
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000)
		return -EINVAL;
	return t.tv_sec * 1000000000ll + t.tv_nsec;
}

#define CLOCK_REALTIME 0
#define CLOCK_REALTIME_COARSE 5

static long do_clock_gettime(long clk, long uts, bool t64)
{
	if (clk < 0 || clk > 7)
		return -EINVAL;
	if (clk == CLOCK_REALTIME || clk == CLOCK_REALTIME_COARSE)
		return put_timespec(uts, ktime_get_real_ns(), t64);
	return put_timespec(uts, ktime_get_ns(), t64);
}

static long sys_clock_gettime(long clk, long uts)
{
	return do_clock_gettime(clk, uts, false);
}

static long sys_clock_gettime64(long clk, long uts)
{
	return do_clock_gettime(clk, uts, true);
}

/*
 * Sleep until @deadline by the clock CLOCK_MONOTONIC reads (the tick
 * and the TSC may drift apart a little under an emulator: the sleep goes
 * on until the TSC says it is over). After a signal what is left goes
 * to @urem, and the deadline is kept: with no handler to run (a stop and
 * SIGCONT) the return to user mode makes the process call
 * restart_syscall, which sleeps on to the same deadline, as in Linux;
 * after a handler the call fails with EINTR.
 */
static long nanosleep_until(u64 deadline, unsigned long urem, bool t64)
{
	struct task_struct *task = current;
	u64 now;

	while ((now = ktime_get_ns()) < deadline) {
		msleep_interruptible((unsigned long)((deadline - now + 999999) /
						     1000000));
		if (signal_pending(task)) {
			now = ktime_get_ns();
			if (urem && put_timespec((long)urem, now < deadline ?
						       deadline - now : 0, t64))
				return -EFAULT;
			task->restart_deadline = deadline;
			task->restart_urem = urem;
			task->restart_t64 = t64;
			return -ERESTART_RESTARTBLOCK;
		}
	}
	return 0;
}

static long do_nanosleep(long ureq, long urem, bool t64)
{
	s64 ns = get_timespec(ureq, t64);

	if (ns < 0)
		return (long)ns;
	return nanosleep_until(ktime_get_ns() + (u64)ns, (unsigned long)urem,
			       t64);
}

/* restart_syscall(2): go on with the sleep a stop interrupted. */
static long sys_restart_syscall(void)
{
	u64 deadline = current->restart_deadline;

	if (!deadline)
		return -EINTR;
	current->restart_deadline = 0;
	return nanosleep_until(deadline, current->restart_urem,
			       current->restart_t64);
}

static long sys_nanosleep(long ureq, long urem)
{
	return do_nanosleep(ureq, urem, false);
}

static long sys_clock_nanosleep64(long clk, long flags, long ureq, long urem)
{
	(void)clk;
	if (flags)
		return -EINVAL; /* TIMER_ABSTIME: not yet */
	return do_nanosleep(ureq, urem, true);
}

/* clock_nanosleep with the 32-bit timespec (busybox's top, sleep). */
static long sys_clock_nanosleep(long clk, long flags, long ureq, long urem)
{
	(void)clk;
	if (flags)
		return -EINVAL;
	return do_nanosleep(ureq, urem, false);
}

static long sys_sched_yield(void)
{
	yield();
	return 0;
}

static long sys_gettid(void)
{
	return current->pid;
}

/* ---- the table ---- */


/* ---- time, limits, system information ---- */

static long sys_time(long ut)
{
	u32 now = (u32)(ktime_get_real_ns() / 1000000000ull);

	if (ut && put_user_u32(now, (u32 __user *)ut))
		return -EFAULT;
	return (long)now;
}

struct timeval32 {
	s32 tv_sec, tv_usec;
};

static long sys_gettimeofday(long utv, long utz)
{
	u64 ns = ktime_get_real_ns();
	struct timeval32 tv = { (s32)(ns / 1000000000ull),
				(s32)(ns % 1000000000ull / 1000) };
	u32 tz[2] = { 0, 0 }; /* UTC, no DST */

	if (utv && copy_to_user((void __user *)utv, &tv, sizeof(tv)))
		return -EFAULT;
	if (utz && copy_to_user((void __user *)utz, tz, sizeof(tz)))
		return -EFAULT;
	return 0;
}

#define RLIMIT_STACK 3
#define RLIMIT_NOFILE 7
#define RLIM_NLIMITS 16
#define RLIM_INFINITY32 0xffffffffu
#define RLIM64_INFINITY (~0ull)

/* The limits this kernel has: the stack's VMA and the descriptor table. */
static u64 rlimit_of(unsigned int res)
{
	if (res == RLIMIT_STACK)
		return STACK_SIZE_MAX;
	if (res == RLIMIT_NOFILE)
		return NR_OPEN;
	return RLIM64_INFINITY;
}

static long sys_ugetrlimit(long res, long ulim)
{
	u32 lim[2];
	u64 v;

	if (res < 0 || res >= RLIM_NLIMITS)
		return -EINVAL;
	v = rlimit_of((unsigned int)res);
	lim[0] = lim[1] = v > RLIM_INFINITY32 ? RLIM_INFINITY32 : (u32)v;
	return copy_to_user((void __user *)ulim, lim, sizeof(lim)) ? -EFAULT : 0;
}

static long sys_setrlimit(long res, long ulim)
{
	(void)ulim;
	return res < 0 || res >= RLIM_NLIMITS ? -EINVAL : -EPERM;
}

static long sys_prlimit64(long pid, long res, long unew, long uold)
{
	u64 lim[2];

	if (pid && pid != current->pid)
		return -ESRCH;
	if (res < 0 || res >= RLIM_NLIMITS)
		return -EINVAL;
	if (unew)
		return -EPERM; /* the limits are the kernel's, fixed */
	lim[0] = lim[1] = rlimit_of((unsigned int)res);
	if (uold && copy_to_user((void __user *)uold, lim, sizeof(lim)))
		return -EFAULT;
	return 0;
}

static long sys_sched_getaffinity(long pid, long len, long umask)
{
	u32 mask = 0;
	unsigned int cpu;

	(void)pid;
	if (len < (long)sizeof(mask))
		return -EINVAL;
	for_each_online_cpu(cpu)
		if (cpu < 32)
			mask |= 1u << cpu;
	if (clear_user((void __user *)umask, (unsigned long)len) ||
	    copy_to_user((void __user *)umask, &mask, sizeof(mask)))
		return -EFAULT;
	return sizeof(mask);
}

/* Calls glibc makes at startup for features this kernel does not have. */
static long sys_not_here(void)
{
	return -ENOSYS; /* rseq, set_robust_list: glibc carries on without */
}

static long sys_prctl(long option)
{
	(void)option;
	return -EINVAL;
}

static long sys_fadvise64_64(void)
{
	return 0; /* advice only, and the files are all in memory */
}

#define SYSCALL(nr, fn) [nr] = (syscall_fn_t)(void (*)(void))(fn)

static const syscall_fn_t syscall_table[NR_SYSCALLS] = {
	SYSCALL(0, sys_restart_syscall),
	SYSCALL(1, sys_exit),
	SYSCALL(2, sys_fork),
	SYSCALL(3, sys_read),
	SYSCALL(4, sys_write),
	SYSCALL(5, sys_open),
	SYSCALL(6, sys_close),
	SYSCALL(7, sys_waitpid),
	SYSCALL(8, sys_creat),
	SYSCALL(9, sys_link),
	SYSCALL(10, sys_unlink),
	SYSCALL(11, sys_execve),
	SYSCALL(12, sys_chdir),
	SYSCALL(13, sys_time),
	SYSCALL(14, sys_mknod),
	SYSCALL(15, sys_chmod),
	SYSCALL(16, sys_chown),
	SYSCALL(19, sys_lseek),
	SYSCALL(20, sys_getpid),
	SYSCALL(24, sys_getuid),
	SYSCALL(29, sys_pause),
	SYSCALL(33, sys_access),
	SYSCALL(36, sys_sync),
	SYSCALL(37, sys_kill),
	SYSCALL(38, sys_rename),
	SYSCALL(39, sys_mkdir),
	SYSCALL(40, sys_rmdir),
	SYSCALL(41, sys_dup),
	SYSCALL(42, sys_pipe),
	SYSCALL(45, sys_brk),
	SYSCALL(47, sys_getuid),  /* getgid */
	SYSCALL(48, sys_signal),
	SYSCALL(49, sys_getuid),  /* geteuid */
	SYSCALL(50, sys_getuid),  /* getegid */
	SYSCALL(54, sys_ioctl),
	SYSCALL(57, sys_setpgid),
	SYSCALL(60, sys_umask),
	SYSCALL(63, sys_dup2),
	SYSCALL(64, sys_getppid),
	SYSCALL(65, sys_getpgrp),
	SYSCALL(66, sys_setsid),
	SYSCALL(67, sys_sigaction),
	SYSCALL(72, sys_sigsuspend),
	SYSCALL(75, sys_setrlimit),
	SYSCALL(76, sys_ugetrlimit),
	SYSCALL(78, sys_gettimeofday),
	SYSCALL(83, sys_symlink),
	SYSCALL(85, sys_readlink),
	SYSCALL(90, sys_old_mmap),
	SYSCALL(91, sys_munmap),
	SYSCALL(92, sys_truncate),
	SYSCALL(93, sys_ftruncate),
	SYSCALL(94, sys_fchmod),
	SYSCALL(95, sys_chown),
	SYSCALL(114, sys_wait4),
	SYSCALL(116, sys_sysinfo),
	SYSCALL(118, sys_fsync),
	SYSCALL(119, sys_sigreturn),
	SYSCALL(120, sys_clone),
	SYSCALL(122, sys_uname),
	SYSCALL(125, sys_mprotect),
	SYSCALL(132, sys_getpgid),
	SYSCALL(133, sys_fchdir),
	SYSCALL(140, sys_llseek),
	SYSCALL(142, sys_select),   /* _newselect */
	SYSCALL(145, sys_readv),
	SYSCALL(146, sys_writev),
	SYSCALL(147, sys_getsid),
	SYSCALL(148, sys_fsync),
	SYSCALL(158, sys_sched_yield),
	SYSCALL(162, sys_nanosleep),
	SYSCALL(168, sys_poll),
	SYSCALL(172, sys_prctl),
	SYSCALL(173, sys_rt_sigreturn),
	SYSCALL(174, sys_rt_sigaction),
	SYSCALL(175, sys_rt_sigprocmask),
	SYSCALL(176, sys_rt_sigpending),
	SYSCALL(179, sys_rt_sigsuspend),
	SYSCALL(180, sys_pread64),
	SYSCALL(181, sys_pwrite64),
	SYSCALL(182, sys_chown),
	SYSCALL(183, sys_getcwd),
	SYSCALL(186, sys_sigaltstack),
	SYSCALL(190, sys_vfork),
	SYSCALL(191, sys_ugetrlimit),
	SYSCALL(192, sys_mmap2),
	SYSCALL(193, sys_truncate64),
	SYSCALL(194, sys_ftruncate64),
	SYSCALL(195, sys_stat64),
	SYSCALL(196, sys_lstat64),
	SYSCALL(197, sys_fstat64),
	SYSCALL(198, sys_chown),
	SYSCALL(199, sys_getuid), /* getuid32 */
	SYSCALL(200, sys_getuid), /* getgid32 */
	SYSCALL(201, sys_getuid), /* geteuid32 */
	SYSCALL(202, sys_getuid), /* getegid32 */
	SYSCALL(207, sys_chown),
	SYSCALL(212, sys_chown),
	SYSCALL(219, sys_madvise),
	SYSCALL(220, sys_getdents64),
	SYSCALL(221, sys_fcntl64),
	SYSCALL(224, sys_gettid),
	SYSCALL(238, sys_tkill),
	SYSCALL(239, sys_sendfile64),
	SYSCALL(242, sys_sched_getaffinity),
	SYSCALL(243, sys_set_thread_area),
	SYSCALL(250, sys_fadvise64_64),
	SYSCALL(252, sys_exit_group),
	SYSCALL(258, sys_set_tid_address),
	SYSCALL(265, sys_clock_gettime),
	SYSCALL(267, sys_clock_nanosleep),
	SYSCALL(268, sys_statfs64),
	SYSCALL(269, sys_fstatfs64),
	SYSCALL(270, sys_tgkill),
	SYSCALL(272, sys_fadvise64_64),
	SYSCALL(295, sys_openat),
	SYSCALL(296, sys_mkdirat),
	SYSCALL(297, sys_mknodat),
	SYSCALL(298, sys_chown),
	SYSCALL(300, sys_fstatat64),
	SYSCALL(301, sys_unlinkat),
	SYSCALL(302, sys_renameat),
	SYSCALL(303, sys_link),
	SYSCALL(304, sys_symlinkat),
	SYSCALL(305, sys_readlinkat),
	SYSCALL(306, sys_fchmodat),
	SYSCALL(307, sys_faccessat),
	SYSCALL(308, sys_pselect6),
	SYSCALL(309, sys_ppoll),
	SYSCALL(311, sys_not_here),
	SYSCALL(320, sys_utimensat),
	SYSCALL(330, sys_dup3),
	SYSCALL(331, sys_pipe2),
	SYSCALL(340, sys_prlimit64),
	SYSCALL(344, sys_sync),
	SYSCALL(353, sys_renameat2),
	SYSCALL(355, sys_getrandom),
	SYSCALL(383, sys_statx),
	SYSCALL(386, sys_not_here),
	SYSCALL(403, sys_clock_gettime64),
	SYSCALL(407, sys_clock_nanosleep64),
	SYSCALL(412, sys_utimensat_time64),
	SYSCALL(413, sys_pselect6_time64),
	SYSCALL(414, sys_ppoll_time64),
	SYSCALL(439, sys_faccessat2),
};

/* Each unknown number is reported once (bit n: number n). */
static unsigned long enosys_seen[(NR_SYSCALLS + 31) / 32 + 1];

static long unknown_syscall(unsigned long nr)
{
	unsigned long bit = nr < NR_SYSCALLS ? nr : NR_SYSCALLS;

	if (!test_and_set_bit(bit % 32, &enosys_seen[bit / 32]))
		pr_info("%s[%d]: unknown system call %lu: -ENOSYS\n",
			current->comm, current->pid, nr);
	return -ENOSYS;
}

void do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->eax;
	syscall_fn_t fn = nr < NR_SYSCALLS ? syscall_table[nr] : NULL;

	if (!fn || !current->is_process) {
		regs->eax = (u32)unknown_syscall(nr);
		return;
	}
	current->syscall_nr = (long)nr; /* for a restart (signal.c) */
	regs->eax = (u32)fn((long)regs->ebx, (long)regs->ecx, (long)regs->edx,
			    (long)regs->esi, (long)regs->edi, (long)regs->ebp);
}
