// SPDX-License-Identifier: MIT
/* In-kernel tests of the command-line parser. */
#include "kernel/debug/bochs.h"
#include "kernel/cmdline.h"
#include "tests/kernel/ktest.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"

KTEST(cmdline, parse_options)
{
	struct boot_options o;

	memset(&o, 0, sizeof(o));
	KT_EXPECT_EQ(t, cmdline_parse("mem=6G  highmem=off ktest=kmap.* "
				      "memmap=1M$0x2000000 poweroff "
				      "bochs.break=all",
				      &o),
		     0);
	KT_EXPECT_EQ(t, o.mem_limit, 6ull << 30);
	KT_EXPECT_TRUE(t, o.highmem_off);
	KT_EXPECT_STREQ(t, o.ktest, "kmap.*");
	KT_EXPECT_EQ(t, o.nr_memmap, 1);
	KT_EXPECT_EQ(t, o.memmap[0].addr, 0x2000000);
	KT_EXPECT_EQ(t, o.memmap[0].size, 1u << 20);
	KT_EXPECT_TRUE(t, o.poweroff);
	KT_EXPECT_EQ(t, o.bochs_break, (1u << NR_BREAK_POINTS) - 1);
}

KTEST(cmdline, bad_values_ignored)
{
	struct boot_options o;

	memset(&o, 0, sizeof(o));
	printk("    (four warnings expected:)\n");
	KT_EXPECT_EQ(t, cmdline_parse("mem=lots mem=1K highmem=2 nonsense", &o),
		     4);
	KT_EXPECT_EQ(t, o.mem_limit, 0);
	KT_EXPECT_FALSE(t, o.highmem_off);
}

KTEST(cmdline, this_boot)
{
	struct boot_options o;

	/* The options in force are exactly those of the saved line. */
	boot_options_defaults(&o);
	cmdline_parse(saved_command_line, &o);
	KT_EXPECT_EQ(t, memcmp(&o, &boot_options, sizeof(o)), 0);
}
