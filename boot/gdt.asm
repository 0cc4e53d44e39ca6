; SPDX-License-Identifier: MIT
; The boot GDT: flat 4 GiB code and data segments for ring 0, all that
; the boot needs until start_kernel loads CPU 0's own GDT (with its TSS
; and per-CPU segment, kernel/arch/x86/desc.c). The trampoline that
; starts the other CPUs uses it too.

section .data
align 16
global gdt, gdt_descriptor
gdt:
	dq 0                      ; 0x00 null
	dq 0x00CF9A000000FFFF     ; 0x08 kernel code: base 0, 4 GiB, ring 0
	dq 0x00CF92000000FFFF     ; 0x10 kernel data: base 0, 4 GiB, ring 0
gdt_end:

align 4
	dw 0
gdt_descriptor:
	dw gdt_end - gdt - 1
	dd gdt
