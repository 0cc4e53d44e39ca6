/* SPDX-License-Identifier: MIT */
/*
 * The kernel's own symbol table, for stack traces and %pS. The build
 * links the kernel twice: the second link adds a table generated from
 * the first one's text symbols (tools/gensyms.sh), whose addresses do
 * not move because the table lies after all code.
 */
#ifndef KERNEL_KALLSYMS_H
#define KERNEL_KALLSYMS_H

#include "kernel/lib/vsprintf.h"

#include "kernel/lib/types.h"

#define KSYM_NAME_LEN 64
_Static_assert(KSYM_NAME_LEN + 32 <= SYMBOL_TEXT_MAX, "%pS must hold a name");

struct kallsym {
	unsigned long addr;
	const char *name;
};

extern const struct kallsym kallsyms[];
extern const unsigned int kallsyms_count;

/**
 * kallsyms_lookup - find the function containing @addr
 * @addr: a code address
 * @offset: filled with the offset of @addr into the function
 * @size: filled with the function's length
 *
 * Context: any; binary search over a read-only table.
 * Return: the symbol name, or NULL if @addr is not kernel text.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset,
			    unsigned long *size);

/**
 * kallsyms_lookup_name - the address of the function called @name
 * @name: the exact symbol name
 *
 * Linear search: for tests and the debugger helpers, not hot paths.
 * Context: any.
 * Return: the address, or 0 if there is no such function.
 */
unsigned long kallsyms_lookup_name(const char *name);

/* sprint_symbol, which %pS uses, is declared in kernel/lib/vsprintf.h. */

#endif /* KERNEL_KALLSYMS_H */
