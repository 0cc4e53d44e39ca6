// SPDX-License-Identifier: MIT
/*
 * ubench MODE N: the user side of the kernel's user-workload benchmarks
 * (tests/bench/user_bench.c). The kernel times the whole process, and
 * subtracts the same program run with N = 0, so what is left is N of:
 *
 *   zero   first touch of an anonymous page: a demand-zero fault
 *   cow    a write to a page shared with a child after fork: a COW fault
 *          (the child does the writes, the parent only waits)
 *   fork   fork + exit + wait of a process that has touched 16 MiB
 *   nop    nothing: exec and exit (the kernel's execve benchmark)
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define FORK_TOUCHED (16 << 20)

static char *map(size_t bytes)
{
	char *p = mmap(NULL, bytes ? bytes : PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		_exit(1);
	return p;
}

static void touch(char *p, size_t pages)
{
	for (size_t i = 0; i < pages; i++)
		p[i * PAGE] = 1;
}

static int wait_ok(pid_t pid)
{
	int status;

	return waitpid(pid, &status, 0) == pid && status == 0;
}

int main(int argc, char **argv)
{
	long n = argc == 3 ? atol(argv[2]) : -1;
	char *p;
	pid_t pid;

	if (n < 0)
		return 2;
	if (!strcmp(argv[1], "zero")) {
		touch(map((size_t)n * PAGE), (size_t)n);
	} else if (!strcmp(argv[1], "cow")) {
		/* Touched in both runs: only the child's writes differ. */
		p = map((size_t)(n ? n : 1) * PAGE);
		touch(p, (size_t)(n ? n : 1));
		pid = fork();
		if (pid == 0) {
			touch(p, (size_t)n);
			_exit(0);
		}
		if (pid < 0 || !wait_ok(pid))
			return 1;
	} else if (!strcmp(argv[1], "fork")) {
		p = map(FORK_TOUCHED);
		touch(p, FORK_TOUCHED / PAGE);
		for (long i = 0; i < n; i++) {
			pid = fork();
			if (pid == 0)
				_exit(0);
			if (pid < 0 || !wait_ok(pid))
				return 1;
		}
	} else if (strcmp(argv[1], "nop")) {
		return 2;
	}
	return 0;
}
