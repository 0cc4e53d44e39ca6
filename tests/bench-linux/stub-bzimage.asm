; SPDX-License-Identifier: MIT
;
; stub-bzimage.asm: a kernel image in Linux's x86 boot protocol whose
; only work is to read the TSC the moment the boot loader hands over,
; print it on the serial line and stop QEMU, for make bench-linux.
;
; Linux's boot measure starts where QEMU's -kernel loader (SeaBIOS and
; its linuxboot option ROM) jumps into the kernel's real-mode setup
; code. Booted exactly as Linux is (same QEMU, same -initrd and
; -append, which the option ROM copies by fw_cfg DMA, so their size
; costs no guest instructions), this stub's TSC reading under
; qemu -icount shift=0 is the instructions the firmware and the loader
; took: tools/bench-linux.sh subtracts it from Linux's count at init.
;
; The loader runs this in real mode at setup + 0x200 (the jump at the
; start of the header), CS = setup segment + 0x20, DS = setup segment:
; with org 0, labels are offsets from DS.
;
; Output: "stub: tsc 0x0123456789abcdef", then 0x10 to QEMU's
; isa-debug-exit port (0xf4), which ends QEMU with "success".

	bits 16
	org 0

SETUP_SECTS	equ 1		; 512-byte sectors of setup after the boot sector
COM1		equ 0x3f8
COM1_LSR	equ COM1 + 5
LSR_THR_EMPTY	equ 0x20
DEBUG_EXIT	equ 0xf4
DEBUG_EXIT_OK	equ 0x10

	times 0x1f1 - ($ - $$) db 0
	db SETUP_SECTS		; 0x1f1 setup_sects
	dw 0			; 0x1f2 root_flags
	dd 0			; 0x1f4 syssize
	dw 0			; 0x1f8 ram_size
	dw 0			; 0x1fa vid_mode
	dw 0			; 0x1fc root_dev
	dw 0xaa55		; 0x1fe boot_flag
	jmp short start		; 0x200: where the loader jumps
	db "HdrS"		; 0x202 header magic
	dw 0x0206		; 0x206 protocol 2.06: initrd, cmd_line_ptr
	dd 0			; 0x208 realmode_swtch
	dw 0			; 0x20c start_sys_seg
	dw 0			; 0x20e kernel_version
	db 0			; 0x210 type_of_loader (the loader's)
	db 1			; 0x211 loadflags: LOADED_HIGH (bzImage)
	dw 0			; 0x212 setup_move_size
	dd 0x100000		; 0x214 code32_start
	dd 0			; 0x218 ramdisk_image (the loader's)
	dd 0			; 0x21c ramdisk_size (the loader's)
	dd 0			; 0x220 bootsect_kludge
	dw 0			; 0x224 heap_end_ptr
	db 0			; 0x226 ext_loader_ver
	db 0			; 0x227 ext_loader_type
	dd 0			; 0x228 cmd_line_ptr (the loader's)
	dd 0x37ffffff		; 0x22c initrd_addr_max, as Linux's

start:
	rdtsc			; first thing: the count at the hand-over
	mov ecx, eax
	mov si, message
	call puts
	mov eax, edx		; the high half, then the low one
	call puthex32
	mov eax, ecx
	call puthex32
	mov al, 10
	call putc
	mov al, DEBUG_EXIT_OK
	out DEBUG_EXIT, al
.halt:	cli
	hlt
	jmp .halt

; putc: AL to COM1, once its transmitter is empty.
putc:
	push dx
	push ax
	mov dx, COM1_LSR
.wait:	in al, dx
	test al, LSR_THR_EMPTY
	jz .wait
	pop ax
	mov dx, COM1
	out dx, al
	pop dx
	ret

; puts: the NUL-terminated string at DS:SI.
puts:
	lodsb
	test al, al
	jz .done
	call putc
	jmp puts
.done:	ret

; puthex32: EAX as eight hex digits, the most significant first.
puthex32:
	push bx
	mov bx, 8
.digit:	rol eax, 4
	push eax
	and al, 0x0f
	add al, '0'
	cmp al, '9'
	jbe .out
	add al, 'a' - '9' - 1
.out:	call putc
	pop eax
	dec bx
	jnz .digit
	pop bx
	ret

message: db "stub: tsc 0x", 0

	; The setup sectors, then a token protected-mode part for the
	; loader to copy to code32_start.
	times (SETUP_SECTS + 1) * 512 - ($ - $$) db 0
	times 512 db 0xf4	; hlt, never run
