/* SPDX-License-Identifier: MIT */
/*
 * CPUs. Structures that Linux keeps per CPU are per CPU here too, sized
 * NR_CPUS, although only the boot CPU runs for now.
 */
#ifndef KERNEL_SMP_H
#define KERNEL_SMP_H

#include "kernel/config.h"

/* The number of the CPU running this code. */
static inline unsigned int smp_processor_id(void)
{
	return 0;
}

#endif /* KERNEL_SMP_H */
