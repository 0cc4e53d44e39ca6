// SPDX-License-Identifier: MIT
/*
 * kmap_local across context switches, and what kmap.debug adds to the
 * slots that kmap_local and kmap_atomic share.
 *
 * A thread that holds kmap_local slots may be preempted or sleep. When
 * it is switched out, every slot in use on its CPU is its own: a
 * kmap_atomic section cannot be switched out (preemption is off), and an
 * interrupt gives its slots back before it returns. So the switch saves
 * the PTEs of slots 0..n-1 in the thread's kmap_ctrl, clears them and
 * drops them from this CPU's TLB; the thread switched in writes its own
 * saved PTEs back into the same slots, which no TLB holds (they were
 * not present). The scheduler does not move a thread whose slots are
 * saved (task_pinned), so the addresses it holds stay right. This is
 * Linux's __kmap_local_sched_out/in, which pins with migrate_disable
 * instead: here the saved count is the pin, and kmap_local_page costs
 * no count of its own.
 *
 * kmap.debug also records, for each slot, who made its last mapping
 * (thread, kind, page), so that a fault on a slot address can say whose
 * mapping it was; and a watchdog reports a thread that has slept longer
 * than kmap.local_sleep_ms while holding kmap_local mappings.
 */
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "kernel/cmdline.h"
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "kernel/lib/string.h"
#include "kernel/timer.h"
#include <asm/tlbflush.h>

void __kmap_local_sched_out(struct task_struct *prev)
{
	unsigned int cpu = smp_processor_id();
	int n = kmap_atomic_depth();
	struct kmap_ctrl *kc = &prev->kmap_ctrl;

	for (int idx = 0; idx < n; idx++) {
		pteval_t *pte = kmap_slot_pte(cpu, idx);

		kc->pteval[idx] = *pte;
		pte_clear(pte);
		invlpg(kmap_slot_vaddr(cpu, idx));
	}
	kc->cpu = cpu;
	if (prev->state == TASK_SLEEPING) {
		kc->slept_at = get_jiffies_64();
		kc->reported = false;
	}
	barrier();
	kc->nr = n;
	/* No slot taken, the mode's bit kept. */
	this_cpu(kmap_top) = (this_cpu(kmap_cpu_vaddr) + PAGE_SIZE) |
			     (this_cpu(kmap_top) & 1);
}

void __kmap_local_sched_in(struct task_struct *next)
{
	unsigned int cpu = smp_processor_id();
	struct kmap_ctrl *kc = &next->kmap_ctrl;

	if (unlikely(kc->cpu != cpu))
		panic("thread %s (pid %d) holds %d kmap_local slots of CPU %u "
		      "but runs on CPU %u: it migrated inside migrate_disable",
		      next->comm, next->pid, kc->nr, kc->cpu, cpu);
	for (int idx = 0; idx < kc->nr; idx++) {
		set_pte(kmap_slot_pte(cpu, idx), kc->pteval[idx]);
		if (kmap_debug)
			kmap_slot_owner_set(cpu, idx, next, true);
	}
	this_cpu(kmap_top) = (this_cpu(kmap_cpu_vaddr) + PAGE_SIZE -
			      ((unsigned long)kc->nr << PAGE_SHIFT)) |
			     (this_cpu(kmap_top) & 1);
	barrier();
	kc->nr = 0;
}

/* ---- kmap.debug: who made each slot's mapping ---- */

struct kmap_slot_owner {
	int pid;
	char comm[TASK_COMM_LEN];
	unsigned long pfn;
	bool local;	/* kmap_local, else kmap_atomic */
	bool irq;	/* made by an interrupt handler */
};

/* Written by the slot's own CPU only; fault reports read a snapshot. */
static struct kmap_slot_owner slot_owner[NR_CPUS][KM_MAX_IDX];

void kmap_slot_owner_set(unsigned int cpu, int idx, struct task_struct *task,
			 bool local)
{
	struct kmap_slot_owner *o = &slot_owner[cpu][idx];

	o->pid = task->pid;
	strlcpy(o->comm, task->comm, sizeof(o->comm));
	o->pfn = pte_pfn(*kmap_slot_pte(cpu, idx));
	o->local = local;
	o->irq = in_interrupt();
}

void kmap_slot_record(int idx, bool local)
{
	kmap_slot_owner_set(smp_processor_id(), idx, current, local);
}

bool kmap_slot_owner_known(unsigned int cpu, int idx)
{
	return kmap_debug && cpu < NR_CPUS && idx >= 0 && idx < KM_MAX_IDX &&
	       slot_owner[cpu][idx].comm[0];
}

const char *kmap_slot_kind(unsigned int cpu, int idx)
{
	if (!kmap_slot_owner_known(cpu, idx))
		return "kmap_local/kmap_atomic";
	return slot_owner[cpu][idx].local ? "kmap_local" : "kmap_atomic";
}

void kmap_slot_describe(unsigned int cpu, int idx)
{
	const struct kmap_slot_owner *o;
	bool mapped, mine;

	if (!kmap_slot_owner_known(cpu, idx))
		return;
	o = &slot_owner[cpu][idx];
	mapped = *kmap_slot_pte(cpu, idx) & _PAGE_PRESENT;
	printk("#PF: the slot's last mapping (kmap.debug): %s of pfn 0x%lx by "
	       "%s %s (pid %d); %s\n", o->local ? "kmap_local_page" :
	       "kmap_atomic", o->pfn, o->irq ? "an interrupt in" : "thread",
	       o->comm, o->pid, mapped ? "still mapped" : "not mapped now");
	mine = cpu == smp_processor_id() && o->pid == current->pid &&
	       idx < kmap_atomic_depth();
	if (o->local && !mine)
		printk("#PF: a kmap_local address used by %s (pid %d) on CPU "
		       "%u, outside the thread that made it: the mapping is "
		       "valid only in thread %s (pid %d), on CPU %u\n",
		       current->comm, current->pid, smp_processor_id(),
		       o->comm, o->pid, cpu);
}

void kmap_slot_describe_owner(unsigned long vaddr)
{
	int cpu, idx;

	if (kmap_atomic_describe(vaddr, &cpu, &idx))
		kmap_slot_describe((unsigned int)cpu, idx);
}

/* ---- kmap.debug: a thread asleep with kmap_local mappings held ---- */

#define DEFAULT_SLEEP_MS 5000
static unsigned long local_sleep_ms;
BOOT_PARAM_COUNT("kmap.local_sleep_ms", local_sleep_ms,
		 "kmap.local_sleep_ms=N  kmap.debug: report a thread asleep "
		 "this long with kmap_local mappings (5000)");

static struct timer_list watchdog;
static bool watchdog_started;

static void report_sleeper(struct task_struct *t, void *arg)
{
	const struct kmap_ctrl *kc = &t->kmap_ctrl;
	u64 now = *(const u64 *)arg;
	u64 limit = msecs_to_jiffies(local_sleep_ms ? (unsigned int)local_sleep_ms
						    : DEFAULT_SLEEP_MS);
	int n = READ_ONCE(kc->nr);

	/* A snapshot without the thread's run queue: a debug report. */
	if (!n || READ_ONCE(t->state) != TASK_SLEEPING || kc->reported ||
	    now - kc->slept_at < limit)
		return;
	t->kmap_ctrl.reported = true;
	printk("BUG: kmap_local: thread %s (pid %d) has slept %llu ms holding "
	       "%d kmap_local mappings on CPU %u:\n", t->comm, t->pid,
	       (unsigned long long)((now - kc->slept_at) * 1000 / HZ), n,
	       kc->cpu);
	for (int idx = 0; idx < n && idx < KM_MAX_IDX; idx++)
		printk("  slot %d at 0x%08lx maps pfn 0x%lx\n", idx,
		       kmap_slot_vaddr(kc->cpu, idx), pte_pfn(kc->pteval[idx]));
	printk("kmap_local mappings are for short sections; a mapping held "
	       "across long sleeps is kmap()'s job\n");
}

static void watchdog_fn(struct timer_list *timer)
{
	u64 now = get_jiffies_64();

	if (kmap_debug) /* tests switch it off and on again */
		for_each_task(report_sleeper, &now);
	timer->expires = now + HZ / 4;
	add_timer(timer);
}

void kmap_local_watchdog_start(void)
{
	if (!kmap_debug || watchdog_started)
		return;
	watchdog_started = true;
	timer_setup(&watchdog, watchdog_fn);
	watchdog.expires = get_jiffies_64() + HZ / 4;
	add_timer(&watchdog);
}
