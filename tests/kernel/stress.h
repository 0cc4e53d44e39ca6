/* SPDX-License-Identifier: MIT */
/*
 * The memory stress run: `stress [OPS]` in the shell, stress=OPS on the
 * command line. Worker threads and the timer interrupt allocate and
 * free pages (every zone, through kmap and kmap_atomic), kmalloc and
 * kmem_cache objects and vmalloc areas at random, fill each buffer with
 * a pattern derived from its address and check it before freeing it.
 * At the end every free-page count must be back where it started.
 */
#ifndef MM_STRESS_H
#define MM_STRESS_H

#include "kernel/lib/types.h"

#define STRESS_DEFAULT_OPS 20000

/*
 * stress_run - @ops operations in total (threads and interrupts), then
 * the checks. Context: thread; sleeps. Return: 0 if nothing was
 * damaged or lost, else -EIO.
 */
int stress_run(unsigned long ops);

/*
 * stress_fill / stress_check - the buffer pattern: @bytes / 4 words made
 * from @seed. stress_check returns the byte offset of the first wrong
 * word (its value in @got, the right one in @want), or -1. Context: any.
 */
void stress_fill(void *p, size_t bytes, u32 seed);
long stress_check(const void *p, size_t bytes, u32 seed, u32 *got, u32 *want);

#endif /* MM_STRESS_H */
