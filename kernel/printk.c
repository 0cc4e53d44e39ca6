// SPDX-License-Identifier: MIT
/*
 * printk formats into a line buffer, keeps a copy in a ring buffer for
 * `dmesg`, and writes to the consoles. Interrupts are off meanwhile, so
 * a message from an interrupt handler never splits another one.
 */
#include "kernel/printk.h"
#include "kernel/drivers/console.h"
#include "kernel/lib/vsprintf.h"
#include <asm/irqflags.h>

#define PRINTK_LINE_MAX 1024
#define LOG_BUF_SIZE (64 * 1024)

static char log_buf[LOG_BUF_SIZE];
static size_t log_next;	 /* where the next character goes */
static bool log_wrapped; /* the ring has been filled at least once */

static void log_store(const char *s, size_t len)
{
	while (len--) {
		log_buf[log_next++] = *s++;
		if (log_next == LOG_BUF_SIZE) {
			log_next = 0;
			log_wrapped = true;
		}
	}
}

int vprintk(const char *fmt, va_list ap)
{
	static char line[PRINTK_LINE_MAX];
	unsigned long flags;
	int len;

	local_irq_save(flags);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	if (len >= (int)sizeof(line))
		len = sizeof(line) - 1;
	log_store(line, len);
	console_write(line, len);
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vprintk(fmt, ap);
	va_end(ap);
	return len;
}

void log_buf_dump(void)
{
	unsigned long flags;

	local_irq_save(flags);
	if (log_wrapped)
		console_write(log_buf + log_next, LOG_BUF_SIZE - log_next);
	console_write(log_buf, log_next);
	local_irq_restore(flags);
}
