// SPDX-License-Identifier: MIT
/* Host tests of mm/memmap.c: sanitizing odd firmware maps. */
#include "host.h"
#include "kernel/cmdline.h"
#include "mm/memmap.h"

#include <stdlib.h>
#include <string.h>

static struct memory_map map;

static void add(u64 addr, u64 size, u32 type)
{
	assert_int_equal(memory_map_add(&map, addr, size, type), 0);
}

static void expect(unsigned int i, u64 addr, u64 size, u32 type)
{
	assert_true(i < map.nr);
	assert_true(map.region[i].addr == addr);
	assert_true(map.region[i].size == size);
	assert_int_equal(map.region[i].type, type);
}

static void test_clean_map_unchanged(void **state)
{
	(void)state;
	map.nr = 0;
	add(0, 0x9fc00, MEMORY_AVAILABLE);
	add(0x9fc00, 0x400, MEMORY_RESERVED);
	add(0x100000, 0x1ff00000, MEMORY_AVAILABLE);
	assert_int_equal(memory_map_sanitize(&map), 0);
	assert_int_equal(map.nr, 3);
	expect(2, 0x100000, 0x1ff00000, MEMORY_AVAILABLE);
}

static void test_unsorted_and_empty(void **state)
{
	(void)state;
	map.nr = 0;
	add(0x100000, 0x100000, MEMORY_AVAILABLE);
	add(0x5000, 0, MEMORY_AVAILABLE);
	add(0, 0x1000, MEMORY_AVAILABLE);
	assert_true(memory_map_sanitize(&map) > 0);
	assert_int_equal(map.nr, 2);
	expect(0, 0, 0x1000, MEMORY_AVAILABLE);
	expect(1, 0x100000, 0x100000, MEMORY_AVAILABLE);
}

static void test_reserved_wins_over_ram(void **state)
{
	(void)state;
	map.nr = 0;
	add(0, 0x10000000, MEMORY_AVAILABLE);
	add(0x1000000, 0x100000, MEMORY_RESERVED); /* a hole in the middle */
	add(0x0f000000, 0x2000000, MEMORY_NVS);	   /* overlaps the end */
	assert_true(memory_map_sanitize(&map) > 0);
	assert_int_equal(map.nr, 4);
	expect(0, 0, 0x1000000, MEMORY_AVAILABLE);
	expect(1, 0x1000000, 0x100000, MEMORY_RESERVED);
	expect(2, 0x1100000, 0x0f000000 - 0x1100000, MEMORY_AVAILABLE);
	expect(3, 0x0f000000, 0x2000000, MEMORY_NVS);
}

static void test_duplicates_and_adjacent_merge(void **state)
{
	(void)state;
	map.nr = 0;
	add(0, 0x100000, MEMORY_AVAILABLE);
	add(0, 0x100000, MEMORY_AVAILABLE);
	add(0x100000, 0x100000, MEMORY_AVAILABLE);
	memory_map_sanitize(&map);
	assert_int_equal(map.nr, 1);
	expect(0, 0, 0x200000, MEMORY_AVAILABLE);
}

static void test_wrapping_entry_is_clipped(void **state)
{
	(void)state;
	map.nr = 0;
	add(0x100000, 0x100000, MEMORY_AVAILABLE);
	add(0xfffffffffffff000ull, 0x10000, MEMORY_AVAILABLE);
	assert_true(memory_map_sanitize(&map) > 0);
	assert_int_equal(map.nr, 2);
	assert_true(map.region[1].addr + map.region[1].size >
		    map.region[1].addr);
}

static void test_limit_ram(void **state)
{
	(void)state;
	map.nr = 0;
	add(0, 0xc0000000ull, MEMORY_AVAILABLE);
	add(0xfffc0000ull, 0x40000, MEMORY_RESERVED);
	add(0x100000000ull, 0x80000000ull, MEMORY_AVAILABLE);
	assert_true(memory_map_limit_ram(&map, 0x100000000ull) ==
		    0x80000000ull);
	assert_int_equal(map.nr, 2);
	assert_true(memory_map_ram_end(&map) == 0xc0000000ull);
	assert_true(memory_map_limit_ram(&map, 0x20000000) == 0xa0000000ull);
	assert_true(memory_map_total(&map, MEMORY_AVAILABLE) == 0x20000000);
	/* Non-RAM entries above the limit stay. */
	expect(1, 0xfffc0000ull, 0x40000, MEMORY_RESERVED);
}

/* Random maps: the result is sorted, without overlaps, and agrees with
 * the input on every sampled address. */
static u32 type_at(const struct memory_map *m, u64 addr)
{
	u32 best = 0;

	for (unsigned int i = 0; i < m->nr; i++) {
		const struct memory_region *r = &m->region[i];
		u32 t = r->type;

		if (addr < r->addr || addr - r->addr >= r->size)
			continue;
		if (best == 0 || (best == MEMORY_AVAILABLE && t != best) ||
		    (t != MEMORY_AVAILABLE && t > best))
			best = t;
	}
	return best;
}

static void test_random_maps(void **state)
{
	static struct memory_map orig;

	(void)state;
	srand(12345);
	for (int round = 0; round < 500; round++) {
		map.nr = 0;
		for (int i = 0, n = 1 + rand() % 40; i < n; i++)
			add((u64)(rand() % 256) << 20, (u64)(rand() % 64) << 20,
			    1 + rand() % 5);
		orig = map;
		memory_map_sanitize(&map);
		for (unsigned int i = 1; i < map.nr; i++) {
			assert_true(map.region[i - 1].addr +
					    map.region[i - 1].size <=
				    map.region[i].addr);
			assert_true(map.region[i].size > 0);
		}
		for (u64 a = 0; a < (320ull << 20); a += 1ull << 20)
			assert_int_equal(type_at(&map, a), type_at(&orig, a));
	}
}

static void test_setup_applies_options(void **state)
{
	(void)state;
	memmap_clear_options();
	firmware_memory_map.nr = 0;
	memory_map_add(&firmware_memory_map, 0, 0xc0000000ull, MEMORY_AVAILABLE);
	memory_map_add(&firmware_memory_map, 0x100000000ull, 0x400000000ull,
		       MEMORY_AVAILABLE);
	assert_int_equal(cmdline_parse("memmap=16M$0x10000000"), 0);
	host_log_clear();
	memmap_setup(32);
	/* A 32-bit CPU: everything above 4 GiB goes, with one warning. */
	assert_true(host_log_has("16 GiB of RAM above the CPU's 32-bit"));
	assert_true(memory_map_ram_end(&usable_memory_map) == 0xc0000000ull);
	assert_int_equal(usable_memory_map.region[1].type, MEMORY_RESERVED);

	memmap_clear_options();
	assert_int_equal(cmdline_parse("mem=1G"), 0);
	host_log_clear();
	memmap_setup(36);
	assert_true(memory_map_ram_end(&usable_memory_map) == 1ull << 30);
	assert_true(host_log_has("above mem=1 GiB ignored"));

	assert_int_equal(cmdline_parse("mem=1024G"), 0);
	host_log_clear();
	memmap_setup(36);
	assert_true(host_log_has("beyond the end of RAM"));
	assert_true(memory_map_ram_end(&usable_memory_map) == 0x500000000ull);
	memmap_clear_options();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_map_unchanged),
		cmocka_unit_test(test_unsorted_and_empty),
		cmocka_unit_test(test_reserved_wins_over_ram),
		cmocka_unit_test(test_duplicates_and_adjacent_merge),
		cmocka_unit_test(test_wrapping_entry_is_clipped),
		cmocka_unit_test(test_limit_ram),
		cmocka_unit_test(test_random_maps),
		cmocka_unit_test(test_setup_applies_options),
	};

	return cmocka_run_group_tests_name("memmap", tests, NULL, NULL);
}
