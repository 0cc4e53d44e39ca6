// SPDX-License-Identifier: MIT
/*
 * usertests: kill() with the default actions, SIG_IGN, the signal mask;
 * and the small calls: uname, the clock, nanosleep, sched_yield. The
 * handlers are in sighandlers.c.
 */
#include "usertests.h"
#include "ulib.h"
#include "utest.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

void test_kill_sigkill(void)
{
	pid_t pid = fork();

	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		/* No system call ever: the kernel must stop it from a timer. */
		for (volatile unsigned long spin = 0;; spin++)
			;
	}
	sleep_ms(10);
	UT_EXPECT(kill(pid, SIGKILL) == 0, "kill: %s", strerror(errno));
	utest_expect_signal(wait_for(pid), SIGKILL, "a child in a busy loop");
}

void test_kill_sigterm(void)
{
	pid_t pid = fork();

	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		/* Asleep in the kernel: the signal must wake it up. */
		for (;;)
			sleep_ms(1000);
	}
	sleep_ms(10);
	UT_EXPECT(kill(pid, SIGTERM) == 0, "kill: %s", strerror(errno));
	utest_expect_signal(wait_for(pid), SIGTERM,
			    "a sleeping child, SIGTERM's default action");
}

static void kill_self_with_sigterm(void *unused)
{
	(void)unused;
	kill(getpid(), SIGTERM);
}

static void restore_and_kill_self(void *unused)
{
	(void)unused;
	signal(SIGTERM, SIG_DFL);
	kill(getpid(), SIGTERM);
}

void test_sigterm_ignored(void)
{
	struct sigaction old;

	UT_EXPECT(signal(SIGTERM, SIG_IGN) != SIG_ERR, "signal: %s",
		  strerror(errno));
	UT_EXPECT(kill(getpid(), SIGTERM) == 0, "kill: %s", strerror(errno));
	/* Still alive: the signal was thrown away. */
	UT_EXPECT(sigaction(SIGTERM, NULL, &old) == 0 &&
			  old.sa_handler == SIG_IGN,
		  "sigaction does not read back SIG_IGN");
	utest_expect_exit(run_in_child(kill_self_with_sigterm, NULL), 0,
			  "a child inherits SIG_IGN and survives SIGTERM");
	utest_expect_signal(run_in_child(restore_and_kill_self, NULL),
			    SIGTERM, "a child back at SIG_DFL");
}

void test_sigprocmask(void)
{
	sigset_t usr1, old, now;

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	UT_EXPECT(sigprocmask(SIG_BLOCK, &usr1, &old) == 0, "sigprocmask: %s",
		  strerror(errno));
	UT_EXPECT(!sigismember(&old, SIGUSR1), "SIGUSR1 blocked from start");
	UT_EXPECT(sigprocmask(SIG_SETMASK, NULL, &now) == 0 &&
			  sigismember(&now, SIGUSR1),
		  "the mask does not read back SIGUSR1 after SIG_BLOCK");
	UT_EXPECT(sigprocmask(SIG_UNBLOCK, &usr1, &now) == 0 &&
			  sigprocmask(SIG_SETMASK, NULL, &now) == 0 &&
			  !sigismember(&now, SIGUSR1),
		  "SIGUSR1 still blocked after SIG_UNBLOCK");
	/* SIGKILL cannot be blocked: the kernel leaves it out silently. */
	sigemptyset(&now);
	sigaddset(&now, SIGKILL);
	UT_EXPECT(sigprocmask(SIG_SETMASK, &now, NULL) == 0 &&
			  sigprocmask(SIG_SETMASK, NULL, &now) == 0 &&
			  !sigismember(&now, SIGKILL),
		  "SIGKILL reads back as blocked");
}

void test_uname(void)
{
	struct utsname u;

	UT_EXPECT(uname(&u) == 0, "uname: %s", strerror(errno));
	UT_EXPECT(u.sysname[0] != '\0', "sysname is empty");
	UT_EXPECT(memchr(u.sysname, '\0', sizeof(u.sysname)),
		  "sysname is not NUL-terminated");
	UT_EXPECT(u.machine[0] != '\0', "machine is empty");
}

void test_clock_nanosleep(void)
{
	long long before = now_ns(), after;
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 };

	UT_EXPECT(before >= 0, "clock_gettime(CLOCK_MONOTONIC): %s",
		  strerror(errno));
	UT_EXPECT(nanosleep(&ten_ms, NULL) == 0, "nanosleep: %s",
		  strerror(errno));
	after = now_ns();
	UT_EXPECT(after - before >= 10 * 1000 * 1000,
		  "nanosleep(10 ms) took %lld us by CLOCK_MONOTONIC",
		  (after - before) / 1000);
}

void test_sched_yield(void)
{
	for (int i = 0; i < 10; i++)
		UT_EXPECT(sched_yield() == 0, "sched_yield: %s",
			  strerror(errno));
}

/* struct user_desc's flags: a 32-bit, writable, page-granular segment. */
#define TLS_FLAGS_PRESENT 0x51
#define TLS_FLAGS_GONE 0x28 /* not present, read-exec only */

/* int $0x80 itself: musl reaches the kernel through %gs, which we break. */
static long raw_syscall1(long nr, long a)
{
	long ret;

	__asm__ __volatile__("int $0x80" : "=a"(ret) : "a"(nr), "b"(a)
			     : "memory");
	return ret;
}

/*
 * Load %fs with the TLS selector, then remove the TLS entry (musl's own,
 * %gs's, goes too): returning to user mode must not oops the kernel; the
 * saved selectors come back null and the process goes on to exit.
 */
static void tls_removed_while_loaded(void *arg)
{
	static char area[64];
	unsigned int desc[4] = { ~0u, (unsigned int)(unsigned long)area, 0xfffff,
				 TLS_FLAGS_PRESENT };
	unsigned short sel;

	(void)arg;
	if (raw_syscall1(SYS_set_thread_area, (long)desc))
		raw_syscall1(SYS_exit_group, 2);
	sel = (unsigned short)(desc[0] * 8 + 3);
	__asm__ __volatile__("mov %0, %%fs" : : "r"(sel));
	desc[1] = desc[2] = 0;
	desc[3] = TLS_FLAGS_GONE;
	if (raw_syscall1(SYS_set_thread_area, (long)desc))
		raw_syscall1(SYS_exit_group, 3);
	raw_syscall1(SYS_exit_group, 0);
}

void test_tls_removed_while_loaded(void)
{
	utest_expect_exit(run_in_child(tls_removed_while_loaded, NULL), 0,
			  "set_thread_area removing a loaded segment");
}
