// SPDX-License-Identifier: MIT
/* utest: the runner. See utest.h for how a test reports. */
#include "utest.h"
#include "ulib.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

/* How a test's process tells the runner it already printed its line. */
#define EXIT_REPORTED_FAILURE 101
#define EXIT_REPORTED_SKIP 102

const char *utest_root = "";
int utest_on_linux64;

/* The test that the current process runs: its number and name. */
static int current_number;
static const char *current_name = "?";

void utest_fail(const char *fmt, ...)
{
	char reason[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	uprintf("not ok %d - %s: %s\n", current_number, current_name, reason);
	_exit(EXIT_REPORTED_FAILURE);
}

void utest_skip(const char *fmt, ...)
{
	char reason[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	uprintf("ok %d - %s # SKIP %s\n", current_number, current_name,
		reason);
	_exit(EXIT_REPORTED_SKIP);
}

void utest_note(const char *fmt, ...)
{
	char note[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(note, sizeof(note), fmt, ap);
	va_end(ap);
	uprintf("# %s\n", note);
}

const char *utest_path(const char *path)
{
	size_t len = strlen(utest_root) + strlen(path) + 1;
	char *full = malloc(len);

	if (!full)
		utest_fail("out of memory for the path %s", path);
	snprintf(full, len, "%s%s", utest_root, path);
	return full;
}

void utest_expect_signal(int status, int sig, const char *what)
{
	if (status == -1)
		utest_fail("%s: fork or wait failed", what);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != sig)
		utest_fail("%s: %s, expected killed by signal %d (%s)", what,
			   status_text(status), sig, signal_name(sig));
}

void utest_expect_exit(int status, int code, const char *what)
{
	if (status == -1)
		utest_fail("%s: fork or wait failed", what);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
		utest_fail("%s: %s, expected exited with %d", what,
			   status_text(status), code);
}

/* The machine the tests run on, as a note; sets utest_on_linux64. */
static void describe_system(void)
{
	struct utsname u;

	if (uname(&u) != 0) {
		utest_note("uname failed");
		return;
	}
	/* An i386 kernel never calls itself x86_64. */
	utest_on_linux64 = strcmp(u.sysname, "Linux") == 0 &&
			   strcmp(u.machine, "x86_64") == 0;
	utest_note("running on %s %s %s%s", u.sysname, u.release, u.machine,
		   utest_on_linux64 ? " (a 64-bit Linux host)" : "");
}

/* Runs one test in a child; returns 1 if it passed or was skipped. */
static int run_one(const struct utest *test, int number, int *skipped)
{
	int status;
	pid_t pid;

	current_number = number;
	current_name = test->name;
	pid = fork();
	if (pid < 0) {
		uprintf("not ok %d - %s: fork failed\n", number, test->name);
		return 0;
	}
	if (pid == 0) {
		test->run();
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid) {
		uprintf("not ok %d - %s: waitpid failed\n", number, test->name);
		return 0;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		uprintf("ok %d - %s\n", number, test->name);
		return 1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_REPORTED_SKIP) {
		(*skipped)++;
		return 1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_REPORTED_FAILURE)
		return 0;
	uprintf("not ok %d - %s: the test's process %s\n", number, test->name,
		status_text(status));
	return 0;
}

static const struct utest *find_test(const struct utest *tests, size_t count,
				     const char *name)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(tests[i].name, name) == 0)
			return &tests[i];
	return NULL;
}

static int usage(const char *suite)
{
	fprintf(stderr, "usage: %s [-root DIR] [-oom] [TEST...]\n", suite);
	return 2;
}

int utest_main(const char *suite, const struct utest *tests, size_t count,
	       int argc, char **argv)
{
	const struct utest **selected = calloc(count + (size_t)argc,
					       sizeof(*selected));
	size_t nselected = 0;
	int with_oom = 0, named = 0, passed = 0, failed = 0, skipped = 0;

	if (!selected)
		return 2;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-root") == 0 && i + 1 < argc) {
			utest_root = argv[++i];
		} else if (strcmp(argv[i], "-oom") == 0) {
			with_oom = 1;
		} else if (argv[i][0] == '-') {
			return usage(suite);
		} else if (!(selected[nselected] =
				     find_test(tests, count, argv[i]))) {
			fprintf(stderr, "%s: no test named '%s'\n", suite,
				argv[i]);
			return 2;
		} else {
			nselected++;
			named = 1;
		}
	}
	if (!named)
		for (size_t i = 0; i < count; i++)
			if (!(tests[i].flags & UTEST_OOM) || with_oom)
				selected[nselected++] = &tests[i];

	uprintf("KTAP version 1\n");
	describe_system();
	uprintf("1..%zu\n", nselected);
	for (size_t i = 0; i < nselected; i++) {
		if (run_one(selected[i], (int)i + 1, &skipped))
			passed++;
		else
			failed++;
	}
	if (skipped)
		uprintf("# %d of the passed tests were skipped\n", skipped);
	uprintf("%s: %d passed, %d failed\n", suite, passed, failed);
	return failed ? 1 : 0;
}
