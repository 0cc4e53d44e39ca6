// SPDX-License-Identifier: MIT
/*
 * The constants the NASM code (boot/) shares with C, taken from the C
 * headers so that each is defined once. This file is compiled to
 * assembly only, never linked: each DEFINE leaves a line "->NAME VALUE"
 * in the output, which tools/gen-asm-consts.sh turns into NASM's
 * "NAME equ VALUE" lines in $(BUILD)/asm-consts.inc (boot/boot.inc
 * includes it).
 */
#include "kernel/drivers/console.h"
#include "kernel/drivers/power.h"
#include "kernel/irq.h"
#include "kernel/multiboot2.h"
#include <asm/cpu.h>
#include <asm/cpufeature.h>
#include <asm/layout.h>
#include <asm/pgtable.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <asm/trampoline.h>
#include <stddef.h>

/* %c0: the number bare, without the $ of an immediate. */
#define DEFINE(name, value) \
	__asm__ __volatile__("\n->" #name " %c0" : : "i"((long long)(value)))

void asm_consts(void);

void asm_consts(void)
{
	DEFINE(KERNEL_VMA, PAGE_OFFSET);
	DEFINE(MBI_COPY_SIZE, MBI_COPY_SIZE);
	DEFINE(BOOT_STACK_SIZE, BOOT_STACK_SIZE);
	DEFINE(KERNEL_CS, KERNEL_CS);
	DEFINE(KERNEL_DS, KERNEL_DS);
	DEFINE(PERCPU_SEL, PERCPU_SEL);
	DEFINE(NR_ISR_STUBS, IDT_ENTRIES);

	DEFINE(CPUID_1_EDX_PAE, CPUID_1_EDX_PAE);
	DEFINE(CPUID_1_EDX_CMOV, CPUID_1_EDX_CMOV);
	DEFINE(CPUID_1_EDX_TSC, CPUID_1_EDX_TSC);
	DEFINE(CPUID_1_EDX_PGE, CPUID_1_EDX_PGE);
	DEFINE(CPUID_1_EDX_REQUIRED, CPUID_1_EDX_REQUIRED);
	DEFINE(CPUID_EXT_BASE, CPUID_EXT_BASE);
	DEFINE(CPUID_EXT_FEATURES, CPUID_EXT_FEATURES);
	DEFINE(CPUID_EXT_EDX_NX, CPUID_EXT_EDX_NX);
	DEFINE(X86_EFLAGS_ID, X86_EFLAGS_ID);
	DEFINE(X86_CR0_PG_WP, X86_CR0_PG | X86_CR0_WP);
	DEFINE(X86_CR4_PAE, X86_CR4_PAE);
	DEFINE(X86_CR4_PGE, X86_CR4_PGE);
	DEFINE(MSR_EFER, MSR_EFER);
	DEFINE(EFER_NXE, EFER_NXE);

	/* The early page tables: 2 MiB pages for the first GiB. */
	DEFINE(PDE_2M_KERNEL, _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE);
	DEFINE(PDPTE_PRESENT, _PAGE_PRESENT);
	DEFINE(PTRS_PER_PMD, PTRS_PER_PMD);
	DEFINE(PMD_SIZE, PMD_SIZE);
	DEFINE(KERNEL_PGD_INDEX, PAGE_OFFSET >> 30);

	/* The secondary CPUs' trampoline page (asm/trampoline.h). */
	DEFINE(TRAMPOLINE_PARAMS, TRAMPOLINE_PARAMS);
	DEFINE(TR_PDPT, offsetof(struct trampoline_params, pdpt));
	DEFINE(TR_GDT, offsetof(struct trampoline_params, gdt));
	DEFINE(TR_GDT_PTR, offsetof(struct trampoline_params, gdt_limit));
	DEFINE(TR_PROTECTED_ENTRY,
	       offsetof(struct trampoline_params, protected_entry));
	DEFINE(TR_CR0, offsetof(struct trampoline_params, cr0));
	DEFINE(TR_CR4, offsetof(struct trampoline_params, cr4));
	DEFINE(TR_EFER_NX, offsetof(struct trampoline_params, efer_nx));
	DEFINE(TR_CR3, offsetof(struct trampoline_params, cr3));
	DEFINE(TR_STACK, offsetof(struct trampoline_params, stack));
	DEFINE(TR_CPU, offsetof(struct trampoline_params, cpu));
	DEFINE(TR_ENTRY, offsetof(struct trampoline_params, entry));
	DEFINE(X86_CR0_PE, X86_CR0_PE);

	DEFINE(MB2_BOOTLOADER_MAGIC, MB2_BOOTLOADER_MAGIC);
	DEFINE(MB2_TAG_END, MB2_TAG_END);
	DEFINE(MB2_TAG_CMDLINE, MB2_TAG_CMDLINE);
	DEFINE(MB2_TAG_BOOTLOADER, MB2_TAG_BOOTLOADER);
	DEFINE(MB2_TAG_MMAP, MB2_TAG_MMAP);

	DEFINE(QEMU_DEBUG_EXIT_PORT, QEMU_DEBUG_EXIT_PORT);
	DEFINE(QEMU_EXIT_FAILURE, QEMU_EXIT_FAILURE);
	DEFINE(BOCHS_SHUTDOWN_PORT, BOCHS_SHUTDOWN_PORT);
	DEFINE(COM1, COM1);
	DEFINE(UART_LSR, UART_LSR);
	DEFINE(LSR_THR_EMPTY, LSR_THR_EMPTY);
	DEFINE(VGA_TEXT_PHYS, VGA_TEXT_PHYS);
}
