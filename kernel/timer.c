// SPDX-License-Identifier: MIT
/*
 * The system tick and kernel timers. Each tick (from the PIT,
 * kernel/arch/x86/pit.c) runs the expired kernel timers (a list sorted
 * by expiry) and the scheduler's accounting; the return from the
 * interrupt may then preempt.
 */
#include "kernel/timer.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/spinlock.h"
#include "kernel/smp.h"
#include <asm/pit.h>

volatile u64 jiffies;
static LIST_HEAD(timer_list_head);
static DEFINE_SPINLOCK(timer_lock);

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

/* Interrupts are off: a timer function cannot race with add/del. */
static void run_timers(void)
{
	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head,
							struct timer_list, entry);

		if (t->expires > jiffies)
			break;
		list_del_init(&t->entry);
		t->function(t);
	}
}

void timer_tick(void)
{
	/* One CPU keeps the time and runs the timers; every CPU schedules. */
	if (smp_processor_id() == 0) {
		jiffies++;
		run_timers();
	}
	scheduler_tick();
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

void msleep(unsigned int ms)
{
	struct sleeper s;

	might_sleep();
	s.task = current;
	timer_setup(&s.timer, wake_sleeper);
	s.timer.expires = jiffies + msecs_to_jiffies(ms);
	while (get_jiffies_64() < s.timer.expires) {
		/*
		 * Sleeping first, then the timer: if it fires before
		 * schedule(), it finds us sleeping and makes us runnable, so
		 * schedule() comes straight back.
		 */
		set_current_state(TASK_SLEEPING);
		add_timer(&s.timer);
		schedule();
		del_timer(&s.timer);
	}
	__set_current_state(TASK_RUNNING);
}

u64 uptime_ms(void)
{
	return get_jiffies_64() * 1000 / HZ;
}
