// SPDX-License-Identifier: MIT
/*
 * Character devices by major and minor number, as Linux numbers them,
 * and the memory devices of major 1: null, zero and full. The terminals
 * are in kernel/fs/tty.c, random and urandom in kernel/drivers/random.c.
 *
 * A device inode (or, until the VFS has them, open_path's /dev names)
 * calls chrdev_open(), which finds the device's open function here.
 */
#include "kernel/fs/fs.h"
#include "kernel/drivers/random.h"
#include "kernel/fs/poll.h"
#include "kernel/fs/tty.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include <asm/uaccess.h>

#define MEM_MAJOR 1
#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5

static long null_read(struct file *f, void *ubuf, unsigned long len)
{
	(void)f, (void)ubuf, (void)len;
	return 0;
}

static long null_write(struct file *f, const void *ubuf, unsigned long len)
{
	(void)f, (void)ubuf;
	return (long)len;
}

/* /dev/zero and /dev/full read as zeros, a page of them at a time. */
static long zero_read(struct file *f, void *ubuf, unsigned long len)
{
	unsigned long left;

	(void)f;
	if (!access_ok(ubuf, len))
		return -EFAULT;
	left = clear_user(ubuf, len);
	if (left == len && len)
		return -EFAULT;
	return (long)(len - left);
}

static long full_write(struct file *f, const void *ubuf, unsigned long len)
{
	(void)f, (void)ubuf;
	return len ? -ENOSPC : 0;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
};

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = null_write,
};

static const struct file_operations full_fops = {
	.read = zero_read,
	.write = full_write,
};

static int open_with(const struct file_operations *ops, unsigned int flags,
		     struct file **filp)
{
	*filp = file_alloc(NULL, ops, flags);
	return *filp ? 0 : -ENOMEM;
}

static int null_open(unsigned int flags, struct file **filp)
{
	return open_with(&null_fops, flags, filp);
}

static int zero_open(unsigned int flags, struct file **filp)
{
	return open_with(&zero_fops, flags, filp);
}

static int full_open(unsigned int flags, struct file **filp)
{
	return open_with(&full_fops, flags, filp);
}

struct chrdev {
	unsigned int major, minor;
	int (*open)(unsigned int flags, struct file **filp);
};

static const struct chrdev chrdevs[] = {
	{MEM_MAJOR, 3, null_open},
	{MEM_MAJOR, 5, zero_open},
	{MEM_MAJOR, 7, full_open},
	{MEM_MAJOR, 8, random_open},
	{MEM_MAJOR, 9, random_open},	  /* urandom: the same generator */
	{TTY_MAJOR, 0, tty_open_console}, /* tty0: the console */
	{TTYAUX_MAJOR, 0, tty_open_current},
	{TTYAUX_MAJOR, 1, tty_open_console},
};

int chrdev_open(struct inode *inode, unsigned int major, unsigned int minor,
		unsigned int flags, struct file **filp)
{
	int err;

	for (size_t i = 0; i < ARRAY_SIZE(chrdevs); i++) {
		if (chrdevs[i].major != major || chrdevs[i].minor != minor)
			continue;
		(void)inode; /* dentry_open ties the file to its node */
		err = chrdevs[i].open(flags, filp);
		return err;
	}
	return -ENODEV;
}

struct file *null_file(unsigned int flags)
{
	struct file *f;

	return null_open(flags, &f) ? NULL : f;
}
