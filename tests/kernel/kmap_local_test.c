// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of kmap_local_page: preemption stays on, the thread
 * stays on its CPU, a context switch saves its slots and puts them back,
 * interrupts map on top, and mappings nest. Without highmem the suite
 * switches kmap debug mode on, which sends lowmem pages through the same
 * slots.
 */
#include "highmem/highmem.h"
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "kernel/timer.h"
#include "kernel/lib/string.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "tests/kernel/kt_highmem.h"
#include "tests/kernel/kt_mm.h"
#include "tests/kernel/kt_smp.h"
#include "tests/kernel/ktest.h"
#include <asm/cpu.h>

KTEST_SUITE(kmap_local, kt_highmem_init, kt_highmem_exit);

/* Spin with preemption on until *@flag, or about two seconds. */
static bool wait_preemptible(const volatile bool *flag)
{
	u64 give_up = get_jiffies_64() + 2 * HZ;

	while (!*flag && get_jiffies_64() < give_up)
		cpu_relax();
	return *flag;
}

KTEST(kmap_local, keeps_preemption_on_and_the_thread_on_its_cpu)
{
	struct page *page = kt_alloc_highpage(t);
	unsigned int pinned = current->migration_disabled;
	unsigned int depth = (unsigned int)kmap_atomic_depth();
	void *v, *a;

	KT_REQUIRE_NOT_NULL(t, page);
	KT_EXPECT_FALSE(t, faulthandler_disabled());
	v = kmap_local_page(page);
	KT_EXPECT_EQ(t, preempt_count(), 0);
	KT_EXPECT_FALSE(t, in_atomic());
	KT_EXPECT_FALSE(t, faulthandler_disabled());
	/*
	 * The slot itself pins the thread (task_pinned, once switched out
	 * with it): no migrate_disable count.
	 */
	KT_EXPECT_EQ(t, current->migration_disabled, pinned);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth + 1);
	KT_EXPECT_GE(t, (unsigned long)v, FIXADDR_START);
	/* kmap_atomic on top: the next slot, faults and preemption off. */
	a = kmap_atomic(page);
	KT_EXPECT_TRUE(t, faulthandler_disabled());
	KT_EXPECT_EQ(t, (uintptr_t)a, (uintptr_t)v - PAGE_SIZE *
		     (kmap_debug ? KM_SLOT_STRIDE : 1));
	fill_words(a, pattern(1));
	kunmap_atomic(a);
	KT_EXPECT_TRUE(t, check_words(v, pattern(1)));
	kunmap_local(v);
	KT_EXPECT_EQ(t, current->migration_disabled, pinned);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);
	KT_EXPECT_FALSE(t, kernel_address_mapped((unsigned long)v));
}

KTEST(kmap_local, lowmem_page_is_its_direct_map_address)
{
	struct page *page = kt_alloc_page(t, GFP_KERNEL);
	unsigned int pinned = current->migration_disabled;
	bool old;
	void *v;

	KT_REQUIRE_NOT_NULL(t, page);
	old = kmap_debug_set(false);
	v = kmap_local_page(page);
	KT_EXPECT_EQ(t, (uintptr_t)v, (uintptr_t)lowmem_page_address(page));
	/* Nothing to pin for the direct map. */
	KT_EXPECT_EQ(t, current->migration_disabled, pinned);
	kunmap_local(v);
	KT_EXPECT_EQ(t, current->migration_disabled, pinned);
	kmap_debug_set(old);
}

KTEST(kmap_local, survives_a_sleep)
{
	struct page *pages[3];
	void *v[3];
	unsigned int cpu;

	for (int i = 0; i < 3; i++) {
		pages[i] = kt_alloc_highpage(t);
		KT_REQUIRE_NOT_NULL(t, pages[i]);
	}
	for (int i = 0; i < 3; i++) {
		v[i] = kmap_local_page(pages[i]);
		fill_words(v[i], pattern(10 + i));
	}
	cpu = smp_processor_id();
	msleep(30); /* switched out: the slots are saved and cleared */
	KT_EXPECT_EQ(t, smp_processor_id(), cpu);
	KT_EXPECT_EQ(t, current->kmap_ctrl.nr, 0);
	for (int i = 2; i >= 0; i--) {
		KT_EXPECT_TRUE(t, check_words(v[i], pattern(10 + i)));
		kunmap_local(v[i]);
	}
}

/* ---- a preempted holder and another thread in the same slots ---- */

#define HOLD 3

struct other_thread {
	struct page *pages[HOLD];
	void *addr[HOLD];
	bool contents_ok;
	volatile bool done;
};

static int other_thread_fn(void *arg)
{
	struct other_thread *o = arg;

	o->contents_ok = true;
	for (int i = 0; i < HOLD; i++) {
		o->addr[i] = kmap_local_page(o->pages[i]);
		fill_words(o->addr[i], pattern(500 + i));
	}
	for (int i = HOLD - 1; i >= 0; i--) {
		if (!check_words(o->addr[i], pattern(500 + i)))
			o->contents_ok = false;
		kunmap_local(o->addr[i]);
	}
	WRITE_ONCE(o->done, true);
	return 0;
}

/*
 * This thread maps HOLD pages and busy-waits, preemptible. A thread
 * bound to the same CPU runs when the tick preempts us, maps HOLD other
 * pages in the same slots (ours are off the CPU), checks them and
 * leaves. When we run again our addresses show our pages.
 */
static void preempted_holder(struct ktest_ctx *t, void *arg)
{
	struct other_thread *o = kt_kmalloc(t, sizeof(*o), GFP_KERNEL);
	struct page *mine[HOLD];
	struct task_struct *task;
	unsigned int cpu, switches;
	void *v[HOLD];

	(void)arg;
	KT_REQUIRE_NOT_NULL(t, o);
	memset(o, 0, sizeof(*o));
	for (int i = 0; i < HOLD; i++) {
		mine[i] = kt_alloc_highpage(t);
		o->pages[i] = kt_alloc_highpage(t);
		KT_REQUIRE_NOT_NULL(t, mine[i]);
		KT_REQUIRE_NOT_NULL(t, o->pages[i]);
	}
	for (int i = 0; i < HOLD; i++) {
		v[i] = kmap_local_page(mine[i]);
		fill_words(v[i], pattern(400 + i));
	}
	cpu = smp_processor_id();
	task = kthread_create(other_thread_fn, o, "kl_other");
	KT_REQUIRE_NOT_NULL(t, task);
	kthread_bind(task, cpu);
	switches = current->switches;
	wake_up_new_task(task);
	KT_EXPECT_TRUE(t, wait_preemptible(&o->done));
	kthread_join(task);
	KT_EXPECT_GT(t, current->switches, switches); /* we were switched out */
	KT_EXPECT_EQ(t, smp_processor_id(), cpu);
	KT_EXPECT_TRUE(t, o->contents_ok);
	for (int i = 0; i < HOLD; i++)
		KT_EXPECT_EQ(t, (uintptr_t)o->addr[i], (uintptr_t)v[i]);
	for (int i = HOLD - 1; i >= 0; i--) {
		KT_EXPECT_TRUE(t, check_words(v[i], pattern(400 + i)));
		kunmap_local(v[i]);
	}
}

KTEST(kmap_local, preempted_holder_keeps_its_pages)
{
	kt_run_on_cpu(t, 0, preempted_holder, NULL);
}

KTEST(kmap_local, preempted_holders_on_every_cpu_at_once)
{
	kt_run_on_each_cpu(t, preempted_holder, NULL);
}

/* ---- interrupts that map while a thread holds local mappings ---- */

#define IRQ_MAPS 3

static struct page *irq_pages[IRQ_MAPS];
static volatile bool irq_done;
static int irq_ok, irq_depth;

static void map_in_irq(struct timer_list *timer)
{
	void *v[IRQ_MAPS];

	(void)timer;
	irq_ok = 1;
	for (int i = 0; i < IRQ_MAPS; i++) {
		v[i] = i == 1 ? kmap_atomic(irq_pages[i]) :
				kmap_local_page(irq_pages[i]);
		fill_words(v[i], pattern(600 + i));
	}
	irq_depth = kmap_atomic_depth();
	for (int i = IRQ_MAPS - 1; i >= 0; i--) {
		if (!check_words(v[i], pattern(600 + i)))
			irq_ok = 0;
		if (i == 1)
			kunmap_atomic(v[i]);
		else
			kunmap_local(v[i]);
	}
	irq_done = true;
}

/* Timers run on CPU 0 (kernel/timer.c): so does this. */
static void irq_on_held_local(struct ktest_ctx *t, void *arg)
{
	struct page *pages[HOLD];
	struct timer_list timer;
	void *v[HOLD];

	(void)arg;
	for (int i = 0; i < HOLD; i++) {
		pages[i] = kt_alloc_highpage(t);
		KT_REQUIRE_NOT_NULL(t, pages[i]);
	}
	for (int i = 0; i < IRQ_MAPS; i++) {
		irq_pages[i] = kt_alloc_highpage(t);
		KT_REQUIRE_NOT_NULL(t, irq_pages[i]);
	}
	for (int i = 0; i < HOLD; i++) {
		v[i] = kmap_local_page(pages[i]);
		fill_words(v[i], pattern(700 + i));
	}
	irq_done = false;
	timer_setup(&timer, map_in_irq);
	timer.expires = get_jiffies_64() + 1;
	add_timer(&timer);
	KT_EXPECT_TRUE(t, wait_preemptible(&irq_done));
	del_timer_sync(&timer);
	KT_EXPECT_EQ(t, irq_ok, 1);
	/* On top of whoever held slots then: at least the handler's own. */
	KT_EXPECT_GE(t, irq_depth, IRQ_MAPS);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), HOLD);
	for (int i = HOLD - 1; i >= 0; i--) {
		KT_EXPECT_TRUE(t, check_words(v[i], pattern(700 + i)));
		kunmap_local(v[i]);
	}
}

KTEST(kmap_local, interrupts_map_on_top_of_a_held_mapping)
{
	kt_run_on_cpu(t, 0, irq_on_held_local, NULL);
}

/* ---- nesting ---- */

static void nest_to_the_limit(struct ktest_ctx *t, void *arg)
{
	struct page *pages[KM_THREAD_MAX];
	void *v[KM_THREAD_MAX];
	unsigned int pinned = current->migration_disabled;

	(void)arg;
	for (int i = 0; i < KM_THREAD_MAX; i++) {
		pages[i] = kt_alloc_highpage(t);
		KT_REQUIRE_NOT_NULL(t, pages[i]);
	}
	for (int i = 0; i < KM_THREAD_MAX; i++) {
		/* Every third one is kmap_atomic: both kinds share the stack. */
		v[i] = i % 3 == 2 ? kmap_atomic(pages[i]) :
				    kmap_local_page(pages[i]);
		fill_words(v[i], pattern(800 + i + smp_processor_id() * 64));
	}
	KT_EXPECT_EQ(t, kmap_atomic_depth(), KM_THREAD_MAX);
	for (int i = 0; i < KM_THREAD_MAX; i++)
		for (int j = i + 1; j < KM_THREAD_MAX; j++)
			KT_EXPECT_NE(t, (uintptr_t)v[i], (uintptr_t)v[j]);
	for (int i = KM_THREAD_MAX - 1; i >= 0; i--) {
		KT_EXPECT_TRUE(t, check_words(v[i], pattern(800 + i +
							    smp_processor_id() * 64)));
		if (i % 3 == 2)
			kunmap_atomic(v[i]);
		else
			kunmap_local(v[i]);
	}
	KT_EXPECT_EQ(t, kmap_atomic_depth(), 0);
	KT_EXPECT_EQ(t, current->migration_disabled, pinned);
}

KTEST(kmap_local, nests_to_the_limit_on_every_cpu_at_once)
{
	kt_run_on_each_cpu(t, nest_to_the_limit, NULL);
}

/* ---- the helpers, on lowmem and highmem pages ---- */

static void helpers_on(struct ktest_ctx *t, struct page *a, struct page *b)
{
	u8 buf[64];
	void *v;

	memset_page(a, 0, 0, PAGE_SIZE);
	memset_page(a, 100, 0x5A, 50);
	memcpy_to_page(a, 4090, "abcdef", 6);
	memcpy_from_page(buf, a, 98, 54);
	KT_EXPECT_EQ(t, buf[1], 0);
	KT_EXPECT_EQ(t, buf[2], 0x5A);
	KT_EXPECT_EQ(t, buf[51], 0x5A);
	KT_EXPECT_EQ(t, buf[52], 0);
	copy_highpage(b, a);
	memcpy_from_page(buf, b, 4090, 6);
	KT_EXPECT_EQ(t, memcmp(buf, "abcdef", 6), 0);
	v = kmap_local_page(b);
	KT_EXPECT_EQ(t, ((u8 *)v)[120], 0x5A);
	kunmap_local(v);
	clear_highpage(b);
	memcpy_from_page(buf, b, 4032, 64);
	for (int i = 0; i < 64; i++)
		KT_EXPECT_EQ(t, buf[i], 0);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), 0);
}

static void every_helper(struct ktest_ctx *t, void *arg)
{
	struct page *low[2], *high[2];

	(void)arg;
	for (int i = 0; i < 2; i++) {
		low[i] = kt_alloc_page(t, GFP_KERNEL);
		high[i] = kt_alloc_highpage(t);
		KT_REQUIRE_NOT_NULL(t, low[i]);
		KT_REQUIRE_NOT_NULL(t, high[i]);
	}
	helpers_on(t, low[0], low[1]);
	helpers_on(t, high[0], high[1]);
	helpers_on(t, low[0], high[0]);
	helpers_on(t, high[1], low[1]);
}

KTEST(kmap_local, every_helper_on_lowmem_and_highmem_on_every_cpu)
{
	kt_run_on_each_cpu(t, every_helper, NULL);
}
