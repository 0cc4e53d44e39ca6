// SPDX-License-Identifier: MIT
/* Preemption counting (see kernel/preempt.h). */
#include "kernel/preempt.h"
#include "kernel/debug/panic.h"
#include "kernel/sched.h"
#include <asm/irqflags.h>

/* Count 0, no switch pending (see PREEMPT_NEED_RESCHED). */
DEFINE_PER_CPU_INIT(unsigned int, preempt_count, PREEMPT_NEED_RESCHED);
DEFINE_PER_CPU(unsigned int, hardirq_count);
DEFINE_PER_CPU(bool, need_resched);

void preempt_underflow(void)
{
	panic("preempt_enable without a matching preempt_disable "
	      "(preempt_count 0x%x)", this_cpu(preempt_count));
}

void preempt_enable_no_resched(void)
{
	barrier();
	if (unlikely(preempt_count() == 0))
		preempt_underflow();
	__asm__ __volatile__("decl %0" : "+m"(this_cpu(preempt_count)));
}

void preempt_enable_slow(void)
{
	if (!this_cpu(need_resched)) {
		/* A stale bit: the switch it asked for was made. */
		clear_need_resched_local();
		return;
	}
	if (!in_interrupt() && !irqs_disabled())
		preempt_schedule();
}
