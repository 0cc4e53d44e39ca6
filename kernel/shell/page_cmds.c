// SPDX-License-Identifier: MIT
/*
 * Taking pages from the shell and looking at them: alloc, free, fill,
 * kmap, kunmap, peek and pageinfo.
 *
 * The shell keeps a list of the blocks it allocated and of the kmaps it
 * holds, and frees, fills and maps only those: a pfn typed by hand may
 * be a slab page, a thread's stack or a page table, and freeing or
 * overwriting one of those would corrupt the kernel. Everything else is
 * refused with the reason. peek and pageinfo only read, and refuse what
 * cannot be read safely (free pages, unmapped guard pages, reserved
 * ranges outside the direct map).
 *
 * The lists are the shell's own: only the shell thread touches them, one
 * command at a time, so they need no lock.
 */
#include "highmem/highmem.h"
#include "kernel/lib/errno.h"
#include "kernel/debug/hexdump.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/shell/shell.h"
#include "kernel/lib/string.h"
#include "mm/pagemap.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/page_debug.h"
#include "mm/slab.h"

#define PEEK_DEFAULT_LEN 64

/* A block the shell allocated: pages [pfn, pfn + 2^order). */
struct shell_block {
	unsigned long pfn;
	unsigned int order;
	struct list_head list;
};

/* A page the shell holds kmapped, @count times. */
struct shell_kmap {
	unsigned long pfn;
	unsigned int count;
	struct list_head list;
};

static LIST_HEAD(shell_blocks);
static LIST_HEAD(shell_kmaps);

static const struct {
	const char *name;
	gfp_t gfp;
} gfp_names[] = {
	{ "dma", GFP_KERNEL | __GFP_DMA },
	{ "normal", GFP_KERNEL },
	{ "highmem", GFP_HIGHUSER },
	{ "GFP_KERNEL", GFP_KERNEL },
	{ "GFP_ATOMIC", GFP_ATOMIC },
	{ "GFP_DMA", GFP_DMA },
	{ "GFP_HIGHUSER", GFP_HIGHUSER },
	{ "GFP_NOWAIT", GFP_NOWAIT },
};

static int gfp_from_name(const char *name, gfp_t *gfp)
{
	for (size_t i = 0; i < ARRAY_SIZE(gfp_names); i++)
		if (strcmp(name, gfp_names[i].name) == 0) {
			*gfp = gfp_names[i].gfp;
			return 0;
		}
	return -EINVAL;
}

static void print_gfp_names(void)
{
	printk("zone or GFP names:");
	for (size_t i = 0; i < ARRAY_SIZE(gfp_names); i++)
		printk(" %s", gfp_names[i].name);
	printk("\n");
}

static struct shell_block *block_holding(unsigned long pfn)
{
	struct shell_block *b;

	list_for_each_entry(b, &shell_blocks, list)
		if (pfn >= b->pfn && pfn < b->pfn + (1ul << b->order))
			return b;
	return NULL;
}

static struct shell_kmap *kmap_entry(unsigned long pfn)
{
	struct shell_kmap *k;

	list_for_each_entry(k, &shell_kmaps, list)
		if (k->pfn == pfn)
			return k;
	return NULL;
}

/* kmaps the shell holds on pages of block @b. */
static unsigned int block_kmaps(const struct shell_block *b)
{
	struct shell_kmap *k;
	unsigned int n = 0;

	list_for_each_entry(k, &shell_kmaps, list)
		if (k->pfn >= b->pfn && k->pfn < b->pfn + (1ul << b->order))
			n += k->count;
	return n;
}

static int parse_order(const char *arg, unsigned int *order)
{
	unsigned long v;

	if (kstrtoul(arg, 0, &v) || v >= MAX_ORDER) {
		printk("order must be 0..%d\n", MAX_ORDER - 1);
		return -EINVAL;
	}
	*order = (unsigned int)v;
	return 0;
}

static int parse_pfn(const char *arg, unsigned long *pfn)
{
	if (kstrtoul(arg, 0, pfn) || !pfn_valid(*pfn)) {
		printk("%s: not a pfn with a struct page\n", arg);
		return -EINVAL;
	}
	/* Its descriptor holds whatever the memory held: do not read it. */
	if (!pfn_initialised(*pfn)) {
		printk("pfn 0x%lx: its struct page is not initialised yet: "
		       "section 0x%lx of HighMem waits for the deferred struct "
		       "page init (free memory; `meminit` tells how far it "
		       "is)\n", *pfn, *pfn >> PFN_SECTION_SHIFT);
		return -EAGAIN;
	}
	return 0;
}

/* Why the shell will not touch @pfn: say what it is instead. */
static int refuse_foreign(unsigned long pfn, const char *what)
{
	const struct page *page = pfn_to_page(pfn);

	printk("pfn 0x%lx was not allocated by the shell (it is %s): the "
	       "shell %s only pages it took with alloc\n", pfn,
	       PageReserved(page) ? "reserved" :
	       PageSlab(page)	  ? "a slab page" :
	       page_count(page)   ? "in use by the kernel" : "free",
	       what);
	return -EPERM;
}

static int cmd_alloc(int argc, char **argv)
{
	struct shell_block *b;
	unsigned int order = 0;
	struct page *page;
	gfp_t gfp;

	if (argc < 2 || argc > 3) {
		print_gfp_names();
		return shell_usage(argv[0]);
	}
	if (gfp_from_name(argv[1], &gfp)) {
		printk("%s: unknown; ", argv[1]);
		print_gfp_names();
		return -EINVAL;
	}
	if (argc == 3 && parse_order(argv[2], &order))
		return -EINVAL;
	b = kmalloc(sizeof(*b), GFP_KERNEL);
	page = b ? alloc_pages(gfp | __GFP_NOWARN, order) : NULL;
	if (!page) {
		kfree(b);
		printk("allocation failed (order %u, %s)\n", order, argv[1]);
		return -ENOMEM;
	}
	b->pfn = page_to_pfn(page);
	b->order = order;
	list_add_tail(&b->list, &shell_blocks);
	printk("pfn 0x%lx phys 0x%llx zone %s order %u (%lu pages)\n", b->pfn,
	       (unsigned long long)PFN_PHYS(b->pfn), page_zone(page)->name,
	       order, 1ul << order);
	return 0;
}
SHELL_COMMAND("alloc", "dma|normal|highmem|GFP_* [ORDER]",
	      "allocate pages, print the pfn", cmd_alloc);

static int cmd_free(int argc, char **argv)
{
	struct shell_block *b;
	unsigned int order;
	unsigned long pfn;

	if (argc < 2 || argc > 3)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn))
		return -EINVAL;
	b = block_holding(pfn);
	if (!b)
		return refuse_foreign(pfn, "frees");
	if (b->pfn != pfn) {
		printk("pfn 0x%lx is page %lu of the order-%u block at pfn 0x%lx: "
		       "free 0x%lx\n", pfn, pfn - b->pfn, b->order, b->pfn,
		       b->pfn);
		return -EINVAL;
	}
	if (argc == 3 && (parse_order(argv[2], &order) || order != b->order)) {
		printk("pfn 0x%lx was allocated with order %u\n", pfn, b->order);
		return -EINVAL;
	}
	if (block_kmaps(b)) {
		printk("pfn 0x%lx: the shell still holds %u kmaps of this block; "
		       "kunmap first\n", pfn, block_kmaps(b));
		return -EBUSY;
	}
	__free_pages(pfn_to_page(pfn), b->order);
	printk("freed pfn 0x%lx order %u\n", pfn, b->order);
	list_del(&b->list);
	kfree(b);
	return 0;
}
SHELL_COMMAND("free", "PFN [ORDER]", "free pages taken with alloc", cmd_free);

static int cmd_fill(int argc, char **argv)
{
	unsigned long pfn, byte;

	if (argc != 3)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn))
		return -EINVAL;
	if (kstrtoul(argv[2], 0, &byte) || byte > 0xFF)
		return shell_usage(argv[0]);
	if (!block_holding(pfn))
		return refuse_foreign(pfn, "fills");
	memset_page(pfn_to_page(pfn), 0, (int)byte, PAGE_SIZE);
	printk("filled pfn 0x%lx with 0x%02lx\n", pfn, byte);
	return 0;
}
SHELL_COMMAND("fill", "PFN BYTE", "fill a page taken with alloc with a byte",
	      cmd_fill);

static int cmd_kmap(int argc, char **argv)
{
	struct shell_kmap *k;
	unsigned long pfn;
	void *vaddr;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn))
		return -EINVAL;
	if (!block_holding(pfn))
		return refuse_foreign(pfn, "kmaps");
	k = kmap_entry(pfn);
	if (!k) {
		k = kzalloc(sizeof(*k), GFP_KERNEL);
		if (!k)
			return -ENOMEM;
		k->pfn = pfn;
		list_add_tail(&k->list, &shell_kmaps);
	}
	/* Never sleep on the pool: the shell may be what fills it. */
	vaddr = kmap_try(pfn_to_page(pfn));
	if (!vaddr) {
		printk("kmap: the pool is full (%u slots in use, %u of them by "
		       "the shell); kunmap something first\n",
		       pkmap_slots_in_use(), current->kmap_count);
		if (!k->count) {
			list_del(&k->list);
			kfree(k);
		}
		return -EBUSY;
	}
	k->count++;
	printk("pfn 0x%lx mapped at 0x%p\n", pfn, vaddr);
	return 0;
}
SHELL_COMMAND("kmap", "PFN", "kmap a page taken with alloc (until kunmap)",
	      cmd_kmap);

static int cmd_kunmap(int argc, char **argv)
{
	struct shell_kmap *k;
	unsigned long pfn;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn))
		return -EINVAL;
	k = kmap_entry(pfn);
	if (!k) {
		printk("pfn 0x%lx is not kmapped by the shell\n", pfn);
		return -EINVAL;
	}
	kunmap(pfn_to_page(pfn));
	if (!--k->count) {
		list_del(&k->list);
		kfree(k);
	}
	printk("pfn 0x%lx unmapped\n", pfn);
	return 0;
}
SHELL_COMMAND("kunmap", "PFN", "release a kmap taken with kmap", cmd_kunmap);

static int cmd_shellpages(int argc, char **argv)
{
	struct shell_block *b;
	struct shell_kmap *k;

	(void)argc;
	(void)argv;
	list_for_each_entry(b, &shell_blocks, list)
		printk("block pfn 0x%lx order %u zone %s\n", b->pfn, b->order,
		       page_zone(pfn_to_page(b->pfn))->name);
	list_for_each_entry(k, &shell_kmaps, list)
		printk("kmap  pfn 0x%lx x%u at 0x%p\n", k->pfn, k->count,
		       pkmap_address(pfn_to_page(k->pfn)));
	return 0;
}
SHELL_COMMAND("mypages", "", "the pages and kmaps the shell holds",
	      cmd_shellpages);

/* ---- looking ---- */

/*
 * Can @pfn be read without harm? Free pages may be unmapped
 * (debug_pagealloc) or reused at any moment; a reserved pfn outside the
 * direct map may be a device, not RAM.
 */
static const char *unreadable(unsigned long pfn)
{
	const struct page *page = pfn_to_page(pfn);

	if (PageReserved(page)) {
		if (PageHighMem(page) || pfn >= max_low_pfn)
			return "reserved and outside the direct map (not RAM, "
			       "or RAM the kernel keeps out of use)";
		if (!kernel_address_mapped((unsigned long)__va(PFN_PHYS(pfn))))
			return "reserved and unmapped (a guard page)";
		return NULL;
	}
	if (page_count(page) == 0 && !block_holding(pfn))
		return "free (its contents mean nothing, and debug_pagealloc "
		       "may have unmapped it)";
	if (!PageHighMem(page) &&
	    !kernel_address_mapped((unsigned long)__va(PFN_PHYS(pfn))))
		return "unmapped from the direct map (a stack guard page)";
	return NULL;
}

static int cmd_peek(int argc, char **argv)
{
	unsigned long pfn, offset, len = PEEK_DEFAULT_LEN;
	static u8 buf[PAGE_SIZE]; /* the shell runs one command at a time */
	const char *why;

	if (argc < 3 || argc > 4)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn))
		return -EINVAL;
	if (kstrtoul(argv[2], 0, &offset) || offset >= PAGE_SIZE ||
	    (argc == 4 && (kstrtoul(argv[3], 0, &len) ||
			   len > PAGE_SIZE - offset))) {
		printk("offset and length must stay within the page (%lu bytes)\n",
		       PAGE_SIZE);
		return -EINVAL;
	}
	if (argc == 3)
		len = min(len, PAGE_SIZE - offset); /* the default stops at the end */
	why = unreadable(pfn);
	if (why) {
		printk("pfn 0x%lx is %s: not read\n", pfn, why);
		return -EPERM;
	}
	memcpy_from_page(buf, pfn_to_page(pfn), offset, len);
	print_hex_dump(PFN_PHYS(pfn) + offset, buf, len);
	return 0;
}
SHELL_COMMAND("peek", "PFN OFFSET [LEN]", "hex dump of part of a page",
	      cmd_peek);

/* Which free block, if any, holds @pfn? */
static bool find_free_block(unsigned long pfn, unsigned long *head,
			    unsigned int *order)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long h = pfn & ~((1ul << o) - 1);
		struct page *hp;

		if (!pfn_valid(h))
			continue;
		hp = pfn_to_page(h);
		if (PageBuddy(hp) && page_order(hp) >= o &&
		    pfn < h + (1ul << page_order(hp))) {
			*head = h;
			*order = page_order(hp);
			return true;
		}
	}
	return false;
}

static void print_page_state(unsigned long pfn, const struct page *page)
{
	struct shell_block *b = block_holding(pfn);
	unsigned long head;
	unsigned int order;

	if (PageReserved(page))
		printk("state: reserved (firmware, kernel, boot data or a hole)\n");
	else if (PageBuddy(page))
		printk("state: free, first page of an order-%u block in the "
		       "buddy lists\n", page_order(page));
	else if (page_count(page) > 0)
		printk("state: allocated, order %u%s\n", page_order(page),
		       PageSlab(page) ? ", slab" : "");
	else if (b)
		printk("state: allocated, page %lu of the order-%u block at pfn "
		       "0x%lx\n", pfn - b->pfn, b->order, b->pfn);
	else if (find_free_block(pfn, &head, &order))
		printk("state: free, inside the order-%u block at pfn 0x%lx\n",
		       order, head);
	else
		printk("state: free on a per-CPU list, or part of an "
		       "allocated block\n");
	if (b)
		printk("owner: the shell (alloc)\n");
}

static int cmd_pageinfo(int argc, char **argv)
{
	enum pagemap_state state;
	unsigned long pfn;
	unsigned int order;
	struct page *page;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (parse_pfn(argv[1], &pfn))
		return -EINVAL;
	page = pfn_to_page(pfn);
	printk("pfn 0x%lx phys 0x%llx struct page at %p\n", pfn,
	       (unsigned long long)PFN_PHYS(pfn), (void *)page);
	printk("zone %s, flags 0x%08lx (%s%s%s%s), order %u, refcount %d\n",
	       page_zone(page)->name, page->flags,
	       PageReserved(page) ? " reserved" : "",
	       PageBuddy(page) ? " buddy" : "", PageSlab(page) ? " slab" : "",
	       PageHead(page) ? " head" : "", page_order(page),
	       page_count(page));
	print_page_state(pfn, page);
	state = pagemap_classify_pfn(pfn, &order);
	if (state == PM_FREE)
		printk("pagemap: free (order-%u block)\n", order);
	else
		printk("pagemap: %s\n", pagemap_state_name(state));
	return 0;
}
SHELL_COMMAND("pageinfo", "PFN", "what a page frame is used for",
	      cmd_pageinfo);
