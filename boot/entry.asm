; SPDX-License-Identifier: MIT
; 32-bit entry from GRUB: paging is off, we run at physical addresses
; while the kernel is linked at 0xC0100000. This code
;   1. zeroes the bss and checks that the CPU has what the kernel is
;      built for: PAE, CMOV, TSC (else says which it lacks and powers
;      off with a failure status);
;   2. copies the multiboot2 information into the kernel image, so that
;      C code never has to find it in physical memory;
;   3. builds early PAE tables that map the first GiB twice, at 0 and at
;      0xC0000000, with 2 MiB pages (one page directory serves both);
;   4. turns on PAE (and PGE, and EFER.NXE where present), then paging;
;   5. jumps to the higher half, loads the GDT and the boot stack, and
;      calls start_kernel(magic, mbi_phys).
; mm/init.c later replaces these tables and drops the identity half.

%include "boot/boot.inc"

; From the C headers (boot/boot.inc): CPUID_*, X86_*, MSR_EFER, EFER_NXE,
; PDE_2M_KERNEL, PDPTE_PRESENT, MB2_BOOTLOADER_MAGIC, the ports.
COM1_LSR             equ COM1 + UART_LSR
EARLY_MAP_ENTRIES    equ PTRS_PER_PMD     ; 2 MiB pages: the first GiB

extern start_kernel
extern gdt_descriptor
extern __bss_start, __bss_end
global _start
global early_pdpt, early_pd
global boot_stack_bottom, boot_stack_top
global boot_mbi_copy

section .boot.text progbits alloc exec nowrite align=16
bits 32
_start:
	cli
	cld
	; cpuid clobbers ebx: keep the magic in esi and the info in ebp.
	mov esi, eax
	mov ebp, ebx

	; The multiboot2 spec does not promise a zeroed bss.
	mov edi, PA(__bss_start)
	mov ecx, PA(__bss_end)
	sub ecx, edi
	xor eax, eax
	rep stosb
	mov esp, PA(boot_stack_top)

	call check_cpu
	call copy_mbi
	call build_early_tables
	call enable_paging

	mov eax, higher_half
	jmp eax

; Refuse to run unless CPUID reports what the kernel is built to use:
; PAE (the page tables), CMOV (gcc -march=i686 emits it anywhere in C
; code) and TSC (rdtsc at the start of start_kernel). CPUs without CPUID
; (EFLAGS.ID cannot be toggled) have none of these. The refusal names
; each missing feature, then powers off with a failure status.
check_cpu:
	pushfd
	pop eax
	mov ecx, eax
	xor eax, X86_EFLAGS_ID
	push eax
	popfd
	pushfd
	pop eax
	push ecx
	popfd
	cmp eax, ecx
	je .no_cpuid
	mov eax, 1
	cpuid
	mov ebx, edx
	and ebx, CPUID_1_EDX_REQUIRED
	cmp ebx, CPUID_1_EDX_REQUIRED
	jne .missing
	ret
.no_cpuid:
	xor edx, edx			; as if CPUID said: nothing
.missing:
	mov ebx, edx
	mov edi, VGA_TEXT_PHYS		; early_puts' cursor
	mov esi, PA(cpu_refusal_msg)
	call early_puts
	test ebx, CPUID_1_EDX_PAE
	jnz .have_pae
	mov esi, PA(cpu_no_pae_msg)
	call early_puts
.have_pae:
	test ebx, CPUID_1_EDX_CMOV
	jnz .have_cmov
	mov esi, PA(cpu_no_cmov_msg)
	call early_puts
.have_cmov:
	test ebx, CPUID_1_EDX_TSC
	jnz .have_tsc
	mov esi, PA(cpu_no_tsc_msg)
	call early_puts
.have_tsc:
	mov esi, PA(cpu_refusal_end_msg)
	call early_puts
	jmp early_power_off_failure

; The kernel cannot go on: tell the emulator so, as machine_power_off
; does (kernel/drivers/power.c): QEMU's isa-debug-exit, then Bochs' shutdown
; port. Elsewhere, halt for good.
early_power_off_failure:
	mov dx, QEMU_DEBUG_EXIT_PORT
	mov al, QEMU_EXIT_FAILURE
	out dx, al
	mov esi, PA(bochs_shutdown_msg)
	mov dx, BOCHS_SHUTDOWN_PORT
.next:
	lodsb
	test al, al
	jz .halt
	out dx, al
	jmp .next
.halt:
	cli
	hlt
	jmp .halt

; Print the NUL-terminated string at esi (physical) on COM1, on port 0xE9
; and on the VGA text screen at edi (which it advances). Paging is off.
early_puts:
.next:
	lodsb
	test al, al
	jz .done
	mov ah, al
	mov dx, COM1_LSR
.wait_thr:
	in al, dx
	test al, LSR_THR_EMPTY
	jz .wait_thr
	mov al, ah
	mov dx, COM1
	out dx, al
	out 0xE9, al
	mov byte [edi], al
	mov byte [edi + 1], 0x4F	; white on red
	add edi, 2
	jmp .next
.done:
	ret

; Copy the multiboot2 information (at most MBI_COPY_SIZE bytes) into
; boot_mbi_copy. start_kernel validates the magic and the size.
copy_mbi:
	cmp esi, MB2_BOOTLOADER_MAGIC
	jne .skip
	mov ecx, [ebp]			; total_size
	cmp ecx, MBI_COPY_SIZE
	jbe .copy
	mov ecx, MBI_COPY_SIZE
.copy:
	push esi
	mov esi, ebp
	mov edi, PA(boot_mbi_copy)
	rep movsb
	pop esi
.skip:
	ret

; One page directory of 2 MiB pages for physical 0..1 GiB, installed
; both as PDPT[0] (identity) and PDPT[3] (0xC0000000).
build_early_tables:
	mov edi, PA(early_pd)
	mov eax, PDE_2M_KERNEL
	xor ecx, ecx
.fill:
	mov [edi + ecx * 8], eax
	mov dword [edi + ecx * 8 + 4], 0
	add eax, PMD_SIZE
	inc ecx
	cmp ecx, EARLY_MAP_ENTRIES
	jb .fill
	mov eax, PA(early_pd) + PDPTE_PRESENT
	mov [PA(early_pdpt)], eax
	mov [PA(early_pdpt) + KERNEL_PGD_INDEX * 8], eax
	ret

enable_paging:
	mov eax, 1
	cpuid
	mov eax, cr4
	or eax, X86_CR4_PAE
	test edx, CPUID_1_EDX_PGE
	jz .no_pge
	or eax, X86_CR4_PGE
.no_pge:
	mov cr4, eax

	mov eax, CPUID_EXT_BASE
	cpuid
	cmp eax, CPUID_EXT_FEATURES
	jb .no_nx
	mov eax, CPUID_EXT_FEATURES
	cpuid
	test edx, CPUID_EXT_EDX_NX
	jz .no_nx
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_NXE
	wrmsr
.no_nx:
	mov eax, PA(early_pdpt)
	mov cr3, eax
	mov eax, cr0
	or eax, X86_CR0_PG_WP
	mov cr0, eax
	ret

section .text
higher_half:
	lgdt [gdt_descriptor]
	jmp KERNEL_CS:.reload_cs
.reload_cs:
	mov ax, KERNEL_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov fs, ax			; this_cpu() reads the template until
	xor ax, ax			; percpu_init_boot_cpu loads PERCPU_SEL
	mov gs, ax
	mov esp, boot_stack_top
	push ebp			; mbi_phys
	push esi			; magic
	xor ebp, ebp			; ends stack traces
	call start_kernel
.hang:
	cli
	hlt
	jmp .hang

section .rodata
cpu_refusal_msg:
	db "This kernel needs a CPU with PAE, CMOV and TSC (CPUID.01h:EDX bits 6, 15, 4); this CPU lacks:", 0
cpu_no_pae_msg:
	db " PAE", 0
cpu_no_cmov_msg:
	db " CMOV", 0
cpu_no_tsc_msg:
	db " TSC", 0
cpu_refusal_end_msg:
	db ".", 13, 10, "Power off: FAILURE", 13, 10, 0
bochs_shutdown_msg:
	db "Shutdown", 0

section .bss
alignb 4096
early_pd:
	resq 512
alignb 32
early_pdpt:
	resq 4
; The page below the boot stack is unmapped by paging_init: an overflow
; faults there (and arrives as a double fault, see kernel/arch/x86/traps.c).
alignb 4096
global boot_stack_guard
boot_stack_guard:
	resb 4096
boot_stack_bottom:
	resb BOOT_STACK_SIZE
boot_stack_top:
alignb 8
boot_mbi_copy:
	resb MBI_COPY_SIZE
