// SPDX-License-Identifier: MIT
/*
 * Panic reporting. The output follows Linux's oops layout so that the
 * reader knows where to look: the reason, the place, the registers,
 * "Call Trace:" with symbol+offset/size, and an end marker.
 */
#include "kernel/debug/panic.h"
#include "kernel/debug/bochs.h"
#include "kernel/debug/kallsyms.h"
#include "kernel/drivers/power.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include <asm/stacktrace.h>
#include "kernel/lib/vsprintf.h"
#include <asm/pgtable.h>
#include <asm/cpu.h>
#include <asm/irqflags.h>

#define PANIC_MSG_LEN 256

bool in_panic;

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
	printk(" [<%08lx>] %pS\n", addr, (void *)addr);
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

/* Which CPU and thread were running, and in what context. */
static void print_panic_context(void)
{
	struct task_struct *task = current;

	if (!task) {
		printk("CPU: %u (before the scheduler)\n", smp_processor_id());
		return;
	}
	printk("CPU: %u PID: %d Comm: %s%s preempt_count: %u\n",
	       smp_processor_id(), task->pid, task->comm,
	       in_interrupt() ? " (in an interrupt handler)" : "",
	       preempt_count());
}

/* Print the banner; a nested panic only says so and stops. */
static void panic_enter(void)
{
	local_irq_disable();
	if (in_panic) {
		printk("\nKernel panic while reporting a panic; stopping.\n");
		machine_power_off(EXIT_FAILURE);
	}
	in_panic = true;
}

static __noreturn void panic_finish(const char *msg)
{
	printk("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	bochs_break_regs(BREAK_PANIC, msg, read_ebp(),
			 "%s; EAX = the message, EDX = EBP; try: x /8wx "
			 "0x%08lx (the frame chain), then c to power off", msg,
			 read_ebp());
	machine_power_off(EXIT_FAILURE);
}

void panic_at(const char *file, int line, const char *func, const char *fmt,
	      ...)
{
	char msg[PANIC_MSG_LEN];
	va_list ap;

	panic_enter();
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("\nKernel panic - not syncing: %s\n", msg);
	printk("at %s:%d in %s()\n", file, line, func);
	print_panic_context();
	dump_stack();
	panic_finish(msg);
}

void die_at_sp(struct pt_regs *regs, u32 sp, const char *fmt, ...)
{
	char msg[PANIC_MSG_LEN];
	va_list ap;

	panic_enter();
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("\nOops: %s\n", msg);
	print_panic_context();
	show_regs(regs, sp);
	show_stack_trace(regs->ebp);
	printk("The fault was at %pS.\n", (void *)(uintptr_t)regs->eip);
	printk("\nKernel panic - not syncing: Fatal exception: %s\n", msg);
	panic_finish(msg);
}

void die(struct pt_regs *regs, const char *fmt, ...)
{
	char msg[PANIC_MSG_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	die_at_sp(regs, kernel_stack_pointer(regs), "%s", msg);
}

void warn_at(const char *file, int line, const char *func, const char *cond)
{
	printk("------------[ cut here ]------------\n");
	printk("WARNING: %s at %s:%d in %s()\n", cond, file, line, func);
	dump_stack();
	printk("---[ end trace ]---\n");
}
