// SPDX-License-Identifier: MIT
/*
 * The system tick and kernel timers. Every CPU ticks (the PIT, or each
 * CPU's local APIC timer) and does the scheduler's accounting; CPU 0
 * alone counts jiffies and runs the expired kernel timers (a list sorted
 * by expiry). The return from the interrupt may then preempt.
 *
 * timer_lock guards the list and running_timer: any CPU adds and
 * deletes timers while CPU 0 runs them. A timer function runs with the
 * lock dropped (it may add timers); del_timer_sync waits for it.
 */
#include "kernel/timer.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/spinlock.h"
#include "kernel/smp.h"
#include <asm/cpu.h>
#include <asm/pit.h>
#include <asm/tsc.h>

volatile u64 jiffies;
static LIST_HEAD(timer_list_head);
static DEFINE_SPINLOCK(timer_lock);
static struct timer_list *running_timer; /* timer_lock */

void add_timer(struct timer_list *timer)
{
	struct list_head *pos;
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	if (!list_empty(&timer->entry))
		list_del_init(&timer->entry);
	/* Keep the list sorted: insert before the first later timer. */
	list_for_each(pos, &timer_list_head)
		if (list_entry(pos, struct timer_list, entry)->expires >
		    timer->expires)
			break;
	list_add_tail(&timer->entry, pos);
	spin_unlock_irqrestore(&timer_lock, flags);
}

bool del_timer(struct timer_list *timer)
{
	unsigned long flags;
	bool pending;

	spin_lock_irqsave(&timer_lock, flags);
	pending = !list_empty(&timer->entry);
	if (pending)
		list_del_init(&timer->entry);
	spin_unlock_irqrestore(&timer_lock, flags);
	return pending;
}

bool del_timer_sync(struct timer_list *timer)
{
	bool pending = false;

	for (;;) {
		unsigned long flags;
		bool running;

		spin_lock_irqsave(&timer_lock, flags);
		if (!list_empty(&timer->entry)) {
			list_del_init(&timer->entry);
			pending = true;
		}
		running = running_timer == timer;
		spin_unlock_irqrestore(&timer_lock, flags);
		if (!running)
			return pending;
		if (in_interrupt())
			panic("del_timer_sync of timer %pS from a timer "
			      "function: it would wait for itself",
			      (void *)timer->function);
		cpu_relax();
	}
}

/* From the tick on CPU 0, interrupts off. */
static void run_timers(void)
{
	spin_lock(&timer_lock);
	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head,
							struct timer_list, entry);

		if (t->expires > jiffies)
			break;
		list_del_init(&t->entry);
		running_timer = t;
		spin_unlock(&timer_lock);
		t->function(t);
		spin_lock(&timer_lock);
		running_timer = NULL;
	}
	spin_unlock(&timer_lock);
}

void timer_tick(bool user)
{
	/* One CPU keeps the time and runs the timers; every CPU schedules. */
	if (smp_processor_id() == 0) {
		jiffies++;
		run_timers();
	}
	scheduler_tick(user);
}

void timer_init(void)
{
	pit_init(HZ);
}

struct sleeper {
	struct timer_list timer;
	struct task_struct *task;
};

static void wake_sleeper(struct timer_list *timer)
{
	wake_up_process(container_of(timer, struct sleeper, timer)->task);
}

/* Sleep until jiffies reach @end; with @interruptible, or a signal comes. */
static void sleep_until(u64 end, bool interruptible)
{
	struct sleeper s;

	s.task = current;
	timer_setup(&s.timer, wake_sleeper);
	s.timer.expires = end;
	while (get_jiffies_64() < end &&
	       !(interruptible && signal_pending(current))) {
		/*
		 * Sleeping first, then the timer: if it fires before
		 * schedule(), it finds us sleeping and makes us runnable, so
		 * schedule() comes straight back. A signal sent meanwhile
		 * finds us sleeping too, or is seen here.
		 */
		set_current_state(TASK_SLEEPING);
		add_timer(&s.timer);
		if (!(interruptible && signal_pending(current)))
			schedule();
		__set_current_state(TASK_RUNNING);
		/* The timer may be waking us on CPU 0 right now: wait for it. */
		del_timer_sync(&s.timer);
	}
}

u64 ktime_get_ns(void)
{
	unsigned long khz = tsc_khz_or_guess();
	u64 tsc;

	if (!khz)
		return get_jiffies_64() * (1000000000ull / HZ);
	/* In two steps: TSC * 10^6 would overflow after a few hours. */
	tsc = rdtsc();
	return tsc / khz * 1000000ull + tsc % khz * 1000000ull / khz;
}

u64 schedule_timeout_until(u64 deadline_ns)
{
	u64 now = ktime_get_ns();

	if (deadline_ns == KTIME_MAX) {
		schedule();
		return deadline_ns;
	}
	if (now >= deadline_ns) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	/* Ticks rounded up, and one more: the current one is partly gone. */
	schedule_timeout((deadline_ns - now + NSEC_PER_TICK - 1) /
			 NSEC_PER_TICK + 1);
	now = ktime_get_ns();
	return now >= deadline_ns ? 0 : deadline_ns - now;
}

u64 schedule_timeout(u64 timeout)
{
	struct sleeper s;
	u64 end, now;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	end = get_jiffies_64() + timeout;
	s.task = current;
	timer_setup(&s.timer, wake_sleeper);
	s.timer.expires = end;
	/* The caller is marked sleeping already: an early expiry is not lost. */
	add_timer(&s.timer);
	schedule();
	__set_current_state(TASK_RUNNING);
	del_timer_sync(&s.timer);
	now = get_jiffies_64();
	return now >= end ? 0 : end - now;
}

void msleep(unsigned int ms)
{
	might_sleep();
	sleep_until(get_jiffies_64() + msecs_to_jiffies(ms), false);
}

void msleep_interruptible(unsigned long ms)
{
	might_sleep();
	/* One tick more: the current one is partly gone already. */
	sleep_until(get_jiffies_64() + msecs_to_jiffies((unsigned int)ms) + 1,
		    true);
}

u64 uptime_ms(void)
{
	return get_jiffies_64() * 1000 / HZ;
}
