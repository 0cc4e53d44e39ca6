/* SPDX-License-Identifier: MIT */
/* Boundaries of the kernel image, defined by kernel.ld. */
#ifndef KERNEL_SECTIONS_H
#define KERNEL_SECTIONS_H

extern char _kernel_start[], _kernel_end[];
extern char _stext[], _etext[];
extern char _srodata[], _erodata[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_end[];

#endif /* KERNEL_SECTIONS_H */
