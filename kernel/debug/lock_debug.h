/* SPDX-License-Identifier: MIT */
/*
 * lock_debug: the checks spinlocks and mutexes make when the option is
 * on (kernel/debug/lock_debug.c). The types here are small so that
 * kernel/sched.h can hold a thread's held mutexes.
 */
#ifndef KERNEL_DEBUG_LOCK_DEBUG_H
#define KERNEL_DEBUG_LOCK_DEBUG_H

#include "kernel/lib/types.h"

#define LOCK_DEBUG_MAX_HELD 8	/* locks one CPU (or thread) holds at once */
#define LOCK_DEBUG_MAX_CLASSES 64 /* distinct lock names: one u64 of bits */

/* A lock held: what the order check compares the next lock against. */
struct held_lock {
	const void *lock;
	const char *name;
	u16 class_id;
};

/* The locks held by one CPU (spinlocks) or one thread (mutexes). */
struct held_locks {
	unsigned int depth;
	struct held_lock lock[LOCK_DEBUG_MAX_HELD];
};

struct spinlock;
struct mutex;

/**
 * lock_debug_wait - wait for @ticket with a bound (lock_debug on)
 * @lock: the contended spinlock
 * @ticket: this CPU's ticket
 *
 * After lock_debug.timeout_ms, reports the holder (CPU, thread, how
 * long, where it took the lock) and panics.
 * Context: spin_lock_slowpath, preemption off.
 */
void lock_debug_wait(struct spinlock *lock, u16 ticket);

/**
 * lock_debug_show_holder - print who holds @lock, where it was taken
 * @lock: a held spinlock
 *
 * Says nothing when lock_debug is off (nothing was recorded).
 * Context: any (reports).
 */
void lock_debug_show_holder(const struct spinlock *lock);

/**
 * lock_debug_show_held - print the locks this CPU and thread hold
 *
 * For the reports of sleeping in atomic context. Says nothing when
 * lock_debug is off or nothing is held.
 * Context: any (reports).
 */
void lock_debug_show_held(void);

/**
 * lock_debug_mutex_acquired - order check and bookkeeping for a mutex
 * @m: the mutex the calling thread now owns
 *
 * Context: mutex_lock, mutex_trylock, with lock_debug on.
 */
void lock_debug_mutex_acquired(struct mutex *m);

/**
 * lock_debug_mutex_released - forget @m from the thread's held mutexes
 * @m: the mutex being released
 *
 * Context: mutex_unlock, with lock_debug on.
 */
void lock_debug_mutex_released(struct mutex *m);

/**
 * lock_debug_show - the shell's `lockdep`: the classes and the order
 *                   between them seen so far
 *
 * Context: thread.
 */
void lock_debug_show(void);

#endif /* KERNEL_DEBUG_LOCK_DEBUG_H */
