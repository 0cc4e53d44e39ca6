// SPDX-License-Identifier: MIT
/* Host tests of kernel/cmdline.c and the bochs.break= parser. */
#include "host.h"
#include "kernel/debug/bochs.h"
#include "kernel/cmdline.h"

#include <string.h>

static struct boot_options opts;

static int parse(const char *line)
{
	memset(&opts, 0, sizeof(opts));
	host_log_clear();
	return cmdline_parse(line, &opts);
}

static void test_all_options(void **state)
{
	(void)state;
	assert_int_equal(parse("mem=512M highmem=off ktest=all bench=kmap* "
			       "poweroff memmap=64M$0x10000000 "
			       "bochs.break=kmap,panic"), 0);
	assert_true(opts.mem_limit == 512ull << 20);
	assert_true(opts.highmem_off);
	assert_string_equal(opts.ktest, "all");
	assert_string_equal(opts.bench, "kmap*");
	assert_true(opts.poweroff);
	assert_int_equal(opts.nr_memmap, 1);
	assert_true(opts.memmap[0].addr == 0x10000000ull);
	assert_true(opts.memmap[0].size == 64ull << 20);
	assert_int_equal(opts.bochs_break,
			 (1u << BREAK_KMAP) | (1u << BREAK_PANIC));
}

static void test_empty_and_blanks(void **state)
{
	(void)state;
	assert_int_equal(parse(""), 0);
	assert_int_equal(parse("   \t  "), 0);
	assert_int_equal(parse("  poweroff   "), 0);
	assert_true(opts.poweroff);
}

static void test_bad_values_are_reported_and_ignored(void **state)
{
	(void)state;
	assert_int_equal(parse("mem=banana"), 1);
	assert_true(opts.mem_limit == 0);
	assert_true(host_log_has("mem=banana: not a size"));

	assert_int_equal(parse("mem=4M"), 1);
	assert_true(opts.mem_limit == 0);
	assert_true(host_log_has("too small"));

	assert_int_equal(parse("mem="), 1);
	assert_int_equal(parse("mem"), 1);
	assert_int_equal(parse("highmem=maybe"), 1);
	assert_false(opts.highmem_off);
	assert_int_equal(parse("memmap=64M"), 1);
	assert_int_equal(parse("memmap=64M@0x1000"), 1);
	assert_int_equal(parse("memmap=0$0x1000"), 1);
	assert_int_equal(opts.nr_memmap, 0);
	assert_int_equal(parse("poweroff=yes"), 1);
	assert_false(opts.poweroff);
	assert_int_equal(parse("bochs.break=nosuchpoint"), 1);
	assert_int_equal(opts.bochs_break, 0);
	assert_int_equal(parse("ktest="), 1);
}

static void test_debug_options(void **state)
{
	(void)state;
	assert_int_equal(parse("page_poison debug_pagealloc=on slab_debug=1 "
			       "fail_page_alloc=7 failslab=0x10 stress=5000"), 0);
	assert_true(opts.page_poison);
	assert_true(opts.debug_pagealloc);
	assert_true(opts.slab_debug);
	assert_int_equal(opts.fail_page_alloc, 7);
	assert_int_equal(opts.failslab, 16);
	assert_int_equal(opts.stress, 5000);
	/* A DEBUG=1 build's defaults can be turned off one by one. */
	assert_int_equal(parse("page_poison=off slab_debug=0"), 0);
	assert_false(opts.page_poison);
	assert_false(opts.slab_debug);
	/* Given twice, an option warns; the last one is used. */
	assert_int_equal(parse("page_poison slab_debug page_poison=off slab_debug=0"), 2);
	assert_false(opts.page_poison);
	assert_false(opts.slab_debug);
	assert_int_equal(parse("mem=6G mem=512M"), 1);
	assert_int_equal(opts.mem_limit, 512ull << 20);
	assert_true(host_log_has("mem given more than once: the last one is used"));
	assert_int_equal(parse("failslab=0 fail_page_alloc=-1 stress=lots "
			       "page_poison=maybe"), 4);
	assert_int_equal(opts.failslab, 0);
	assert_int_equal(opts.stress, 0);
	assert_true(host_log_has("stress=lots: expected a positive whole number"));
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
	assert_true(opts.mem_limit == 1ull << 30);
}

static void test_too_many_memmap(void **state)
{
	char line[1024] = "";

	(void)state;
	for (int i = 0; i <= MAX_MEMMAP_OPTIONS; i++)
		strcat(line, "memmap=4K$0x1000 ");
	assert_int_equal(parse(line), 1);
	assert_int_equal(opts.nr_memmap, MAX_MEMMAP_OPTIONS);
}

static void test_bochs_break_all(void **state)
{
	u32 mask, left[8];

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
		cmocka_unit_test(test_all_options),
		cmocka_unit_test(test_empty_and_blanks),
		cmocka_unit_test(test_bad_values_are_reported_and_ignored),
		cmocka_unit_test(test_debug_options),
		cmocka_unit_test(test_unknown_option_warns),
		cmocka_unit_test(test_long_line_is_cut_before_a_whole_word),
		cmocka_unit_test(test_too_many_memmap),
		cmocka_unit_test(test_bochs_break_all),
	};

	return cmocka_run_group_tests_name("cmdline", tests, NULL, NULL);
}
