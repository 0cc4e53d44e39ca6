// SPDX-License-Identifier: MIT
/* Preemption counting (see kernel/preempt.h). */
#include "kernel/preempt.h"
#include "kernel/panic.h"

unsigned int preempt_count_value;

void preempt_enable(void)
{
	barrier();
	if (unlikely(preempt_count_value == 0))
		panic("preempt_enable without a matching preempt_disable");
	preempt_count_value--;
}
