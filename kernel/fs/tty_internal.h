/* SPDX-License-Identifier: MIT */
/*
 * Inside the console tty: the struct shared by the tty's file side
 * (kernel/fs/tty.c) and its line discipline (kernel/fs/n_tty.c).
 */
#ifndef KERNEL_FS_TTY_INTERNAL_H
#define KERNEL_FS_TTY_INTERNAL_H

#include "kernel/lib/types.h"
#include "kernel/spinlock.h"
#include "kernel/wait.h"

/* struct termios of the i386 kernel ABI (TCGETS/TCSETS*): 36 bytes. */
#define NCCS 19
struct ktermios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[NCCS];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* c_cc indices */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5
#define VMIN 6
#define VSTART 8
#define VSTOP 9
#define VSUSP 10
#define VEOL 11
#define VWERASE 14
#define VEOL2 16

/* c_iflag */
#define ISTRIP 0000040
#define INLCR 0000100
#define IGNCR 0000200
#define ICRNL 0000400
#define IXON 0002000
/* c_oflag */
#define OPOST 0000001
#define ONLCR 0000004
/* c_lflag */
#define ISIG 0000001
#define ICANON 0000002
#define ECHO 0000010
#define ECHOE 0000020
#define ECHOK 0000040
#define ECHONL 0000100
#define NOFLSH 0000200
#define TOSTOP 0000400
#define ECHOCTL 0001000
#define ECHOKE 0004000
#define IEXTEN 0100000

/* The input ring: a power of two, so the free-running indices wrap well. */
#define N_TTY_BUF_SIZE 4096

enum tty_owner {
	TTY_OWNER_SHELL,   /* the kernel's debug shell reads the serial line */
	TTY_OWNER_SESSION, /* the bytes go through the line discipline */
};

/*
 * Locking: lock (a spinlock, interrupts off) guards everything below
 * but read_wait, which has its own. The input ring holds bytes
 * [tail, head); in canonical mode [tail, canon_head) are complete lines
 * and [canon_head, head) the line being edited. line_end marks the byte
 * that ends a line (newline, EOL, EOF); eof_mark an EOF that is not data.
 */
struct tty {
	spinlock_t lock;
	struct ktermios termios;
	struct winsize winsize;
	int session; /* 0: nobody's controlling tty */
	int pgrp;    /* the foreground process group */
	enum tty_owner owner;
	bool shell_resumed; /* the shell got the input back: prompt again */
	bool claim;	    /* the next session leader to open it gets it */
	int claimed_by;	    /* the session that took the claim */
	unsigned int head, tail, canon_head;
	u8 buf[N_TTY_BUF_SIZE];
	u32 line_end[N_TTY_BUF_SIZE / 32];
	u32 eof_mark[N_TTY_BUF_SIZE / 32];
	struct wait_queue_head read_wait; /* readers and pollers */
};

#define L_FLAG(tty, f) (((tty)->termios.c_lflag & (f)) != 0)
#define I_FLAG(tty, f) (((tty)->termios.c_iflag & (f)) != 0)

/**
 * n_tty_receive - one typed byte through the line discipline
 * @tty: the tty, lock held
 * @c: the byte
 *
 * Maps CR/NL, edits the line in canonical mode, echoes, and flushes the
 * input on a signal character.
 * Context: the serial interrupt or a thread, tty->lock held (interrupts
 * off).
 * Return: the signal to send to the foreground group, or 0.
 */
int n_tty_receive(struct tty *tty, u8 c);

/**
 * n_tty_room - may the line discipline take one more byte?
 * @tty: the tty, lock held
 *
 * Context: tty->lock held. Return: true if the ring has room.
 */
bool n_tty_room(const struct tty *tty);

/**
 * n_tty_readable - is there something for a read (canonical: a line)?
 * @tty: the tty
 * @amt: non-canonical mode: how many bytes
 *
 * Context: any; a snapshot without the lock. Return: true if so.
 */
bool n_tty_readable(const struct tty *tty, unsigned int amt);

/**
 * n_tty_copy - take up to @len bytes a read may have
 * @tty: the tty, lock held
 * @kbuf: receives them
 * @len: at most this many
 * @done: canonical mode: set when the line (or an EOF) ended
 *
 * Context: tty->lock held. Return: the bytes taken.
 */
size_t n_tty_copy(struct tty *tty, u8 *kbuf, size_t len, bool *done);

/**
 * n_tty_take_byte - take the oldest input byte (the shell's typeahead)
 * @tty: the tty, lock held, with input
 *
 * Context: tty->lock held. Return: the byte.
 */
u8 n_tty_take_byte(struct tty *tty);

/**
 * n_tty_flush - throw the unread input away
 * @tty: the tty, lock held
 *
 * Context: tty->lock held.
 */
void n_tty_flush(struct tty *tty);

/**
 * n_tty_set_canon - the termios changed: keep the ring consistent
 * @tty: the tty, lock held
 * @was_canon: ICANON before the change
 *
 * Context: tty->lock held.
 */
void n_tty_set_canon(struct tty *tty, bool was_canon);

/**
 * n_tty_inq - bytes a read could return now (FIONREAD)
 * @tty: the tty, lock held
 *
 * Context: tty->lock held. Return: the count.
 */
unsigned int n_tty_inq(const struct tty *tty);

#endif /* KERNEL_FS_TTY_INTERNAL_H */
