// SPDX-License-Identifier: MIT
/* Preemption counting (see kernel/preempt.h). */
#include "kernel/preempt.h"
#include "kernel/debug/panic.h"
#include "kernel/sched.h"
#include <asm/irqflags.h>

DEFINE_PER_CPU(unsigned int, preempt_count);
DEFINE_PER_CPU(unsigned int, hardirq_count);
DEFINE_PER_CPU(bool, need_resched);

void preempt_enable_no_resched(void)
{
	barrier();
	if (unlikely(this_cpu(preempt_count) == 0))
		panic("preempt_enable without a matching preempt_disable");
	this_cpu(preempt_count)--;
}

void preempt_enable_slow(void)
{
	if ((int)this_cpu(preempt_count) < 0)
		panic("preempt_enable without a matching preempt_disable");
	if (this_cpu(need_resched) && !in_interrupt() && !irqs_disabled())
		preempt_schedule();
}
