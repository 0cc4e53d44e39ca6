/* SPDX-License-Identifier: MIT */
/*
 * Bochs magic breakpoints. With magic_break enabled, Bochs stops in its
 * debugger at "xchg bx, bx", which every other x86 treats as a no-op.
 * Named breakpoints are switched on with bochs.break=NAME[,NAME] (or
 * all); before stopping, the kernel says on port 0xE9 which one it is
 * and which values are worth inspecting.
 */
#ifndef KERNEL_BOCHS_H
#define KERNEL_BOCHS_H

#include "kernel/cmdline.h"
#include "kernel/compiler.h"

enum bochs_break_point {
	BREAK_PAGING,	    /* final page tables loaded */
	BREAK_ZONES,	    /* zones and free lists set up */
	BREAK_KMAP,	    /* a new pkmap slot was mapped */
	BREAK_PKMAP_FLUSH,  /* pkmap wrapped: stale slots flushed */
	BREAK_KMAP_ATOMIC,  /* kmap_atomic wrote its fixmap PTE */
	BREAK_PANIC,	    /* every panic, after the report */
	BREAK_KTEST,	    /* before each in-kernel test */
	NR_BREAK_POINTS
};

#define BOCHS_BREAK() __asm__ __volatile__("xchg %%bx, %%bx" ::: "memory")

/*
 * bochs_break_at - stop in the Bochs debugger if @point is switched on
 * @fmt: the values worth looking at, printed first on port 0xE9
 *
 * Costs one test of a mask when the point is off; does nothing outside
 * Bochs (no port 0xE9). Context: any.
 */
#define bochs_break_at(point, fmt, ...)                                   \
	do {                                                              \
		if (unlikely(boot_options.bochs_break & (1u << (point)))) \
			__bochs_break(point, fmt, ##__VA_ARGS__);         \
	} while (0)

void __bochs_break(enum bochs_break_point point, const char *fmt, ...)
	__printf(2, 3);

/* Parse "all" or "kmap,panic": 0 or -EINVAL for an unknown name. */
int bochs_break_parse(const char *list, u32 *mask);

const char *bochs_break_name(enum bochs_break_point point);

#endif /* KERNEL_BOCHS_H */
