// SPDX-License-Identifier: MIT
/*
 * /proc: files whose text is made when they are opened.
 *
 * Nothing here is stored. The root lists the kernel's files (meminfo,
 * zoneinfo, ...: the table in kernel/fs/proc_files.c), "self", and one
 * directory per live process; a lookup makes a dentry and inode on the
 * spot, and both die with their last user. Opening a file runs its show
 * function once into a buffer (a seq_file), so one open file reads one
 * consistent snapshot however small the reads; the shell's commands call
 * the same show functions with the console as the seq_file.
 *
 * A /proc/PID inode names its process by pid, not by pointer: when the
 * file is opened, the process is looked up again (proc_pid_entry_fill),
 * and a process gone meanwhile gives -ESRCH, never a stale task.
 */
#include "kernel/fs/fs.h"
#include "kernel/fs/proc_files.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/proc/process.h"
#include "kernel/seq_file.h"
#include "kernel/sched.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

#define PROC_SUPER_MAGIC 0x9fa0

static struct super_block proc_sb = {
	.s_type = "proc",
	.s_magic = PROC_SUPER_MAGIC,
	.s_dev = 3,
	.s_transient = true,
};

static const struct inode_operations proc_dir_iops;
static const struct file_operations proc_dir_fops, proc_file_fops;

/*
 * A new /proc inode: i_private is its table entry (NULL for the root,
 * "self" and the PID directories), i_pid its process (0: none).
 */
static struct inode *proc_inode(const void *entry, unsigned int mode, int pid)
{
	struct inode *inode = new_inode(&proc_sb, mode);

	if (!inode)
		return NULL;
	inode->i_pid = pid;
	inode->i_private = (void *)entry;
	if (S_ISDIR(mode)) {
		inode->i_op = &proc_dir_iops;
		inode->i_fop = &proc_dir_fops;
		inode->i_nlink = 2;
	} else if (S_ISREG(mode)) {
		inode->i_fop = &proc_file_fops;
	}
	return inode;
}

/* A pid from a name: digits only, no sign, no leading zero. */
static int name_to_pid(const char *name, size_t len)
{
	int pid = 0;

	if (!len || len > 9 || name[0] == '0')
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		pid = pid * 10 + (name[i] - '0');
	}
	return pid;
}

static bool name_is(const char *name, size_t len, const char *what)
{
	return strlen(what) == len && !memcmp(name, what, len);
}

/* Is @pid a live (not yet reaped) process? */
static bool process_alive(int pid)
{
	struct task_struct *task = find_task_by_pid(pid);

	return task && task->is_process;
}

static struct inode *lookup_root(const char *name, size_t len)
{
	int pid = name_to_pid(name, len);
	struct inode *inode;

	if (name_is(name, len, "self")) {
		inode = proc_inode(NULL, S_IFLNK | 0777, 0);
		if (inode) {
			char buf[16];

			snprintf(buf, sizeof(buf), "%d", current->pid);
			inode->i_link = kmalloc(strlen(buf) + 1, GFP_KERNEL);
			if (!inode->i_link) {
				iput(inode);
				return NULL;
			}
			strlcpy(inode->i_link, buf, strlen(buf) + 1);
			inode->i_size = strlen(buf);
		}
		return inode;
	}
	if (pid > 0)
		return process_alive(pid) ?
			       proc_inode(NULL, S_IFDIR | 0555, pid) : NULL;
	for (size_t i = 0; i < proc_root_entries_count; i++)
		if (name_is(name, len, proc_root_entries[i].name))
			return proc_inode(&proc_root_entries[i],
					  proc_root_entries[i].mode, 0);
	return NULL;
}

static struct inode *proc_lookup(struct inode *dir, const char *name,
				 size_t len)
{
	if (!dir->i_pid)
		return lookup_root(name, len);
	if (!process_alive(dir->i_pid))
		return NULL;
	for (size_t i = 0; i < proc_pid_entries_count; i++)
		if (name_is(name, len, proc_pid_entries[i].name))
			return proc_inode(&proc_pid_entries[i],
					  proc_pid_entries[i].mode, dir->i_pid);
	return NULL;
}

static const struct inode_operations proc_dir_iops = {
	.lookup = proc_lookup,
};

/* ---- listing ---- */

struct pid_list {
	int pids[MAX_THREADS];
	unsigned int n;
};

static void collect_pid(struct task_struct *task, void *arg)
{
	struct pid_list *l = arg;

	if (task->is_process && l->n < MAX_THREADS)
		l->pids[l->n++] = task->pid;
}

/* In pid order: an insertion sort, for at most MAX_THREADS. */
static void sort_pids(struct pid_list *l)
{
	for (unsigned int i = 1; i < l->n; i++) {
		int pid = l->pids[i];
		unsigned int j = i;

		for (; j > 0 && l->pids[j - 1] > pid; j--)
			l->pids[j] = l->pids[j - 1];
		l->pids[j] = pid;
	}
}

/*
 * Inode numbers for getdents (glibc skips an entry numbered 0): the
 * files by their place in the table, the PID directories by pid.
 */
#define PROC_INO_FILE 0x100
#define PROC_INO_SELF 0xff
#define PROC_INO_PID 0x10000

/* Positions: 2.. the files, then "self", then the processes by pid. */
static int iterate_root(struct dir_context *ctx)
{
	u64 base = 2 + proc_root_entries_count;
	struct pid_list *l;
	char name[16];
	int full = 0;

	for (; ctx->pos < base; ctx->pos++) {
		const struct proc_entry *e = &proc_root_entries[ctx->pos - 2];

		if (ctx->actor(ctx, e->name, strlen(e->name), ctx->pos,
			       PROC_INO_FILE + ctx->pos, S_IFREG))
			return 1;
	}
	if (ctx->pos == base) {
		if (ctx->actor(ctx, "self", 4, ctx->pos, PROC_INO_SELF, S_IFLNK))
			return 1;
		ctx->pos++;
	}
	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return 0;
	for_each_task(collect_pid, l);
	sort_pids(l);
	/* Past "self": the position of a pid is base + 1 + the pid itself. */
	for (unsigned int i = 0; i < l->n && !full; i++) {
		u64 pos = base + 1 + (u64)l->pids[i];

		if (pos < ctx->pos)
			continue;
		snprintf(name, sizeof(name), "%d", l->pids[i]);
		full = ctx->actor(ctx, name, strlen(name), pos,
				  PROC_INO_PID + (unsigned long)l->pids[i], S_IFDIR);
		if (!full)
			ctx->pos = pos + 1;
	}
	kfree(l);
	return full;
}

static int iterate_pid_dir(struct dir_context *ctx)
{
	for (; ctx->pos - 2 < proc_pid_entries_count; ctx->pos++) {
		const struct proc_pid_entry *e = &proc_pid_entries[ctx->pos - 2];

		if (ctx->actor(ctx, e->name, strlen(e->name), ctx->pos,
			       PROC_INO_FILE + ctx->pos, S_IFREG))
			return 1;
	}
	return 0;
}

static int proc_iterate(struct file *f, struct dir_context *ctx)
{
	return f->f_inode->i_pid ? iterate_pid_dir(ctx) : iterate_root(ctx);
}

static long proc_dir_read(struct file *f, void *ubuf, unsigned long len)
{
	(void)f, (void)ubuf, (void)len;
	return -EISDIR;
}

static const struct file_operations proc_dir_fops = {
	.read = proc_dir_read,
	.iterate = proc_iterate,
};

/* ---- the files ---- */

/* Make the file's text, once, at open: it is the file's private seq_file. */
static int proc_file_open(struct inode *inode, struct file *f)
{
	struct seq_file *m;
	int err;

	if ((f->flags & O_ACCMODE) != O_RDONLY)
		return -EACCES; /* nothing here takes writes */
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	seq_buf_init(m, SEQ_DEFAULT_MAX);
	err = inode->i_pid ? proc_pid_entry_fill(m, inode->i_private, inode->i_pid) :
			     proc_entry_fill(m, inode->i_private);
	if (err) {
		seq_release(m);
		kfree(m);
		return err;
	}
	f->private = m;
	return 0;
}

static long proc_file_read(struct file *f, void *ubuf, unsigned long len)
{
	struct seq_file *m = f->private;
	long n = 0;

	mutex_lock(&f->f_pos_lock);
	if (f->pos < m->count) {
		n = (long)min((size_t)len, m->count - (size_t)f->pos);
		if (copy_to_user(ubuf, m->buf + f->pos, (size_t)n))
			n = -EFAULT;
		else
			f->pos += (u64)n;
	}
	mutex_unlock(&f->f_pos_lock);
	return n;
}

static void proc_file_release(struct file *f)
{
	struct seq_file *m = f->private;

	if (m) {
		seq_release(m);
		kfree(m);
	}
}

static const struct file_operations proc_file_fops = {
	.open = proc_file_open,
	.read = proc_file_read,
	.release = proc_file_release,
};

static void proc_statfs(struct super_block *sb, struct kstatfs *st)
{
	(void)sb;
	st->f_type = PROC_SUPER_MAGIC;
	st->f_namelen = NAME_MAX;
}

int mounts_show(struct seq_file *m)
{
	/* The two mounts there are, made at boot (ramfs_init): df reads this. */
	seq_puts(m, "ramfs / ramfs rw 0 0\n"); /* not "rootfs": df skips that */
	seq_puts(m, "proc /proc proc rw,nosuid,nodev,noexec 0 0\n");
	return 0;
}

struct super_block *procfs_init(void)
{
	struct inode *inode = proc_inode(NULL, S_IFDIR | 0555, 0);

	proc_sb.statfs = proc_statfs;
	proc_sb.s_root = inode ? d_alloc(NULL, "", 0, inode) : NULL;
	if (!proc_sb.s_root)
		panic("procfs: no memory for its root");
	return &proc_sb;
}
