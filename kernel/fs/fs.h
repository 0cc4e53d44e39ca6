/* SPDX-License-Identifier: MIT */
/*
 * The virtual file system: inodes, dentries, mounts, open files, and
 * each process's descriptor table.
 *
 *  - An inode is a file, directory, symlink or device. A regular file's
 *    data lives in its page cache: whole pages from HighMem, found by
 *    index in a radix tree (i_pages). The kernel never has them all
 *    mapped: read() and write() copy through kmap_local, and mmap()
 *    maps these very pages into user space (mm/memory.c).
 *  - A dentry is a name in a directory, pointing at its inode. The
 *    dentries of a RAM file system are the directories themselves:
 *    there is nothing below them to read back (kernel/fs/ramfs.c).
 *    /proc's dentries are made on lookup and die with their last user
 *    (kernel/fs/procfs.c).
 *  - A mount hangs a file system's root dentry on a directory dentry:
 *    the walk crosses from one to the other (d_mounted, d_covers).
 *
 * Locking, in the order they nest:
 *  - file->f_pos_lock (a mutex) guards an open file's offset.
 *  - inode->i_rwsem (a mutex) serialises what changes a file: writes,
 *    truncation, mode and times. A write may fault on its user buffer
 *    with it held; the fault path never takes it.
 *  - mm->mmap_lock. A user copy may fault and take it, so no copy to or
 *    from user memory is made under the locks below.
 *  - vfs_lock (a mutex) guards the shape of the tree: every dentry's
 *    d_parent, d_subdirs, d_child, d_seq, d_mounted, and the names.
 *    Walks, creates, unlinks and renames take it; so does the maps
 *    listing (d_path), under mmap_lock.
 *  - inode->i_pages_lock (a spinlock) guards the page cache tree, its
 *    page count and i_size. Readers and the fault path look a page up
 *    and take a reference under it, then copy or map outside it.
 * Reference counts (d_count, i_count, f_count) are atomic.
 */
#ifndef KERNEL_FS_H
#define KERNEL_FS_H

#include "kernel/lib/list.h"
#include "kernel/radix_tree.h"
#include "kernel/lib/types.h"
#include "kernel/mutex.h"
#include "kernel/spinlock.h"
#include "kernel/timer.h"
#include "mm/gfp.h"
#include <asm/atomic.h>

#define NAME_MAX 255
#define PATH_MAX 4096
#define NR_OPEN 32 /* descriptors per process */

/* st_mode, as Linux and cpio have it. */
#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_IALLUGO 07777

/* open() flags */
#define O_ACCMODE 0003
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#define O_CLOEXEC 02000000
#define O_PATH 010000000
#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_EMPTY_PATH 0x1000

/* Device numbers, as Linux's old 8:8 encoding for stat's st_rdev. */
#define MKDEV(ma, mi) (((ma) << 8) | (mi))
#define MAJOR(dev) (((dev) >> 8) & 0xfff)
#define MINOR(dev) ((dev) & 0xff)

struct page;
struct file;
struct inode;
struct dentry;
struct seq_file;

/* What statfs reports for a file system. */
struct kstatfs {
	u32 f_type;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	u32 f_namelen;
};

struct poll_table;

struct super_block {
	const char *s_type;	   /* "ramfs", "proc" */
	u32 s_magic;		   /* statfs's f_type */
	unsigned int s_dev;	   /* stat's st_dev */
	struct dentry *s_root;
	atomic_t s_next_ino;	   /* numbers for new inodes */
	bool s_transient;	   /* inodes die with their last reference */
	bool s_page_cache;	   /* files hold their data in the page cache (mmap) */
	void (*statfs)(struct super_block *sb, struct kstatfs *st);
};

struct inode_operations {
	/*
	 * A directory whose entries are made up on demand (/proc): the
	 * inode for @name, or NULL. Directories without it hold their
	 * entries as dentries (d_subdirs) and may be changed (ramfs).
	 */
	struct inode *(*lookup)(struct inode *dir, const char *name,
				size_t len);
	/* A new inode of any kind in @dir's file system (ramfs). */
	struct inode *(*new_inode)(struct super_block *sb, unsigned int mode,
				   unsigned int rdev);
};

/* getdents64's visitor: 0 to go on, non-zero when the buffer is full. */
struct dir_context {
	int (*actor)(struct dir_context *ctx, const char *name, size_t len,
		     u64 pos, unsigned long ino, unsigned int type);
	u64 pos;
};

/*
 * poll: the POLL* events ready now (kernel/fs/poll.h), after queueing
 * the caller with poll_wait() on every wait queue whose wake-up may
 * change them. NULL: always readable and writable (regular files).
 */
struct file_operations {
	int (*open)(struct inode *inode, struct file *f);
	long (*read)(struct file *f, void *ubuf, unsigned long len);
	long (*write)(struct file *f, const void *ubuf, unsigned long len);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	/* A directory with made-up entries lists them (/proc). */
	int (*iterate)(struct file *f, struct dir_context *ctx);
	unsigned int (*poll)(struct file *f, struct poll_table *pt);
	void (*release)(struct file *f); /* the last reference is gone */
};

struct inode {
	atomic_t i_count;	   /* dentries, open files and mappings */
	unsigned long i_ino;
	unsigned int i_mode;	   /* S_IF* and permission bits (i_rwsem) */
	unsigned int i_nlink;	   /* names it has (vfs_lock) */
	unsigned int i_rdev;	   /* a device's number */
	u64 i_size;		   /* bytes (i_pages_lock; i_size_read) */
	struct timespec64 i_atime, i_mtime, i_ctime; /* (i_rwsem) */
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct mutex i_rwsem;
	spinlock_t i_pages_lock;
	struct radix_tree_root i_pages; /* the page cache: index -> page */
	unsigned long i_nrpages;
	gfp_t i_gfp;		   /* where its cache pages come from */
	char *i_link;		   /* a symlink's target */
	void *i_private;	   /* the file system's (a /proc entry) */
	int i_pid;		   /* /proc/PID's process */
};

struct dentry {
	atomic_t d_count;	   /* users; a name in the tree holds one */
	struct inode *d_inode;
	struct dentry *d_parent;   /* holds a reference ("/" is its own) */
	struct list_head d_subdirs; /* a directory's entries, oldest first */
	struct list_head d_child;  /* in the parent's d_subdirs */
	struct dentry *d_mounted;  /* the root of what is mounted here */
	struct dentry *d_covers;   /* for a mounted root: its mount point */
	bool d_linked;		   /* in its parent's d_subdirs */
	bool d_deleted;		   /* unlinked or removed: no new lookups */
	unsigned long d_seq;	   /* when it joined d_subdirs: its readdir place */
	char *d_name;		   /* kmalloc'd: rename may change it */
};

struct file {
	atomic_t f_count;	/* descriptors, tasks and mappings sharing it */
	struct dentry *f_dentry; /* NULL for a pipe */
	struct inode *f_inode;	/* NULL for a pipe */
	const struct file_operations *ops;
	struct mutex f_pos_lock;
	u64 pos;		/* the offset (f_pos_lock) */
	unsigned int flags;	/* O_* given to open (F_SETFL may change some) */
	void *private;		/* the pipe, a /proc file's text, ... */
};

extern struct mutex vfs_lock;

/* ---- dentries and inodes (kernel/fs/namei.c, kernel/fs/inode.c) ---- */

/**
 * dget - take a reference to @d
 * @d: a dentry
 *
 * Context: any. Return: @d.
 */
struct dentry *dget(struct dentry *d);

/**
 * dput - drop a reference to @d; an unlinked dentry dies with its last
 * @d: a dentry, or NULL
 *
 * Context: thread; may sleep (the inode may go, and its pages).
 */
void dput(struct dentry *d);

/**
 * d_alloc - a new dentry for @name in @parent, not yet in the tree
 * @parent: the directory (a reference is taken), or NULL for a root
 * @name: the name
 * @len: its length
 * @inode: its inode (the reference passes to the dentry)
 *
 * Context: thread; may sleep. Return: the dentry (d_count 1), or NULL.
 */
struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len,
		       struct inode *inode);

/**
 * new_inode - a new inode of @sb (i_count 1), times set to now
 * @sb: its file system
 * @mode: S_IF* and permission bits
 *
 * Context: thread; may sleep. Return: the inode, or NULL.
 */
struct inode *new_inode(struct super_block *sb, unsigned int mode);

/**
 * ihold - take a reference to @inode
 * @inode: the inode
 *
 * Context: any. Return: @inode.
 */
struct inode *ihold(struct inode *inode);

/**
 * iput - drop a reference; an inode with no names left dies with its last
 * @inode: the inode, or NULL
 *
 * Its page-cache pages go back to the allocator (unless still mapped
 * somewhere: each mapping holds its own page reference).
 * Context: thread; may sleep.
 */
void iput(struct inode *inode);

/**
 * i_size_read - @inode's size, read whole under i_pages_lock
 * @inode: the inode
 *
 * A u64 is two loads on i386: without the lock a reader could see half
 * of a writer's update.
 * Context: any thread. Return: the size in bytes.
 */
u64 i_size_read(struct inode *inode);

/**
 * current_time - the time to stamp a change with
 *
 * Context: any. Return: now, by the realtime clock.
 */
struct timespec64 current_time(void);

/* ---- path walks (kernel/fs/namei.c) ---- */

#define LOOKUP_FOLLOW 0x1     /* follow a symlink in the last component */
#define LOOKUP_DIRECTORY 0x2  /* the result must be a directory */

/**
 * vfs_lookup - find the dentry a path names
 * @start: where a relative path starts (NULL: the caller's cwd)
 * @path: the path
 * @flags: LOOKUP_*
 * @out: receives the dentry, with a reference
 *
 * Context: thread; takes vfs_lock.
 * Return: 0, -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP or -ENOMEM.
 */
int vfs_lookup(struct dentry *start, const char *path, unsigned int flags,
	       struct dentry **out);

/**
 * path_lookup - find the dentry of an absolute or cwd-relative path
 * @path: the path
 * @flags: LOOKUP_*
 * @out: receives the dentry, with a reference (dput it)
 *
 * Context: thread; takes vfs_lock. Return: as vfs_lookup.
 */
int path_lookup(const char *path, unsigned int flags, struct dentry **out);

/**
 * user_path_at - the dentry a user path names, relative to @dirfd
 * @dirfd: AT_FDCWD or a directory descriptor
 * @upath: the user's path
 * @flags: LOOKUP_*; AT_EMPTY_PATH-like behaviour is the caller's
 * @out: receives the dentry, with a reference
 *
 * Context: a process's system call; may sleep.
 * Return: 0 or a negative errno.
 */
long user_path_at(long dirfd, long upath, unsigned int flags,
		  struct dentry **out);

/**
 * d_path - the absolute path of @d, for getcwd, maps and messages
 * @d: a dentry
 * @buf: receives the path (" (deleted)" appended if it was unlinked)
 * @size: its size
 *
 * Context: thread; takes vfs_lock. Return: the length, or -ENAMETOOLONG.
 */
int d_path(struct dentry *d, char *buf, size_t size);

/**
 * vfs_mount - mount @sb's root on the directory @where
 * @where: a directory dentry
 * @sb: the file system
 *
 * Context: thread; takes vfs_lock. Return: 0 or -EBUSY.
 */
int vfs_mount(struct dentry *where, struct super_block *sb);

/**
 * root_dentry - the root of the tree ("/"), with a reference
 *
 * Context: any. Return: the dentry, or NULL before ramfs_init.
 */
struct dentry *root_dentry(void);

/**
 * vfs_create - make a file, directory, symlink or device node at @path
 * @start: where a relative @path starts (NULL: the cwd)
 * @path: the new name
 * @mode: S_IF* and permission bits (the umask is the caller's business)
 * @rdev: a device node's number
 * @link: a symlink's target, or NULL
 * @out: receives the new dentry with a reference, or NULL not to
 *
 * Context: thread; takes vfs_lock.
 * Return: 0, -EEXIST, -ENOENT, -ENOTDIR, -EPERM (a file system without
 * names of its own: /proc), -ENOSPC/-ENOMEM.
 */
int vfs_create(struct dentry *start, const char *path, unsigned int mode,
	       unsigned int rdev, const char *link, struct dentry **out);

/**
 * vfs_unlink - remove the name @path (a directory with @rmdir)
 * @start: where a relative @path starts (NULL: the cwd)
 * @path: the name
 * @rmdir: remove a directory (it must be empty), not a file
 *
 * An open or mapped file lives on, nameless, until its last user.
 * Context: thread; takes vfs_lock.
 * Return: 0, -ENOENT, -EISDIR, -ENOTDIR, -ENOTEMPTY, -EPERM, -EBUSY.
 */
int vfs_unlink(struct dentry *start, const char *path, bool rmdir);

/* ---- the page cache (kernel/fs/filemap.c) ---- */

/**
 * find_get_page - page @index of @inode's cache, with a reference
 * @inode: the file
 * @index: the page number in the file
 *
 * Context: any thread; takes i_pages_lock. Return: the page, or NULL.
 */
struct page *find_get_page(struct inode *inode, unsigned long index);

/**
 * find_or_create_page - page @index of @inode's cache, made (zeroed) if
 * missing, with a reference
 * @inode: the file
 * @index: the page number
 *
 * Context: thread; may sleep. Return: the page, or NULL (no memory).
 */
struct page *find_or_create_page(struct inode *inode, unsigned long index);

/**
 * filemap_fault_page - the cache page for a shared mapping's fault
 * @inode: the file
 * @index: the page number
 * @beyond: set if @index is past the end of the file (SIGBUS)
 *
 * Made (zeroed) if missing and inside the file; a racing truncation
 * never leaves a page past the new end.
 * Context: thread; may sleep. Return: the page with a reference, or
 * NULL (*@beyond, or no memory).
 */
struct page *filemap_fault_page(struct inode *inode, unsigned long index,
				bool *beyond);

/**
 * truncate_inode_pages - drop the cache's pages from index @start on
 * @inode: the file
 * @start: the first page to drop
 *
 * Context: thread; i_rwsem held, or the inode's last reference.
 */
void truncate_inode_pages(struct inode *inode, unsigned long start);

/**
 * filemap_read - copy file bytes at *@pos to user memory
 * @inode: a regular file
 * @ubuf: the user buffer (or a kernel one with @kernel)
 * @len: bytes wanted
 * @pos: the offset; advanced by what was copied
 * @kernel: @ubuf is a kernel address
 *
 * Each page is looked up and pinned under i_pages_lock and copied
 * outside it through kmap_local; a hole reads as zeros.
 * Context: thread; may sleep (fault in the copy).
 * Return: bytes copied (0 at the end), or -EFAULT with nothing copied.
 */
long filemap_read(struct inode *inode, void *ubuf, unsigned long len,
		  u64 *pos, bool kernel);

/**
 * filemap_write - copy user bytes into the file at *@pos
 * @inode: a regular file
 * @ubuf: the user buffer (or a kernel one with @kernel)
 * @len: bytes
 * @pos: the offset; advanced by what was written
 * @kernel: @ubuf is a kernel address
 *
 * Context: thread; i_rwsem held; may sleep.
 * Return: bytes written, or -EFAULT/-ENOSPC with nothing written.
 */
long filemap_write(struct inode *inode, const void *ubuf, unsigned long len,
		   u64 *pos, bool kernel);

/**
 * generic_file_write - write() of a page-cache file at its offset
 * @f: the open file
 * @buf: the bytes (a user address, or a kernel one with @kernel)
 * @len: how many
 * @kernel: @buf is a kernel address (sendfile's bounce buffer)
 *
 * At the end of the file with O_APPEND; the offset moves on by what was
 * written.
 * Context: thread; takes f_pos_lock and i_rwsem; may sleep.
 * Return: as filemap_write.
 */
long generic_file_write(struct file *f, const void *buf, unsigned long len,
			bool kernel);

/**
 * vfs_truncate - set @inode's size, dropping or zeroing what lies past it
 * @inode: a regular file
 * @size: the new size
 *
 * Context: thread; takes i_rwsem. Return: 0, -EISDIR, -EINVAL, -EFBIG.
 */
int vfs_truncate(struct inode *inode, u64 size);

/**
 * kernel_read - read file bytes into a kernel buffer (exec's headers)
 * @inode: a regular file
 * @pos: the offset
 * @buf: the destination
 * @len: bytes wanted
 *
 * Context: thread. Return: bytes copied.
 */
size_t kernel_read(struct inode *inode, u64 pos, void *buf, size_t len);

/* ---- RAM file systems (kernel/fs/ramfs.c) ---- */

/**
 * ramfs_init - make the root file system (a ramfs), with /dev, /proc and
 * /tmp, and mount /proc
 *
 * Context: the main thread, before the initramfs is unpacked.
 */
void ramfs_init(void);

/**
 * ramfs_anon_file - an open, nameless regular file of @size bytes
 * (MAP_SHARED anonymous memory lives in one, as in Linux's shmem)
 * @size: its size
 *
 * Context: thread; may sleep. Return: the file (f_count 1), or NULL.
 */
struct file *ramfs_anon_file(u64 size);

/**
 * initramfs_unpack - build the file tree from the cpio archive GRUB loaded
 * @archive: the module's bytes (mapped by the caller)
 * @len: its size
 *
 * Each file's data is copied into page-cache pages through kmap_local.
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
 * procfs_init - the /proc file system
 *
 * Context: the main thread, from ramfs_init. Return: its super block.
 */
struct super_block *procfs_init(void);

/* ---- open files (kernel/fs/file.c, kernel/fs/open.c) ---- */

/**
 * dentry_open - open the file @d names
 * @d: the dentry (the file takes its own reference)
 * @flags: O_* flags
 * @filp: receives the open file (f_count 1)
 *
 * Context: thread; may sleep.
 * Return: 0, -EISDIR, -ENOTDIR, -EACCES, -ENXIO (no such device), -ENOMEM.
 */
int dentry_open(struct dentry *d, unsigned int flags, struct file **filp);

/**
 * file_open_path - open @path for the kernel (exec, tests)
 * @path: absolute, or relative to the caller's cwd
 * @flags: O_* flags (O_CREAT makes a regular file, mode 0644)
 * @filp: receives the file
 *
 * Context: thread; may sleep. Return: 0 or a negative errno.
 */
int file_open_path(const char *path, unsigned int flags, struct file **filp);

/**
 * file_alloc - a new open file (f_count 1)
 * @inode: its inode, or NULL (pipe)
 * @ops: its operations
 * @flags: the O_* flags it was opened with
 *
 * Context: thread; may sleep. Return: the file, or NULL.
 */
struct file *file_alloc(struct inode *inode, const struct file_operations *ops,
			unsigned int flags);

/**
 * file_inode - the inode behind an open file
 * @f: the file
 *
 * Context: any. Return: the inode, or NULL (a pipe).
 */
static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/**
 * chrdev_open - open the character device @major:@minor
 * @inode: the device node (its inode)
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
 * Context: thread. Return: bytes written, or -EFAULT, -EBADF, -ENOSPC.
 */
long file_write(struct file *f, const void *ubuf, unsigned long len);

/**
 * fs_stats - what the page cache holds, for the boot log and tests
 * @inodes: receives the number of live inodes
 * @pages: receives the page-cache pages
 * @high: receives how many of those are in HighMem
 *
 * Context: any.
 */
void fs_stats(unsigned long *inodes, unsigned long *pages,
	      unsigned long *high);

#endif /* KERNEL_FS_H */
