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

/**
 * preempt_count - this CPU's count of reasons not to switch threads
 *
 * Spinlocks held, kmap_atomic slots in use and explicit
 * preempt_disable() calls; interrupt nesting is counted apart.
 * Context: any. Return: the count; 0 means preemptible.
 */
static inline unsigned int preempt_count(void)
{
	return READ_ONCE(this_cpu(preempt_count));
}

/**
 * preempt_disable - keep the running thread on this CPU until preempt_enable
 *
 * The tick still runs, but only records need_resched.
 * Context: any. Nests; each call needs its preempt_enable().
 */
static inline void preempt_disable(void)
{
	this_cpu(preempt_count)++;
	barrier();
}

/**
 * preempt_enable_slow - the slow cases of preempt_enable
 *
 * Panics on an underflow (more enables than disables); otherwise
 * switches if a switch is due, unless in an interrupt or with
 * interrupts off (then the switch waits for the next preemption point).
 * Context: called by preempt_enable() only.
 */
void preempt_enable_slow(void);

/**
 * preempt_enable - drop one preempt_disable, switching now if one is due
 *
 * If the count reaches zero and the tick asked for a switch meanwhile,
 * switch now. Inline: it is on every spinlock's and kmap_atomic's fast
 * path.
 * Context: any; panics without a matching preempt_disable().
 */
static inline void preempt_enable(void)
{
	unsigned int count;

	barrier();
	count = --this_cpu(preempt_count);
	if (unlikely(count == 0 ? this_cpu(need_resched) : (int)count < 0))
		preempt_enable_slow();
}

/**
 * preempt_enable_no_resched - preempt_enable without the reschedule
 *
 * For code that must not switch at this point; a pending switch waits
 * for the next preemption point.
 * Context: any; panics without a matching preempt_disable().
 */
void preempt_enable_no_resched(void);

/**
 * in_interrupt - is this CPU running a hardware interrupt handler?
 *
 * Kernel timer functions run from the tick, so they count too.
 * Context: any. Return: true inside an IRQ handler.
 */
static inline bool in_interrupt(void)
{
	return READ_ONCE(this_cpu(hardirq_count)) != 0;
}

/**
 * in_atomic - is sleeping forbidden here?
 *
 * True in an IRQ handler, with preemption off or a spinlock held. It
 * does not look at the interrupt flag: might_sleep() checks
 * irqs_disabled() as well.
 * Context: any. Return: true if the caller must not sleep.
 */
static inline bool in_atomic(void)
{
	return preempt_count() != 0 || in_interrupt();
}

#endif /* KERNEL_PREEMPT_H */
