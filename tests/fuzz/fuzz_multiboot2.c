// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for the boot information path: the multiboot2
 * parser, the memory map clean-up and the command-line parser, fed with
 * whatever bytes the fuzzer makes (the seed corpus holds real GRUB
 * layouts). The parser must never read outside the buffer (ASan watches)
 * and must either refuse the block or return a map that, once
 * sanitized, is sorted, non-empty per region, non-wrapping and free of
 * overlaps; limiting it keeps that true.
 */
#include "host.h"
#include "fuzz.h"
#include "kernel/cmdline.h"
#include "kernel/multiboot2.h"
#include "mm/memmap.h"

#include <string.h>

static void check_map(const struct memory_map *map)
{
	for (unsigned int i = 0; i < map->nr; i++) {
		const struct memory_region *r = &map->region[i];

		CHECK(r->size > 0);
		CHECK(r->addr + r->size > r->addr || r->addr + r->size == 0);
		if (i)
			CHECK(map->region[i - 1].addr + map->region[i - 1].size <=
			      r->addr);
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	/* The boot loader's block is 8-byte aligned; so is this copy. */
	static u64 aligned[8192];
	static struct boot_info info;
	static struct memory_map map;
	char err[128];

	if (size > sizeof(aligned))
		return 0;
	memcpy(aligned, data, size);
	memset(&map, 0, sizeof(map));
	if (mb2_parse(aligned, size, &info, &map, err, sizeof(err)) != 0) {
		CHECK(err[0] != '\0');
		return 0;
	}
	CHECK(info.total_size <= size);
	CHECK(map.nr <= MEMORY_MAP_MAX);
	memory_map_sanitize(&map);
	check_map(&map);
	memory_map_limit_ram(&map, 64ull << 30);
	check_map(&map);
	CHECK(memory_map_ram_end(&map) <= 64ull << 30 ||
	      memory_map_total(&map, MEMORY_AVAILABLE) == 0);
	/* Whatever the line, parsing it applies or refuses each option. */
	memmap_clear_options();
	cmdline_parse(info.cmdline);
	memmap_clear_options();
	return 0;
}
