// SPDX-License-Identifier: MIT
/*
 * Page-content helpers on top of kmap_local_page: each maps the page(s)
 * for the duration of the copy only, so they work on any page, in any
 * context, and leave preemption on while they copy. The __GFP_ZERO path
 * of the page allocator uses clear_highpage.
 */
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "kernel/cmdline.h"
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "kernel/lib/string.h"

/* kmap.debug: the boot setting (tests switch kmap_debug itself). */
static bool kmap_debug_option = DEBUG_BUILD;
BOOT_PARAM_FLAG("kmap.debug", kmap_debug_option,
		"kmap.debug       lowmem through kmap too, guard slots");

void kmap_init(void)
{
	kmap_debug = kmap_debug_option;
	page_address_init();
	pkmap_init();
	kmap_atomic_init();
	if (kmap_debug)
		printk("kmap: debug mode: lowmem pages go through kmap, "
		       "kmap_local and kmap_atomic too; guard pages between "
		       "their slots\n");
}

static void check_range(size_t offset, size_t len)
{
	if (offset > PAGE_SIZE || len > PAGE_SIZE - offset)
		panic("page access at offset %zu, length %zu: past the page",
		      offset, len);
}

void clear_highpage(struct page *page)
{
	void *addr = kmap_local_page(page);

	memset(addr, 0, PAGE_SIZE);
	kunmap_local(addr);
}

void copy_highpage(struct page *to, struct page *from)
{
	void *vfrom = kmap_local_page(from);
	void *vto = kmap_local_page(to);

	memcpy(vto, vfrom, PAGE_SIZE);
	kunmap_local(vto);
	kunmap_local(vfrom);
}

void memset_page(struct page *page, size_t offset, int val, size_t len)
{
	char *addr;

	check_range(offset, len);
	addr = kmap_local_page(page);
	memset(addr + offset, val, len);
	kunmap_local(addr);
}

void memcpy_to_page(struct page *page, size_t offset, const void *src,
		    size_t len)
{
	char *addr;

	check_range(offset, len);
	addr = kmap_local_page(page);
	memcpy(addr + offset, src, len);
	kunmap_local(addr);
}

void memcpy_from_page(void *dst, struct page *page, size_t offset,
		      size_t len)
{
	char *addr;

	check_range(offset, len);
	addr = kmap_local_page(page);
	memcpy(dst, addr + offset, len);
	kunmap_local(addr);
}

static void count_saved(struct task_struct *t, void *arg)
{
	*(unsigned int *)arg += (unsigned int)READ_ONCE(t->kmap_ctrl.nr);
}

/* Slots in use on every CPU, and saved by threads switched out. */
static unsigned int kmap_slots_held_anywhere(void)
{
	unsigned int n = 0, cpu;

	for_each_possible_cpu(cpu)
		n += (unsigned int)kmap_depth_of(cpu);
	for_each_task(count_saved, &n);
	return n;
}

static void kmap_update_cpu(void *unused)
{
	(void)unused;
	kmap_atomic_update_slow();
}

bool kmap_debug_set(bool on)
{
	bool old = kmap_debug;

	/*
	 * A mapping made in one mode and undone in the other would leak its
	 * slot or panic as unbalanced. kmap_atomic slots are easy to count;
	 * for kmap, what can be checked is a lowmem page holding a pool slot
	 * (debug mode only) when debug mode goes off. (Lowmem pages "kmapped"
	 * while it was off hold no slot and leave no trace: do not switch it
	 * on under them.)
	 */
	if (kmap_slots_held_anywhere())
		panic("kmap_debug_set with %u kmap_local/kmap_atomic slots held "
		      "(the slots move when the mode changes)",
		      kmap_slots_held_anywhere());
	if (!on && kmap_debug && pkmap_lowmem_slots())
		panic("kmap_debug_set(off) with %u lowmem pages kmapped in the "
		      "pool: their kunmap would not find them",
		      pkmap_lowmem_slots());
	kmap_debug = on;
	on_each_cpu(kmap_update_cpu, NULL);
	kmap_local_watchdog_start();
	return old;
}
