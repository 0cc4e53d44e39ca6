// SPDX-License-Identifier: MIT
/*
 * What inodes say about themselves, and the calls that change it: the
 * stat family, statx, readlink, getdents64, access, chmod, utimensat,
 * statfs; and sync, fsync, which have nothing to do on a RAM file system
 * (there is no disk to write to) and say so by succeeding at once.
 * The structures are Linux's i386 ones.
 */
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

/* What stat and statx both report, gathered once. */
struct kstat {
	unsigned long ino;
	unsigned int mode, nlink, rdev, dev;
	u64 size, blocks;
	struct timespec64 atime, mtime, ctime;
};

static void fill_kstat(struct inode *inode, struct kstat *k)
{
	memset(k, 0, sizeof(*k));
	if (!inode) { /* an anonymous pipe */
		k->mode = S_IFIFO | 0600;
		k->nlink = 1;
		return;
	}
	mutex_lock(&inode->i_rwsem);
	k->ino = inode->i_ino;
	k->mode = inode->i_mode;
	k->nlink = inode->i_nlink;
	k->rdev = inode->i_rdev;
	k->dev = inode->i_sb->s_dev;
	k->atime = inode->i_atime;
	k->mtime = inode->i_mtime;
	k->ctime = inode->i_ctime;
	mutex_unlock(&inode->i_rwsem);
	spin_lock(&inode->i_pages_lock);
	k->size = inode->i_size;
	k->blocks = (u64)inode->i_nrpages * (PAGE_SIZE / 512);
	spin_unlock(&inode->i_pages_lock);
}

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

static long put_stat(struct inode *inode, long ubuf)
{
	struct stat64 st;
	struct kstat k;

	fill_kstat(inode, &k);
	memset(&st, 0, sizeof(st));
	st.st_dev = k.dev;
	st.st_ino = st.__st_ino = (u32)k.ino;
	st.st_mode = k.mode;
	st.st_nlink = k.nlink;
	st.st_rdev = k.rdev;
	st.st_size = (s64)k.size;
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = k.blocks;
	st.st_atime = (u32)k.atime.tv_sec;
	st.st_atime_nsec = (u32)k.atime.tv_nsec;
	st.st_mtime = (u32)k.mtime.tv_sec;
	st.st_mtime_nsec = (u32)k.mtime.tv_nsec;
	st.st_ctime = (u32)k.ctime.tv_sec;
	st.st_ctime_nsec = (u32)k.ctime.tv_nsec;
	return copy_to_user((void __user *)ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstat64(long fd, long ubuf)
{
	struct file *f = fdget(fd);

	if (!f)
		return -EBADF;
	return put_stat(f->f_inode, ubuf);
}

/* Is the user's path empty (for AT_EMPTY_PATH)? */
static bool empty_path(long upath)
{
	char first;

	return !copy_from_user(&first, (const void __user *)upath, 1) && !first;
}

/*
 * The inode @dirfd/@upath names, with a reference to its dentry in *@d
 * (dput it), or the descriptor's own with AT_EMPTY_PATH and "".
 */
static long stat_target(long dirfd, long upath, long flags, struct dentry **d,
			struct inode **inode)
{
	long err;

	if ((flags & AT_EMPTY_PATH) && empty_path(upath)) {
		struct file *f = fdget(dirfd);

		if (!f)
			return -EBADF;
		*d = f->f_dentry ? dget(f->f_dentry) : NULL;
		*inode = f->f_inode;
		return 0;
	}
	err = user_path_at(dirfd, upath,
			   (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, d);
	if (!err)
		*inode = (*d)->d_inode;
	return err;
}

long sys_fstatat64(long dirfd, long upath, long ubuf, long flags)
{
	struct dentry *d;
	struct inode *inode;
	long err = stat_target(dirfd, upath, flags, &d, &inode);

	if (err)
		return err;
	err = put_stat(inode, ubuf);
	dput(d);
	return err;
}

long sys_stat64(long upath, long ubuf)
{
	return sys_fstatat64(AT_FDCWD, upath, ubuf, 0);
}

long sys_lstat64(long upath, long ubuf)
{
	return sys_fstatat64(AT_FDCWD, upath, ubuf, AT_SYMLINK_NOFOLLOW);
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

static struct statx_timestamp statx_time(struct timespec64 t)
{
	return (struct statx_timestamp){ t.tv_sec, (u32)t.tv_nsec, 0 };
}

static long put_statx(struct inode *inode, long ubuf)
{
	struct statx st;
	struct kstat k;

	fill_kstat(inode, &k);
	memset(&st, 0, sizeof(st));
	st.stx_mask = STATX_BASIC_STATS;
	st.stx_blksize = PAGE_SIZE;
	st.stx_nlink = k.nlink;
	st.stx_mode = (u16)k.mode;
	st.stx_ino = k.ino;
	st.stx_size = k.size;
	st.stx_blocks = k.blocks;
	st.stx_atime = statx_time(k.atime);
	st.stx_ctime = statx_time(k.ctime);
	st.stx_mtime = statx_time(k.mtime);
	st.stx_btime = statx_time(k.ctime);
	st.stx_rdev_major = MAJOR(k.rdev);
	st.stx_rdev_minor = MINOR(k.rdev);
	st.stx_dev_minor = k.dev;
	return copy_to_user((void __user *)ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_statx(long dirfd, long upath, long flags, long mask, long ubuf)
{
	struct dentry *d;
	struct inode *inode;
	long err;

	(void)mask;
	err = stat_target(dirfd, upath, flags, &d, &inode);
	if (err)
		return err;
	err = put_statx(inode, ubuf);
	dput(d);
	return err;
}

/* ---- directories ---- */

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	u16 d_reclen;
	u8 d_type;
	char d_name[];
} __packed;

static u8 dirent_type(unsigned int mode)
{
	return (u8)((mode & S_IFMT) >> 12); /* DT_* are the S_IF* bits */
}

/*
 * The entries are gathered in a kernel buffer and copied out at the end:
 * ramfs lists a directory under vfs_lock, and a fault in a copy to user
 * memory takes mmap_lock, which must never nest inside vfs_lock (the
 * maps listing takes them the other way round).
 */
#define GETDENTS_MAX 32768

struct getdents_ctx {
	struct dir_context ctx;
	char *kbuf;
	long count, used;
};

/* One entry at kbuf + used: 0 put, 1 it does not fit. */
static int put_dirent(struct dir_context *ctx, const char *name, size_t len,
		      u64 pos, unsigned long ino, unsigned int mode)
{
	struct getdents_ctx *g = container_of(ctx, struct getdents_ctx, ctx);
	char buf[sizeof(struct linux_dirent64) + NAME_MAX + 1 + 8];
	struct linux_dirent64 *d = (struct linux_dirent64 *)buf;
	u16 reclen = (u16)ALIGN(sizeof(*d) + len + 1, 8);

	if (g->used + reclen > g->count)
		return 1;
	memset(buf, 0, reclen);
	d->d_ino = ino;
	d->d_off = (s64)pos + 1;
	d->d_reclen = reclen;
	d->d_type = dirent_type(mode);
	memcpy(d->d_name, name, len);
	memcpy(g->kbuf + g->used, buf, reclen);
	g->used += reclen;
	return 0;
}

/* "." and "..", then the directory's own entries from position 2. */
static int iterate_dir(struct file *f, struct dir_context *ctx)
{
	struct dentry *d = f->f_dentry, *up = d;
	unsigned long up_ino;

	if (ctx->pos == 0) {
		if (ctx->actor(ctx, ".", 1, 0, d->d_inode->i_ino, S_IFDIR))
			return 1;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		mutex_lock(&vfs_lock); /* a rename may move the parent */
		while (up->d_covers)
			up = up->d_covers;
		up_ino = up->d_parent->d_inode->i_ino;
		mutex_unlock(&vfs_lock);
		if (ctx->actor(ctx, "..", 2, 1, up_ino, S_IFDIR))
			return 1;
		ctx->pos = 2;
	}
	return f->ops->iterate(f, ctx);
}

long sys_getdents64(long fd, long ubuf, long count)
{
	struct file *f = fdget(fd);
	struct getdents_ctx g = { .ctx.actor = put_dirent,
				  .count = min(count, (long)GETDENTS_MAX) };
	long ret;
	int full;

	if (!f)
		return -EBADF;
	if (!f->f_inode || !S_ISDIR(f->f_inode->i_mode) || !f->ops->iterate)
		return -ENOTDIR;
	if (count < 0 || !access_ok((void __user *)ubuf, (unsigned long)count))
		return -EFAULT;
	g.kbuf = kmalloc((size_t)g.count + 1, GFP_KERNEL);
	if (!g.kbuf)
		return -ENOMEM;
	mutex_lock(&f->f_pos_lock);
	g.ctx.pos = f->pos;
	full = iterate_dir(f, &g.ctx);
	ret = g.used;
	if (g.used && copy_to_user((void __user *)ubuf, g.kbuf, (size_t)g.used))
		ret = -EFAULT;
	else
		f->pos = g.ctx.pos; /* moved on only if the entries got out */
	mutex_unlock(&f->f_pos_lock);
	kfree(g.kbuf);
	if (ret)
		return ret;
	return full ? -EINVAL : 0; /* too small for one entry, or the end */
}

long sys_readlinkat(long dirfd, long upath, long ubuf, long size)
{
	struct dentry *d;
	struct inode *inode;
	long err = user_path_at(dirfd, upath, 0, &d);

	if (err)
		return err;
	inode = d->d_inode;
	if (!S_ISLNK(inode->i_mode) || !inode->i_link || size <= 0) {
		err = -EINVAL;
	} else {
		size_t len = strlen(inode->i_link);

		if ((size_t)size > len)
			size = (long)len;
		err = copy_to_user((void __user *)ubuf, inode->i_link,
				   (size_t)size) ? -EFAULT : size;
	}
	dput(d);
	return err;
}

long sys_readlink(long upath, long ubuf, long size)
{
	return sys_readlinkat(AT_FDCWD, upath, ubuf, size);
}

/* ---- access and attributes ---- */

#define X_OK 1

long sys_faccessat2(long dirfd, long upath, long mode, long flags)
{
	struct dentry *d;
	long err;

	if (mode & ~7l)
		return -EINVAL;
	err = user_path_at(dirfd, upath,
			   (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &d);
	if (err)
		return err;
	/* Everyone is root: only execute needs a bit, as for root in Linux. */
	if ((mode & X_OK) && !S_ISDIR(d->d_inode->i_mode) &&
	    !(d->d_inode->i_mode & 0111))
		err = -EACCES;
	dput(d);
	return err;
}

long sys_faccessat(long dirfd, long upath, long mode)
{
	return sys_faccessat2(dirfd, upath, mode, 0);
}

long sys_access(long upath, long mode)
{
	return sys_faccessat2(AT_FDCWD, upath, mode, 0);
}

static long chmod_inode(struct inode *inode, long mode)
{
	if (!inode)
		return -EBADF;
	mutex_lock(&inode->i_rwsem);
	inode->i_mode = (inode->i_mode & S_IFMT) | ((unsigned int)mode & S_IALLUGO);
	inode->i_ctime = current_time();
	mutex_unlock(&inode->i_rwsem);
	return 0;
}

long sys_fchmodat(long dirfd, long upath, long mode)
{
	struct dentry *d;
	long err = user_path_at(dirfd, upath, LOOKUP_FOLLOW, &d);

	if (err)
		return err;
	err = chmod_inode(d->d_inode, mode);
	dput(d);
	return err;
}

long sys_chmod(long upath, long mode)
{
	return sys_fchmodat(AT_FDCWD, upath, mode);
}

long sys_fchmod(long fd, long mode)
{
	struct file *f = fdget(fd);

	return f ? chmod_inode(f->f_inode, mode) : -EBADF;
}

long sys_chown(long upath, long uid, long gid)
{
	(void)upath, (void)uid, (void)gid;
	return 0; /* one user, root: owners are always root */
}

#define UTIME_NOW ((1l << 30) - 1)
#define UTIME_OMIT ((1l << 30) - 2)

struct timespec32 {
	s32 tv_sec, tv_nsec;
};

/* Set one of @inode's times from @t (UTIME_NOW/UTIME_OMIT honoured). */
static void set_time(struct timespec64 *field, const struct timespec64 *t,
		     struct timespec64 now)
{
	if (!t || t->tv_nsec == UTIME_NOW)
		*field = now;
	else if (t->tv_nsec != UTIME_OMIT)
		*field = *t;
}

static long utimens(long dirfd, long upath, const struct timespec64 *times,
		    long flags)
{
	struct dentry *d;
	struct inode *inode;
	struct timespec64 now = current_time();
	long err;

	if (upath) {
		err = user_path_at(dirfd, upath,
				   (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
				   &d);
		if (err)
			return err;
	} else {
		struct file *f = fdget(dirfd); /* futimens */

		if (!f || !f->f_dentry)
			return -EBADF;
		d = dget(f->f_dentry);
	}
	inode = d->d_inode;
	mutex_lock(&inode->i_rwsem);
	set_time(&inode->i_atime, times ? &times[0] : NULL, now);
	set_time(&inode->i_mtime, times ? &times[1] : NULL, now);
	inode->i_ctime = now;
	mutex_unlock(&inode->i_rwsem);
	dput(d);
	return 0;
}

static long bad_time(const struct timespec64 *t)
{
	return (t->tv_nsec < 0 || t->tv_nsec >= 1000000000) &&
	       t->tv_nsec != UTIME_NOW && t->tv_nsec != UTIME_OMIT;
}

long sys_utimensat_time64(long dirfd, long upath, long utimes, long flags)
{
	struct timespec64 t[2];

	if (!utimes)
		return utimens(dirfd, upath, NULL, flags);
	if (copy_from_user(t, (const void __user *)utimes, sizeof(t)))
		return -EFAULT;
	if (bad_time(&t[0]) || bad_time(&t[1]))
		return -EINVAL;
	return utimens(dirfd, upath, t, flags);
}

long sys_utimensat(long dirfd, long upath, long utimes, long flags)
{
	struct timespec32 t32[2];
	struct timespec64 t[2];

	if (!utimes)
		return utimens(dirfd, upath, NULL, flags);
	if (copy_from_user(t32, (const void __user *)utimes, sizeof(t32)))
		return -EFAULT;
	for (int i = 0; i < 2; i++) {
		t[i].tv_sec = t32[i].tv_sec;
		t[i].tv_nsec = t32[i].tv_nsec;
		if (bad_time(&t[i]))
			return -EINVAL;
	}
	return utimens(dirfd, upath, t, flags);
}

/* struct statfs64 of the i386 ABI (84 bytes). */
struct statfs64 {
	u32 f_type, f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	s32 f_fsid[2];
	u32 f_namelen, f_frsize, f_flags;
	u32 f_spare[4];
} __packed;

_Static_assert(sizeof(struct statfs64) == 84, "the i386 statfs64 is 84 bytes");

static long put_statfs(struct inode *inode, long size, long ubuf)
{
	struct super_block *sb = inode->i_sb;
	struct kstatfs k = { 0 };
	struct statfs64 st;

	if (size != sizeof(st))
		return -EINVAL;
	if (sb->statfs)
		sb->statfs(sb, &k);
	memset(&st, 0, sizeof(st));
	st.f_type = k.f_type ? k.f_type : sb->s_magic;
	st.f_bsize = st.f_frsize = PAGE_SIZE;
	st.f_blocks = k.f_blocks;
	st.f_bfree = k.f_bfree;
	st.f_bavail = k.f_bavail;
	st.f_files = k.f_files;
	st.f_ffree = k.f_ffree;
	st.f_namelen = k.f_namelen ? k.f_namelen : NAME_MAX;
	return copy_to_user((void __user *)ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_statfs64(long upath, long size, long ubuf)
{
	struct dentry *d;
	long err = user_path_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &d);

	if (err)
		return err;
	err = put_statfs(d->d_inode, size, ubuf);
	dput(d);
	return err;
}

long sys_fstatfs64(long fd, long size, long ubuf)
{
	struct file *f = fdget(fd);

	if (!f)
		return -EBADF;
	if (!f->f_inode)
		return -EINVAL;
	return put_statfs(f->f_inode, size, ubuf);
}

long sys_sync(void)
{
	return 0; /* nothing is ever written back: the files are in RAM */
}

long sys_fsync(long fd)
{
	return fdget(fd) ? 0 : -EBADF;
}
