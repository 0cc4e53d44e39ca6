// SPDX-License-Identifier: MIT
/*
 * stat64, statx, fstatat64, readlink and getdents64: what the tree's
 * inodes say about themselves, in Linux's i386 structures.
 */
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

struct stat64 {
	u64 st_dev;
	u8 pad0[4];
	u32 __st_ino;
	u32 st_mode;
	u32 st_nlink;
	u32 st_uid;
	u32 st_gid;
	u64 st_rdev;
	u8 pad3[4];
	s64 st_size;
	u32 st_blksize;
	u64 st_blocks;
	u32 st_atime, st_atime_nsec;
	u32 st_mtime, st_mtime_nsec;
	u32 st_ctime, st_ctime_nsec;
	u64 st_ino;
} __packed;

_Static_assert(sizeof(struct stat64) == 96, "the i386 stat64 is 96 bytes");

static long put_stat(const struct inode *inode, long ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = 1;
	st.st_ino = st.__st_ino = inode ? (u32)inode->ino : 0;
	st.st_mode = inode ? inode->mode : S_IFCHR | 0620;
	st.st_nlink = inode ? inode->nlink : 1;
	st.st_rdev = inode ? 0 : (5u << 8) | 1; /* the console's 5:1 */
	st.st_size = inode ? (s64)inode->size : 0;
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = inode ? inode->nr_pages * (PAGE_SIZE / 512) : 0;
	st.st_atime = st.st_mtime = st.st_ctime = inode ? inode->mtime : 0;
	return copy_to_user((void __user *)ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstat64(long fd, long ubuf)
{
	struct file *f = fdget(fd);

	if (!f)
		return -EBADF;
	return put_stat(f->inode, ubuf);
}

/* The inode a user path names; @dirfd must be AT_FDCWD for a relative one. */
static long lookup_user_path(long dirfd, long upath, bool follow,
			     struct inode **inode)
{
	long err;
	char *path = copy_user_path(dirfd, upath, &err);

	if (!path)
		return err;
	err = path_lookup(path, follow, inode);
	kfree(path);
	return err;
}

static long stat_path(long upath, long ubuf, bool follow)
{
	struct inode *inode = NULL;
	long err = lookup_user_path(AT_FDCWD, upath, follow, &inode);

	return err ? err : put_stat(inode, ubuf);
}

long sys_stat64(long path, long ubuf)
{
	return stat_path(path, ubuf, true);
}

long sys_lstat64(long path, long ubuf)
{
	return stat_path(path, ubuf, false);
}

#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EMPTY_PATH 0x1000

long sys_fstatat64(long dirfd, long path, long ubuf, long flags)
{
	char first;

	if ((flags & AT_EMPTY_PATH) &&
	    (copy_from_user(&first, (const void __user *)path, 1) || !first))
		return sys_fstat64(dirfd, ubuf);
	return stat_path(path, ubuf, !(flags & AT_SYMLINK_NOFOLLOW));
}

/* struct statx (include/uapi/linux/stat.h): 256 bytes on every ABI. */
struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 reserved;
};

struct statx {
	u32 stx_mask, stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink, stx_uid, stx_gid;
	u16 stx_mode, pad1;
	u64 stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	u64 spare[14];
};

_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");

#define STATX_BASIC_STATS 0x07ffu

static long put_statx(const struct inode *inode, long ubuf)
{
	struct statx st;

	memset(&st, 0, sizeof(st));
	st.stx_mask = STATX_BASIC_STATS;
	st.stx_blksize = PAGE_SIZE;
	st.stx_nlink = inode ? inode->nlink : 1;
	st.stx_mode = (u16)(inode ? inode->mode : S_IFCHR | 0620);
	st.stx_ino = inode ? inode->ino : 0;
	st.stx_size = inode ? inode->size : 0;
	st.stx_blocks = inode ? inode->nr_pages * (PAGE_SIZE / 512) : 0;
	st.stx_atime.tv_sec = st.stx_ctime.tv_sec = st.stx_mtime.tv_sec =
		inode ? inode->mtime : 0;
	if (!inode) {
		st.stx_rdev_major = 5; /* the console */
		st.stx_rdev_minor = 1;
	}
	st.stx_dev_minor = 1;
	return copy_to_user((void __user *)ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_statx(long dirfd, long upath, long flags, long mask, long ubuf)
{
	struct inode *inode = NULL;
	char first;
	long err;

	(void)mask;
	if ((flags & AT_EMPTY_PATH) &&
	    (copy_from_user(&first, (const void __user *)upath, 1) || !first)) {
		struct file *f = fdget(dirfd);

		return f ? put_statx(f->inode, ubuf) : -EBADF;
	}
	err = lookup_user_path(dirfd, upath, !(flags & AT_SYMLINK_NOFOLLOW),
			       &inode);
	return err ? err : put_statx(inode, ubuf);
}

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	u16 d_reclen;
	u8 d_type;
	char d_name[];
} __packed;

static u8 dirent_type(unsigned int mode)
{
	return S_ISDIR(mode) ? 4 : S_ISLNK(mode) ? 10 : S_ISREG(mode) ? 8 : 0;
}

/* One entry at @ubuf + *@used: 1 put, 0 it does not fit, or -EFAULT. */
static int put_dirent(long ubuf, long count, long *used, const char *name,
		      unsigned long ino, unsigned int mode, u64 next)
{
	char buf[sizeof(struct linux_dirent64) + NAME_MAX + 1 + 8];
	struct linux_dirent64 *d = (struct linux_dirent64 *)buf;
	size_t len = strlen(name);
	u16 reclen = (u16)ALIGN(sizeof(*d) + len + 1, 8);

	if (*used + reclen > count)
		return 0;
	memset(buf, 0, reclen);
	d->d_ino = ino;
	d->d_off = (s64)next;
	d->d_reclen = reclen;
	d->d_type = dirent_type(mode);
	memcpy(d->d_name, name, len);
	if (copy_to_user((void __user *)(ubuf + *used), buf, reclen))
		return -EFAULT;
	*used += reclen;
	return 1;
}

/* The directory entry at position @pos (0 ".", 1 "..", then the list). */
static struct inode *dir_entry(struct inode *dir, u64 pos, const char **name)
{
	struct inode *child;
	u64 i = 2;

	*name = pos == 0 ? "." : "..";
	if (pos < 2)
		return pos == 0 ? dir : dir->parent;
	list_for_each_entry(child, &dir->children, sibling)
		if (i++ == pos) {
			*name = child->name;
			return child;
		}
	return NULL;
}

long sys_getdents64(long fd, long ubuf, long count)
{
	struct file *f = fdget(fd);
	struct inode *dir, *e;
	const char *name;
	long used = 0;
	int ret = 0;

	if (!f)
		return -EBADF;
	dir = f->inode;
	if (!dir || !S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (!access_ok((void __user *)ubuf, (unsigned long)count))
		return -EFAULT;
	mutex_lock(&f->f_pos_lock);
	while ((e = dir_entry(dir, f->pos, &name))) {
		ret = put_dirent(ubuf, count, &used, name, e->ino,
				 f->pos < 2 ? S_IFDIR : e->mode, f->pos + 1);
		if (ret <= 0)
			break;
		f->pos++;
	}
	mutex_unlock(&f->f_pos_lock);
	if (used)
		return used;
	if (ret < 0)
		return ret;
	return e ? -EINVAL : 0; /* too small for one entry, or the end */
}

long sys_readlink(long upath, long ubuf, long size)
{
	struct inode *inode = NULL;
	long err = lookup_user_path(AT_FDCWD, upath, false, &inode);

	if (err)
		return err;
	if (!S_ISLNK(inode->mode))
		return -EINVAL;
	if (size <= 0)
		return -EINVAL;
	if ((u64)size > inode->size)
		size = (long)inode->size;
	return copy_to_user((void __user *)ubuf, inode->link, (size_t)size) ?
		       -EFAULT : size;
}
