; SPDX-License-Identifier: MIT
; The multiboot2 header: GRUB finds it in the first 32 KiB of the image.
; We ask for the memory map, the command line and the loader's name; the
; kernel is an ELF file, so no address tags are needed.

%include "boot/boot.inc"

; The header's own numbers (the information tags' come from C: the
; request lists the tags kernel/multiboot2.c reads).
MB2_HEADER_MAGIC    equ 0xE85250D6
MB2_ARCH_I386       equ 0
MB2_HEADER_TAG_INFO_REQUEST equ 1
MB2_HEADER_TAG_END  equ 0

section .multiboot progbits alloc noexec nowrite align=8
align 8
mb2_header:
	dd MB2_HEADER_MAGIC
	dd MB2_ARCH_I386
	dd mb2_header_end - mb2_header
	; The four fields must sum to zero modulo 2^32.
	dd 0x100000000 - (MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

align 8
.info_request:
	dw MB2_HEADER_TAG_INFO_REQUEST, 0
	dd .info_request_end - .info_request
	dd MB2_TAG_CMDLINE
	dd MB2_TAG_BOOTLOADER
	dd MB2_TAG_MMAP
.info_request_end:

align 8
	dw MB2_HEADER_TAG_END, 0
	dd 8
mb2_header_end:
