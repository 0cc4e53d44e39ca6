/* SPDX-License-Identifier: MIT */
/* Formatted output into buffers; printk builds on it. */
#ifndef KERNEL_VSPRINTF_H
#define KERNEL_VSPRINTF_H

#include "kernel/lib/compiler.h"

/**
 * vsnprintf - format into @buf, never writing more than @size bytes
 * @buf: the buffer; terminated whenever @size is not 0
 * @size: the size of @buf
 * @fmt: the format
 * @ap: the arguments
 *
 * Conversions: %d %i %u %x %X %o %c %s %p %% with flags "-0+ #", width
 * and precision (also "*"), and the length modifiers hh h l ll z t j.
 * %pS prints a code address as symbol+offset/size.
 * Context: any; never sleeps, takes no locks.
 * Return: the length the full output would have (C99 semantics).
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/**
 * snprintf - vsnprintf with its arguments inline
 * @buf: the buffer
 * @size: the size of @buf
 * @fmt: the format
 * @...: the arguments of @fmt
 *
 * Context: any; never sleeps, takes no locks.
 * Return: the length the full output would have (may exceed @size).
 */
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/**
 * scnprintf - like snprintf, but returns what was really written
 * @buf: the buffer
 * @size: the size of @buf
 * @fmt: the format
 * @...: the arguments of @fmt
 *
 * Handy for appending: buf + len always stays inside the buffer.
 * Context: any; never sleeps, takes no locks.
 * Return: the characters written, without the NUL (0 if @size is 0).
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/**
 * snprint_size - write a byte count the way people read it, exactly
 * @buf: where to write
 * @size: the size of @buf
 * @bytes: the count
 *
 * "640 KiB", "61 GiB", "1.75 GiB": the largest unit in which the count
 * is exact with at most two decimals, so 4097 MiB stays "4097 MiB".
 * Context: any. Return: the number of characters written.
 */
int snprint_size(char *buf, size_t size, u64 bytes);

/* The longest "name+0xoff/0xsize" sprint_symbol writes, NUL included. */
#define SYMBOL_TEXT_MAX 96

/**
 * sprint_symbol - write "name+0xoff/0xsize" (or the bare address) for @addr
 * @buf: where to write
 * @size: the size of @buf
 * @addr: a kernel text address
 *
 * What %pS prints. The library declares it and does not define it: the
 * kernel links its symbol table's version (kernel/debug/kallsyms.c),
 * the host tests a stub. Context: any. Return: the characters written.
 */
int sprint_symbol(char *buf, size_t size, unsigned long addr);

/**
 * sprint_backtrace - sprint_symbol for a return address (what %pB prints)
 * @buf: where to write
 * @size: the size of @buf
 * @addr: a return address found on a stack
 *
 * The symbol is looked up at @addr - 1, the call instruction: a call to
 * a function that never returns may be the last instruction of its
 * caller, and its return address then names the next function.
 * Context: any. Return: the characters written.
 */
int sprint_backtrace(char *buf, size_t size, unsigned long addr);

#endif /* KERNEL_VSPRINTF_H */
