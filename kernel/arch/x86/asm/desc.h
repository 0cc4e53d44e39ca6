/* SPDX-License-Identifier: MIT */
/*
 * Each CPU's descriptor tables (kernel/arch/x86/desc.c): its GDT, whose
 * per-CPU segment %fs holds, its TSS, and the TSS and stack of its
 * double-fault task. The IDT is shared by every CPU (traps.c).
 */
#ifndef ASM_DESC_H
#define ASM_DESC_H

#include "kernel/lib/types.h"
#include <asm/percpu.h>
#include <asm/segment.h>

#define GDT_ENTRIES 9
#define DF_STACK_SIZE 8192

/* The 32-bit task-state segment, as the CPU reads and writes it. */
struct tss {
	u32 link, esp0, ss0, esp1, ss1, esp2, ss2;
	u32 cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u32 es, cs, ss, ds, fs, gs, ldt;
	u16 trap, iomap_base;
} __packed;

struct cpu_desc {
	u64 gdt[GDT_ENTRIES] __aligned(8);
	struct tss tss;		/* the one every CPU must have */
	struct tss df_tss;	/* where a double fault switches to */
	u8 df_stack[DF_STACK_SIZE] __aligned(16);
};

DECLARE_PER_CPU(struct cpu_desc, cpu_desc);

/**
 * gdt_setup_cpu - fill CPU @cpu's GDT: flat code and data, its per-CPU
 * segment (based at its per-CPU offset) and its two TSSes
 * @cpu: the CPU; its per-CPU area must exist
 *
 * Context: boot (CPU 0) or smp_init (the others), before the CPU runs.
 */
void gdt_setup_cpu(unsigned int cpu);

/**
 * gdt_load - load CPU @cpu's GDT and TSS on this CPU, %fs its per-CPU segment
 * @cpu: this CPU's number
 *
 * From here on this_cpu() works. Context: the CPU itself, first thing.
 */
void gdt_load(unsigned int cpu);

/**
 * df_tss_set_cr3 - the page tables the double-fault tasks switch to
 * @cr3: the PDPT's physical address
 *
 * Context: boot, after the final page tables are loaded.
 */
void df_tss_set_cr3(unsigned long cr3);

/**
 * load_tls - install a thread's set_thread_area segment in this CPU's GDT
 * @desc: the descriptor (0: none, a null segment)
 *
 * The user's %gs is reloaded from the GDT on the way back to user mode
 * (boot/isr.asm pops it), so the new descriptor takes effect there.
 * Context: the scheduler's switch, interrupts off; or the thread itself
 * (set_thread_area) with preemption off.
 */
void load_tls(u64 desc);

/**
 * set_kernel_stack - where this CPU enters the kernel from user mode
 * @esp0: the top of the running thread's kernel stack
 *
 * Context: the scheduler's switch, interrupts off.
 */
void set_kernel_stack(unsigned long esp0);

/**
 * make_user_desc - a 32-bit ring-3 data segment descriptor
 * @base: the linear base
 * @limit: the limit, in 4 KiB units if @pages
 * @pages: granularity 4 KiB
 *
 * What set_thread_area builds from a struct user_desc.
 * Context: any. Return: the 8-byte descriptor.
 */
u64 make_user_desc(u32 base, u32 limit, bool pages);

#endif /* ASM_DESC_H */
