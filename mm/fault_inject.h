/* SPDX-License-Identifier: MIT */
/*
 * Fault injection: fail_page_alloc=N makes every Nth page allocation
 * fail, failslab=N every Nth slab allocation, so that tests walk the
 * failure paths of their callers. Only allocations made after boot
 * count (from the moment the main thread starts the boot work), and
 * never those with __GFP_NOFAULTINJ.
 */
#ifndef MM_FAULT_INJECT_H
#define MM_FAULT_INJECT_H

#include "kernel/lib/types.h"

struct fault_attr {
	const char *name;
	unsigned long interval; /* 0: off */
	unsigned long count;	/* allocations seen */
	unsigned long injected; /* failures made */
};

extern struct fault_attr fail_page_alloc;
extern struct fault_attr failslab;

/**
 * fault_inject_init - read fail_page_alloc= and failslab=
 *
 * Context: boot.
 */
void fault_inject_init(void);

/**
 * fault_inject_start - from now on, injected failures happen
 *
 * Called by the main thread before the boot work: the kernel itself
 * must be able to start (its first thread, its stacks).
 * Context: thread.
 */
void fault_inject_start(void);

/**
 * fault_inject_pause - no injected failures until fault_inject_resume
 *
 * Nests. The in-kernel test runner pauses it.
 * Context: any.
 */
void fault_inject_pause(void);

/**
 * fault_inject_resume - undo one fault_inject_pause
 *
 * Context: any.
 */
void fault_inject_resume(void);

/**
 * fault_inject_active - would an allocation now be failed on purpose?
 *
 * Context: any. Return: true if an interval is set, injection started
 * and not paused.
 */
bool fault_inject_active(void);

/**
 * should_fail - should this allocation fail?
 * @attr: fail_page_alloc or failslab
 * @gfp: the allocation's flags (__GFP_NOFAULTINJ exempts it)
 *
 * Context: any. Return: true to fail it.
 */
bool should_fail(struct fault_attr *attr, gfp_t gfp);

#endif /* MM_FAULT_INJECT_H */
