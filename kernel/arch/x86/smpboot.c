// SPDX-License-Identifier: MIT
/*
 * Finding the CPUs and setting up the APICs. The firmware's description
 * (ACPI MADT, else the MP table) names every CPU's local APIC and the
 * I/O APIC; with both, the legacy interrupts move from the 8259s to the
 * I/O APIC and every CPU ticks with its local APIC timer. Without them
 * the kernel runs on the boot CPU with the 8259s and the PIT, as a PC
 * did before APICs.
 */
#define pr_fmt(fmt) "smp: " fmt

#include "kernel/cmdline.h"
#include "kernel/irq.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/smp.h"
#include <asm/apic.h>
#include <asm/irqflags.h>
#include <asm/smp_config.h>

#define PIT_IRQ 0

struct smp_config smp_config;

/* noapic: the 8259s and the PIT, one CPU, whatever the firmware says. */
static bool noapic;
BOOT_PARAM_FLAG("noapic", noapic,
		"noapic           no APIC: the 8259 PICs, one CPU");

static void print_config(const struct smp_config *cfg)
{
	pr_info("%u CPUs in the %s", cfg->nr_cpus, cfg->source);
	if (cfg->nr_cpus) {
		printk(" (local APIC ids");
		for (unsigned int i = 0;
		     i < cfg->nr_cpus && i < SMP_CONFIG_MAX_CPUS; i++)
			printk(" %u", cfg->apic_id[i]);
		printk(")");
	}
	if (cfg->nr_disabled)
		printk(", %u more disabled", cfg->nr_disabled);
	printk("\n");
}

/* Why the APICs are not used, or NULL if they are. */
static const char *no_apic_reason(const struct smp_config *cfg)
{
	if (noapic)
		return "noapic on the command line";
	if (!lapic_present())
		return "the CPU has no local APIC";
	if (!cfg->nr_cpus || !cfg->lapic_phys)
		return "the firmware describes no local APIC";
	if (!cfg->has_ioapic)
		return "the firmware describes no I/O APIC";
	return NULL;
}

/*
 * Move the tick and the device interrupts to the APICs: the local APIC
 * timer is measured against the PIT first, then the I/O APIC takes the
 * ISA lines and the PIT goes quiet.
 */
static void switch_to_apic(const struct smp_config *cfg)
{
	unsigned long flags;

	lapic_init(cfg->lapic_phys);
	lapic_timer_calibrate();
	io_apic_init(cfg);
	local_irq_save(flags);
	free_irq(PIT_IRQ);
	lapic_timer_start();
	local_irq_restore(flags);
}

void smp_init(void)
{
	const char *why;

	smp_read_config(&smp_config);
	print_config(&smp_config);
	why = no_apic_reason(&smp_config);
	if (why) {
		pr_info("APICs not used (%s): the 8259 PICs and the PIT on "
			"one CPU\n", why);
		return;
	}
	switch_to_apic(&smp_config);
}
