// SPDX-License-Identifier: MIT
/*
 * Host tests of the MADT and MP table parsers (kernel/arch/x86/
 * smp_config.c), on tables built here: what QEMU and Bochs give, and
 * broken ones, which must be refused with a reason, never read past.
 */
#include "host.h"
#include <asm/smp_config.h>

#include <string.h>

static u8 buf[1024];
static size_t len;
static char err[96];

static void put8(u8 v)
{
	buf[len++] = v;
}

static void put16(u16 v)
{
	put8((u8)v);
	put8((u8)(v >> 8));
}

static void put32(u32 v)
{
	put16((u16)v);
	put16((u16)(v >> 16));
}

/* Make the bytes [0, len) sum to 0 with the byte at @at. */
static void fix_checksum(size_t at, size_t n)
{
	u8 sum = 0;

	buf[at] = 0;
	for (size_t i = 0; i < n; i++)
		sum = (u8)(sum + buf[i]);
	buf[at] = (u8)-sum;
}

/* A MADT header: signature, length (set by madt_end), LAPIC, flags. */
static void madt_begin(u32 lapic, u32 flags)
{
	len = 0;
	memcpy(buf, "APIC", 4);
	len = 36;
	memset(buf + 4, 0, 32);
	put32(lapic);
	put32(flags);
}

static void madt_end(void)
{
	memcpy(buf + 4, &(u32){ (u32)len }, 4);
	fix_checksum(9, len);
}

static void madt_cpu(u8 uid, u8 apic_id, u32 flags)
{
	put8(0);
	put8(8);
	put8(uid);
	put8(apic_id);
	put32(flags);
}

static void madt_ioapic(u8 id, u32 addr, u32 gsi_base)
{
	put8(1);
	put8(12);
	put8(id);
	put8(0);
	put32(addr);
	put32(gsi_base);
}

static void madt_override(u8 irq, u32 gsi, u16 flags)
{
	put8(2);
	put8(10);
	put8(0); /* ISA */
	put8(irq);
	put32(gsi);
	put16(flags);
}

/* QEMU's: 4 CPUs, one I/O APIC, IRQ 0 on input 2, PCI lines level. */
static void test_madt_as_qemu_gives_it(void **state)
{
	struct smp_config cfg;

	(void)state;
	madt_begin(0xFEE00000, 1);
	for (u8 i = 0; i < 4; i++)
		madt_cpu(i, i, 1);
	madt_ioapic(0, 0xFEC00000, 0);
	madt_override(0, 2, 0);
	madt_override(9, 9, 0xD); /* active high, level */
	madt_override(11, 11, 0xF); /* active low, level */
	put8(4); /* an NMI entry: skipped */
	put8(6);
	put32(0);
	madt_end();
	assert_int_equal(madt_parse(buf, len, &cfg, err, sizeof(err)), 0);
	assert_string_equal(cfg.source, "ACPI MADT");
	assert_int_equal(cfg.nr_cpus, 4);
	assert_int_equal(cfg.apic_id[3], 3);
	assert_true(cfg.lapic_phys == 0xFEE00000);
	assert_true(cfg.has_ioapic);
	assert_true(cfg.ioapic_phys == 0xFEC00000);
	assert_true(cfg.has_8259);
	assert_int_equal(cfg.isa_irq[0].gsi, 2);
	assert_int_equal(cfg.isa_irq[4].gsi, 4);
	assert_false(cfg.isa_irq[0].level);
	assert_true(cfg.isa_irq[9].level);
	assert_false(cfg.isa_irq[9].active_low);
	assert_true(cfg.isa_irq[11].active_low);
}

static void test_madt_disabled_cpus_and_overrides(void **state)
{
	struct smp_config cfg;

	(void)state;
	madt_begin(0xFEE00000, 0);
	madt_cpu(0, 0, 1);
	madt_cpu(1, 7, 0); /* present but disabled */
	madt_cpu(2, 9, 1);
	put8(5); /* the LAPIC address moved */
	put8(12);
	put16(0);
	put32(0xFED00000);
	put32(0);
	madt_end();
	assert_int_equal(madt_parse(buf, len, &cfg, err, sizeof(err)), 0);
	assert_int_equal(cfg.nr_cpus, 2);
	assert_int_equal(cfg.nr_disabled, 1);
	assert_int_equal(cfg.apic_id[1], 9);
	assert_true(cfg.lapic_phys == 0xFED00000);
	assert_false(cfg.has_ioapic);
	assert_false(cfg.has_8259);
}

static void test_madt_refusals(void **state)
{
	struct smp_config cfg;

	(void)state;
	madt_begin(0xFEE00000, 1);
	madt_cpu(0, 0, 1);
	madt_end();
	/* A wrong checksum. */
	buf[40] ^= 1;
	assert_int_equal(madt_parse(buf, len, &cfg, err, sizeof(err)), -22);
	assert_string_equal(err, "MADT checksum wrong");
	buf[40] ^= 1;
	/* A length past the buffer. */
	assert_int_equal(madt_parse(buf, len - 1, &cfg, err, sizeof(err)), -22);
	assert_string_equal(err, "MADT length out of range");
	/* An entry that runs past the table. */
	madt_begin(0xFEE00000, 1);
	put8(0);
	put8(40);
	put8(0);
	put8(0);
	put32(1);
	madt_end();
	assert_int_equal(madt_parse(buf, len, &cfg, err, sizeof(err)), -22);
	assert_non_null(strstr(err, "has length 40"));
	/* A zero-length entry would loop forever. */
	madt_begin(0xFEE00000, 1);
	put8(7);
	put8(0);
	madt_end();
	assert_int_equal(madt_parse(buf, len, &cfg, err, sizeof(err)), -22);
	/* Not a MADT. */
	memcpy(buf, "FACP", 4);
	assert_int_equal(madt_parse(buf, len, &cfg, err, sizeof(err)), -22);
	assert_string_equal(cfg.source, "none");
}

/* An MP table as Bochs' BIOS builds it: 2 CPUs, ISA bus, one I/O APIC. */
static void mp_table(u16 count_extra, int cpus)
{
	len = 0;
	memcpy(buf, "PCMP", 4);
	memset(buf + 4, 0, 40);
	memcpy(buf + 36, &(u32){ 0xFEE00000 }, 4);
	len = 44;
	for (int i = 0; i < cpus; i++) {
		put8(0);
		put8((u8)i);
		put8(0x14);
		put8(i ? 1 : 3);
		put32(0x600);
		put32(0);
		put32(0);
		put32(0);
	}
	put8(1);
	put8(0);
	memcpy(buf + len, "ISA   ", 6);
	len += 6;
	put8(2);
	put8((u8)cpus);
	put8(0x11);
	put8(1);
	put32(0xFEC00000);
	for (u8 irq = 0; irq < 16; irq++) {
		put8(3);
		put8(0);
		put16(0);
		put8(0);
		put8(irq);
		put8((u8)cpus);
		put8(irq == 0 ? 2 : irq);
	}
	memcpy(buf + 4, &(u16){ (u16)len }, 2);
	memcpy(buf + 34, &(u16){ (u16)(cpus + 2 + 16 + count_extra) }, 2);
	fix_checksum(7, len);
}

static void test_mp_table_as_bochs_gives_it(void **state)
{
	struct smp_config cfg;

	(void)state;
	mp_table(0, 2);
	assert_int_equal(mp_config_parse(buf, len, &cfg, err, sizeof(err)), 0);
	assert_string_equal(cfg.source, "MP table");
	assert_int_equal(cfg.nr_cpus, 2);
	assert_true(cfg.has_ioapic);
	assert_int_equal(cfg.ioapic_id, 2);
	assert_int_equal(cfg.isa_irq[0].gsi, 2);
	assert_int_equal(cfg.isa_irq[1].gsi, 1);
}

static void test_mp_table_refusals(void **state)
{
	struct smp_config cfg;

	(void)state;
	/* More entries counted than the table holds. */
	mp_table(5, 1);
	assert_int_equal(mp_config_parse(buf, len, &cfg, err, sizeof(err)), -22);
	assert_non_null(strstr(err, "run past"));
	mp_table(0, 1);
	buf[50] ^= 0x40;
	assert_int_equal(mp_config_parse(buf, len, &cfg, err, sizeof(err)), -22);
	assert_string_equal(err, "MP table checksum wrong");
	assert_int_equal(mp_config_parse(buf, 10, &cfg, err, sizeof(err)), -22);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_madt_as_qemu_gives_it),
		cmocka_unit_test(test_madt_disabled_cpus_and_overrides),
		cmocka_unit_test(test_madt_refusals),
		cmocka_unit_test(test_mp_table_as_bochs_gives_it),
		cmocka_unit_test(test_mp_table_refusals),
	};

	return cmocka_run_group_tests_name("smp_config", tests, NULL, NULL);
}
