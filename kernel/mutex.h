/* SPDX-License-Identifier: MIT */
/*
 * Sleeping locks. A mutex has one owner; others sleep until it is
 * released, then get it in the order they came: the unlock hands the
 * mutex to the waiter at the head of the line before waking it, so no
 * thread that comes later can take it first. Only the owner may unlock
 * it (checked).
 *
 * @owner changes by cmpxchg (a free mutex is taken without a lock);
 * @wait.lock guards the line of waiters and every handoff.
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include "kernel/wait.h"

struct mutex {
	struct task_struct *owner; /* NULL when free */
	const char *name;
	u16 class_id; /* lock_debug's class, 0 until used */
	struct wait_queue_head wait;
};

#define DEFINE_MUTEX(n)                                              \
	struct mutex n = { .name = #n,                                \
			   .wait = __WAIT_QUEUE_HEAD_INITIALIZER(n.wait) }

/**
 * mutex_init - make @m an unlocked mutex
 * @m: the mutex
 * @name: named in the panic if the mutex is misused
 *
 * For mutexes inside structures; static ones use DEFINE_MUTEX.
 * Context: any, before the mutex is used.
 */
void mutex_init(struct mutex *m, const char *name);

/**
 * mutex_lock - take @m, sleeping until it is free
 * @m: the mutex; panics if the caller already owns it
 *
 * The mutex may be held across sleeps.
 * Context: thread; may sleep.
 */
void mutex_lock(struct mutex *m);

/**
 * mutex_unlock - release @m, or hand it to the waiter that has waited longest
 * @m: the mutex; panics unless the caller owns it
 *
 * Context: thread, by the owner only; never sleeps.
 */
void mutex_unlock(struct mutex *m);

/**
 * mutex_trylock - take @m if it is free, without sleeping
 * @m: the mutex
 *
 * Context: thread; never sleeps.
 * Return: true if taken.
 */
bool mutex_trylock(struct mutex *m);

/**
 * mutex_is_locked - does anyone own @m?
 * @m: the mutex
 *
 * Context: any. Return: true if owned (a snapshot).
 */
static inline bool mutex_is_locked(const struct mutex *m)
{
	return READ_ONCE(m->owner) != NULL;
}

#endif /* KERNEL_MUTEX_H */
