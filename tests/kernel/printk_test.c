// SPDX-License-Identifier: MIT
/* In-kernel tests of the printf engine and kallsyms (%pS). */
#include "kernel/debug/kallsyms.h"
#include "tests/kernel/ktest.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "tests/common/printk_cases.h"

asmlinkage void start_kernel(u32 magic, u32 mbi_phys);

KTEST(printk, formats)
{
	char buf[128];

#define CHECK_FORMAT(expected, ...)                                     \
	do {                                                            \
		int n = format_for_test(buf, sizeof(buf), __VA_ARGS__); \
		KT_EXPECT_STREQ(t, buf, expected);                      \
		KT_EXPECT_EQ(t, n, strlen(expected));                   \
	} while (0);
	PRINTK_FORMAT_CASES(CHECK_FORMAT)
#undef CHECK_FORMAT
}

KTEST(printk, sizes)
{
	char buf[32];

#define CHECK_SIZE(expected, bytes)            \
	snprint_size(buf, sizeof(buf), bytes); \
	KT_EXPECT_STREQ(t, buf, expected);
	PRINTK_SIZE_CASES(CHECK_SIZE)
#undef CHECK_SIZE
}

KTEST(printk, pointers_and_symbols)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "%p", (void *)0xc0100000);
	KT_EXPECT_STREQ(t, buf, "c0100000");
	snprintf(buf, sizeof(buf), "%p", NULL);
	KT_EXPECT_STREQ(t, buf, "00000000");
	snprintf(buf, sizeof(buf), "%pS", (void *)start_kernel);
	KT_EXPECT_TRUE(t, str_has_prefix(buf, "start_kernel+0x0/0x"));
	snprintf(buf, sizeof(buf), "%pS", (char *)start_kernel + 3);
	KT_EXPECT_TRUE(t, str_has_prefix(buf, "start_kernel+0x3/0x"));
	snprintf(buf, sizeof(buf), "%pS", (void *)0x1234);
	KT_EXPECT_STREQ(t, buf, "0x00001234");
	KT_EXPECT_EQ(t, kallsyms_lookup_name("start_kernel"),
		     (unsigned long)start_kernel);
	KT_EXPECT_GT(t, kallsyms_count, 100);
}
