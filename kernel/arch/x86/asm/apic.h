/* SPDX-License-Identifier: MIT */
/*
 * The local APIC of each CPU (kernel/arch/x86/apic.c) and the I/O APIC
 * (io_apic.c): interrupts between CPUs, each CPU's timer, and the
 * routing of the legacy (ISA) interrupts.
 *
 * Vectors: 0-31 CPU exceptions, 32-47 the 16 ISA interrupts (through
 * the I/O APIC, or the 8259s without one), and the CPUs' own at the top.
 */
#ifndef ASM_APIC_H
#define ASM_APIC_H

#include "kernel/config.h"
#include "kernel/lib/types.h"
#include <asm/ptrace.h>
#include <asm/smp_config.h>

#define LOCAL_TIMER_VECTOR 0xEF
#define CALL_FUNCTION_VECTOR 0xFB
#define RESCHEDULE_VECTOR 0xFC
#define APIC_ERROR_VECTOR 0xFE
#define SPURIOUS_APIC_VECTOR 0xFF
#define FIRST_SYSTEM_VECTOR LOCAL_TIMER_VECTOR

/* ICR delivery modes (bits 8-10) and the level bit of INIT and SIPI. */
#define APIC_DM_FIXED 0x00000u
#define APIC_DM_NMI 0x00400u
#define APIC_DM_INIT 0x00500u
#define APIC_DM_STARTUP 0x00600u
#define APIC_INT_ASSERT 0x04000u
#define APIC_INT_LEVELTRIG 0x08000u
#define APIC_DEST_ALLBUT 0xC0000u /* shorthand: every CPU but this one */

/* True once the boot CPU's local APIC is set up (else the 8259 serves). */
extern bool lapic_enabled;

/* Each CPU's local APIC id, by CPU number (smpboot.c fills it in). */
extern u8 cpu_apic_id[NR_CPUS];

/**
 * lapic_present - does this CPU have a local APIC (CPUID.01h:EDX.APIC)?
 *
 * Context: any. Return: true if it does.
 */
bool lapic_present(void);

/**
 * lapic_init - map the local APICs' registers at @phys, enable this CPU's
 * @phys: their physical address (the same for every CPU)
 *
 * Context: boot, the boot CPU, after mem_init (ioremap).
 */
void lapic_init(u64 phys);

/**
 * lapic_setup_cpu - enable this CPU's local APIC: spurious vector, LVTs
 *
 * Context: each CPU once, interrupts off.
 */
void lapic_setup_cpu(void);

/**
 * lapic_close_lint0 - stop taking the 8259s' interrupts (LINT0)
 *
 * Context: boot, when the I/O APIC takes over, interrupts off.
 */
void lapic_close_lint0(void);

/**
 * lapic_id - this CPU's local APIC id
 *
 * Context: any, with lapic_enabled. Return: the id.
 */
unsigned int lapic_id(void);

/**
 * lapic_eoi - end of interrupt for the vector being handled
 *
 * Context: interrupt handlers of APIC-delivered vectors.
 */
void lapic_eoi(void);

/**
 * lapic_send_ipi - send an interrupt to the CPU with APIC id @apic_id
 * @apic_id: the destination (physical mode)
 * @icr_low: the vector and delivery mode (APIC_DM_*)
 *
 * Waits until the local APIC has sent it; interrupts are off meanwhile,
 * so that no handler's IPI comes between the two ICR writes.
 * Context: any, with lapic_enabled.
 */
void lapic_send_ipi(unsigned int apic_id, u32 icr_low);

/**
 * lapic_timer_calibrate - measure the local APIC timer against the tick
 *
 * Counts how far it runs in a few ticks of the PIT (which must be
 * ticking). Context: boot, the boot CPU, interrupts on.
 */
void lapic_timer_calibrate(void);

/**
 * lapic_timer_start - this CPU's timer: LOCAL_TIMER_VECTOR, HZ a second
 *
 * Context: each CPU once, after lapic_timer_calibrate.
 */
void lapic_timer_start(void);

/**
 * apic_interrupt - the local APIC's own vectors: timer, IPIs, error
 * @regs: the interrupted context
 *
 * Context: interrupt entry (interrupt_dispatch), interrupts off.
 */
void apic_interrupt(struct pt_regs *regs);


/**
 * io_apic_init - route the ISA interrupts through the I/O APIC of @cfg
 * @cfg: the firmware's description (cfg->has_ioapic must be set)
 *
 * Every input starts masked and is sent to the boot CPU; the 8259s are
 * masked for good. Becomes the irq_chip of kernel/irq.c.
 * Context: boot, thread context (maps the I/O APIC), after lapic_init.
 */
void io_apic_init(const struct smp_config *cfg);

/**
 * io_apic_route_show - one line per ISA interrupt: its input and wiring
 *
 * Context: any.
 */
void io_apic_route_show(void);

#endif /* ASM_APIC_H */
