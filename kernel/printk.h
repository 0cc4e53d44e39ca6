/* SPDX-License-Identifier: MIT */
/*
 * printk and the pr_* helpers. A file may define pr_fmt() before
 * including this header to prefix its messages, as in Linux:
 *     #define pr_fmt(fmt) "memblock: " fmt
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include "kernel/lib/compiler.h"
#include "kernel/debug/panic.h"

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/**
 * printk - format a message and send it to every console and the log
 * @fmt: the format (see vsnprintf)
 * @...: the arguments of @fmt
 *
 * Interrupts are off while it formats and writes, so a message from an
 * interrupt handler never splits another one. A message is cut at 1023
 * characters.
 * Context: any, including interrupts; never sleeps.
 * Return: the number of characters printed.
 */
int printk(const char *fmt, ...) __printf(1, 2);

/**
 * printk_at_line_start - printk for whole lines from the background
 * @fmt: the format: one or more whole lines, each ending in "\n"
 * @...: the arguments of @fmt
 *
 * For a message that comes at a moment of its own (a background job's
 * report): if the console is in the middle of a line (the shell's prompt
 * and what is being typed after it, half a table row), the message waits
 * until that line ends, as a shell holds a job's "Done" until its next
 * prompt; the log buffer (dmesg) has it at once. Messages cut at 255
 * characters; when more than 512 wait, the line is broken instead.
 * Context: any, including interrupts; never sleeps.
 * Return: the number of characters.
 */
int printk_at_line_start(const char *fmt, ...) __printf(1, 2);

/**
 * printk_write - send @len bytes to every console, between messages
 * @s: the bytes (not a format)
 * @len: how many
 *
 * Under printk_lock, so neither a kernel message nor another CPU's
 * write comes in between, but not kept in the log: a program's output
 * and the tty's echo (kernel/fs/tty.c).
 * Context: any, including interrupts; never sleeps.
 */
void printk_write(const char *s, size_t len);

/**
 * vprintk - printk with a va_list
 * @fmt: the format
 * @ap: its arguments
 *
 * Context: any, including interrupts; never sleeps.
 * Return: the number of characters printed.
 */
int vprintk(const char *fmt, va_list ap);

#define pr_info(fmt, ...) printk(pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk("warning: " pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk("error: " pr_fmt(fmt), ##__VA_ARGS__)

/**
 * log_buf_dump - copy the log buffer (oldest first) to the consoles
 *
 * What the shell's `dmesg` prints: the last 64 KiB of messages.
 * Context: any; interrupts are off while it writes, which takes a while
 * on the serial port.
 */
void log_buf_dump(void);

#endif /* KERNEL_PRINTK_H */
