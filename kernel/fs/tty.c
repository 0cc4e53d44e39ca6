// SPDX-License-Identifier: MIT
/*
 * The console tty: the serial line as a terminal for user programs.
 *
 * Input. The serial interrupt fills the UART's ring (kernel/drivers/
 * serial.c) and calls the tty's hook. While a session owns the input,
 * the hook takes each byte as it comes, in the interrupt, and hands it
 * to the line discipline (kernel/fs/n_tty.c): echo, line editing, and
 * ^C, ^\ and ^Z as signals to the foreground group, whether anybody
 * reads or not. Readers take what the discipline made of it. While the
 * kernel shell owns the input, the hook leaves the bytes in the ring
 * and the shell reads them there (tty_shell_getc), so nothing typed to
 * the shell goes through the tty, and the order of what is typed stays
 * the order it is read in. The input ring is bounded: when it is full
 * the hook stops taking bytes, the UART's ring fills and the UART
 * throttles the sender; the next read takes more.
 *
 * Job control. The tty remembers the session it is the controlling
 * tty of and that session's foreground process group. A process of
 * the session outside that group gets SIGTTIN when it reads (and
 * SIGTTOU when it writes with TOSTOP, or changes the foreground group).
 *
 * Output goes to the kernel's console as is, between kernel messages
 * (printk_write): serial_write turns "\n" into "\r\n" always, so
 * OPOST/ONLCR are kept in termios but the line is cooked either way.
 */
#include "kernel/fs/tty.h"
#include "kernel/fs/tty_internal.h"
#include "kernel/drivers/console.h"
#include "kernel/fs/fs.h"
#include "kernel/fs/poll.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/timer.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TCSBRK 0x5409
#define TCXONC 0x540A
#define TCFLSH 0x540B
#define TIOCSCTTY 0x540E
#define TIOCGPGRP 0x540F
#define TIOCSPGRP 0x5410
#define TIOCOUTQ 0x5411
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD 0x541B
#define FIONBIO 0x5421
#define TIOCNOTTY 0x5422
#define TCSBRKP 0x5425
#define TIOCGSID 0x5429

#define NSEC_PER_SEC 1000000000ull

#define TCIFLUSH 0
#define TCIOFLUSH 2
#define TCION 3

#define TTY_CHUNK 256	   /* bytes copied to or from user memory at a time */
#define TTY_INPUT_BATCH 64 /* bytes taken per hold of tty->lock */

static const struct ktermios default_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = 0x00bf, /* B38400 | CS8 | CREAD */
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		   IEXTEN,
	/* ^C ^\ DEL ^U ^D, TIME 0, MIN 1, -, ^Q ^S ^Z, -, ^R ^O ^W ^V */
	.c_cc = {3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22},
};

static struct tty console_tty = {
	.termios = default_termios,
	.winsize = {24, 80, 0, 0},
	.owner = TTY_OWNER_SHELL,
};

/* ---- who gets the serial input ---- */

/* Feed the line discipline a batch. Return: bytes taken. */
static int take_input(struct tty *tty)
{
	unsigned long flags;
	int sig = 0, pgrp, taken = 0;
	bool escaped = false;

	spin_lock_irqsave(&tty->lock, flags);
	while (taken < TTY_INPUT_BATCH && !sig) {
		int c;

		if (tty->owner != TTY_OWNER_SESSION || !n_tty_room(tty))
			break;
		c = serial_getc();
		if (c < 0)
			break;
		taken++;
		if (c == TTY_ESCAPE) {
			tty->owner = TTY_OWNER_SHELL;
			tty->shell_resumed = true;
			escaped = true;
			break;
		}
		sig = n_tty_receive(tty, (u8)c);
	}
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (taken)
		wake_up(&tty->read_wait);
	if (escaped)
		printk("\n[kernel debug shell: 'exit' or Ctrl-] goes back "
		       "to the program]\n");
	if (sig && pgrp > 0)
		kill_pgrp(pgrp, sig);
	return escaped ? 0 : taken;
}

/*
 * Everything that may let more input through calls this: the receive
 * interrupt (new bytes), a read (room again), a change of owner. The
 * shell's waiters are woken as well: it may be theirs now.
 */
static void kick_input(void)
{
	while (take_input(&console_tty))
		;
	wake_up(serial_rx_waitq());
}

void tty_init(void)
{
	spin_lock_init(&console_tty.lock, "tty->lock");
	init_waitqueue_head(&console_tty.read_wait);
	serial_set_rx_hook(kick_input);
}

void tty_claim_begin(void)
{
	struct tty *tty = &console_tty;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	tty->claim = !tty->session;
	tty->claimed_by = 0;
	spin_unlock_irqrestore(&tty->lock, flags);
}

int tty_claim_end(void)
{
	struct tty *tty = &console_tty;
	unsigned long flags;
	int session;

	spin_lock_irqsave(&tty->lock, flags);
	tty->claim = false;
	session = tty->claimed_by;
	tty->claimed_by = 0;
	spin_unlock_irqrestore(&tty->lock, flags);
	return session;
}

/*
 * A session leader opening the console while a claim is open makes it
 * its controlling tty: the spawned program's descriptors 0-2, opened
 * by the child itself before its exec, so before it can ask.
 */
static void claim_for_current(struct tty *tty)
{
	unsigned long flags;
	bool attached = false;

	if (!READ_ONCE(tty->claim) || !current->is_process ||
	    current->session != current->pid)
		return;
	spin_lock_irqsave(&tty->lock, flags);
	if (tty->claim && !tty->session) {
		bool was_canon = L_FLAG(tty, ICANON);

		/* Each session starts with a cooked line, whatever the last left. */
		tty->termios = default_termios;
		n_tty_set_canon(tty, was_canon);
		tty->session = current->session;
		tty->pgrp = current->pgrp;
		tty->owner = TTY_OWNER_SESSION;
		tty->claim = false;
		tty->claimed_by = tty->session;
		attached = true;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	if (attached)
		kick_input();
}

void tty_detach(int session, bool reprompt)
{
	struct tty *tty = &console_tty;
	unsigned long flags;
	int pgrp = 0;

	spin_lock_irqsave(&tty->lock, flags);
	if (tty->session == session) {
		pgrp = tty->pgrp;
		tty->session = 0;
		tty->pgrp = 0;
		if (tty->owner == TTY_OWNER_SESSION && reprompt)
			tty->shell_resumed = true;
		tty->owner = TTY_OWNER_SHELL;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	/* As when a session leader exits on Linux: its foreground hangs up. */
	if (pgrp > 0 && kill_pgrp(pgrp, SIGHUP) == 0)
		kill_pgrp(pgrp, SIGCONT);
	kick_input();
	wake_up(&tty->read_wait);
}

static bool shell_may_read(struct tty *tty)
{
	if (READ_ONCE(tty->owner) != TTY_OWNER_SHELL)
		return false;
	return READ_ONCE(tty->shell_resumed) ||
	       (!READ_ONCE(tty->session) &&
		READ_ONCE(tty->head) != READ_ONCE(tty->tail)) ||
	       serial_rx_pending();
}

int tty_shell_getc(void)
{
	struct tty *tty = &console_tty;

	for (;;) {
		unsigned long flags;
		int c = -1;

		wait_event(*serial_rx_waitq(), shell_may_read(tty));
		spin_lock_irqsave(&tty->lock, flags);
		if (tty->owner != TTY_OWNER_SHELL) {
			/* Lost it between the wake-up and the lock. */
		} else if (tty->shell_resumed) {
			tty->shell_resumed = false;
			c = TTY_SHELL_RESUMED;
		} else if (!tty->session && tty->head != tty->tail) {
			/* Typed ahead while a program ran: first, in order. */
			c = n_tty_take_byte(tty);
		} else {
			c = serial_getc();
		}
		spin_unlock_irqrestore(&tty->lock, flags);
		if (c != -1)
			return c;
	}
}

void tty_shell_wait(void)
{
	struct tty *tty = &console_tty;
	unsigned long flags;

	wait_event(*serial_rx_waitq(),
		   READ_ONCE(tty->owner) == TTY_OWNER_SHELL);
	spin_lock_irqsave(&tty->lock, flags);
	tty->shell_resumed = false; /* nothing half-typed to drop yet */
	spin_unlock_irqrestore(&tty->lock, flags);
}

bool tty_shell_release(void)
{
	struct tty *tty = &console_tty;
	unsigned long flags;
	bool ok = false;

	spin_lock_irqsave(&tty->lock, flags);
	if (tty->session) {
		tty->owner = TTY_OWNER_SESSION;
		ok = true;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	if (ok) {
		/* Before what is typed next gets echoed. */
		printk("[back to the program]\n");
		kick_input();
	}
	return ok;
}

/* ---- job control ---- */

static bool is_ctty(const struct tty *tty)
{
	int session = READ_ONCE(tty->session);

	return session && READ_ONCE(current->session) == session;
}

static bool sig_ignored_or_blocked(int sig)
{
	struct sighand_struct *sh = current->sighand;

	return (current->sig_blocked & sigmask(sig)) ||
	       (sh && sh->action[sig - 1].handler == SIG_IGN);
}

/*
 * A process of the tty's session, outside the foreground group, may not
 * read (@sig SIGTTIN) or change the tty (SIGTTOU): its group is stopped
 * instead. One that ignores or blocks the signal reads -EIO, and may
 * change the tty. There is no -ERESTARTSYS here: the call ends -EINTR.
 */
static int job_control_check(struct tty *tty, int sig)
{
	int pgrp = READ_ONCE(current->pgrp);

	if (!is_ctty(tty) || pgrp == READ_ONCE(tty->pgrp))
		return 0;
	if (sig_ignored_or_blocked(sig))
		return sig == SIGTTIN ? -EIO : 0;
	kill_pgrp(pgrp, sig);
	return -EINTR;
}

struct pgrp_lookup {
	int pgrp, session;
};

static void find_pgrp_session(struct task_struct *task, void *arg)
{
	struct pgrp_lookup *l = arg;

	if (task->is_process && !task->zombie &&
	    READ_ONCE(task->pgrp) == l->pgrp)
		l->session = READ_ONCE(task->session);
}

/* TIOCSPGRP, with Linux's rules. */
static long set_fg_pgrp(struct tty *tty, const int __user *upgrp)
{
	struct pgrp_lookup l = {0, 0};
	unsigned long flags;
	long err;

	if (!is_ctty(tty))
		return -ENOTTY;
	err = job_control_check(tty, SIGTTOU);
	if (err)
		return err;
	if (copy_from_user(&l.pgrp, upgrp, sizeof(l.pgrp)))
		return -EFAULT;
	if (l.pgrp < 0)
		return -EINVAL;
	for_each_task(find_pgrp_session, &l);
	if (!l.session)
		return -ESRCH;
	if (l.session != current->session)
		return -EPERM;
	spin_lock_irqsave(&tty->lock, flags);
	tty->pgrp = l.pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	return 0;
}

static long set_ctty(struct tty *tty)
{
	unsigned long flags;
	long err = 0;

	if (is_ctty(tty))
		return 0;
	if (current->session != current->pid)
		return -EPERM; /* only a session leader acquires one */
	spin_lock_irqsave(&tty->lock, flags);
	if (tty->session) {
		err = -EPERM; /* stealing it (arg 1, for root): not here */
	} else {
		tty->session = current->session;
		tty->pgrp = current->pgrp;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	return err;
}

/* TIOCNOTTY: the session leader lets go; its foreground group hangs up. */
static long drop_ctty(struct tty *tty)
{
	unsigned long flags;
	int pgrp;

	if (!is_ctty(tty))
		return -ENOTTY;
	if (current->session != current->pid)
		return 0; /* Linux: only the leader's call detaches the tty */
	spin_lock_irqsave(&tty->lock, flags);
	pgrp = tty->pgrp;
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (pgrp > 0) {
		kill_pgrp(pgrp, SIGHUP);
		kill_pgrp(pgrp, SIGCONT);
	}
	return 0;
}

/* ---- reading and writing ---- */

/*
 * Wait for @amt bytes (a line in canonical mode), a signal, or @deadline
 * (ktime_get_ns; KTIME_MAX: none). Return: 0, -EINTR, -EAGAIN (@nonblock
 * and nothing), -ETIMEDOUT.
 */
static int wait_input(struct tty *tty, unsigned int amt, u64 deadline,
		      bool nonblock)
{
	DEFINE_WAIT(wait);
	int err;

	for (;;) {
		prepare_to_wait(&tty->read_wait, &wait);
		if (n_tty_readable(tty, amt)) {
			err = 0;
			break;
		}
		if (nonblock) {
			err = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			err = -EINTR;
			break;
		}
		if (!schedule_timeout_until(deadline)) {
			err = n_tty_readable(tty, amt) ? 0 : -ETIMEDOUT;
			break;
		}
	}
	finish_wait(&tty->read_wait, &wait);
	return err;
}

/*
 * Copy out what is there, up to @len; canonical mode stops at the end of
 * a line. Return: bytes, or -EFAULT.
 */
static long copy_input(struct tty *tty, u8 __user *ubuf, unsigned long len)
{
	unsigned long done = 0;
	bool line_done = false;

	while (done < len && !line_done) {
		u8 kbuf[TTY_CHUNK];
		unsigned long flags;
		size_t n;

		spin_lock_irqsave(&tty->lock, flags);
		n = n_tty_copy(tty, kbuf, min(len - done, sizeof(kbuf)),
			       &line_done);
		spin_unlock_irqrestore(&tty->lock, flags);
		if (!n)
			break;
		if (copy_to_user(ubuf + done, kbuf, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	kick_input(); /* room again: take what waits in the UART ring */
	return (long)done;
}

/* Non-canonical mode: Linux's VMIN/VTIME cases. */
static int wait_raw(struct tty *tty, unsigned long len, bool nonblock)
{
	unsigned int vmin = tty->termios.c_cc[VMIN];
	unsigned int vtime = tty->termios.c_cc[VTIME];
	/* TIME counts tenths of a second. */
	u64 tmo = (u64)vtime * (NSEC_PER_SEC / 10);
	unsigned int amt = vmin < len ? vmin : (unsigned int)len;
	int err;

	if (nonblock || (!vmin && !vtime))
		return wait_input(tty, 1, 0, true) == -EINTR ? -EINTR : 0;
	if (!vmin) /* a read timer: one byte, or nothing after TIME */
		err = wait_input(tty, 1, ktime_get_ns() + tmo, false);
	else if (!vtime)
		err = wait_input(tty, amt, KTIME_MAX, false);
	else if (!(err = wait_input(tty, 1, KTIME_MAX, false)))
		/* Then an inter-byte timer (approximated: since the first). */
		err = wait_input(tty, amt, ktime_get_ns() + tmo, false);
	return err == -ETIMEDOUT ? 0 : err;
}

static long tty_read(struct file *f, void *ubuf, unsigned long len)
{
	struct tty *tty = f->private;
	bool nonblock = f->flags & O_NONBLOCK;
	int err = job_control_check(tty, SIGTTIN);

	if (err)
		return err;
	if (!access_ok(ubuf, len))
		return -EFAULT;
	if (!len)
		return 0;
	if (L_FLAG(tty, ICANON)) {
		err = wait_input(tty, 1, KTIME_MAX, nonblock);
		if (err)
			return err;
		return copy_input(tty, ubuf, len);
	}
	err = wait_raw(tty, len, nonblock);
	if (err)
		return err;
	if (!n_tty_readable(tty, 1) && nonblock)
		return -EAGAIN;
	return copy_input(tty, ubuf, len);
}

static long tty_write(struct file *f, const void *ubuf, unsigned long len)
{
	struct tty *tty = f->private;
	unsigned long done = 0;

	if (L_FLAG(tty, TOSTOP)) {
		long err = job_control_check(tty, SIGTTOU);

		if (err)
			return err;
	}
	while (done < len) {
		char buf[TTY_CHUNK];
		unsigned long chunk = min(len - done, sizeof(buf));

		if (copy_from_user(buf, (const u8 __user *)ubuf + done, chunk))
			return done ? (long)done : -EFAULT;
		printk_write(buf, chunk);
		done += chunk;
	}
	return (long)done;
}

static unsigned int tty_poll(struct file *f, struct poll_table *pt)
{
	struct tty *tty = f->private;
	unsigned int mask = POLLOUT | POLLWRNORM;
	unsigned int vmin = tty->termios.c_cc[VMIN];

	poll_wait(f, &tty->read_wait, pt);
	if (n_tty_readable(tty, vmin && !tty->termios.c_cc[VTIME] ? vmin : 1))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

/* ---- ioctl ---- */

static long set_termios(struct tty *tty, unsigned int cmd,
			const void __user *arg)
{
	struct ktermios t;
	unsigned long flags;
	bool was_canon;
	long err = job_control_check(tty, SIGTTOU);

	if (err)
		return err;
	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	/* TCSETSW would wait for the output to drain: it never queues. */
	spin_lock_irqsave(&tty->lock, flags);
	was_canon = L_FLAG(tty, ICANON);
	tty->termios = t;
	n_tty_set_canon(tty, was_canon);
	if (cmd == TCSETSF)
		n_tty_flush(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
	kick_input();
	wake_up(&tty->read_wait); /* VMIN or ICANON may make a read ready */
	return 0;
}

static long copy_out(void __user *to, const void *from, size_t n)
{
	return copy_to_user(to, from, n) ? -EFAULT : 0;
}

static long put_int(unsigned long arg, int value)
{
	return copy_out((void __user *)arg, &value, sizeof(value));
}

static long set_winsize(struct tty *tty, const void __user *arg)
{
	struct winsize ws;
	unsigned long flags;
	bool changed;
	int pgrp;

	if (copy_from_user(&ws, arg, sizeof(ws)))
		return -EFAULT;
	spin_lock_irqsave(&tty->lock, flags);
	changed = memcmp(&ws, &tty->winsize, sizeof(ws)) != 0;
	tty->winsize = ws;
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (changed && pgrp > 0)
		kill_pgrp(pgrp, SIGWINCH);
	return 0;
}

static long flush_input(struct tty *tty, unsigned long which)
{
	unsigned long flags;

	if (which > TCIOFLUSH)
		return -EINVAL;
	if (which == TCIFLUSH || which == TCIOFLUSH) {
		spin_lock_irqsave(&tty->lock, flags);
		n_tty_flush(tty);
		spin_unlock_irqrestore(&tty->lock, flags);
		kick_input();
	}
	return 0; /* output is never queued: nothing to flush */
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty *tty = f->private;
	void __user *uarg = (void __user *)arg;
	unsigned long flags;
	unsigned int inq;

	switch (cmd) {
	case TCGETS:
		return copy_out(uarg, &tty->termios, sizeof(tty->termios));
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, uarg);
	case TIOCGWINSZ:
		return copy_out(uarg, &tty->winsize, sizeof(tty->winsize));
	case TIOCSWINSZ:
		return set_winsize(tty, uarg);
	case TIOCGPGRP:
		return is_ctty(tty) ? put_int(arg, READ_ONCE(tty->pgrp))
				    : -ENOTTY;
	case TIOCSPGRP:
		return set_fg_pgrp(tty, uarg);
	case TIOCGSID:
		return is_ctty(tty) ? put_int(arg, READ_ONCE(tty->session))
				    : -ENOTTY;
	case TIOCSCTTY:
		return set_ctty(tty);
	case TIOCNOTTY:
		return drop_ctty(tty);
	case FIONREAD:
		spin_lock_irqsave(&tty->lock, flags);
		inq = n_tty_inq(tty);
		spin_unlock_irqrestore(&tty->lock, flags);
		return put_int(arg, (int)inq);
	case TIOCOUTQ:
		return put_int(arg, 0);
	case FIONBIO: {
		int on;

		if (copy_from_user(&on, uarg, sizeof(on)))
			return -EFAULT;
		f->flags = on ? f->flags | O_NONBLOCK : f->flags & ~O_NONBLOCK;
		return 0;
	}
	case TCFLSH:
		return flush_input(tty, arg);
	case TCXONC:
		return arg > TCION ? -EINVAL
				   : 0; /* no flow control to switch */
	case TCSBRK:
	case TCSBRKP:
		return 0; /* tcdrain, tcsendbreak: output never waits */
	default:
		return -ENOTTY;
	}
}

static const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};

int tty_open_console(unsigned int flags, struct file **filp)
{
	*filp = file_alloc(NULL, &tty_fops, flags);
	if (!*filp)
		return -ENOMEM;
	(*filp)->private = &console_tty;
	return 0;
}

int tty_open_current(unsigned int flags, struct file **filp)
{
	if (!is_ctty(&console_tty))
		return -ENXIO;
	return tty_open_console(flags, filp);
}

struct file *console_file(void)
{
	struct file *f;

	if (tty_open_console(O_RDWR, &f))
		return NULL;
	claim_for_current(&console_tty);
	return f;
}
