// SPDX-License-Identifier: MIT
/*
 * Path walks, and the system calls that change names: mkdir, mknod,
 * unlink, rmdir, rename, symlink, link; chdir, fchdir, getcwd, umask.
 *
 * A walk goes one component at a time from the root (an absolute path),
 * the working directory, or a directory descriptor (the *at calls). It
 * crosses mount points both ways, follows symlinks (at most 8 nested
 * and 40 in all, then -ELOOP, as Linux), and holds vfs_lock throughout, so the tree cannot change
 * under it: no rename can make a walk see a name twice or not at all.
 */
#include "kernel/fs/fs.h"
#include "kernel/fs/internal.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "kernel/sched.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

#define MAX_NESTED_LINKS 8 /* a link's target naming a link, and so on */
#define MAX_LINKS 40	   /* links followed in one walk, nested or not */

/*
 * One walk's state: the links followed so far, all of them. The total
 * is what bounds a walk's work: a chain of links each naming the one
 * before many times over would otherwise multiply under vfs_lock.
 */
struct nameidata {
	int links;
};


/* Down through whatever is mounted on @d. */
static struct dentry *follow_mount(struct dentry *d)
{
	while (d->d_mounted) {
		struct dentry *next = dget(d->d_mounted);

		dput(d);
		d = next;
	}
	return d;
}

/* The parent of @d: up out of a mounted root first; "/" is its own. */
static struct dentry *parent_of(struct dentry *d)
{
	while (d->d_covers)
		d = d->d_covers;
	return dget(d->d_parent);
}

/* The entry @name of directory @dir, with a reference; NULL if none. */
static struct dentry *lookup_one(struct dentry *dir, const char *name,
				 size_t len, int *err)
{
	struct inode *inode = dir->d_inode, *child;
	struct dentry *d;

	*err = -ENOENT;
	if (len == 1 && name[0] == '.')
		return dget(dir);
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return parent_of(dir);
	if (dir->d_deleted)
		return NULL; /* a removed directory has no entries */
	if (!inode->i_op || !inode->i_op->lookup)
		return d_lookup(dir, name, len);
	/* Made up on demand (/proc): a dentry of its own, not in the tree. */
	child = inode->i_op->lookup(inode, name, len);
	if (!child)
		return NULL;
	d = d_alloc(dir, name, len, child);
	if (!d) {
		iput(child);
		*err = -ENOMEM;
	}
	return d;
}

static int walk(struct nameidata *nd, struct dentry *d, const char *path,
		unsigned int flags, int depth, struct dentry **out);

/* Follow symlink @link found in directory @dir; a new reference to the target. */
static int follow_link(struct nameidata *nd, struct dentry *dir,
		       struct dentry *link, int depth, struct dentry **out)
{
	const char *target = link->d_inode->i_link;

	if (depth >= MAX_NESTED_LINKS || ++nd->links > MAX_LINKS)
		return -ELOOP;
	if (!target || !*target)
		return -ENOENT;
	return walk(nd, dget(dir), target, LOOKUP_FOLLOW, depth + 1, out);
}

/*
 * Walk @path from @d (whose reference the walk takes over). On success
 * *@out holds a reference to the result.
 */
static int walk(struct nameidata *nd, struct dentry *d, const char *path,
		unsigned int flags, int depth, struct dentry **out)
{
	int err = 0;

	if (*path == '/') {
		dput(d);
		d = root_dentry();
		while (*path == '/')
			path++;
	}
	while (*path) {
		const char *end = strchrnul(path, '/');
		size_t len = (size_t)(end - path);
		struct dentry *next;
		bool last;

		if (len > NAME_MAX) {
			err = -ENAMETOOLONG;
			break;
		}
		if (!S_ISDIR(d->d_inode->i_mode)) {
			err = -ENOTDIR;
			break;
		}
		next = lookup_one(d, path, len, &err);
		if (!next)
			break;
		err = 0;
		next = follow_mount(next);
		while (*end == '/')
			end++;
		last = !*end;
		if (last && end[-1] == '/')
			flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
		if (S_ISLNK(next->d_inode->i_mode) &&
		    (!last || (flags & LOOKUP_FOLLOW))) {
			struct dentry *target;

			err = follow_link(nd, d, next, depth, &target);
			dput(next);
			if (err)
				break;
			next = target;
		}
		dput(d);
		d = next;
		path = end;
	}
	if (!err && (flags & LOOKUP_DIRECTORY) && !S_ISDIR(d->d_inode->i_mode))
		err = -ENOTDIR;
	if (err) {
		dput(d);
		return err;
	}
	*out = d;
	return 0;
}

/* Where a relative path starts for the caller: its cwd, or "/". */
static struct dentry *cwd_dentry(void)
{
	return current->cwd ? dget(current->cwd) : root_dentry();
}

int vfs_lookup(struct dentry *start, const char *path, unsigned int flags,
	       struct dentry **out)
{
	struct dentry *d = start ? dget(start) : cwd_dentry();
	struct nameidata nd = { 0 };
	int err;

	if (!d)
		return -ENOENT;
	mutex_lock(&vfs_lock);
	err = walk(&nd, d, path, flags, 0, out);
	mutex_unlock(&vfs_lock);
	return err;
}

int path_lookup(const char *path, unsigned int flags, struct dentry **out)
{
	return vfs_lookup(NULL, path, flags, out);
}

/*
 * The directory holding @path's last component, with a reference, and
 * that component (*@name, *@len; trailing slashes dropped). vfs_lock held.
 */
static int walk_parent(struct dentry *start, const char *path,
		       struct dentry **parent, const char **name, size_t *len)
{
	struct nameidata nd = { 0 };
	size_t n = strlen(path), slash;
	char *dir;
	int err;

	while (n > 1 && path[n - 1] == '/')
		n--;
	for (slash = n; slash > 0 && path[slash - 1] != '/'; slash--)
		;
	*name = path + slash;
	*len = n - slash;
	if (*len > NAME_MAX)
		return -ENAMETOOLONG;
	dir = kmalloc(slash + 2, GFP_KERNEL);
	if (!dir)
		return -ENOMEM;
	memcpy(dir, path, slash);
	dir[slash] = '\0';
	if (!slash)
		strlcpy(dir, ".", 2);
	err = walk(&nd, start ? dget(start) : cwd_dentry(), dir,
		   LOOKUP_FOLLOW | LOOKUP_DIRECTORY, 0, parent);
	kfree(dir);
	return err;
}

static bool is_dot_or_dotdot(const char *name, size_t len)
{
	return (len == 1 && name[0] == '.') ||
	       (len == 2 && name[0] == '.' && name[1] == '.') || len == 0;
}

/* May names be made and removed in @dir (a ramfs, not /proc)? */
static bool dir_writable(struct dentry *dir)
{
	const struct inode_operations *op = dir->d_inode->i_op;

	return op && op->new_inode && !dir->d_deleted;
}

static void touch_dir(struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_time();
}

/* Make the inode and link it as @name in @parent. vfs_lock held. */
static int create_in(struct dentry *parent, const char *name, size_t len,
		     unsigned int mode, unsigned int rdev, const char *link,
		     struct dentry **out)
{
	struct inode *dir = parent->d_inode, *inode;
	struct dentry *d;

	inode = dir->i_op->new_inode(dir->i_sb, mode, rdev);
	if (!inode)
		return -ENOSPC;
	if (link) {
		inode->i_link = kmalloc(strlen(link) + 1, GFP_KERNEL);
		if (!inode->i_link) {
			iput(inode);
			return -ENOSPC;
		}
		strlcpy(inode->i_link, link, strlen(link) + 1);
		inode->i_size = strlen(link);
	}
	d = d_alloc(parent, name, len, inode);
	if (!d) {
		iput(inode);
		return -ENOSPC;
	}
	if (S_ISDIR(mode)) {
		inode->i_nlink = 2;
		dir->i_nlink++;
	}
	d_add(d);
	touch_dir(dir);
	if (out)
		*out = dget(d);
	return 0;
}

int vfs_create(struct dentry *start, const char *path, unsigned int mode,
	       unsigned int rdev, const char *link, struct dentry **out)
{
	struct dentry *parent, *old;
	const char *name;
	size_t len;
	int err;

	mutex_lock(&vfs_lock);
	err = walk_parent(start, path, &parent, &name, &len);
	if (err)
		goto out;
	if (is_dot_or_dotdot(name, len)) {
		err = -EEXIST;
	} else if ((old = lookup_one(parent, name, len, &err))) {
		dput(old);
		err = -EEXIST;
	} else if (!dir_writable(parent)) {
		err = parent->d_deleted ? -ENOENT : -EPERM;
	} else {
		err = create_in(parent, name, len, mode, rdev, link, out);
	}
	dput(parent);
out:
	mutex_unlock(&vfs_lock);
	return err;
}

/* ---- user paths ---- */

long get_user_path(char *buf, long upath)
{
	long len = strncpy_from_user(buf, (const char __user *)upath, PATH_MAX);

	if (len < 0)
		return len;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	return len ? 0 : -ENOENT;
}

/* The directory a relative path starts from for @dirfd, with a reference. */
static long dirfd_dentry(long dirfd, const char *path, struct dentry **out)
{
	struct file *f;

	*out = NULL;
	if (path[0] == '/' || dirfd == AT_FDCWD)
		return 0;
	f = fdget(dirfd);
	if (!f)
		return -EBADF;
	if (!f->f_dentry || !S_ISDIR(f->f_inode->i_mode))
		return -ENOTDIR;
	*out = dget(f->f_dentry);
	return 0;
}

/* A user path copied in, and where it starts; kfree and dput after. */
static char *user_path_start(long dirfd, long upath, struct dentry **start,
			     long *err)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);

	*start = NULL;
	*err = path ? get_user_path(path, upath) : -ENOMEM;
	if (!*err)
		*err = dirfd_dentry(dirfd, path, start);
	if (*err) {
		kfree(path);
		return NULL;
	}
	return path;
}

long user_path_at(long dirfd, long upath, unsigned int flags,
		  struct dentry **out)
{
	struct dentry *start;
	long err;
	char *path = user_path_start(dirfd, upath, &start, &err);

	if (!path)
		return err;
	err = vfs_lookup(start, path, flags, out);
	dput(start);
	kfree(path);
	return err;
}

/* ---- the system calls ---- */

static long do_mknodat(long dirfd, long upath, unsigned int mode,
		       unsigned int rdev)
{
	struct dentry *start;
	long err;
	char *path = user_path_start(dirfd, upath, &start, &err);

	if (!path)
		return err;
	mode = (mode & S_IFMT) | (mode & S_IALLUGO & ~current->umask);
	err = vfs_create(start, path, mode, rdev, NULL, NULL);
	dput(start);
	kfree(path);
	return err;
}

long sys_mkdirat(long dirfd, long upath, long mode)
{
	return do_mknodat(dirfd, upath, S_IFDIR | ((unsigned int)mode & 07777),
			  0);
}

long sys_mkdir(long upath, long mode)
{
	return sys_mkdirat(AT_FDCWD, upath, mode);
}

long sys_mknodat(long dirfd, long upath, long mode, long dev)
{
	unsigned int type = (unsigned int)mode & S_IFMT;

	if (!type)
		type = S_IFREG;
	if (type != S_IFREG && type != S_IFCHR && type != S_IFIFO)
		return -EINVAL;
	return do_mknodat(dirfd, upath, type | ((unsigned int)mode & 07777),
			  (unsigned int)dev);
}

long sys_mknod(long upath, long mode, long dev)
{
	return sys_mknodat(AT_FDCWD, upath, mode, dev);
}

long sys_symlinkat(long utarget, long dirfd, long upath)
{
	char *target = kmalloc(PATH_MAX, GFP_KERNEL);
	struct dentry *start;
	char *path;
	long err;

	if (!target)
		return -ENOMEM;
	err = get_user_path(target, utarget);
	if (err) {
		kfree(target);
		return err;
	}
	path = user_path_start(dirfd, upath, &start, &err);
	if (path) {
		err = vfs_create(start, path, S_IFLNK | 0777, 0, target, NULL);
		dput(start);
		kfree(path);
	}
	kfree(target);
	return err;
}

long sys_symlink(long utarget, long upath)
{
	return sys_symlinkat(utarget, AT_FDCWD, upath);
}

long sys_link(long uold, long unew)
{
	(void)uold, (void)unew;
	return -EPERM; /* one name per inode: d_path and maps rely on it */
}

static bool dir_empty(struct dentry *d)
{
	return list_empty(&d->d_subdirs);
}

/* Remove the name @d from @parent (checks done). vfs_lock held. */
static void unlink_locked(struct dentry *parent, struct dentry *d)
{
	struct inode *inode = d->d_inode;

	d_delete(d);
	if (S_ISDIR(inode->i_mode)) {
		inode->i_nlink = 0;
		parent->d_inode->i_nlink--;
	} else {
		inode->i_nlink--;
	}
	inode->i_ctime = current_time();
	touch_dir(parent->d_inode);
}

/* May @d (an entry of @parent) be removed by unlink (@rmdir false) or rmdir? */
static int may_delete(struct dentry *parent, struct dentry *d, bool rmdir)
{
	unsigned int mode = d->d_inode->i_mode;

	if (!dir_writable(parent))
		return -EPERM;
	if (d->d_mounted || d->d_covers)
		return -EBUSY;
	if (rmdir && !S_ISDIR(mode))
		return -ENOTDIR;
	if (!rmdir && S_ISDIR(mode))
		return -EISDIR;
	if (rmdir && !dir_empty(d))
		return -ENOTEMPTY;
	return 0;
}

int vfs_unlink(struct dentry *start, const char *path, bool rmdir)
{
	struct dentry *parent, *d = NULL;
	const char *name;
	size_t len;
	int err, lerr;

	mutex_lock(&vfs_lock);
	err = walk_parent(start, path, &parent, &name, &len);
	if (err)
		goto out;
	if (!len) {
		err = -EBUSY; /* "/" */
	} else if (is_dot_or_dotdot(name, len)) {
		err = rmdir ? (len == 1 ? -EINVAL : -ENOTEMPTY) : -EISDIR;
	} else if (!(d = lookup_one(parent, name, len, &lerr))) {
		err = lerr;
	} else {
		err = may_delete(parent, d, rmdir);
		/* "file/": a trailing slash names a directory. */
		if (!err && name[len] == '/' && !S_ISDIR(d->d_inode->i_mode))
			err = -ENOTDIR;
		if (!err)
			unlink_locked(parent, d);
		else
			dput(d), d = NULL;
	}
	dput(parent);
out:
	mutex_unlock(&vfs_lock);
	if (d) {
		dput(d); /* the tree's reference */
		dput(d); /* lookup_one's */
	}
	return err;
}

static long do_unlinkat(long dirfd, long upath, bool rmdir)
{
	struct dentry *start;
	long err;
	char *path = user_path_start(dirfd, upath, &start, &err);

	if (!path)
		return err;
	err = vfs_unlink(start, path, rmdir);
	dput(start);
	kfree(path);
	return err;
}

long sys_unlinkat(long dirfd, long upath, long flags)
{
	if (flags & ~(long)AT_REMOVEDIR)
		return -EINVAL;
	return do_unlinkat(dirfd, upath, flags & AT_REMOVEDIR);
}

long sys_unlink(long upath)
{
	return do_unlinkat(AT_FDCWD, upath, false);
}

long sys_rmdir(long upath)
{
	return do_unlinkat(AT_FDCWD, upath, true);
}

/* Is @d @ancestor or below it? vfs_lock held. */
static bool is_subdir(struct dentry *d, struct dentry *ancestor)
{
	for (;;) {
		if (d == ancestor)
			return true;
		if (d->d_parent == d)
			return false;
		d = d->d_parent;
	}
}

/*
 * Move @d from @old_dir to @new_dir as @name, replacing @victim if any.
 * The checks are done; vfs_lock held. Returns the references the caller
 * drops after the lock: the old parent's and the victim's tree reference.
 */
static int move_locked(struct dentry *old_dir, struct dentry *d,
		       struct dentry *new_dir, const char *name, size_t len,
		       struct dentry *victim)
{
	char *copy = kmalloc(len + 1, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, name, len);
	copy[len] = '\0';
	if (victim)
		unlink_locked(new_dir, victim);
	list_del_init(&d->d_child);
	if (S_ISDIR(d->d_inode->i_mode) && old_dir != new_dir) {
		old_dir->d_inode->i_nlink--;
		new_dir->d_inode->i_nlink++;
	}
	kfree(d->d_name);
	d->d_name = copy;
	d->d_parent = dget(new_dir);
	d_add(d);
	touch_dir(old_dir->d_inode);
	touch_dir(new_dir->d_inode);
	return 0;
}

static int rename_checks(struct dentry *old_dir, struct dentry *d,
			 struct dentry *new_dir, struct dentry *victim)
{
	bool is_dir = S_ISDIR(d->d_inode->i_mode);

	if (!dir_writable(old_dir) || !dir_writable(new_dir))
		return -EPERM;
	if (old_dir->d_inode->i_sb != new_dir->d_inode->i_sb)
		return -EXDEV;
	if (d->d_mounted || d->d_covers)
		return -EBUSY;
	if (is_dir && is_subdir(new_dir, d))
		return -EINVAL; /* into itself */
	if (!victim)
		return 0;
	if (victim->d_mounted || victim->d_covers)
		return -EBUSY;
	if (S_ISDIR(victim->d_inode->i_mode) != is_dir)
		return is_dir ? -ENOTDIR : -EISDIR;
	if (is_dir && !dir_empty(victim))
		return -ENOTEMPTY;
	return 0;
}

/* rename with both paths copied in; vfs_lock held. */
static int rename_locked(struct dentry *ostart, const char *opath,
			 struct dentry *nstart, const char *npath,
			 struct dentry **drop)
{
	struct dentry *odir, *ndir, *d = NULL, *victim = NULL;
	const char *oname, *nname;
	size_t olen, nlen;
	int err;

	err = walk_parent(ostart, opath, &odir, &oname, &olen);
	if (err)
		return err;
	err = walk_parent(nstart, npath, &ndir, &nname, &nlen);
	if (err) {
		dput(odir);
		return err;
	}
	if (is_dot_or_dotdot(oname, olen) || is_dot_or_dotdot(nname, nlen)) {
		err = -EBUSY;
		goto out;
	}
	d = lookup_one(odir, oname, olen, &err);
	if (!d)
		goto out;
	victim = lookup_one(ndir, nname, nlen, &err);
	err = 0;
	if (victim == d)
		goto out; /* the same file: nothing to do */
	err = rename_checks(odir, d, ndir, victim);
	if (!err)
		err = move_locked(odir, d, ndir, nname, nlen, victim);
	if (!err) {
		drop[0] = odir;	  /* d's old parent reference */
		drop[1] = victim; /* the victim's tree reference */
	}
out:
	dput(victim);
	dput(d);
	dput(odir);
	dput(ndir);
	return err;
}

long sys_renameat2(long olddirfd, long uold, long newdirfd, long unew,
		   long flags)
{
	struct dentry *ostart, *nstart, *drop[2] = { NULL, NULL };
	char *opath, *npath;
	long err;

	if (flags)
		return -EINVAL; /* RENAME_NOREPLACE and friends: not yet */
	opath = user_path_start(olddirfd, uold, &ostart, &err);
	if (!opath)
		return err;
	npath = user_path_start(newdirfd, unew, &nstart, &err);
	if (npath) {
		mutex_lock(&vfs_lock);
		err = rename_locked(ostart, opath, nstart, npath, drop);
		mutex_unlock(&vfs_lock);
		dput(drop[0]);
		dput(drop[1]);
		dput(nstart);
		kfree(npath);
	}
	dput(ostart);
	kfree(opath);
	return err;
}

long sys_renameat(long olddirfd, long uold, long newdirfd, long unew)
{
	return sys_renameat2(olddirfd, uold, newdirfd, unew, 0);
}

long sys_rename(long uold, long unew)
{
	return sys_renameat2(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

/* ---- the working directory ---- */

static void set_cwd(struct dentry *d)
{
	struct dentry *old = current->cwd;

	current->cwd = d;
	dput(old);
}

long sys_chdir(long upath)
{
	struct dentry *d;
	long err = user_path_at(AT_FDCWD, upath,
				LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &d);

	if (err)
		return err;
	set_cwd(d);
	return 0;
}

long sys_fchdir(long fd)
{
	struct file *f = fdget(fd);

	if (!f)
		return -EBADF;
	if (!f->f_dentry || !S_ISDIR(f->f_inode->i_mode))
		return -ENOTDIR;
	set_cwd(dget(f->f_dentry));
	return 0;
}

long sys_getcwd(long ubuf, long size)
{
	struct dentry *d = cwd_dentry();
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!buf || !d) {
		kfree(buf);
		dput(d);
		return -ENOMEM;
	}
	len = d->d_deleted ? -ENOENT : d_path(d, buf, PATH_MAX);
	dput(d);
	if (len >= 0 && len + 1 > size)
		len = -ERANGE;
	if (len >= 0 && copy_to_user((void __user *)ubuf, buf, (size_t)len + 1))
		len = -EFAULT;
	kfree(buf);
	return len < 0 ? len : len + 1;
}

long sys_umask(long mask)
{
	unsigned int old = current->umask;

	current->umask = (unsigned int)mask & 0777;
	return old;
}

