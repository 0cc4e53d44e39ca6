// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of page_address, kmap and kmap_atomic. On a machine
 * without highmem the tests switch on kmap debug mode for their
 * duration, which sends lowmem pages through the same paths.
 */
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "tests/kernel/ktest.h"
#include "tests/kernel/kt_smp.h"
#include "kernel/sched.h"
#include "kernel/lib/string.h"
#include "kernel/timer.h"
#include "tests/kernel/kt_highmem.h"
#include "tests/kernel/kt_mm.h"
#include <asm/fixmap.h>
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <asm/traps.h>

KTEST_SUITE(highmem, kt_highmem_init, kt_highmem_exit);

/* kmap sleeps when the pool is full: skip rather than wait forever. */
static bool pkmap_has_free_slots(unsigned int n)
{
	return LAST_PKMAP - pkmap_slots_in_use() >= n;
}


KTEST(highmem, kmap_and_kmap_atomic_agree)
{
	struct page *p = kt_alloc_highpage(t);
	void *v;

	KT_REQUIRE_NOT_NULL(t, p);
	if (!pkmap_has_free_slots(1))
		KT_SKIP(t, "the pkmap pool is full");
	v = kmap(p);
	if (PageHighMem(p))
		KT_EXPECT_EQ(t, (uintptr_t)page_address(p), (uintptr_t)v);
	fill_words(v, pattern(1));
	kunmap(p);
	v = kmap_atomic(p);
	KT_EXPECT_TRUE(t, check_words(v, pattern(1)));
	fill_words(v, pattern(2));
	kunmap_atomic(v);
	v = kmap(p);
	KT_EXPECT_TRUE(t, check_words(v, pattern(2)));
	kunmap(p);
}

KTEST(highmem, same_page_shares_one_slot)
{
	struct page *p = kt_alloc_highpage(t);
	unsigned int held = current->kmap_count;
	unsigned long hits;
	void *a, *b;

	KT_REQUIRE_NOT_NULL(t, p);
	if (!pkmap_has_free_slots(1))
		KT_SKIP(t, "the pkmap pool is full");
	a = kmap(p);
	hits = pkmap_total_hits(); /* the first kmap may hit a stale slot too */
	b = kmap(p);
	KT_EXPECT_EQ(t, (uintptr_t)a, (uintptr_t)b);
	KT_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR(a)), 3); /* two users */
	KT_EXPECT_EQ(t, pkmap_total_hits(), hits + 1);
	KT_EXPECT_EQ(t, current->kmap_count, held + 2);
	kunmap(p);
	kunmap(p);
	KT_EXPECT_EQ(t, pkmap_slot_count(PKMAP_NR(a)), 1); /* unused, not flushed */
	KT_EXPECT_EQ(t, current->kmap_count, held);
}

/* ---- the pool runs full ---- */

/* Many pages, more than ktest_defer holds: one clean-up for all. */
struct page_set {
	unsigned int n, mapped;
	struct page *pages[2 * LAST_PKMAP + 100];
};

static struct page_set set;

static void page_set_free(void *arg)
{
	struct page_set *ps = arg;

	for (unsigned int i = 0; i < ps->mapped; i++)
		kunmap(ps->pages[i]);
	for (unsigned int i = 0; i < ps->n; i++)
		__free_page(ps->pages[i]);
	ps->n = ps->mapped = 0;
}

/* Fill @ps with @n highmem pages. Return: false if memory ran out. */
static bool page_set_alloc(struct ktest_ctx *t, struct page_set *ps,
			   unsigned int n)
{
	ps->n = ps->mapped = 0;
	ktest_defer(t, page_set_free, ps);
	while (ps->n < n) {
		struct page *p = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);

		if (!p)
			return false;
		ps->pages[ps->n++] = p;
	}
	return true;
}

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
	unsigned int free_slots = LAST_PKMAP - pkmap_slots_in_use();
	unsigned long waits = pkmap_stats.waits;
	struct task_struct *task;

	/* Someone (the shell) holding every slot would make this hang. */
	if (free_slots < 2)
		KT_SKIP(t, "the pkmap pool is full (%u slots in use)",
			pkmap_slots_in_use());
	late_page = kt_alloc_highpage(t);
	KT_REQUIRE_NOT_NULL(t, late_page);
	if (!page_set_alloc(t, &set, free_slots))
		KT_SKIP(t, "no memory for %u pages", free_slots);
	/* Take every free slot. */
	for (; set.mapped < free_slots; set.mapped++)
		kmap(set.pages[set.mapped]);
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		KT_EXPECT_GE(t, pkmap_slot_count(i), 2);
	late_mapped = false;
	task = kthread_run(late_mapper, NULL, "late-kmap");
	KT_ASSERT_NOT_NULL(t, task);
	while (!task_sleeping(task))
		yield();
	/* It sleeps (no busy wait) and has not mapped anything. */
	msleep(30);
	KT_EXPECT_TRUE(t, task_sleeping(task));
	KT_EXPECT_FALSE(t, late_mapped);
	KT_EXPECT_EQ(t, pkmap_stats.waits, waits + 1);
	/* One kunmap frees a slot: the sleeper gets it. */
	kunmap(set.pages[--set.mapped]);
	KT_EXPECT_EQ(t, kthread_join(task), 0);
	KT_EXPECT_TRUE(t, late_mapped);
}

/*
 * Map more than LAST_PKMAP pages in turn, each with its own pattern, then
 * read every one back through kmap. Slots are reused after each wrap; a
 * stale TLB entry would show the page that held the slot before.
 */
KTEST(highmem, wrap_flush_never_shows_an_old_page)
{
	const unsigned int n = ARRAY_SIZE(set.pages);
	unsigned long flushes = pkmap_stats.flushes;
	unsigned int bad = 0;

	if (!pkmap_has_free_slots(1))
		KT_SKIP(t, "the pkmap pool is full");
	if (!page_set_alloc(t, &set, n))
		KT_SKIP(t, "no memory for %u pages", n);
	for (unsigned int i = 0; i < n; i++) {
		void *v = kmap(set.pages[i]);

		fill_words(v, pattern(i));
		kunmap(set.pages[i]);
	}
	for (unsigned int i = 0; i < n; i++) {
		void *v = kmap(set.pages[i]);

		if (!check_words(v, pattern(i)))
			bad++;
		kunmap(set.pages[i]);
	}
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_GE(t, pkmap_stats.flushes, flushes + 3);
}

/*
 * After a wrap flushed a slot, the page that held it has no pkmap
 * address any more: page_address() must say NULL, not the old slot,
 * which by now may map another page.
 */
KTEST(highmem, page_address_forgets_a_flushed_slot)
{
	struct page *p = kt_alloc_highpage(t);
	unsigned long flushes = pkmap_stats.flushes;
	void *v;

	KT_REQUIRE_NOT_NULL(t, p);
	if (!pkmap_has_free_slots(2))
		KT_SKIP(t, "the pkmap pool is full");
	if (!page_set_alloc(t, &set, LAST_PKMAP))
		KT_SKIP(t, "no memory for %u pages", LAST_PKMAP);
	v = kmap(p);
	kunmap(p);
	KT_EXPECT_EQ(t, (uintptr_t)pkmap_address(p), (uintptr_t)v);
	/* Going once round the pool wraps and flushes the unused slots. */
	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		kmap(set.pages[i]);
		kunmap(set.pages[i]);
	}
	KT_EXPECT_GT(t, pkmap_stats.flushes, flushes);
	KT_EXPECT_NULL(t, pkmap_address(p));
	if (PageHighMem(p))
		KT_EXPECT_NULL(t, page_address(p));
}

KTEST(highmem, kmap_atomic_nests_to_the_limit)
{
	struct page *pages[KM_THREAD_MAX];
	void *addr[KM_THREAD_MAX];
	int depth = kmap_atomic_depth();

	for (int i = 0; i < KM_THREAD_MAX; i++) {
		pages[i] = kt_alloc_highpage(t);
		KT_REQUIRE_NOT_NULL(t, pages[i]);
	}
	for (int i = 0; i < KM_THREAD_MAX; i++) {
		addr[i] = kmap_atomic(pages[i]);
		fill_words(addr[i], pattern(100 + i));
	}
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth + KM_THREAD_MAX);
	KT_EXPECT_TRUE(t, in_atomic());
	for (int i = 0; i < KM_THREAD_MAX; i++)
		for (int j = i + 1; j < KM_THREAD_MAX; j++)
			KT_EXPECT_NE(t, (uintptr_t)addr[i], (uintptr_t)addr[j]);
	for (int i = KM_THREAD_MAX - 1; i >= 0; i--) {
		KT_EXPECT_TRUE(t, check_words(addr[i], pattern(100 + i)));
		kunmap_atomic(addr[i]);
		KT_EXPECT_FALSE(t, kernel_address_mapped((unsigned long)addr[i]));
	}
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);
}

/*
 * Two nested kmap_atomic mappings copying between two highmem pages:
 * if they shared a slot, the copy would read what it writes.
 */
KTEST(highmem, nested_kmap_atomic_copies_between_two_pages)
{
	struct page *a = kt_alloc_highpage(t), *b = kt_alloc_highpage(t);
	void *va, *vb;

	KT_REQUIRE_NOT_NULL(t, a);
	KT_REQUIRE_NOT_NULL(t, b);
	va = kmap_atomic(a);
	fill_words(va, pattern(40));
	vb = kmap_atomic(b);
	fill_words(vb, pattern(41));
	KT_EXPECT_NE(t, (uintptr_t)va, (uintptr_t)vb);
	memcpy(vb, va, PAGE_SIZE);
	KT_EXPECT_TRUE(t, check_words(vb, pattern(40)));
	kunmap_atomic(vb);
	kunmap_atomic(va);
	/* Each page, mapped alone, holds what it should. */
	va = kmap_atomic(a);
	KT_EXPECT_TRUE(t, check_words(va, pattern(40)));
	kunmap_atomic(va);
	vb = kmap_atomic(b);
	KT_EXPECT_TRUE(t, check_words(vb, pattern(40)));
	fill_words(vb, pattern(42));
	kunmap_atomic(vb);
	copy_highpage(a, b);
	va = kmap_atomic(a);
	KT_EXPECT_TRUE(t, check_words(va, pattern(42)));
	kunmap_atomic(va);
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

/* The timer runs on CPU 0 (kernel/timer.c): so must this, to be interrupted. */
static void irq_while_thread_holds_slots(struct ktest_ctx *t, void *arg)
{
	struct page *pages[THREAD_SLOTS];
	void *v[THREAD_SLOTS];
	struct timer_list timer;
	u64 give_up;

	(void)arg;

	for (int i = 0; i < THREAD_SLOTS; i++) {
		pages[i] = kt_alloc_highpage(t);
		KT_REQUIRE_NOT_NULL(t, pages[i]);
	}
	for (int i = 0; i < IRQ_SLOTS; i++) {
		irq_pages[i] = kt_alloc_highpage(t);
		KT_REQUIRE_NOT_NULL(t, irq_pages[i]);
	}
	irq_done = false;
	for (int i = 0; i < THREAD_SLOTS; i++) {
		v[i] = kmap_atomic(pages[i]);
		fill_words(v[i], pattern(300 + i));
	}
	timer_setup(&timer, kmap_in_irq);
	timer.expires = get_jiffies_64() + 1;
	add_timer(&timer);
	/* Preemption is off, interrupts are on: the timer comes to us. */
	give_up = get_jiffies_64() + 50;
	while (!irq_done && get_jiffies_64() < give_up)
		cpu_relax();
	del_timer_sync(&timer); /* it may be running on CPU 0 */
	KT_EXPECT_TRUE(t, irq_done);
	KT_EXPECT_EQ(t, irq_depth_seen, THREAD_SLOTS + IRQ_SLOTS);
	KT_EXPECT_EQ(t, irq_ok, 1);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), THREAD_SLOTS);
	for (int i = THREAD_SLOTS - 1; i >= 0; i--) {
		KT_EXPECT_TRUE(t, check_words(v[i], pattern(300 + i)));
		kunmap_atomic(v[i]);
	}
}

KTEST(highmem, kmap_atomic_in_irq_while_thread_holds_slots)
{
	kt_run_on_cpu(t, 0, irq_while_thread_holds_slots, NULL);
}

KTEST(highmem, copy_and_fill_helpers)
{
	struct page *low = kt_alloc_page(t, GFP_KERNEL);
	struct page *high = kt_alloc_highpage(t);
	u8 buf[64];
	void *v;

	KT_REQUIRE_NOT_NULL(t, low);
	KT_REQUIRE_NOT_NULL(t, high);
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
}

/* The pages below 4 GiB that pages_above_4g took on its way up. */
static LIST_HEAD(below_4g);

static void free_below_4g(void *arg)
{
	struct page *p, *tmp;

	(void)arg;
	list_for_each_entry_safe(p, tmp, &below_4g, lru) {
		list_del(&p->lru);
		__free_page(p);
	}
}

/*
 * Pages above 4 GiB: PTEs with address bits above 32. Written through
 * kmap_atomic, read back through kmap. Only a sample of pages is
 * touched (a 61 GiB guest runs on a smaller host).
 */
KTEST(highmem, pages_above_4g)
{
	enum { WANT = 48, TRIES = 4096 };
	struct page *above[WANT];
	unsigned int n = 0, bad = 0;

	if (max_pfn <= (1ul << (32 - PAGE_SHIFT)))
		KT_SKIP(t, "no RAM above 4 GiB on this machine");
	if (!pkmap_has_free_slots(1))
		KT_SKIP(t, "the pkmap pool is full");
	ktest_defer(t, free_below_4g, NULL);
	for (int i = 0; i < TRIES && n < WANT; i++) {
		struct page *p = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);

		if (!p)
			break;
		if (page_to_phys(p) < (1ull << 32)) {
			list_add(&p->lru, &below_4g);
		} else {
			above[n++] = p;
			ktest_defer(t, kt_free_page_cb, p);
		}
	}
	KT_ASSERT_EQ(t, n, WANT);
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
	}
	KT_EXPECT_EQ(t, bad, 0);
	printk("    %u pages above 4 GiB (first at 0x%llx) verified\n", n,
	       (unsigned long long)page_to_phys(above[0]));
}

KTEST(highmem, debug_mode_guard_pages)
{
	struct page *a = kt_alloc_page(t, GFP_KERNEL);
	struct page *b = kt_alloc_page(t, GFP_KERNEL);
	unsigned long va, vb;

	KT_REQUIRE_NOT_NULL(t, a);
	KT_REQUIRE_NOT_NULL(t, b);
	kmap_debug_set(true); /* the suite's exit puts the boot setting back */
	va = (unsigned long)kmap_atomic(a); /* lowmem, but through the fixmap */
	vb = (unsigned long)kmap_atomic(b);
	KT_EXPECT_GE(t, va, FIXADDR_START);
	KT_EXPECT_EQ(t, va - vb, 2 * PAGE_SIZE);
	KT_EXPECT_FALSE(t, kernel_address_mapped(vb + PAGE_SIZE)); /* guard */
	kunmap_atomic((void *)vb);
	kunmap_atomic((void *)va);
}

/*
 * An interrupt between any two instructions of kmap_atomic and
 * kunmap_atomic: the two run with EFLAGS.TF set, so that the CPU traps
 * after each instruction, and the trap handler maps another page with
 * kmap_atomic as an interrupt handler would. At each step the slot it
 * is about to take must be free (its PTE clear), and what it reads
 * through its mapping must be its own page, not a stale translation of
 * the page being unmapped.
 */
#define STEP_PATTERN_MINE 0x57E9A000u
#define STEP_PATTERN_OTHER 0x0DD5EEDu

static struct page *step_page;
static unsigned int step_traps, step_busy_slot, step_wrong_page;

static void kmap_atomic_at_each_step(struct pt_regs *regs)
{
	u32 *v;

	(void)regs;
	step_traps++;
	/* Taking a slot that is still in use would fault later: count it. */
	if (*kmap_atomic_slot_pte(kmap_atomic_depth()) & _PAGE_PRESENT) {
		step_busy_slot++;
		return;
	}
	v = kmap_atomic(step_page);
	if (*v != STEP_PATTERN_OTHER)
		step_wrong_page++;
	kunmap_atomic(v);
}

static void kmap_atomic_single_stepped(struct page *page, u32 *seen)
{
	unsigned long flags;
	u32 *v;

	local_irq_save(flags);
	set_debug_trap_hook(kmap_atomic_at_each_step);
	native_restore_fl(native_save_fl() | X86_EFLAGS_TF);
	v = kmap_atomic(page);
	*seen = *(volatile u32 *)v; /* the TLB now holds this translation */
	kunmap_atomic(v);
	native_restore_fl(native_save_fl() & ~X86_EFLAGS_TF);
	set_debug_trap_hook(NULL);
	local_irq_restore(flags);
}

KTEST(highmem, kmap_atomic_survives_an_interrupt_at_every_instruction)
{
	struct page *page = kt_alloc_highpage(t);
	u32 seen = 0;

	step_page = kt_alloc_highpage(t);
	KT_REQUIRE_NOT_NULL(t, page);
	KT_REQUIRE_NOT_NULL(t, step_page);
	memcpy_to_page(page, 0, &(u32){ STEP_PATTERN_MINE }, 4);
	memcpy_to_page(step_page, 0, &(u32){ STEP_PATTERN_OTHER }, 4);
	step_traps = step_busy_slot = step_wrong_page = 0;
	kmap_atomic_single_stepped(page, &seen);
	printk("    %u single-step traps, each with a nested kmap_atomic\n",
	       step_traps);
	KT_EXPECT_GT(t, step_traps, 10);
	KT_EXPECT_EQ(t, seen, STEP_PATTERN_MINE);
	KT_EXPECT_EQ(t, step_busy_slot, 0);
	KT_EXPECT_EQ(t, step_wrong_page, 0);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), 0);
}
