// SPDX-License-Identifier: MIT
/*
 * The page cache: a file's data as whole pages from HighMem, found by
 * index in the inode's radix tree. (A file made by a process placed in
 * lowmem, a benchmark's comparison, has its pages there: i_gfp, as
 * Linux's mapping_gfp_mask.)
 *
 * On a RAM file system the cache is all there is: a page comes into the
 * cache when the file is first written there and leaves when the file
 * is truncated or dies. Each page carries one reference for the cache;
 * a reader, a writer or a process's mapping takes its own while it uses
 * the page, so a truncation racing with a read never frees a page under
 * the copy, and a page still mapped after its file shrank stays the
 * mapping's until munmap.
 *
 * The kernel has no permanent address for these pages: every copy maps
 * the page with kmap_local for the length of one page's copy. The copy
 * may fault on the user buffer and sleep with the mapping held, which
 * kmap_local allows (the slot is part of the task's state).
 */
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "highmem/highmem.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/page.h"
#include <asm/uaccess.h>

/*
 * The largest file, Linux's MAX_LFS_FILESIZE for 32 bits: 2^31 pages,
 * so that every page index, and PFN_UP of every size, fits in an
 * unsigned long with room to spare.
 */
#define MAX_FILE_SIZE (((u64)PAGE_SIZE << 31) - 1)

struct page *find_get_page(struct inode *inode, unsigned long index)
{
	struct page *page;

	spin_lock(&inode->i_pages_lock);
	page = radix_tree_lookup(&inode->i_pages, index);
	if (page)
		get_page(page);
	spin_unlock(&inode->i_pages_lock);
	return page;
}

/*
 * find_or_create_page, and for the fault path (@below_eof) only inside
 * the file: the size is checked under i_pages_lock, where truncation
 * changes it before it drops pages, so no page is left past the end.
 */
static struct page *get_cache_page(struct inode *inode, unsigned long index,
				   bool below_eof, bool *beyond)
{
	struct page *page = find_get_page(inode, index), *fresh;
	int err;

	*beyond = false;
	if (page)
		return page;
	fresh = alloc_page(inode->i_gfp);
	if (!fresh)
		return NULL;
	clear_highpage(fresh);
	spin_lock(&inode->i_pages_lock);
	if (below_eof && index >= PFN_UP(inode->i_size)) {
		spin_unlock(&inode->i_pages_lock);
		__free_page(fresh);
		*beyond = true;
		return NULL;
	}
	err = radix_tree_insert(&inode->i_pages, index, fresh, GFP_ATOMIC);
	if (err == -EEXIST) {
		/* Someone else filled the hole first (a racing fault): theirs. */
		page = radix_tree_lookup(&inode->i_pages, index);
		get_page(page);
	} else if (!err) {
		inode->i_nrpages++;
		mod_zone_page_state(fresh, NR_FILE_PAGES, 1);
		__set_page_type(fresh, PGTY_pagecache);
		get_page(fresh); /* the caller's; the cache keeps the first */
		page = fresh;
		fresh = NULL;
	}
	spin_unlock(&inode->i_pages_lock);
	if (fresh)
		__free_page(fresh);
	return page;
}

struct page *find_or_create_page(struct inode *inode, unsigned long index)
{
	bool beyond;

	return get_cache_page(inode, index, false, &beyond);
}

struct page *filemap_fault_page(struct inode *inode, unsigned long index,
				bool *beyond)
{
	struct page *page = get_cache_page(inode, index, true, beyond);

	if (page && index >= PFN_UP(i_size_read(inode))) {
		/* Found, but truncated meanwhile: the page is leaving. */
		put_page(page);
		*beyond = true;
		return NULL;
	}
	return page;
}

void truncate_inode_pages(struct inode *inode, unsigned long start)
{
	unsigned long index = start;
	struct page *page;

	for (;;) {
		spin_lock(&inode->i_pages_lock);
		page = radix_tree_next(&inode->i_pages, &index);
		if (page) {
			radix_tree_delete(&inode->i_pages, index);
			inode->i_nrpages--;
			mod_zone_page_state(page, NR_FILE_PAGES, -1);
			/* Out of the cache, as Cached counts it, if still mapped. */
			__clear_page_type(page);
		}
		spin_unlock(&inode->i_pages_lock);
		if (!page)
			break;
		__free_page(page); /* the cache's reference */
		if (index == ~0ul)
			break;
		index++;
	}
}

/* Copy @len bytes between @page at @off and @buf; bytes left uncopied. */
static unsigned long copy_page_chunk(struct page *page, size_t off, void *buf,
				     size_t len, bool to_page, bool kernel)
{
	u8 *p = kmap_local_page(page);
	unsigned long left = 0;

	if (kernel && to_page)
		memcpy(p + off, buf, len);
	else if (kernel)
		memcpy(buf, p + off, len);
	else if (to_page)
		left = copy_from_user(p + off, (const void __user *)buf, len);
	else
		left = copy_to_user((void __user *)buf, p + off, len);
	kunmap_local(p);
	return left;
}

/* Zeros for a hole in the file; bytes left uncopied. */
static unsigned long clear_chunk(void *buf, size_t len, bool kernel)
{
	if (kernel) {
		memset(buf, 0, len);
		return 0;
	}
	return clear_user((void __user *)buf, len);
}

long filemap_read(struct inode *inode, void *ubuf, unsigned long len,
		  u64 *pos, bool kernel)
{
	unsigned long done = 0;

	while (done < len) {
		size_t off = (size_t)(*pos & ~PAGE_MASK);
		size_t chunk = min((size_t)(len - done), (size_t)PAGE_SIZE - off);
		unsigned long index = (unsigned long)(*pos >> PAGE_SHIFT);
		struct page *page;
		unsigned long left;
		u64 size;

		spin_lock(&inode->i_pages_lock);
		size = inode->i_size;
		page = *pos < size ? radix_tree_lookup(&inode->i_pages, index) :
				     NULL;
		if (page)
			get_page(page);
		spin_unlock(&inode->i_pages_lock);
		if (*pos >= size)
			break;
		if (chunk > size - *pos)
			chunk = (size_t)(size - *pos);
		if (page) {
			left = copy_page_chunk(page, off, (u8 *)ubuf + done, chunk,
					       false, kernel);
			put_page(page);
		} else {
			left = clear_chunk((u8 *)ubuf + done, chunk, kernel);
		}
		done += chunk - left;
		*pos += chunk - left;
		if (left)
			return done ? (long)done : -EFAULT;
	}
	return (long)done;
}

long filemap_write(struct inode *inode, const void *ubuf, unsigned long len,
		   u64 *pos, bool kernel)
{
	unsigned long done = 0;

	if (*pos > MAX_FILE_SIZE || len > MAX_FILE_SIZE - *pos)
		return -EFBIG;
	while (done < len) {
		size_t off = (size_t)(*pos & ~PAGE_MASK);
		size_t chunk = min((size_t)(len - done), (size_t)PAGE_SIZE - off);
		struct page *page =
			find_or_create_page(inode, (unsigned long)(*pos >> PAGE_SHIFT));
		unsigned long left;

		if (!page)
			return done ? (long)done : -ENOSPC;
		left = copy_page_chunk(page, off, (u8 *)ubuf + done, chunk, true,
				       kernel);
		put_page(page);
		done += chunk - left;
		*pos += chunk - left;
		spin_lock(&inode->i_pages_lock);
		if (*pos > inode->i_size)
			inode->i_size = *pos;
		spin_unlock(&inode->i_pages_lock);
		if (left)
			return done ? (long)done : -EFAULT;
	}
	if (done)
		inode->i_mtime = inode->i_ctime = current_time();
	return (long)done;
}

long generic_file_write(struct file *f, const void *buf, unsigned long len,
			bool kernel)
{
	struct inode *inode = f->f_inode;
	long n;

	mutex_lock(&f->f_pos_lock);
	mutex_lock(&inode->i_rwsem);
	if (f->flags & O_APPEND)
		f->pos = i_size_read(inode);
	n = filemap_write(inode, buf, len, &f->pos, kernel);
	mutex_unlock(&inode->i_rwsem);
	mutex_unlock(&f->f_pos_lock);
	return n;
}

int vfs_truncate(struct inode *inode, u64 size)
{
	u64 old;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (size > MAX_FILE_SIZE)
		return -EFBIG;
	mutex_lock(&inode->i_rwsem);
	spin_lock(&inode->i_pages_lock);
	old = inode->i_size;
	inode->i_size = size;
	spin_unlock(&inode->i_pages_lock);
	if (size < old) {
		struct page *page;

		truncate_inode_pages(inode, (unsigned long)PFN_UP(size));
		/* The bytes past the end in the last page read as zeros again. */
		page = (size & ~PAGE_MASK) ?
			       find_get_page(inode, (unsigned long)(size >> PAGE_SHIFT)) :
			       NULL;
		if (page) {
			size_t off = (size_t)(size & ~PAGE_MASK);

			memset_page(page, off, 0, PAGE_SIZE - off);
			put_page(page);
		}
	}
	inode->i_mtime = inode->i_ctime = current_time();
	mutex_unlock(&inode->i_rwsem);
	return 0;
}

size_t kernel_read(struct inode *inode, u64 pos, void *buf, size_t len)
{
	long n = filemap_read(inode, buf, len, &pos, true);

	return n < 0 ? 0 : (size_t)n;
}
