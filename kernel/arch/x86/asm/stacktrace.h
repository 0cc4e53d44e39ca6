/* SPDX-License-Identifier: MIT */
/* Walking the frame-pointer chain of a kernel stack; oops report parts. */
#ifndef ASM_STACKTRACE_H
#define ASM_STACKTRACE_H

#include <asm/ptrace.h>

#define STACKTRACE_MAX_DEPTH 32

/**
 * walk_stack - call @fn with each return address found from frame @ebp
 * @ebp: the first frame pointer
 * @fn: called once per frame, innermost first
 *
 * Every frame is checked before it is read (mapped, aligned, above the
 * previous one), so a corrupt stack ends the walk instead of faulting.
 * The walk also ends at a return address outside kernel text and after
 * STACKTRACE_MAX_DEPTH frames.
 * Context: any.
 * Return: the number of frames reported.
 */
int walk_stack(unsigned long ebp, void (*fn)(unsigned long addr));

/**
 * stack_return_address - a return address on the current stack
 * @level: 0 is where the function calling this one returns to, 1 where
 *         its caller returns to, and so on
 *
 * For reports of who allocated what. It must be called from the
 * function whose callers are wanted, not from a helper that the
 * compiler may inline or not.
 * Context: any.
 * Return: the address, or 0 if the chain ends first.
 */
unsigned long stack_return_address(unsigned int level);

/**
 * save_stack_trace - store the current call chain's return addresses
 * @trace: where they go, innermost first
 * @max: room in @trace
 * @skip: frames to leave out: 0 starts with the caller of
 *        save_stack_trace, 1 with its caller, and so on
 *
 * For reports made later (who took a lock, from where). Entries past
 * the returned count are untouched.
 * Context: any.
 * Return: the number of addresses stored.
 */
unsigned int save_stack_trace(unsigned long *trace, unsigned int max,
			      unsigned int skip);

/**
 * show_regs - print the registers of @regs, with @sp as the stack pointer
 * @regs: a saved context
 * @sp: its stack pointer (an exception frame does not hold it)
 *
 * Context: any (oops reports).
 */
void show_regs(const struct pt_regs *regs, u32 sp);

/**
 * show_stack_trace - print "Call Trace:" from frame pointer @ebp
 * @ebp: the first frame
 *
 * Deep recursion prints one frame once with a repeat count.
 * Context: any.
 */
void show_stack_trace(unsigned long ebp);

/**
 * report_stack_overflow - say so if @sp lies in an unmapped page
 * @sp: a stack pointer
 *
 * Names the thread whose guard page it is. Context: any (the double
 * fault handler).
 */
void report_stack_overflow(u32 sp);

#endif /* ASM_STACKTRACE_H */
