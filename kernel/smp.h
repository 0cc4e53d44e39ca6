/* SPDX-License-Identifier: MIT */
/*
 * CPUs: which exist and run, and which one is this. CPU 0 is the one
 * that booted; the others are numbered as smp_init starts them.
 */
#ifndef KERNEL_SMP_H
#define KERNEL_SMP_H

#include "kernel/config.h"
#include "kernel/lib/types.h"
#include "kernel/percpu.h"

DECLARE_PER_CPU(unsigned int, cpu_number);

/* The CPUs that run: bit n for CPU n. */
extern volatile u32 cpu_online_mask;

/**
 * smp_processor_id - the number of the CPU running this code
 *
 * Context: any; the answer stays right only with preemption or
 * interrupts off (the thread may move to another CPU otherwise).
 * Return: the CPU number, 0 to NR_CPUS - 1.
 */
static inline unsigned int smp_processor_id(void)
{
	return this_cpu(cpu_number);
}

/**
 * cpu_online - is CPU @cpu running?
 * @cpu: a CPU number
 *
 * Context: any. Return: true if it is.
 */
static inline bool cpu_online(unsigned int cpu)
{
	return cpu < NR_CPUS && (cpu_online_mask & (1u << cpu));
}

/**
 * num_online_cpus - how many CPUs run
 *
 * Context: any. Return: the count (1 before smp_init).
 */
static inline unsigned int num_online_cpus(void)
{
	return (unsigned int)__builtin_popcount(cpu_online_mask);
}

#define for_each_online_cpu(cpu)                       \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)      \
		if (cpu_online(cpu))

/**
 * smp_init - find the CPUs, set up the APICs, start the other CPUs
 *
 * Without APICs (none, noapic, or none described) the kernel stays on
 * the boot CPU with the 8259s and the PIT. Context: the main thread,
 * once, interrupts on (the PIT measures the APIC timer).
 */
void smp_init(void);

#endif /* KERNEL_SMP_H */
