// SPDX-License-Identifier: MIT
/*
 * Finding the firmware's description of the CPUs: the ACPI MADT (through
 * the RSDP, then the RSDT or XSDT), else the Intel MP table, else one
 * CPU and no I/O APIC.
 *
 * The RSDP and the MP floating pointer lie in the first MiB (the EBDA,
 * the BIOS ROM area), which the direct map covers; the tables they point
 * to may lie anywhere below 4 GiB, often at the top of RAM below the
 * PCI hole, above lowmem on a large machine: those are read through a
 * temporary uncached mapping (ioremap) unless the direct map has them.
 */
#define pr_fmt(fmt) "smp: " fmt

#include <asm/smp_config.h>
#include "kernel/cmdline.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "mm/vmalloc.h"
#include <asm/layout.h>

#define EBDA_SEGMENT_PTR 0x40E	  /* the BIOS data area keeps it here */
#define BIOS_ROM_START 0xE0000
#define BIOS_ROM_END 0x100000
#define BASE_MEMORY_END 0xA0000
#define RSDP_V1_LEN 20
#define RSDP_V2_LEN 36
#define SDT_HEADER_LEN 36
#define MP_FLOAT_LEN 16
#define MP_HEADER_LEN 44
#define TABLE_MAX (64u << 10) /* a sane MADT or MP table is far smaller */

/* acpi=off: do not look at ACPI (the MP table is used instead). */
static bool acpi_off;

static int parse_acpi(const char *value)
{
	if (value && strcmp(value, "off") == 0)
		acpi_off = true;
	else
		return cmdline_bad_value("acpi", value, "only acpi=off is known");
	return 0;
}

static void show_acpi(char *buf, size_t size)
{
	strlcpy(buf, acpi_off ? "off" : "on", size);
}
BOOT_PARAM("acpi", "acpi=off         find the CPUs in the MP table instead",
	   parse_acpi, show_acpi);

/* ---- physical memory below 4 GiB, read for a moment ---- */

static const u8 *map_phys(u64 phys, size_t len)
{
	if (phys + len <= PFN_PHYS(max_low_pfn))
		return __va((unsigned long)phys);
	if (phys + len > (1ull << 32))
		return NULL;
	return ioremap(phys, len);
}

static void unmap_phys(const u8 *p, u64 phys)
{
	if (p && phys >= PFN_PHYS(max_low_pfn))
		iounmap((void *)p);
}

/* The @signature structure in [start, end), on 16-byte boundaries. */
static u64 scan(u64 start, u64 end, const char *signature, size_t len)
{
	for (u64 p = start; p + len <= end; p += 16) {
		const u8 *v = __va((unsigned long)p);

		if (memcmp(v, signature, strlen(signature)) == 0 &&
		    acpi_checksum_ok(v, len))
			return p;
	}
	return 0;
}

static u64 ebda_base(void)
{
	u16 segment = *(const u16 *)__va(EBDA_SEGMENT_PTR);
	u64 base = (u64)segment << 4;

	return base >= 0x80000 && base < BASE_MEMORY_END ? base : 0;
}

/* Look in the EBDA's first KiB, then in the BIOS area. */
static u64 find_in_bios_areas(const char *signature, size_t len)
{
	u64 ebda = ebda_base(), p = 0;

	if (ebda)
		p = scan(ebda, ebda + 1024, signature, len);
	if (!p)
		p = scan(BASE_MEMORY_END - 1024, BASE_MEMORY_END, signature, len);
	if (!p)
		p = scan(BIOS_ROM_START, BIOS_ROM_END, signature, len);
	return p;
}

/* ---- ACPI ---- */

/* Map the table at @phys, whole (its length is in its header). */
static const u8 *map_table(u64 phys, u32 *len)
{
	const u8 *head = map_phys(phys, SDT_HEADER_LEN);
	u32 n;

	if (!head)
		return NULL;
	n = *(const u32 *)(head + 4);
	unmap_phys(head, phys);
	if (n < SDT_HEADER_LEN || n > TABLE_MAX)
		return NULL;
	*len = n;
	return map_phys(phys, n);
}

/* The physical address of the table called @sig, from the RSDT/XSDT. */
static u64 find_acpi_table(const char *sig)
{
	u64 rsdp_phys = find_in_bios_areas("RSD PTR ", RSDP_V1_LEN);
	const u8 *rsdp, *sdt;
	u64 sdt_phys, found = 0;
	unsigned int entry_size;
	u32 len;

	if (!rsdp_phys)
		return 0;
	rsdp = __va((unsigned long)rsdp_phys);
	/* ACPI 2.0 and later: the XSDT, with 64-bit entries. */
	if (rsdp[15] >= 2 && acpi_checksum_ok(rsdp, RSDP_V2_LEN) &&
	    *(const u64 *)(rsdp + 24)) {
		sdt_phys = *(const u64 *)(rsdp + 24);
		entry_size = 8;
	} else {
		sdt_phys = *(const u32 *)(rsdp + 16);
		entry_size = 4;
	}
	sdt = map_table(sdt_phys, &len);
	if (!sdt)
		return 0;
	if (acpi_checksum_ok(sdt, len)) {
		for (u32 off = SDT_HEADER_LEN; off + entry_size <= len;
		     off += entry_size) {
			u64 t = entry_size == 8 ? *(const u64 *)(sdt + off) :
						  *(const u32 *)(sdt + off);
			const u8 *head = map_phys(t, SDT_HEADER_LEN);

			if (head && memcmp(head, sig, 4) == 0)
				found = t;
			unmap_phys(head, t);
			if (found)
				break;
		}
	}
	unmap_phys(sdt, sdt_phys);
	return found;
}

static bool read_madt(struct smp_config *cfg)
{
	u64 phys = find_acpi_table("APIC");
	const u8 *madt;
	char err[96];
	u32 len;
	int r;

	if (!phys)
		return false;
	madt = map_table(phys, &len);
	if (!madt)
		return false;
	r = madt_parse(madt, len, cfg, err, sizeof(err));
	unmap_phys(madt, phys);
	if (r)
		pr_warn("ACPI MADT at 0x%llx ignored: %s\n",
			(unsigned long long)phys, err);
	return r == 0;
}

/* ---- the MP table ---- */

static bool read_mp_table(struct smp_config *cfg)
{
	u64 fp = find_in_bios_areas("_MP_", MP_FLOAT_LEN);
	const u8 *table;
	u64 phys;
	char err[96];
	u16 len;
	int r;

	if (!fp)
		return false;
	phys = *(const u32 *)__va((unsigned long)fp + 4);
	if (!phys) {
		pr_warn("MP table: a default configuration, not supported\n");
		return false;
	}
	table = map_phys(phys, MP_HEADER_LEN);
	if (!table)
		return false;
	len = *(const u16 *)(table + 4); /* the base table's length */
	unmap_phys(table, phys);
	if (len < MP_HEADER_LEN) /* a u16: never past TABLE_MAX */
		return false;
	table = map_phys(phys, len);
	if (!table)
		return false;
	r = mp_config_parse(table, len, cfg, err, sizeof(err));
	unmap_phys(table, phys);
	if (r)
		pr_warn("MP table at 0x%llx ignored: %s\n",
			(unsigned long long)phys, err);
	return r == 0;
}

void smp_read_config(struct smp_config *cfg)
{
	if ((acpi_off || !read_madt(cfg)) && !read_mp_table(cfg))
		smp_config_reset(cfg);
}
