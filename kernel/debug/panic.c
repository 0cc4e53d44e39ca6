// SPDX-License-Identifier: MIT
/*
 * Panic reporting. The output follows Linux's oops layout so that the
 * reader knows where to look: the reason, the place, the registers,
 * "Call Trace:" with symbol+offset/size, and an end marker.
 */
#include "kernel/debug/panic.h"
#include <asm/stacktrace.h>
#include "kernel/debug/bochs.h"
#include "kernel/debug/kallsyms.h"
#include "kernel/drivers/power.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include <asm/stacktrace.h>
#include "kernel/lib/vsprintf.h"
#include "kernel/smp.h"
#include <asm/pgtable.h>
#include <asm/cpu.h>
#include <asm/atomic.h>
#include <asm/irqflags.h>

#define PANIC_MSG_LEN 256

int panic_cpu = -1;

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

/*
 * One CPU reports: the first to get here. Another CPU panicking
 * meanwhile stops quietly (the first report is the one to read), and
 * the first stops the others, so that nothing changes under the report.
 */
static void claim_panic_cpu(void)
{
	int me = (int)smp_processor_id();
	int first = cmpxchg(&panic_cpu, -1, me);

	if (first == -1)
		smp_send_stop();
	else if (first != me)
		stop_this_cpu();
}

/* The report has begun on this CPU: a panic from here on is nested. */
static bool reporting;

void oops_nested_fault(unsigned int vector, unsigned long eip)
{
	static bool once;

	/* If this printk faults too, the second time ends it silently. */
	if (!once) {
		once = true;
		printk("\nFault (vector %u at 0x%08lx) while reporting a panic; "
		       "stopping.\n", vector, eip);
	}
	machine_power_off(EXIT_FAILURE);
}

void oops_begin(void)
{
	local_irq_disable();
	claim_panic_cpu();
}

static void panic_enter(void)
{
	oops_begin();
	if (reporting) {
		printk("\nKernel panic while reporting a panic; stopping.\n");
		machine_power_off(EXIT_FAILURE);
	}
	reporting = true;
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
