// SPDX-License-Identifier: MIT
/*
 * ramfs: a file system that is nothing but the page cache and the
 * dentries, like Linux's ramfs (tmpfs without swap). The root of the
 * tree is one; the initramfs GRUB loaded as a multiboot2 module (a cpio
 * "newc" archive, kernel/fs/cpio.c) is unpacked into it at boot.
 *
 * A file's bytes are in page-cache pages from HighMem, copied there one
 * page at a time through kmap_local: from then on the file lives where
 * user memory lives, and the kernel reaches it only by mapping a page
 * for a moment (kernel/fs/filemap.c) or by mapping it into a process.
 * Nothing is ever written back anywhere: sync has nothing to do, and
 * dropping caches would drop the files themselves, so it drops nothing.
 */
#define pr_fmt(fmt) "initramfs: " fmt

#include "kernel/fs/cpio.h"
#include "kernel/fs/fs.h"
#include "kernel/fs/internal.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/multiboot2.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/sched.h"
#include "mm/gfp.h"
#include "mm/mm_types.h"
#include "mm/mmzone.h"
#include "mm/page.h"
#include "mm/slab.h"

#define RAMFS_MAGIC 0x858458f6


static const struct file_operations ramfs_file_fops;
static const struct file_operations ramfs_dir_fops;
static const struct inode_operations ramfs_dir_iops;

static void ramfs_statfs(struct super_block *sb, struct kstatfs *st)
{
	unsigned long files, pages, high;

	(void)sb;
	fs_stats(&files, &pages, &high);
	/* As Linux's ramfs: no limit but memory; free is what is free. */
	st->f_type = RAMFS_MAGIC;
	st->f_blocks = pages + nr_free_pages();
	st->f_bfree = st->f_bavail = nr_free_pages();
	st->f_files = files;
	st->f_ffree = 0;
	st->f_namelen = NAME_MAX;
}

static struct super_block ramfs_sb = {
	.s_type = "ramfs",
	.s_magic = RAMFS_MAGIC,
	.s_dev = 1,
	.s_page_cache = true,
	.statfs = ramfs_statfs,
};

static struct inode *ramfs_new_inode(struct super_block *sb, unsigned int mode,
				     unsigned int rdev)
{
	struct inode *inode = new_inode(sb, mode);

	if (!inode)
		return NULL;
	inode->i_rdev = rdev;
	/* A process kept in lowmem (spawn_opts) keeps its files there too. */
	if (current->mm && current->mm->lowmem_only)
		inode->i_gfp = GFP_KERNEL;
	if (S_ISDIR(mode)) {
		inode->i_op = &ramfs_dir_iops;
		inode->i_fop = &ramfs_dir_fops;
	} else if (S_ISREG(mode)) {
		inode->i_fop = &ramfs_file_fops;
	}
	return inode;
}

static const struct inode_operations ramfs_dir_iops = {
	.new_inode = ramfs_new_inode,
};

struct file *ramfs_anon_file(u64 size)
{
	struct inode *inode = ramfs_new_inode(&ramfs_sb, S_IFREG | 0600, 0);
	struct file *f;

	if (!inode)
		return NULL;
	inode->i_nlink = 0; /* no name: it dies with its last mapping */
	inode->i_size = size;
	f = file_alloc(inode, &ramfs_file_fops, O_RDWR);
	if (!f)
		iput(inode);
	return f; /* the file holds the inode's reference (no dentry) */
}

/* ---- regular files ---- */

static long ramfs_read(struct file *f, void *ubuf, unsigned long len)
{
	long n;

	mutex_lock(&f->f_pos_lock);
	n = filemap_read(f->f_inode, ubuf, len, &f->pos, false);
	mutex_unlock(&f->f_pos_lock);
	return n;
}

static long ramfs_write(struct file *f, const void *ubuf, unsigned long len)
{
	return generic_file_write(f, ubuf, len, false);
}

static const struct file_operations ramfs_file_fops = {
	.read = ramfs_read,
	.write = ramfs_write,
};

static long ramfs_dir_read(struct file *f, void *ubuf, unsigned long len)
{
	(void)f, (void)ubuf, (void)len;
	return -EISDIR;
}

/*
 * The directory's entries are its dentries, oldest first: an entry's
 * position is 2 + its d_seq, so a listing goes on where it stopped
 * whatever was removed or added meanwhile.
 */
static int ramfs_iterate(struct file *f, struct dir_context *ctx)
{
	struct dentry *d;
	int full = 0;

	mutex_lock(&vfs_lock);
	list_for_each_entry(d, &f->f_dentry->d_subdirs, d_child) {
		u64 pos = 2 + (u64)d->d_seq;

		if (pos < ctx->pos)
			continue;
		full = ctx->actor(ctx, d->d_name, strlen(d->d_name), pos,
				  d->d_inode->i_ino, d->d_inode->i_mode);
		if (full)
			break;
		ctx->pos = pos + 1;
	}
	mutex_unlock(&vfs_lock);
	return full;
}

static const struct file_operations ramfs_dir_fops = {
	.read = ramfs_dir_read,
	.iterate = ramfs_iterate,
};

/* ---- the tree at boot ---- */

static struct dentry *make_dir(const char *path, unsigned int mode)
{
	struct dentry *d;
	int err = vfs_create(NULL, path, S_IFDIR | mode, 0, NULL, &d);

	if (err == -EEXIST && !path_lookup(path, LOOKUP_DIRECTORY, &d))
		return d;
	if (err) {
		pr_err("%s: cannot make it (error %d)\n", path, err);
		return NULL;
	}
	return d;
}

/* The device nodes of /dev, as Linux numbers them. */
static const struct {
	const char *name;
	unsigned int mode, major, minor;
} dev_nodes[] = {
	{ "/dev/null", 0666, 1, 3 },	{ "/dev/zero", 0666, 1, 5 },
	{ "/dev/full", 0666, 1, 7 },	{ "/dev/random", 0666, 1, 8 },
	{ "/dev/urandom", 0666, 1, 9 }, { "/dev/tty", 0666, 5, 0 },
	{ "/dev/console", 0600, 5, 1 }, { "/dev/tty0", 0620, 4, 0 },
};

static void make_dev_nodes(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(dev_nodes); i++) {
		int err = vfs_create(NULL, dev_nodes[i].name,
				     S_IFCHR | dev_nodes[i].mode,
				     MKDEV(dev_nodes[i].major, dev_nodes[i].minor),
				     NULL, NULL);

		if (err && err != -EEXIST)
			pr_err("%s: cannot make it (error %d)\n",
			       dev_nodes[i].name, err);
	}
}

void ramfs_init(void)
{
	struct inode *inode = ramfs_new_inode(&ramfs_sb, S_IFDIR | 0755, 0);
	struct dentry *root = inode ? d_alloc(NULL, "", 0, inode) : NULL;
	struct dentry *proc;

	if (!root)
		panic("ramfs: no memory for the root directory");
	inode->i_nlink = 2;
	ramfs_sb.s_root = root;
	set_root(root);
	dput(make_dir("/dev", 0755));
	dput(make_dir("/tmp", 01777));
	make_dev_nodes();
	proc = make_dir("/proc", 0555);
	if (proc && vfs_mount(proc, procfs_init()))
		pr_err("/proc: cannot mount it\n");
	dput(proc);
}

/* Copy a file's bytes into its page cache, one page at a time. */
static int fill_file(struct inode *inode, const u8 *data, u32 size)
{
	u64 pos = 0;
	long n;

	mutex_lock(&inode->i_rwsem);
	n = filemap_write(inode, data, size, &pos, true);
	mutex_unlock(&inode->i_rwsem);
	if (n < 0)
		return (int)n;
	return (u32)n == size ? 0 : -ENOSPC;
}

static struct timespec64 cpio_time(u32 mtime)
{
	return (struct timespec64){ mtime, 0 };
}

static int add_entry(const struct cpio_entry *e)
{
	const char *path = e->name;
	unsigned int type = e->mode & S_IFMT;
	struct dentry *d = NULL;
	char *link = NULL;
	int err;

	while (path[0] == '.' && path[1] == '/')
		path += 2;
	while (*path == '/')
		path++;
	if (!*path || !strcmp(path, "."))
		return 0;
	if (type != S_IFREG && type != S_IFDIR && type != S_IFLNK &&
	    type != S_IFCHR && type != S_IFIFO) {
		pr_warn("%s: file type 0%o skipped\n", e->name, type);
		return 0;
	}
	if (type == S_IFLNK) {
		link = kzalloc(e->size + 1, GFP_KERNEL);
		if (!link)
			return -ENOMEM;
		memcpy(link, e->data, e->size);
	}
	err = vfs_create(NULL, path, e->mode, 0, link, &d);
	kfree(link);
	if (err == -EEXIST && type == S_IFDIR)
		return 0; /* listed twice, or one of ours (/dev, /tmp) */
	if (err)
		return err;
	d->d_inode->i_mtime = d->d_inode->i_ctime = cpio_time(e->mtime);
	if (type == S_IFREG)
		err = fill_file(d->d_inode, e->data, e->size);
	d->d_inode->i_mtime = cpio_time(e->mtime);
	dput(d);
	return err;
}

int initramfs_unpack(const u8 *archive, size_t len)
{
	struct cpio_entry e;
	const char *why;
	size_t pos = 0;
	int n = 0, ret, err;

	while ((ret = cpio_next(archive, len, &pos, &e, &why)) == 1) {
		err = add_entry(&e);
		if (err) {
			pr_err("%s: cannot add it (error %d)\n", e.name, err);
			return err;
		}
		n++;
	}
	if (ret < 0) {
		pr_err("malformed archive at byte %zu: %s; %d entries kept\n",
		       pos, why, n);
		return ret;
	}
	return n;
}

/* The module GRUB loaded with the string "initramfs", or the first one. */
static const struct mb2_module *find_initramfs(void)
{
	for (unsigned int i = 0; i < boot_info.nr_modules; i++)
		if (!strcmp(boot_info.modules[i].cmdline, "initramfs"))
			return &boot_info.modules[i];
	return boot_info.nr_modules ? &boot_info.modules[0] : NULL;
}

void initramfs_init(void)
{
	const struct mb2_module *m = find_initramfs();
	unsigned long files, pages, high;
	int n;

	ramfs_init();
	if (!m) {
		pr_info("no initramfs module: no programs to run\n");
		return;
	}
	if (m->end > (u64)max_low_pfn << PAGE_SHIFT || m->end < m->start) {
		pr_err("module at 0x%08x-0x%08x is outside lowmem: not read\n",
		       m->start, m->end);
		return;
	}
	n = initramfs_unpack(__va(m->start), m->end - m->start);
	if (n < 0)
		return;
	fs_stats(&files, &pages, &high);
	pr_info("%d entries from the module at 0x%08x (%u KiB): %lu page-cache "
		"pages, %lu of them in HighMem\n", n, m->start,
		(m->end - m->start) >> 10, pages, high);
}
