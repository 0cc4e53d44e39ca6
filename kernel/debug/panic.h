/* SPDX-License-Identifier: MIT */
/*
 * Fatal errors. panic() and BUG_ON() print where they were called, the
 * registers and a symbolised stack trace, then power off with a failure
 * status (QEMU exits non-zero, Bochs shuts down).
 */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include "kernel/lib/compiler.h"
#include <asm/ptrace.h>

/* panic - stop the kernel with a message. Context: any. Never returns. */
#define panic(fmt, ...) \
	panic_at(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__)

/* BUG_ON - panic naming the condition if @cond is true. Context: any. */
#define BUG_ON(cond)                                                      \
	do {                                                              \
		if (unlikely(cond))                                       \
			panic_at(__FILE__, __LINE__, __func__,            \
				 "kernel BUG: %s", #cond);                \
	} while (0)

#define BUG() panic_at(__FILE__, __LINE__, __func__, "kernel BUG")

/* WARN_ON - print the condition and a stack trace once per call, go on. */
#define WARN_ON(cond)                                                     \
	({                                                                \
		bool __c = !!(cond);                                      \
		if (unlikely(__c))                                        \
			warn_at(__FILE__, __LINE__, __func__, #cond);     \
		__c;                                                      \
	})

/**
 * panic_at - the function behind panic(): report, then power off
 * @file: the caller's file
 * @line: the caller's line
 * @func: the caller's function
 * @fmt: the message
 * @...: the arguments of @fmt
 *
 * Prints the message, the place, the thread and a call trace, then
 * powers off with a failure status. Interrupts go off first; a panic
 * while reporting a panic stops at once.
 * Context: any. Never returns.
 */
__noreturn void panic_at(const char *file, int line, const char *func,
			 const char *fmt, ...) __printf(4, 5);

/**
 * warn_at - the function behind WARN_ON(): report, then carry on
 * @file: the caller's file
 * @line: the caller's line
 * @func: the caller's function
 * @cond: the condition, as text
 *
 * Prints the condition, the place and a call trace each time it is
 * called.
 * Context: any.
 */
void warn_at(const char *file, int line, const char *func, const char *cond);

/**
 * die - report an exception with the interrupted registers, then panic
 * @regs: the frame of a ring-0 exception
 * @fmt: the reason
 * @...: the arguments of @fmt
 *
 * Context: exception handlers. Never returns.
 */
__noreturn void die(struct pt_regs *regs, const char *fmt, ...)
	__printf(2, 3);

/**
 * die_at_sp - die() for a frame whose stack pointer is known separately
 * @regs: the saved registers
 * @sp: the stack pointer to report (a task-gate frame does not imply it)
 * @fmt: the reason
 * @...: the arguments of @fmt
 *
 * Context: exception handlers (the double-fault task). Never returns.
 */
__noreturn void die_at_sp(struct pt_regs *regs, u32 sp, const char *fmt, ...)
	__printf(3, 4);

/**
 * dump_stack - print the call chain of the caller
 *
 * Context: any.
 */
void dump_stack(void);

/* The CPU reporting a panic, -1 if none (the others stop at once). */
extern int panic_cpu;

/**
 * oops_begin - claim the report for this CPU before printing its first line
 *
 * An exception handler calls it before its first line (the page-fault
 * details), so that two CPUs faulting at once do not mix their reports:
 * the second stops. die() and panic() call it too.
 * Context: exception handlers, panic; interrupts go off.
 */
void oops_begin(void);

/**
 * oops_nested_fault - a fault on the CPU that is reporting a panic
 * @vector: the exception
 * @eip: where it happened
 *
 * Says so once and powers off: reporting it would fault again (the
 * fault is usually in the report's own path).
 * Context: exception handlers. Never returns.
 */
__noreturn void oops_nested_fault(unsigned int vector, unsigned long eip);

/**
 * smp_send_stop - stop every other CPU (an NMI each): they halt for good
 *
 * Context: panic, interrupts off. Returns at once with one CPU.
 */
void smp_send_stop(void);

/**
 * stop_this_cpu - halt this CPU for good, interrupts off
 *
 * Context: the NMI of smp_send_stop, or a CPU panicking second.
 */
__noreturn void stop_this_cpu(void);

#endif /* KERNEL_PANIC_H */
