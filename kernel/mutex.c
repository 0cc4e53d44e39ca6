// SPDX-License-Identifier: MIT
/* Mutexes (see kernel/mutex.h). */
#include "kernel/mutex.h"

void mutex_init(struct mutex *m, const char *name)
{
	m->owner = NULL;
	m->name = name;
	init_waitqueue_head(&m->wait);
}

bool mutex_trylock(struct mutex *m)
{
	unsigned long flags;
	bool taken = false;

	local_irq_save(flags);
	if (!m->owner) {
		m->owner = current;
		taken = true;
	}
	local_irq_restore(flags);
	return taken;
}

void mutex_lock(struct mutex *m)
{
	struct wait_queue_entry wait = { current, LIST_HEAD_INIT(wait.entry) };

	might_sleep();
	if (m->owner == current)
		panic("mutex %s: %s (pid %d) locks it again", m->name,
		      current->comm, current->pid);
	for (;;) {
		prepare_to_wait(&m->wait, &wait);
		if (mutex_trylock(m))
			break;
		schedule();
	}
	finish_wait(&m->wait, &wait);
}

void mutex_unlock(struct mutex *m)
{
	if (m->owner != current)
		panic("mutex %s: unlocked by %s (pid %d) but owned by %s",
		      m->name, current->comm, current->pid,
		      m->owner ? m->owner->comm : "nobody");
	m->owner = NULL;
	wake_up_one(&m->wait);
}
