// SPDX-License-Identifier: MIT
/*
 * Host tests of kernel/cmdline.c: the parser on options of the test's
 * own, and the real options of the files linked here (mem=, memmap=,
 * bochs.break=, slab_debug, fail_page_alloc=, failslab=), read back
 * through what `cmdline` shows.
 */
#include "host.h"
#include "kernel/cmdline.h"
#include "kernel/debug/bochs.h"
#include "mm/fault_inject.h"
#include "mm/memmap.h"
#include "mm/slab.h"

#include <string.h>

static bool flag;
BOOT_PARAM_FLAG("test.flag", flag, "test.flag        a flag");
static unsigned long count;
BOOT_PARAM_COUNT("test.count", count, "test.count=N     a count");
static char pattern[CMDLINE_PATTERN_MAX];
BOOT_PARAM_PATTERN("test.pattern", pattern, "test.pattern=P   a pattern");

static int parse(const char *line)
{
	flag = false;
	count = 0;
	pattern[0] = '\0';
	memmap_clear_options();
	host_log_clear();
	return cmdline_parse(line);
}

/* What `cmdline` shows for @name now. */
static const char *shown(const char *name)
{
	static char buf[CMDLINE_SHOW_MAX];

	assert_int_equal(cmdline_param_show(name, buf, sizeof(buf)), 0);
	return buf;
}

static void test_all_kinds(void **state)
{
	(void)state;
	assert_int_equal(parse("test.flag test.count=0x10 test.pattern=kmap* "
			       "mem=512M memmap=64M$0x10000000 "
			       "bochs.break=kmap,panic"), 0);
	assert_true(flag);
	assert_int_equal(count, 16);
	assert_string_equal(pattern, "kmap*");
	assert_string_equal(shown("mem"), "512 MiB");
	assert_string_equal(shown("memmap"), "0x4000000$0x10000000");
	assert_string_equal(shown("bochs.break"), "kmap,panic");
	assert_int_equal(bochs_break_mask,
			 (1u << BREAK_KMAP) | (1u << BREAK_PANIC));
	assert_int_equal(parse("bochs.break=paging"), 0);
}

/* "--" ends the options: the rest is init's, not parsed, not warned about. */
static void test_dashes_end_the_options(void **state)
{
	(void)state;
	assert_int_equal(parse("test.flag -- test.count=3  nosuch a"), 0);
	assert_true(flag);
	assert_int_equal(count, 0);
	assert_string_equal(cmdline_init_args(), "test.count=3  nosuch a");
	assert_int_equal(parse("test.flag --x"), 1); /* a word, not "--" */
}

static void test_empty_and_blanks(void **state)
{
	(void)state;
	assert_int_equal(parse(""), 0);
	assert_int_equal(parse("   \t  "), 0);
	assert_int_equal(parse("  test.flag   "), 0);
	assert_true(flag);
}

static void test_bad_values_are_reported_and_ignored(void **state)
{
	(void)state;
	assert_int_equal(parse("mem=banana"), 1);
	assert_string_equal(shown("mem"), "(no limit)");
	assert_true(host_log_has("mem=banana: not a size"));
	assert_int_equal(parse("mem=4M"), 1);
	assert_true(host_log_has("too small"));
	assert_int_equal(parse("mem="), 1);
	assert_int_equal(parse("mem"), 1);
	assert_int_equal(parse("memmap=64M"), 1);
	assert_int_equal(parse("memmap=64M@0x1000"), 1);
	assert_int_equal(parse("memmap=0$0x1000"), 1);
	assert_string_equal(shown("memmap"), "(none)");
	assert_int_equal(parse("test.flag=yes"), 1);
	assert_false(flag);
	assert_int_equal(parse("test.count=lots test.count=0 test.count=-1"), 3);
	assert_true(host_log_has("test.count=lots: expected a positive whole number"));
	assert_int_equal(count, 0);
	assert_int_equal(parse("test.pattern="), 1);
	assert_int_equal(parse("bochs.break=nosuchpoint"), 1);
}

static void test_flags_on_off_and_repeats(void **state)
{
	(void)state;
	/* A DEBUG=1 build's defaults can be turned off one by one. */
	assert_int_equal(parse("slab_debug=1"), 0);
	assert_true(slab_debug);
	assert_int_equal(parse("slab_debug=off"), 0);
	assert_false(slab_debug);
	assert_string_equal(shown("slab_debug"), "off");
	/* Given twice, an option warns once; the last one is used. */
	assert_int_equal(parse("test.flag test.flag=off test.flag=0"), 2);
	assert_false(flag);
	assert_int_equal(parse("mem=6G mem=512M"), 1);
	assert_string_equal(shown("mem"), "512 MiB");
	assert_true(host_log_has("mem given more than once: the last one is used"));
	assert_int_equal(parse("fail_page_alloc=7 failslab=0x10"), 0);
	assert_string_equal(shown("fail_page_alloc"), "7");
	assert_string_equal(shown("failslab"), "16");
}

/* A line past CMDLINE_MAX - 1 bytes loses its last, cut word, with a warning. */
static void test_long_line_is_cut_before_a_whole_word(void **state)
{
	static char line[CMDLINE_MAX + 64];
	size_t len = 0;

	(void)state;
	while (len < CMDLINE_MAX - 8) {
		memcpy(line + len, "nosmp ", 6);
		len += 6;
	}
	strcpy(line + len, "poweroff");
	assert_true(strlen(line) > CMDLINE_MAX - 1);
	host_log_clear();
	assert_int_equal(cmdline_save(line), 1);
	assert_true(host_log_has("everything from byte"));
	/* "poweroff" crossed the limit: gone whole, not cut to "po". */
	assert_null(strstr(saved_command_line, "po"));
	assert_int_equal(strlen(saved_command_line), len - 1);
	/* A line that fits is kept as it is. */
	assert_int_equal(cmdline_save("mem=512M poweroff"), 0);
	assert_string_equal(saved_command_line, "mem=512M poweroff");
}

static void test_unknown_option_warns(void **state)
{
	(void)state;
	assert_int_equal(parse("quiet splash mem=1G"), 2);
	assert_true(host_log_has("unknown option 'quiet'"));
	assert_true(host_log_has("unknown option 'splash'"));
	assert_string_equal(shown("mem"), "1 GiB");
	assert_int_equal(cmdline_param_show("quiet", (char[8]){ 0 }, 8), -2);
}

static void test_too_many_memmap(void **state)
{
	char line[1024] = "";

	(void)state;
	for (int i = 0; i <= MAX_MEMMAP_OPTIONS; i++)
		strcat(line, "memmap=4K$0x1000 ");
	assert_int_equal(parse(line), 1);
	assert_true(host_log_has("too many memmap= options"));
	memmap_clear_options();
}

static void test_bochs_break_all(void **state)
{
	u32 mask, left[NR_BREAK_POINTS];

	(void)state;
	assert_int_equal(bochs_break_parse("all", &mask, left), 0);
	assert_int_equal(mask, (1u << NR_BREAK_POINTS) - 1);
	assert_int_equal(bochs_break_parse("pkmap-flush", &mask, left), 0);
	assert_int_equal(mask, 1u << BREAK_PKMAP_FLUSH);
	assert_int_not_equal(bochs_break_parse("", &mask, left), 0);
	assert_int_equal(bochs_break_parse("kmap,", &mask, left), 0);
	assert_int_equal(mask, 1u << BREAK_KMAP);
	assert_int_not_equal(bochs_break_parse("kma", &mask, left), 0);
	assert_int_equal(bochs_break_parse("kmap:3,panic", &mask, left), 0);
	assert_int_equal(mask, (1u << BREAK_KMAP) | (1u << BREAK_PANIC));
	assert_int_equal(left[BREAK_KMAP], 3);
	assert_int_equal(left[BREAK_PANIC], 0);
	assert_int_not_equal(bochs_break_parse("kmap:0", &mask, left), 0);
	assert_int_not_equal(bochs_break_parse("kmap:x", &mask, left), 0);
	assert_int_not_equal(bochs_break_parse("kmap:", &mask, left), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_kinds),
		cmocka_unit_test(test_empty_and_blanks),
		cmocka_unit_test(test_bad_values_are_reported_and_ignored),
		cmocka_unit_test(test_flags_on_off_and_repeats),
		cmocka_unit_test(test_unknown_option_warns),
		cmocka_unit_test(test_long_line_is_cut_before_a_whole_word),
		cmocka_unit_test(test_too_many_memmap),
		cmocka_unit_test(test_bochs_break_all),
		cmocka_unit_test(test_dashes_end_the_options),
	};

	return cmocka_run_group_tests_name("cmdline", tests, NULL, NULL);
}
