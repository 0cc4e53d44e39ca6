; SPDX-License-Identifier: MIT
; The kernel's only GDT: flat 4 GiB code and data segments for ring 0,
; and two TSS slots that kernel/arch/x86/traps.c fills in (the TSS every CPU must
; have, and the one the double-fault task gate switches to).

section .data
align 16
global gdt, gdt_descriptor
gdt:
	dq 0                      ; 0x00 null
	dq 0x00CF9A000000FFFF     ; 0x08 kernel code: base 0, 4 GiB, ring 0
	dq 0x00CF92000000FFFF     ; 0x10 kernel data: base 0, 4 GiB, ring 0
	dq 0                      ; 0x18 TSS
	dq 0                      ; 0x20 double-fault TSS
gdt_end:

align 4
	dw 0
gdt_descriptor:
	dw gdt_end - gdt - 1
	dd gdt
