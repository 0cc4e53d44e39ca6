/* SPDX-License-Identifier: MIT */
/* What boot/entry.asm sets up before start_kernel, and its sizes. */
#ifndef ASM_SETUP_H
#define ASM_SETUP_H

#define MBI_COPY_SIZE 65536   /* bytes of multiboot2 information kept */
#define BOOT_STACK_SIZE 16384 /* the boot stack, the idle thread's later */

#endif /* ASM_SETUP_H */
