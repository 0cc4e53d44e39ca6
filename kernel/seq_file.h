/* SPDX-License-Identifier: MIT */
/*
 * seq_file: where the text of a /proc file is formatted. Every show
 * function that mirrors a Linux /proc file prints into a struct seq_file,
 * so that the file and the shell command of the same name print the same
 * text from one function:
 *
 *   - a buffer seq_file (seq_buf_init) collects the text for a read() of
 *     the file: seq_fill() runs the show function into it, and again into
 *     a buffer twice the size (kmalloc, then vmalloc) while the text does
 *     not fit, up to a maximum;
 *   - the console seq_file (seq_console) forwards every piece to printk,
 *     for the shell.
 */
#ifndef KERNEL_SEQ_FILE_H
#define KERNEL_SEQ_FILE_H

#include "kernel/lib/compiler.h"
#include "kernel/lib/types.h"
#include <stdarg.h>

/* The largest buffer a /proc file's text may take by default. */
#define SEQ_DEFAULT_MAX (256 * 1024)

struct seq_file {
	char *buf;	/* the text so far; NULL until the first write */
	size_t size;	/* bytes allocated at buf */
	size_t count;	/* bytes of text in buf (no NUL counted) */
	size_t max;	/* the most buf may grow to */
	bool overflow;	/* some text did not fit in buf and was dropped */
	bool vmalloced; /* buf came from vmalloc, not kmalloc */
	bool console;	/* no buffer: everything goes to printk */
};

/**
 * seq_buf_init - make @m an empty buffer seq_file of at most @max bytes
 * @m: the seq_file
 * @max: the largest the text may grow (SEQ_DEFAULT_MAX for /proc files)
 *
 * Nothing is allocated until seq_fill(). Free it with seq_release().
 * Context: thread.
 */
void seq_buf_init(struct seq_file *m, size_t max);

/**
 * seq_fill - run @show into the buffer of @m until its text fits
 * @m: a buffer seq_file (or the console one: @show runs once)
 * @show: the show function; may hold locks while it prints
 * @arg: passed to @show
 *
 * The text is in @m->buf, @m->count bytes and a NUL, until seq_release().
 * Context: thread; may sleep (between the runs of @show, not in them).
 * Return: @show's error, -ENOMEM, -EOVERFLOW (the text passes @m->max), or 0.
 */
int seq_fill(struct seq_file *m, int (*show)(struct seq_file *m, void *arg),
	     void *arg);

/**
 * seq_release - free the buffer of @m; it is empty afterwards
 * @m: a buffer seq_file, or the console one (then nothing happens)
 *
 * Context: thread.
 */
void seq_release(struct seq_file *m);

/**
 * seq_console - the seq_file that prints to the console
 *
 * The shell passes it to the show functions. Shared by every caller:
 * it holds no state but its flag.
 * Context: any.
 * Return: the console seq_file.
 */
struct seq_file *seq_console(void);

/**
 * seq_vprintf - seq_printf with a va_list
 * @m: the seq_file
 * @fmt: the format (see vsnprintf)
 * @ap: its arguments
 *
 * Context: any; never sleeps.
 */
void seq_vprintf(struct seq_file *m, const char *fmt, va_list ap);

/**
 * seq_printf - append formatted text to @m
 * @m: the seq_file
 * @fmt: the format (see vsnprintf)
 *
 * A piece that does not fit in the buffer is dropped whole and sets
 * @m->overflow (seq_fill then runs the show function again, bigger).
 * Context: any; never sleeps.
 */
void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);

/**
 * seq_puts - append the string @s to @m
 * @m: the seq_file
 * @s: the text
 *
 * Context: as seq_printf().
 */
void seq_puts(struct seq_file *m, const char *s);

/**
 * seq_putc - append the character @c to @m
 * @m: the seq_file
 * @c: the character; may be NUL (/proc/PID/cmdline separates with it)
 *
 * Context: as seq_printf().
 */
void seq_putc(struct seq_file *m, char c);

/**
 * seq_write - append @len bytes at @data to @m
 * @m: the seq_file
 * @data: the bytes, NULs included
 * @len: how many
 *
 * Context: as seq_printf().
 */
void seq_write(struct seq_file *m, const void *data, size_t len);

/**
 * seq_has_overflowed - was text dropped because @m would pass its max?
 * @m: the seq_file
 *
 * Context: any. Return: true if so.
 */
static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->overflow;
}

#endif /* KERNEL_SEQ_FILE_H */
