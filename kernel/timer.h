/* SPDX-License-Identifier: MIT */
/*
 * The periodic tick (HZ per second), kernel timers that
 * run a function from the tick, and sleeping for a while.
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "kernel/lib/list.h"

#define HZ 100

/* Ticks since the timer started. */
extern volatile u64 jiffies;

struct timer_list {
	u64 expires; /* in jiffies */
	void (*function)(struct timer_list *timer);
	struct list_head entry;
};

/**
 * timer_init - start the tick, HZ times a second
 *
 * Context: boot, after irq_init.
 */
void timer_init(void);

/**
 * timer_tick - one tick: jiffies, expired timers, the scheduler's share
 *
 * Called by the tick's interrupt handler. Context: the tick's IRQ.
 */
void timer_tick(void);

/*
 * add_timer - run @timer->function from the timer interrupt once jiffies
 * reaches @timer->expires. The function runs in IRQ context: it must not
 * sleep. Context: any.
 */
void add_timer(struct timer_list *timer);

/* Cancel a pending timer. Return: true if it was pending. Context: any. */
bool del_timer(struct timer_list *timer);

static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

static inline void timer_setup(struct timer_list *timer,
			       void (*fn)(struct timer_list *))
{
	timer->function = fn;
	INIT_LIST_HEAD(&timer->entry);
}

/* Sleep for at least @ms milliseconds. Context: thread; may sleep. */
void msleep(unsigned int ms);

/* Milliseconds since the timer started. Context: any. */
u64 uptime_ms(void);

static inline u64 msecs_to_jiffies(unsigned int ms)
{
	return ((u64)ms * HZ + 999) / 1000;
}

#endif /* KERNEL_TIMER_H */
