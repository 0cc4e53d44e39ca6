/* SPDX-License-Identifier: MIT */
/*
 * CPUs. Structures that Linux keeps per CPU are per CPU here too, sized
 * NR_CPUS, although only the boot CPU runs for now.
 */
#ifndef KERNEL_SMP_H
#define KERNEL_SMP_H

#include "kernel/config.h"

/**
 * smp_processor_id - the number of the CPU running this code
 *
 * Always 0 for now: only the boot CPU runs.
 * Context: any; the answer stays right only with preemption or
 * interrupts off (on more than one CPU).
 * Return: the CPU number.
 */
static inline unsigned int smp_processor_id(void)
{
	return 0;
}

#endif /* KERNEL_SMP_H */
