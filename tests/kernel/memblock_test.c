// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of memblock. They run on a scratch state: the real one
 * is saved first and put back at the end.
 */
#include "tests/kernel/ktest.h"
#include "kernel/lib/string.h"
#include <asm/layout.h>
#include "mm/memblock.h"
#include "mm/memmap.h"

#define MiB (1ull << 20)

static struct memblock saved;

/* Put the boot's memblock back, whether the test passed or not. */
static void restore_memblock(void *arg)
{
	(void)arg;
	memblock = saved;
}

KTEST(memblock, add_reserve_alloc)
{
	phys_addr_t a, b;

	/* The page allocator owns memory now: work on a scratch state. */
	saved = memblock;
	ktest_defer(t, restore_memblock, NULL);
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
}

/* What memblock_setup should have added, computed from the usable map. */
static u64 usable_ram_in_pages(void)
{
	u64 total = 0;

	for (unsigned int i = 0; i < usable_memory_map.nr; i++) {
		const struct memory_region *r = &usable_memory_map.region[i];
		u64 start = ALIGN(r->addr, (u64)PAGE_SIZE);
		u64 end = ALIGN_DOWN(r->addr + r->size, (u64)PAGE_SIZE);

		end = min(end, (u64)PFN_PHYS(max_pfn));
		if (r->type == MEMORY_AVAILABLE && end > start)
			total += end - start;
	}
	return total;
}

KTEST(memblock, this_boot)
{
	extern char _kernel_start[], _kernel_end[];

	/* Page 0 and the kernel image are reserved. */
	KT_EXPECT_TRUE(t, memblock_is_reserved(0, 1));
	KT_EXPECT_TRUE(t, memblock_is_reserved(__pa(_kernel_start), 1));
	KT_EXPECT_TRUE(t, memblock_is_reserved(__pa(_kernel_end) - 1, 1));
	KT_EXPECT_LE(t, memblock.current_limit, (u64)max_low_pfn << PAGE_SHIFT);
	/* Memory is the usable RAM, in whole pages, below max_pfn. */
	KT_EXPECT_EQ(t, memblock_phys_mem_size(), usable_ram_in_pages());
	KT_EXPECT_TRUE(t, memblock.retired);
}
