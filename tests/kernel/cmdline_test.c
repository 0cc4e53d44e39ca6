// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the command-line parser. The generic machinery is
 * tried on options of the tests' own (ktest.*), so that parsing again
 * changes nothing the kernel uses; the real options are checked by the
 * boot tests that pass them (tests/boot/cases.py) and by the host tests.
 */
#include "kernel/cmdline.h"
#include "kernel/debug/bochs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "tests/kernel/ktest.h"

static bool test_flag;
BOOT_PARAM_FLAG("ktest.flag", test_flag, "ktest.flag       (a test's own flag)");
static unsigned long test_count;
BOOT_PARAM_COUNT("ktest.count", test_count,
		 "ktest.count=N    (a test's own count)");
static char test_pattern[CMDLINE_PATTERN_MAX];
BOOT_PARAM_PATTERN("ktest.pattern", test_pattern,
		   "ktest.pattern=P  (a test's own pattern)");

static void reset(void)
{
	test_flag = false;
	test_count = 0;
	test_pattern[0] = '\0';
}

KTEST(cmdline, parse_options)
{
	char shown[CMDLINE_SHOW_MAX];

	reset();
	KT_EXPECT_EQ(t, cmdline_parse("  ktest.flag   ktest.count=0x10 "
				      "\tktest.pattern=kmap.* "), 0);
	KT_EXPECT_TRUE(t, test_flag);
	KT_EXPECT_EQ(t, test_count, 16);
	KT_EXPECT_STREQ(t, test_pattern, "kmap.*");
	KT_EXPECT_EQ(t, cmdline_param_show("ktest.count", shown, sizeof(shown)),
		     0);
	KT_EXPECT_STREQ(t, shown, "16");
	KT_EXPECT_EQ(t, cmdline_parse("ktest.flag=off"), 0);
	KT_EXPECT_FALSE(t, test_flag);
	KT_EXPECT_EQ(t, cmdline_param_show("nosuch", shown, sizeof(shown)),
		     -ENOENT);
	reset();
}

KTEST(cmdline, bad_values_and_repeats)
{
	reset();
	printk("    (five warnings expected:)\n");
	KT_EXPECT_EQ(t, cmdline_parse("ktest.count=lots ktest.count=0 "
				      "ktest.flag=maybe ktest.pattern= "
				      "nonsense"), 5);
	KT_EXPECT_EQ(t, test_count, 0);
	KT_EXPECT_FALSE(t, test_flag);
	KT_EXPECT_STREQ(t, test_pattern, "");
	/* Given twice: a warning, and the last one is used. */
	KT_EXPECT_EQ(t, cmdline_parse("ktest.count=3 ktest.count=4"), 1);
	KT_EXPECT_EQ(t, test_count, 4);
	reset();
}

/* The value in force of ktest= is the one on this boot's command line. */
KTEST(cmdline, this_boot)
{
	const char *word = strstr(saved_command_line, "ktest=");
	char shown[CMDLINE_SHOW_MAX], given[CMDLINE_SHOW_MAX];
	size_t len = 0;

	if (!word)
		KT_SKIP(t, "no ktest= on this boot's command line");
	word += strlen("ktest=");
	while (word[len] && word[len] != ' ' && len + 1 < sizeof(given)) {
		given[len] = word[len];
		len++;
	}
	given[len] = '\0';
	KT_ASSERT_EQ(t, cmdline_param_show("ktest", shown, sizeof(shown)), 0);
	KT_EXPECT_STREQ(t, shown, given);
	KT_EXPECT_EQ(t, cmdline_param_show("bochs.break", shown, sizeof(shown)),
		     0);
	if (!bochs_break_mask)
		KT_EXPECT_STREQ(t, shown, "(none)");
}
