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

typedef void (*smp_call_func_t)(void *info);

/**
 * smp_ipi_init - set up the per-CPU call queues
 *
 * Context: boot, after setup_per_cpu_areas, before any IPI.
 */
void smp_ipi_init(void);

/**
 * smp_call_function_many - run @func(@info) on the CPUs in @mask, and wait
 * @mask: CPUs (bit n: CPU n); this CPU and offline ones are left out
 * @func: runs in interrupt context on each, interrupts off; must not sleep
 * @info: passed to @func
 *
 * Returns when every target has run @func. The caller must have
 * interrupts on (panics otherwise: a target spinning with interrupts
 * off on a lock the caller holds would never answer), and must not hold
 * a lock that @func takes.
 * Context: thread or IRQ with interrupts on; preemption may be off.
 */
void smp_call_function_many(u32 mask, smp_call_func_t func, void *info);

/**
 * smp_call_function_many_lockfree - the same for a @func that takes no lock
 * @mask: CPUs (bit n: CPU n); this CPU and offline ones are left out
 * @func: takes no lock, touches no shared state but its own @info (a
 *        TLB flush); runs in interrupt context or inside a spin-wait
 * @info: passed to @func
 *
 * A CPU that waits with interrupts off (for a spinlock, for its own
 * calls) runs these meanwhile, so this may be called from any context,
 * spinlocks held and interrupts off included.
 * Context: any but NMI.
 */
void smp_call_function_many_lockfree(u32 mask, smp_call_func_t func,
				     void *info);

/**
 * smp_poll_lockfree_calls - run the lock-free calls queued for this CPU
 *
 * For wait loops that spin with interrupts off (spinlocks): the TLB
 * shootdowns that other CPUs wait for get done meanwhile.
 * Context: interrupts off.
 */
void smp_poll_lockfree_calls(void);

/**
 * smp_call_function_single - run @func(@info) on CPU @cpu, and wait
 * @cpu: an online CPU, this one included (then it is a plain call,
 *       with interrupts off)
 * @func: as for smp_call_function_many
 * @info: passed to @func
 *
 * Context: as smp_call_function_many; panics if @cpu is not online.
 */
void smp_call_function_single(unsigned int cpu, smp_call_func_t func,
			      void *info);

/**
 * on_each_cpu - run @func(@info) on every online CPU, this one too
 * @func: as for smp_call_function_many; here too with interrupts off
 * @info: passed to @func
 *
 * Context: as smp_call_function_many.
 */
void on_each_cpu(smp_call_func_t func, void *info);

/**
 * smp_send_reschedule - make CPU @cpu look at its run queue
 * @cpu: another online CPU
 *
 * The caller has set that CPU's need_resched. Context: any.
 */
void smp_send_reschedule(unsigned int cpu);

/**
 * smp_call_function_interrupt - the CALL_FUNCTION_VECTOR handler
 *
 * Context: the IPI, interrupts off.
 */
void smp_call_function_interrupt(void);

/**
 * nmi_stop_requested - is this NMI another CPU's panic stopping this one?
 *
 * Counts the NMI. Context: the NMI handler.
 * Return: true if this CPU must stop (stop_this_cpu()).
 */
bool nmi_stop_requested(void);

#endif /* KERNEL_SMP_H */
