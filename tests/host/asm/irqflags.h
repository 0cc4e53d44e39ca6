/* SPDX-License-Identifier: MIT */
/* Host version: a test process has no interrupts to mask. */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include "kernel/lib/types.h"

#define X86_EFLAGS_IF 0x200u

static inline void local_irq_disable(void) {}
static inline void local_irq_enable(void) {}
static inline bool irqs_disabled(void) { return false; }
static inline unsigned long arch_local_irq_save(void) { return X86_EFLAGS_IF; }
static inline void local_irq_restore(unsigned long flags) { (void)flags; }
#define local_irq_save(flags) ((flags) = arch_local_irq_save())

#endif /* ASM_IRQFLAGS_H */
