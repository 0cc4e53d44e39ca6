// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the console tty's line discipline (kernel/fs/
 * n_tty.c) on a tty of the test's own: what typed bytes become, and what
 * a read may take. ECHO is off, so nothing reaches the console.
 */
#include "kernel/fs/tty_internal.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "mm/slab.h"
#include "tests/kernel/ktest.h"

static void free_tty(void *tty)
{
	kfree(tty);
}

/* A cooked tty as a session starts with, but silent (no ECHO). */
static struct tty *test_tty(struct ktest_ctx *t)
{
	static const u8 cc[NCCS] = {3,	28, 127, 21, 4,	 0,  1,	 0,
				    17, 19, 26,	 0,  18, 15, 23, 22};
	struct tty *tty = kzalloc(sizeof(*tty), GFP_KERNEL);

	if (!tty || !ktest_defer(t, free_tty, tty))
		return NULL;
	spin_lock_init(&tty->lock, "test tty->lock");
	init_waitqueue_head(&tty->read_wait);
	tty->termios.c_iflag = ICRNL;
	tty->termios.c_lflag = ISIG | ICANON | ECHOE | ECHOK | IEXTEN;
	memcpy(tty->termios.c_cc, cc, sizeof(cc));
	return tty;
}

/* Type @s; the last signal asked for. */
static int type(struct tty *tty, const char *s)
{
	unsigned long flags;
	int sig = 0;

	spin_lock_irqsave(&tty->lock, flags);
	while (*s) {
		int got = n_tty_receive(tty, (u8)*s++);

		if (got)
			sig = got;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	return sig;
}

/* One read's worth, NUL-terminated in @buf; *@done as n_tty_copy says. */
static size_t take(struct tty *tty, char *buf, size_t size, bool *done)
{
	unsigned long flags;
	size_t n;

	spin_lock_irqsave(&tty->lock, flags);
	n = n_tty_copy(tty, (u8 *)buf, size - 1, done);
	spin_unlock_irqrestore(&tty->lock, flags);
	buf[n] = '\0';
	return n;
}

KTEST(n_tty, canonical_editing)
{
	struct tty *tty = test_tty(t);
	char buf[64];
	bool done;

	KT_REQUIRE_NOT_NULL(t, tty);
	/* DEL erases, CR is read as NL (ICRNL). */
	type(tty, "ab\x7f"
		  "c\r");
	take(tty, buf, sizeof(buf), &done);
	KT_EXPECT_STREQ(t, buf, "ac\n");
	KT_EXPECT_TRUE(t, done);
	/* ^U kills the line, ^W the word before the cursor. */
	type(tty, "xyz\x15uv\nfoo bar\x17"
		  "baz\n");
	take(tty, buf, sizeof(buf), &done);
	KT_EXPECT_STREQ(t, buf, "uv\n");
	take(tty, buf, sizeof(buf), &done);
	KT_EXPECT_STREQ(t, buf, "foo baz\n");
	/* Erasing an empty line does nothing. */
	type(tty, "\x7f\x7f"
		  "k\n");
	take(tty, buf, sizeof(buf), &done);
	KT_EXPECT_STREQ(t, buf, "k\n");
}

KTEST(n_tty, line_not_ready_until_its_end)
{
	struct tty *tty = test_tty(t);
	char buf[64];
	bool done;

	KT_REQUIRE_NOT_NULL(t, tty);
	type(tty, "abc");
	KT_EXPECT_FALSE(t, n_tty_readable(tty, 1));
	KT_EXPECT_EQ(t, n_tty_inq(tty), 0u);
	type(tty, "\n");
	KT_EXPECT_TRUE(t, n_tty_readable(tty, 1));
	KT_EXPECT_EQ(t, n_tty_inq(tty), 4u);
	/* A short read leaves the rest of the line for the next one. */
	KT_EXPECT_EQ(t, take(tty, buf, 3, &done), (size_t)2);
	KT_EXPECT_STREQ(t, buf, "ab");
	KT_EXPECT_FALSE(t, done);
	take(tty, buf, sizeof(buf), &done);
	KT_EXPECT_STREQ(t, buf, "c\n");
	KT_EXPECT_TRUE(t, done);
}

KTEST(n_tty, eof)
{
	struct tty *tty = test_tty(t);
	char buf[64];
	bool done;

	KT_REQUIRE_NOT_NULL(t, tty);
	/* ^D after text pushes the line out, without itself. */
	type(tty, "ab\x04");
	take(tty, buf, sizeof(buf), &done);
	KT_EXPECT_STREQ(t, buf, "ab");
	KT_EXPECT_FALSE(t, n_tty_readable(tty, 1));
	/* Alone, it reads as end of file: 0 bytes, the line done. */
	type(tty, "\x04");
	KT_EXPECT_TRUE(t, n_tty_readable(tty, 1));
	KT_EXPECT_EQ(t, take(tty, buf, sizeof(buf), &done), (size_t)0);
	KT_EXPECT_TRUE(t, done);
	KT_EXPECT_FALSE(t, n_tty_readable(tty, 1));
}

KTEST(n_tty, signal_chars_flush)
{
	struct tty *tty = test_tty(t);

	KT_REQUIRE_NOT_NULL(t, tty);
	KT_EXPECT_EQ(t, type(tty, "done\nab\x03"), SIGINT);
	/* What was typed before belongs to the interrupted program. */
	KT_EXPECT_FALSE(t, n_tty_readable(tty, 1));
	KT_EXPECT_EQ(t, tty->head, tty->tail);
	KT_EXPECT_EQ(t, type(tty, "\x1c"), SIGQUIT);
	KT_EXPECT_EQ(t, type(tty, "\x1a"), SIGTSTP);
	/* ISIG off: ^C is data. */
	tty->termios.c_lflag &= ~(u32)ISIG;
	KT_EXPECT_EQ(t, type(tty, "\x03\n"), 0);
	KT_EXPECT_EQ(t, n_tty_inq(tty), 2u);
	/* A disabled character (0, _POSIX_VDISABLE) matches nothing. */
	tty->termios.c_lflag |= ISIG;
	tty->termios.c_cc[VINTR] = 0;
	KT_EXPECT_EQ(t, type(tty, "\x03"), 0);
}

KTEST(n_tty, raw_mode)
{
	struct tty *tty = test_tty(t);
	unsigned long flags;
	char buf[64];
	bool done;

	KT_REQUIRE_NOT_NULL(t, tty);
	type(tty, "par"); /* a partial line, then raw mode */
	spin_lock_irqsave(&tty->lock, flags);
	tty->termios.c_lflag &= ~(u32)ICANON;
	n_tty_set_canon(tty, true);
	spin_unlock_irqrestore(&tty->lock, flags);
	KT_EXPECT_TRUE(t, n_tty_readable(tty, 3));
	type(tty, "\x7fq\r");
	KT_EXPECT_TRUE(t, n_tty_readable(tty, 6));
	KT_EXPECT_FALSE(t, n_tty_readable(tty, 7));
	take(tty, buf, sizeof(buf), &done);
	KT_EXPECT_STREQ(t, buf, "par\x7fq\n");
	/* INLCR and IGNCR. */
	tty->termios.c_iflag = INLCR | IGNCR;
	type(tty, "a\rb\n");
	take(tty, buf, sizeof(buf), &done);
	KT_EXPECT_STREQ(t, buf, "ab\r");
}

KTEST(n_tty, bounded_ring)
{
	struct tty *tty = test_tty(t);
	unsigned long flags;
	bool room;

	KT_REQUIRE_NOT_NULL(t, tty);
	/* Canonical: the last slot is kept for the end of the line. */
	spin_lock_irqsave(&tty->lock, flags);
	for (int i = 0; i < N_TTY_BUF_SIZE + 10; i++)
		n_tty_receive(tty, 'x');
	spin_unlock_irqrestore(&tty->lock, flags);
	KT_EXPECT_EQ(t, tty->head - tty->tail,
		     (unsigned int)N_TTY_BUF_SIZE - 1);
	type(tty, "\n");
	KT_EXPECT_EQ(t, n_tty_inq(tty), (unsigned int)N_TTY_BUF_SIZE);
	spin_lock_irqsave(&tty->lock, flags);
	room = n_tty_room(tty);
	n_tty_flush(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
	KT_EXPECT_FALSE(t, room);
	KT_EXPECT_EQ(t, n_tty_inq(tty), 0u);
}
