// SPDX-License-Identifier: MIT
/*
 * The TSC's rate. The tick (PIT or local APIC timer, HZ per second) is
 * the clock whose rate is known; counting TSC cycles over a few of its
 * periods gives the TSC's. Under QEMU TCG the TSC follows the host's
 * clock, under -icount the instruction count, under Bochs its
 * instruction count: the rate is whatever this machine's is.
 */
#define pr_fmt(fmt) "tsc: " fmt

#include "kernel/printk.h"
#include "kernel/timer.h"
#include <asm/cpu.h>
#include <asm/tsc.h>

#define CALIBRATE_TICKS 5

unsigned long tsc_khz;

void tsc_calibrate(void)
{
	u64 start_tick, tsc;

	start_tick = get_jiffies_64();
	while (get_jiffies_64() == start_tick)
		cpu_relax();
	tsc = rdtsc();
	start_tick = get_jiffies_64();
	while (get_jiffies_64() < start_tick + CALIBRATE_TICKS)
		cpu_relax();
	tsc = rdtsc() - tsc;
	tsc_khz = (unsigned long)(tsc / (CALIBRATE_TICKS * 1000 / HZ));
	if (!tsc_khz)
		tsc_khz = 1;
	pr_info("%lu.%03lu MHz TSC (measured over %d ticks)\n",
		tsc_khz / 1000, tsc_khz % 1000, CALIBRATE_TICKS);
}
