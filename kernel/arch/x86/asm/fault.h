/* SPDX-License-Identifier: MIT */
/* Page faults on user addresses (kernel/arch/x86/fault.c). */
#ifndef ASM_FAULT_H
#define ASM_FAULT_H

#include <asm/ptrace.h>

#define PF_PROT 0x01  /* 0: page not present, 1: protection violation */
#define PF_WRITE 0x02 /* 0: read, 1: write */
#define PF_USER 0x04  /* 0: kernel mode, 1: user mode */
#define PF_RSVD 0x08  /* a reserved bit was set in a paging entry */
#define PF_INSTR 0x10 /* instruction fetch */

/**
 * do_page_fault - serve a page fault from a process's mappings
 * @regs: the faulting context (CR2 holds the address)
 *
 * A user-mode fault is served (demand paging, COW) or kills the
 * process (SIGSEGV, or the OOM killer's SIGKILL). A kernel-mode fault on
 * a user address at an instruction of the exception table (a user copy)
 * is served, or resumes at the copy's fixup.
 * Context: the page-fault exception.
 * Return: true if handled; false for a kernel bug (the caller reports it).
 */
bool do_page_fault(struct pt_regs *regs);

/**
 * report_page_fault - print the oops lines of a page fault
 * @regs: the faulting context
 *
 * Context: the page-fault exception, oops_begin() done.
 */
void report_page_fault(struct pt_regs *regs);

#endif /* ASM_FAULT_H */
