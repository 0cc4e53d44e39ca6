/* SPDX-License-Identifier: MIT */
/* The GDT's selectors (boot/gdt.asm's boot GDT, kernel/arch/x86/desc.c's per-CPU ones). */
#ifndef ASM_SEGMENT_H
#define ASM_SEGMENT_H

#define KERNEL_CS 0x08	/* flat 4 GiB code, ring 0 */
#define KERNEL_DS 0x10	/* flat 4 GiB data, ring 0 */
#define TSS_SEL 0x18	/* the TSS every CPU must have */
#define DF_TSS_SEL 0x20 /* the double-fault task's TSS */
#define PERCPU_SEL 0x28 /* this CPU's per-CPU data (%fs) */

#endif /* ASM_SEGMENT_H */
