/* SPDX-License-Identifier: MIT */
/*
 * The periodic tick (HZ per second), kernel timers that
 * run a function from the tick, and sleeping for a while.
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "kernel/lib/list.h"

#define HZ 100

/* Ticks since the timer started. Read it with get_jiffies_64(). */
extern volatile u64 jiffies;

/**
 * get_jiffies_64 - the tick count, read whole
 *
 * A 32-bit CPU reads the 64-bit count in two halves; the tick (on
 * another CPU, or an interrupt here) may change it in between. The
 * high half is read again until it did not move.
 * Context: any. Return: the ticks since the timer started.
 */
static inline u64 get_jiffies_64(void)
{
	const volatile u32 *half = (const volatile u32 *)&jiffies;
	u32 high, low;

	do {
		high = half[1];
		low = half[0];
	} while (high != half[1]);
	return (u64)high << 32 | low;
}

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
 * @user: the tick interrupted user mode (user_mode(regs)); the tick is
 *        then the running process's user time, else system or idle time
 *
 * Called by the tick's interrupt handler. Context: the tick's IRQ.
 */
void timer_tick(bool user);

/**
 * add_timer - run @timer->function from the tick once jiffies reaches expires
 * @timer: set up with timer_setup(), @timer->expires set (in jiffies)
 *
 * A timer that is already pending is moved to its new expiry. The
 * function runs in IRQ context: it must not sleep, and it may add the
 * timer again.
 * Context: any; takes the timer lock with interrupts off.
 */
void add_timer(struct timer_list *timer);

/**
 * del_timer - cancel a pending timer
 * @timer: a timer set up with timer_setup()
 *
 * Context: any; takes the timer lock with interrupts off.
 * Return: true if it was pending.
 */
bool del_timer(struct timer_list *timer);

/**
 * del_timer_sync - del_timer, then wait until its function is not running
 * @timer: the timer
 *
 * After it returns the timer is neither pending nor running anywhere,
 * so its memory may go (a timer on the stack, in a freed structure).
 * Context: thread or IRQ, but not the timer's own function (panics).
 * Return: true if it was pending.
 */
bool del_timer_sync(struct timer_list *timer);

/**
 * timer_pending - is @timer waiting to run?
 * @timer: a timer set up with timer_setup()
 *
 * Context: any. Return: true if added and not yet run or cancelled (a
 * snapshot: the tick may run it at any moment).
 */
static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

/**
 * timer_setup - prepare @timer to run @fn; it is not pending yet
 * @timer: the timer
 * @fn: called with @timer, in IRQ context, when it expires
 *
 * Context: any, before the timer is first added.
 */
static inline void timer_setup(struct timer_list *timer,
			       void (*fn)(struct timer_list *))
{
	timer->function = fn;
	INIT_LIST_HEAD(&timer->entry);
}

/**
 * msleep - sleep for at least @ms milliseconds
 * @ms: the time; rounded up to whole ticks (10 ms at HZ 100)
 *
 * Context: thread; may sleep.
 */
void msleep(unsigned int ms);

/**
 * msleep_interruptible - sleep at least @ms milliseconds, unless a signal
 * comes first
 * @ms: the time
 *
 * The caller tells the two apart with signal_pending(current).
 * Context: thread; may sleep.
 */
void msleep_interruptible(unsigned long ms);

#define MAX_SCHEDULE_TIMEOUT (~0ull)

/**
 * schedule_timeout - schedule(), woken at the latest @timeout ticks from now
 * @timeout: ticks, or MAX_SCHEDULE_TIMEOUT for no limit
 *
 * The caller sets TASK_SLEEPING first (after queueing itself on a wait
 * queue), like before schedule(); it runs again when woken or when the
 * time is up, whichever comes first.
 * Context: thread; sleeps.
 * Return: the ticks left (0: the time is up).
 */
u64 schedule_timeout(u64 timeout);

#define KTIME_MAX (~0ull)
#define NSEC_PER_TICK (1000000000ull / HZ)

/**
 * ktime_get_ns - nanoseconds since boot, by CLOCK_MONOTONIC's clock
 *
 * The TSC (the tick where there is none): under an emulator the tick
 * and the TSC drift apart a little, and user space measures with this.
 * Context: any. Return: the time.
 */
u64 ktime_get_ns(void);

/**
 * schedule_timeout_until - schedule(), woken at the latest at @deadline_ns
 * @deadline_ns: a ktime_get_ns() time, or KTIME_MAX for no limit
 *
 * As schedule_timeout() (TASK_SLEEPING set first), but the limit is a
 * time by ktime_get_ns(), so that a timeout is never seen to end early
 * by a program that measures it.
 * Context: thread; sleeps.
 * Return: the ns left (0: the deadline has passed).
 */
u64 schedule_timeout_until(u64 deadline_ns);

/**
 * uptime_ms - milliseconds since the timer started
 *
 * Counts in whole ticks, so it advances 10 ms at a time.
 * Context: any.
 * Return: the time.
 */
u64 uptime_ms(void);

/* A time as the _time64 system calls and file times carry it. */
struct timespec64 {
	s64 tv_sec;
	s64 tv_nsec;
};

/**
 * ktime_get_real_ns - nanoseconds since 1970 (CLOCK_REALTIME)
 *
 * The battery clock's reading at boot plus the time since.
 * Context: any. Return: the time.
 */
u64 ktime_get_real_ns(void);

/**
 * rtc_init - read the battery-backed clock (CMOS RTC) once, at boot
 *
 * Context: the main thread, early.
 */
void rtc_init(void);

/**
 * msecs_to_jiffies - a time in ticks, rounded up
 * @ms: milliseconds
 *
 * Context: any. Return: the number of jiffies.
 */
static inline u64 msecs_to_jiffies(unsigned int ms)
{
	return ((u64)ms * HZ + 999) / 1000;
}

#endif /* KERNEL_TIMER_H */
