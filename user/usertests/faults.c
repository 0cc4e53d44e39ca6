// SPDX-License-Identifier: MIT
/*
 * usertests: a child does something the CPU refuses; the kernel must
 * kill just that child, with the signal Linux sends for that fault
 * (a shell reports it as exit status 128 + the signal).
 */
#include "usertests.h"
#include "fault.h"
#include "ulib.h"
#include "utest.h"

#include <signal.h>

static void run_fault(void *fault)
{
	(*(void (**)(void))fault)();
}

static void expect_fault(void (*fault)(void), int sig, const char *what)
{
	utest_expect_signal(run_in_child(run_fault, &fault), sig, what);
}

void test_fault_null(void)
{
	expect_fault(fault_null_deref, SIGSEGV, "a store to address 0");
}

void test_fault_ro_text(void)
{
	expect_fault(fault_write_text, SIGSEGV, "a store into the code");
}

void test_fault_nx_heap(void)
{
	if (!cpu_has_nx())
		utest_skip("the CPU has no NX: heap pages are executable");
	expect_fault(fault_exec_heap, SIGSEGV, "a call into a heap page");
}

void test_fault_div0(void)
{
	expect_fault(fault_divide_by_zero, SIGFPE, "a division by zero");
}

void test_fault_ud2(void)
{
	expect_fault(fault_invalid_opcode, SIGILL, "ud2");
}

void test_fault_kernel_read(void)
{
	expect_fault(fault_read_kernel, SIGSEGV, "a load from 0xC0001000");
}

void test_fault_kernel_write(void)
{
	expect_fault(fault_write_kernel, SIGSEGV, "a store to 0xC0001000");
}
