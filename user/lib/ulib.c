// SPDX-License-Identifier: MIT
/* ulib: printing, sizes, time and child processes for the user programs. */
#include "ulib.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void uprintf(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if ((size_t)len >= sizeof(line))
		len = sizeof(line) - 1;
	/* A console may take less than asked: write the rest. */
	for (int done = 0; done < len;) {
		ssize_t n = write(1, line + done, len - done);

		if (n <= 0)
			return;
		done += n;
	}
}

int parse_size(const char *text, size_t *bytes)
{
	size_t value = 0, unit = 1;
	const char *p = text;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (value > (SIZE_MAX - 9) / 10)
			return -1;
		value = value * 10 + (size_t)(*p - '0');
	}
	switch (*p) {
	case 'K': case 'k': unit = KIB; p++; break;
	case 'M': case 'm': unit = MIB; p++; break;
	case 'G': case 'g': unit = 1024 * MIB; p++; break;
	}
	if (*p != '\0' || value > SIZE_MAX / unit)
		return -1;
	*bytes = value * unit;
	return 0;
}

long long now_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return -1;
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

const char *signal_name(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "SIGHUP",	[SIGINT] = "SIGINT",
		[SIGQUIT] = "SIGQUIT",	[SIGILL] = "SIGILL",
		[SIGTRAP] = "SIGTRAP",	[SIGABRT] = "SIGABRT",
		[SIGBUS] = "SIGBUS",	[SIGFPE] = "SIGFPE",
		[SIGKILL] = "SIGKILL",	[SIGUSR1] = "SIGUSR1",
		[SIGSEGV] = "SIGSEGV",	[SIGUSR2] = "SIGUSR2",
		[SIGPIPE] = "SIGPIPE",	[SIGALRM] = "SIGALRM",
		[SIGTERM] = "SIGTERM",	[SIGCHLD] = "SIGCHLD",
		[SIGSYS] = "SIGSYS",
	};

	if (sig > 0 && sig < (int)(sizeof(names) / sizeof(names[0])) &&
	    names[sig])
		return names[sig];
	return "SIG?";
}

const char *status_text(int status)
{
	static char text[64];

	if (WIFEXITED(status))
		snprintf(text, sizeof(text), "exited with %d",
			 WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(text, sizeof(text), "killed by signal %d (%s)",
			 WTERMSIG(status), signal_name(WTERMSIG(status)));
	else
		snprintf(text, sizeof(text), "wait status %#x", status);
	return text;
}

int run_in_child(void (*fn)(void *arg), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

void *map_pages(size_t bytes)
{
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}
