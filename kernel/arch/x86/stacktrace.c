// SPDX-License-Identifier: MIT
/*
 * Frame-pointer stack walking, and the register and call-trace parts of
 * oops reports. The kernel is built with -fno-omit-frame-pointer, so
 * each frame starts with the caller's ebp followed by the return
 * address; boot/entry.asm starts the chain with ebp = 0 and
 * boot/isr.asm links interrupt frames into it.
 */
#include "kernel/debug/panic.h"
#include "kernel/lib/compiler.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/sections.h"
#include <asm/cpu.h>
#include <asm/pgtable.h>
#include <asm/stacktrace.h>

static bool frame_readable(unsigned long ebp)
{
	return ebp >= PAGE_OFFSET && IS_ALIGNED(ebp, 4) &&
	       ebp <= ~0ul - 8 && kernel_address_mapped(ebp) &&
	       kernel_address_mapped(ebp + 4);
}

int walk_stack(unsigned long ebp, void (*fn)(unsigned long addr))
{
	int depth = 0;

	while (depth < STACKTRACE_MAX_DEPTH && frame_readable(ebp)) {
		unsigned long next = ((unsigned long *)ebp)[0];
		unsigned long ret = ((unsigned long *)ebp)[1];

		if (ret < (unsigned long)_stext || ret >= (unsigned long)_etext)
			break;
		fn(ret);
		depth++;
		if (next <= ebp)
			break; /* frames must move up the stack */
		ebp = next;
	}
	return depth;
}

__noinline unsigned long stack_return_address(unsigned int level)
{
	/* Our own frame first: [0] is the caller's ebp, [1] our return. */
	unsigned long ebp = (unsigned long)__builtin_frame_address(0);

	for (unsigned int i = 0; i <= level; i++) {
		unsigned long next;

		if (!frame_readable(ebp))
			return 0;
		next = ((unsigned long *)ebp)[0];
		if (next <= ebp)
			return 0;
		ebp = next;
	}
	return frame_readable(ebp) ? ((unsigned long *)ebp)[1] : 0;
}

__noinline unsigned int save_stack_trace(unsigned long *trace,
					 unsigned int max, unsigned int skip)
{
	unsigned long ebp = (unsigned long)__builtin_frame_address(0);
	unsigned int n = 0;

	/* Frame 0 returns into our caller: skip 1 leaves it out. */
	while (n < max && frame_readable(ebp)) {
		unsigned long next = ((unsigned long *)ebp)[0];
		unsigned long ret = ((unsigned long *)ebp)[1];

		if (ret < (unsigned long)_stext || ret >= (unsigned long)_etext)
			break;
		if (skip)
			skip--;
		else
			trace[n++] = ret;
		if (next <= ebp)
			break;
		ebp = next;
	}
	return n;
}

/* ---- reports: registers and call traces, in Linux's oops layout ---- */

void show_regs(const struct pt_regs *regs, u32 sp)
{
	printk("EIP: %04x:[<%08x>] %pS\n", regs->cs, regs->eip,
	       (void *)(uintptr_t)regs->eip);
	printk("EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n", regs->eax,
	       regs->ebx, regs->ecx, regs->edx);
	printk("ESI: %08x EDI: %08x EBP: %08x ESP: %08x\n", regs->esi,
	       regs->edi, regs->ebp, sp);
	printk("DS: %04x ES: %04x FS: %04x GS: %04x EFLAGS: %08x\n",
	       regs->ds, regs->es, regs->fs, regs->gs, regs->eflags);
	printk("CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n", read_cr0(),
	       read_cr2(), read_cr3(), read_cr4());
}

/* Deep recursion repeats one frame: print it once with a count. */
static unsigned long trace_last;
static unsigned int trace_repeats;

static void flush_trace_repeats(void)
{
	if (trace_repeats)
		printk("  ... the line above %u more times\n", trace_repeats);
	trace_repeats = 0;
}

static void print_trace_entry(unsigned long addr)
{
	if (addr == trace_last) {
		trace_repeats++;
		return;
	}
	flush_trace_repeats();
	printk(" [<%08lx>] %pB\n", addr, (void *)addr);
	trace_last = addr;
}

void show_stack_trace(unsigned long ebp)
{
	printk("Call Trace:\n");
	trace_last = 0;
	trace_repeats = 0;
	walk_stack(ebp, print_trace_entry);
	flush_trace_repeats();
}

void dump_stack(void)
{
	show_stack_trace(read_ebp());
}

void report_stack_overflow(u32 sp)
{
	struct task_struct *task;

	if (kernel_address_mapped(sp) && kernel_address_mapped(sp - 4))
		return;
	printk("The stack pointer 0x%08x points into an unmapped page: "
	       "kernel stack overflow into a guard page.\n", sp);
	task = task_for_stack_address(sp - 4);
	if (task)
		printk("kernel stack overflow in thread %s (pid %d): its "
		       "stack starts at 0x%08lx, the guard page is below\n",
		       task->comm, task->pid, task->stack);
}
