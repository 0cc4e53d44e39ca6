// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the file system: the page cache (its pages in
 * HighMem and counted per zone), files that survive memory pressure and
 * injected allocation failures byte for byte, and the life of an inode
 * unlinked while open.
 */
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "highmem/highmem.h"
#include "mm/fault_inject.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/page.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"
#include "tests/kernel/ktest.h"

#define KT_FILE "/tmp/ktest.fs"
#define CHUNK 4096

/* The byte at @pos of the test pattern: not periodic within a page. */
static u8 pattern(u64 pos)
{
	return (u8)((pos * 2654435761u) >> 13);
}

static void fill(u8 *buf, u64 pos, size_t len)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = pattern(pos + i);
}

/*
 * Write @size bytes of the pattern to @inode, retrying a chunk the
 * allocator refused (injected failures say -ENOSPC). Return: the chunks
 * that needed a retry, or -1 if one never went through.
 */
static long write_pattern(struct inode *inode, u64 size)
{
	u8 *buf = kmalloc(CHUNK, GFP_KERNEL);
	long retries = 0;

	if (!buf)
		return -1;
	for (u64 pos = 0; pos < size;) {
		size_t len = (size_t)min((u64)CHUNK, size - pos);
		u64 at = pos;
		long n;
		int tries = 0;

		fill(buf, pos, len);
		do {
			mutex_lock(&inode->i_rwsem);
			n = filemap_write(inode, buf, len, &at, true);
			mutex_unlock(&inode->i_rwsem);
			if (n != (long)len)
				retries++;
		} while (n != (long)len && ++tries < 100 && (at = pos, true));
		if (n != (long)len) {
			kfree(buf);
			return -1;
		}
		pos += len;
	}
	kfree(buf);
	return retries;
}

/* Does the file hold the pattern, every byte of it? */
static bool check_pattern(struct inode *inode, u64 size)
{
	u8 *buf = kmalloc(CHUNK, GFP_KERNEL), *want = kmalloc(CHUNK, GFP_KERNEL);
	bool ok = buf && want && i_size_read(inode) == size;

	for (u64 pos = 0; ok && pos < size; pos += CHUNK) {
		size_t len = (size_t)min((u64)CHUNK, size - pos);

		fill(want, pos, len);
		ok = kernel_read(inode, pos, buf, len) == len &&
		     !memcmp(buf, want, len);
	}
	kfree(buf);
	kfree(want);
	return ok;
}

static struct dentry *new_file(struct ktest_ctx *t)
{
	struct dentry *d = NULL;

	vfs_unlink(NULL, KT_FILE, false); /* left by an earlier run */
	KT_EXPECT_EQ(t, vfs_create(NULL, KT_FILE, S_IFREG | 0644, 0, NULL, &d), 0);
	return d;
}

/* Pages counted in the zones, and where the cache put them. */
KTEST(fs, page_cache_in_highmem)
{
	unsigned long before = global_zone_page_state(NR_FILE_PAGES);
	unsigned long high = 0, n = 256;
	struct dentry *d = new_file(t);
	struct inode *inode;

	KT_ASSERT_NOT_NULL(t, d);
	inode = d->d_inode;
	KT_ASSERT_EQ(t, write_pattern(inode, (u64)n * PAGE_SIZE), 0);
	KT_EXPECT_EQ(t, inode->i_nrpages, n);
	KT_EXPECT_EQ(t, global_zone_page_state(NR_FILE_PAGES) - before, n);
	for (unsigned long i = 0; i < n; i++) {
		struct page *page = find_get_page(inode, i);

		KT_ASSERT_NOT_NULL(t, page);
		high += PageHighMem(page);
		put_page(page);
	}
	/* With HighMem to spare, every page of the file comes from it. */
	if (nr_free_highpages() > 4 * n)
		KT_EXPECT_EQ(t, high, n);
	KT_EXPECT_TRUE(t, check_pattern(inode, (u64)n * PAGE_SIZE));
	dput(d);
	KT_EXPECT_EQ(t, vfs_unlink(NULL, KT_FILE, false), 0);
	KT_EXPECT_EQ(t, global_zone_page_state(NR_FILE_PAGES), before);
}

/* Truncation drops whole pages and zeroes the tail of the last one. */
KTEST(fs, truncate_zeroes_the_tail)
{
	struct dentry *d = new_file(t);
	u8 buf[16];

	KT_ASSERT_NOT_NULL(t, d);
	KT_ASSERT_EQ(t, write_pattern(d->d_inode, 3 * PAGE_SIZE), 0);
	KT_EXPECT_EQ(t, vfs_truncate(d->d_inode, PAGE_SIZE + 10), 0);
	KT_EXPECT_EQ(t, d->d_inode->i_nrpages, 2ul);
	KT_EXPECT_EQ(t, vfs_truncate(d->d_inode, 2 * PAGE_SIZE), 0);
	KT_EXPECT_EQ(t, kernel_read(d->d_inode, PAGE_SIZE + 10, buf, 16), 16u);
	for (int i = 0; i < 16; i++)
		KT_EXPECT_EQ(t, buf[i], 0);
	dput(d);
	KT_EXPECT_EQ(t, vfs_unlink(NULL, KT_FILE, false), 0);
}

/*
 * A file written while the allocator fails every Nth page (boot with
 * fail_page_alloc=N; writes are retried), then memory taken until it is
 * short: the bytes read back are the bytes written.
 */
KTEST(fs, survives_fault_injection_and_pressure)
{
	const u64 size = 2u << 20;
	struct page **held;
	struct dentry *d;
	unsigned long nr_held = 0, max_held = (64u << 20) / PAGE_SIZE;
	long retries;

	if (!fail_page_alloc.interval) {
		ktest_skip(t, "no fault injection: boot with fail_page_alloc=N");
		return;
	}
	d = new_file(t);
	KT_ASSERT_NOT_NULL(t, d);
	/* The test runner pauses injection (it nests): undo that meanwhile. */
	fault_inject_resume();
	retries = write_pattern(d->d_inode, size);
	fault_inject_pause();
	KT_EXPECT_GT(t, retries, 0); /* failures were injected, and retried */
	KT_EXPECT_TRUE(t, check_pattern(d->d_inode, size));
	/* Pressure: up to 64 MiB taken (lowmem first), then given back. */
	held = vmalloc(max_held * sizeof(*held));
	KT_ASSERT_NOT_NULL(t, held);
	while (nr_held < max_held &&
	       (held[nr_held] = alloc_page(GFP_KERNEL | __GFP_NOWARN)))
		nr_held++;
	KT_EXPECT_TRUE(t, check_pattern(d->d_inode, size));
	while (nr_held)
		__free_page(held[--nr_held]);
	vfree(held);
	KT_EXPECT_TRUE(t, check_pattern(d->d_inode, size));
	dput(d);
	KT_EXPECT_EQ(t, vfs_unlink(NULL, KT_FILE, false), 0);
}

/* Unlinked while open: still readable, and gone with the last close. */
KTEST(fs, unlinked_open_file_lives_until_closed)
{
	unsigned long before = global_zone_page_state(NR_FILE_PAGES);
	struct dentry *d = new_file(t);
	struct file *f;

	KT_ASSERT_NOT_NULL(t, d);
	KT_ASSERT_EQ(t, write_pattern(d->d_inode, 8 * PAGE_SIZE), 0);
	KT_ASSERT_EQ(t, dentry_open(d, O_RDONLY, &f), 0);
	dput(d);
	KT_EXPECT_EQ(t, vfs_unlink(NULL, KT_FILE, false), 0);
	KT_EXPECT_EQ(t, path_lookup(KT_FILE, 0, &d), -ENOENT);
	KT_EXPECT_TRUE(t, check_pattern(file_inode(f), 8 * PAGE_SIZE));
	KT_EXPECT_EQ(t, global_zone_page_state(NR_FILE_PAGES) - before, 8ul);
	fput(f);
	KT_EXPECT_EQ(t, global_zone_page_state(NR_FILE_PAGES), before);
}
