// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of memblock. They run on a scratch state: the real one
 * is saved first and put back at the end.
 */
#include "kernel/ktest.h"
#include "kernel/string.h"
#include "mm/layout.h"
#include "mm/memblock.h"

#define MiB (1ull << 20)

static struct memblock saved;

KTEST(memblock, add_reserve_alloc)
{
	phys_addr_t a, b;

	/* The page allocator owns memory now: work on a scratch state. */
	saved = memblock;
	memblock_reset(64 * MiB);
	memblock_add(0, 32 * MiB);
	memblock_add(32 * MiB, 32 * MiB);
	KT_EXPECT_EQ(t, memblock.memory.cnt, 1);
	memblock_reserve(0, PAGE_SIZE);
	memblock_reserve(60 * MiB, 4 * MiB);
	a = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
	KT_EXPECT_EQ(t, a, 60 * MiB - PAGE_SIZE);
	b = memblock_phys_alloc(4 * MiB, 4 * MiB);
	KT_EXPECT_EQ(t, b, 52 * MiB);
	KT_EXPECT_TRUE(t, memblock_is_reserved(b, 1));
	KT_EXPECT_FALSE(t, memblock_is_reserved(56 * MiB, PAGE_SIZE));
	KT_EXPECT_EQ(t, memblock_phys_alloc(128 * MiB, PAGE_SIZE), 0);
	memblock = saved;
}

KTEST(memblock, this_boot)
{
	extern char _kernel_start[], _kernel_end[];

	/* Page 0 and the kernel image are reserved. */
	KT_EXPECT_TRUE(t, memblock_is_reserved(0, 1));
	KT_EXPECT_TRUE(t, memblock_is_reserved(__pa(_kernel_start), 1));
	KT_EXPECT_TRUE(t, memblock_is_reserved(__pa(_kernel_end) - 1, 1));
	KT_EXPECT_LE(t, memblock.current_limit, (u64)max_low_pfn << PAGE_SHIFT);
	KT_EXPECT_GT(t, memblock_phys_mem_size(), 16 * MiB);
	KT_EXPECT_TRUE(t, memblock.retired);
}
