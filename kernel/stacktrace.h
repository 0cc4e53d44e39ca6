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

#endif /* KERNEL_STACKTRACE_H */
