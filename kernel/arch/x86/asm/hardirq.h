/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU counts of the interrupts that are not device lines: the local
 * APIC's timer, spurious and error interrupts, the IPIs and NMIs. The
 * shell's `interrupts` prints them as Linux's /proc/interrupts does.
 * Each CPU counts its own, in its own per-CPU area: no lock, no shared
 * cache line.
 */
#ifndef ASM_HARDIRQ_H
#define ASM_HARDIRQ_H

#include <asm/percpu.h>

struct irq_cpustat {
	unsigned long local_timer;   /* LOC: the local APIC timer's ticks */
	unsigned long spurious;	     /* SPU: spurious APIC interrupts */
	unsigned long error;	     /* ERR: APIC error interrupts */
	unsigned long nmi;	     /* NMI */
	unsigned long resched;	     /* RES: rescheduling IPIs received */
	unsigned long call_function; /* CAL: function-call IPIs run */
	unsigned long tlb_shootdown; /* TLB: of those, TLB shootdowns */
};

DECLARE_PER_CPU(struct irq_cpustat, irq_stat);

#endif /* ASM_HARDIRQ_H */
