// SPDX-License-Identifier: MIT
/* The memory manager's event counters (see mm/vmstat.h). */
#include "mm/vmstat.h"
#include "mm/mmzone.h"
#include "kernel/seq_file.h"
#include "kernel/printk.h"
#include "kernel/smp.h"
#include <asm/tlbflush.h>

DEFINE_PER_CPU(struct vm_event_state, vm_event_states);
/* Counted by asm/tlbflush.h on every flush; kept here with the events. */
DEFINE_PER_CPU(struct tlb_flush_stat, tlb_flush_stat);

static const char *const vm_event_names[NR_VM_EVENT_ITEMS] = {
	[PGALLOC_DMA] = "pgalloc_dma",
	[PGALLOC_NORMAL] = "pgalloc_normal",
	[PGALLOC_HIGH] = "pgalloc_high",
	[PGFREE] = "pgfree",
	[DRAIN_ALL_PAGES] = "drain_all_pages",
	[DRAIN_LOCAL_PAGES] = "drain_local_pages",
	[SLAB_DRAIN_ALL] = "slab_drain_all",
	[TLB_REMOTE_FLUSH] = "nr_tlb_remote_flush",
	[TLB_REMOTE_FLUSH_RECEIVED] = "nr_tlb_remote_flush_received",
	[TLB_LOCAL_FLUSH_ALL] = "nr_tlb_local_flush_all",
	[TLB_LOCAL_FLUSH_ONE] = "nr_tlb_local_flush_one",
	[PGFAULT] = "pgfault",
	[PGCOW] = "pgcow",
};

/*
 * @cpu's count of @item. The local TLB flushes are counted by
 * asm/tlbflush.h; the page allocator's fast path counts its order-0
 * allocations once, in the per-CPU list they came from (pgalloc_* here,
 * the zone's allocation count in zoneinfo), and its general path here.
 */
static unsigned long event_on(unsigned int cpu, enum vm_event_item item)
{
	if (item >= PGALLOC_DMA && item <= PGALLOC_HIGH)
		return READ_ONCE(per_cpu(vm_event_states, cpu).event[item]) +
		       READ_ONCE(zone_pcp_nr((enum zone_type)(item - PGALLOC_DMA),
					     (int)cpu)->allocs);
	if (item == TLB_LOCAL_FLUSH_ONE)
		return READ_ONCE(per_cpu(tlb_flush_stat, cpu).one);
	if (item == TLB_LOCAL_FLUSH_ALL)
		return READ_ONCE(per_cpu(tlb_flush_stat, cpu).all);
	return READ_ONCE(per_cpu(vm_event_states, cpu).event[item]);
}

unsigned long vm_event_sum(enum vm_event_item item)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += event_on(cpu, item);
	return sum;
}

int vmstat_show(struct seq_file *m)
{
	unsigned int cpu;

	seq_printf(m, "%-30s %12s", "", "total");
	for_each_online_cpu(cpu)
		seq_printf(m, "        CPU%u", cpu);
	seq_putc(m, '\n');
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++) {
		seq_printf(m, "%-30s %12lu", vm_event_names[i],
			   vm_event_sum((enum vm_event_item)i));
		for_each_online_cpu(cpu)
			seq_printf(m, " %11lu", event_on(cpu, (enum vm_event_item)i));
		seq_putc(m, '\n');
	}
	return 0;
}
