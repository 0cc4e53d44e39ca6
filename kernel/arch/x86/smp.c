// SPDX-License-Identifier: MIT
/*
 * Inter-processor interrupts: how one CPU makes others do something.
 *
 *   - RESCHEDULE_VECTOR: "look at your run queue" (the handler does
 *     nothing; the return from the interrupt reschedules);
 *   - CALL_FUNCTION_VECTOR: "run the functions in your call queue", for
 *     smp_call_function_many() and the TLB shootdowns built on it;
 *   - an NMI to every other CPU: "stop", for panic (an NMI arrives even
 *     with interrupts off, where a stuck CPU usually is).
 *
 * A call is synchronous: the caller queues one entry per target CPU on
 * its own stack, sends the IPIs and waits until every target has run
 * the function. Each CPU's call queue is guarded by its lock
 * (interrupts off).
 *
 * Two kinds of call. An ordinary one (smp_call_function_many) may take
 * locks, so its caller must have interrupts on: a target spinning with
 * interrupts off on a lock the caller holds would never take the IPI.
 * A lock-free one (smp_call_function_many_lockfree, for the TLB
 * shootdowns) may be sent from any context, because a CPU that waits
 * with interrupts off, for a spinlock or for its own calls, runs the
 * lock-free calls queued for it while it waits: nobody can deadlock
 * with a shootdown.
 */
#define pr_fmt(fmt) "smp: " fmt

#include "kernel/seq_file.h"
#include "kernel/debug/panic.h"
#include "kernel/irq.h"
#include "kernel/lib/list.h"
#include "kernel/printk.h"
#include "kernel/smp.h"
#include "kernel/preempt.h"
#include <asm/spinlock.h>
#include <asm/apic.h>
#include <asm/atomic.h>
#include <asm/cpu.h>
#include <asm/hardirq.h>
#include <asm/irqflags.h>

struct call_entry {
	struct list_head node;
	smp_call_func_t func;
	void *info;
	atomic_t *pending; /* the caller's count of calls not yet run */
	bool lockfree;	   /* may run inside a spin-wait */
};

struct call_queue {
	arch_spinlock_t lock;
	struct list_head entries;
};

static DEFINE_PER_CPU(struct call_queue, call_queue);
DEFINE_PER_CPU(struct irq_cpustat, irq_stat);

/* Each CPU's local APIC id, for the IPIs (smpboot.c fills it in). */
u8 cpu_apic_id[NR_CPUS];

void smp_ipi_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct call_queue *q = &per_cpu(call_queue, cpu);

		q->lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
		INIT_LIST_HEAD(&q->entries);
	}
}

/* Interrupts are off wherever a call queue is locked. */
static void call_queue_lock(struct call_queue *q)
{
	u16 ticket = arch_spin_ticket(&q->lock);

	while (!arch_spin_served(&q->lock, ticket))
		cpu_relax();
}

static void call_queue_unlock(struct call_queue *q)
{
	arch_spin_unlock(&q->lock);
}

void smp_send_reschedule(unsigned int cpu)
{
	if (cpu_online(cpu) && lapic_enabled)
		lapic_send_ipi(cpu_apic_id[cpu],
			       APIC_DM_FIXED | RESCHEDULE_VECTOR);
}

/*
 * Run the calls queued for this CPU (only the lock-free ones if
 * @lockfree_only). Interrupts off. The queue's lock is a bare ticket
 * lock: this runs inside spin_lock's own wait loop.
 */
static void run_call_queue(bool lockfree_only)
{
	struct call_queue *q = this_cpu_ptr(call_queue);
	struct call_entry *e, *next;
	LIST_HEAD(todo);

	if (list_empty(&q->entries))
		return;
	call_queue_lock(q);
	list_for_each_entry_safe(e, next, &q->entries, node)
		if (e->lockfree || !lockfree_only)
			list_move_tail(&e->node, &todo);
	call_queue_unlock(q);
	while (!list_empty(&todo)) {
		struct call_entry *call =
			list_first_entry(&todo, struct call_entry, node);
		smp_call_func_t func = call->func;
		void *info = call->info;
		atomic_t *pending = call->pending;

		list_del(&call->node);
		func(info);
		/* Last touch of the entry: the caller's stack may go now. */
		atomic_dec(pending);
	}
}

void smp_call_function_interrupt(void)
{
	this_cpu(irq_stat).call_function++;
	run_call_queue(false);
}

void smp_poll_lockfree_calls(void)
{
	run_call_queue(true);
}

/* Queue @func on the CPUs of @mask, send the IPIs, wait for them all. */
static void call_many(u32 mask, smp_call_func_t func, void *info,
		      bool lockfree)
{
	struct call_entry entries[NR_CPUS];
	atomic_t pending = ATOMIC_INIT(0);
	unsigned long flags;
	bool irqs_were_off = irqs_disabled();
	unsigned int cpu, me;

	local_irq_save(flags);
	me = smp_processor_id();
	mask &= cpu_online_mask & ~(1u << me);
	if (!lapic_enabled)
		mask = 0;
	for_each_online_cpu(cpu) {
		struct call_queue *q = &per_cpu(call_queue, cpu);

		if (!(mask & (1u << cpu)))
			continue;
		entries[cpu] = (struct call_entry){ .func = func,
						    .info = info,
						    .pending = &pending,
						    .lockfree = lockfree };
		atomic_inc(&pending);
		call_queue_lock(q);
		list_add_tail(&entries[cpu].node, &q->entries);
		call_queue_unlock(q);
		lapic_send_ipi(cpu_apic_id[cpu],
			       APIC_DM_FIXED | CALL_FUNCTION_VECTOR);
	}
	local_irq_restore(flags);
	/*
	 * With interrupts on, calls for this CPU arrive as interrupts
	 * meanwhile; with them off, run the lock-free ones by hand.
	 */
	while (atomic_read(&pending)) {
		if (irqs_were_off)
			run_call_queue(true);
		cpu_relax();
	}
}

void smp_call_function_many(u32 mask, smp_call_func_t func, void *info)
{
	if (irqs_disabled() && num_online_cpus() > 1)
		panic("smp_call_function_many(%pS) with interrupts off: a CPU "
		      "spinning on a lock held here would never answer",
		      (void *)func);
	call_many(mask, func, info, false);
}

void smp_call_function_many_lockfree(u32 mask, smp_call_func_t func,
				     void *info)
{
	call_many(mask, func, info, true);
}

void smp_call_function_single(unsigned int cpu, smp_call_func_t func,
			      void *info)
{
	unsigned long flags;

	if (!cpu_online(cpu))
		panic("smp_call_function_single: CPU %u is not online", cpu);
	preempt_disable();
	if (cpu == smp_processor_id()) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	} else {
		smp_call_function_many(1u << cpu, func, info);
	}
	preempt_enable();
}

void on_each_cpu(smp_call_func_t func, void *info)
{
	unsigned long flags;

	smp_call_function_many(cpu_online_mask, func, info);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

void stop_this_cpu(void)
{
	local_irq_disable();
	__atomic_fetch_and(&cpu_online_mask, ~(1u << smp_processor_id()),
			   __ATOMIC_SEQ_CST);
	for (;;)
		halt();
}

void smp_send_stop(void)
{
	if (!lapic_enabled || num_online_cpus() <= 1)
		return;
	lapic_send_ipi(0, APIC_DEST_ALLBUT | APIC_DM_NMI);
}

bool nmi_stop_requested(void)
{
	int panicking = READ_ONCE(panic_cpu);

	this_cpu(irq_stat).nmi++;
	return panicking >= 0 && panicking != (int)smp_processor_id();
}

/* One row of `interrupts`: @name's count on every online CPU. */
static void show_irq_stat_row(struct seq_file *m, const char *name,
			      size_t offset, const char *what)
{
	unsigned int cpu;

	seq_printf(m, "%3s:", name);
	for_each_online_cpu(cpu) {
		const char *stat = (const char *)&per_cpu(irq_stat, cpu);

		seq_printf(m, " %10lu",
			   READ_ONCE(*(const unsigned long *)(stat + offset)));
	}
	seq_printf(m, "  %s\n", what);
}

unsigned long long arch_irq_count_sum(void)
{
	unsigned long long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		const struct irq_cpustat *s = &per_cpu(irq_stat, cpu);

		sum += READ_ONCE(s->nmi) + READ_ONCE(s->local_timer) +
		       READ_ONCE(s->spurious) + READ_ONCE(s->error) +
		       READ_ONCE(s->resched) + READ_ONCE(s->call_function);
	}
	return sum;
}

void arch_show_interrupts(struct seq_file *m)
{
	show_irq_stat_row(m, "NMI", offsetof(struct irq_cpustat, nmi),
			  "Non-maskable interrupts");
	show_irq_stat_row(m, "LOC", offsetof(struct irq_cpustat, local_timer),
			  "Local timer interrupts");
	show_irq_stat_row(m, "SPU", offsetof(struct irq_cpustat, spurious),
			  "Spurious interrupts");
	show_irq_stat_row(m, "ERR", offsetof(struct irq_cpustat, error),
			  "APIC error interrupts");
	show_irq_stat_row(m, "RES", offsetof(struct irq_cpustat, resched),
			  "Rescheduling interrupts");
	show_irq_stat_row(m, "CAL", offsetof(struct irq_cpustat, call_function),
			  "Function call interrupts");
	show_irq_stat_row(m, "TLB", offsetof(struct irq_cpustat, tlb_shootdown),
			  "TLB shootdowns");
}
