/* SPDX-License-Identifier: MIT */
/*
 * Copying between the kernel and user memory (kernel/arch/x86/uaccess.c).
 *
 * A user pointer is whatever a process passed: it may be unmapped, point
 * into the kernel's gigabyte, or be mapped read-only. These functions
 * check the range first (access_ok) and do the copy with instructions
 * listed in the exception table: a fault there that the process's
 * mappings cannot serve (demand paging and COW can) resumes at a fixup
 * that makes the copy return short. A bad pointer costs the system call
 * an -EFAULT, never the kernel its life.
 */
#ifndef ASM_UACCESS_H
#define ASM_UACCESS_H

#include "kernel/lib/types.h"
#include <asm/page.h>
#include <asm/ptrace.h>

#define __user
#define USER_ADDR_LIMIT PAGE_OFFSET

struct exception_table_entry {
	unsigned long insn;  /* an instruction that may fault on user memory */
	unsigned long fixup; /* where to resume if it does */
};

/**
 * access_ok - does [@addr, @addr + @size) lie in the user half?
 * @addr: a user pointer
 * @size: bytes
 *
 * Context: any. Return: true if so (it may still be unmapped).
 */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= USER_ADDR_LIMIT && a <= USER_ADDR_LIMIT - size;
}

/**
 * copy_from_user - copy @n bytes from user memory
 * @to: kernel destination
 * @from: user source
 * @n: bytes
 *
 * Context: thread; may sleep (a fault maps the page in).
 * Return: the number of bytes NOT copied (0 on success).
 */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n);

/**
 * copy_to_user - copy @n bytes to user memory
 * @to: user destination
 * @from: kernel source
 * @n: bytes
 *
 * Context: thread; may sleep. Return: bytes NOT copied.
 */
unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n);

/**
 * clear_user - zero @n bytes of user memory
 * @to: user destination
 * @n: bytes
 *
 * Context: thread; may sleep. Return: bytes NOT zeroed.
 */
unsigned long clear_user(void __user *to, unsigned long n);

/**
 * strncpy_from_user - copy a NUL-terminated string from user memory
 * @dst: kernel buffer of @count bytes
 * @src: user string
 * @count: the buffer's size
 *
 * Context: thread; may sleep.
 * Return: the string's length (the NUL not counted) if it fit with its
 * NUL, @count if it did not (@dst then holds no NUL), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/**
 * get_user_u32 - read one 32-bit word of user memory
 * @val: receives it
 * @p: the user address
 *
 * Context: thread; may sleep. Return: 0 or -EFAULT.
 */
int get_user_u32(u32 *val, const u32 __user *p);

/**
 * put_user_u32 - write one 32-bit word to user memory
 * @val: the value
 * @p: the user address
 *
 * Context: thread; may sleep. Return: 0 or -EFAULT.
 */
int put_user_u32(u32 val, u32 __user *p);

/**
 * get_kernel_nofault_u32 - read a kernel word that may not be mapped
 * @val: receives it
 * @addr: the kernel address
 *
 * A fault resumes at the fixup instead of oopsing (boot probes).
 * Context: any. Return: 0 or -EFAULT.
 */
int get_kernel_nofault_u32(u32 *val, const void *addr);

/**
 * put_kernel_nofault_u32 - write a kernel word that may not be mapped
 * @val: the value
 * @addr: the kernel address
 *
 * Context: any. Return: 0 or -EFAULT.
 */
int put_kernel_nofault_u32(u32 val, void *addr);

/**
 * search_exception_tables - the fixup for a faulting instruction
 * @ip: the faulting EIP
 *
 * Context: any (the fault handler). Return: the entry, or NULL.
 */
const struct exception_table_entry *search_exception_tables(unsigned long ip);

#endif /* ASM_UACCESS_H */
