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
 *   - sends a word through a pipe to a child and back;
 *   - writes a file of its own in /tmp, changes it through a MAP_SHARED
 *     mapping and checks read() sees it, truncates it while mapped,
 *     renames it over a name the other workers use too and unlinks it
 *     (someone else's rename may have got there first), makes and
 *     removes a directory, and lists /tmp while the others change it.
 * Any wrong byte or failed call ends the worker with status 1; the main
 * process prints one line and exits 0 only if every worker did.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
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

#define FILE_PAGES 3

/* The byte at @off of this worker's file in round @round. */
static unsigned char file_byte(int round, size_t off)
{
	return (unsigned char)(off * 31 + (size_t)round * 7 + (size_t)getpid());
}

static int check_file(int fd, int round, size_t size, int changed_page)
{
	static unsigned char buf[FILE_PAGES * PAGE];

	if (pread(fd, buf, sizeof(buf), 0) != (ssize_t)size)
		return 1;
	for (size_t i = 0; i < size; i++) {
		unsigned char want = (int)(i / PAGE) == changed_page ?
					     (unsigned char)~file_byte(round, i) :
					     file_byte(round, i);

		if (buf[i] != want)
			return 1;
	}
	return 0;
}

static int dir_round(int round)
{
	char dir[48], name[64];
	DIR *d;

	snprintf(dir, sizeof(dir), "/tmp/usd.%d", getpid());
	snprintf(name, sizeof(name), "%s/f", dir);
	if (mkdir(dir, 0755) || close(open(name, O_CREAT | O_WRONLY, 0644)))
		return fail("mkdir and create", round);
	if (rmdir(dir) == 0 || errno != ENOTEMPTY)
		return fail("rmdir of a full directory", round);
	if (unlink(name) || rmdir(dir))
		return fail("unlink and rmdir", round);
	d = opendir("/tmp");
	if (!d)
		return fail("opendir /tmp", round);
	while (readdir(d))
		;
	closedir(d);
	return 0;
}

static int file_round(int round)
{
	static unsigned char buf[FILE_PAGES * PAGE];
	char name[48], shared_name[48];
	unsigned char *m;
	int fd;

	snprintf(name, sizeof(name), "/tmp/us.%d", getpid());
	snprintf(shared_name, sizeof(shared_name), "/tmp/us.shared.%d", round % 4);
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = file_byte(round, i);
	fd = open(name, O_CREAT | O_TRUNC | O_RDWR, 0644);
	if (fd < 0 || write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
		return fail("create and write", round);
	m = mmap(NULL, sizeof(buf), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED)
		return fail("mmap MAP_SHARED", round);
	for (size_t i = PAGE; i < 2 * PAGE; i++)
		m[i] = (unsigned char)~m[i];
	if (check_file(fd, round, sizeof(buf), 1))
		return fail("read() does not see the shared store", round);
	if (ftruncate(fd, PAGE) || check_file(fd, round, PAGE, 1))
		return fail("truncate while mapped", round);
	munmap(m, sizeof(buf));
	close(fd);
	if (rename(name, shared_name))
		return fail("rename over a shared name", round);
	if (unlink(shared_name) && errno != ENOENT)
		return fail("unlink", round);
	return dir_round(round);
}

static int worker(int rounds)
{
	for (int r = 0; r < rounds; r++)
		if (cow_round(r, (unsigned char)(r * 7 + getpid())) ||
		    map_round(r) || pipe_round(r) || file_round(r))
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
