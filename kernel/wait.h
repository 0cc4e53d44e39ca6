/* SPDX-License-Identifier: MIT */
/*
 * Wait queues: a thread sleeps on one until a condition holds; whoever
 * makes the condition true calls wake_up. Waiters are woken in the order
 * they began to wait.
 *
 *     wait_event(wq, cond);        in the waiter (thread context)
 *     cond = true; wake_up(&wq);    in the waker (any context)
 *
 * The condition is tested after the waiter is on the queue and marked
 * sleeping, so a wake-up between the test and the sleep is never lost.
 */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include "kernel/list.h"
#include "kernel/sched.h"
#include "kernel/spinlock.h"

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry; /* empty when not queued */
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ __SPIN_LOCK_UNLOCKED(name.lock), LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq);

/* Queue @wait (if it is not) and mark the current thread sleeping. */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);

/* Take @wait off the queue (if a waker has not) and mark it running. */
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);

/*
 * wake_up / wake_up_all: wake every waiter; wake_up_one: the one that
 * has waited longest. Each woken waiter leaves the queue.
 * Context: any, including interrupts. Return: the number woken.
 */
int wake_up_nr(struct wait_queue_head *wq, int nr);
#define wake_up(wq) wake_up_nr((wq), 0)
#define wake_up_all(wq) wake_up_nr((wq), 0)
#define wake_up_one(wq) wake_up_nr((wq), 1)

/* True if someone waits on @wq. Context: any. */
bool waitqueue_active(struct wait_queue_head *wq);

/* Sleep until @cond is true. Context: thread; may sleep. */
#define wait_event(wq, cond)                                     \
	do {                                                     \
		struct wait_queue_entry __wait = {               \
			current, LIST_HEAD_INIT(__wait.entry)    \
		};                                               \
		might_sleep();                                   \
		for (;;) {                                       \
			prepare_to_wait(&(wq), &__wait);         \
			if (cond)                                \
				break;                           \
			schedule();                              \
		}                                                \
		finish_wait(&(wq), &__wait);                     \
	} while (0)

#endif /* KERNEL_WAIT_H */
