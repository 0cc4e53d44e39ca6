; SPDX-License-Identifier: MIT
; Interrupt and exception entry stubs. Each stub makes the stack look
; the same (an error code, real or 0, then the vector number), saves the
; general and segment registers, and calls interrupt_dispatch(regs) with
; a pointer to the resulting struct pt_regs (kernel/asm/ptrace.h).

%include "boot/boot.inc"

extern interrupt_dispatch
global isr_stub_table
global enter_user_mode

; Vectors where the CPU pushes an error code itself.
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)


section .text
%assign v 0
%rep NR_ISR_STUBS
isr_stub_ %+ v:
%if HAS_ERROR_CODE(v) == 0
	push 0
%endif
	push v
	jmp isr_common
%assign v v + 1
%endrep

isr_common:
	; A process may enter with EFLAGS.DF set (std): the kernel's string
	; instructions (memcpy, the user copies) must run forwards.
	cld
	pushad
	push ds
	push es
	push fs
	push gs
	mov ax, KERNEL_DS
	mov ds, ax
	mov es, ax
	mov ax, PERCPU_SEL		; this CPU's per-CPU data
	mov fs, ax
	; The user's %gs (its TLS) is saved above; the kernel does not use
	; %gs, and a stale user selector must not follow a switch to a
	; thread whose TLS entry differs: the null selector goes everywhere.
	xor eax, eax
	mov gs, ax
	; A frame link so that stack traces walk on into the interrupted code.
	push dword [esp + 14 * 4]	; regs->eip
	push ebp
	mov ebp, esp
	lea eax, [esp + 8]
	push eax
	call interrupt_dispatch
	add esp, 12
isr_exit:
	pop gs
	pop fs
	pop es
	pop ds
	popad
	add esp, 8			; vector and error code
	iretd

; void enter_user_mode(struct pt_regs *regs): leave the kernel for the
; user context in @regs (a new process's first entry to ring 3, built
; by exec or copied by fork), the way every interrupt returns.
enter_user_mode:
	cli
	mov esp, [esp + 4]
	jmp isr_exit

section .rodata
align 4
isr_stub_table:
%assign v 0
%rep NR_ISR_STUBS
	dd isr_stub_ %+ v
%assign v v + 1
%endrep
