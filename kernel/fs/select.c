// SPDX-License-Identifier: MIT
/*
 * poll, ppoll, select and pselect6: wait until one of several files is
 * ready, a signal comes, or the time is up.
 *
 * Each round asks every file's ->poll (file_poll) what is ready, and
 * the file queues the poller on its wait queues (poll_wait) as it
 * answers. If nothing is ready the poller marks itself sleeping and
 * sleeps. A wake-up takes the entry off its queue (kernel/wait.c), so
 * an entry found off its queue after the sleeping mark means a wake-up
 * came in between: the poller asks again instead of sleeping through it.
 * After each round every entry leaves its queue, and the next round
 * queues them anew.
 *
 * The sigmask of ppoll and pselect6 is in force during the wait and put
 * back before the call returns (there is no saved_sigmask: a signal it
 * let through stays pending until the old mask allows it).
 */
#include "kernel/fs/poll.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "kernel/timer.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

#define POLL_NFDS_MAX 1024 /* Linux's default RLIMIT_NOFILE */
#define FD_SETSIZE 1024
#define FDS_WORDS (FD_SETSIZE / 32)
#define NSEC_PER_SEC 1000000000ll
#define USEC_PER_SEC 1000000ll
#define SIGSET_SIZE 8

#define POLLIN_SET (POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define POLLEX_SET POLLPRI

void poll_wait(struct file *f, struct wait_queue_head *wq,
	       struct poll_table *pt)
{
	struct poll_entry *e;
	unsigned long flags;

	(void)f;
	if (!pt)
		return;
	if (pt->nr == POLL_MAX_ENTRIES) {
		pt->overflow = true;
		return;
	}
	e = &pt->entries[pt->nr++];
	e->wq = wq;
	e->wait.task = current;
	INIT_LIST_HEAD(&e->wait.entry);
	spin_lock_irqsave(&wq->lock, flags);
	list_add_tail(&e->wait.entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

unsigned int file_poll(struct file *f, struct poll_table *pt)
{
	return f->ops->poll ? f->ops->poll(f, pt) : DEFAULT_POLLMASK;
}

/* Every entry off its queue; the table is empty again. */
static void poll_table_clear(struct poll_table *pt)
{
	for (unsigned int i = 0; i < pt->nr; i++)
		finish_wait(pt->entries[i].wq, &pt->entries[i].wait);
	pt->nr = 0;
	pt->overflow = false;
}

static bool poll_woken(const struct poll_table *pt)
{
	for (unsigned int i = 0; i < pt->nr; i++)
		if (list_empty(&pt->entries[i].wait.entry))
			return true;
	return false;
}

static u64 ns_left(u64 deadline)
{
	u64 now = ktime_get_ns();

	if (deadline == KTIME_MAX)
		return KTIME_MAX;
	return now >= deadline ? 0 : deadline - now;
}

/*
 * Sleep after a round that found nothing, until a queue is woken or
 * @deadline (ktime_get_ns) passes. Return: the ns left.
 */
static u64 poll_sleep(struct poll_table *pt, u64 deadline)
{
	set_current_state(TASK_SLEEPING);
	if (poll_woken(pt) || signal_pending(current)) {
		__set_current_state(TASK_RUNNING);
		return ns_left(deadline);
	}
	/* More queues than entries: no wake-up may come, look again soon. */
	if (pt->overflow) {
		schedule_timeout(1);
		return ns_left(deadline);
	}
	return schedule_timeout_until(deadline);
}

/* What one round found: a count of ready files, or an error. */
typedef long (*poll_round_fn)(void *state, struct poll_table *pt);

/*
 * Run rounds until one finds something, @deadline passes (KTIME_MAX:
 * never; already passed: one round only) or a signal comes. *@left
 * receives the ns left. Return: the last round's count, or -EINTR.
 */
static long do_poll_loop(poll_round_fn round, void *state, u64 deadline,
			 u64 *left)
{
	struct poll_table *pt = kmalloc(sizeof(*pt), GFP_KERNEL);
	bool wait = ns_left(deadline) > 0;
	long ret;

	if (!pt)
		return -ENOMEM;
	pt->nr = 0;
	pt->overflow = false;
	for (;;) {
		ret = round(state, wait ? pt : NULL);
		if (ret || !wait)
			break;
		if (signal_pending(current)) {
			ret = -EINTR;
			break;
		}
		wait = poll_sleep(pt, deadline) > 0;
		poll_table_clear(pt);
	}
	poll_table_clear(pt);
	kfree(pt);
	if (left)
		*left = ns_left(deadline);
	return ret;
}

/* The deadline @ns from now; negative: none. */
static u64 deadline_after(s64 ns)
{
	if (ns < 0)
		return KTIME_MAX;
	return ktime_get_ns() + (u64)ns;
}

/* ---- poll ---- */

struct pollfd {
	int fd;
	short events;
	short revents;
};

struct poll_state {
	struct pollfd *fds;
	unsigned int nfds;
};

static long poll_round(void *arg, struct poll_table *pt)
{
	struct poll_state *s = arg;
	long ready = 0;

	for (unsigned int i = 0; i < s->nfds; i++) {
		struct pollfd *p = &s->fds[i];
		struct file *f;
		unsigned int mask;

		p->revents = 0;
		if (p->fd < 0)
			continue;
		f = fdget(p->fd);
		if (!f) {
			p->revents = POLLNVAL;
			ready++;
			continue;
		}
		mask = file_poll(f, pt);
		/* POLLERR and POLLHUP are reported whether asked for or not. */
		mask &= (unsigned int)(u16)p->events | POLLERR | POLLHUP;
		p->revents = (short)mask;
		if (mask)
			ready++;
	}
	return ready;
}

/* Signal masks of ppoll and pselect6: in force while the call waits. */
static long set_wait_sigmask(long umask, long size, u64 *saved)
{
	u64 mask;

	*saved = current->sig_blocked;
	if (!umask)
		return 0;
	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&mask, (const void __user *)umask, sizeof(mask)))
		return -EFAULT;
	current->sig_blocked = mask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	return 0;
}

static long do_sys_poll(long ufds, long nfds, u64 deadline, long umask,
			long masksize)
{
	struct poll_state s = {NULL, (unsigned int)nfds};
	size_t size = (size_t)nfds * sizeof(struct pollfd);
	u64 saved;
	long ret;

	if (nfds < 0 || nfds > POLL_NFDS_MAX)
		return -EINVAL;
	s.fds = kmalloc(size ? size : 1, GFP_KERNEL);
	if (!s.fds)
		return -ENOMEM;
	if (copy_from_user(s.fds, (const void __user *)ufds, size)) {
		kfree(s.fds);
		return -EFAULT;
	}
	ret = set_wait_sigmask(umask, masksize, &saved);
	if (!ret)
		ret = do_poll_loop(poll_round, &s, deadline, NULL);
	current->sig_blocked = saved;
	if (ret >= 0) {
		struct pollfd __user *up = (struct pollfd __user *)ufds;

		for (long i = 0; i < nfds; i++)
			if (copy_to_user(&up[i].revents, &s.fds[i].revents,
					 sizeof(short)))
				ret = -EFAULT;
	}
	kfree(s.fds);
	return ret;
}

long sys_poll(long ufds, long nfds, long timeout_ms)
{
	s64 ns = timeout_ms < 0 ? -1 : (s64)timeout_ms * 1000000;

	return do_sys_poll(ufds, nfds, deadline_after(ns), 0, 0);
}

struct timespec32 {
	s32 tv_sec, tv_nsec;
};

/* A user timespec (32- or 64-bit) as a deadline; none for a NULL one. */
static long get_timeout(long uts, bool time64, u64 *deadline)
{
	s64 sec, nsec;

	*deadline = KTIME_MAX;
	if (!uts)
		return 0;
	if (time64) {
		struct timespec64 ts;

		if (copy_from_user(&ts, (const void __user *)uts, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec;
		nsec = ts.tv_nsec;
	} else {
		struct timespec32 ts;

		if (copy_from_user(&ts, (const void __user *)uts, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec;
		nsec = ts.tv_nsec;
	}
	if (sec < 0 || nsec < 0 || nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (sec > 0x7fffffff) /* centuries: as good as none */
		return 0;
	*deadline = deadline_after(sec * NSEC_PER_SEC + nsec);
	return 0;
}

static long do_ppoll(long ufds, long nfds, long uts, long umask, long size,
		     bool time64)
{
	u64 deadline;
	long err = get_timeout(uts, time64, &deadline);

	return err ? err : do_sys_poll(ufds, nfds, deadline, umask, size);
}

long sys_ppoll(long ufds, long nfds, long uts, long umask, long size)
{
	return do_ppoll(ufds, nfds, uts, umask, size, false);
}

long sys_ppoll_time64(long ufds, long nfds, long uts, long umask, long size)
{
	return do_ppoll(ufds, nfds, uts, umask, size, true);
}

/* ---- select ---- */

struct select_state {
	unsigned int n;
	u32 in[FDS_WORDS], out[FDS_WORDS], ex[FDS_WORDS];
	u32 res_in[FDS_WORDS], res_out[FDS_WORDS], res_ex[FDS_WORDS];
};

static bool fd_isset(const u32 *set, unsigned int fd)
{
	return set[fd / 32] & (1u << (fd % 32));
}

static void fd_set_bit(u32 *set, unsigned int fd)
{
	set[fd / 32] |= 1u << (fd % 32);
}

static long select_round(void *arg, struct poll_table *pt)
{
	struct select_state *s = arg;
	long ready = 0;

	memset(s->res_in, 0, sizeof(s->res_in));
	memset(s->res_out, 0, sizeof(s->res_out));
	memset(s->res_ex, 0, sizeof(s->res_ex));
	for (unsigned int fd = 0; fd < s->n; fd++) {
		bool in = fd_isset(s->in, fd), out = fd_isset(s->out, fd);
		bool ex = fd_isset(s->ex, fd);
		struct file *f;
		unsigned int mask;

		if (!in && !out && !ex)
			continue;
		f = fdget(fd);
		if (!f)
			return -EBADF;
		mask = file_poll(f, pt);
		if (in && (mask & POLLIN_SET)) {
			fd_set_bit(s->res_in, fd);
			ready++;
		}
		if (out && (mask & POLLOUT_SET)) {
			fd_set_bit(s->res_out, fd);
			ready++;
		}
		if (ex && (mask & POLLEX_SET)) {
			fd_set_bit(s->res_ex, fd);
			ready++;
		}
	}
	return ready;
}

/* The bytes of an fd_set that cover descriptors 0..@n-1, in whole words. */
static size_t fds_bytes(unsigned int n)
{
	return (n + 31) / 32 * sizeof(u32);
}

static long get_fds(long uset, u32 *set, unsigned int n)
{
	memset(set, 0, FDS_WORDS * sizeof(u32));
	if (uset &&
	    copy_from_user(set, (const void __user *)uset, fds_bytes(n)))
		return -EFAULT;
	return 0;
}

static long put_fds(long uset, const u32 *set, unsigned int n)
{
	if (uset && copy_to_user((void __user *)uset, set, fds_bytes(n)))
		return -EFAULT;
	return 0;
}

/* select's core; *@left receives the ns left before @deadline. */
static long do_select(long n, long uin, long uout, long uex, u64 deadline,
		      u64 *left)
{
	struct select_state *s;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (n > FD_SETSIZE)
		n = FD_SETSIZE;
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->n = (unsigned int)n;
	ret = get_fds(uin, s->in, s->n);
	if (!ret)
		ret = get_fds(uout, s->out, s->n);
	if (!ret)
		ret = get_fds(uex, s->ex, s->n);
	if (!ret)
		ret = do_poll_loop(select_round, s, deadline, left);
	if (ret >= 0 &&
	    (put_fds(uin, s->res_in, s->n) || put_fds(uout, s->res_out, s->n) ||
	     put_fds(uex, s->res_ex, s->n)))
		ret = -EFAULT;
	kfree(s);
	return ret;
}

struct timeval32 {
	s32 tv_sec, tv_usec;
};

long sys_select(long n, long uin, long uout, long uex, long utv)
{
	struct timeval32 tv;
	u64 deadline = KTIME_MAX, left;
	long ret;

	if (utv) {
		if (copy_from_user(&tv, (const void __user *)utv, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0 ||
		    tv.tv_usec >= USEC_PER_SEC)
			return -EINVAL;
		deadline = deadline_after((s64)tv.tv_sec * NSEC_PER_SEC +
					  (s64)tv.tv_usec * 1000);
	}
	ret = do_select(n, uin, uout, uex, deadline, &left);
	/* Linux writes back the time left. */
	if (utv && (ret >= 0 || ret == -EINTR)) { /* the wait ran */
		tv.tv_sec = (s32)(left / NSEC_PER_SEC);
		tv.tv_usec = (s32)(left % NSEC_PER_SEC / 1000);
		if (copy_to_user((void __user *)utv, &tv, sizeof(tv)) &&
		    ret >= 0)
			ret = -EFAULT;
	}
	return ret;
}

/* pselect6's sixth argument: { const sigset_t *ss; size_t ss_len; } */
struct sigset_arg32 {
	u32 ss, ss_len;
};

static long do_pselect6(long n, long uin, long uout, long uex, long uts,
			long usig, bool time64)
{
	struct sigset_arg32 sig = {0, 0};
	u64 deadline, saved, left;
	long ret = get_timeout(uts, time64, &deadline);

	if (ret)
		return ret;
	if (usig &&
	    copy_from_user(&sig, (const void __user *)usig, sizeof(sig)))
		return -EFAULT;
	ret = set_wait_sigmask(sig.ss, sig.ss_len, &saved);
	if (!ret)
		ret = do_select(n, uin, uout, uex, deadline, &left);
	current->sig_blocked = saved;
	return ret;
}

long sys_pselect6(long n, long uin, long uout, long uex, long uts, long usig)
{
	return do_pselect6(n, uin, uout, uex, uts, usig, false);
}

long sys_pselect6_time64(long n, long uin, long uout, long uex, long uts,
			 long usig)
{
	return do_pselect6(n, uin, uout, uex, uts, usig, true);
}
