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
#include "mm/mmap.h"
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
	(void)pgoff;
	if (!(flags & MAP_ANONYMOUS) || fd != -1)
		return -ENODEV; /* file mappings through mmap: not yet */
	return (long)do_mmap_anon(current->mm, (unsigned long)addr,
				  (unsigned long)len, (unsigned long)prot,
				  (unsigned long)flags);
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
		.sysname = "Linux", /* what programs test for: the ABI's name */
		.nodename = "hmkernel",
		.release = "6.1.0-hmkernel-" KERNEL_VERSION,
		.version = "#1 SMP PAE",
		.machine = "i686",
		.domainname = "(none)",
	};

	return copy_to_user((void __user *)ubuf, &uts, sizeof(uts)) ? -EFAULT
								    : 0;
}

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

struct timespec64 {
	s64 tv_sec;
	s64 tv_nsec;
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

static long do_clock_gettime(long clk, long uts, bool t64)
{
	if (clk < 0 || clk > 7)
		return -EINVAL;
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
 * Sleep the time at @ureq, by the clock CLOCK_MONOTONIC reads (the tick
 * and the TSC may drift apart a little under an emulator: the sleep goes
 * on until the TSC says it is over). What is left goes to @urem after a
 * signal.
 */
static long do_nanosleep(long ureq, long urem, bool t64)
{
	s64 ns = get_timespec(ureq, t64);
	u64 deadline, now;

	if (ns < 0)
		return (long)ns;
	deadline = ktime_get_ns() + (u64)ns;
	while ((now = ktime_get_ns()) < deadline) {
		msleep_interruptible((unsigned long)((deadline - now + 999999) /
						     1000000));
		if (signal_pending(current)) {
			now = ktime_get_ns();
			if (urem && put_timespec(urem, now < deadline ?
						       deadline - now : 0, t64))
				return -EFAULT;
			return -EINTR;
		}
	}
	return 0;
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

#define SYSCALL(nr, fn) [nr] = (syscall_fn_t)(void (*)(void))(fn)

static const syscall_fn_t syscall_table[NR_SYSCALLS] = {
	SYSCALL(1, sys_exit),
	SYSCALL(2, sys_fork),
	SYSCALL(3, sys_read),
	SYSCALL(4, sys_write),
	SYSCALL(5, sys_open),
	SYSCALL(6, sys_close),
	SYSCALL(7, sys_waitpid),
	SYSCALL(11, sys_execve),
	SYSCALL(19, sys_lseek),
	SYSCALL(20, sys_getpid),
	SYSCALL(24, sys_getuid),
	SYSCALL(37, sys_kill),
	SYSCALL(41, sys_dup),
	SYSCALL(42, sys_pipe),
	SYSCALL(45, sys_brk),
	SYSCALL(47, sys_getuid),  /* getgid */
	SYSCALL(49, sys_getuid),  /* geteuid */
	SYSCALL(50, sys_getuid),  /* getegid */
	SYSCALL(54, sys_ioctl),
	SYSCALL(63, sys_dup2),
	SYSCALL(64, sys_getppid),
	SYSCALL(85, sys_readlink),
	SYSCALL(91, sys_munmap),
	SYSCALL(114, sys_wait4),
	SYSCALL(120, sys_clone),
	SYSCALL(122, sys_uname),
	SYSCALL(125, sys_mprotect),
	SYSCALL(140, sys_llseek),
	SYSCALL(142, sys_select),   /* _newselect */
	SYSCALL(145, sys_readv),
	SYSCALL(146, sys_writev),
	SYSCALL(158, sys_sched_yield),
	SYSCALL(162, sys_nanosleep),
	SYSCALL(168, sys_poll),
	SYSCALL(174, sys_rt_sigaction),
	SYSCALL(175, sys_rt_sigprocmask),
	SYSCALL(190, sys_vfork),
	SYSCALL(192, sys_mmap2),
	SYSCALL(195, sys_stat64),
	SYSCALL(196, sys_lstat64),
	SYSCALL(197, sys_fstat64),
	SYSCALL(199, sys_getuid), /* getuid32 */
	SYSCALL(200, sys_getuid), /* getgid32 */
	SYSCALL(201, sys_getuid), /* geteuid32 */
	SYSCALL(202, sys_getuid), /* getegid32 */
	SYSCALL(219, sys_madvise),
	SYSCALL(220, sys_getdents64),
	SYSCALL(221, sys_fcntl64),
	SYSCALL(224, sys_gettid),
	SYSCALL(243, sys_set_thread_area),
	SYSCALL(252, sys_exit_group),
	SYSCALL(258, sys_set_tid_address),
	SYSCALL(265, sys_clock_gettime),
	SYSCALL(295, sys_openat),
	SYSCALL(300, sys_fstatat64),
	SYSCALL(308, sys_pselect6),
	SYSCALL(309, sys_ppoll),
	SYSCALL(330, sys_dup3),
	SYSCALL(331, sys_pipe2),
	SYSCALL(355, sys_getrandom),
	SYSCALL(383, sys_statx),
	SYSCALL(403, sys_clock_gettime64),
	SYSCALL(407, sys_clock_nanosleep64),
	SYSCALL(413, sys_pselect6_time64),
	SYSCALL(414, sys_ppoll_time64),
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
	regs->eax = (u32)fn((long)regs->ebx, (long)regs->ecx, (long)regs->edx,
			    (long)regs->esi, (long)regs->edi, (long)regs->ebp);
}
