/* SPDX-License-Identifier: MIT */
/*
 * Random numbers (kernel/drivers/random.c): a ChaCha20 generator with
 * fast key erasure, seeded at boot and stirred by interrupt timing.
 * Behind /dev/random, /dev/urandom and getrandom(2). Not a vetted CSPRNG:
 * a teaching kernel's, good enough for hash seeds and temporary names.
 */
#ifndef KERNEL_DRIVERS_RANDOM_H
#define KERNEL_DRIVERS_RANDOM_H

#include "kernel/lib/types.h"

struct file;

/**
 * random_init - seed the generator: TSC, RDRAND if the CPU has it, the RTC
 *
 * Context: boot, once, before the first process.
 */
void random_init(void);

/**
 * random_add_event - stir an unpredictable value into the pool
 * @value: e.g. the TSC when an interrupt came
 *
 * The next request folds the pool into the key.
 * Context: any, including interrupts; never sleeps.
 */
void random_add_event(u64 value);

/**
 * get_random_bytes - fill @buf from the generator
 * @buf: kernel memory
 * @len: bytes
 *
 * Context: any thread; takes the generator's lock with interrupts off.
 */
void get_random_bytes(void *buf, size_t len);

/**
 * random_open - open /dev/random or /dev/urandom (1:8, 1:9): the same
 * generator, reads never block; writes are stirred into the pool
 * @flags: O_* of open
 * @filp: receives the file
 *
 * Context: thread; may sleep. Return: 0 or -ENOMEM.
 */
int random_open(unsigned int flags, struct file **filp);

#endif /* KERNEL_DRIVERS_RANDOM_H */
