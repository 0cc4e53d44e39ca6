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

/*
 * The per-CPU preempt_count word holds the count in its low bits and,
 * in bit 31, the *absence* of a pending switch: the bit is set while
 * need_resched is false. So "the count reached zero and a switch is
 * due" is the whole word reaching zero, and preempt_enable() is one
 * decrement and one branch (Linux folds need_resched the same way on
 * x86). need_resched stays the flag every other reader looks at; the
 * bit is its copy, kept by the CPU itself: set_need_resched_local(),
 * clear_need_resched_local(), and fold_need_resched() at every
 * interrupt's exit for a flag another CPU set (resched_rq's IPI).
 */
#define PREEMPT_NEED_RESCHED 0x80000000u
/* A count this large is an underflow (more enables than disables). */
#define PREEMPT_COUNT_INSANE 0x40000000u

/**
 * preempt_count - this CPU's count of reasons not to switch threads
 *
 * Spinlocks held, kmap_atomic slots in use and explicit
 * preempt_disable() calls; interrupt nesting is counted apart.
 * Context: any. Return: the count; 0 means preemptible.
 */
static inline unsigned int preempt_count(void)
{
	return READ_ONCE(this_cpu(preempt_count)) & ~PREEMPT_NEED_RESCHED;
}

/**
 * preempt_disable - keep the running thread on this CPU until preempt_enable
 *
 * The tick still runs, but only records need_resched. One instruction,
 * so an interrupt cannot come between a load and a store of the count.
 * Context: any. Nests; each call needs its preempt_enable().
 */
static inline void preempt_disable(void)
{
	__asm__ __volatile__("incl %0" : "+m"(this_cpu(preempt_count)));
	barrier();
}

/**
 * preempt_enable_slow - the slow cases of preempt_enable
 *
 * The count is zero and a switch seemed due: switches, unless in an
 * interrupt or with interrupts off (then the switch waits for the next
 * preemption point). Also reports an underflow.
 * Context: called by preempt_enable() only.
 */
void preempt_enable_slow(void);

/**
 * preempt_underflow - panic: preempt_enable without preempt_disable
 *
 * Context: any. Never returns.
 */
__noreturn void preempt_underflow(void);

/**
 * preempt_enable - drop one preempt_disable, switching now if one is due
 *
 * If the count reaches zero and the tick asked for a switch meanwhile,
 * switch now: "decl; je" on the folded word. Inline: it is on every
 * spinlock's and kmap_atomic's fast path. A debug build checks for an
 * underflow here, naming the caller; otherwise the tick finds it
 * (preempt_check_sane), as the count then reads near 2^31.
 * Context: any; needs a matching preempt_disable().
 */
static inline void preempt_enable(void)
{
	bool zero;

	barrier();
#ifdef CONFIG_DEBUG
	if (unlikely(preempt_count() == 0))
		preempt_underflow();
#endif
	__asm__ __volatile__("decl %0"
			     : "+m"(this_cpu(preempt_count)), "=@ccz"(zero));
	if (unlikely(zero))
		preempt_enable_slow();
}

/**
 * set_need_resched_local - ask for a switch on this CPU at the next chance
 *
 * Context: interrupts off or in an interrupt (the tick, a wake-up).
 */
static inline void set_need_resched_local(void)
{
	this_cpu(need_resched) = true;
	__asm__ __volatile__("andl %1, %0"
			     : "+m"(this_cpu(preempt_count))
			     : "ri"(~PREEMPT_NEED_RESCHED));
}

/**
 * clear_need_resched_local - the switch asked for is being made
 *
 * Context: __schedule() or the idle loop, interrupts off.
 */
static inline void clear_need_resched_local(void)
{
	this_cpu(need_resched) = false;
	__asm__ __volatile__("orl %1, %0"
			     : "+m"(this_cpu(preempt_count))
			     : "ri"(PREEMPT_NEED_RESCHED));
}

/**
 * fold_need_resched - copy a need_resched another CPU set into the count
 *
 * Context: an interrupt's exit, interrupts off.
 */
static inline void fold_need_resched(void)
{
	if (this_cpu(need_resched))
		__asm__ __volatile__("andl %1, %0"
				     : "+m"(this_cpu(preempt_count))
				     : "ri"(~PREEMPT_NEED_RESCHED));
}

/**
 * preempt_check_sane - panic if the preemption count underflowed
 *
 * Called by the tick: without a debug build, an unmatched
 * preempt_enable() is found here, within a tick.
 * Context: the timer interrupt.
 */
static inline void preempt_check_sane(void)
{
	if (unlikely(preempt_count() >= PREEMPT_COUNT_INSANE))
		preempt_underflow();
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
