// SPDX-License-Identifier: MIT
/*
 * Each CPU's GDT and TSSes. boot/gdt.asm has the GDT the boot runs on
 * until start_kernel loads CPU 0's; every CPU then has its own, because
 * two things in it are per CPU: the TSS descriptor (the CPU marks its
 * TSS busy) and the per-CPU segment, based where the CPU's copy of the
 * per-CPU data is.
 *
 *   0x00 null | 0x08 kernel code | 0x10 kernel data | 0x18 TSS
 *   0x20 double-fault TSS | 0x28 per-CPU data (%fs)
 *   0x30 user code | 0x38 user data | 0x40 the thread's TLS (%gs)
 *
 * The user segments are flat and ring 3: a process sees the same linear
 * addresses as the kernel, and paging (the U/S bit) keeps it out of the
 * top gigabyte. The TLS entry is rewritten at each switch.
 */
#include "kernel/percpu.h"
#include <asm/desc.h>
#include <asm/cpu.h>
#include <asm/traps.h>

#define DESC_FLAT_CODE 0x00CF9A000000FFFFull /* base 0, 4 GiB, ring 0 */
#define DESC_FLAT_DATA 0x00CF92000000FFFFull
#define DESC_USER_CODE 0x00CFFA000000FFFFull /* base 0, 4 GiB, ring 3 */
#define DESC_USER_DATA 0x00CFF2000000FFFFull
#define USER_DATA_DESC_TYPE 0xF2 /* present, DPL 3, read/write data */
#define FLAGS_32BIT 0x4		 /* byte granularity, 32-bit */
#define TSS_DESC_TYPE 0x89 /* present, DPL 0, available 32-bit TSS */
#define DATA_DESC_TYPE 0x92 /* present, DPL 0, read/write data */
#define FLAGS_4K_32BIT 0xC  /* granularity 4 KiB, 32-bit */

DEFINE_PER_CPU(struct cpu_desc, cpu_desc);

struct gdt_ptr {
	u16 limit;
	u32 base;
} __packed;

/* A descriptor for [base, base + limit], with type and flags. */
static u64 make_desc(u32 base, u32 limit, u8 type, u8 flags)
{
	u32 low = (base << 16) | (limit & 0xFFFF);
	u32 high = ((base >> 16) & 0xFF) | ((u32)type << 8) |
		   (limit & 0xF0000) | ((u32)flags << 20) | (base & 0xFF000000);

	return ((u64)high << 32) | low;
}

static u64 tss_desc(const struct tss *tss)
{
	return make_desc((u32)(uintptr_t)tss, sizeof(*tss) - 1, TSS_DESC_TYPE,
			 0);
}

void gdt_setup_cpu(unsigned int cpu)
{
	struct cpu_desc *d = &per_cpu(cpu_desc, cpu);
	struct tss *df = &d->df_tss;

	d->gdt[0] = 0;
	d->gdt[KERNEL_CS / 8] = DESC_FLAT_CODE;
	d->gdt[KERNEL_DS / 8] = DESC_FLAT_DATA;
	d->gdt[TSS_SEL / 8] = tss_desc(&d->tss);
	d->gdt[DF_TSS_SEL / 8] = tss_desc(df);
	d->gdt[GDT_ENTRY_USER_CS] = DESC_USER_CODE;
	d->gdt[GDT_ENTRY_USER_DS] = DESC_USER_DATA;
	d->gdt[GDT_ENTRY_TLS] = 0;
	/* Base at the offset, limit 4 GiB: %fs:x is this CPU's copy of x. */
	d->gdt[PERCPU_SEL / 8] = make_desc((u32)__per_cpu_offset[cpu], 0xFFFFF,
					   DATA_DESC_TYPE, FLAGS_4K_32BIT);
	d->tss.ss0 = KERNEL_DS;
	d->tss.iomap_base = sizeof(struct tss); /* no I/O bitmap */
	df->eip = (u32)(uintptr_t)doublefault_task;
	df->esp = (u32)(uintptr_t)(d->df_stack + DF_STACK_SIZE);
	df->eflags = 0x2; /* bit 1 is always set; IF off */
	df->cs = KERNEL_CS;
	df->ds = df->es = df->ss = KERNEL_DS;
	df->fs = PERCPU_SEL; /* the handler reads current through it */
	df->cr3 = read_cr3();
	df->iomap_base = sizeof(struct tss);
}

void gdt_load(unsigned int cpu)
{
	struct cpu_desc *d = &per_cpu(cpu_desc, cpu);
	struct gdt_ptr ptr = { sizeof(d->gdt) - 1, (u32)(uintptr_t)d->gdt };

	__asm__ __volatile__("lgdt %0\n\t"
			     "ljmp %1, $1f\n"
			     "1:\tmovw %2, %%ds\n\t"
			     "movw %2, %%es\n\t"
			     "movw %2, %%ss\n\t"
			     "movw %3, %%fs\n\t"
			     "ltr %w4"
			     :
			     : "m"(ptr), "i"(KERNEL_CS), "r"((u16)KERNEL_DS),
			       "r"((u16)PERCPU_SEL), "r"(TSS_SEL)
			     : "memory");
}

void df_tss_set_cr3(unsigned long cr3)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(cpu_desc, cpu).df_tss.cr3 = cr3;
}

u64 make_user_desc(u32 base, u32 limit, bool pages)
{
	return make_desc(base, limit, USER_DATA_DESC_TYPE,
			 pages ? FLAGS_4K_32BIT : FLAGS_32BIT);
}

void load_tls(u64 desc)
{
	this_cpu_ptr(cpu_desc)->gdt[GDT_ENTRY_TLS] = desc;
}

void set_kernel_stack(unsigned long esp0)
{
	this_cpu_ptr(cpu_desc)->tss.esp0 = esp0;
}
