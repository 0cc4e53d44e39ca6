/* SPDX-License-Identifier: MIT */
/*
 * Preemption control. preempt_count counts the reasons the running
 * thread must not be switched away from (spinlocks held, kmap_atomic
 * slots in use, explicit preempt_disable). Interrupt nesting is counted
 * separately (hardirq_depth, kernel/irq.h).
 */
#ifndef KERNEL_PREEMPT_H
#define KERNEL_PREEMPT_H

#include "kernel/compiler.h"

extern unsigned int preempt_count_value;

static inline unsigned int preempt_count(void)
{
	return READ_ONCE(preempt_count_value);
}

/* Context: any. Nests; each call needs its preempt_enable(). */
static inline void preempt_disable(void)
{
	preempt_count_value++;
	barrier();
}

void preempt_enable(void);

#endif /* KERNEL_PREEMPT_H */
