/* SPDX-License-Identifier: MIT */
/*
 * The kernel's build-time settings, in one place: what Linux's Kconfig
 * would hold. Headers at every level may include this one.
 */
#ifndef KERNEL_CONFIG_H
#define KERNEL_CONFIG_H

/* The most CPUs the kernel runs on; more are reported and left offline. */
#define NR_CPUS 8

/*
 * DEBUG=1 builds (-DCONFIG_DEBUG) turn the memory debugging options on
 * by default; the command line can still turn each off (page_poison=off).
 */
#ifdef CONFIG_DEBUG
#define DEBUG_BUILD true
#else
#define DEBUG_BUILD false
#endif

#endif /* KERNEL_CONFIG_H */
