// SPDX-License-Identifier: MIT
/* Allocation fault injection (see mm/fault_inject.h). */
#define pr_fmt(fmt) "fault_inject: " fmt

#include "mm/fault_inject.h"
#include "kernel/cmdline.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "mm/gfp.h"
#include "kernel/spinlock.h"
#include <asm/irqflags.h>

struct fault_attr fail_page_alloc = { "fail_page_alloc", 0, 0, 0 };
struct fault_attr failslab = { "failslab", 0, 0, 0 };

/*
 * Off until the boot work starts; paused while in-kernel tests run.
 * fault_lock (interrupts off: allocations in IRQs count too) guards the
 * pause depth and each fault_attr's count and injected: every CPU's
 * allocations share one "every Nth".
 */
static bool fault_inject_started;
static unsigned int fault_inject_paused; /* fault_lock */
static DEFINE_SPINLOCK(fault_lock);

static unsigned long fail_page_alloc_every, failslab_every;
BOOT_PARAM_COUNT("fail_page_alloc", fail_page_alloc_every,
		 "fail_page_alloc=N every Nth page allocation fails");
BOOT_PARAM_COUNT("failslab", failslab_every,
		 "failslab=N       every Nth slab allocation fails");

void fault_inject_init(void)
{
	fail_page_alloc.interval = fail_page_alloc_every;
	failslab.interval = failslab_every;
	if (fail_page_alloc.interval)
		pr_info("1 in %lu page allocations after boot fails\n",
			fail_page_alloc.interval);
	if (failslab.interval)
		pr_info("1 in %lu slab allocations after boot fails\n",
			failslab.interval);
}

void fault_inject_start(void)
{
	WRITE_ONCE(fault_inject_started, true);
}

void fault_inject_pause(void)
{
	unsigned long flags;

	spin_lock_irqsave(&fault_lock, flags);
	fault_inject_paused++;
	spin_unlock_irqrestore(&fault_lock, flags);
}

void fault_inject_resume(void)
{
	unsigned long flags;

	spin_lock_irqsave(&fault_lock, flags);
	if (fault_inject_paused)
		fault_inject_paused--;
	spin_unlock_irqrestore(&fault_lock, flags);
}

bool fault_inject_active(void)
{
	return (fail_page_alloc.interval || failslab.interval) &&
	       READ_ONCE(fault_inject_started) && !READ_ONCE(fault_inject_paused);
}

bool should_fail(struct fault_attr *attr, gfp_t gfp)
{
	unsigned long flags;
	bool fail;

	if (!attr->interval || !fault_inject_active() ||
	    (gfp & __GFP_NOFAULTINJ))
		return false;
	spin_lock_irqsave(&fault_lock, flags);
	fail = ++attr->count % attr->interval == 0;
	if (fail)
		attr->injected++;
	spin_unlock_irqrestore(&fault_lock, flags);
	return fail;
}
