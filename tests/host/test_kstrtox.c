// SPDX-License-Identifier: MIT
/* Host tests of kernel/lib/kstrtox.c and kernel/strmatch.c. */
#include "host.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/lib/string.h"

static void test_kstrtoull(void **state)
{
	unsigned long long v;

	(void)state;
	assert_int_equal(kstrtoull("12345", 0, &v), 0);
	assert_int_equal(v, 12345);
	assert_int_equal(kstrtoull("0x1F", 0, &v), 0);
	assert_int_equal(v, 31);
	assert_int_equal(kstrtoull("017", 0, &v), 0);
	assert_int_equal(v, 15);
	assert_int_equal(kstrtoull("ff", 16, &v), 0);
	assert_int_equal(v, 255);
	assert_int_equal(kstrtoull("18446744073709551615", 10, &v), 0);
	assert_true(v == ~0ull);
	assert_int_equal(kstrtoull("18446744073709551616", 10, &v), -ERANGE);
	assert_int_equal(kstrtoull("", 0, &v), -EINVAL);
	assert_int_equal(kstrtoull("12a", 10, &v), -EINVAL);
	assert_int_equal(kstrtoull("-1", 10, &v), -EINVAL);
	assert_int_equal(kstrtoull("0x", 0, &v), -EINVAL);
}

static void test_parse_size(void **state)
{
	u64 v;
	const char *end;

	(void)state;
	assert_int_equal(parse_size("512M", NULL, &v), 0);
	assert_true(v == 512ull << 20);
	assert_int_equal(parse_size("61G", NULL, &v), 0);
	assert_true(v == 61ull << 30);
	assert_int_equal(parse_size("4k", NULL, &v), 0);
	assert_true(v == 4096);
	assert_int_equal(parse_size("1T", NULL, &v), 0);
	assert_true(v == 1ull << 40);
	assert_int_equal(parse_size("0x1000", NULL, &v), 0);
	assert_true(v == 4096);
	assert_int_equal(parse_size("12", NULL, &v), 0);
	assert_true(v == 12);
	assert_int_equal(parse_size("64M$0x100", &end, &v), 0);
	assert_string_equal(end, "$0x100");
	assert_int_equal(parse_size("banana", NULL, &v), -EINVAL);
	assert_int_equal(parse_size("5X", NULL, &v), -EINVAL);
	assert_int_equal(parse_size("5MB", NULL, &v), -EINVAL);
	assert_int_equal(parse_size("99999999999T", NULL, &v), -ERANGE);
}

static void test_glob_and_prefix(void **state)
{
	(void)state;
	assert_true(glob_match("*", "anything"));
	assert_true(glob_match("kmap.*", "kmap.wrap"));
	assert_false(glob_match("kmap.*", "kmap_atomic.nest"));
	assert_true(glob_match("*.nest*", "kmap_atomic.nesting"));
	assert_true(glob_match("a?c", "abc"));
	assert_false(glob_match("a?c", "ac"));
	assert_true(glob_match("printk.formats", "printk.formats"));
	assert_false(glob_match("printk", "printk.formats"));
	assert_true(glob_match("*a*b*c", "xxaxxbxxc"));
	assert_false(glob_match("*a*b*c", "xxaxxcxxb"));
	assert_true(str_has_prefix("mem=512M", "mem="));
	assert_false(str_has_prefix("me", "mem="));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kstrtoull),
		cmocka_unit_test(test_parse_size),
		cmocka_unit_test(test_glob_and_prefix),
	};

	return cmocka_run_group_tests_name("kstrtox", tests, NULL, NULL);
}
