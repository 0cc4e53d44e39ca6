/* SPDX-License-Identifier: MIT */
/*
 * Wait queues: a thread sleeps on one until a condition holds; whoever
 * makes the condition true calls wake_up. Waiters are woken in the order
 * they began to wait.
 *
 *     wait_event(wq, cond);        in the waiter (thread context)
 *     cond = true; wake_up(&wq);    in the waker (any context)
 *
 * The waiter queues itself and sets TASK_SLEEPING before it tests the
 * condition, so a wake-up between the test and the sleep is never lost:
 * it sets the waiter back to TASK_RUNNING, and the waiter's schedule()
 * then returns at once (see kernel/sched.h).
 *
 * Locking: wq->lock (interrupts off) guards the list of waiters. It is
 * taken before a run-queue lock, never after.
 */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include "kernel/lib/list.h"
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
#define DEFINE_WAIT(name) \
	struct wait_queue_entry name = { current, LIST_HEAD_INIT(name.entry) }

/**
 * init_waitqueue_head - an empty wait queue
 * @wq: the queue
 *
 * Context: any, before the queue is used.
 */
void init_waitqueue_head(struct wait_queue_head *wq);

/**
 * prepare_to_wait - queue @wait (if it is not) and mark the caller sleeping
 * @wq: the queue
 * @wait: the caller's entry (DEFINE_WAIT)
 *
 * Test the condition after this call, then schedule() if it is false.
 * Context: thread; takes wq->lock.
 */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);

/**
 * finish_wait - take @wait off the queue (if a waker has not) and run on
 * @wq: the queue
 * @wait: the caller's entry
 *
 * Context: thread; takes wq->lock.
 */
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);

/**
 * wake_up_nr - wake up to @nr waiters (0: all), longest waiting first
 * @wq: the queue
 * @nr: how many
 *
 * Each woken waiter leaves the queue. wake_up and wake_up_all wake every
 * waiter; wake_up_one the one that has waited longest.
 * Context: any, including interrupts; takes wq->lock, then run-queue locks.
 * Return: the number woken.
 */
int wake_up_nr(struct wait_queue_head *wq, int nr);
#define wake_up(wq) wake_up_nr((wq), 0)
#define wake_up_all(wq) wake_up_nr((wq), 0)
#define wake_up_one(wq) wake_up_nr((wq), 1)

/**
 * waitqueue_active - is anyone waiting on @wq?
 * @wq: the queue
 *
 * Context: any. Return: true if the queue has waiters (a snapshot).
 */
bool waitqueue_active(struct wait_queue_head *wq);

/* Sleep until @cond is true. Context: thread; may sleep. */
#define wait_event(wq, cond)                             \
	do {                                             \
		DEFINE_WAIT(__wait);                     \
		might_sleep();                           \
		for (;;) {                               \
			prepare_to_wait(&(wq), &__wait); \
			if (cond)                        \
				break;                   \
			schedule();                      \
		}                                        \
		finish_wait(&(wq), &__wait);             \
	} while (0)

#endif /* KERNEL_WAIT_H */
