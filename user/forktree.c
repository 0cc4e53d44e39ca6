// SPDX-License-Identifier: MIT
/*
 * forktree DEPTH: a binary tree of processes. Every process above the
 * leaves forks two children and waits for both; it exits 0 only if
 * both did. So when the root sees 0, every one of the 2^(DEPTH+1) - 1
 * processes ran, and it prints that number.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_DEPTH 12

/* The subtree under this process; 0 when all of it ran and exited 0. */
static int grow(int depth)
{
	pid_t children[2];
	int forked = 0, failed = 0, status;

	if (depth == 0)
		return 0;
	for (; forked < 2; forked++) {
		children[forked] = fork();
		if (children[forked] < 0) {
			fprintf(stderr, "forktree: fork at depth %d: %s\n",
				depth, strerror(errno));
			failed = 1;
			break;
		}
		/* _exit: nothing of the parent's stdio to flush twice. */
		if (children[forked] == 0)
			_exit(grow(depth - 1));
	}
	for (int i = 0; i < forked; i++)
		if (waitpid(children[i], &status, 0) != children[i] ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed = 1;
	return failed;
}

int main(int argc, char **argv)
{
	char *end;
	long depth = argc == 2 ? strtol(argv[1], &end, 10) : -1;

	if (argc != 2 || *end != '\0' || depth < 0 || depth > MAX_DEPTH) {
		fprintf(stderr, "usage: forktree DEPTH (0-%d)\n", MAX_DEPTH);
		return 2;
	}
	if (grow((int)depth) != 0) {
		printf("forktree: a process failed\n");
		return 1;
	}
	printf("forktree: %lu processes\n", (2UL << depth) - 1);
	return 0;
}
