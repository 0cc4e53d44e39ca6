// SPDX-License-Identifier: MIT
/*
 * The I/O APIC: it turns device interrupt lines into messages to a local
 * APIC. Each input (a "global system interrupt") has a 64-bit
 * redirection entry: the vector, the trigger mode and polarity, masked
 * or not, and the destination CPU. The ISA interrupts arrive on the
 * inputs the firmware names (IRQ 0, the PIT, is usually input 2); they
 * keep the vectors the 8259s gave them (32 + IRQ), so that the rest of
 * the kernel does not see the difference.
 *
 * Registers are reached through an index (IOREGSEL) and a window
 * (IOWIN); io_apic_lock keeps the two writes of an access together.
 */
#define pr_fmt(fmt) "ioapic: " fmt

#include <asm/apic.h>
#include "kernel/debug/panic.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/spinlock.h"
#include "mm/vmalloc.h"
#include <asm/i8259.h>
#include <asm/irqflags.h>
#include <asm/traps.h>

#define IOAPIC_REGSEL 0x00
#define IOAPIC_WINDOW 0x10
#define IOAPIC_REG_VERSION 0x01
#define IOAPIC_REDTBL(n) (0x10 + 2 * (n))

#define IOAPIC_MASKED (1u << 16)
#define IOAPIC_LEVEL (1u << 15)
#define IOAPIC_ACTIVE_LOW (1u << 13)

static volatile u32 *ioapic_regs;
static unsigned int ioapic_inputs;
static u32 ioapic_gsi_base;
static u8 boot_apic_id;
static struct irq_route routes[ISA_IRQS];
static DEFINE_SPINLOCK(io_apic_lock);

static u32 io_apic_read(u32 reg)
{
	ioapic_regs[IOAPIC_REGSEL / 4] = reg;
	return ioapic_regs[IOAPIC_WINDOW / 4];
}

static void io_apic_write(u32 reg, u32 value)
{
	ioapic_regs[IOAPIC_REGSEL / 4] = reg;
	ioapic_regs[IOAPIC_WINDOW / 4] = value;
}

/* The input ISA interrupt @irq arrives on, or -1 if this I/O APIC has none. */
static int input_of(unsigned int irq)
{
	u32 gsi = routes[irq].gsi;

	if (gsi < ioapic_gsi_base || gsi - ioapic_gsi_base >= ioapic_inputs)
		return -1;
	return (int)(gsi - ioapic_gsi_base);
}

static void set_masked(unsigned int irq, bool masked)
{
	int input = irq < ISA_IRQS ? input_of(irq) : -1;
	unsigned long flags;
	u32 low;

	if (input < 0)
		panic("IRQ %u has no I/O APIC input", irq);
	spin_lock_irqsave(&io_apic_lock, flags);
	low = io_apic_read(IOAPIC_REDTBL(input));
	low = masked ? low | IOAPIC_MASKED : low & ~IOAPIC_MASKED;
	io_apic_write(IOAPIC_REDTBL(input), low);
	spin_unlock_irqrestore(&io_apic_lock, flags);
}

static void io_apic_unmask(unsigned int irq)
{
	set_masked(irq, false);
}

static void io_apic_mask(unsigned int irq)
{
	set_masked(irq, true);
}

/* A spurious interrupt comes on its own vector, never on an input's. */
static bool io_apic_spurious(unsigned int irq)
{
	(void)irq;
	return false;
}

static void io_apic_eoi(unsigned int irq)
{
	(void)irq;
	lapic_eoi();
}

static const struct irq_chip io_apic_chip = {
	.name = "IO-APIC",
	.unmask = io_apic_unmask,
	.mask = io_apic_mask,
	.spurious = io_apic_spurious,
	.eoi = io_apic_eoi,
};

/* Input @input: ISA interrupt @irq's vector and wiring, masked, to the BSP. */
static void route(unsigned int irq, int input)
{
	u32 low = (IRQ_BASE_VECTOR + irq) | IOAPIC_MASKED;

	if (routes[irq].level)
		low |= IOAPIC_LEVEL;
	if (routes[irq].active_low)
		low |= IOAPIC_ACTIVE_LOW;
	io_apic_write(IOAPIC_REDTBL(input) + 1, (u32)boot_apic_id << 24);
	io_apic_write(IOAPIC_REDTBL(input), low);
}

void io_apic_init(const struct smp_config *cfg)
{
	unsigned long flags;

	/* Mapping may sleep: before the switch, which runs with IRQs off. */
	ioapic_regs = ioremap(cfg->ioapic_phys, 4096);
	if (!ioapic_regs)
		panic("cannot map the I/O APIC at 0x%llx",
		      (unsigned long long)cfg->ioapic_phys);
	local_irq_save(flags);
	ioapic_inputs = ((io_apic_read(IOAPIC_REG_VERSION) >> 16) & 0xFF) + 1;
	ioapic_gsi_base = cfg->ioapic_gsi_base;
	boot_apic_id = (u8)lapic_id();
	for (unsigned int i = 0; i < ioapic_inputs; i++)
		io_apic_write(IOAPIC_REDTBL(i), IOAPIC_MASKED);
	for (unsigned int irq = 0; irq < ISA_IRQS; irq++) {
		int input;

		routes[irq] = cfg->isa_irq[irq];
		input = input_of(irq);
		if (input >= 0 && irq != PIC_CASCADE_IRQ)
			route(irq, input);
	}
	i8259_disable();
	lapic_close_lint0();
	pr_info("I/O APIC id %u at 0x%llx: %u inputs from GSI %u; ISA "
		"interrupts to CPU 0 (APIC id %u)\n", cfg->ioapic_id,
		(unsigned long long)cfg->ioapic_phys, ioapic_inputs,
		ioapic_gsi_base, boot_apic_id);
	irq_set_chip(&io_apic_chip);
	local_irq_restore(flags);
}

void io_apic_route_show(void)
{
	for (unsigned int irq = 0; irq < ISA_IRQS; irq++)
		if (input_of(irq) >= 0)
			printk("  IRQ %2u: input %2d, %s, active %s\n", irq,
			       input_of(irq), routes[irq].level ? "level" :
								  "edge",
			       routes[irq].active_low ? "low" : "high");
}
