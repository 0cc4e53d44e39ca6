// SPDX-License-Identifier: MIT
/*
 * printk formats into a line buffer, keeps a copy in a ring buffer for
 * `dmesg`, and writes to the consoles. printk_lock, with interrupts off,
 * keeps one message whole: no other CPU's, and no interrupt handler's,
 * comes in between.
 *
 * A message from the background that must not land in the middle of
 * someone else's line (printk_at_line_start: the shell's prompt and the
 * command being typed, half a table row) waits, while the console is
 * mid-line, until that line ends; the log gets it at once.
 *
 * printk_lock is a bare ticket lock, not a spinlock_t: lock_debug
 * prints through here, and a report must get out whatever state the
 * locks are in. Two cases bypass it: a fault while this CPU prints
 * (the oops must come out, the message it interrupted is lost anyway),
 * and the panicking CPU once it has stopped the others, one of which
 * may have stopped holding it.
 */
#include "kernel/printk.h"
#include "kernel/debug/panic.h"
#include "kernel/drivers/console.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/smp.h"
#include <asm/irqflags.h>
#include "kernel/spinlock.h"

#define PRINTK_LINE_MAX 1024
#define LOG_BUF_SIZE (64 * 1024)

static char log_buf[LOG_BUF_SIZE];
static size_t log_next;	 /* where the next character goes */
static bool log_wrapped; /* the ring has been filled at least once */

/* How long a panicking CPU waits for printk_lock before it takes over. */
#define PANIC_PRINTK_WAIT_CYCLES 200000000ull

static arch_spinlock_t printk_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int printk_cpu = -1; /* the holder of printk_lock (printk_lock) */

/* printk_lock: the consoles' last character was not a newline, */
static bool console_midline;
/* and the printk_at_line_start messages waiting for the line to end. */
static char held[512];
static size_t held_len;

/* Take printk_lock with interrupts off; false if this CPU bypasses it. */
static bool printk_lock_irqsave(unsigned long *flags)
{
	int cpu;
	u64 start;

	local_irq_save(*flags);
	cpu = (int)smp_processor_id();
	if (READ_ONCE(printk_cpu) == cpu)
		return false; /* printing already: a fault inside printk */
	if (READ_ONCE(panic_cpu) == cpu) {
		start = rdtsc();
		while (!arch_spin_trylock(&printk_lock))
			if (rdtsc() - start > PANIC_PRINTK_WAIT_CYCLES)
				return false;
	} else {
		u16 ticket = arch_spin_ticket(&printk_lock);

		while (!arch_spin_served(&printk_lock, ticket))
			spin_wait_relax();
	}
	printk_cpu = cpu;
	return true;
}

static void printk_unlock_irqrestore(bool locked, unsigned long flags)
{
	if (locked) {
		printk_cpu = -1;
		arch_spin_unlock(&printk_lock);
	}
	local_irq_restore(flags);
}

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

/* Write to the consoles; a line that ends lets the held messages out. */
static void console_out(const char *s, size_t len)
{
	if (!len)
		return;
	console_write(s, len);
	console_midline = s[len - 1] != '\n';
	if (!console_midline && held_len) {
		console_write(held, held_len);
		held_len = 0;
	}
}

int vprintk(const char *fmt, va_list ap)
{
	static char line[PRINTK_LINE_MAX]; /* printk_lock */
	char nested_line[128];
	char *buf = line;
	size_t size = sizeof(line);
	unsigned long flags;
	bool locked;
	int len;

	locked = printk_lock_irqsave(&flags);
	if (!locked && READ_ONCE(printk_cpu) == (int)smp_processor_id()) {
		buf = nested_line; /* line is the interrupted message's */
		size = sizeof(nested_line);
	}
	len = vsnprintf(buf, size, fmt, ap);
	if (len >= (int)size)
		len = (int)size - 1;
	log_store(buf, len);
	console_out(buf, len);
	printk_unlock_irqrestore(locked, flags);
	return len;
}

int printk_at_line_start(const char *fmt, ...)
{
	static char line[PRINTK_LINE_MAX / 4]; /* printk_lock */
	unsigned long flags;
	va_list ap;
	bool locked;
	int len;

	locked = printk_lock_irqsave(&flags);
	if (!locked) {
		/* A fault inside printk: say it now, as printk would. */
		printk_unlock_irqrestore(locked, flags);
		va_start(ap, fmt);
		len = vprintk(fmt, ap);
		va_end(ap);
		return len;
	}
	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof(line))
		len = (int)sizeof(line) - 1;
	log_store(line, len);
	if (console_midline && held_len + len <= sizeof(held)) {
		memcpy(held + held_len, line, len);
		held_len += len;
	} else {
		/* No room to hold it: break the line rather than lose it. */
		if (console_midline)
			console_out("\n", 1);
		console_out(line, len);
	}
	printk_unlock_irqrestore(locked, flags);
	return len;
}

void printk_write(const char *s, size_t len)
{
	unsigned long flags;
	bool locked = printk_lock_irqsave(&flags);

	console_out(s, len);
	printk_unlock_irqrestore(locked, flags);
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
	bool locked;

	locked = printk_lock_irqsave(&flags);
	if (log_wrapped)
		console_out(log_buf + log_next, LOG_BUF_SIZE - log_next);
	console_out(log_buf, log_next);
	printk_unlock_irqrestore(locked, flags);
}
