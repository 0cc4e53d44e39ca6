// SPDX-License-Identifier: MIT
/*
 * Open files, descriptor tables, and the file system calls.
 *
 * A descriptor table belongs to one process and only that process
 * changes it (fork copies it before the child runs), so it needs no
 * lock. An open file may be shared by several tables after fork: its
 * reference count is atomic and its offset is guarded by f_pos_lock.
 *
 * Opening is in kernel/fs/open.c, the page cache behind a regular
 * file's read and write in kernel/fs/filemap.c, the devices in kernel/fs/chrdev.c
 * (the console tty in tty.c), the stat family and getdents64 in
 * kernel/fs/stat.c, pipes in kernel/fs/pipe.c.
 */
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "highmem/highmem.h"
#include "mm/gfp.h"
#include "mm/slab.h"
#include <asm/uaccess.h>



#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define IOV_MAX 1024

/* ---- descriptor tables ---- */

struct files_struct *files_alloc(void)
{
	return kzalloc(sizeof(struct files_struct), GFP_KERNEL);
}

struct files_struct *files_dup(struct files_struct *old)
{
	struct files_struct *files = files_alloc();

	if (!files || !old)
		return files;
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (old->fd[fd])
			files->fd[fd] = fget(old->fd[fd]);
	files->close_on_exec = old->close_on_exec;
	return files;
}

void files_close_all(struct files_struct *files)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	kfree(files);
}

void files_close_on_exec(struct files_struct *files)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd] && (files->close_on_exec & (1ul << fd))) {
			fput(files->fd[fd]);
			files->fd[fd] = NULL;
		}
	files->close_on_exec = 0;
}

int fd_install(struct file *f, bool cloexec)
{
	struct files_struct *files = current->files;

	for (int fd = 0; fd < NR_OPEN; fd++)
		if (!files->fd[fd]) {
			files->fd[fd] = f;
			if (cloexec)
				files->close_on_exec |= 1ul << fd;
			else
				files->close_on_exec &= ~(1ul << fd);
			return fd;
		}
	return -EMFILE;
}

/* The open file behind @fd of the caller, or NULL. */
struct file *fdget(long fd)
{
	if (fd < 0 || fd >= NR_OPEN || !current->files)
		return NULL;
	return current->files->fd[fd];
}

/* ---- open files ---- */

struct file *fget(struct file *f)
{
	atomic_inc(&f->f_count);
	return f;
}

void fput(struct file *f)
{
	if (!atomic_dec_and_test(&f->f_count))
		return;
	if (f->ops->release)
		f->ops->release(f);
	if (f->f_dentry)
		dput(f->f_dentry);
	else
		iput(f->f_inode);
	kfree(f);
}

struct file *file_alloc(struct inode *inode, const struct file_operations *ops,
			unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	atomic_set(&f->f_count, 1);
	f->f_inode = inode;
	f->ops = ops;
	f->flags = flags;
	mutex_init(&f->f_pos_lock, "f_pos_lock");
	return f;
}

long file_read(struct file *f, void *ubuf, unsigned long len)
{
	if (!f->ops->read)
		return -EBADF;
	return f->ops->read(f, ubuf, len);
}

long file_write(struct file *f, const void *ubuf, unsigned long len)
{
	if (!f->ops->write)
		return -EBADF;
	return f->ops->write(f, ubuf, len);
}

/* ---- the system calls ---- */

long sys_read(long fd, long buf, long count)
{
	struct file *f = fdget(fd);

	if (!f)
		return -EBADF;
	if (count < 0)
		return -EINVAL;
	return file_read(f, (void *)buf, (unsigned long)count);
}

long sys_write(long fd, long buf, long count)
{
	struct file *f = fdget(fd);

	if (!f)
		return -EBADF;
	if (count < 0)
		return -EINVAL;
	return file_write(f, (const void *)buf, (unsigned long)count);
}

struct iovec32 {
	u32 base, len;
};

static long do_iov(long fd, long uiov, long iovcnt, bool write)
{
	struct file *f = fdget(fd);
	long total = 0;

	if (!f)
		return -EBADF;
	if (iovcnt < 0 || iovcnt > IOV_MAX)
		return -EINVAL;
	for (long i = 0; i < iovcnt; i++) {
		struct iovec32 v;
		long n;

		if (copy_from_user(&v, (const struct iovec32 __user *)uiov + i,
				   sizeof(v)))
			return total ? total : -EFAULT;
		if (!v.len)
			continue;
		n = write ? file_write(f, (const void *)(unsigned long)v.base,
				       v.len) :
			    file_read(f, (void *)(unsigned long)v.base, v.len);
		if (n < 0)
			return total ? total : n;
		total += n;
		if ((u32)n < v.len)
			break;
	}
	return total;
}

long sys_readv(long fd, long iov, long iovcnt)
{
	return do_iov(fd, iov, iovcnt, false);
}

long sys_writev(long fd, long iov, long iovcnt)
{
	return do_iov(fd, iov, iovcnt, true);
}

long sys_close(long fd)
{
	struct file *f = fdget(fd);

	if (!f)
		return -EBADF;
	current->files->fd[fd] = NULL;
	fput(f);
	return 0;
}

static long do_lseek(long fd, s64 off, long whence, u64 *result)
{
	struct file *f = fdget(fd);
	s64 base;

	if (!f)
		return -EBADF;
	if (!f->f_inode || S_ISFIFO(f->f_inode->i_mode) ||
	    S_ISCHR(f->f_inode->i_mode))
		return -ESPIPE; /* pipes and devices have no offset */
	mutex_lock(&f->f_pos_lock);
	base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (s64)f->pos :
	       whence == SEEK_END ? (s64)i_size_read(f->f_inode) : -1;
	if (whence > SEEK_END || base + off < 0) {
		mutex_unlock(&f->f_pos_lock);
		return -EINVAL;
	}
	f->pos = (u64)(base + off);
	*result = f->pos;
	mutex_unlock(&f->f_pos_lock);
	return 0;
}

long sys_lseek(long fd, long offset, long whence)
{
	u64 pos;
	long err = do_lseek(fd, offset, whence, &pos);

	if (err)
		return err;
	return pos > 0x7fffffff ? -EOVERFLOW : (long)pos;
}

long sys_llseek(long fd, long high, long low, long uresult, long whence)
{
	s64 off = (s64)(((u64)(u32)high << 32) | (u32)low);
	u64 pos;
	long err = do_lseek(fd, off, whence, &pos);

	if (err)
		return err;
	return copy_to_user((void __user *)uresult, &pos, sizeof(pos)) ?
		       -EFAULT : 0;
}

long sys_pipe2(long ufds, long flags)
{
	struct file *rd, *wr;
	int fds[2], err;

	if (flags & ~(long)O_CLOEXEC)
		return -EINVAL;
	err = pipe_create(&rd, &wr, 0);
	if (err)
		return err;
	fds[0] = fd_install(rd, flags & O_CLOEXEC);
	fds[1] = fds[0] < 0 ? -EMFILE : fd_install(wr, flags & O_CLOEXEC);
	if (fds[1] < 0) {
		if (fds[0] >= 0)
			current->files->fd[fds[0]] = NULL;
		fput(rd);
		fput(wr);
		return -EMFILE;
	}
	if (copy_to_user((void __user *)ufds, fds, sizeof(fds))) {
		sys_close(fds[0]);
		sys_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(long ufds)
{
	return sys_pipe2(ufds, 0);
}

/* Put @f (a new reference) at descriptor @fd, closing what was there. */
static long install_at(struct file *f, long fd, bool cloexec)
{
	struct files_struct *files = current->files;

	if (files->fd[fd])
		fput(files->fd[fd]);
	files->fd[fd] = f;
	if (cloexec)
		files->close_on_exec |= 1ul << fd;
	else
		files->close_on_exec &= ~(1ul << fd);
	return fd;
}

long sys_dup(long fd)
{
	struct file *f = fdget(fd);
	int nfd;

	if (!f)
		return -EBADF;
	nfd = fd_install(fget(f), false);
	if (nfd < 0)
		fput(f);
	return nfd;
}

long sys_dup3(long oldfd, long newfd, long flags)
{
	struct file *f = fdget(oldfd);

	if (!f || newfd < 0 || newfd >= NR_OPEN)
		return -EBADF;
	if (flags & ~(long)O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return install_at(fget(f), newfd, flags & O_CLOEXEC);
}

long sys_dup2(long oldfd, long newfd)
{
	if (!fdget(oldfd))
		return -EBADF;
	if (oldfd == newfd)
		return newfd;
	return sys_dup3(oldfd, newfd, 0);
}

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1

long sys_fcntl64(long fd, long cmd, long arg)
{
	struct files_struct *files = current->files;
	struct file *f = fdget(fd);

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		for (long n = arg < 0 ? NR_OPEN : arg; n < NR_OPEN; n++)
			if (!files->fd[n])
				return install_at(fget(f), n,
						  cmd == F_DUPFD_CLOEXEC);
		return -EMFILE;
	case F_GETFD:
		return (files->close_on_exec >> fd) & 1 ? FD_CLOEXEC : 0;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			files->close_on_exec |= 1ul << fd;
		else
			files->close_on_exec &= ~(1ul << fd);
		return 0;
	case F_GETFL:
		return f->flags & ~(unsigned int)O_CLOEXEC;
	case F_SETFL:
		/* O_APPEND and O_NONBLOCK may change; the rest is fixed at open. */
		f->flags = (f->flags & ~(unsigned int)(O_APPEND | O_NONBLOCK)) |
			   ((unsigned int)arg & (O_APPEND | O_NONBLOCK));
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_ioctl(long fd, long cmd, long arg)
{
	struct file *f = fdget(fd);

	if (!f)
		return -EBADF;
	if (!f->ops->ioctl)
		return -ENOTTY;
	return f->ops->ioctl(f, (unsigned int)cmd, (unsigned long)arg);
}
