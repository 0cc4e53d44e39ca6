/* SPDX-License-Identifier: MIT */
/*
 * What the firmware says about the machine's processors and interrupt
 * controllers, from the ACPI MADT or, failing that, the MP table
 * (kernel/arch/x86/smp_config.c parses both; kernel/arch/x86/acpi.c and
 * mptable.c find them in memory).
 */
#ifndef ASM_SMP_CONFIG_H
#define ASM_SMP_CONFIG_H

#include "kernel/config.h"
#include "kernel/lib/types.h"

/* CPUs the firmware may list: more than NR_CPUS are reported, not run. */
#define SMP_CONFIG_MAX_CPUS 64
#define ISA_IRQS 16

/* How an ISA interrupt reaches the I/O APIC (MADT overrides, MP entries). */
struct irq_route {
	u32 gsi;	  /* the I/O APIC input (global system interrupt) */
	bool active_low;  /* polarity */
	bool level;	  /* trigger mode */
};

struct smp_config {
	const char *source;	  /* "ACPI MADT", "MP table" or "none" */
	u64 lapic_phys;		  /* the local APICs' registers */
	unsigned int nr_cpus;	  /* enabled processors listed */
	unsigned int nr_disabled; /* listed but marked disabled */
	u8 apic_id[SMP_CONFIG_MAX_CPUS];
	bool has_ioapic;
	u8 ioapic_id;
	u64 ioapic_phys;
	u32 ioapic_gsi_base;
	bool has_8259;		  /* the PC's 8259s are there too */
	struct irq_route isa_irq[ISA_IRQS]; /* how IRQ n is wired */
};

/**
 * smp_config_reset - a configuration with no CPU, no I/O APIC and the
 * ISA interrupts identity-wired (IRQ n on input n, edge, active high)
 * @cfg: filled in
 *
 * Context: any.
 */
void smp_config_reset(struct smp_config *cfg);

/**
 * madt_parse - read the ACPI MADT ("APIC" table) at @table
 * @table: the whole table, header included
 * @len: the bytes at @table that may be read
 * @cfg: filled in (reset first)
 * @err: a description of what is wrong, on failure
 * @err_size: the size of @err
 *
 * Checks the signature, the length and the checksum, and every entry's
 * length; entries of unknown types are skipped.
 * Context: any; reads only [@table, @table + @len).
 * Return: 0, or -EINVAL with @err saying why.
 */
int madt_parse(const u8 *table, size_t len, struct smp_config *cfg,
	       char *err, size_t err_size);

/**
 * mp_config_parse - read an Intel MP configuration table ("PCMP")
 * @table: the base table
 * @len: the bytes at @table that may be read
 * @cfg: filled in (reset first)
 * @err: a description of what is wrong, on failure
 * @err_size: the size of @err
 *
 * Context: any; reads only [@table, @table + @len).
 * Return: 0, or -EINVAL with @err saying why.
 */
int mp_config_parse(const u8 *table, size_t len, struct smp_config *cfg,
		    char *err, size_t err_size);

/**
 * smp_read_config - find the machine's description: ACPI, MP table, none
 * @cfg: filled in; cfg->source says where from
 *
 * acpi=off skips ACPI. Context: boot, after mem_init (tables above
 * lowmem are read through ioremap).
 */
void smp_read_config(struct smp_config *cfg);

/**
 * acpi_checksum_ok - do the @len bytes at @p add up to 0 (mod 256)?
 * @p: the bytes
 * @len: how many
 *
 * ACPI tables, the RSDP and the MP structures all use this checksum.
 * Context: any. Return: true if they do.
 */
bool acpi_checksum_ok(const u8 *p, size_t len);

#endif /* ASM_SMP_CONFIG_H */
