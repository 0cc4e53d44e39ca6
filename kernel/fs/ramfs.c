// SPDX-License-Identifier: MIT
/*
 * The file tree, unpacked at boot from the initramfs GRUB loaded as a
 * multiboot2 module (a cpio "newc" archive, kernel/fs/cpio.c).
 *
 * Every regular file's bytes are copied out of the archive into pages
 * from HighMem, one page at a time through kmap_local: from then on the
 * file lives where user memory lives, and the kernel reaches it only by
 * mapping a page for a moment (inode_read, or a process mapping the
 * page itself). Directories are lists of their entries in name order.
 * The tree is complete before any process runs and never changes, so
 * readers take no lock.
 */
#define pr_fmt(fmt) "initramfs: " fmt

#include "kernel/fs/cpio.h"
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/multiboot2.h"
#include "kernel/printk.h"
#include "highmem/highmem.h"
#include "mm/gfp.h"
#include "mm/page.h"
#include "mm/slab.h"

#define MAX_SYMLINKS 8

static struct inode *root;
static unsigned long nr_inodes, nr_data_pages, nr_high_pages;

static struct inode *new_inode(struct inode *parent, const char *name,
			       size_t len, unsigned int mode)
{
	struct inode *inode = kzalloc(sizeof(*inode) + len + 1, GFP_KERNEL);
	struct list_head *pos;

	if (!inode)
		return NULL;
	memcpy(inode->name, name, len);
	inode->ino = ++nr_inodes;
	inode->mode = mode;
	inode->nlink = 1;
	inode->parent = parent ? parent : inode;
	INIT_LIST_HEAD(&inode->children);
	INIT_LIST_HEAD(&inode->sibling);
	if (!parent)
		return inode;
	/* Keep the entries in name order: ls and getdents64 list them so. */
	list_for_each(pos, &parent->children)
		if (strcmp(list_entry(pos, struct inode, sibling)->name,
			   inode->name) > 0)
			break;
	list_add_tail(&inode->sibling, pos);
	return inode;
}

static struct inode *lookup_child(struct inode *dir, const char *name,
				  size_t len)
{
	struct inode *child;

	if ((len == 1 && name[0] == '.') || len == 0)
		return dir;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return dir->parent;
	list_for_each_entry(child, &dir->children, sibling)
		if (strlen(child->name) == len && !memcmp(child->name, name, len))
			return child;
	return NULL;
}

/*
 * Walk @path from directory @dir; symlinks on the way are followed (the
 * last component's only with @follow), @depth of them so far.
 */
static int walk(struct inode *dir, const char *path, bool follow, int depth,
		struct inode **out)
{
	while (*path) {
		const char *end = strchrnul(path, '/');
		size_t len = (size_t)(end - path);
		struct inode *next;

		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(dir->mode))
			return -ENOTDIR;
		next = lookup_child(dir, path, len);
		if (!next)
			return -ENOENT;
		while (*end == '/')
			end++;
		if (S_ISLNK(next->mode) && (*end || follow)) {
			const char *target = next->link;
			int err;

			if (depth >= MAX_SYMLINKS)
				return -ELOOP;
			/* Absolute targets from "/", relative ones from the link's directory. */
			err = walk(target[0] == '/' ? root : dir, target, true,
				   depth + 1, &next);
			if (err)
				return err;
		}
		dir = next;
		path = end;
	}
	*out = dir;
	return 0;
}

int path_lookup(const char *path, bool follow, struct inode **inode)
{
	if (!root)
		return -ENOENT;
	return walk(root, path, follow, 0, inode);
}

/* The directory for @path's parent, made if missing; @name its last part. */
static struct inode *make_parents(const char *path, const char **name)
{
	struct inode *dir = root;

	for (;;) {
		const char *end = strchrnul(path, '/');
		size_t len = (size_t)(end - path);
		struct inode *next;

		if (!*end) {
			*name = path;
			return dir;
		}
		next = lookup_child(dir, path, len);
		if (!next)
			next = new_inode(dir, path, len, S_IFDIR | 0755);
		if (!next || !S_ISDIR(next->mode))
			return NULL;
		dir = next;
		path = end + 1;
	}
}

/* Copy a file's bytes into HighMem pages, one page at a time. */
static int fill_file(struct inode *inode, const u8 *data, u32 size)
{
	unsigned long n = PFN_UP(size);

	inode->size = size;
	if (!n)
		return 0;
	inode->pages = kzalloc(n * sizeof(struct page *), GFP_KERNEL);
	if (!inode->pages)
		return -ENOMEM;
	for (unsigned long i = 0; i < n; i++) {
		size_t chunk = min((size_t)PAGE_SIZE,
				   (size_t)size - i * PAGE_SIZE);
		struct page *page = alloc_page(GFP_HIGHUSER);

		if (!page)
			return -ENOMEM;
		memcpy_to_page(page, 0, data + i * PAGE_SIZE, chunk);
		if (chunk < PAGE_SIZE)
			memset_page(page, chunk, 0, PAGE_SIZE - chunk);
		inode->pages[i] = page;
		inode->nr_pages = i + 1;
		nr_data_pages++;
		nr_high_pages += PageHighMem(page);
	}
	return 0;
}

static int add_entry(const struct cpio_entry *e)
{
	const char *path = e->name, *name;
	struct inode *dir, *inode;

	while (path[0] == '.' && path[1] == '/')
		path += 2;
	while (*path == '/')
		path++;
	if (!*path || !strcmp(path, "."))
		return 0;
	dir = make_parents(path, &name);
	if (!dir)
		return -ENOTDIR;
	inode = lookup_child(dir, name, strlen(name));
	if (inode && S_ISDIR(inode->mode) && S_ISDIR(e->mode))
		return 0; /* listed twice, or made as a parent first */
	if (inode)
		return -EEXIST;
	inode = new_inode(dir, name, strlen(name), e->mode);
	if (!inode)
		return -ENOMEM;
	inode->mtime = e->mtime;
	if (S_ISREG(e->mode))
		return fill_file(inode, e->data, e->size);
	if (S_ISLNK(e->mode)) {
		inode->link = kzalloc(e->size + 1, GFP_KERNEL);
		if (!inode->link)
			return -ENOMEM;
		memcpy(inode->link, e->data, e->size);
		inode->size = e->size;
	}
	return 0;
}

int initramfs_unpack(const u8 *archive, size_t len)
{
	struct cpio_entry e;
	const char *why;
	size_t pos = 0;
	int n = 0, ret, err;

	if (!root)
		root = new_inode(NULL, "", 0, S_IFDIR | 0755);
	if (!root)
		return -ENOMEM;
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

struct page *inode_get_page(const struct inode *inode, unsigned long index)
{
	return index < inode->nr_pages ? inode->pages[index] : NULL;
}

size_t inode_read(const struct inode *inode, u64 pos, void *buf, size_t len)
{
	size_t done = 0;

	if (pos >= inode->size)
		return 0;
	if (len > inode->size - pos)
		len = (size_t)(inode->size - pos);
	while (done < len) {
		size_t off = (size_t)(pos & ~PAGE_MASK);
		size_t chunk = min(len - done, (size_t)PAGE_SIZE - off);
		const u8 *p = kmap_local_page(inode->pages[pos >> PAGE_SHIFT]);

		memcpy((u8 *)buf + done, p + off, chunk);
		kunmap_local(p);
		done += chunk;
		pos += chunk;
	}
	return done;
}

void inode_path(const struct inode *inode, char *buf, size_t size)
{
	const struct inode *chain[32];
	int n = 0;
	size_t used = 0;

	for (; inode->parent != inode && n < 32; inode = inode->parent)
		chain[n++] = inode;
	buf[0] = '\0';
	if (!n)
		strlcpy(buf, "/", size);
	while (n-- > 0 && used + 1 < size) {
		buf[used++] = '/';
		buf[used] = '\0';
		used += strlcpy(buf + used, chain[n]->name, size - used);
		if (used >= size)
			used = size - 1;
	}
}

unsigned long inode_number(const struct inode *inode)
{
	return inode->ino;
}

void ramfs_stats(unsigned long *files, unsigned long *pages,
		 unsigned long *high)
{
	*files = nr_inodes;
	*pages = nr_data_pages;
	*high = nr_high_pages;
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
	int n;

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
	pr_info("%d entries from the module at 0x%08x (%u KiB): %lu data pages, "
		"%lu of them in HighMem\n", n, m->start,
		(m->end - m->start) >> 10, nr_data_pages, nr_high_pages);
}
