// SPDX-License-Identifier: MIT
/*
 * Pipes: a one-page ring buffer between a read end and a write end.
 *
 * A reader sleeps while the pipe is empty and a writer exists; a writer
 * sleeps while it is full and a reader exists. Reading from a pipe with
 * no writers left gives end of file; writing to one with no readers
 * gives -EPIPE (and SIGPIPE). Both sleeps end early for a signal. The
 * buffer is a lowmem page: it is the kernel's own, copied to and from
 * user memory.
 *
 * Locking: pipe->lock (a mutex: the copies may fault and sleep) guards
 * the buffer, its indices and the reader and writer counts. The pipe
 * itself lives until both ends are released (refs): the last one frees
 * it, after the other has finished with its lock and wait queue.
 */
#include "kernel/fs/fs.h"
#include "kernel/fs/poll.h"
#include "kernel/lib/errno.h"
#include "kernel/proc/process.h"
#include "kernel/wait.h"
#include "mm/gfp.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

#define PIPE_SIZE PAGE_SIZE

struct pipe {
	struct mutex lock;
	struct wait_queue_head wait; /* readers and writers both */
	u8 *buf;
	unsigned int head, tail;     /* bytes written and read, mod 2^32 */
	unsigned int readers, writers;
	atomic_t refs;		     /* the ends not yet released */
};

static unsigned int pipe_used(const struct pipe *p)
{
	return p->head - p->tail;
}

/* Sleep until @cond (checked under the lock) or a signal; lock held. */
#define pipe_wait(p, cond)                                          \
	({                                                          \
		DEFINE_WAIT(__w);                                   \
		int __err = 0;                                      \
		for (;;) {                                          \
			prepare_to_wait(&(p)->wait, &__w);          \
			if (cond)                                   \
				break;                              \
			if (signal_pending(current)) {              \
				__err = -ERESTARTSYS;               \
				break;                              \
			}                                           \
			mutex_unlock(&(p)->lock);                   \
			schedule();                                 \
			mutex_lock(&(p)->lock);                     \
		}                                                   \
		finish_wait(&(p)->wait, &__w);                      \
		__err;                                              \
	})

static long pipe_read(struct file *f, void *ubuf, unsigned long len)
{
	struct pipe *p = f->private;
	unsigned long done = 0;
	long err;

	mutex_lock(&p->lock);
	err = pipe_wait(p, pipe_used(p) || !p->writers);
	while (!err && done < len && pipe_used(p)) {
		unsigned int off = p->tail % PIPE_SIZE;
		unsigned long n = min(len - done, (unsigned long)pipe_used(p));

		n = min(n, (unsigned long)(PIPE_SIZE - off));
		if (copy_to_user((u8 __user *)ubuf + done, p->buf + off, n)) {
			err = -EFAULT;
			break;
		}
		p->tail += (unsigned int)n;
		done += n;
	}
	mutex_unlock(&p->lock);
	wake_up(&p->wait);
	return done ? (long)done : err;
}

static long pipe_write(struct file *f, const void *ubuf, unsigned long len)
{
	struct pipe *p = f->private;
	unsigned long done = 0;
	long err = 0;

	mutex_lock(&p->lock);
	while (done < len) {
		unsigned int off;
		unsigned long n;

		err = pipe_wait(p, pipe_used(p) < PIPE_SIZE || !p->readers);
		if (err)
			break;
		/* After the wait: another writer may have moved head meanwhile. */
		off = p->head % PIPE_SIZE;
		if (!p->readers) {
			send_signal(current, SIGPIPE);
			err = -EPIPE;
			break;
		}
		n = min(len - done, (unsigned long)(PIPE_SIZE - pipe_used(p)));
		n = min(n, (unsigned long)(PIPE_SIZE - off));
		if (copy_from_user(p->buf + off, (const u8 __user *)ubuf + done,
				   n)) {
			err = -EFAULT;
			break;
		}
		p->head += (unsigned int)n;
		done += n;
		wake_up(&p->wait);
	}
	mutex_unlock(&p->lock);
	wake_up(&p->wait);
	return done ? (long)done : err;
}

static void pipe_release(struct file *f)
{
	struct pipe *p = f->private;

	mutex_lock(&p->lock);
	if (f->ops->read)
		p->readers--;
	else
		p->writers--;
	mutex_unlock(&p->lock);
	/* The other end's sleepers: end of file, or EPIPE. */
	wake_up(&p->wait);
	if (atomic_dec_and_test(&p->refs)) {
		free_page((unsigned long)p->buf);
		kfree(p);
	}
}

/*
 * Without the lock: a poller gets a snapshot, and every change that
 * matters to it (data, room, an end closed) wakes p->wait afterwards.
 */
static unsigned int pipe_poll_read(struct file *f, struct poll_table *pt)
{
	struct pipe *p = f->private;
	unsigned int mask = 0;

	poll_wait(f, &p->wait, pt);
	if (READ_ONCE(p->head) != READ_ONCE(p->tail))
		mask |= POLLIN | POLLRDNORM;
	if (!READ_ONCE(p->writers))
		mask |= POLLHUP;
	return mask;
}

static unsigned int pipe_poll_write(struct file *f, struct poll_table *pt)
{
	struct pipe *p = f->private;
	unsigned int mask = 0;

	poll_wait(f, &p->wait, pt);
	if (READ_ONCE(p->head) - READ_ONCE(p->tail) < PIPE_SIZE)
		mask |= POLLOUT | POLLWRNORM;
	if (!READ_ONCE(p->readers))
		mask |= POLLERR;
	return mask;
}

static const struct file_operations pipe_read_fops = {
	.read = pipe_read,
	.poll = pipe_poll_read,
	.release = pipe_release,
};

static const struct file_operations pipe_write_fops = {
	.write = pipe_write,
	.poll = pipe_poll_write,
	.release = pipe_release,
};

int pipe_create(struct file **rd, struct file **wr, unsigned int flags)
{
	struct pipe *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	p->buf = (u8 *)__get_free_pages(GFP_KERNEL, 0);
	*rd = file_alloc(NULL, &pipe_read_fops, O_RDONLY | flags);
	*wr = file_alloc(NULL, &pipe_write_fops, O_WRONLY | flags);
	if (!p->buf || !*rd || !*wr) {
		kfree(*rd);
		kfree(*wr);
		if (p->buf)
			free_page((unsigned long)p->buf);
		kfree(p);
		return -ENOMEM;
	}
	mutex_init(&p->lock, "pipe->lock");
	init_waitqueue_head(&p->wait);
	p->readers = p->writers = 1;
	atomic_set(&p->refs, 2);
	(*rd)->private = (*wr)->private = p;
	return 0;
}
