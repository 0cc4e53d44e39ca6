/* SPDX-License-Identifier: MIT */
/*
 * fault: ways for a program to make the CPU fault, one per function.
 * Each should end the process with a signal (the comment says which);
 * a function that returns means the fault did not happen.
 */
#ifndef USER_LIB_FAULT_H
#define USER_LIB_FAULT_H

/* Store to address 0, which is never mapped: SIGSEGV. */
void fault_null_deref(void);

/* Store into the program's own code, mapped read-only: SIGSEGV. */
void fault_write_text(void);

/*
 * Call a "ret" instruction written into a heap page, mapped without
 * execute permission: SIGSEGV, on a CPU with NX (cpu_has_nx()).
 */
void fault_exec_heap(void);

/* Recurse until the stack runs out: SIGSEGV. */
void fault_stack_overflow(void);

/* Integer division by zero (#DE): SIGFPE. */
void fault_divide_by_zero(void);

/* The ud2 instruction, undefined on purpose (#UD): SIGILL. */
void fault_invalid_opcode(void);

/* Load from, or store to, the kernel's half of the address space: SIGSEGV. */
void fault_read_kernel(void);
void fault_write_kernel(void);

/*
 * cpu_has_nx - whether the CPU can refuse to execute a page (CPUID
 * 0x80000001, EDX bit 20). Without it fault_exec_heap() just returns.
 */
int cpu_has_nx(void);

#endif
