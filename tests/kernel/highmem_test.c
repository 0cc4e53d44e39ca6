// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of page_address, kmap and kmap_atomic. On a machine
 * without highmem the tests switch on kmap debug mode for their
 * duration, which sends lowmem pages through the same paths.
 */
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "kernel/ktest.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "mm/fixmap.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include <asm/cpu.h>

static bool hm_begin(void)
{
	return kmap_debug_set(kmap_debug ||
			      !populated_zone(&zones[ZONE_HIGHMEM]));
}

static void hm_end(bool old)
{
	kmap_debug_set(old);
}

static struct page *hm_alloc(void)
{
	return alloc_page(GFP_HIGHUSER);
}

/* A recognisable pattern for page @i. */
static u32 pattern(unsigned int i)
{
	return 0xC0DE0000u ^ (i * 2654435761u);
}

static void fill_words(void *addr, u32 v)
{
	u32 *w = addr;

	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		w[i] = v + i;
}

static bool check_words(const void *addr, u32 v)
{
	const u32 *w = addr;

	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		if (w[i] != v + i)
			return false;
	return true;
}

KTEST(highmem, kmap_and_kmap_atomic_agree)
{
	bool old = hm_begin();
	struct page *p = hm_alloc();
	void *v;

	KT_ASSERT_NOT_NULL(t, p);
	v = kmap(p);
	KT_EXPECT_EQ(t, (uintptr_t)page_address(p) == (uintptr_t)v,
		     PageHighMem(p));
	fill_words(v, pattern(1));
	kunmap(p);
	v = kmap_atomic(p);
	KT_EXPECT_TRUE(t, check_words(v, pattern(1)));
	fill_words(v, pattern(2));
	kunmap_atomic(v);
	v = kmap(p);
	KT_EXPECT_TRUE(t, check_words(v, pattern(2)));
	kunmap(p);
	__free_page(p);
	hm_end(old);
}

KTEST(highmem, same_page_shares_one_slot)
{
	bool old = hm_begin();
	struct page *p = hm_alloc();
	void *a, *b;
	unsigned long hits;

	KT_ASSERT_NOT_NULL(t, p);
	a = kmap(p);
	hits = pkmap_stats.hits; /* the first kmap may hit a stale slot too */
	b = kmap(p);
	KT_EXPECT_EQ(t, (uintptr_t)a, (uintptr_t)b);
	KT_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR(a)), 3); /* two users */
	KT_EXPECT_EQ(t, pkmap_stats.hits, hits + 1);
	KT_EXPECT_EQ(t, current->kmap_count, 2);
	kunmap(p);
	kunmap(p);
	KT_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR(a)), 1); /* unused, not flushed */
	KT_EXPECT_EQ(t, current->kmap_count, 0);
	__free_page(p);
	hm_end(old);
}

/* ---- the pool runs full ---- */

static struct page *late_page;
static volatile bool late_mapped;

static int late_mapper(void *arg)
{
	void *v;

	(void)arg;
	v = kmap(late_page); /* sleeps: every slot is taken */
	fill_words(v, pattern(513));
	late_mapped = true;
	kunmap(late_page);
	return 0;
}

KTEST(highmem, full_pool_makes_kmap_sleep)
{
	static struct page *held[LAST_PKMAP];
	bool old = hm_begin();
	unsigned int n = 0, busy = 0;
	unsigned long waits = pkmap_stats.waits;
	struct task_struct *task;

	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_slot_count(i) > 1)
			busy++;
	/* Take every free slot. */
	while (n + busy < LAST_PKMAP) {
		held[n] = hm_alloc();
		KT_ASSERT_NOT_NULL(t, held[n]);
		kmap(held[n]);
		n++;
	}
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		KT_EXPECT_GE(t, pkmap_slot_count(i), 2);
	late_page = hm_alloc();
	late_mapped = false;
	task = kthread_run(late_mapper, NULL, "late-kmap");
	KT_ASSERT_NOT_NULL(t, task);
	while (task->state != TASK_SLEEPING)
		yield();
	/* It sleeps (no busy wait) and has not mapped anything. */
	msleep(30);
	KT_EXPECT_EQ(t, task->state, TASK_SLEEPING);
	KT_EXPECT_FALSE(t, late_mapped);
	KT_EXPECT_EQ(t, pkmap_stats.waits, waits + 1);
	/* One kunmap frees a slot: the sleeper gets it. */
	kunmap(held[0]);
	KT_EXPECT_EQ(t, kthread_join(task), 0);
	KT_EXPECT_TRUE(t, late_mapped);
	for (unsigned int i = 1; i < n; i++)
		kunmap(held[i]);
	for (unsigned int i = 0; i < n; i++)
		__free_page(held[i]);
	__free_page(late_page);
	hm_end(old);
}

/*
 * Map more than LAST_PKMAP pages in turn, each with its own pattern, then
 * read every one back through kmap. Slots are reused after each wrap; a
 * stale TLB entry would show the page that held the slot before.
 */
KTEST(highmem, wrap_flush_never_shows_an_old_page)
{
	enum { N = 2 * LAST_PKMAP + 100 };
	static struct page *pages[N];
	bool old = hm_begin();
	unsigned long flushes = pkmap_stats.flushes;
	unsigned int bad = 0;

	for (unsigned int i = 0; i < N; i++) {
		void *v;

		pages[i] = hm_alloc();
		KT_ASSERT_NOT_NULL(t, pages[i]);
		v = kmap(pages[i]);
		fill_words(v, pattern(i));
		kunmap(pages[i]);
	}
	for (unsigned int i = 0; i < N; i++) {
		void *v = kmap(pages[i]);

		if (!check_words(v, pattern(i)))
			bad++;
		kunmap(pages[i]);
	}
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_GE(t, pkmap_stats.flushes, flushes + 3);
	for (unsigned int i = 0; i < N; i++)
		__free_page(pages[i]);
	hm_end(old);
}

KTEST(highmem, kmap_atomic_nests_to_the_limit)
{
	struct page *pages[KM_MAX_IDX];
	void *addr[KM_MAX_IDX];
	bool old = hm_begin();
	int depth = kmap_atomic_depth();

	for (int i = 0; i < KM_MAX_IDX; i++)
		KT_ASSERT_NOT_NULL(t, pages[i] = hm_alloc());
	for (int i = 0; i < KM_MAX_IDX; i++) {
		addr[i] = kmap_atomic(pages[i]);
		fill_words(addr[i], pattern(100 + i));
	}
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth + KM_MAX_IDX);
	KT_EXPECT_TRUE(t, in_atomic());
	for (int i = 0; i < KM_MAX_IDX; i++)
		for (int j = i + 1; j < KM_MAX_IDX; j++)
			KT_EXPECT_NE(t, (uintptr_t)addr[i], (uintptr_t)addr[j]);
	for (int i = KM_MAX_IDX - 1; i >= 0; i--) {
		KT_EXPECT_TRUE(t, check_words(addr[i], pattern(100 + i)));
		kunmap_atomic(addr[i]);
		KT_EXPECT_FALSE(t, kernel_address_mapped((unsigned long)addr[i]));
	}
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);
	for (int i = 0; i < KM_MAX_IDX; i++)
		__free_page(pages[i]);
	hm_end(old);
}

/* ---- an interrupt maps while a thread holds slots ---- */

#define THREAD_SLOTS 8
#define IRQ_SLOTS 4

static struct page *irq_pages[IRQ_SLOTS];
static volatile bool irq_done;
static int irq_depth_seen, irq_ok;

static void kmap_in_irq(struct timer_list *timer)
{
	void *v[IRQ_SLOTS];

	(void)timer;
	for (int i = 0; i < IRQ_SLOTS; i++) {
		v[i] = kmap_atomic(irq_pages[i]);
		fill_words(v[i], pattern(200 + i));
	}
	irq_depth_seen = kmap_atomic_depth();
	irq_ok = 1;
	for (int i = IRQ_SLOTS - 1; i >= 0; i--) {
		if (!check_words(v[i], pattern(200 + i)))
			irq_ok = 0;
		kunmap_atomic(v[i]);
	}
	irq_done = true;
}

KTEST(highmem, kmap_atomic_in_irq_while_thread_holds_slots)
{
	struct page *pages[THREAD_SLOTS];
	void *v[THREAD_SLOTS];
	struct timer_list timer;
	bool old = hm_begin();
	u64 give_up;

	for (int i = 0; i < THREAD_SLOTS; i++)
		KT_ASSERT_NOT_NULL(t, pages[i] = hm_alloc());
	for (int i = 0; i < IRQ_SLOTS; i++)
		KT_ASSERT_NOT_NULL(t, irq_pages[i] = hm_alloc());
	irq_done = false;
	for (int i = 0; i < THREAD_SLOTS; i++) {
		v[i] = kmap_atomic(pages[i]);
		fill_words(v[i], pattern(300 + i));
	}
	timer_setup(&timer, kmap_in_irq);
	timer.expires = jiffies + 1;
	add_timer(&timer);
	/* Preemption is off, interrupts are on: the timer comes to us. */
	give_up = jiffies + 50;
	while (!irq_done && jiffies < give_up)
		cpu_relax();
	KT_EXPECT_TRUE(t, irq_done);
	KT_EXPECT_EQ(t, irq_depth_seen, THREAD_SLOTS + IRQ_SLOTS);
	KT_EXPECT_EQ(t, irq_ok, 1);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), THREAD_SLOTS);
	for (int i = THREAD_SLOTS - 1; i >= 0; i--) {
		KT_EXPECT_TRUE(t, check_words(v[i], pattern(300 + i)));
		kunmap_atomic(v[i]);
	}
	for (int i = 0; i < THREAD_SLOTS; i++)
		__free_page(pages[i]);
	for (int i = 0; i < IRQ_SLOTS; i++)
		__free_page(irq_pages[i]);
	hm_end(old);
}

KTEST(highmem, copy_and_fill_helpers)
{
	struct page *low = alloc_page(GFP_KERNEL), *high = hm_alloc();
	u8 buf[64];
	void *v;

	KT_ASSERT_NOT_NULL(t, low);
	KT_ASSERT_NOT_NULL(t, high);
	fill_words(lowmem_page_address(low), pattern(7));
	copy_highpage(high, low);
	v = kmap_atomic(high);
	KT_EXPECT_TRUE(t, check_words(v, pattern(7)));
	kunmap_atomic(v);
	clear_highpage(low);
	copy_highpage(low, high);
	KT_EXPECT_TRUE(t, check_words(lowmem_page_address(low), pattern(7)));
	memset_page(high, 0, 0, PAGE_SIZE);
	memset_page(high, 100, 0x5A, 50);
	memcpy_to_page(high, 4090, "abcdef", 6);
	memcpy_from_page(buf, high, 98, 54);
	KT_EXPECT_EQ(t, buf[1], 0);
	KT_EXPECT_EQ(t, buf[2], 0x5A);
	KT_EXPECT_EQ(t, buf[51], 0x5A);
	KT_EXPECT_EQ(t, buf[52], 0);
	memcpy_from_page(buf, high, 4090, 6);
	KT_EXPECT_EQ(t, memcmp(buf, "abcdef", 6), 0);
	clear_highpage(high);
	memcpy_from_page(buf, high, 4032, 64);
	for (int i = 0; i < 64; i++)
		KT_EXPECT_EQ(t, buf[i], 0);
	__free_page(low);
	__free_page(high);
}

/*
 * Pages above 4 GiB: PTEs with address bits above 32. Written through
 * kmap_atomic, read back through kmap. Only a sample of pages is
 * touched (a 61 GiB guest runs on a smaller host).
 */
KTEST(highmem, pages_above_4g)
{
	enum { WANT = 64, TRIES = 4096 };
	static struct page *above[WANT];
	LIST_HEAD(others);
	unsigned int n = 0, bad = 0;
	struct page *p, *tmp;

	for (int i = 0; i < TRIES && n < WANT; i++) {
		p = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);
		if (!p)
			break;
		if (page_to_phys(p) >= (1ull << 32))
			above[n++] = p;
		else
			list_add(&p->lru, &others);
	}
	list_for_each_entry_safe(p, tmp, &others, lru) {
		list_del(&p->lru);
		__free_page(p);
	}
	if (max_pfn <= (1ul << (32 - PAGE_SHIFT))) {
		KT_EXPECT_EQ(t, n, 0);
		printk("    no RAM above 4 GiB on this machine\n");
		return;
	}
	KT_EXPECT_EQ(t, n, WANT);
	for (unsigned int i = 0; i < n; i++) {
		void *v = kmap_atomic(above[i]);

		fill_words(v, pattern(1000 + i));
		kunmap_atomic(v);
	}
	for (unsigned int i = 0; i < n; i++) {
		void *v = kmap(above[i]);
		pteval_t pte = *lookup_kernel_pte((unsigned long)v);

		if (!check_words(v, pattern(1000 + i)) ||
		    pte_phys(pte) != page_to_phys(above[i]))
			bad++;
		kunmap(above[i]);
		__free_page(above[i]);
	}
	KT_EXPECT_EQ(t, bad, 0);
	printk("    %u pages above 4 GiB (first at 0x%llx) verified\n", n,
	       (unsigned long long)page_to_phys(above[0]));
}

KTEST(highmem, debug_mode_guard_pages)
{
	bool old = kmap_debug_set(true);
	struct page *a = alloc_page(GFP_KERNEL), *b = alloc_page(GFP_KERNEL);
	unsigned long va, vb;

	va = (unsigned long)kmap_atomic(a); /* lowmem, but through the fixmap */
	vb = (unsigned long)kmap_atomic(b);
	KT_EXPECT_GE(t, va, FIXADDR_START);
	KT_EXPECT_EQ(t, va - vb, 2 * PAGE_SIZE);
	KT_EXPECT_FALSE(t, kernel_address_mapped(vb + PAGE_SIZE)); /* guard */
	kunmap_atomic((void *)vb);
	kunmap_atomic((void *)va);
	__free_page(a);
	__free_page(b);
	kmap_debug_set(old);
}
