// SPDX-License-Identifier: MIT
/*
 * usertests: the character devices (/dev/zero, /dev/full, /dev/urandom),
 * getrandom, poll and select on pipes, and the terminal's process-group
 * rules (tcgetpgrp/tcsetpgrp).
 */
#define _GNU_SOURCE /* ppoll */
#include "usertests.h"
#include "ulib.h"
#include "utest.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int open_dev(const char *path, int flags)
{
	int fd = open(path, flags);

	UT_EXPECT(fd >= 0, "open %s: %s", path, strerror(errno));
	return fd;
}

void test_dev_zero(void)
{
	char buf[5000];
	int fd = open_dev("/dev/zero", O_RDWR);

	memset(buf, 0x55, sizeof(buf));
	UT_EXPECT(read(fd, buf, sizeof(buf)) == (ssize_t)sizeof(buf),
		  "read /dev/zero: %s", strerror(errno));
	for (size_t i = 0; i < sizeof(buf); i++)
		UT_EXPECT(buf[i] == 0, "byte %zu of /dev/zero is %#x", i,
			  buf[i]);
	UT_EXPECT(write(fd, buf, 100) == 100, "write /dev/zero: %s",
		  strerror(errno));
	close(fd);
}

void test_dev_full(void)
{
	char buf[16] = "x";
	int fd = open_dev("/dev/full", O_RDWR);

	UT_EXPECT(write(fd, buf, 1) == -1 && errno == ENOSPC,
		  "write /dev/full: expected ENOSPC, got %s", strerror(errno));
	UT_EXPECT(read(fd, buf, sizeof(buf)) == (ssize_t)sizeof(buf) &&
			  buf[0] == 0 && buf[15] == 0,
		  "read /dev/full: expected zeros");
	close(fd);
}

void test_dev_urandom(void)
{
	unsigned char a[64], b[64];
	int fd = open_dev("/dev/urandom", O_RDONLY), zeros = 0;

	UT_EXPECT(read(fd, a, sizeof(a)) == (ssize_t)sizeof(a) &&
			  read(fd, b, sizeof(b)) == (ssize_t)sizeof(b),
		  "read /dev/urandom: %s", strerror(errno));
	UT_EXPECT(memcmp(a, b, sizeof(a)) != 0,
		  "two reads of /dev/urandom gave the same bytes");
	for (size_t i = 0; i < sizeof(a); i++)
		zeros += !a[i];
	UT_EXPECT(zeros < 8, "%d of 64 random bytes are zero", zeros);
	close(fd);
	fd = open_dev("/dev/random", O_RDONLY);
	UT_EXPECT(read(fd, a, 8) == 8, "read /dev/random: %s", strerror(errno));
	close(fd);
}

void test_getrandom(void)
{
	unsigned char a[32], b[32];

	UT_EXPECT(syscall(SYS_getrandom, a, sizeof(a), 0) == sizeof(a),
		  "getrandom: %s", strerror(errno));
	UT_EXPECT(syscall(SYS_getrandom, b, sizeof(b), 1 /* NONBLOCK */) ==
			  sizeof(b),
		  "getrandom(GRND_NONBLOCK): %s", strerror(errno));
	UT_EXPECT(memcmp(a, b, sizeof(a)) != 0,
		  "two getrandom calls gave the same bytes");
	UT_EXPECT(syscall(SYS_getrandom, a, sizeof(a), 0x100) == -1 &&
			  errno == EINVAL,
		  "getrandom with an unknown flag: expected EINVAL, got %s",
		  strerror(errno));
	UT_EXPECT(syscall(SYS_getrandom, (void *)0xc0000000, 16, 0) == -1 &&
			  errno == EFAULT,
		  "getrandom into the kernel: expected EFAULT, got %s",
		  strerror(errno));
}

void test_poll_pipe(void)
{
	struct pollfd p[2];
	int fds[2], child;
	long t0;

	UT_EXPECT(pipe(fds) == 0, "pipe: %s", strerror(errno));
	p[0] = (struct pollfd){fds[0], POLLIN, 0};
	p[1] = (struct pollfd){fds[1], POLLOUT, 0};
	UT_EXPECT(poll(p, 2, 0) == 1 && !p[0].revents &&
			  p[1].revents == POLLOUT,
		  "empty pipe: expected only the write end ready");
	t0 = now_ms();
	UT_EXPECT(poll(p, 1, 100) == 0,
		  "poll on an empty pipe did not time out");
	UT_EXPECT(now_ms() - t0 >= 90, "poll's 100 ms timeout took %ld ms",
		  now_ms() - t0);
	child = fork();
	if (child == 0) {
		usleep(50000);
		_exit(write(fds[1], "x", 1) != 1);
	}
	/* Woken by the child's write, well before the timeout. */
	t0 = now_ms();
	UT_EXPECT(poll(p, 1, 5000) == 1 && p[0].revents == POLLIN,
		  "poll: expected POLLIN, got %#x", p[0].revents);
	UT_EXPECT(now_ms() - t0 < 4000, "poll waited for its timeout");
	utest_expect_exit(wait_for(child), 0, "the writer");
	close(fds[1]);
	UT_EXPECT(poll(p, 1, 0) == 1 && (p[0].revents & POLLHUP),
		  "no writer left: expected POLLHUP, got %#x", p[0].revents);
	p[0].fd = 31; /* not open */
	UT_EXPECT(poll(p, 1, 0) == 1 && p[0].revents == POLLNVAL,
		  "a closed fd: expected POLLNVAL, got %#x", p[0].revents);
	close(fds[0]);
}

void test_select_pipe(void)
{
	struct timeval tv = {0, 100000};
	fd_set rd, wr;
	int fds[2];

	UT_EXPECT(pipe(fds) == 0, "pipe: %s", strerror(errno));
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	UT_EXPECT(select(fds[0] + 1, &rd, NULL, NULL, &tv) == 0,
		  "select on an empty pipe did not time out");
	UT_EXPECT(write(fds[1], "ab", 2) == 2, "write: %s", strerror(errno));
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &rd);
	FD_SET(fds[1], &wr);
	tv = (struct timeval){1, 0};
	UT_EXPECT(select(fds[1] + 1, &rd, &wr, NULL, &tv) == 2 &&
			  FD_ISSET(fds[0], &rd) && FD_ISSET(fds[1], &wr),
		  "select: expected both ends ready");
	/* pselect and ppoll (musl: the _time64 calls first). */
	{
		struct timespec ts = {0, 50000000};
		struct pollfd p = {fds[1], POLLIN, 0};
		long t0 = now_ms();

		FD_ZERO(&rd);
		FD_SET(fds[1], &rd); /* the write end is never readable */
		UT_EXPECT(pselect(fds[1] + 1, &rd, NULL, NULL, &ts, NULL) == 0,
			  "pselect did not time out: %s", strerror(errno));
		UT_EXPECT(ppoll(&p, 1, &ts, NULL) == 0,
			  "ppoll did not time out: %s", strerror(errno));
		UT_EXPECT(now_ms() - t0 >= 95, "two 50 ms timeouts took %ld ms",
			  now_ms() - t0);
	}
	FD_ZERO(&rd);
	FD_SET(30, &rd);
	UT_EXPECT(select(31, &rd, NULL, NULL, &tv) == -1 && errno == EBADF,
		  "select on a closed fd: expected EBADF, got %s",
		  strerror(errno));
	close(fds[0]);
	close(fds[1]);
}

void test_tty_pgrp(void)
{
	int tty = find_tty(), fds[2], sid = 0;
	pid_t pg;

	if (tty < 0)
		utest_skip("none of fds 0-2 is a terminal");
	pg = tcgetpgrp(tty);
	if (pg < 0 && errno == ENOTTY)
		utest_skip("the terminal is not our controlling tty");
	/*
	 * We run in the foreground group. (getpgrp() would say which one,
	 * but the kernel has no getpgid yet.)
	 */
	UT_EXPECT(pg > 0, "tcgetpgrp: %s", strerror(errno));
	UT_EXPECT(ioctl(tty, TIOCGSID, &sid) == 0 && sid > 0, "TIOCGSID: %s",
		  strerror(errno));
	UT_EXPECT(tcsetpgrp(tty, pg) == 0, "tcsetpgrp(our group %d): %s", pg,
		  strerror(errno));
	UT_EXPECT(tcsetpgrp(tty, -1) == -1 && errno == EINVAL,
		  "tcsetpgrp(-1): expected EINVAL, got %s", strerror(errno));
	UT_EXPECT(tcsetpgrp(tty, 0x3ffffff0) == -1 && errno == ESRCH,
		  "tcsetpgrp(no such group): expected ESRCH, got %s",
		  strerror(errno));
	/* /dev/tty: the controlling tty, whatever fds 0-2 are. */
	fds[0] = open("/dev/tty", O_RDWR);
	UT_EXPECT(fds[0] >= 0 && isatty(fds[0]), "open /dev/tty: %s",
		  strerror(errno));
	close(fds[0]);
	UT_EXPECT(pipe(fds) == 0, "pipe: %s", strerror(errno));
	UT_EXPECT(tcgetpgrp(fds[0]) == -1 && errno == ENOTTY,
		  "tcgetpgrp on a pipe: expected ENOTTY, got %s",
		  strerror(errno));
	close(fds[0]);
	close(fds[1]);
}
