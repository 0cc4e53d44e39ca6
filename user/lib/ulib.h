/* SPDX-License-Identifier: MIT */
/*
 * ulib: the few helpers the user programs share. They run on this
 * kernel and on Linux alike, so they use only the system calls the
 * kernel implements (see user/README.md).
 */
#ifndef USER_LIB_ULIB_H
#define USER_LIB_ULIB_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define PAGE_SIZE ((size_t)4096)
#define KIB ((size_t)1024)
#define MIB ((size_t)1024 * 1024)

/* An address in the kernel's half (PAGE_OFFSET = 0xC0000000) plus a page. */
#define KERNEL_ADDRESS ((void *)0xC0001000UL)

/**
 * uprintf - printf to standard output in one write()
 * @fmt: printf format
 *
 * A line reaches the console whole even when several processes print,
 * and nothing waits in a stdio buffer that a fork() would copy.
 * Lines longer than 512 bytes are cut.
 */
void uprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * parse_size - read a size such as 4096, 512K, 64M or 1G
 * @text: digits with an optional K, M or G suffix (powers of 1024)
 * @bytes: where the size goes
 *
 * Return: 0, or -1 when @text is not such a size or overflows.
 */
int parse_size(const char *text, size_t *bytes);

/**
 * now_ns - the monotonic clock in nanoseconds
 *
 * Return: CLOCK_MONOTONIC as one number, or -1 if the clock fails.
 */
long long now_ns(void);

/**
 * status_text - what a wait() status says, in words
 * @status: a status from wait(), waitpid() or wait4()
 *
 * Return: "exited with 3" or "killed by signal 11 (SIGSEGV)", in a
 * static buffer that the next call overwrites.
 */
const char *status_text(int status);

/**
 * signal_name - the name of a signal number
 * @sig: 1 to 31
 *
 * Return: "SIGSEGV" and so on, or "SIG?" for one without a name here.
 */
const char *signal_name(int sig);

/**
 * run_in_child - run a function in a child process and wait for it
 * @fn: what the child does; the child exits 0 when @fn returns
 * @arg: handed to @fn
 *
 * The way to check that something kills the process that does it:
 * the caller survives to look at the status.
 * Return: the child's wait status, or -1 if fork() or wait failed.
 */
int run_in_child(void (*fn)(void *arg), void *arg);

/**
 * map_pages - anonymous private read-write memory
 * @bytes: how much, rounded up to whole pages
 *
 * Return: the first page, or NULL when mmap() fails.
 */
void *map_pages(size_t bytes);

#endif
