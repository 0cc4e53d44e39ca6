/* SPDX-License-Identifier: MIT */
/*
 * linux_abi: structures of Linux's i386 system call ABI that the tests
 * pass to raw syscall()s, so that they check the kernel's layout rather
 * than musl's translation of it. Offsets are those of Linux's
 * arch/x86/include/uapi/asm/stat.h and linux/dirent.h (on i386 a 64-bit
 * member inside a structure is aligned to 4 bytes).
 */
#ifndef USER_LIB_LINUX_ABI_H
#define USER_LIB_LINUX_ABI_H

#include <stddef.h>
#include <stdint.h>

/* What stat64 (195) and fstat64 (197) fill in: 96 bytes. */
struct linux_stat64 {
	uint64_t st_dev;
	uint32_t pad0;
	uint32_t st_ino32;	/* the low 32 bits of st_ino */
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint32_t pad3;
	int64_t st_size;	/* offset 44 */
	uint32_t st_blksize;
	uint64_t st_blocks;	/* in 512-byte units */
	uint32_t st_atime_sec;
	uint32_t st_atime_nsec;
	uint32_t st_mtime_sec;
	uint32_t st_mtime_nsec;
	uint32_t st_ctime_sec;
	uint32_t st_ctime_nsec;
	uint64_t st_ino;
};

_Static_assert(sizeof(struct linux_stat64) == 96, "i386 struct stat64");
_Static_assert(offsetof(struct linux_stat64, st_size) == 44,
	       "i386 struct stat64: st_size");

/* One record of getdents64 (220); d_reclen covers the name and padding. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;		/* DT_REG, DT_DIR, ... or DT_UNKNOWN */
	char d_name[];		/* NUL-terminated */
};

_Static_assert(offsetof(struct linux_dirent64, d_name) == 19,
	       "struct linux_dirent64: d_name");

#endif
