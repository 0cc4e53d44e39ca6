/* SPDX-License-Identifier: MIT */
/*
 * The page a secondary CPU starts in (boot/trampoline.asm): its code at
 * the start, and at TRAMPOLINE_PARAMS what the boot CPU fills in for it
 * (kernel/arch/x86/smpboot.c). The assembly finds the fields through
 * asm-consts.inc (TR_* offsets), so the layout is defined here once.
 */
#ifndef ASM_TRAMPOLINE_H
#define ASM_TRAMPOLINE_H

#include "kernel/lib/types.h"

#define TRAMPOLINE_PARAMS 0x800 /* the code must fit below */

struct trampoline_params {
	u64 pdpt[4];	 /* [0] the identity PMD, [3] the kernel's (32-aligned) */
	u64 gdt[3];	 /* null, flat code, flat data */
	u16 gdt_pad;
	u16 gdt_limit;	 /* lgdt's operand: limit, then linear base */
	u32 gdt_base;
	u32 protected_entry; /* ljmp's operand: offset, then selector */
	u16 protected_cs;
	u16 pad;
	u32 cr0;	 /* the boot CPU's: PE, PG, WP, and the caches on */
	u32 cr4;	 /* the boot CPU's: PAE, PGE */
	u32 efer_nx;	 /* 1: set EFER.NXE before paging */
	u32 cr3;	 /* the kernel's PDPT (swapper_pdpt) */
	u32 stack;	 /* the idle thread's stack top (virtual) */
	u32 cpu;	 /* the CPU number it will have */
	u32 entry;	 /* secondary_startup, in the higher half */
};

/* The trampoline's code, linked in .rodata and copied to low memory. */
extern const char trampoline_start[], trampoline_protected[], trampoline_end[];

/**
 * secondary_startup - where a new CPU enters the kernel's text
 *
 * boot/trampoline.asm: loads the kernel's page tables and calls
 * start_secondary() on the idle thread's stack. Not called from C.
 * Context: a starting CPU, paging on, interrupts off.
 */
void secondary_startup(void);

/**
 * reserve_trampoline - set a page below 1 MiB aside for the trampoline
 *
 * Also the page of its identity PMD. Without them smp_init stays on the
 * boot CPU (and says so). Context: boot, after paging_init, before
 * mem_init (memblock).
 */
void reserve_trampoline(void);

#endif /* ASM_TRAMPOLINE_H */
