// SPDX-License-Identifier: MIT
/* In-kernel tests of the multiboot2 parser, with crafted information. */
#include "tests/kernel/ktest.h"
#include "kernel/multiboot2.h"
#include "kernel/lib/string.h"
#include "tests/common/mb2_builder.h"

static u8 mb2_buf[2048] __aligned(8);
static struct memory_map test_map;

KTEST(multiboot2, crafted_map)
{
	static const struct mb2_test_entry entries[] = {
		{ 0x0, 0x9fc00, MEMORY_AVAILABLE, 0 },
		{ 0x100000, 0xbff00000ull, MEMORY_AVAILABLE, 0 },
		{ 0x100000000ull, 0x140000000ull, MEMORY_AVAILABLE, 0 },
	};
	struct mb2_builder b;
	struct boot_info info;
	char err[128];

	mb2b_begin(&b, mb2_buf, sizeof(mb2_buf));
	mb2b_string(&b, MB2_TAG_CMDLINE, "mem=6G");
	mb2b_mmap(&b, entries, 3, 24);
	mb2b_finish(&b);
	KT_ASSERT_EQ(t, mb2_parse(mb2_buf, sizeof(mb2_buf), &info, &test_map,
				  err, sizeof(err)), 0);
	KT_EXPECT_STREQ(t, info.cmdline, "mem=6G");
	KT_EXPECT_EQ(t, test_map.nr, 3);
	KT_EXPECT_EQ(t, test_map.region[2].addr, 0x100000000ull);
	KT_EXPECT_EQ(t, memory_map_total(&test_map, MEMORY_AVAILABLE),
		     0x9fc00ull + 0xbff00000ull + 0x140000000ull);
}

KTEST(multiboot2, crafted_errors)
{
	struct mb2_builder b;
	struct boot_info info;
	char err[128];

	mb2b_begin(&b, mb2_buf, sizeof(mb2_buf));
	mb2b_tag(&b, MB2_TAG_BOOTLOADER, 12, "GRUB", 4); /* no NUL */
	mb2b_finish(&b);
	KT_EXPECT_NE(t, mb2_parse(mb2_buf, sizeof(mb2_buf), &info, &test_map,
				  err, sizeof(err)), 0);

	mb2b_begin(&b, mb2_buf, sizeof(mb2_buf));
	mb2b_finish(&b);
	mb2b_put32(&b, 0, sizeof(mb2_buf) + 8); /* larger than the buffer */
	KT_EXPECT_NE(t, mb2_parse(mb2_buf, sizeof(mb2_buf), &info, &test_map,
				  err, sizeof(err)), 0);

	mb2b_begin(&b, mb2_buf, sizeof(mb2_buf));
	mb2b_tag(&b, 7, 7, NULL, 0); /* smaller than a tag header */
	mb2b_finish(&b);
	KT_EXPECT_NE(t, mb2_parse(mb2_buf, sizeof(mb2_buf), &info, &test_map,
				  err, sizeof(err)), 0);
}

KTEST(multiboot2, this_boot)
{
	/* What GRUB gave this kernel was parsed and looks like a PC. */
	KT_EXPECT_TRUE(t, str_has_prefix(boot_info.bootloader, "GRUB"));
	KT_EXPECT_GE(t, firmware_memory_map.nr, 3);
	KT_EXPECT_EQ(t, firmware_memory_map.region[0].addr, 0);
	KT_EXPECT_EQ(t, firmware_memory_map.region[0].type, MEMORY_AVAILABLE);
	/* The usable map is the firmware's RAM, less what was cut off. */
	KT_EXPECT_GT(t, memory_map_total(&usable_memory_map, MEMORY_AVAILABLE), 0);
	KT_EXPECT_LE(t, memory_map_total(&usable_memory_map, MEMORY_AVAILABLE),
		     memory_map_total(&firmware_memory_map, MEMORY_AVAILABLE));
}
