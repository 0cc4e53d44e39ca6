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
 *   fread  pread of 4 KiB from a cached file (16 pages, in turn)
 *   fwrite pwrite of 4 KiB into it
 *   fmmap  mmap of one page of it, a read of the page, munmap
 *   pipe   a one-byte round trip to a child through two pipes
 *
 * The file is made in /tmp in both runs and removed at the end; its
 * pages are where the process's are (HighMem, or lowmem for a process
 * the kernel placed there).
 */
#include <fcntl.h>
#include <stdio.h>
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

static int wait_ok(pid_t pid);

#define FILE_PAGES 16

static char file_name[64];

/* A 64 KiB file in /tmp, written once: its pages are in the cache. */
static int make_file(void)
{
	static char page[PAGE];
	int fd;

	snprintf(file_name, sizeof(file_name), "/tmp/ubench.%d", getpid());
	fd = open(file_name, O_CREAT | O_TRUNC | O_RDWR, 0600);
	if (fd < 0)
		_exit(1);
	for (int i = 0; i < FILE_PAGES; i++)
		if (write(fd, page, PAGE) != PAGE)
			_exit(1);
	return fd;
}

static int file_ops(const char *mode, long n)
{
	static char buf[PAGE];
	int fd = make_file();
	volatile unsigned int sum = 0;

	for (long i = 0; i < n; i++) {
		off_t off = (off_t)(i % FILE_PAGES) * PAGE;

		if (!strcmp(mode, "fread")) {
			if (pread(fd, buf, PAGE, off) != PAGE)
				return 1;
		} else if (!strcmp(mode, "fwrite")) {
			if (pwrite(fd, buf, PAGE, off) != PAGE)
				return 1;
		} else {
			const unsigned int *p = mmap(NULL, PAGE, PROT_READ,
						     MAP_SHARED, fd, off);

			if (p == MAP_FAILED)
				return 1;
			for (int w = 0; w < PAGE / 4; w += 16)
				sum += p[w];
			munmap((void *)p, PAGE);
		}
	}
	close(fd);
	unlink(file_name);
	return 0;
}

/* n one-byte round trips: parent -> child -> parent. */
static int pipe_ping(long n)
{
	int to[2], from[2];
	char c = 'x';
	pid_t pid;

	if (pipe(to) || pipe(from))
		return 1;
	pid = fork();
	if (pid == 0) {
		close(to[1]); /* or the read below never sees the end */
		close(from[0]);
		while (read(to[0], &c, 1) == 1)
			if (write(from[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	if (pid < 0)
		return 1;
	close(to[0]);
	close(from[1]);
	for (long i = 0; i < n; i++)
		if (write(to[1], &c, 1) != 1 || read(from[0], &c, 1) != 1)
			return 1;
	close(to[1]);
	return !wait_ok(pid);
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
	} else if (!strcmp(argv[1], "fread") || !strcmp(argv[1], "fwrite") ||
		   !strcmp(argv[1], "fmmap")) {
		return file_ops(argv[1], n);
	} else if (!strcmp(argv[1], "pipe")) {
		return pipe_ping(n);
	} else if (strcmp(argv[1], "nop")) {
		return 2;
	}
	return 0;
}
