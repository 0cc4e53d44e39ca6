/* SPDX-License-Identifier: MIT */
/*
 * Files: the read-only tree unpacked from the initramfs (kernel/fs/
 * ramfs.c), open files and each process's descriptor table (kernel/fs/
 * file.c), and the console as a file.
 *
 * A regular file's data lives in whole pages allocated from HighMem, one
 * array of page pointers per inode: the kernel never has them all
 * mapped. read() copies out of them through kmap_local, and a program's
 * file mappings map these very pages into user space (mm/memory.c). The
 * tree is built once at boot and never changes afterwards, so lookups
 * take no lock.
 */
#ifndef KERNEL_FS_H
#define KERNEL_FS_H

#include "kernel/lib/list.h"
#include "kernel/lib/types.h"
#include "kernel/mutex.h"
#include <asm/atomic.h>

#define NAME_MAX 255
#define PATH_MAX 4096
#define NR_OPEN 32 /* descriptors per process */

/* st_mode, as Linux and cpio have it. */
#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFREG 0100000
#define S_IFLNK 0120000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)

/* open() flags */
#define O_ACCMODE 0003
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_DIRECTORY 0200000
#define O_CLOEXEC 02000000
#define AT_FDCWD (-100)

struct page;

struct inode {
	unsigned long ino;
	unsigned int mode;	   /* S_IF* and permission bits */
	unsigned int nlink;
	u32 mtime;
	u64 size;		   /* bytes (a symlink: its target's length) */
	struct page **pages;	   /* a regular file's data, HighMem pages */
	unsigned long nr_pages;
	char *link;		   /* a symlink's target */
	struct inode *parent;	   /* the directory holding it ("/" its own) */
	struct list_head children; /* a directory's entries, in name order */
	struct list_head sibling;  /* in the parent's children */
	char name[];		   /* its name in the parent */
};

struct file;
struct poll_table;

/*
 * poll: the POLL* events ready now (kernel/fs/poll.h), after queueing
 * the caller with poll_wait() on every wait queue whose wake-up may
 * change them. NULL: always readable and writable (regular files).
 */
struct file_operations {
	long (*read)(struct file *f, void *ubuf, unsigned long len);
	long (*write)(struct file *f, const void *ubuf, unsigned long len);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	unsigned int (*poll)(struct file *f, struct poll_table *pt);
	void (*release)(struct file *f); /* the last reference is gone */
};

struct file {
	atomic_t f_count;	/* descriptors and tasks sharing it */
	struct inode *inode;	/* NULL for the console */
	const struct file_operations *ops;
	struct mutex f_pos_lock;
	u64 pos;		/* the offset (f_pos_lock) */
	unsigned int flags;	/* O_* given to open */
	void *private;		/* the pipe, for a pipe end */
};

/**
 * initramfs_unpack - build the file tree from the cpio archive GRUB loaded
 * @archive: the module's bytes (mapped by the caller)
 * @len: its size
 *
 * Each file's data is copied into HighMem pages through kmap_local.
 * A malformed archive is reported and what was read before is kept.
 * Context: boot work (thread); may sleep.
 * Return: the number of entries unpacked, or a negative errno.
 */
int initramfs_unpack(const u8 *archive, size_t len);

/**
 * initramfs_init - unpack the module GRUB loaded as "initramfs"
 *
 * The module that says "initramfs", else the first one. A module
 * outside lowmem, or a malformed archive, is reported; the kernel goes
 * on without (some of) the files.
 * Context: the main thread, before the first process; may sleep.
 */
void initramfs_init(void);

/**
 * path_lookup - find the inode a path names
 * @path: absolute ("/bin/sh") or relative to "/" (there is no cwd yet)
 * @follow: follow a symlink in the last component
 * @inode: receives it
 *
 * Context: any thread; the tree never changes after boot.
 * Return: 0, -ENOENT, -ENOTDIR, -ENAMETOOLONG or -ELOOP.
 */
int path_lookup(const char *path, bool follow, struct inode **inode);

/**
 * inode_get_page - page @index of a regular file's data
 * @inode: the file
 * @index: the page number in the file
 *
 * Context: any. Return: the page, or NULL past the end of the file.
 */
struct page *inode_get_page(const struct inode *inode, unsigned long index);

/**
 * inode_read - copy file bytes into a kernel buffer, through kmap_local
 * @inode: a regular file
 * @pos: the offset
 * @buf: the destination
 * @len: bytes wanted
 *
 * Context: any; never sleeps.
 * Return: bytes copied (0 at or past the end).
 */
size_t inode_read(const struct inode *inode, u64 pos, void *buf, size_t len);

/**
 * inode_path - the absolute path of @inode, for maps and messages
 * @inode: any inode
 * @buf: receives the path
 * @size: its size
 *
 * Context: any.
 */
void inode_path(const struct inode *inode, char *buf, size_t size);

/**
 * inode_number - the inode number shown in maps and stat
 * @inode: any inode
 *
 * Context: any. Return: the number.
 */
unsigned long inode_number(const struct inode *inode);

/**
 * ramfs_stats - how much the unpacked tree holds
 * @files: receives the number of inodes
 * @pages: receives the data pages
 * @high: receives how many of those are in HighMem
 *
 * Context: any.
 */
void ramfs_stats(unsigned long *files, unsigned long *pages,
		 unsigned long *high);

/**
 * file_open - open @inode
 * @inode: the file or directory
 * @flags: O_* (only reading: O_WRONLY/O_RDWR on a file give -EACCES)
 * @filp: receives the open file (f_count 1)
 *
 * Context: thread; may sleep.
 * Return: 0, -EACCES, -ENOTDIR, -ENOMEM.
 */
int file_open(struct inode *inode, unsigned int flags, struct file **filp);

/**
 * file_alloc - a new open file (f_count 1)
 * @inode: its inode, or NULL (console, pipe)
 * @ops: its operations
 * @flags: the O_* flags it was opened with
 *
 * Context: thread; may sleep. Return: the file, or NULL.
 */
struct file *file_alloc(struct inode *inode, const struct file_operations *ops,
			unsigned int flags);

/**
 * chrdev_open - open the character device @major:@minor
 * @inode: the device inode, or NULL (the by-name /dev paths of open_path)
 * @major: Linux's major number (1 mem, 4 tty0, 5 tty/console)
 * @minor: the minor number
 * @flags: the O_* flags of open
 * @filp: receives the open file (f_count 1)
 *
 * The table is kernel/fs/chrdev.c's: 1:3 null, 1:5 zero, 1:7 full,
 * 1:8 random, 1:9 urandom, 4:0 tty0 and 5:1 console (the serial
 * console tty), 5:0 tty (the caller's controlling tty).
 * Context: a process's system call or the spawner; may sleep.
 * Return: 0, -ENODEV (no such device), -ENXIO (5:0 without a
 * controlling tty), -ENOMEM.
 */
int chrdev_open(struct inode *inode, unsigned int major, unsigned int minor,
		unsigned int flags, struct file **filp);

/**
 * pipe_create - a new pipe: its read end and its write end
 * @rd: receives the read end
 * @wr: receives the write end
 * @flags: O_* flags for both (O_CLOEXEC is the descriptors' business)
 *
 * Context: thread; may sleep. Return: 0 or -ENOMEM.
 */
int pipe_create(struct file **rd, struct file **wr, unsigned int flags);

/**
 * console_file - a new open file on the console tty (kernel/fs/tty.c)
 *
 * Context: thread; may sleep. Return: the file, or NULL.
 */
struct file *console_file(void);

/**
 * null_file - a new open file on /dev/null: reads end at once, writes vanish
 * @flags: the O_* flags it was opened with
 *
 * Context: thread; may sleep. Return: the file, or NULL.
 */
struct file *null_file(unsigned int flags);

/**
 * fdget - the open file behind descriptor @fd of the calling process
 * @fd: a descriptor
 *
 * No reference is taken: only the process itself changes its table.
 * Context: a process's system call. Return: the file, or NULL.
 */
struct file *fdget(long fd);

/**
 * get_user_path - copy a path from user memory
 * @buf: PATH_MAX bytes
 * @upath: the user pointer
 *
 * Context: a process's system call; may sleep.
 * Return: 0, -EFAULT, -ENAMETOOLONG, or -ENOENT for an empty path.
 */
long get_user_path(char *buf, long upath);

/**
 * copy_user_path - a user path, copied into a new PATH_MAX buffer
 * @dirfd: AT_FDCWD, or a descriptor (only absolute paths then)
 * @upath: the user pointer
 * @err: receives the error when NULL is returned
 *
 * Context: a process's system call; may sleep.
 * Return: the path (kfree it), or NULL with *@err -ENOMEM, -EFAULT,
 * -ENAMETOOLONG, -ENOENT or -ENOTDIR.
 */
char *copy_user_path(long dirfd, long upath, long *err);

/**
 * fget - take a reference to an open file
 * @f: the file
 *
 * Context: any. Return: @f.
 */
struct file *fget(struct file *f);

/**
 * fput - drop a reference to an open file; the last one frees it
 * @f: the file
 *
 * Context: thread.
 */
void fput(struct file *f);

/**
 * file_read - read from an open file into user memory
 * @f: the file
 * @ubuf: the user buffer
 * @len: bytes
 *
 * Context: thread; may sleep (the console waits for input).
 * Return: bytes read, or -EFAULT, -EISDIR, -EBADF.
 */
long file_read(struct file *f, void *ubuf, unsigned long len);

/**
 * file_write - write user memory to an open file
 * @f: the file
 * @ubuf: the user buffer
 * @len: bytes
 *
 * Context: thread. Return: bytes written, or -EFAULT, -EBADF.
 */
long file_write(struct file *f, const void *ubuf, unsigned long len);

#endif /* KERNEL_FS_H */
