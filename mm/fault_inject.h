/* SPDX-License-Identifier: MIT */
/*
 * Fault injection: fail_page_alloc=N makes every Nth page allocation
 * fail, failslab=N every Nth slab allocation, so that tests walk the
 * failure paths of their callers. Only allocations made after boot
 * count, and never those with __GFP_NOFAULTINJ.
 */
#ifndef MM_FAULT_INJECT_H
#define MM_FAULT_INJECT_H

#include "kernel/types.h"

struct fault_attr {
	const char *name;
	unsigned long interval; /* 0: off */
	unsigned long count;	/* allocations seen */
	unsigned long injected; /* failures made */
};

extern struct fault_attr fail_page_alloc;
extern struct fault_attr failslab;

/* Set up from the command line. Context: boot. */
void fault_inject_init(void);

/* Should this allocation fail? Context: any. */
bool should_fail(struct fault_attr *attr, gfp_t gfp);

#endif /* MM_FAULT_INJECT_H */
