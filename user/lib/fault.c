// SPDX-License-Identifier: MIT
/*
 * fault: the faults themselves. Pointers and values are volatile so
 * that the compiler, which may assume a program never faults, still
 * emits each access exactly as written.
 */
#include "fault.h"
#include "ulib.h"

#include <cpuid.h>
#include <stdint.h>
#include <stdlib.h>

void fault_null_deref(void)
{
	volatile int *volatile null = NULL;

	*null = 1;
}

void fault_write_text(void)
{
	unsigned char *volatile code =
		(unsigned char *)(uintptr_t)&fault_write_text;

	*code = 0xc3;
}

void fault_exec_heap(void)
{
	/* Three pages from malloc hold at least one whole, aligned page. */
	unsigned char *heap = malloc(3 * PAGE_SIZE);
	unsigned char *page;
	void (*volatile call)(void);

	if (!heap)
		return;
	page = (unsigned char *)(((uintptr_t)heap + PAGE_SIZE - 1) &
				 ~(PAGE_SIZE - 1));
	page[0] = 0xc3; /* ret: without NX the call simply comes back */
	call = (void (*)(void))(uintptr_t)page;
	call();
}

/* Never 0 in practice; the compiler cannot know, so the recursion stays. */
static volatile unsigned long stack_depth_limit = ~0UL;

static unsigned long recurse(unsigned long depth)
{
	volatile char frame[1024]; /* a kilobyte of stack per call */

	frame[0] = (char)depth;
	if (depth == stack_depth_limit)
		return 0;
	return recurse(depth + 1) + frame[0];
}

void fault_stack_overflow(void)
{
	recurse(0);
}

void fault_divide_by_zero(void)
{
	/* Both volatile: with a constant 1 / x the compiler finds a way
	 * around the division instruction. */
	volatile int one = 1, zero = 0;
	volatile int quotient;

	quotient = one / zero;
	(void)quotient;
}

void fault_invalid_opcode(void)
{
	__asm__ volatile("ud2");
}

void fault_read_kernel(void)
{
	volatile int *volatile kernel = KERNEL_ADDRESS;
	volatile int value;

	value = *kernel;
	(void)value;
}

void fault_write_kernel(void)
{
	volatile int *volatile kernel = KERNEL_ADDRESS;

	*kernel = 1;
}

int cpu_has_nx(void)
{
	unsigned int eax, ebx, ecx, edx;

	/* __get_cpuid checks first that the extended leaf exists. */
	if (!__get_cpuid(0x80000001, &eax, &ebx, &ecx, &edx))
		return 0;
	return (edx >> 20) & 1;
}
