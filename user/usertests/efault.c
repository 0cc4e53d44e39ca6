// SPDX-License-Identifier: MIT
/*
 * usertests: every pointer a system call takes is tried with three bad
 * addresses: 1 (the unmapped page 0), 0xC0001000 (the kernel's half)
 * and a user page just unmapped. Each call must fail with EFAULT, and
 * the kernel must neither crash nor read or write through the pointer.
 *
 * The calls go through syscall() itself: musl's wrappers would touch
 * some of the pointers first, and the test would die instead.
 */
#include "usertests.h"
#include "linux_abi.h"
#include "ulib.h"
#include "utest.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The size of the kernel's sigset_t: 64 signals. */
#define KERNEL_SIGSET_SIZE 8

/* One way to pass @bad to a system call; returns its result or -errno. */
struct bad_call {
	const char *what;
	long (*call)(void *bad);
};

/* syscall()'s result as the kernel returned it: -errno on failure. */
static long result(long ret)
{
	return ret == -1 ? -errno : ret;
}

static void expect_efault(const struct bad_call *calls, size_t n)
{
	void *unmapped = map_pages(PAGE_SIZE);
	void *bad[3] = { (void *)1, KERNEL_ADDRESS, unmapped };

	UT_EXPECT(unmapped && munmap(unmapped, PAGE_SIZE) == 0,
		  "mmap or munmap: %s", strerror(errno));
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < 3; j++) {
			long ret = calls[i].call(bad[j]);

			UT_EXPECT(ret == -EFAULT,
				  "%s with %p: returned %ld%s%s, expected "
				  "EFAULT", calls[i].what, bad[j], ret,
				  ret < 0 ? " " : "",
				  ret < 0 ? strerror((int)-ret) : "");
		}
	}
}

#define EXPECT_EFAULT(...)						\
	do {								\
		static const struct bad_call calls[] = { __VA_ARGS__ };	\
		expect_efault(calls, sizeof(calls) / sizeof(calls[0]));	\
	} while (0)

static int open_or_fail(const char *path, int flags)
{
	int fd = open(utest_path(path), flags);

	UT_EXPECT(fd >= 0, "open %s: %s", path, strerror(errno));
	return fd;
}

static long read_buf(void *bad)
{
	int fd = open_or_fail("/etc/motd", O_RDONLY);
	long ret = result(syscall(SYS_read, fd, bad, 16));

	close(fd);
	return ret;
}

/*
 * Where the write tests write: stdout, or stderr. Linux's /dev/null
 * never reads the buffer, so it has no EFAULT to give: on a host that
 * sends both there, the tests are skipped.
 */
static int out_fd = 1;

static int is_dev_null(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) &&
	       major(st.st_rdev) == 1 && minor(st.st_rdev) == 3;
}

static void find_out_fd(void)
{
	for (out_fd = 1; out_fd <= 2; out_fd++)
		if (!is_dev_null(out_fd))
			return;
	utest_skip("stdout and stderr are /dev/null, which reads nothing");
}

static long write_buf(void *bad)
{
	return result(syscall(SYS_write, out_fd, bad, 16));
}

void test_efault_read(void)
{
	EXPECT_EFAULT({ "read(motd, BAD, 16)", read_buf });
}

void test_efault_write(void)
{
	find_out_fd();
	EXPECT_EFAULT({ "write(out, BAD, 16)", write_buf });
}

static long readv_iov(void *bad)
{
	int fd = open_or_fail("/etc/motd", O_RDONLY);
	long ret = result(syscall(SYS_readv, fd, bad, 1));

	close(fd);
	return ret;
}

static long readv_base(void *bad)
{
	struct iovec iov = { bad, 16 };
	int fd = open_or_fail("/etc/motd", O_RDONLY);
	long ret = result(syscall(SYS_readv, fd, &iov, 1));

	close(fd);
	return ret;
}

static long writev_iov(void *bad)
{
	return result(syscall(SYS_writev, out_fd, bad, 1));
}

static long writev_base(void *bad)
{
	struct iovec iov = { bad, 16 };

	return result(syscall(SYS_writev, out_fd, &iov, 1));
}

void test_efault_readv(void)
{
	EXPECT_EFAULT({ "readv(motd, BAD, 1)", readv_iov },
		      { "readv(motd, {BAD, 16}, 1)", readv_base });
}

void test_efault_writev(void)
{
	find_out_fd();
	EXPECT_EFAULT({ "writev(out, BAD, 1)", writev_iov },
		      { "writev(out, {BAD, 16}, 1)", writev_base });
}

static long open_path(void *bad)
{
	long ret = result(syscall(SYS_open, bad, O_RDONLY));

	if (ret >= 0)
		close((int)ret);
	return ret;
}

static long openat_path(void *bad)
{
	long ret = result(syscall(SYS_openat, AT_FDCWD, bad, O_RDONLY));

	if (ret >= 0)
		close((int)ret);
	return ret;
}

void test_efault_open(void)
{
	EXPECT_EFAULT({ "open(BAD, O_RDONLY)", open_path },
		      { "openat(AT_FDCWD, BAD, O_RDONLY)", openat_path });
}

static long stat64_path(void *bad)
{
	struct linux_stat64 st;

	return result(syscall(SYS_stat64, bad, &st));
}

static long stat64_buf(void *bad)
{
	return result(syscall(SYS_stat64, utest_path("/etc/motd"), bad));
}

static long fstat64_buf(void *bad)
{
	int fd = open_or_fail("/etc/motd", O_RDONLY);
	long ret = result(syscall(SYS_fstat64, fd, bad));

	close(fd);
	return ret;
}

void test_efault_stat64(void)
{
	EXPECT_EFAULT({ "stat64(BAD, &st)", stat64_path },
		      { "stat64(motd, BAD)", stat64_buf });
}

void test_efault_fstat64(void)
{
	EXPECT_EFAULT({ "fstat64(motd, BAD)", fstat64_buf });
}

static long llseek_result(void *bad)
{
	int fd = open_or_fail("/etc/motd", O_RDONLY);
	long ret = result(syscall(SYS__llseek, fd, 0, 0, bad, SEEK_SET));

	close(fd);
	return ret;
}

void test_efault_llseek(void)
{
	EXPECT_EFAULT({ "_llseek(motd, 0, 0, BAD, SEEK_SET)", llseek_result });
}

static long getdents64_buf(void *bad)
{
	int fd = open_or_fail("/bin", O_RDONLY | O_DIRECTORY);
	long ret = result(syscall(SYS_getdents64, fd, bad, 4096));

	close(fd);
	return ret;
}

void test_efault_getdents64(void)
{
	EXPECT_EFAULT({ "getdents64(/bin, BAD, 4096)", getdents64_buf });
}

/* The terminal the ioctls ask (find_tty()). */
static int tty_fd = -1;

static long ioctl_tcgets(void *bad)
{
	return result(syscall(SYS_ioctl, tty_fd, TCGETS, bad));
}

static long ioctl_tiocgwinsz(void *bad)
{
	return result(syscall(SYS_ioctl, tty_fd, TIOCGWINSZ, bad));
}

void test_efault_ioctl(void)
{
	tty_fd = find_tty();
	if (tty_fd < 0)
		utest_skip("none of fds 0-2 is a terminal");
	EXPECT_EFAULT({ "ioctl(tty, TCGETS, BAD)", ioctl_tcgets },
		      { "ioctl(tty, TIOCGWINSZ, BAD)", ioctl_tiocgwinsz });
}

/*
 * In a child, in case the kernel runs the program anyway: the child
 * exits with execve()'s errno, returned here negated like the others.
 */
static long execve_in_child(const void *path, const void *argv,
			    const void *envp)
{
	pid_t pid = fork();
	int status;

	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		syscall(SYS_execve, path, argv, envp);
		_exit(errno);
	}
	status = wait_for(pid);
	UT_EXPECT(WIFEXITED(status), "execve with a bad pointer: the child %s",
		  status_text(status));
	return -WEXITSTATUS(status);
}

static char *const good_argv[] = { "hello", NULL };
static char *const good_envp[] = { "HOME=/", NULL };

static long execve_path(void *bad)
{
	return execve_in_child(bad, good_argv, good_envp);
}

static long execve_argv(void *bad)
{
	return execve_in_child(utest_path("/bin/hello"), bad, good_envp);
}

static long execve_argv_string(void *bad)
{
	const void *argv[] = { "hello", bad, NULL };

	return execve_in_child(utest_path("/bin/hello"), argv, good_envp);
}

static long execve_envp(void *bad)
{
	return execve_in_child(utest_path("/bin/hello"), good_argv, bad);
}

static long execve_envp_string(void *bad)
{
	const void *envp[] = { bad, NULL };

	return execve_in_child(utest_path("/bin/hello"), good_argv, envp);
}

void test_efault_execve(void)
{
	EXPECT_EFAULT({ "execve(BAD, argv, envp)", execve_path },
		      { "execve(hello, BAD, envp)", execve_argv },
		      { "execve(hello, {\"hello\", BAD}, envp)",
			execve_argv_string },
		      { "execve(hello, argv, BAD)", execve_envp },
		      { "execve(hello, argv, {BAD})", execve_envp_string });
}

static long wait4_status(void *bad)
{
	pid_t pid = fork();
	long ret;

	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0)
		_exit(0);
	ret = result(syscall(SYS_wait4, pid, bad, 0, NULL));
	/* Linux has reaped the child even so; a kernel that checks first
	 * has not: either way no zombie is left. */
	waitpid(pid, NULL, 0);
	return ret;
}

void test_efault_wait4(void)
{
	EXPECT_EFAULT({ "wait4(child, BAD, 0, NULL)", wait4_status });
}

static long sigaction_act(void *bad)
{
	return result(syscall(SYS_rt_sigaction, SIGUSR1, bad, NULL,
			      KERNEL_SIGSET_SIZE));
}

static long sigaction_oldact(void *bad)
{
	return result(syscall(SYS_rt_sigaction, SIGUSR1, NULL, bad,
			      KERNEL_SIGSET_SIZE));
}

void test_efault_rt_sigaction(void)
{
	EXPECT_EFAULT({ "rt_sigaction(SIGUSR1, BAD, NULL)", sigaction_act },
		      { "rt_sigaction(SIGUSR1, NULL, BAD)", sigaction_oldact });
}

static long sigprocmask_set(void *bad)
{
	return result(syscall(SYS_rt_sigprocmask, SIG_BLOCK, bad, NULL,
			      KERNEL_SIGSET_SIZE));
}

static long sigprocmask_oldset(void *bad)
{
	return result(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, bad,
			      KERNEL_SIGSET_SIZE));
}

void test_efault_rt_sigprocmask(void)
{
	EXPECT_EFAULT({ "rt_sigprocmask(SIG_BLOCK, BAD, NULL)",
			sigprocmask_set },
		      { "rt_sigprocmask(SIG_BLOCK, NULL, BAD)",
			sigprocmask_oldset });
}

static long nanosleep_req(void *bad)
{
	return result(syscall(SYS_nanosleep, bad, NULL));
}

void test_efault_nanosleep(void)
{
	EXPECT_EFAULT({ "nanosleep(BAD, NULL)", nanosleep_req });
}

/* clock_gettime (265), with the 32-bit struct timespec. */
static long clock_gettime_tp(void *bad)
{
	return result(syscall(SYS_clock_gettime32, CLOCK_MONOTONIC, bad));
}

void test_efault_clock_gettime(void)
{
	EXPECT_EFAULT({ "clock_gettime(CLOCK_MONOTONIC, BAD)",
			clock_gettime_tp });
}

static long uname_buf(void *bad)
{
	return result(syscall(SYS_uname, bad));
}

void test_efault_uname(void)
{
	EXPECT_EFAULT({ "uname(BAD)", uname_buf });
}

static long set_thread_area_desc(void *bad)
{
	return result(syscall(SYS_set_thread_area, bad));
}

void test_efault_set_thread_area(void)
{
	EXPECT_EFAULT({ "set_thread_area(BAD)", set_thread_area_desc });
}
