// SPDX-License-Identifier: MIT
/*
 * usertests: files of the initramfs, which is read-only: open, read,
 * readv, lseek, stat, directories; and the terminal's ioctls.
 */
#include "usertests.h"
#include "linux_abi.h"
#include "ulib.h"
#include "utest.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

/*
 * What /etc/motd holds: user/rootfs/etc/motd itself, which the assembler
 * copies into this program (.incbin), so the two cannot drift apart.
 */
__asm__(".section .rodata\n"
	"motd_expected:\n"
	".incbin \"user/rootfs/etc/motd\"\n"
	"motd_expected_end:\n"
	".previous\n");
extern const char motd_expected[], motd_expected_end[];

#define MOTD "/etc/motd"

static size_t motd_size(void)
{
	return (size_t)(motd_expected_end - motd_expected);
}

static int open_motd(void)
{
	int fd = open(utest_path(MOTD), O_RDONLY);

	UT_EXPECT(fd >= 0, "open %s: %s", MOTD, strerror(errno));
	return fd;
}

void test_file_read(void)
{
	char buf[512];
	size_t got = 0;
	ssize_t n;
	int fd = open_motd();

	UT_EXPECT(motd_size() > 0 && motd_size() < sizeof(buf),
		  "the expected motd has %zu bytes", motd_size());
	/* Seven bytes at a time: reads that end inside the file. */
	while ((n = read(fd, buf + got, 7)) > 0)
		got += (size_t)n;
	UT_EXPECT(n == 0, "read: %s", strerror(errno));
	UT_EXPECT(got == motd_size(), "read %zu bytes of %s, it has %zu", got,
		  MOTD, motd_size());
	UT_EXPECT(memcmp(buf, motd_expected, got) == 0,
		  "%s does not hold the expected text", MOTD);
	UT_EXPECT(read(fd, buf, sizeof(buf)) == 0, "a read at the end of "
		  "the file did not return 0");
	UT_EXPECT(close(fd) == 0, "close: %s", strerror(errno));
	UT_EXPECT(close(fd) == -1 && errno == EBADF,
		  "a second close of the fd: expected EBADF");
}

void test_file_lseek(void)
{
	long long where = -1;
	char buf[8];
	int fd = open_motd();

	UT_EXPECT(lseek(fd, 0, SEEK_END) == (off_t)motd_size(),
		  "lseek(SEEK_END) is not the size");
	UT_EXPECT(lseek(fd, 8, SEEK_SET) == 8, "lseek(8, SEEK_SET) failed");
	UT_EXPECT(read(fd, buf, 5) == 5 &&
			  memcmp(buf, motd_expected + 8, 5) == 0,
		  "the 5 bytes at offset 8 are not the file's");
	UT_EXPECT(lseek(fd, -3, SEEK_CUR) == 10, "lseek(-3, SEEK_CUR) "
		  "after reading to 13 is not 10");
	/* The raw call returns the 64-bit offset through a pointer. */
	UT_EXPECT(syscall(SYS__llseek, fd, 0, 2, &where, SEEK_SET) == 0 &&
			  where == 2,
		  "_llseek(0:2, SEEK_SET) gave %lld", where);
	UT_EXPECT(read(fd, buf, 1) == 1 && buf[0] == motd_expected[2],
		  "the byte at offset 2 is not the file's");
	UT_EXPECT(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL,
		  "lseek to -1: expected EINVAL");
	UT_EXPECT(lseek(fd, 4096, SEEK_SET) == 4096 && read(fd, buf, 1) == 0,
		  "a read past the end did not return 0");
	close(fd);
}

void test_file_fstat64(void)
{
	struct linux_stat64 st, by_path;
	struct stat libc_st;
	int fd = open_motd();

	UT_EXPECT(syscall(SYS_fstat64, fd, &st) == 0, "fstat64: %s",
		  strerror(errno));
	UT_EXPECT(st.st_size == (int64_t)motd_size(),
		  "fstat64 st_size %lld, the file has %zu bytes",
		  (long long)st.st_size, motd_size());
	UT_EXPECT(S_ISREG(st.st_mode), "fstat64 st_mode %#o is not a file",
		  st.st_mode);
	UT_EXPECT(syscall(SYS_stat64, utest_path(MOTD), &by_path) == 0,
		  "stat64: %s", strerror(errno));
	UT_EXPECT(by_path.st_size == st.st_size && by_path.st_ino == st.st_ino,
		  "stat64 and fstat64 disagree");
	/* musl's fstat() asks statx first and falls back to fstat64. */
	UT_EXPECT(fstat(fd, &libc_st) == 0 &&
			  libc_st.st_size == (off_t)motd_size(),
		  "musl's fstat: %s", strerror(errno));
	close(fd);
	UT_EXPECT(syscall(SYS_stat64, utest_path("/bin"), &st) == 0 &&
			  S_ISDIR(st.st_mode),
		  "stat64 of /bin does not say directory");
}

void test_file_readv(void)
{
	char head[5], tail[512];
	struct iovec iov[2] = {
		{ head, sizeof(head) },
		{ tail, sizeof(tail) },
	};
	int fd = open_motd();
	ssize_t n = readv(fd, iov, 2);

	UT_EXPECT(n == (ssize_t)motd_size(), "readv returned %zd, the file "
		  "has %zu bytes", n, motd_size());
	UT_EXPECT(memcmp(head, motd_expected, sizeof(head)) == 0 &&
			  memcmp(tail, motd_expected + sizeof(head),
				 motd_size() - sizeof(head)) == 0,
		  "readv did not fill both buffers with the file in order");
	close(fd);
}

#define NAME_OFFSET offsetof(struct linux_dirent64, d_name)

void test_getdents64_bin(void)
{
	/* Small, so that listing /bin takes several calls. */
	char buf[256];
	int found_hello = 0, found_usertests = 0;
	long n;
	int fd = open(utest_path("/bin"), O_RDONLY | O_DIRECTORY);

	UT_EXPECT(fd >= 0, "open /bin: %s", strerror(errno));
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);
			size_t name_room = d->d_reclen - NAME_OFFSET;

			UT_EXPECT(d->d_reclen > NAME_OFFSET &&
					  off + d->d_reclen <= n,
				  "a record of %u bytes at offset %ld of %ld",
				  d->d_reclen, off, n);
			UT_EXPECT(memchr(d->d_name, '\0', name_room),
				  "a name without its NUL");
			found_hello |= strcmp(d->d_name, "hello") == 0;
			found_usertests |= strcmp(d->d_name, "usertests") == 0;
			off += d->d_reclen;
		}
	}
	UT_EXPECT(n == 0, "getdents64: %s", strerror(errno));
	UT_EXPECT(found_hello && found_usertests,
		  "/bin lacks hello or usertests");
	close(fd);
}

void test_open_missing(void)
{
	struct linux_stat64 st;

	UT_EXPECT(open(utest_path("/etc/no-such-file"), O_RDONLY) == -1 &&
			  errno == ENOENT,
		  "open of a missing file: expected ENOENT, got %s",
		  strerror(errno));
	UT_EXPECT(open(utest_path("/no-such-dir/file"), O_RDONLY) == -1 &&
			  errno == ENOENT,
		  "open in a missing directory: expected ENOENT, got %s",
		  strerror(errno));
	UT_EXPECT(syscall(SYS_stat64, utest_path("/etc/no-such-file"), &st) ==
				  -1 && errno == ENOENT,
		  "stat64 of a missing file: expected ENOENT");
}

void test_read_dir(void)
{
	char buf[16];
	int fd = open(utest_path("/bin"), O_RDONLY);

	UT_EXPECT(fd >= 0, "open /bin: %s", strerror(errno));
	UT_EXPECT(read(fd, buf, sizeof(buf)) == -1 && errno == EISDIR,
		  "read from a directory: expected EISDIR, got %s",
		  strerror(errno));
	close(fd);
}

int find_tty(void)
{
	struct termios t;

	for (int fd = 0; fd <= 2; fd++)
		if (ioctl(fd, TCGETS, &t) == 0)
			return fd;
	return -1;
}

void test_tty_ioctls(void)
{
	struct termios t;
	struct winsize ws;
	int fd = open_motd(), tty;

	UT_EXPECT(ioctl(fd, TCGETS, &t) == -1 && errno == ENOTTY,
		  "TCGETS on a file: expected ENOTTY, got %s", strerror(errno));
	close(fd);
	tty = find_tty();
	if (tty < 0)
		utest_skip("none of fds 0-2 is a terminal");
	UT_EXPECT(ioctl(tty, TIOCGWINSZ, &ws) == 0, "TIOCGWINSZ on fd %d: %s",
		  tty, strerror(errno));
	/* isatty() is how musl's stdio picks line buffering. */
	UT_EXPECT(isatty(tty), "isatty(%d) says no", tty);
}

/*
 * A read(2) entered with the direction flag set (std): the kernel's
 * copies must still run forwards, filling the buffer and nothing below.
 */
void test_read_with_df_set(void)
{
	struct {
		char below[64];
		char buf[64];
	} m;
	int fd = open_motd();
	long n;

	memset(&m, 'x', sizeof(m));
	__asm__ __volatile__("std\n\t"
			     "int $0x80\n\t"
			     "cld"
			     : "=a"(n)
			     : "a"(SYS_read), "b"(fd), "c"(m.buf),
			       "d"(sizeof(m.buf))
			     : "memory", "cc");
	close(fd);
	UT_EXPECT(n > 0, "read with DF set: %ld", n);
	UT_EXPECT(memcmp(m.buf, motd_expected, (size_t)n) == 0,
		  "read with DF set: the bytes came out wrong");
	for (size_t i = 0; i < sizeof(m.below); i++)
		UT_EXPECT(m.below[i] == 'x',
			  "read with DF set wrote below its buffer");
}
