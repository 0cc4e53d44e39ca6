// SPDX-License-Identifier: MIT
/*
 * ustress WORKERS ROUNDS: hammer the kernel's process and memory paths
 * from several processes at once, so that on an SMP guest they run on
 * every CPU together. Each worker, ROUNDS times:
 *   - forks a child that writes to pages shared copy-on-write and checks
 *     that the parent's copy did not change (and the parent checks the
 *     child's writes did not reach it);
 *   - maps anonymous memory, fills it, write-protects half, unmaps the
 *     middle, checks what is left, unmaps the rest;
 *   - sends a word through a pipe to a child and back.
 * Any wrong byte or failed call ends the worker with status 1; the main
 * process prints one line and exits 0 only if every worker did.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define SHARED_PAGES 16
#define MAP_PAGES 32

static unsigned char shared[SHARED_PAGES * PAGE];

static int fail(const char *what, int round)
{
	fprintf(stderr, "ustress[%d]: round %d: %s (%s)\n", getpid(), round,
		what, strerror(errno));
	return 1;
}

/* A child changes every shared page; ours must keep their bytes. */
static int cow_round(int round, unsigned char mark)
{
	int status;
	pid_t pid;

	memset(shared, mark, sizeof(shared));
	pid = fork();
	if (pid < 0)
		return fail("fork", round);
	if (pid == 0) {
		for (int i = 0; i < SHARED_PAGES; i++) {
			if (shared[i * PAGE] != mark)
				_exit(2);
			shared[i * PAGE] = (unsigned char)~mark;
		}
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || status != 0)
		return fail("COW child failed", round);
	for (size_t i = 0; i < sizeof(shared); i += PAGE)
		if (shared[i] != mark)
			return fail("the child's write reached the parent", round);
	return 0;
}

static int map_round(int round)
{
	unsigned char *m = mmap(NULL, MAP_PAGES * PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m == MAP_FAILED)
		return fail("mmap", round);
	for (int i = 0; i < MAP_PAGES; i++)
		m[i * PAGE] = (unsigned char)(i + round);
	if (mprotect(m, MAP_PAGES / 2 * PAGE, PROT_READ))
		return fail("mprotect", round);
	if (munmap(m + 8 * PAGE, 8 * PAGE))
		return fail("munmap of the middle", round);
	for (int i = 0; i < MAP_PAGES; i++) {
		if (i >= 8 && i < 16)
			continue;
		if (m[i * PAGE] != (unsigned char)(i + round))
			return fail("a page changed", round);
	}
	if (munmap(m, MAP_PAGES * PAGE))
		return fail("munmap", round);
	return 0;
}

static int pipe_round(int round)
{
	int up[2], down[2], status;
	unsigned int word = 0x5eed0000u + (unsigned int)round, back = 0;
	pid_t pid;

	if (pipe(up) || pipe(down))
		return fail("pipe", round);
	pid = fork();
	if (pid < 0)
		return fail("fork", round);
	if (pid == 0) {
		unsigned int w;

		if (read(down[0], &w, sizeof(w)) != sizeof(w))
			_exit(2);
		w = ~w;
		_exit(write(up[1], &w, sizeof(w)) == sizeof(w) ? 0 : 3);
	}
	if (write(down[1], &word, sizeof(word)) != sizeof(word) ||
	    read(up[0], &back, sizeof(back)) != sizeof(back))
		return fail("pipe transfer", round);
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
	if (waitpid(pid, &status, 0) != pid || status != 0 || back != ~word)
		return fail("pipe child", round);
	return 0;
}

static int worker(int rounds)
{
	for (int r = 0; r < rounds; r++)
		if (cow_round(r, (unsigned char)(r * 7 + getpid())) ||
		    map_round(r) || pipe_round(r))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	int workers = argc > 1 ? atoi(argv[1]) : 4;
	int rounds = argc > 2 ? atoi(argv[2]) : 100, failed = 0, status;

	if (argc > 3 || workers < 1 || workers > 32 || rounds < 1) {
		fprintf(stderr, "usage: ustress [WORKERS (1-32)] [ROUNDS]\n");
		return 2;
	}
	for (int i = 0; i < workers; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return fail("fork of a worker", 0);
		if (pid == 0)
			_exit(worker(rounds));
	}
	while (wait(&status) > 0)
		failed += status != 0;
	printf("ustress: %d workers x %d rounds: %s\n", workers, rounds,
	       failed ? "FAILED" : "ok");
	return failed != 0;
}
