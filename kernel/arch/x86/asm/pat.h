/* SPDX-License-Identifier: MIT */
/* The page attribute table (kernel/arch/x86/pat.c). */
#ifndef ASM_PAT_H
#define ASM_PAT_H

#include <asm/pgtable.h>

/* PTE bits of a write-combining kernel mapping (uncached without a PAT). */
extern pteval_t pgprot_writecombine;

/**
 * pat_init - program the PAT: entry 1 becomes write-combining
 *
 * Context: boot, once, after cpu_init.
 */
void pat_init(void);

/**
 * pat_init_cpu - program this CPU's PAT as pat_init did the boot CPU's
 *
 * Every CPU must read the PAT bits of a PTE the same way. Context: a
 * starting CPU (and pat_init).
 */
void pat_init_cpu(void);

#endif /* ASM_PAT_H */
