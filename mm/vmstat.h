/* SPDX-License-Identifier: MIT */
/*
 * Event counters, as Linux's /proc/vmstat: how often the memory manager
 * did something that costs (a remote TLB flush, a drain of every CPU's
 * page lists). Each CPU counts in its own per-CPU copy; `vmstat` adds
 * them up (mm/vmstat.c).
 */
#ifndef MM_VMSTAT_H
#define MM_VMSTAT_H

#include "kernel/percpu.h"

enum vm_event_item {
	PGALLOC_DMA,	     /* pages allocated, by zone */
	PGALLOC_NORMAL,
	PGALLOC_HIGH,
	PGFREE,		     /* pages freed */
	DRAIN_ALL_PAGES,     /* drain_all_pages calls */
	DRAIN_LOCAL_PAGES,   /* per-CPU list drains run (one per CPU each) */
	SLAB_DRAIN_ALL,	     /* kmem_cache_shrink: every CPU's slab lists */
	TLB_REMOTE_FLUSH,    /* shootdowns this CPU sent */
	TLB_REMOTE_FLUSH_RECEIVED, /* shootdowns this CPU honoured */
	TLB_LOCAL_FLUSH_ALL, /* full flushes of this CPU's TLB (all of them) */
	TLB_LOCAL_FLUSH_ONE, /* single pages (every invlpg, kmap slots too) */
	PGFAULT,	     /* user page faults served (mm/memory.c) */
	PGCOW,		     /* of those, writes to write-protected pages */
	NR_VM_EVENT_ITEMS
};

struct vm_event_state {
	unsigned long event[NR_VM_EVENT_ITEMS];
};

DECLARE_PER_CPU(struct vm_event_state, vm_event_states);

/* Count @item on this CPU: one instruction, interrupt-safe, no lock. */
#define count_vm_event(item) (this_cpu(vm_event_states).event[(item)]++)
#define count_vm_events(item, n) \
	(this_cpu(vm_event_states).event[(item)] += (n))

/**
 * vm_event_sum - @item counted on every CPU together
 * @item: the event
 *
 * Context: any. Return: the sum (each CPU's read once).
 */
unsigned long vm_event_sum(enum vm_event_item item);

struct seq_file;

/**
 * vmstat_show - /proc/vmstat and the shell's `vmstat`: every event,
 * summed, and per CPU
 * @m: where the text goes
 *
 * Context: thread; a snapshot. Return: 0.
 */
int vmstat_show(struct seq_file *m);

#endif /* MM_VMSTAT_H */
