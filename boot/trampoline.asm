; SPDX-License-Identifier: MIT
; A secondary CPU's first instructions. The boot CPU copies this code to
; a page below 1 MiB (the SIPI vector names the page) and fills in the
; parameters at TRAMPOLINE_PARAMS in the same page (asm/trampoline.h,
; kernel/arch/x86/smpboot.c). The CPU wakes in real mode at CS:IP =
; page:0 and goes, in three steps, to the kernel:
;
;   1. real mode: load the trampoline's GDT (flat code and data, the
;      kernel's selectors) and switch to protected mode;
;   2. protected mode, no paging: turn on what the boot CPU has on
;      (CR4: PAE, PGE; EFER.NXE), load the trampoline's PDPT and turn
;      paging on. That PDPT maps the first 2 MiB one to one (where this
;      code runs) and the kernel's gigabyte as the kernel's own tables;
;   3. jump to secondary_startup in the higher half, which loads the
;      kernel's own PDPT and calls start_secondary(cpu) on the stack of
;      the CPU's idle thread.
;
; EBX holds the page's physical address from step 1 on: the code finds
; its parameters through it.

%include "boot/boot.inc"

extern start_secondary
global trampoline_start, trampoline_protected, trampoline_end
global secondary_startup

%define PARAM(field) ebx + TRAMPOLINE_PARAMS + field

section .rodata.trampoline progbits alloc noexec nowrite align=64
bits 16
trampoline_start:
	cli
	cld
	mov ax, cs
	mov ds, ax
	movzx ebx, ax
	shl ebx, 4
	o32 lgdt [TRAMPOLINE_PARAMS + TR_GDT_PTR]
	; CR0 = PE alone: this also turns the caches on (INIT leaves CD set).
	mov eax, X86_CR0_PE
	mov cr0, eax
	o32 jmp far [TRAMPOLINE_PARAMS + TR_PROTECTED_ENTRY]

bits 32
trampoline_protected:
	mov ax, KERNEL_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov eax, [PARAM(TR_CR4)]
	mov cr4, eax
	cmp dword [PARAM(TR_EFER_NX)], 0
	je .no_nx
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_NXE
	wrmsr
.no_nx:
	lea eax, [PARAM(TR_PDPT)]
	mov cr3, eax
	mov eax, [PARAM(TR_CR0)]
	mov cr0, eax
	; Paging is on; this page is still mapped at its physical address.
	mov esp, [PARAM(TR_STACK)]
	mov eax, [PARAM(TR_CR3)]
	mov ecx, [PARAM(TR_CPU)]
	jmp [PARAM(TR_ENTRY)]
trampoline_end:

section .text
; In the kernel's text: EAX = the kernel's PDPT, ECX = the CPU number,
; ESP = the top of the CPU's idle thread's stack.
secondary_startup:
	mov cr3, eax			; the identity map goes
	xor ebp, ebp			; ends stack traces
	push ecx
	push 0				; no return address
	jmp start_secondary
