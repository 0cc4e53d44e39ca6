// SPDX-License-Identifier: MIT
/* Host tests of kernel/vsprintf.c. */
#include "host.h"
#include "kernel/lib/vsprintf.h"
#include "tests/common/printk_cases.h"

#include <stdio.h>
#include <string.h>

static void test_format_cases(void **state)
{
	char buf[128];

	(void)state;
#define CHECK_FORMAT(expected, ...)                                 \
	do {                                                        \
		int n = format_for_test(buf, sizeof(buf), __VA_ARGS__);    \
		assert_string_equal(buf, expected);                 \
		assert_int_equal(n, strlen(expected));              \
	} while (0);
	PRINTK_FORMAT_CASES(CHECK_FORMAT)
#undef CHECK_FORMAT
}

static void test_size_cases(void **state)
{
	char buf[32];

	(void)state;
#define CHECK_SIZE(expected, bytes)                 \
	snprint_size(buf, sizeof(buf), bytes);      \
	assert_string_equal(buf, expected);
	PRINTK_SIZE_CASES(CHECK_SIZE)
#undef CHECK_SIZE
}

static void test_truncation_returns_full_length(void **state)
{
	char buf[8];
	int n;

	(void)state;
	memset(buf, 'X', sizeof(buf));
	n = snprintf(buf, 5, "%s", "abcdefgh");
	assert_int_equal(n, 8);
	assert_string_equal(buf, "abcd");
	assert_int_equal(buf[5], 'X'); /* nothing written past size */
	assert_int_equal(scnprintf(buf, 5, "%s", "abcdefgh"), 4);
	assert_int_equal(snprintf(NULL, 0, "%d", 12345), 5);
}

static void test_pointer_formats(void **state)
{
	char buf[64], expect[64];
	void *p = (void *)(uintptr_t)0xc0100000u;

	(void)state;
	snprintf(buf, sizeof(buf), "%p", p);
	/* Always the full width of an address, zero-padded. */
	assert_int_equal(strlen(buf), 2 * sizeof(void *));
	sprintf(expect, "%0*lx", (int)(2 * sizeof(void *)), 0xc0100000ul);
	assert_string_equal(buf, expect);
	snprintf(buf, sizeof(buf), "%pS", p);
	assert_string_equal(buf, "sym_c0100000");
	/* %pB goes to sprint_backtrace, the return-address lookup. */
	snprintf(buf, sizeof(buf), "[%pB]", p);
	assert_string_equal(buf, "[ret_c0100000]");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_cases),
		cmocka_unit_test(test_size_cases),
		cmocka_unit_test(test_truncation_returns_full_length),
		cmocka_unit_test(test_pointer_formats),
	};

	return cmocka_run_group_tests_name("vsprintf", tests, NULL, NULL);
}
