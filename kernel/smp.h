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

/**
 * smp_init - find the CPUs, set up the APICs, start the other CPUs
 *
 * Without APICs (none, noapic, or none described) the kernel stays on
 * the boot CPU with the 8259s and the PIT. Context: the main thread,
 * once, interrupts on (the PIT measures the APIC timer).
 */
void smp_init(void);

#endif /* KERNEL_SMP_H */
