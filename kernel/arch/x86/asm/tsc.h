/* SPDX-License-Identifier: MIT */
/*
 * The time-stamp counter's rate (kernel/arch/x86/tsc.c), measured
 * against the tick: what turns TSC differences into milliseconds in
 * reports and bounds.
 */
#ifndef ASM_TSC_H
#define ASM_TSC_H

#include "kernel/lib/types.h"

/* TSC cycles per millisecond; 0 until tsc_calibrate has run. */
extern unsigned long tsc_khz;

/**
 * tsc_calibrate - measure tsc_khz over a few ticks
 *
 * Context: thread, interrupts on and the tick running.
 */
void tsc_calibrate(void);

/**
 * tsc_khz_or_guess - tsc_khz, or a 1 GHz guess before it is measured
 *
 * Context: any. Return: cycles per millisecond.
 */
static inline unsigned long tsc_khz_or_guess(void)
{
	return tsc_khz ? tsc_khz : 1000000;
}

/**
 * tsc_cycles_to_ms - milliseconds in @cycles of the TSC
 * @cycles: a TSC difference
 *
 * Context: any. Return: the milliseconds (with the guess if need be).
 */
static inline u64 tsc_cycles_to_ms(u64 cycles)
{
	return cycles / tsc_khz_or_guess();
}

#endif /* ASM_TSC_H */
