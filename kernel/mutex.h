/* SPDX-License-Identifier: MIT */
/*
 * Sleeping locks. A mutex has one owner; others sleep until it is
 * released, then take it in the order they came. Only the owner may
 * unlock it (checked).
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include "kernel/wait.h"

struct mutex {
	struct task_struct *owner;
	const char *name;
	struct wait_queue_head wait;
};

#define DEFINE_MUTEX(n) \
	struct mutex n = { NULL, #n, __WAIT_QUEUE_HEAD_INITIALIZER(n.wait) }

void mutex_init(struct mutex *m, const char *name);

/* Context: thread; may sleep. */
void mutex_lock(struct mutex *m);

/* Context: thread, by the owner only. */
void mutex_unlock(struct mutex *m);

/* Take the mutex if it is free. Return: true if taken. Context: thread. */
bool mutex_trylock(struct mutex *m);

static inline bool mutex_is_locked(const struct mutex *m)
{
	return m->owner != NULL;
}

#endif /* KERNEL_MUTEX_H */
