// SPDX-License-Identifier: MIT
/*
 * usertests: process groups, sessions and job control. setpgid, setsid
 * and their rules; kill() of a group; stop signals, SIGCONT, and what
 * wait4 reports of them (WUNTRACED, WCONTINUED).
 *
 * Every test runs in a child of usertests, in usertests' group: tests
 * that signal a group make a group of their own first.
 */
#include "usertests.h"
#include "ulib.h"
#include "utest.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Fork a child that writes one byte to @fd, then waits for signals. */
static pid_t fork_waiter(int fd, bool own_session)
{
	pid_t pid = fork();

	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		if (own_session && setsid() != getpid())
			_exit(2);
		if (write(fd, "x", 1) != 1)
			_exit(3);
		for (;;)
			pause();
	}
	return pid;
}

/* Wait until the child behind @fd wrote its byte. */
static void wait_ready(int fd)
{
	char c;

	UT_EXPECT(read(fd, &c, 1) == 1, "the child did not get ready: %s",
		  strerror(errno));
}

void test_pgrp_rules(void)
{
	pid_t me = getpid(), child;
	int fds[2];

	UT_EXPECT(getpgid(0) == getpgrp(), "getpgid(0) %d, getpgrp %d",
		  getpgid(0), getpgrp());
	UT_EXPECT(getpgid(me) == getpgid(getppid()),
		  "a fork child left its parent's group");
	UT_EXPECT(getsid(0) == getsid(getppid()), "a fork child left the session");
	UT_EXPECT(getpgid(0) != me, "a fork child leads a group");
	UT_EXPECT(setpgid(0, 99999) == -1 && errno == EPERM,
		  "setpgid to a group that does not exist: %s",
		  strerror(errno));
	UT_EXPECT(setpgid(0, -1) == -1 && errno == EINVAL,
		  "setpgid(0, -1): %s", strerror(errno));
	UT_EXPECT(setpgid(getppid(), 0) == -1 && errno == ESRCH,
		  "setpgid of the parent: %s", strerror(errno));
	UT_EXPECT(getpgid(99999) == -1 && errno == ESRCH, "getpgid(99999): %s",
		  strerror(errno));
	UT_EXPECT(setpgid(0, 0) == 0 && getpgrp() == me,
		  "setpgid(0, 0): %s", strerror(errno));
	UT_EXPECT(setsid() == -1 && errno == EPERM,
		  "setsid in a group leader: %s", strerror(errno));

	/* A child that made a session of its own is out of our reach. */
	UT_EXPECT(pipe(fds) == 0, "pipe: %s", strerror(errno));
	child = fork_waiter(fds[1], true);
	wait_ready(fds[0]);
	UT_EXPECT(getsid(child) == child && getpgid(child) == child,
		  "after setsid: session %d, group %d", getsid(child),
		  getpgid(child));
	UT_EXPECT(setpgid(child, me) == -1 && errno == EPERM,
		  "setpgid of a child in another session: %s",
		  strerror(errno));
	kill(child, SIGKILL);
	utest_expect_signal(wait_for(child), SIGKILL, "the session leader");

	/* A child in our session joins our group, or one of its own. */
	child = fork_waiter(fds[1], false);
	wait_ready(fds[0]);
	UT_EXPECT(setpgid(child, child) == 0 && getpgid(child) == child,
		  "setpgid(child, child): %s", strerror(errno));
	UT_EXPECT(setpgid(child, me) == 0 && getpgid(child) == me,
		  "setpgid(child, our group): %s", strerror(errno));
	kill(child, SIGKILL);
	utest_expect_signal(wait_for(child), SIGKILL, "the group member");
}

void test_kill_group(void)
{
	pid_t a, b, me = getpid();
	int fds[2], status;

	UT_EXPECT(setpgid(0, 0) == 0, "setpgid: %s", strerror(errno));
	UT_EXPECT(pipe(fds) == 0, "pipe: %s", strerror(errno));
	signal(SIGTERM, SIG_IGN); /* the sender survives its own kill(0) */
	a = fork_waiter(fds[1], false);
	b = fork_waiter(fds[1], false);
	wait_ready(fds[0]);
	wait_ready(fds[0]);
	UT_EXPECT(kill(0, SIGTERM) == 0, "kill(0): %s", strerror(errno));
	/* waitpid(0): any child of our group. */
	for (int i = 0; i < 2; i++) {
		pid_t got = waitpid(0, &status, 0);

		UT_EXPECT(got == a || got == b, "waitpid(0) returned %d: %s",
			  got, strerror(errno));
		utest_expect_signal(status, SIGTERM, "kill(0, SIGTERM)");
	}
	a = fork_waiter(fds[1], false);
	wait_ready(fds[0]);
	UT_EXPECT(kill(-me, SIGTERM) == 0, "kill(-pgrp): %s", strerror(errno));
	UT_EXPECT(waitpid(-me, &status, 0) == a, "waitpid(-pgrp): %s",
		  strerror(errno));
	utest_expect_signal(status, SIGTERM, "kill(-pgrp, SIGTERM)");
	UT_EXPECT(kill(-99999, SIGTERM) == -1 && errno == ESRCH,
		  "kill of an empty group: %s", strerror(errno));
}

/* waitpid(@pid, @options) must report @what in *@status. */
static int wait_report(pid_t pid, int options)
{
	int status = 0;
	pid_t got = waitpid(pid, &status, options);

	UT_EXPECT(got == pid, "waitpid(%d, %#x) returned %d: %s", pid,
		  options, got, strerror(errno));
	return status;
}

void test_stop_continue(void)
{
	int fds[2], status = 0;
	pid_t child;

	UT_EXPECT(pipe(fds) == 0, "pipe: %s", strerror(errno));
	child = fork_waiter(fds[1], false);
	wait_ready(fds[0]);
	UT_EXPECT(waitpid(child, &status, WNOHANG | WUNTRACED) == 0,
		  "WNOHANG reports a running child");

	kill(child, SIGSTOP);
	status = wait_report(child, WUNTRACED);
	UT_EXPECT(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP,
		  "not stopped by SIGSTOP: %#x", status);
	UT_EXPECT(waitpid(child, &status, WNOHANG | WUNTRACED) == 0,
		  "a stop reported twice");
	kill(child, SIGCONT);
	status = wait_report(child, WCONTINUED);
	UT_EXPECT(WIFCONTINUED(status), "not continued: %#x", status);

	kill(child, SIGTSTP);
	status = wait_report(child, WUNTRACED);
	UT_EXPECT(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTSTP,
		  "not stopped by SIGTSTP: %#x", status);
	/* A stopped process still dies of SIGKILL. */
	kill(child, SIGKILL);
	utest_expect_signal(wait_report(child, 0), SIGKILL, "a stopped child");
}

/* A 100 ms nanosleep that a stop interrupts must still sleep it all. */
static void sleep_through_stop(void *unused)
{
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	long long start = now_ns();

	(void)unused;
	if (nanosleep(&ts, NULL))
		_exit(1);
	_exit(now_ns() - start >= 100 * 1000 * 1000 ? 0 : 2);
}

void test_stop_nanosleep(void)
{
	pid_t child = fork();
	struct timespec ms20 = { 0, 20 * 1000 * 1000 };
	int status;

	UT_EXPECT(child >= 0, "fork: %s", strerror(errno));
	if (child == 0)
		sleep_through_stop(NULL);
	nanosleep(&ms20, NULL);
	kill(child, SIGSTOP);
	status = wait_report(child, WUNTRACED);
	UT_EXPECT(WIFSTOPPED(status), "not stopped: %#x", status);
	kill(child, SIGCONT);
	utest_expect_exit(wait_report(child, 0), 0,
			  "nanosleep across a stop (1: it failed, 2: too short)");
}

/* A pipe read that a stop interrupts starts again: no EINTR, no handler. */
void test_stop_pipe_read(void)
{
	struct timespec ms20 = { 0, 20 * 1000 * 1000 };
	int fds[2], status;
	pid_t child;
	char c;

	UT_EXPECT(pipe(fds) == 0, "pipe: %s", strerror(errno));
	child = fork();
	UT_EXPECT(child >= 0, "fork: %s", strerror(errno));
	if (child == 0)
		_exit(read(fds[0], &c, 1) == 1 && c == 'y' ? 0 : 1);
	nanosleep(&ms20, NULL);
	kill(child, SIGSTOP);
	status = wait_report(child, WUNTRACED);
	UT_EXPECT(WIFSTOPPED(status), "not stopped: %#x", status);
	kill(child, SIGCONT);
	nanosleep(&ms20, NULL);
	UT_EXPECT(write(fds[1], "y", 1) == 1, "write: %s", strerror(errno));
	utest_expect_exit(wait_report(child, 0), 0,
			  "a read across a stop (1: it failed)");
}
