// SPDX-License-Identifier: MIT
/*
 * Parsing the firmware's descriptions of the processors and interrupt
 * controllers: the ACPI MADT and the Intel MP configuration table. Pure
 * functions over a buffer, so that the host tests and a fuzzer can feed
 * them anything; every read is checked against the buffer's length.
 *
 *   MADT: | SDT header (36) | LAPIC address (4) | flags (4) | entries... |
 *         entry: | type (1) | length (1) | type-specific ... |
 *   MP:   | "PCMP" header (44) | entries: processor 20 bytes, others 8 |
 */
#include <asm/smp_config.h>
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"

#define SDT_HEADER_LEN 36
#define MADT_FIXED_LEN (SDT_HEADER_LEN + 8)
#define MADT_PCAT_COMPAT 0x1u /* flags: the 8259s are there too */

enum madt_type {
	MADT_LAPIC = 0,
	MADT_IOAPIC = 1,
	MADT_INT_OVERRIDE = 2,
	MADT_LAPIC_OVERRIDE = 5,
};

#define MADT_LAPIC_ENABLED 0x1u
#define MPS_POLARITY_MASK 0x3u /* MADT and MP interrupt flags, bits 0-1 */
#define MPS_POLARITY_LOW 0x3u
#define MPS_TRIGGER_MASK 0xCu  /* bits 2-3 */
#define MPS_TRIGGER_LEVEL 0xCu

#define MP_HEADER_LEN 44
#define MP_PROCESSOR_LEN 20
#define MP_OTHER_LEN 8
#define MP_CPU_ENABLED 0x1u
#define MP_IOAPIC_ENABLED 0x1u

enum mp_type {
	MP_PROCESSOR = 0,
	MP_BUS = 1,
	MP_IOAPIC = 2,
	MP_IO_INTERRUPT = 3,
	MP_LOCAL_INTERRUPT = 4,
};

static u16 get16(const u8 *p)
{
	return (u16)(p[0] | p[1] << 8);
}

static u32 get32(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static u64 get64(const u8 *p)
{
	return (u64)get32(p) | (u64)get32(p + 4) << 32;
}

bool acpi_checksum_ok(const u8 *p, size_t len)
{
	u8 sum = 0;

	while (len--)
		sum = (u8)(sum + *p++);
	return sum == 0;
}

void smp_config_reset(struct smp_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->source = "none";
	cfg->has_8259 = true;
	for (unsigned int irq = 0; irq < ISA_IRQS; irq++)
		cfg->isa_irq[irq].gsi = irq;
}

static int fail(char *err, size_t size, const char *why)
{
	strlcpy(err, why, size);
	return -EINVAL;
}

static void add_cpu(struct smp_config *cfg, u8 apic_id, bool enabled)
{
	if (!enabled) {
		cfg->nr_disabled++;
		return;
	}
	if (cfg->nr_cpus < SMP_CONFIG_MAX_CPUS)
		cfg->apic_id[cfg->nr_cpus] = apic_id;
	cfg->nr_cpus++;
}

/* The interrupt flags of MADT overrides and MP entries: polarity, trigger. */
static void set_route(struct irq_route *r, u32 gsi, u16 flags)
{
	r->gsi = gsi;
	r->active_low = (flags & MPS_POLARITY_MASK) == MPS_POLARITY_LOW;
	r->level = (flags & MPS_TRIGGER_MASK) == MPS_TRIGGER_LEVEL;
}

static void add_ioapic(struct smp_config *cfg, u8 id, u64 phys, u32 gsi_base)
{
	/* One I/O APIC serves the ISA interrupts: keep the one at GSI 0. */
	if (cfg->has_ioapic && gsi_base != 0)
		return;
	cfg->has_ioapic = true;
	cfg->ioapic_id = id;
	cfg->ioapic_phys = phys;
	cfg->ioapic_gsi_base = gsi_base;
}

/* One MADT entry of @len bytes (already checked to fit). */
static int madt_entry(struct smp_config *cfg, const u8 *e, u8 len, char *err,
		      size_t err_size)
{
	switch (e[0]) {
	case MADT_LAPIC:
		if (len < 8)
			return fail(err, err_size, "short local APIC entry");
		add_cpu(cfg, e[3], get32(e + 4) & MADT_LAPIC_ENABLED);
		break;
	case MADT_IOAPIC:
		if (len < 12)
			return fail(err, err_size, "short I/O APIC entry");
		add_ioapic(cfg, e[2], get32(e + 4), get32(e + 8));
		break;
	case MADT_INT_OVERRIDE:
		if (len < 10)
			return fail(err, err_size,
				    "short interrupt source override");
		/* Bus 0 is ISA; only ISA interrupts are overridden. */
		if (e[2] == 0 && e[3] < ISA_IRQS)
			set_route(&cfg->isa_irq[e[3]], get32(e + 4),
				  get16(e + 8));
		break;
	case MADT_LAPIC_OVERRIDE:
		if (len < 12)
			return fail(err, err_size,
				    "short local APIC address override");
		cfg->lapic_phys = get64(e + 4);
		break;
	default:
		break; /* NMI wiring, x2APIC entries: not used here */
	}
	return 0;
}

int madt_parse(const u8 *table, size_t len, struct smp_config *cfg,
	       char *err, size_t err_size)
{
	u32 table_len;
	size_t off;

	smp_config_reset(cfg);
	if (len < MADT_FIXED_LEN || memcmp(table, "APIC", 4) != 0)
		return fail(err, err_size, "not a MADT (no APIC signature)");
	table_len = get32(table + 4);
	if (table_len < MADT_FIXED_LEN || table_len > len)
		return fail(err, err_size, "MADT length out of range");
	if (!acpi_checksum_ok(table, table_len))
		return fail(err, err_size, "MADT checksum wrong");
	cfg->lapic_phys = get32(table + SDT_HEADER_LEN);
	cfg->has_8259 = get32(table + SDT_HEADER_LEN + 4) & MADT_PCAT_COMPAT;
	for (off = MADT_FIXED_LEN; off + 2 <= table_len;) {
		u8 elen = table[off + 1];
		int r;

		if (elen < 2 || off + elen > table_len) {
			snprintf(err, err_size, "MADT entry at offset %zu has "
				 "length %u", off, elen);
			return -EINVAL;
		}
		r = madt_entry(cfg, table + off, elen, err, err_size);
		if (r)
			return r;
		off += elen;
	}
	cfg->source = "ACPI MADT";
	return 0;
}

/* The MP table names I/O APICs by id; the ISA interrupts go to one. */
static void mp_io_interrupt(struct smp_config *cfg, const u8 *e)
{
	u8 int_type = e[1], src_irq = e[5], dst_pin = e[7];
	u16 flags = get16(e + 2);

	/* Type 0 is a vectored interrupt (INT); ExtINT and NMI are not routed. */
	if (int_type != 0 || src_irq >= ISA_IRQS)
		return;
	set_route(&cfg->isa_irq[src_irq], dst_pin, flags);
}

int mp_config_parse(const u8 *table, size_t len, struct smp_config *cfg,
		    char *err, size_t err_size)
{
	u16 base_len, count;
	size_t off;

	smp_config_reset(cfg);
	if (len < MP_HEADER_LEN || memcmp(table, "PCMP", 4) != 0)
		return fail(err, err_size, "not an MP table (no PCMP signature)");
	base_len = get16(table + 4);
	if (base_len < MP_HEADER_LEN || base_len > len)
		return fail(err, err_size, "MP table length out of range");
	if (!acpi_checksum_ok(table, base_len))
		return fail(err, err_size, "MP table checksum wrong");
	count = get16(table + 34);
	cfg->lapic_phys = get32(table + 36);
	off = MP_HEADER_LEN;
	for (unsigned int i = 0; i < count; i++) {
		size_t elen;

		if (off >= base_len)
			return fail(err, err_size, "MP table entries run past "
				    "its length");
		elen = table[off] == MP_PROCESSOR ? MP_PROCESSOR_LEN :
						   MP_OTHER_LEN;
		if (off + elen > base_len)
			return fail(err, err_size, "MP table entries run past "
				    "its length");
		switch (table[off]) {
		case MP_PROCESSOR:
			add_cpu(cfg, table[off + 1],
				table[off + 3] & MP_CPU_ENABLED);
			break;
		case MP_IOAPIC:
			if (table[off + 3] & MP_IOAPIC_ENABLED)
				add_ioapic(cfg, table[off + 1],
					   get32(table + off + 4), 0);
			break;
		case MP_IO_INTERRUPT:
			mp_io_interrupt(cfg, table + off);
			break;
		case MP_BUS:
		case MP_LOCAL_INTERRUPT:
			break;
		default:
			snprintf(err, err_size, "MP entry %u has unknown type %u",
				 i, table[off]);
			return -EINVAL;
		}
		off += elen;
	}
	cfg->source = "MP table";
	return 0;
}
