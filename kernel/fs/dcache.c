// SPDX-License-Identifier: MIT
/*
 * Dentries: the names of the tree, and the mounts that join trees.
 *
 * A dentry in its parent's d_subdirs (d_linked) holds one reference on
 * itself for the tree, so it cannot die while a walk may find it. An
 * unlinked dentry (a removed name, or one of /proc's made on lookup)
 * dies with its last user, and then lets go of its inode and its parent.
 * Changes to the tree's shape are made under vfs_lock; the counts are
 * atomic, so dput needs no lock.
 */
#include "kernel/fs/fs.h"
#include "kernel/fs/internal.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "mm/slab.h"

DEFINE_MUTEX(vfs_lock);

static struct dentry *root;

struct dentry *dget(struct dentry *d)
{
	atomic_inc(&d->d_count);
	return d;
}

void dput(struct dentry *d)
{
	while (d && atomic_dec_and_test(&d->d_count)) {
		struct dentry *parent = d->d_parent;

		/* A linked dentry holds its own reference: never here. */
		iput(d->d_inode);
		kfree(d->d_name);
		kfree(d);
		d = parent == d ? NULL : parent;
	}
}

struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len,
		       struct inode *inode)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	d->d_name = kmalloc(len + 1, GFP_KERNEL);
	if (!d->d_name) {
		kfree(d);
		return NULL;
	}
	memcpy(d->d_name, name, len);
	d->d_name[len] = '\0';
	atomic_set(&d->d_count, 1);
	d->d_inode = inode;
	d->d_parent = parent ? dget(parent) : d;
	INIT_LIST_HEAD(&d->d_subdirs);
	INIT_LIST_HEAD(&d->d_child);
	return d;
}

void d_add(struct dentry *d)
{
	static unsigned long last_seq;

	d->d_seq = ++last_seq;
	list_add_tail(&d->d_child, &d->d_parent->d_subdirs);
	d->d_linked = true;
}

void d_delete(struct dentry *d)
{
	list_del_init(&d->d_child);
	d->d_linked = false;
	d->d_deleted = true;
}

struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->d_subdirs, d_child)
		if (!strncmp(d->d_name, name, len) && !d->d_name[len])
			return dget(d);
	return NULL;
}

struct dentry *root_dentry(void)
{
	return root ? dget(root) : NULL;
}

void set_root(struct dentry *d)
{
	root = d;
}

int vfs_mount(struct dentry *where, struct super_block *sb)
{
	int err = 0;

	mutex_lock(&vfs_lock);
	if (where->d_mounted || !S_ISDIR(where->d_inode->i_mode)) {
		err = -EBUSY;
	} else {
		where->d_mounted = dget(sb->s_root);
		sb->s_root->d_covers = dget(where);
	}
	mutex_unlock(&vfs_lock);
	return err;
}

/* Prepend @s (of @len bytes) to the path being built backwards at *@end. */
static bool prepend(char **end, char *start, const char *s, size_t len)
{
	if ((size_t)(*end - start) < len)
		return false;
	*end -= len;
	memcpy(*end, s, len);
	return true;
}

int d_path(struct dentry *d, char *buf, size_t size)
{
	static const char deleted[] = " (deleted)";
	char *end = buf + size;
	bool ok = size > 0, was_deleted = d->d_deleted;
	size_t len;

	mutex_lock(&vfs_lock);
	ok = ok && prepend(&end, buf, "", 1);
	if (was_deleted)
		ok = ok && prepend(&end, buf, deleted, sizeof(deleted) - 1);
	for (;;) {
		while (d->d_covers)
			d = d->d_covers; /* up from a mounted root */
		if (d->d_parent == d)
			break;
		ok = ok && prepend(&end, buf, d->d_name, strlen(d->d_name)) &&
		     prepend(&end, buf, "/", 1);
		d = d->d_parent;
	}
	if (*end == '\0' || (was_deleted && end[0] == ' '))
		ok = ok && prepend(&end, buf, "/", 1);
	mutex_unlock(&vfs_lock);
	if (!ok)
		return -ENAMETOOLONG;
	len = strlen(end);
	memmove(buf, end, len + 1);
	return (int)len;
}
