// SPDX-License-Identifier: MIT
/*
 * Deliberate faults, to see (and test) what the kernel reports when
 * something goes wrong: `crash null`, `crash bug`, ...
 */
#include "kernel/lib/errno.h"
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include "kernel/sections.h"
#include "kernel/shell/shell.h"
#include "kernel/lib/string.h"
#include "highmem/highmem.h"
#include "kernel/sched.h"
#include "kernel/timer.h"
#include "mm/gfp.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"
#include <asm/layout.h>
#include "mm/page_debug.h"
#include "kernel/cmdline.h"
#include "kernel/init.h"
#include "kernel/smp.h"
#include "kernel/spinlock.h"

/* volatile: the compiler must really do these accesses. */
static __noinline void crash_null_read(void)
{
	volatile u32 *p = NULL;

	printk("reading address 0: %u\n", *p);
}

static __noinline void crash_write_text(void)
{
	volatile u8 *p = (volatile u8 *)_stext;

	*p = 0xCC;
}

static __noinline void crash_unmapped_read(void)
{
	/* The guard pages between the vmalloc area and pkmap. */
	volatile u32 *p = (volatile u32 *)(VMALLOC_END + PAGE_SIZE);

	printk("read 0x%x\n", *p);
}

/*
 * In C the compiler may turn 1 / x into a comparison (the quotient is
 * 0, 1 or -1), which never divides: the div instruction is written out.
 */
static __noinline void crash_divide(void)
{
	u32 quotient, high = 0, low = 1, zero = 0;

	__asm__ __volatile__("divl %2"
			     : "=a"(quotient), "+d"(high)
			     : "rm"(zero), "0"(low));
	printk("1 / 0 = %u\n", quotient);
}

static __noinline void crash_invalid_opcode(void)
{
	__asm__ __volatile__("ud2");
}

static __noinline void crash_bug(void)
{
	BUG_ON(PAGE_SIZE == 4096);
}

/* Each frame holds a buffer, so the stack runs into its guard page. */
static __noinline int crash_stack_overflow_depth(int depth)
{
	volatile char frame[512];

	frame[0] = (char)depth;
	if (depth > 1000000) /* never: keeps the compiler from objecting */
		return 0;
	return crash_stack_overflow_depth(depth + 1) + frame[0];
}

static void crash_stack_overflow(void)
{
	printk("%d\n", crash_stack_overflow_depth(0));
}

static __noinline void crash_double_free(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	__free_page(page);
	__free_page(page);
}

static __noinline void crash_free_wrong_order(void)
{
	__free_pages(alloc_pages(GFP_KERNEL, 2), 1);
}

static __noinline void crash_free_tail(void)
{
	__free_page(alloc_pages(GFP_KERNEL, 3) + 5);
}

static int overflow_thread(void *arg)
{
	(void)arg;
	return crash_stack_overflow_depth(0);
}

static void crash_thread_stack(void)
{
	struct task_struct *task = kthread_run(overflow_thread, NULL,
					       "overflower");

	if (task)
		kthread_join(task);
}

static void sleeping_timer_fn(struct timer_list *timer)
{
	(void)timer;
	msleep(10); /* not allowed in an interrupt handler */
}

static void crash_sleep_in_irq(void)
{
	static struct timer_list timer;

	timer_setup(&timer, sleeping_timer_fn);
	timer.expires = get_jiffies_64() + 1;
	add_timer(&timer);
	msleep(100);
}

static struct page *crash_highpage(void)
{
	return alloc_page(GFP_HIGHUSER);
}

static void crash_kmap_order(void)
{
	void *a = kmap_atomic(crash_highpage());
	void *b = kmap_atomic(crash_highpage());

	kunmap_atomic(a); /* b must go first */
	kunmap_atomic(b);
}

static void crash_kmap_nest(void)
{
	struct page *pages[17];

	/* Allocated first: nothing may sleep once kmap_atomic has begun. */
	for (int i = 0; i <= 16; i++)
		pages[i] = crash_highpage();
	for (int i = 0; i <= 16; i++)
		kmap_atomic(pages[i]);
}

static void crash_kunmap_unbalanced(void)
{
	struct page *page = crash_highpage();

	kmap(page);
	kunmap(page);
	kunmap(page);
}

static bool needs(bool on, const char *option);

/* With kmap.debug, the guard page after a slot catches the overrun. */
static void crash_kmap_overrun(void)
{
	struct page *pa, *pb;
	char *a, *b;

	/* Without guard pages the overrun writes the next slot's page. */
	if (!needs(kmap_debug, "kmap.debug"))
		return;
	/* Allocated first: nothing may sleep between kmap_atomic and unmap. */
	pa = crash_highpage();
	pb = crash_highpage();
	a = kmap_atomic(pa);
	b = kmap_atomic(pb);

	memset(b, 0x55, PAGE_SIZE + 16);
	kunmap_atomic(b);
	kunmap_atomic(a);
}

/* Run @fn(a highmem page) in a thread of its own, until it ends. */
static void in_a_thread(int (*fn)(void *arg), const char *name)
{
	struct task_struct *task = kthread_run(fn, crash_highpage(), name);

	if (task)
		kthread_join(task);
}

static int leaky_thread(void *arg)
{
	kmap(arg);
	return 0;
}

static void crash_kmap_leak(void)
{
	in_a_thread(leaky_thread, "leaky");
}

static void crash_vmalloc_overrun(void)
{
	char *p = vmalloc(2 * PAGE_SIZE);

	p[2 * PAGE_SIZE] = 1; /* the guard page after the area */
}

static void crash_kfree_bad(void)
{
	char *p = kmalloc(64, GFP_KERNEL);

	kfree(p + 16);
}

/* ---- misuse that the memory debugging options catch ---- */

static bool needs(bool on, const char *option)
{
	if (!on)
		printk("crash: this needs %s (boot with %s, or use a DEBUG=1 "
		       "build)\n", option, option);
	return on;
}

/* A highmem page written through kmap_atomic after it was freed. */
static void crash_page_uaf(void)
{
	struct page *page;
	char *p;

	if (!needs(page_debug & PAGE_DEBUG_POISON, "page_poison"))
		return;
	page = alloc_page(GFP_HIGHUSER);
	if (!page)
		return;
	__free_page(page);
	p = kmap_atomic(page);
	p[100] = 1;
	kunmap_atomic(p);
	/* The per-CPU list is LIFO: the same page comes back and is checked. */
	alloc_page(GFP_HIGHUSER);
}

/* A lowmem page read through the direct map after it was freed. */
static void crash_pagealloc_uaf(void)
{
	unsigned long addr;

	if (!needs(page_debug & PAGE_DEBUG_UNMAP, "debug_pagealloc"))
		return;
	addr = __get_free_page(GFP_KERNEL);
	if (!addr)
		return;
	free_page(addr);
	printk("read 0x%x\n", *(volatile u32 *)addr);
}

static void crash_slab_overflow(void)
{
	char *p;

	if (!needs(slab_debug, "slab_debug"))
		return;
	p = kmalloc(64, GFP_KERNEL);
	if (!p)
		return;
	p[64] = 'x'; /* one byte past the end */
	kfree(p);
}

static void crash_slab_uaf(void)
{
	char *p;

	if (!needs(slab_debug, "slab_debug"))
		return;
	p = kmalloc(64, GFP_KERNEL);
	if (!p)
		return;
	kfree(p);
	p[10] = 'x';
	/* The cache's free list is LIFO: the same object comes back. */
	kmalloc(64, GFP_KERNEL);
}

static void crash_slab_double_free(void)
{
	char *p;

	if (!needs(slab_debug, "slab_debug"))
		return;
	p = kmalloc(64, GFP_KERNEL);
	if (!p)
		return;
	kfree(p);
	kfree(p);
}

static void crash_vfree_twice(void)
{
	void *p = vmalloc(3 * PAGE_SIZE);

	vfree(p);
	vfree(p);
}

static int atomic_leaky_thread(void *arg)
{
	kmap_atomic(arg);
	return 0;
}

static void crash_kmap_atomic_leak(void)
{
	in_a_thread(atomic_leaky_thread, "atomic-leaky");
}

/* ---- kmap_local misuse (highmem/kmap_local.c) ---- */

static void crash_kmap_local_order(void)
{
	void *a = kmap_local_page(crash_highpage());
	void *b = kmap_local_page(crash_highpage());

	kunmap_local(a); /* b must go first */
	kunmap_local(b);
}

/* With kmap.debug, the guard page after a slot catches the overrun. */
static void crash_kmap_local_overrun(void)
{
	char *a, *b;

	if (!needs(kmap_debug, "kmap.debug"))
		return;
	a = kmap_local_page(crash_highpage());
	b = kmap_local_page(crash_highpage());
	memset(b, 0x55, PAGE_SIZE + 16);
	kunmap_local(b);
	kunmap_local(a);
}

static int local_leaky_thread(void *arg)
{
	kmap_local_page(arg);
	return 0;
}

static void crash_kmap_local_leak(void)
{
	in_a_thread(local_leaky_thread, "local-leaky");
}

/* A thread that sleeps "forever" (a minute) with a local mapping. */
static int local_sleeper_thread(void *arg)
{
	void *v = kmap_local_page(arg);

	msleep(60000);
	kunmap_local(v);
	return 0;
}

static void crash_kmap_local_sleep(void)
{
	if (!needs(kmap_debug, "kmap.debug"))
		return;
	kthread_run(local_sleeper_thread, crash_highpage(), "local-sleeper");
	/* The report comes while we wait: kmap.local_sleep_ms is shorter. */
	msleep(2000);
}

static void *volatile local_addr;

static int local_owner_thread(void *arg)
{
	void *v = kmap_local_page(arg);

	local_addr = v;
	msleep(60000); /* switched out: its slot is cleared meanwhile */
	kunmap_local(v);
	return 0;
}

/* Another thread's kmap_local address: valid only in that thread. */
static void crash_kmap_local_other_thread(void)
{
	if (!needs(kmap_debug, "kmap.debug"))
		return;
	local_addr = NULL;
	kthread_run(local_owner_thread, crash_highpage(), "local-owner");
	while (!local_addr)
		msleep(10);
	msleep(50); /* it sleeps now, with its slot saved and cleared */
	printk("read 0x%x\n", *(volatile u32 *)local_addr);
}

struct crash_kind {
	const char *name;
	void (*fn)(void);
};

/* ---- lock misuse (kernel/spinlock.h, kernel/debug/lock_debug.c) ---- */

static DEFINE_SPINLOCK(crash_lock);
static DEFINE_SPINLOCK(crash_lock_b);
static volatile bool crash_lock_taken;

static void crash_lock_recursion(void)
{
	spin_lock(&crash_lock);
	spin_lock(&crash_lock);
}

/* Another CPU takes crash_lock and keeps it, interrupts off. */
static __noreturn int lock_holder_thread(void *arg)
{
	(void)arg;
	spin_lock_irq(&crash_lock);
	crash_lock_taken = true;
	for (;;)
		cpu_relax(); /* until the panic stops this CPU */
}

/* A thread on another CPU than ours holds crash_lock; false with one CPU. */
static bool lock_held_elsewhere(void)
{
	struct task_struct *task;
	unsigned int cpu;

	migrate_disable();
	cpu = (smp_processor_id() + 1) % NR_CPUS;
	while (!cpu_online(cpu))
		cpu = (cpu + 1) % NR_CPUS;
	if (cpu == smp_processor_id()) {
		migrate_enable();
		return false;
	}
	task = kthread_create(lock_holder_thread, NULL, "lock-holder");
	if (!task) {
		migrate_enable();
		return false;
	}
	kthread_bind(task, cpu);
	crash_lock_taken = false;
	wake_up_new_task(task);
	while (!crash_lock_taken)
		cpu_relax();
	return true; /* still migrate-disabled: we stay on our CPU */
}

static void crash_lock_bad_unlock(void)
{
	/* With one CPU: an unlock of a lock nobody holds. */
	if (lock_held_elsewhere())
		printk("crash: CPU %u unlocks crash_lock, which CPU %d holds\n",
		       smp_processor_id(), crash_lock.owner_cpu);
	spin_unlock(&crash_lock);
}

static void crash_lock_lockup(void)
{
	if (!needs(lock_debug, "lock_debug"))
		return;
	if (!lock_held_elsewhere()) {
		printk("crash: this needs a second CPU (boot with -smp 2 or "
		       "more)\n");
		return;
	}
	spin_lock(&crash_lock);
}

static void crash_sleep_with_spinlock(void)
{
	spin_lock(&crash_lock);
	msleep(1);
	spin_unlock(&crash_lock);
}

/* Take the two locks in one order, then in the other: lockdep objects. */
static void crash_lock_inversion(void)
{
	unsigned long flags;

	if (!needs(lock_debug, "lock_debug"))
		return;
	/*
	 * Interrupts off: a timer tick inside would add "crash_lock before
	 * timer_lock" to the order, in some runs and not in others.
	 */
	local_irq_save(flags);
	spin_lock(&crash_lock);
	spin_lock(&crash_lock_b);
	spin_unlock(&crash_lock_b);
	spin_unlock(&crash_lock);
	spin_lock(&crash_lock_b);
	spin_lock(&crash_lock);
	spin_unlock(&crash_lock);
	spin_unlock(&crash_lock_b);
	local_irq_restore(flags);
}

static const struct crash_kind crash_kinds[] = {
	{ "null", crash_null_read },
	{ "write-text", crash_write_text },
	{ "unmapped", crash_unmapped_read },
	{ "divide", crash_divide },
	{ "ud2", crash_invalid_opcode },
	{ "bug", crash_bug },
	{ "stack", crash_stack_overflow },
	{ "thread-stack", crash_thread_stack },
	{ "sleep-in-irq", crash_sleep_in_irq },
	{ "double-free", crash_double_free },
	{ "free-order", crash_free_wrong_order },
	{ "free-tail", crash_free_tail },
	{ "kmap-order", crash_kmap_order },
	{ "kmap-nest", crash_kmap_nest },
	{ "kunmap-unbalanced", crash_kunmap_unbalanced },
	{ "kmap-overrun", crash_kmap_overrun },
	{ "kmap-leak", crash_kmap_leak },
	{ "vmalloc-overrun", crash_vmalloc_overrun },
	{ "kfree-bad", crash_kfree_bad },
	{ "page-uaf", crash_page_uaf },
	{ "pagealloc-uaf", crash_pagealloc_uaf },
	{ "slab-overflow", crash_slab_overflow },
	{ "slab-uaf", crash_slab_uaf },
	{ "slab-double-free", crash_slab_double_free },
	{ "vfree-twice", crash_vfree_twice },
	{ "kmap-atomic-leak", crash_kmap_atomic_leak },
	{ "kmap-local-order", crash_kmap_local_order },
	{ "kmap-local-overrun", crash_kmap_local_overrun },
	{ "kmap-local-leak", crash_kmap_local_leak },
	{ "kmap-local-sleep", crash_kmap_local_sleep },
	{ "kmap-local-other-thread", crash_kmap_local_other_thread },
	{ "lock-recursion", crash_lock_recursion },
	{ "lock-bad-unlock", crash_lock_bad_unlock },
	{ "lock-lockup", crash_lock_lockup },
	{ "sleep-with-spinlock", crash_sleep_with_spinlock },
	{ "lock-inversion", crash_lock_inversion },
};

/* Do the crash of kind @name. Return: false if there is no such kind. */
static bool crash(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(crash_kinds); i++)
		if (strcmp(name, crash_kinds[i].name) == 0) {
			crash_kinds[i].fn();
			return true;
		}
	return false;
}

/* crash=KIND: fault on purpose once the rest of the boot work is done. */
static char crash_kind[CMDLINE_PATTERN_MAX];
BOOT_PARAM_PATTERN("crash", crash_kind,
		   "crash=KIND       fault on purpose after boot (see crash)");

static int crash_boot_work(void)
{
	if (crash_kind[0] && !crash(crash_kind)) {
		printk("crash=%s: no such kind (the shell's crash lists them)\n",
		       crash_kind);
		return 1;
	}
	return 0;
}
BOOT_WORK("crash", BOOT_WORK_CRASH, crash_boot_work);

static int cmd_crash(int argc, char **argv)
{
	if (argc == 2 && crash(argv[1]))
		return 0;
	printk("kinds:");
	for (size_t i = 0; i < ARRAY_SIZE(crash_kinds); i++)
		printk(" %s", crash_kinds[i].name);
	printk("\n");
	return shell_usage("crash");
}
SHELL_COMMAND("crash", "KIND", "fault on purpose to see the report",
	      cmd_crash);
