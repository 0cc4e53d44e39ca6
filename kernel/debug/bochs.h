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
#include "kernel/lib/compiler.h"

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

/* The points bochs.break= switched on, one bit each. */
extern u32 bochs_break_mask;

#define BOCHS_BREAK() __asm__ __volatile__("xchg %%bx, %%bx" ::: "memory")

/*
 * Stop with two values in registers, so the debugger's `r` shows them:
 * EAX = @a, EDX = @d (the announcement on port 0xE9 says what they are).
 */
#define BOCHS_BREAK_WITH(a, d)                                       \
	__asm__ __volatile__("xchg %%bx, %%bx"                       \
			     :                                       \
			     : "a"((unsigned long)(a)),              \
			       "d"((unsigned long)(d))               \
			     : "memory")

/*
 * bochs_break_at - stop in the Bochs debugger if @point is switched on
 * @fmt: the values worth looking at, printed first on port 0xE9
 *
 * Costs one test of a mask when the point is off; does nothing outside
 * Bochs (no port 0xE9). Context: any.
 */
#define bochs_break_at(point, fmt, ...) \
	bochs_break_regs(point, 0, 0, fmt, ##__VA_ARGS__)

/* Like bochs_break_at, with EAX = @a and EDX = @d at the stop. */
#define bochs_break_regs(point, a, d, fmt, ...)                           \
	do {                                                              \
		if (unlikely(bochs_break_mask & (1u << (point))))         \
			__bochs_break(point, (unsigned long)(a),          \
				      (unsigned long)(d), fmt,            \
				      ##__VA_ARGS__);                     \
	} while (0)

void __bochs_break(enum bochs_break_point point, unsigned long a,
		   unsigned long d, const char *fmt, ...) __printf(4, 5);

/*
 * Parse "all" or "kmap,panic:1": NAME stops every time, NAME:COUNT only
 * the first COUNT times. Fills @mask and @left (per point, 0 = no
 * limit). Return: 0, or -EINVAL for an unknown name or a bad count.
 */
int bochs_break_parse(const char *list, u32 *mask, u32 *left);

const char *bochs_break_name(enum bochs_break_point point);

#endif /* KERNEL_BOCHS_H */
