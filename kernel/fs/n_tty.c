// SPDX-License-Identifier: MIT
/*
 * The line discipline of the console tty, after Linux's N_TTY: what a
 * typed byte does (mapped, echoed, edited into the line, or a signal),
 * and what a read may take.
 *
 * Every function here runs with tty->lock held, interrupts off, so the
 * echo goes straight to the console (printk_write: between kernel
 * messages): it is a polled UART and writes never sleep. The caller sends the signal n_tty_receive() asks for
 * after dropping the lock (kill_pgrp walks the task table).
 */
#include "kernel/fs/tty_internal.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"

#define RING_MASK (N_TTY_BUF_SIZE - 1)
#define CHAR_DEL 0x7f

static bool test_mark(const u32 *map, unsigned int i)
{
	i &= RING_MASK;
	return map[i / 32] & (1u << (i % 32));
}

static void set_mark(u32 *map, unsigned int i, bool on)
{
	i &= RING_MASK;
	if (on)
		map[i / 32] |= 1u << (i % 32);
	else
		map[i / 32] &= ~(1u << (i % 32));
}

static unsigned int ring_used(const struct tty *tty)
{
	return tty->head - tty->tail;
}

/* A control character that ECHOCTL shows as ^X (tab and newline are not). */
static bool shown_as_caret(const struct tty *tty, u8 c)
{
	return L_FLAG(tty, ECHOCTL) && (c < ' ' || c == CHAR_DEL) &&
	       c != '\t' && c != '\n';
}

static void echo_char(const struct tty *tty, u8 c)
{
	char caret[2] = {'^', (char)(c ^ 0x40)};

	if (shown_as_caret(tty, c))
		printk_write(caret, 2);
	else
		printk_write((const char *)&c, 1);
}

/* Take the last character of the edited line off the screen. */
static void echo_erase(const struct tty *tty, u8 c)
{
	int cols = shown_as_caret(tty, c) ? 2 : 1;

	if (!L_FLAG(tty, ECHO))
		return;
	if (!L_FLAG(tty, ECHOE)) {
		echo_char(tty, tty->termios.c_cc[VERASE]);
		return;
	}
	while (cols--)
		printk_write("\b \b", 3);
}

static void store(struct tty *tty, u8 c, bool line_end, bool eof)
{
	unsigned int i = tty->head;

	tty->buf[i & RING_MASK] = c;
	set_mark(tty->line_end, i, line_end);
	set_mark(tty->eof_mark, i, eof);
	tty->head++;
	if (line_end)
		tty->canon_head = tty->head;
}

/* Erase one character; false once the line is empty. */
static bool erase_one(struct tty *tty)
{
	u8 c;

	if (tty->head == tty->canon_head)
		return false;
	tty->head--;
	c = tty->buf[tty->head & RING_MASK];
	echo_erase(tty, c);
	return true;
}

static bool is_blank(u8 c)
{
	return c == ' ' || c == '\t';
}

/* ^W: the blanks before the cursor, then the word before them. */
static void erase_word(struct tty *tty)
{
	while (tty->head != tty->canon_head &&
	       is_blank(tty->buf[(tty->head - 1) & RING_MASK]))
		erase_one(tty);
	while (tty->head != tty->canon_head &&
	       !is_blank(tty->buf[(tty->head - 1) & RING_MASK]))
		erase_one(tty);
}

/* ^U: the whole line; shown erased (ECHOKE) or as ^U and a newline (ECHOK). */
static void kill_line(struct tty *tty)
{
	if (L_FLAG(tty, ECHO) && !(L_FLAG(tty, ECHOE) && L_FLAG(tty, ECHOKE))) {
		unsigned int saved = tty->termios.c_lflag;

		echo_char(tty, tty->termios.c_cc[VKILL]);
		if (L_FLAG(tty, ECHOK))
			printk_write("\n", 1);
		tty->termios.c_lflag &= ~(u32)ECHO; /* erase without showing */
		while (erase_one(tty))
			;
		tty->termios.c_lflag = saved;
		return;
	}
	while (erase_one(tty))
		;
}

/* The character @c equals control character @idx (0 there: disabled). */
static bool is_cc(const struct tty *tty, u8 c, int idx)
{
	return tty->termios.c_cc[idx] && c == tty->termios.c_cc[idx];
}

static int signal_char(struct tty *tty, u8 c)
{
	int sig = is_cc(tty, c, VINTR)	 ? SIGINT
		  : is_cc(tty, c, VQUIT) ? SIGQUIT
		  : is_cc(tty, c, VSUSP) ? SIGTSTP
					 : 0;

	if (!sig)
		return 0;
	/* What was typed before belongs to the program being interrupted. */
	if (!L_FLAG(tty, NOFLSH))
		n_tty_flush(tty);
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	return sig;
}

/* Canonical mode: edit the line; true if @c was an editing character. */
static bool edit_char(struct tty *tty, u8 c)
{
	if (is_cc(tty, c, VERASE)) {
		erase_one(tty);
		return true;
	}
	if (is_cc(tty, c, VKILL)) {
		kill_line(tty);
		return true;
	}
	if (L_FLAG(tty, IEXTEN) && is_cc(tty, c, VWERASE)) {
		erase_word(tty);
		return true;
	}
	return false;
}

static void receive_canon(struct tty *tty, u8 c)
{
	bool newline = c == '\n';
	bool eol = newline || is_cc(tty, c, VEOL) || is_cc(tty, c, VEOL2);

	if (edit_char(tty, c))
		return;
	if (is_cc(tty, c, VEOF)) {
		/* Pushes the line out as it is; alone, it reads as end of file. */
		if (ring_used(tty) < N_TTY_BUF_SIZE)
			store(tty, c, true, true);
		return;
	}
	/* Keep the last slot for the line's end, so a full line can end. */
	if (ring_used(tty) >= N_TTY_BUF_SIZE - (eol ? 0 : 1))
		return;
	if (L_FLAG(tty, ECHO) || (newline && L_FLAG(tty, ECHONL)))
		echo_char(tty, c);
	store(tty, c, eol, false);
}

int n_tty_receive(struct tty *tty, u8 c)
{
	int sig;

	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return 0;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (L_FLAG(tty, ISIG) && (sig = signal_char(tty, c)))
		return sig;
	/* Output flow control is not implemented: ^S and ^Q just vanish. */
	if (I_FLAG(tty, IXON) &&
	    (is_cc(tty, c, VSTART) || is_cc(tty, c, VSTOP)))
		return 0;
	if (L_FLAG(tty, ICANON)) {
		receive_canon(tty, c);
		return 0;
	}
	if (ring_used(tty) >= N_TTY_BUF_SIZE)
		return 0;
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	store(tty, c, false, false);
	return 0;
}

bool n_tty_room(const struct tty *tty)
{
	return ring_used(tty) < N_TTY_BUF_SIZE;
}

bool n_tty_readable(const struct tty *tty, unsigned int amt)
{
	if (L_FLAG(tty, ICANON))
		return READ_ONCE(tty->canon_head) != READ_ONCE(tty->tail);
	return READ_ONCE(tty->head) - READ_ONCE(tty->tail) >= amt;
}

/* Take the oldest byte; its marks go with it. */
static u8 take(struct tty *tty, bool *line_end, bool *eof)
{
	unsigned int i = tty->tail;

	*line_end = test_mark(tty->line_end, i);
	*eof = test_mark(tty->eof_mark, i);
	set_mark(tty->line_end, i, false);
	set_mark(tty->eof_mark, i, false);
	if (tty->canon_head == tty->tail)
		tty->canon_head++;
	tty->tail++;
	return tty->buf[i & RING_MASK];
}

size_t n_tty_copy(struct tty *tty, u8 *kbuf, size_t len, bool *done)
{
	bool canon = L_FLAG(tty, ICANON);
	size_t n = 0;

	*done = false;
	while (n < len && tty->tail != (canon ? tty->canon_head : tty->head)) {
		bool line_end, eof;
		u8 c = take(tty, &line_end, &eof);

		if (canon && eof) {
			*done = true;
			break;
		}
		kbuf[n++] = c;
		if (canon && line_end) {
			*done = true;
			break;
		}
	}
	return n;
}

u8 n_tty_take_byte(struct tty *tty)
{
	bool line_end, eof;

	return take(tty, &line_end, &eof);
}

void n_tty_flush(struct tty *tty)
{
	for (unsigned int i = 0; i < N_TTY_BUF_SIZE / 32; i++)
		tty->line_end[i] = tty->eof_mark[i] = 0;
	tty->tail = tty->canon_head = tty->head;
}

void n_tty_set_canon(struct tty *tty, bool was_canon)
{
	bool canon = L_FLAG(tty, ICANON);

	/*
	 * Into canonical mode: what is there becomes the start of the line
	 * being edited. Out of it: every byte is readable, marks or not.
	 */
	if (canon && !was_canon)
		tty->canon_head = tty->tail;
	else if (!canon && was_canon)
		tty->canon_head = tty->head;
}

unsigned int n_tty_inq(const struct tty *tty)
{
	if (L_FLAG(tty, ICANON))
		return tty->canon_head - tty->tail;
	return ring_used(tty);
}
