// SPDX-License-Identifier: MIT
/*
 * The seq_file printer (kernel/seq_file.h). A buffer seq_file
 * formats each piece straight into the free end of its buffer and never
 * allocates while a show function runs: show functions print under their
 * subsystem's locks (slab_mutex, vmap_lock with interrupts off), where
 * kmalloc or vmalloc could deadlock. A piece that does not fit is dropped
 * whole and sets the overflow flag; seq_fill() then runs the show
 * function again in a buffer twice the size (kmalloc while small,
 * vmalloc past KMALLOC_MAX_CACHE_SIZE), as Linux's seq_read does.
 */
#include "kernel/seq_file.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/printk.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"

#define SEQ_FIRST_SIZE PAGE_SIZE

static struct seq_file console_seq = { .console = true };

struct seq_file *seq_console(void)
{
	return &console_seq;
}

void seq_buf_init(struct seq_file *m, size_t max)
{
	memset(m, 0, sizeof(*m));
	m->max = max;
}

static void seq_free_buf(char *buf, bool vmalloced)
{
	if (vmalloced)
		vfree(buf);
	else
		kfree(buf);
}

void seq_release(struct seq_file *m)
{
	if (m->console)
		return;
	seq_free_buf(m->buf, m->vmalloced);
	seq_buf_init(m, m->max);
}

/* Replace the buffer of @m with an empty one of @size bytes. */
static int seq_alloc(struct seq_file *m, size_t size)
{
	bool vmalloced = size > KMALLOC_MAX_CACHE_SIZE;
	char *buf = vmalloced ? vmalloc(size) : kmalloc(size, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	seq_free_buf(m->buf, m->vmalloced);
	m->buf = buf;
	m->size = size;
	m->vmalloced = vmalloced;
	m->count = 0;
	m->overflow = false;
	return 0;
}

int seq_fill(struct seq_file *m, int (*show)(struct seq_file *m, void *arg),
	     void *arg)
{
	size_t size = m->size ? m->size : SEQ_FIRST_SIZE;
	int err;

	if (m->console)
		return show(m, arg);
	if (size > m->max)
		size = m->max;
	for (;;) {
		err = seq_alloc(m, size);
		if (err)
			return err;
		err = show(m, arg);
		if (err || !m->overflow)
			return err;
		if (size >= m->max)
			return -EOVERFLOW;
		size = size * 2 < m->max ? size * 2 : m->max;
	}
}

/* Room for @len more bytes and the NUL after them? Else overflow. */
static bool seq_room(struct seq_file *m, size_t len)
{
	if (!m->overflow && m->buf && m->count + len < m->size)
		return true;
	m->overflow = true;
	return false;
}

void seq_vprintf(struct seq_file *m, const char *fmt, va_list ap)
{
	int len;

	if (m->console) {
		vprintk(fmt, ap);
		return;
	}
	if (!seq_room(m, 0))
		return;
	len = vsnprintf(m->buf + m->count, m->size - m->count, fmt, ap);
	if (len >= 0 && seq_room(m, len))
		m->count += len;
	else
		m->buf[m->count] = '\0'; /* drop the piece whole */
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	seq_vprintf(m, fmt, ap);
	va_end(ap);
}

/* The console shows a NUL (a cmdline separator) as a space. */
static void seq_console_write(const char *s, size_t len)
{
	while (len) {
		size_t n = strnlen(s, len);

		if (n)
			printk("%.*s", (int)n, s);
		if (n < len) {
			printk(" ");
			n++;
		}
		s += n;
		len -= n;
	}
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->console) {
		seq_console_write(data, len);
		return;
	}
	if (!seq_room(m, len))
		return;
	memcpy(m->buf + m->count, data, len);
	m->count += len;
	m->buf[m->count] = '\0';
}

void seq_puts(struct seq_file *m, const char *s)
{
	if (m->console)
		printk("%s", s);
	else
		seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}
