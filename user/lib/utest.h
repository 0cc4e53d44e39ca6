/* SPDX-License-Identifier: MIT */
/*
 * utest: a tiny test framework for user programs, after xv6's
 * usertests. Every test runs in a child process of its own, so a test
 * that crashes, or leaves its memory in a mess, fails alone and the
 * next test starts clean. Results are printed KTAP-like:
 *
 *   ok 3 - fork_wait
 *   not ok 4 - cow_brk: the child saw the parent's write
 *   ok 5 - fault_exec_heap # SKIP the CPU has no NX
 *   usertests: 4 passed, 1 failed
 *
 * A test checks with UT_EXPECT() and ends at the first failure. Only
 * the test's own process may call UT_EXPECT(), utest_fail() and
 * utest_skip(): a child that the test forks reports through its exit
 * status instead.
 */
#ifndef USER_LIB_UTEST_H
#define USER_LIB_UTEST_H

#include <stddef.h>

struct utest {
	const char *name;
	void (*run)(void);
	unsigned int flags;
};

/* Runs only with -oom or when named: it fills all memory on purpose. */
#define UTEST_OOM 1u

/* Prefix of every path into the initramfs: "" on the kernel (-root). */
extern const char *utest_root;

/*
 * Set when the kernel is a 64-bit Linux running this i386 program in
 * compatibility mode: the host where the programs are checked. A few
 * tests accept Linux's answer there where it differs from this
 * kernel's contract (they say why).
 */
extern int utest_on_linux64;

#define UT_EXPECT(cond, ...)					\
	do {							\
		if (!(cond))					\
			utest_fail(__VA_ARGS__);		\
	} while (0)

/**
 * utest_fail - end the current test as failed
 * @fmt: printf format of the reason, printed after the test's name
 */
void utest_fail(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

/**
 * utest_skip - end the current test as skipped: it cannot run here
 * @fmt: printf format of the reason
 */
void utest_skip(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

/**
 * utest_note - print a diagnostic line ("# ...") under the current test
 * @fmt: printf format
 */
void utest_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * utest_path - a path into the initramfs, with utest_root before it
 * @path: absolute, such as "/bin/hello"
 *
 * Return: a string that stays valid until the test ends.
 */
const char *utest_path(const char *path);

/**
 * utest_expect_signal - fail unless @status says "killed by @sig"
 * @status: a wait status, or -1 when the child could not be run
 * @sig: the signal expected
 * @what: what the child did, for the failure message
 */
void utest_expect_signal(int status, int sig, const char *what);

/**
 * utest_expect_exit - fail unless @status says "exited with @code"
 * @status: a wait status, or -1 when the child could not be run
 * @code: the exit status expected
 * @what: what the child did, for the failure message
 */
void utest_expect_exit(int status, int code, const char *what);

/**
 * utest_main - parse the command line, run the tests, print the results
 * @suite: the name on the last line ("usertests: N passed, M failed")
 * @tests: the table of tests, in the order they run
 * @count: how many there are
 * @argc: main()'s; the options are [-root DIR] [-oom] [NAME...]
 * @argv: main()'s
 *
 * Return: main()'s exit status: 0 when every test passed, 1 when one
 * failed, 2 for a bad command line.
 */
int utest_main(const char *suite, const struct utest *tests, size_t count,
	       int argc, char **argv);

#endif
