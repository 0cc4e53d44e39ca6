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
	BREAK_KMAP_LOCAL,   /* kmap_local_page wrote its fixmap PTE */
	BREAK_PANIC,	    /* every panic, after the report */
	BREAK_KTEST,	    /* before each in-kernel test */
	BREAK_USER_FAULT,   /* a page fault in user mode */
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

/**
 * __bochs_break - announce @point on port 0xE9, then stop in Bochs
 * @point: the breakpoint; switched on (bochs_break_regs tested the mask)
 * @a: left in EAX at the stop
 * @d: left in EDX at the stop
 * @fmt: what the values are, printed after the point's name
 * @...: the arguments of @fmt
 *
 * Counts down a NAME:COUNT limit and switches the point off at its last
 * stop. Does nothing without port 0xE9 (not Bochs). Call it through
 * bochs_break_at() or bochs_break_regs().
 * Context: any.
 */
void __bochs_break(enum bochs_break_point point, unsigned long a,
		   unsigned long d, const char *fmt, ...) __printf(4, 5);

/**
 * bochs_break_parse - parse the value of bochs.break=
 * @list: "all" or "kmap,panic:1": NAME stops every time, NAME:COUNT only
 *        the first COUNT times
 * @mask: receives one bit per point switched on
 * @left: receives the stops left per point (0 = no limit); an array of
 *        NR_BREAK_POINTS
 *
 * Both are cleared first and may be partly filled when an error is
 * returned.
 * Context: boot, or a host test.
 * Return: 0, or -EINVAL for an unknown name, a bad count or an empty list.
 */
int bochs_break_parse(const char *list, u32 *mask, u32 *left);

/**
 * bochs_break_name - the name bochs.break= uses for @point
 * @point: a breakpoint
 *
 * Context: any. Return: the name ("kmap", "panic"), or "?" if out of range.
 */
const char *bochs_break_name(enum bochs_break_point point);

#endif /* KERNEL_BOCHS_H */
