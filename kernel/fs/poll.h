/* SPDX-License-Identifier: MIT */
/*
 * poll, select and their friends (kernel/fs/select.c): how a file says
 * what is ready, and how a poller sleeps on several wait queues at once.
 *
 * A file's ->poll op calls poll_wait() for each wait queue whose wake-up
 * may change its answer, then returns the POLL* events ready now. The
 * poller sleeps until one of those queues is woken, a signal comes or
 * the time is up, and asks every file again. A NULL ->poll means
 * "always readable and writable" (file_poll()), as for regular files.
 */
#ifndef KERNEL_FS_POLL_H
#define KERNEL_FS_POLL_H

#include "kernel/fs/fs.h"
#include "kernel/wait.h"

/* Linux's events (asm-generic/poll.h). */
#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200

#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/* One wait queue a poller is queued on. */
struct poll_entry {
	struct wait_queue_head *wq;
	struct wait_queue_entry wait;
};

#define POLL_MAX_ENTRIES 64

struct poll_table {
	unsigned int nr;
	bool overflow; /* more queues than entries: poll again soon */
	struct poll_entry entries[POLL_MAX_ENTRIES];
};

/**
 * poll_wait - queue the poller on @wq, for a file's ->poll op
 * @f: the file being polled
 * @wq: a queue that is woken when @f's readiness may change
 * @pt: the poller's table; NULL: just asking, do not queue
 *
 * Context: thread (the poller); takes @wq->lock.
 */
void poll_wait(struct file *f, struct wait_queue_head *wq,
	       struct poll_table *pt);

/**
 * file_poll - what is ready on @f now, queueing the poller as ->poll says
 * @f: an open file
 * @pt: the poller's table, or NULL
 *
 * Context: thread; may sleep (a ->poll may take a mutex).
 * Return: POLL* events; DEFAULT_POLLMASK for a file without ->poll.
 */
unsigned int file_poll(struct file *f, struct poll_table *pt);

#endif /* KERNEL_FS_POLL_H */
