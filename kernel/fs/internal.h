/* SPDX-License-Identifier: MIT */
/*
 * What the VFS's own files share and nobody else should call: the
 * dentry tree's changes (kernel/fs/dcache.c), all under vfs_lock.
 */
#ifndef KERNEL_FS_INTERNAL_H
#define KERNEL_FS_INTERNAL_H

#include "kernel/fs/fs.h"

/**
 * d_add - put @d at the end of its parent's entries
 * @d: a new dentry (its reference becomes the tree's)
 *
 * Its d_seq, larger than any before, is its place for getdents64: a
 * listing resumed after entries were removed (rm -r) or added neither
 * skips an old entry nor shows one twice. (ls sorts the names itself.)
 * Context: vfs_lock held.
 */
void d_add(struct dentry *d);

/**
 * d_delete - take @d out of the tree (unlink, rmdir, a rename's victim)
 * @d: a linked dentry
 *
 * Walks no longer find it; open files keep it. The tree's reference is
 * the caller's to drop (after vfs_lock: dput may free pages).
 * Context: vfs_lock held.
 */
void d_delete(struct dentry *d);

/**
 * d_lookup - the entry @name of directory @dir, with a reference
 * @dir: a directory dentry whose entries are dentries (not /proc's)
 * @name: the name
 * @len: its length
 *
 * Context: vfs_lock held. Return: the dentry, or NULL.
 */
struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len);

/**
 * set_root - make @d the root of the tree ("/")
 * @d: a file system's root dentry (its reference is kept)
 *
 * Context: the main thread, once, at boot.
 */
void set_root(struct dentry *d);

#endif /* KERNEL_FS_INTERNAL_H */
