// SPDX-License-Identifier: MIT
/*
 * Opening files: open, openat, creat; and the calls that act on a file's
 * size or bytes without a read or write of their own: truncate,
 * ftruncate, pread64, pwrite64, sendfile64.
 *
 * open() walks the path, makes the file if O_CREAT asks and it is
 * missing, and finds the file's operations in its inode: the page cache
 * for a ramfs file, the device table for a device node (chrdev_open),
 * the generator of a /proc file.
 */
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "kernel/sched.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

/* May a file of @mode be opened with @flags? */
static int may_open(unsigned int mode, unsigned int flags)
{
	unsigned int acc = flags & O_ACCMODE;

	if (acc == 3)
		return -EINVAL;
	if (S_ISDIR(mode) && (acc != O_RDONLY || (flags & O_TRUNC)))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(mode))
		return -ENOTDIR;
	if (S_ISLNK(mode))
		return -ELOOP; /* O_NOFOLLOW met a symlink */
	return 0;
}

int dentry_open(struct dentry *d, unsigned int flags, struct file **filp)
{
	struct inode *inode = d->d_inode;
	struct file *f;
	int err = may_open(inode->i_mode, flags);

	if (err)
		return err;
	if (S_ISCHR(inode->i_mode)) {
		err = chrdev_open(inode, MAJOR(inode->i_rdev),
				  MINOR(inode->i_rdev), flags, &f);
		if (err)
			return err;
	} else if (!inode->i_fop) {
		return -ENXIO; /* a FIFO or socket node: nothing behind it */
	} else {
		f = file_alloc(inode, inode->i_fop, flags);
		if (!f)
			return -ENOMEM;
	}
	f->f_inode = inode;
	f->f_dentry = dget(d);
	if (f->ops->open) {
		err = f->ops->open(inode, f);
		if (err) {
			fput(f);
			return err;
		}
	}
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode) &&
	    (flags & O_ACCMODE) != O_RDONLY)
		vfs_truncate(inode, 0);
	*filp = f;
	return 0;
}

/* The dentry to open for @path, made if O_CREAT says so. */
static int open_dentry(struct dentry *start, const char *path,
		       unsigned int flags, unsigned int mode, struct dentry **d)
{
	unsigned int lookup = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	int err;

	if (flags & O_DIRECTORY)
		lookup |= LOOKUP_DIRECTORY;
	if (!(flags & O_CREAT))
		return vfs_lookup(start, path, lookup, d);
	if (path[0] && path[strlen(path) - 1] == '/')
		return -EISDIR; /* a file cannot be made with a directory's name */
	for (int tries = 0; tries < 2; tries++) {
		err = vfs_lookup(start, path, lookup, d);
		if (!err)
			return (flags & O_EXCL) ? (dput(*d), -EEXIST) : 0;
		if (err != -ENOENT)
			return err;
		err = vfs_create(start, path, S_IFREG | (mode & ~current->umask),
				 0, NULL, d);
		/* Made by someone else between the two steps: open theirs. */
		if (err != -EEXIST || (flags & O_EXCL))
			return err;
	}
	return err;
}

static long do_open(struct dentry *start, const char *path,
		    unsigned int flags, unsigned int mode)
{
	struct dentry *d;
	struct file *f;
	long err = open_dentry(start, path, flags, mode & 07777, &d);
	int fd;

	if (err)
		return err;
	err = dentry_open(d, flags, &f);
	dput(d);
	if (err)
		return err;
	fd = fd_install(f, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);
	return fd;
}

int file_open_path(const char *path, unsigned int flags, struct file **filp)
{
	struct dentry *d;
	int err = open_dentry(NULL, path, flags, 0644, &d);

	if (err)
		return err;
	err = dentry_open(d, flags, filp);
	dput(d);
	return err;
}

long sys_openat(long dirfd, long upath, long flags, long mode)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	struct dentry *start = NULL;
	long err;

	if (!path)
		return -ENOMEM;
	err = get_user_path(path, upath);
	if (!err && path[0] != '/' && dirfd != AT_FDCWD) {
		struct file *dir = fdget(dirfd);

		if (!dir)
			err = -EBADF;
		else if (!dir->f_dentry || !S_ISDIR(dir->f_inode->i_mode))
			err = -ENOTDIR;
		else
			start = dget(dir->f_dentry);
	}
	if (!err)
		err = do_open(start, path, (unsigned int)flags,
			      (unsigned int)mode);
	dput(start);
	kfree(path);
	return err;
}

long sys_open(long upath, long flags, long mode)
{
	return sys_openat(AT_FDCWD, upath, flags, mode);
}

long sys_creat(long upath, long mode)
{
	return sys_open(upath, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* ---- size and positioned I/O ---- */

static s64 u64_arg(long lo, long hi)
{
	return (s64)(((u64)(u32)hi << 32) | (u32)lo);
}

long sys_truncate64(long upath, long lo, long hi)
{
	struct dentry *d;
	s64 size = u64_arg(lo, hi);
	long err;

	if (size < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &d);
	if (err)
		return err;
	err = vfs_truncate(d->d_inode, (u64)size);
	dput(d);
	return err;
}

long sys_truncate(long upath, long size)
{
	return sys_truncate64(upath, size, size < 0 ? -1 : 0);
}

long sys_ftruncate64(long fd, long lo, long hi)
{
	struct file *f = fdget(fd);
	s64 size = u64_arg(lo, hi);

	if (!f)
		return -EBADF;
	if (size < 0 || !f->f_inode || (f->flags & O_ACCMODE) == O_RDONLY)
		return -EINVAL;
	return vfs_truncate(f->f_inode, (u64)size);
}

long sys_ftruncate(long fd, long size)
{
	return sys_ftruncate64(fd, size, size < 0 ? -1 : 0);
}

/* A regular file open for @write (or reading), for the positioned calls. */
static struct file *regular_file(long fd, bool write, long *err)
{
	struct file *f = fdget(fd);
	unsigned int acc;

	*err = -EBADF;
	if (!f)
		return NULL;
	acc = f->flags & O_ACCMODE;
	if ((write && acc == O_RDONLY) || (!write && acc == O_WRONLY))
		return NULL;
	*err = -ESPIPE;
	if (!f->f_inode || !S_ISREG(f->f_inode->i_mode) ||
	    !f->f_inode->i_sb->s_page_cache)
		return NULL; /* a pipe, a device, a /proc file */
	return f;
}

long sys_pread64(long fd, long ubuf, long count, long lo, long hi)
{
	s64 pos = u64_arg(lo, hi);
	u64 p = (u64)pos;
	long err;
	struct file *f = regular_file(fd, false, &err);

	if (!f)
		return err;
	if (pos < 0 || count < 0)
		return -EINVAL;
	return filemap_read(f->f_inode, (void *)ubuf, (unsigned long)count, &p,
			    false);
}

long sys_pwrite64(long fd, long ubuf, long count, long lo, long hi)
{
	s64 pos = u64_arg(lo, hi);
	u64 p = (u64)pos;
	long err, n;
	struct file *f = regular_file(fd, true, &err);

	if (!f)
		return err;
	if (pos < 0 || count < 0)
		return -EINVAL;
	mutex_lock(&f->f_inode->i_rwsem);
	n = filemap_write(f->f_inode, (const void *)ubuf, (unsigned long)count,
			  &p, false);
	mutex_unlock(&f->f_inode->i_rwsem);
	return n;
}

#define SENDFILE_CHUNK 4096

/*
 * sendfile64: from a regular file to a regular file, through a kernel
 * bounce buffer (cp uses it). Other destinations get -EINVAL, as from
 * Linux before 2.6.33; busybox then falls back to read and write.
 */
long sys_sendfile64(long out_fd, long in_fd, long uoffset, long count)
{
	struct file *in = fdget(in_fd), *out = fdget(out_fd);
	u64 pos = 0;
	long done = 0, err = 0;
	char *buf;

	if (!in || !out || (in->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (!in->f_inode || !S_ISREG(in->f_inode->i_mode) ||
	    !out->f_inode || !S_ISREG(out->f_inode->i_mode) ||
	    (out->flags & O_ACCMODE) == O_RDONLY)
		return -EINVAL;
	if (count < 0)
		return -EINVAL;
	if (uoffset && copy_from_user(&pos, (const void __user *)uoffset,
				      sizeof(pos)))
		return -EFAULT;
	if (!uoffset) {
		mutex_lock(&in->f_pos_lock);
		pos = in->pos;
		mutex_unlock(&in->f_pos_lock);
	}
	buf = kmalloc(SENDFILE_CHUNK, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	/*
	 * The input's offset lock is not held across the writes: two
	 * processes sending each way between two shared files would each
	 * hold one offset lock and wait for the other's.
	 */
	while (done < count) {
		size_t want = min((size_t)(count - done), (size_t)SENDFILE_CHUNK);
		size_t got = kernel_read(in->f_inode, pos, buf, want);
		long put;

		if (!got)
			break;
		put = generic_file_write(out, buf, got, true);
		if (put <= 0) {
			err = put;
			break;
		}
		pos += (u64)put;
		done += put;
		if ((size_t)put < got)
			break;
	}
	kfree(buf);
	if (uoffset)
		return copy_to_user((void __user *)uoffset, &pos, sizeof(pos)) ?
			       -EFAULT : (done ? done : err);
	mutex_lock(&in->f_pos_lock);
	in->pos = pos;
	mutex_unlock(&in->f_pos_lock);
	return done ? done : err;
}
