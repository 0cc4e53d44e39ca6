// SPDX-License-Identifier: MIT
/*
 * usertests: the writable file system, in a scratch directory of /tmp:
 * create, write, read back, append, truncate, holes, unlink while open,
 * rename, directories, the working directory, *at calls, symlinks, and
 * mmap of a file (MAP_SHARED writes seen by read, MAP_PRIVATE ones not).
 * Every expectation holds on Linux too (the tests run on the host).
 */
#include "usertests.h"
#include "ulib.h"
#include "utest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <unistd.h>

static char scratch[64];

/* A path in the scratch directory (four at a time: rename takes two). */
static const char *tmp(const char *name)
{
	static char paths[4][128];
	static unsigned int next;
	char *path = paths[next++ % 4];

	if (!scratch[0]) {
		snprintf(scratch, sizeof(scratch), "/tmp/usertests.%d", getpid());
		UT_EXPECT(mkdir(scratch, 0755) == 0 || errno == EEXIST,
			  "mkdir %s: %s", scratch, strerror(errno));
	}
	snprintf(path, sizeof(paths[0]), "%s/%s", scratch, name);
	return path;
}

static void write_all(int fd, const void *buf, size_t len)
{
	ssize_t n = write(fd, buf, len);

	UT_EXPECT(n == (ssize_t)len, "write of %zu bytes: %zd (%s)", len, n,
		  strerror(errno));
}

static int make_file(const char *name, const char *text)
{
	int fd = open(tmp(name), O_CREAT | O_TRUNC | O_RDWR, 0644);

	UT_EXPECT(fd >= 0, "create %s: %s", name, strerror(errno));
	write_all(fd, text, strlen(text));
	return fd;
}

static void expect_contents(const char *name, const char *want)
{
	char buf[256];
	int fd = open(tmp(name), O_RDONLY);
	ssize_t n;

	UT_EXPECT(fd >= 0, "open %s: %s", name, strerror(errno));
	n = read(fd, buf, sizeof(buf) - 1);
	UT_EXPECT(n >= 0, "read %s: %s", name, strerror(errno));
	buf[n] = '\0';
	UT_EXPECT(!strcmp(buf, want), "%s holds '%s', not '%s'", name, buf, want);
	close(fd);
}

void test_vfs_create_write_read(void)
{
	int fd = make_file("a", "hello, page cache");
	struct stat st;

	UT_EXPECT(fstat(fd, &st) == 0 && st.st_size == 17 && S_ISREG(st.st_mode),
		  "size %lld", (long long)st.st_size);
	UT_EXPECT((st.st_mode & 0777) == 0644 || (st.st_mode & 0777) == 0600 ||
			  (st.st_mode & 0777) == 0640,
		  "mode 0%o", st.st_mode & 0777);
	close(fd);
	expect_contents("a", "hello, page cache");
	fd = open(tmp("a"), O_CREAT | O_EXCL | O_WRONLY, 0644);
	UT_EXPECT(fd < 0 && errno == EEXIST, "O_EXCL on an existing file: %d", errno);
	unlink(tmp("a"));
}

void test_vfs_append_truncate(void)
{
	int fd = make_file("b", "one");
	char buf[8];

	close(fd);
	fd = open(tmp("b"), O_WRONLY | O_APPEND);
	UT_EXPECT(fd >= 0, "open O_APPEND: %s", strerror(errno));
	lseek(fd, 0, SEEK_SET);
	write_all(fd, "two", 3); /* at the end, whatever the offset */
	close(fd);
	expect_contents("b", "onetwo");
	UT_EXPECT(truncate(tmp("b"), 2) == 0, "truncate: %s", strerror(errno));
	expect_contents("b", "on");
	/* Growing again: the bytes past the old end read as zeros. */
	UT_EXPECT(truncate(tmp("b"), 6) == 0, "truncate up: %s", strerror(errno));
	fd = open(tmp("b"), O_RDONLY);
	UT_EXPECT(read(fd, buf, 8) == 6 && !memcmp(buf, "on\0\0\0\0", 6),
		  "after shrink and grow: %.6s", buf);
	close(fd);
	unlink(tmp("b"));
}

void test_vfs_hole(void)
{
	int fd = open(tmp("hole"), O_CREAT | O_TRUNC | O_RDWR, 0644);
	char buf[16];
	struct stat st;

	UT_EXPECT(lseek(fd, 1 << 20, SEEK_SET) == 1 << 20, "lseek past the end");
	write_all(fd, "end", 3);
	UT_EXPECT(fstat(fd, &st) == 0 && st.st_size == (1 << 20) + 3,
		  "size %lld", (long long)st.st_size);
	/* A 1 MiB hole takes no pages: far fewer blocks than the size. */
	UT_EXPECT(st.st_blocks < 64, "%lld blocks for a hole", (long long)st.st_blocks);
	UT_EXPECT(pread(fd, buf, 16, 4096) == 16, "pread in the hole");
	for (int i = 0; i < 16; i++)
		UT_EXPECT(buf[i] == 0, "byte %d of the hole is %d", i, buf[i]);
	close(fd);
	unlink(tmp("hole"));
}

void test_vfs_unlink_open(void)
{
	int fd = make_file("gone", "still here");
	char buf[16] = "";

	UT_EXPECT(unlink(tmp("gone")) == 0, "unlink: %s", strerror(errno));
	UT_EXPECT(access(tmp("gone"), F_OK) < 0 && errno == ENOENT,
		  "the name is gone");
	/* The open file keeps the inode and its pages until close. */
	UT_EXPECT(pread(fd, buf, sizeof(buf) - 1, 0) == 10 &&
			  !strcmp(buf, "still here"),
		  "read after unlink: '%s'", buf);
	close(fd);
}

void test_vfs_rename(void)
{
	close(make_file("r1", "first"));
	close(make_file("r2", "second"));
	UT_EXPECT(rename(tmp("r1"), tmp("r2")) == 0, "rename over: %s",
		  strerror(errno));
	expect_contents("r2", "first");
	UT_EXPECT(access(tmp("r1"), F_OK) < 0, "the old name is gone");
	UT_EXPECT(mkdir(tmp("rd"), 0755) == 0, "mkdir");
	UT_EXPECT(rename(tmp("r2"), tmp("rd")) < 0 && errno == EISDIR,
		  "a file over a directory: %s", strerror(errno));
	UT_EXPECT(rename(tmp("rd"), tmp("rd/sub")) < 0 && errno == EINVAL,
		  "a directory into itself: %s", strerror(errno));
	UT_EXPECT(rename(tmp("r2"), tmp("rd/moved")) == 0, "into a directory");
	expect_contents("rd/moved", "first");
	unlink(tmp("rd/moved"));
	rmdir(tmp("rd"));
}

void test_vfs_directories(void)
{
	struct stat st;

	UT_EXPECT(mkdir(tmp("d"), 0755) == 0, "mkdir: %s", strerror(errno));
	UT_EXPECT(mkdir(tmp("d"), 0755) < 0 && errno == EEXIST, "mkdir twice");
	close(make_file("d/f", "x"));
	UT_EXPECT(rmdir(tmp("d")) < 0 && errno == ENOTEMPTY, "rmdir non-empty: %s",
		  strerror(errno));
	UT_EXPECT(unlink(tmp("d")) < 0 && errno == EISDIR, "unlink a directory");
	UT_EXPECT(rmdir(tmp("d/f")) < 0 && errno == ENOTDIR, "rmdir a file");
	UT_EXPECT(stat(tmp("d"), &st) == 0 && st.st_nlink == 2, "nlink %u",
		  (unsigned)st.st_nlink);
	unlink(tmp("d/f"));
	UT_EXPECT(rmdir(tmp("d")) == 0, "rmdir: %s", strerror(errno));
	UT_EXPECT(mkdir("/proc/x", 0755) < 0, "mkdir in /proc fails");
}

void test_vfs_cwd(void)
{
	char buf[128], want[128];
	int dfd;

	UT_EXPECT(mkdir(tmp("c"), 0755) == 0, "mkdir");
	UT_EXPECT(chdir(tmp("c")) == 0, "chdir: %s", strerror(errno));
	snprintf(want, sizeof(want), "%s", tmp("c"));
	UT_EXPECT(getcwd(buf, sizeof(buf)) && !strcmp(buf, want), "getcwd '%s'",
		  buf);
	close(make_file("c/rel", "relative"));
	expect_contents("c/rel", "relative");
	UT_EXPECT(access("rel", R_OK) == 0, "a relative path from the cwd");
	UT_EXPECT(chdir("..") == 0 && getcwd(buf, sizeof(buf)) &&
			  !strcmp(buf, scratch),
		  "chdir .. gives '%s'", buf);
	dfd = open(tmp("c"), O_RDONLY | O_DIRECTORY);
	UT_EXPECT(dfd >= 0, "open the directory");
	UT_EXPECT(faccessat(dfd, "rel", R_OK, 0) == 0, "faccessat from a dirfd");
	UT_EXPECT(unlinkat(dfd, "rel", 0) == 0, "unlinkat: %s", strerror(errno));
	UT_EXPECT(fchdir(dfd) == 0, "fchdir");
	UT_EXPECT(getcwd(buf, sizeof(buf)) && !strcmp(buf, want), "fchdir cwd '%s'",
		  buf);
	close(dfd);
	UT_EXPECT(chdir("/") == 0, "chdir /");
	UT_EXPECT(rmdir(tmp("c")) == 0, "rmdir: %s", strerror(errno));
}

void test_vfs_symlinks(void)
{
	char buf[64];
	ssize_t n;

	UT_EXPECT(symlink("loop2", tmp("loop1")) == 0, "symlink");
	UT_EXPECT(symlink("loop1", tmp("loop2")) == 0, "symlink");
	UT_EXPECT(open(tmp("loop1"), O_RDONLY) < 0 && errno == ELOOP,
		  "a symlink loop: %s", strerror(errno));
	n = readlink(tmp("loop1"), buf, sizeof(buf));
	UT_EXPECT(n == 5 && !memcmp(buf, "loop2", 5), "readlink");
	UT_EXPECT(open(tmp("loop1"), O_RDONLY | O_NOFOLLOW) < 0 && errno == ELOOP,
		  "O_NOFOLLOW");
	unlink(tmp("loop1"));
	unlink(tmp("loop2"));
}

void test_vfs_mmap_shared(void)
{
	int fd = make_file("m", "");
	char buf[8];
	char *p;

	UT_EXPECT(ftruncate(fd, 8192) == 0, "ftruncate");
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	UT_EXPECT(p != MAP_FAILED, "mmap MAP_SHARED: %s", strerror(errno));
	memcpy(p + 4096, "shared!", 8);
	/* read() sees the store at once: the mapping is the page cache page. */
	UT_EXPECT(pread(fd, buf, 8, 4096) == 8 && !strcmp(buf, "shared!"),
		  "read after a shared store: '%s'", buf);
	pwrite(fd, "written", 8, 0);
	UT_EXPECT(!strcmp(p, "written"), "the mapping sees write(): '%s'", p);
	if (fork() == 0) {
		strcpy(p, "child");
		_exit(0);
	}
	wait(NULL);
	UT_EXPECT(!strcmp(p, "child"), "a child's store is shared: '%s'", p);
	munmap(p, 8192);
	close(fd);
	unlink(tmp("m"));
}

void test_vfs_mmap_private(void)
{
	int fd = make_file("p", "original");
	char buf[9] = "";
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);

	UT_EXPECT(p != MAP_FAILED, "mmap MAP_PRIVATE: %s", strerror(errno));
	UT_EXPECT(!memcmp(p, "original", 8), "the file's bytes");
	memcpy(p, "modified", 8);
	UT_EXPECT(pread(fd, buf, 8, 0) == 8 && !strcmp(buf, "original"),
		  "a private store stays private: '%s'", buf);
	munmap(p, 4096);
	/* A read-only file cannot be mapped shared and writable. */
	close(fd);
	fd = open(tmp("p"), O_RDONLY);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	UT_EXPECT(p == MAP_FAILED && errno == EACCES, "MAP_SHARED|PROT_WRITE of "
		  "an O_RDONLY file: %s", strerror(errno));
	close(fd);
	unlink(tmp("p"));
}

void test_vfs_shared_anon(void)
{
	int *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	UT_EXPECT(p != MAP_FAILED, "mmap MAP_SHARED|MAP_ANONYMOUS");
	*p = 1;
	if (fork() == 0) {
		*p = 42;
		_exit(0);
	}
	wait(NULL);
	UT_EXPECT(*p == 42, "shared anonymous memory across fork: %d", *p);
	munmap(p, 4096);
}

void test_vfs_statfs_chmod_utimens(void)
{
	struct timespec ts[2] = { { 1000000000, 0 }, { 1234567890, 0 } };
	struct statfs sfs;
	struct stat st;

	close(make_file("t", "x"));
	UT_EXPECT(chmod(tmp("t"), 0600) == 0, "chmod");
	UT_EXPECT(utimensat(AT_FDCWD, tmp("t"), ts, 0) == 0, "utimensat: %s",
		  strerror(errno));
	UT_EXPECT(stat(tmp("t"), &st) == 0 && (st.st_mode & 0777) == 0600 &&
			  st.st_mtime == 1234567890,
		  "mode 0%o mtime %lld", st.st_mode & 0777, (long long)st.st_mtime);
	UT_EXPECT(statfs(tmp("t"), &sfs) == 0 && sfs.f_bsize == 4096,
		  "statfs: %s", strerror(errno));
	unlink(tmp("t"));
	rmdir(scratch);
	scratch[0] = '\0';
}
