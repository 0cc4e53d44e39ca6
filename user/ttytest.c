// SPDX-License-Identifier: MIT
/*
 * ttytest: the console tty seen from a program, for the boot tests
 * (tests/boot/cases.py), which type at it. Each mode prints a ready
 * line; the test feeds its input after that line.
 *
 *   ttytest spin     write to /dev/null forever, never reading (^C ends it)
 *   ttytest lines    print "got: LINE" for each line read, until end of file
 *   ttytest raw      poll with a timeout, then non-canonical reads:
 *                    VMIN=1 byte by byte, then VMIN=0 VTIME=2 (a timeout)
 *   ttytest pgrp PID tcsetpgrp(0, PID): PID leads a group of another
 *                    session (EPERM), or is no group (ESRCH)
 *   ttytest args ... print its arguments (the "--" words of the kernel)
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int spin(void)
{
	int fd = open("/dev/null", O_WRONLY);
	char buf[64] = "y\n";

	printf("ttytest: spinning\n");
	fflush(stdout);
	for (;;)
		if (write(fd, buf, 2) != 2)
			return 1;
}

static int lines(void)
{
	char line[256];
	ssize_t n;

	printf("ttytest: reading lines\n");
	fflush(stdout);
	while ((n = read(0, line, sizeof(line) - 1)) > 0) {
		line[n] = '\0';
		if (n && line[n - 1] == '\n')
			line[n - 1] = '\0';
		printf("got: %s\n", line);
		fflush(stdout);
	}
	printf("ttytest: end of file (%zd)\n", n);
	return n < 0;
}

static int raw(void)
{
	struct termios t, saved;
	struct pollfd p = {0, POLLIN, 0};
	long t0;
	char c[3];
	int n;

	if (tcgetattr(0, &saved))
		return printf("tcgetattr: %s\n", strerror(errno)), 1;
	t = saved;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (tcsetattr(0, TCSANOW, &t))
		return printf("tcsetattr: %s\n", strerror(errno)), 1;
	t0 = now_ms();
	n = poll(&p, 1, 300);
	printf("poll: %d after %s300 ms\n", n,
	       now_ms() - t0 >= 290 ? "" : "less than ");
	printf("ttytest: raw ready\n");
	fflush(stdout);
	n = poll(&p, 1, -1);
	printf("poll: %d revents %#x\n", n, p.revents);
	for (int i = 0; i < 3; i++)
		if (read(0, &c[i], 1) != 1)
			return printf("read: %s\n", strerror(errno)), 1;
	printf("raw: %02x %02x %02x\n", c[0], c[1], c[2]);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 2;
	tcsetattr(0, TCSANOW, &t);
	t0 = now_ms();
	n = (int)read(0, c, 1);
	printf("raw: timeout read %d after %s200 ms\n", n,
	       now_ms() - t0 >= 190 ? "" : "less than ");
	tcsetattr(0, TCSANOW, &saved);
	return 0;
}

static int pgrp(const char *arg)
{
	int pid = atoi(arg);

	printf("ttytest: foreground group %d\n", (int)tcgetpgrp(0));
	if (tcsetpgrp(0, pid) == 0)
		printf("tcsetpgrp(%d): allowed\n", pid);
	else
		printf("tcsetpgrp(%d): %s\n", pid, strerror(errno));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "spin"))
		return spin();
	if (argc > 1 && !strcmp(argv[1], "lines"))
		return lines();
	if (argc > 1 && !strcmp(argv[1], "raw"))
		return raw();
	if (argc > 2 && !strcmp(argv[1], "pgrp"))
		return pgrp(argv[2]);
	for (int i = 0; i < argc; i++)
		printf("ttytest: argv[%d]=%s\n", i, argv[i]);
	return argc > 1 && !strcmp(argv[1], "args") ? 0 : 2;
}
