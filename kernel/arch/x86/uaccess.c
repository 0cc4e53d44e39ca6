// SPDX-License-Identifier: MIT
/*
 * User copies with an exception table (asm/uaccess.h). Each copy is one
 * string instruction (rep movsb / rep stosb) or one move; its address and
 * the address of its fixup go into the __ex_table section, which
 * kernel.ld gathers. The page-fault handler looks the faulting EIP up
 * there: it first tries to map the page as a user access would (demand
 * paging, COW), and only if that fails resumes at the fixup. For the
 * string instructions the fixup is simply the next instruction: ECX
 * still counts the bytes left, which is what the copy returns.
 */
#include "kernel/lib/errno.h"
#include <asm/uaccess.h>

extern const struct exception_table_entry __ex_table_start[],
	__ex_table_end[];

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	for (const struct exception_table_entry *e = __ex_table_start;
	     e < __ex_table_end; e++)
		if (e->insn == ip)
			return e;
	return NULL;
}

/* rep movsb with a fixup right after it: returns the bytes left. */
static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	__asm__ __volatile__("1:\trep movsb\n"
			     "2:\n"
			     ".pushsection __ex_table, \"a\"\n\t"
			     ".long 1b, 2b\n"
			     ".popsection"
			     : "+c"(n), "+D"(to), "+S"(from)
			     :
			     : "memory");
	return n;
}

unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	return __copy_user(to, (const void *)from, n);
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user((void *)to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	__asm__ __volatile__("1:\trep stosb\n"
			     "2:\n"
			     ".pushsection __ex_table, \"a\"\n\t"
			     ".long 1b, 2b\n"
			     ".popsection"
			     : "+c"(n), "+D"(to)
			     : "a"(0)
			     : "memory");
	return n;
}

/*
 * One load or store @insn with an exception-table entry: a fault resumes
 * at 3, in .text.fixup away from the straight-line path, which makes
 * @err -EFAULT and goes on after the access.
 */
#define EX_ACCESS(insn, err, outputs, inputs...)                   \
	__asm__ __volatile__("1:\t" insn "\n"                       \
			     "2:\n"                                   \
			     ".pushsection .text.fixup, \"ax\"\n"    \
			     "3:\tmovl %[efault], %[err]\n\t"         \
			     "jmp 2b\n"                               \
			     ".popsection\n"                          \
			     ".pushsection __ex_table, \"a\"\n\t"     \
			     ".long 1b, 3b\n"                         \
			     ".popsection"                            \
			     : [err] "+r"(err), outputs                \
			     : [efault] "i"(-EFAULT), inputs           \
			     : "memory")

static int get_user_u8(u8 *val, const u8 __user *p)
{
	int err = 0;
	u32 v = 0;

	EX_ACCESS("movzbl (%[addr]), %[v]", err, [v] "+r"(v), [addr] "r"(p));
	*val = (u8)v;
	return err;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	for (long i = 0; i < count; i++) {
		u8 c;

		if (!access_ok(src + i, 1) || get_user_u8(&c, (const u8 *)src + i))
			return -EFAULT;
		dst[i] = (char)c;
		if (!c)
			return i;
	}
	return count;
}

int get_user_u32(u32 *val, const u32 __user *p)
{
	return copy_from_user(val, p, sizeof(*val)) ? -EFAULT : 0;
}

int put_user_u32(u32 val, u32 __user *p)
{
	return copy_to_user(p, &val, sizeof(val)) ? -EFAULT : 0;
}

int get_kernel_nofault_u32(u32 *val, const void *addr)
{
	int err = 0;
	u32 v = 0;

	EX_ACCESS("movl (%[addr]), %[v]", err, [v] "+r"(v), [addr] "r"(addr));
	*val = v;
	return err;
}

int put_kernel_nofault_u32(u32 val, void *addr)
{
	int err = 0;

	EX_ACCESS("movl %[val], (%[addr])", err, [dummy] "=m"(*(u32 *)addr),
		  [addr] "r"(addr), [val] "r"(val));
	return err;
}
