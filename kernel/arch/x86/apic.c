// SPDX-License-Identifier: MIT
/*
 * The local APIC: every CPU has one, at the same physical address (each
 * CPU sees its own there). It delivers the interrupts the I/O APIC and
 * the other CPUs send, ends them (EOI), sends this CPU's interrupts to
 * others (the ICR: INIT and SIPI to start a CPU, IPIs), and has a timer,
 * each CPU's tick.
 *
 * The registers are 32-bit words, 16 bytes apart, in one uncached page.
 */
#define pr_fmt(fmt) "apic: " fmt

#include <asm/apic.h>
#include "kernel/debug/panic.h"
#include "kernel/printk.h"
#include "kernel/timer.h"
#include "mm/vmalloc.h"
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include "kernel/preempt.h"
#include "kernel/smp.h"
#include <asm/hardirq.h>

#define APIC_ID 0x20
#define APIC_VERSION 0x30
#define APIC_TPR 0x80
#define APIC_EOI 0xB0
#define APIC_SVR 0xF0
#define APIC_ESR 0x280
#define APIC_ICR_LOW 0x300
#define APIC_ICR_HIGH 0x310
#define APIC_LVT_TIMER 0x320
#define APIC_LVT_LINT0 0x350
#define APIC_LVT_LINT1 0x360
#define APIC_LVT_ERROR 0x370
#define APIC_TIMER_INITIAL 0x380
#define APIC_TIMER_CURRENT 0x390
#define APIC_TIMER_DIVIDE 0x3E0

#define APIC_SVR_ENABLE 0x100u
#define APIC_LVT_MASKED 0x10000u
#define APIC_LVT_NMI 0x400u
#define APIC_LVT_EXTINT 0x700u
#define APIC_TIMER_PERIODIC 0x20000u
#define APIC_TIMER_DIVIDE_16 0x3u
#define APIC_ICR_BUSY 0x1000u
#define CPUID_1_EDX_APIC (1u << 9)
#define CALIBRATE_TICKS 10

bool lapic_enabled;
static volatile u32 *lapic_regs;
static u32 lapic_timer_per_tick;

static u32 lapic_read(u32 reg)
{
	return lapic_regs[reg / 4];
}

static void lapic_write(u32 reg, u32 value)
{
	lapic_regs[reg / 4] = value;
}

bool lapic_present(void)
{
	return cpuid(1).edx & CPUID_1_EDX_APIC;
}

unsigned int lapic_id(void)
{
	return lapic_read(APIC_ID) >> 24;
}

void lapic_eoi(void)
{
	lapic_write(APIC_EOI, 0);
}

void lapic_setup_cpu(void)
{
	/* Accept every priority; spurious interrupts to their own vector. */
	lapic_write(APIC_TPR, 0);
	lapic_write(APIC_SVR, APIC_SVR_ENABLE | SPURIOUS_APIC_VECTOR);
	/*
	 * The 8259s reach the boot CPU through LINT0 ("virtual wire"): it
	 * stays open until the I/O APIC takes over (lapic_close_lint0).
	 */
	lapic_write(APIC_LVT_LINT0, lapic_enabled ? APIC_LVT_MASKED :
						    APIC_LVT_EXTINT);
	lapic_write(APIC_LVT_LINT1, APIC_LVT_NMI);
	lapic_write(APIC_LVT_ERROR, APIC_ERROR_VECTOR);
	lapic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
	/* The error status register is cleared by writing it. */
	lapic_write(APIC_ESR, 0);
	lapic_write(APIC_ESR, 0);
	lapic_eoi();
}

void lapic_init(u64 phys)
{
	lapic_regs = ioremap(phys, 4096);
	if (!lapic_regs)
		panic("cannot map the local APIC at 0x%llx",
		      (unsigned long long)phys);
	lapic_setup_cpu();
	lapic_enabled = true;
	pr_info("local APIC at 0x%llx, id %u, version 0x%x\n",
		(unsigned long long)phys, lapic_id(),
		lapic_read(APIC_VERSION) & 0xFF);
}

void lapic_close_lint0(void)
{
	lapic_write(APIC_LVT_LINT0, APIC_LVT_MASKED);
}

void lapic_send_ipi(unsigned int apic_id, u32 icr_low)
{
	unsigned long flags;

	/* An interrupt handler's IPI must not come between the halves. */
	local_irq_save(flags);
	lapic_write(APIC_ICR_HIGH, apic_id << 24);
	lapic_write(APIC_ICR_LOW, icr_low);
	while (lapic_read(APIC_ICR_LOW) & APIC_ICR_BUSY)
		cpu_relax();
	local_irq_restore(flags);
}

void lapic_timer_calibrate(void)
{
	u64 start;

	lapic_write(APIC_TIMER_DIVIDE, APIC_TIMER_DIVIDE_16);
	lapic_write(APIC_LVT_TIMER, APIC_LVT_MASKED); /* count, no interrupt */
	/* Start on a tick's edge, count for CALIBRATE_TICKS of them. */
	start = get_jiffies_64();
	while (get_jiffies_64() == start)
		cpu_relax();
	lapic_write(APIC_TIMER_INITIAL, ~0u);
	start = get_jiffies_64();
	while (get_jiffies_64() < start + CALIBRATE_TICKS)
		cpu_relax();
	lapic_timer_per_tick = (~0u - lapic_read(APIC_TIMER_CURRENT)) /
			       CALIBRATE_TICKS;
	lapic_write(APIC_TIMER_INITIAL, 0);
	pr_info("local APIC timer: %u counts (bus clock / 16) per %d ms tick\n",
		lapic_timer_per_tick, 1000 / HZ);
}

void lapic_timer_start(void)
{
	lapic_write(APIC_TIMER_DIVIDE, APIC_TIMER_DIVIDE_16);
	lapic_write(APIC_LVT_TIMER, APIC_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	lapic_write(APIC_TIMER_INITIAL, lapic_timer_per_tick);
}

void apic_interrupt(struct pt_regs *regs)
{
	unsigned int vector = regs->vector;

	/* A spurious interrupt is not in service: it gets no EOI. */
	if (vector == SPURIOUS_APIC_VECTOR) {
		this_cpu(irq_stat).spurious++;
		return;
	}
	this_cpu(hardirq_count)++;
	switch (vector) {
	case LOCAL_TIMER_VECTOR:
		this_cpu(irq_stat).local_timer++;
		timer_tick(user_mode(regs));
		break;
	case CALL_FUNCTION_VECTOR:
		smp_call_function_interrupt();
		break;
	case RESCHEDULE_VECTOR:
		/* Nothing to do here: the return from here reschedules. */
		this_cpu(irq_stat).resched++;
		break;
	case APIC_ERROR_VECTOR:
		lapic_write(APIC_ESR, 0);
		if (!this_cpu(irq_stat).error++)
			printk("warning: apic: error interrupt on CPU %u, ESR "
			       "0x%x\n", smp_processor_id(),
			       lapic_read(APIC_ESR));
		break;
	default:
		break;
	}
	this_cpu(hardirq_count)--;
	lapic_eoi();
}
