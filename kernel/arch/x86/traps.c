// SPDX-License-Identifier: MIT
/*
 * The IDT and the CPU exceptions. Every exception in this kernel is a
 * bug: it is reported by name, with the page-fault details where they
 * apply, and the kernel panics. A double fault cannot trust the stack it
 * happened on (it is usually a stack overflow into a guard page), so it
 * arrives through a task gate that switches to a TSS with its own stack.
 */
#include "kernel/irq.h"
#include "kernel/proc/process.h"
#include <asm/fault.h>
#include <asm/stacktrace.h>
#include <asm/traps.h>
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "mm/page_debug.h"
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include "mm/vmalloc.h"
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/segment.h>

#define GATE_INTERRUPT_32 0x8E /* present, DPL 0, 32-bit interrupt gate */
#define GATE_TASK 0x85	       /* present, DPL 0, task gate */
#define GATE_SYSCALL 0xEE      /* present, DPL 3: int $0x80 from user mode */
#define VECTOR_DEBUG 1
#define VECTOR_NMI 2
#define VECTOR_DOUBLE_FAULT 8
#define VECTOR_PAGE_FAULT 14


struct idt_entry {
	u16 offset_low;
	u16 selector;
	u8 zero;
	u8 type_attr;
	u16 offset_high;
} __packed;

struct idt_ptr {
	u16 limit;
	u32 base;
} __packed;

extern const u32 isr_stub_table[];

static struct idt_entry idt[IDT_ENTRIES] __aligned(8);

static const char *const exception_names[NR_EXCEPTIONS] = {
	"divide error",
	"debug",
	"non-maskable interrupt",
	"breakpoint",
	"overflow",
	"BOUND range exceeded",
	"invalid opcode",
	"device not available",
	"double fault",
	"coprocessor segment overrun",
	"invalid TSS",
	"segment not present",
	"stack-segment fault",
	"general protection fault",
	"page fault",
	"reserved (15)",
	"x87 floating-point error",
	"alignment check",
	"machine check",
	"SIMD floating-point exception",
	"virtualization exception",
	"control protection exception",
	"reserved (22)",
	"reserved (23)",
	"reserved (24)",
	"reserved (25)",
	"reserved (26)",
	"reserved (27)",
	"hypervisor injection exception",
	"VMM communication exception",
	"security exception",
	"reserved (31)",
};

const char *exception_name(unsigned int vector)
{
	return vector < NR_EXCEPTIONS ? exception_names[vector] : "interrupt";
}

static void set_gate(unsigned int vector, u32 offset, u16 selector, u8 type)
{
	idt[vector].offset_low = (u16)offset;
	idt[vector].selector = selector;
	idt[vector].zero = 0;
	idt[vector].type_attr = type;
	idt[vector].offset_high = (u16)(offset >> 16);
}

void idt_load(void)
{
	struct idt_ptr ptr = { sizeof(idt) - 1, (u32)(uintptr_t)idt };

	__asm__ __volatile__("lidt %0" : : "m"(ptr));
}

void trap_init(void)
{
	for (unsigned int v = 0; v < IDT_ENTRIES; v++)
		set_gate(v, isr_stub_table[v], KERNEL_CS, GATE_INTERRUPT_32);
	set_gate(VECTOR_DOUBLE_FAULT, 0, DF_TSS_SEL, GATE_TASK);
	set_gate(SYSCALL_VECTOR, isr_stub_table[SYSCALL_VECTOR], KERNEL_CS,
		 GATE_SYSCALL);
	idt_load();
}

/* Say which part of the address space a faulting address lies in. */
static void describe_address(unsigned long addr)
{
	struct task_struct *task = task_for_stack_address(addr);
	const char *what;
	int cpu, idx;

	printk("#PF: 0x%08lx is ", addr);
	if (addr < PAGE_SIZE)
		printk("in the first page: a NULL pointer dereference\n");
	else if (addr < PAGE_OFFSET)
		printk("in the user half, where nothing is mapped\n");
	else if (task && addr < task->stack)
		printk("in the stack guard page of thread %s (pid %d)\n",
		       task->comm, task->pid);
	else if (page_debug_unmapped(addr)) {
		printk("a free page (pfn 0x%lx) that debug_pagealloc unmapped "
		       "from the direct map: a use after free\n",
		       (unsigned long)__pa(addr) >> PAGE_SHIFT);
		page_debug_history((unsigned long)__pa(addr) >> PAGE_SHIFT);
	} else if (virt_addr_valid(addr))
		printk("in the direct map (pfn 0x%lx)\n",
		       (unsigned long)__pa(addr) >> PAGE_SHIFT);
	else if (addr < VMALLOC_START)
		printk("in the hole after the direct map (high_memory is "
		       "0x%08lx)\n", high_memory);
	else if (addr < VMALLOC_END)
		vmalloc_describe(addr);
	else if (addr < PKMAP_BASE)
		printk("in the guard pages between vmalloc and pkmap\n");
	else if (addr < PKMAP_BASE + LAST_PKMAP * PAGE_SIZE)
		printk("pkmap slot %lu (count %d)\n", PKMAP_NR(addr),
		       pkmap_slot_count(PKMAP_NR(addr)));
	else if ((what = kmap_atomic_describe(addr, &cpu, &idx))) {
		printk("%s (CPU %d, slot %d)\n", what, cpu, idx);
		kmap_slot_describe((unsigned int)cpu, idx);
	} else {
		printk("in the fixmap\n");
	}
	if (kmap_atomic_depth() && faulthandler_disabled())
		printk("#PF: page faults are disabled here (inside kmap_atomic, "
		       "%d slots held)\n", kmap_atomic_depth());
	else if (kmap_atomic_depth())
		printk("#PF: inside kmap_local (%d slots held); page faults are "
		       "allowed here\n", kmap_atomic_depth());
}

void report_page_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2();
	u32 err = regs->error_code;

	printk("BUG: unable to handle page fault for address: 0x%08lx\n",
	       addr);
	printk("#PF: %s %s access in %s mode\n",
	       (err & PF_USER) ? "user" : "supervisor",
	       (err & PF_INSTR) ? "instruction fetch" :
	       (err & PF_WRITE) ? "write" : "read",
	       (err & PF_USER) ? "user" : "kernel");
	printk("#PF: error_code(0x%04x) - %s%s\n", err,
	       (err & PF_RSVD) ? "reserved bit set in a paging entry, " : "",
	       (err & PF_PROT) ? "permissions violation" : "not-present page");
	dump_pagetable(addr);
	describe_address(addr);
}

static void user_exception(struct pt_regs *regs);

static debug_trap_hook_t debug_trap_hook;

void set_debug_trap_hook(debug_trap_hook_t hook)
{
	WRITE_ONCE(debug_trap_hook, hook);
}

void handle_exception(struct pt_regs *regs)
{
	debug_trap_hook_t hook = READ_ONCE(debug_trap_hook);

	/* A single-step trap (EFLAGS.TF) that someone asked for. */
	if (regs->vector == VECTOR_DEBUG && hook) {
		hook(regs);
		return;
	}
	/* Another CPU's panic stops this one (smp_send_stop). */
	if (regs->vector == VECTOR_NMI && nmi_stop_requested())
		stop_this_cpu();
	/* Any other NMI is the machine's, not the interrupted process's. */
	if (regs->vector == VECTOR_NMI && user_mode(regs)) {
		printk("NMI received in user mode (%s, pid %d): ignored\n",
		       current->comm, current->pid);
		return;
	}
	/* A fault while this CPU reports a panic: the report cannot go on. */
	if (READ_ONCE(panic_cpu) == (int)smp_processor_id())
		oops_nested_fault(regs->vector, regs->eip);
	/* A user page fault, or a kernel one on a user pointer (uaccess). */
	if (regs->vector == VECTOR_PAGE_FAULT && do_page_fault(regs))
		return;
	/* Anything else in ring 3 is the process's fault, not the kernel's. */
	if (user_mode(regs)) {
		user_exception(regs); /* a handler runs, or the process ends */
		return;
	}
	oops_begin();
	if (regs->vector == VECTOR_PAGE_FAULT)
		report_page_fault(regs);
	die(regs, "%s (vector %u, error code 0x%x)",
	    exception_name(regs->vector), regs->vector, regs->error_code);
}

/*
 * Runs as its own task after a double fault, on the CPU that faulted
 * (its GDT's double-fault TSS, with %fs its per-CPU segment). The
 * faulting context was saved into that CPU's TSS by the task switch:
 * rebuild a pt_regs from it.
 */
__noreturn void doublefault_task(void)
{
	const struct tss *tss = &this_cpu_ptr(cpu_desc)->tss;
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	regs.eip = tss->eip;
	regs.eflags = tss->eflags;
	regs.cs = tss->cs;
	regs.eax = tss->eax;
	regs.ebx = tss->ebx;
	regs.ecx = tss->ecx;
	regs.edx = tss->edx;
	regs.esi = tss->esi;
	regs.edi = tss->edi;
	regs.ebp = tss->ebp;
	regs.esp_at_pushad = tss->esp;
	regs.ds = tss->ds;
	regs.es = tss->es;
	regs.fs = tss->fs;
	regs.gs = tss->gs;
	regs.vector = VECTOR_DOUBLE_FAULT;
	report_stack_overflow(tss->esp);
	die_at_sp(&regs, tss->esp, "double fault (esp 0x%08x)", tss->esp);
}

/* Nothing sends these: count them, say so once. */
static unsigned long unexpected_vectors;

static void unexpected_interrupt(unsigned int vector)
{
	if (!unexpected_vectors++)
		printk("warning: interrupt on vector %u, which nothing uses\n",
		       vector);
}

/* The signal a user-mode exception sends, as Linux maps them. */
static int exception_signal(unsigned int vector)
{
	switch (vector) {
	case 0:	 /* divide error */
	case 16: /* x87 error */
	case 19: /* SIMD error */
		return SIGFPE;
	case 1:
	case 3:
		return SIGTRAP;
	case 6:
		return SIGILL;
	case 11: /* segment not present */
	case 12: /* stack segment */
	case 17: /* alignment check */
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

static void user_exception(struct pt_regs *regs)
{
	force_sig_fault(regs, exception_signal(regs->vector), regs->eip,
			exception_name(regs->vector));
}

asmlinkage void interrupt_dispatch(struct pt_regs *regs)
{
	if (regs->vector == SYSCALL_VECTOR) {
		local_irq_enable();
		do_syscall(regs);
		local_irq_disable();
		exit_to_user_mode(regs);
		return;
	}
	if (regs->vector < NR_EXCEPTIONS) {
		handle_exception(regs);
		if (user_mode(regs))
			exit_to_user_mode(regs);
		return;
	}
	if (regs->vector < IRQ_BASE_VECTOR + NR_IRQS)
		handle_irq(regs->vector - IRQ_BASE_VECTOR, regs);
	else if (regs->vector >= FIRST_SYSTEM_VECTOR)
		apic_interrupt(regs);
	else
		unexpected_interrupt(regs->vector);
	/*
	 * Back in the interrupted thread's context (the handler is done
	 * and acknowledged): if its time is up, switch now. The thread
	 * resumes here later and returns through iret as usual. A switch
	 * another CPU asked for (its IPI brought us here) goes into this
	 * CPU's preempt_count too, for the interrupted preempt_enable().
	 */
	fold_need_resched();
	preempt_schedule_irq();
	if (user_mode(regs))
		exit_to_user_mode(regs);
}
