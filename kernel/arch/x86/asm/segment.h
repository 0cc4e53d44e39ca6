/* SPDX-License-Identifier: MIT */
/* The GDT's selectors (boot/gdt.asm's boot GDT, kernel/arch/x86/desc.c's per-CPU ones). */
#ifndef ASM_SEGMENT_H
#define ASM_SEGMENT_H

#define KERNEL_CS 0x08	/* flat 4 GiB code, ring 0 */
#define KERNEL_DS 0x10	/* flat 4 GiB data, ring 0 */
#define TSS_SEL 0x18	/* the TSS every CPU must have */
#define DF_TSS_SEL 0x20 /* the double-fault task's TSS */
#define PERCPU_SEL 0x28 /* this CPU's per-CPU data (%fs) */
#define GDT_ENTRY_USER_CS 6
#define GDT_ENTRY_USER_DS 7
#define GDT_ENTRY_TLS 8	/* the running thread's set_thread_area segment */
#define USER_RPL 3
#define USER_CS (GDT_ENTRY_USER_CS * 8 + USER_RPL) /* 0x33: flat code, ring 3 */
#define USER_DS (GDT_ENTRY_USER_DS * 8 + USER_RPL) /* 0x3b: flat data, ring 3 */

#endif /* ASM_SEGMENT_H */
