/* SPDX-License-Identifier: MIT */
/*
 * Boot work: what the command line asks the kernel to do once it is up,
 * before the shell (run the in-kernel tests, the benchmarks, a stress
 * run). The code that does it registers itself, so the core never
 * calls it by name and builds without it (make KTEST=0):
 *
 *     static int ktest_boot_work(void) { ... return failures; }
 *     BOOT_WORK("ktest", BOOT_WORK_TESTS, ktest_boot_work);
 *
 * The main thread runs the registered work in order, then powers off
 * (with poweroff on the command line) with a failure status if any of
 * it failed.
 */
#ifndef KERNEL_INIT_H
#define KERNEL_INIT_H

#include "kernel/lib/compiler.h"

/* When each kind of work runs: lower first. */
enum boot_work_order {
	BOOT_WORK_TESTS = 10,  /* ktest= */
	BOOT_WORK_BENCH = 20,  /* bench= */
	BOOT_WORK_STRESS = 30, /* stress= */
	BOOT_WORK_USER = 40,   /* usertests=, then init= */
	BOOT_WORK_CRASH = 90,  /* crash=: last, it does not come back */
};

struct boot_work {
	const char *name;
	enum boot_work_order order;
	/* Return: the number of failures (0: all went well, or nothing asked). */
	int (*fn)(void);
};

#define BOOT_WORK(name_, order_, fn_)                                     \
	static const struct boot_work __boot_work_##fn_                   \
		__section("boot_work") __used __aligned(4) = {            \
			name_, order_, fn_                                \
		}

/**
 * run_boot_work - run every registered boot work, in order
 *
 * Context: the main thread, once the kernel is up; may sleep.
 * Return: the failures the work reported, added up.
 */
unsigned int run_boot_work(void);

#endif /* KERNEL_INIT_H */
