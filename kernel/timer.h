/* SPDX-License-Identifier: MIT */
/* The periodic tick from PIT channel 0. */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "kernel/types.h"

#define HZ 100

/* Ticks since the timer started. Read with READ_ONCE. */
extern volatile u64 jiffies;

/* Program the PIT for HZ interrupts a second. Context: boot, after irq_init. */
void timer_init(void);

/* Milliseconds since the timer started. Context: any. */
u64 uptime_ms(void);

#endif /* KERNEL_TIMER_H */
