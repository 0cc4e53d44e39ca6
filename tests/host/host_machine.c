// SPDX-License-Identifier: MIT
/* Booting the memory manager on a fake machine (see host.h). */
#include "host.h"
#include "mm/deferred_init.h"
#include "mm/internal.h"
#include "mm/memblock.h"

#define MiB (1ull << 20)

bool host_deferred_init;

void host_boot_machine(const struct ram *ram, int n, int highmem)
{
	u64 end = 0;

	for (int i = 0; i < n; i++)
		end = end > ram[i].end ? end : ram[i].end;
	max_pfn = end >> PAGE_SHIFT;
	max_low_pfn = max_pfn < MAXMEM_PFN ? max_pfn : MAXMEM_PFN;
	if (!highmem)
		max_pfn = max_low_pfn;
	memblock_reset(PFN_PHYS(max_low_pfn));
	for (int i = 0; i < n; i++) {
		u64 s = ram[i].start, e = ram[i].end;

		if (s < PFN_PHYS(max_pfn))
			memblock_add(s, (e < PFN_PHYS(max_pfn) ?
						 e : PFN_PHYS(max_pfn)) - s);
	}
	memblock_reserve(0, PAGE_SIZE);
	memblock_reserve(MiB, MiB); /* "the kernel image" */
	/* Everything written at boot unless a test wants otherwise. */
	deferred_init_enabled = host_deferred_init;
	mm_core_init();
}
