// SPDX-License-Identifier: MIT
/* Allocation fault injection (see mm/fault_inject.h). */
#define pr_fmt(fmt) "fault_inject: " fmt

#include "mm/fault_inject.h"
#include "kernel/cmdline.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "mm/gfp.h"
#include <asm/irqflags.h>

struct fault_attr fail_page_alloc = { "fail_page_alloc", 0, 0, 0 };
struct fault_attr failslab = { "failslab", 0, 0, 0 };

void fault_inject_init(void)
{
	fail_page_alloc.interval = boot_options.fail_page_alloc;
	failslab.interval = boot_options.failslab;
	if (fail_page_alloc.interval)
		pr_info("every %lu-th page allocation after boot fails\n",
			fail_page_alloc.interval);
	if (failslab.interval)
		pr_info("every %lu-th slab allocation after boot fails\n",
			failslab.interval);
}

bool should_fail(struct fault_attr *attr, gfp_t gfp)
{
	unsigned long flags;
	bool fail;

	if (!attr->interval || system_state != SYSTEM_RUNNING ||
	    (gfp & __GFP_NOFAULTINJ))
		return false;
	local_irq_save(flags);
	fail = ++attr->count % attr->interval == 0;
	if (fail)
		attr->injected++;
	local_irq_restore(flags);
	return fail;
}
