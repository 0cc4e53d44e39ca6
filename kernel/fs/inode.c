// SPDX-License-Identifier: MIT
/*
 * Inodes: their birth, their reference count, and their death with
 * their page cache. An inode lives while something holds it: a dentry
 * (its name), an open file, a mapping (through the file). A ramfs inode
 * unlinked while still open lives on, nameless, until the last close:
 * exactly the Unix rule that lets a program delete a file it is using.
 */
#include "kernel/fs/fs.h"
#include "kernel/lib/string.h"
#include "kernel/timer.h"
#include "mm/mmzone.h"
#include "mm/slab.h"

static atomic_t nr_inodes;

struct inode *new_inode(struct super_block *sb, unsigned int mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	atomic_set(&inode->i_count, 1);
	inode->i_ino = (unsigned long)atomic_inc_return(&sb->s_next_ino);
	inode->i_mode = mode;
	inode->i_nlink = 1;
	inode->i_sb = sb;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	inode->i_gfp = GFP_HIGHUSER;
	mutex_init(&inode->i_rwsem, "i_rwsem");
	spin_lock_init(&inode->i_pages_lock, "i_pages_lock");
	atomic_inc(&nr_inodes);
	return inode;
}

struct inode *ihold(struct inode *inode)
{
	atomic_inc(&inode->i_count);
	return inode;
}

void iput(struct inode *inode)
{
	if (!inode || !atomic_dec_and_test(&inode->i_count))
		return;
	/* Nobody can reach it any more: no lock needed to take it apart. */
	truncate_inode_pages(inode, 0);
	radix_tree_free(&inode->i_pages);
	kfree(inode->i_link);
	kfree(inode);
	atomic_dec(&nr_inodes);
}

u64 i_size_read(struct inode *inode)
{
	u64 size;

	spin_lock(&inode->i_pages_lock);
	size = inode->i_size;
	spin_unlock(&inode->i_pages_lock);
	return size;
}

struct timespec64 current_time(void)
{
	u64 ns = ktime_get_real_ns();

	return (struct timespec64){ (s64)(ns / 1000000000ull),
				    (long)(ns % 1000000000ull) };
}

void fs_stats(unsigned long *inodes, unsigned long *pages,
	      unsigned long *high)
{
	*inodes = (unsigned long)atomic_read(&nr_inodes);
	*pages = global_zone_page_state(NR_FILE_PAGES);
	*high = zone_page_state(&zones[ZONE_HIGHMEM], NR_FILE_PAGES);
}
