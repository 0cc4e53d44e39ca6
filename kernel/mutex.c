// SPDX-License-Identifier: MIT
/* Mutexes (see kernel/mutex.h). */
#include "kernel/mutex.h"
#include "kernel/debug/lock_debug.h"
#include <asm/atomic.h>

void mutex_init(struct mutex *m, const char *name)
{
	m->owner = NULL;
	m->name = name;
	m->class_id = 0;
	init_waitqueue_head(&m->wait);
}

static bool mutex_take_free(struct mutex *m)
{
	return cmpxchg(&m->owner, NULL, current) == NULL;
}

static void mutex_acquired(struct mutex *m)
{
	if (unlikely(lock_debug))
		lock_debug_mutex_acquired(m);
}

bool mutex_trylock(struct mutex *m)
{
	if (!mutex_take_free(m))
		return false;
	mutex_acquired(m);
	return true;
}

/* Wait in line until an unlock hands @m over. Called with wait.lock held. */
static void mutex_wait_for_handoff(struct mutex *m)
{
	struct wait_queue_entry wait = { current, LIST_HEAD_INIT(wait.entry) };

	list_add_tail(&wait.entry, &m->wait.head);
	for (;;) {
		set_current_state(TASK_SLEEPING);
		if (READ_ONCE(m->owner) == current)
			break;
		spin_unlock(&m->wait.lock);
		schedule();
		spin_lock(&m->wait.lock);
	}
	__set_current_state(TASK_RUNNING);
}

void mutex_lock(struct mutex *m)
{
	might_sleep();
	if (READ_ONCE(m->owner) == current)
		panic("mutex %s: %s (pid %d) locks it again", m->name,
		      current->comm, current->pid);
	if (!mutex_take_free(m)) {
		spin_lock(&m->wait.lock);
		if (!mutex_take_free(m))
			mutex_wait_for_handoff(m);
		spin_unlock(&m->wait.lock);
	}
	mutex_acquired(m);
}

void mutex_unlock(struct mutex *m)
{
	struct task_struct *owner = READ_ONCE(m->owner);

	if (owner != current)
		panic("mutex %s: unlocked by %s (pid %d) but owned by %s",
		      m->name, current->comm, current->pid,
		      owner ? owner->comm : "nobody");
	if (unlikely(lock_debug))
		lock_debug_mutex_released(m);
	spin_lock(&m->wait.lock);
	if (list_empty(&m->wait.head)) {
		WRITE_ONCE(m->owner, NULL);
	} else {
		struct wait_queue_entry *next = list_first_entry(
			&m->wait.head, struct wait_queue_entry, entry);

		list_del_init(&next->entry);
		WRITE_ONCE(m->owner, next->task);
		wake_up_process(next->task);
	}
	spin_unlock(&m->wait.lock);
}
