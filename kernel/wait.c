// SPDX-License-Identifier: MIT
/* Wait queues (see kernel/wait.h). */
#include "kernel/wait.h"

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock, "wait_queue");
	INIT_LIST_HEAD(&wq->head);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&wait->entry))
		list_add_tail(&wait->entry, &wq->head);
	set_current_state(TASK_SLEEPING);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	if (!list_empty(&wait->entry))
		list_del_init(&wait->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

int wake_up_nr(struct wait_queue_head *wq, int nr)
{
	unsigned long flags;
	int woken = 0;

	spin_lock_irqsave(&wq->lock, flags);
	while (!list_empty(&wq->head) && (nr == 0 || woken < nr)) {
		struct wait_queue_entry *w =
			list_first_entry(&wq->head, struct wait_queue_entry, entry);

		list_del_init(&w->entry);
		wake_up_process(w->task);
		woken++;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	return woken;
}

bool waitqueue_active(struct wait_queue_head *wq)
{
	return !list_empty(&wq->head);
}
