// SPDX-License-Identifier: MIT
/* Host tests of kernel/multiboot2.c with crafted information blocks. */
#include "host.h"
#include "kernel/multiboot2.h"
#include "tests/common/mb2_builder.h"

#include <string.h>

static u8 buf[4096] __attribute__((aligned(8)));
static struct boot_info info;
static struct memory_map map;
static char err[128];

static const struct mb2_test_entry qemu_512m[] = {
	{ 0x0, 0x9fc00, 1, 0 },
	{ 0x9fc00, 0x400, 2, 0 },
	{ 0xf0000, 0x10000, 2, 0 },
	{ 0x100000, 0x1fee0000, 1, 0 },
	{ 0x1ffe0000, 0x20000, 2, 0 },
	{ 0xfffc0000, 0x40000, 2, 0 },
};

static int parse(u32 len)
{
	return mb2_parse(buf, len, &info, &map, err, sizeof(err));
}

static void test_good_info(void **state)
{
	struct mb2_builder b;
	u32 total;

	(void)state;
	mb2b_begin(&b, buf, sizeof(buf));
	mb2b_string(&b, MB2_TAG_CMDLINE, "ktest=all poweroff");
	mb2b_string(&b, MB2_TAG_BOOTLOADER, "GRUB 2.06");
	mb2b_tag(&b, 99, 13, "unknown", 5); /* skipped, odd size */
	mb2b_mmap(&b, qemu_512m, 6, 24);
	total = mb2b_finish(&b);
	assert_int_equal(parse(sizeof(buf)), 0);
	assert_int_equal(info.total_size, total);
	assert_string_equal(info.cmdline, "ktest=all poweroff");
	assert_string_equal(info.bootloader, "GRUB 2.06");
	assert_int_equal(map.nr, 6);
	assert_true(map.region[3].addr == 0x100000);
	assert_true(map.region[3].size == 0x1fee0000);
	assert_int_equal(map.region[5].type, MEMORY_RESERVED);
}

static void test_larger_entry_size(void **state)
{
	struct mb2_builder b;

	(void)state;
	mb2b_begin(&b, buf, sizeof(buf));
	mb2b_mmap(&b, qemu_512m, 6, 32); /* newer loaders may grow entries */
	mb2b_finish(&b);
	assert_int_equal(parse(sizeof(buf)), 0);
	assert_int_equal(map.nr, 6);
	assert_true(map.region[5].addr == 0xfffc0000);
}

static void test_missing_tags_give_empty_strings(void **state)
{
	struct mb2_builder b;

	(void)state;
	mb2b_begin(&b, buf, sizeof(buf));
	mb2b_finish(&b);
	assert_int_equal(parse(sizeof(buf)), 0);
	assert_string_equal(info.cmdline, "");
	assert_int_equal(map.nr, 0);
}

static void test_bad_total_size(void **state)
{
	struct mb2_builder b;

	(void)state;
	mb2b_begin(&b, buf, sizeof(buf));
	mb2b_finish(&b);
	mb2b_put32(&b, 0, 8192); /* more than the buffer */
	assert_int_equal(parse(sizeof(buf)), -22);
	assert_non_null(strstr(err, "total size 8192"));
	mb2b_put32(&b, 0, 4);
	assert_int_equal(parse(sizeof(buf)), -22);
	assert_int_equal(parse(4), -22);
}

static void test_no_end_tag(void **state)
{
	struct mb2_builder b;

	(void)state;
	mb2b_begin(&b, buf, sizeof(buf));
	mb2b_string(&b, MB2_TAG_CMDLINE, "x");
	mb2b_put32(&b, 0, b.len); /* total size ends before any end tag */
	assert_int_equal(parse(sizeof(buf)), -22);
	assert_non_null(strstr(err, "no end tag"));
}

static void test_tag_overruns_total(void **state)
{
	struct mb2_builder b;

	(void)state;
	mb2b_begin(&b, buf, sizeof(buf));
	mb2b_tag(&b, 42, 64, NULL, 0);
	mb2b_finish(&b);
	mb2b_put32(&b, 12, 4000); /* the tag claims more than there is */
	assert_int_equal(parse(sizeof(buf)), -22);
	assert_non_null(strstr(err, "bad size 4000"));
	mb2b_put32(&b, 12, 4); /* smaller than a tag header */
	assert_int_equal(parse(sizeof(buf)), -22);
}

static void test_unterminated_cmdline(void **state)
{
	struct mb2_builder b;

	(void)state;
	mb2b_begin(&b, buf, sizeof(buf));
	mb2b_tag(&b, MB2_TAG_CMDLINE, 12, "abcd", 4); /* no NUL */
	mb2b_finish(&b);
	assert_int_equal(parse(sizeof(buf)), -22);
	assert_non_null(strstr(err, "NUL"));
}

static void test_bad_mmap_entry_size(void **state)
{
	struct mb2_builder b;

	(void)state;
	mb2b_begin(&b, buf, sizeof(buf));
	mb2b_mmap(&b, qemu_512m, 2, 20);
	mb2b_finish(&b);
	assert_int_equal(parse(sizeof(buf)), -22);
	assert_non_null(strstr(err, "entry size 20"));
}

static void test_too_many_entries_are_counted(void **state)
{
	static u8 big[16384] __attribute__((aligned(8)));
	struct mb2_test_entry e[200];
	struct mb2_builder b;

	(void)state;
	for (int i = 0; i < 200; i++)
		e[i] = (struct mb2_test_entry){ (u64)i << 20, 1 << 20, 1, 0 };
	mb2b_begin(&b, big, sizeof(big));
	mb2b_mmap(&b, e, 200, 24);
	mb2b_finish(&b);
	assert_int_equal(mb2_parse(big, sizeof(big), &info, &map, err,
				   sizeof(err)), 0);
	assert_int_equal(map.nr, MB2_MAX_MMAP_ENTRIES);
	assert_int_equal(info.mmap_entries, 200);
	assert_int_equal(info.mmap_ignored, 200 - MB2_MAX_MMAP_ENTRIES);
}

static void test_module(void **state)
{
	struct mb2_builder b;
	u8 payload[16] = { 0 };
	u32 start = 0x200000, end = 0x201000;

	(void)state;
	memcpy(payload, &start, 4);
	memcpy(payload + 4, &end, 4);
	memcpy(payload + 8, "initrd", 7);
	mb2b_begin(&b, buf, sizeof(buf));
	mb2b_tag(&b, MB2_TAG_MODULE, 8 + 15, payload, 15);
	mb2b_finish(&b);
	assert_int_equal(parse(sizeof(buf)), 0);
	assert_int_equal(info.nr_modules, 1);
	assert_int_equal(info.modules[0].start, start);
	assert_string_equal(info.modules[0].cmdline, "initrd");
	/* A module that ends before it starts is refused. */
	memcpy(b.buf + 8 + 8, &end, 4);
	memcpy(b.buf + 8 + 12, &start, 4);
	assert_int_equal(parse(sizeof(buf)), -22);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_info),
		cmocka_unit_test(test_larger_entry_size),
		cmocka_unit_test(test_missing_tags_give_empty_strings),
		cmocka_unit_test(test_bad_total_size),
		cmocka_unit_test(test_no_end_tag),
		cmocka_unit_test(test_tag_overruns_total),
		cmocka_unit_test(test_unterminated_cmdline),
		cmocka_unit_test(test_bad_mmap_entry_size),
		cmocka_unit_test(test_too_many_entries_are_counted),
		cmocka_unit_test(test_module),
	};

	return cmocka_run_group_tests_name("multiboot2", tests, NULL, NULL);
}
