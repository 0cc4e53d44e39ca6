// SPDX-License-Identifier: MIT
/*
 * segv KIND: makes the CPU fault on purpose; the kernel should kill the
 * program with SIGSEGV (a shell says exit status 139).
 *
 *   segv null     store to address 0
 *   segv ro       store into the program's own, read-only, code
 *   segv nx       call a heap page, which is not executable (needs NX)
 *   segv stack    recurse until the stack runs out
 *   segv kernel   load from the kernel's half, 0xC0001000
 */
#include "fault.h"
#include "ulib.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *kind;
	void (*fault)(void);
	const char *what;
} faults[] = {
	{ "null", fault_null_deref, "storing to address 0" },
	{ "ro", fault_write_text, "storing into read-only code" },
	{ "nx", fault_exec_heap, "calling into a non-executable heap page" },
	{ "stack", fault_stack_overflow, "recursing until the stack runs out" },
	{ "kernel", fault_read_kernel, "loading from 0xC0001000" },
};

int main(int argc, char **argv)
{
	for (size_t i = 0; argc == 2 && i < sizeof(faults) / sizeof(faults[0]);
	     i++) {
		if (strcmp(argv[1], faults[i].kind) != 0)
			continue;
		uprintf("segv: %s\n", faults[i].what);
		faults[i].fault();
		uprintf("segv: still alive: the fault did not happen%s\n",
			i == 2 && !cpu_has_nx() ? " (the CPU has no NX)" : "");
		return 1;
	}
	fprintf(stderr, "usage: segv null|ro|nx|stack|kernel\n");
	return 2;
}
