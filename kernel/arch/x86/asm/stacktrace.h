/* SPDX-License-Identifier: MIT */
/* Walking the frame-pointer chain of a kernel stack. */
#ifndef KERNEL_STACKTRACE_H
#define KERNEL_STACKTRACE_H

#define STACKTRACE_MAX_DEPTH 32

/*
 * walk_stack - call @fn with each return address found from frame @ebp
 *
 * Every frame is checked before it is read (mapped, aligned, above the
 * previous one), so a corrupt stack ends the walk instead of faulting.
 * Context: any.
 * Return: the number of frames reported.
 */
int walk_stack(unsigned long ebp, void (*fn)(unsigned long addr));

/*
 * stack_return_address - a return address on the current stack: @level 0
 * is where the function calling this one returns to, 1 where its caller
 * returns to, and so on. 0 if the chain ends first. For reports of who
 * allocated what; it must be called from the function whose callers
 * are wanted, not from a helper that the compiler may inline or not.
 * Context: any.
 */
unsigned long stack_return_address(unsigned int level);

#endif /* KERNEL_STACKTRACE_H */
