/* SPDX-License-Identifier: MIT */
/*
 * Preemption control and the execution contexts.
 *
 * preempt_count counts the reasons the running thread must not be
 * switched away from (spinlocks held, kmap_atomic slots in use, explicit
 * preempt_disable). Interrupt nesting is counted in hardirq_count. Both
 * are per CPU. The timer interrupt preempts a thread only when both are
 * zero; preempt_enable() reschedules at once if the tick asked for it
 * meanwhile.
 */
#ifndef KERNEL_PREEMPT_H
#define KERNEL_PREEMPT_H

#include "kernel/lib/compiler.h"
#include "kernel/percpu.h"

DECLARE_PER_CPU(unsigned int, preempt_count);
DECLARE_PER_CPU(unsigned int, hardirq_count);
DECLARE_PER_CPU(bool, need_resched);

static inline unsigned int preempt_count(void)
{
	return READ_ONCE(this_cpu(preempt_count));
}

/* Context: any. Nests; each call needs its preempt_enable(). */
static inline void preempt_disable(void)
{
	this_cpu(preempt_count)++;
	barrier();
}

/* The slow cases of preempt_enable: a switch is due, or an underflow. */
void preempt_enable_slow(void);

/*
 * preempt_enable - drop one preempt_disable; if the count reaches zero
 * and the tick asked for a switch meanwhile, switch now. Inline: it is
 * on every spinlock's and kmap_atomic's fast path.
 * Context: any.
 */
static inline void preempt_enable(void)
{
	unsigned int count;

	barrier();
	count = --this_cpu(preempt_count);
	if (unlikely(count == 0 ? this_cpu(need_resched) : (int)count < 0))
		preempt_enable_slow();
}

/* Like preempt_enable, without the reschedule (for code that cannot). */
void preempt_enable_no_resched(void);

/* True in a hardware interrupt handler. */
static inline bool in_interrupt(void)
{
	return READ_ONCE(this_cpu(hardirq_count)) != 0;
}

/* True where sleeping is forbidden: IRQ, preemption off or a spinlock. */
static inline bool in_atomic(void)
{
	return preempt_count() != 0 || in_interrupt();
}

#endif /* KERNEL_PREEMPT_H */
