// SPDX-License-Identifier: MIT
/* Host tests of mm/memblock.c. */
#include "host.h"
#include <asm/layout.h>
#include "mm/memblock.h"

#include <stdlib.h>
#include <string.h>

#define MiB (1ull << 20)

static int setup(void **state)
{
	(void)state;
	host_phys_mem_init(1ull << 30);
	memblock_reset(896 * MiB);
	return 0;
}

static void test_add_merges(void **state)
{
	(void)state;
	memblock_add(16 * MiB, 16 * MiB);
	memblock_add(0, 8 * MiB);
	memblock_add(8 * MiB, 8 * MiB); /* bridges the two */
	assert_int_equal(memblock.memory.cnt, 1);
	assert_true(memblock.memory.regions[0].size == 32 * MiB);
	memblock_add(4 * MiB, 2 * MiB); /* inside: no change */
	assert_int_equal(memblock.memory.cnt, 1);
	memblock_add(64 * MiB, MiB);
	assert_int_equal(memblock.memory.cnt, 2);
	assert_true(memblock_phys_mem_size() == 33 * MiB);
}

static void test_remove_splits(void **state)
{
	(void)state;
	memblock_add(0, 32 * MiB);
	memblock_remove(8 * MiB, MiB);
	assert_int_equal(memblock.memory.cnt, 2);
	assert_true(memblock.memory.regions[1].base == 9 * MiB);
	memblock_remove(0, 4 * MiB);
	assert_true(memblock.memory.regions[0].base == 4 * MiB);
	memblock_remove(30 * MiB, 100 * MiB);
	assert_true(memblock.memory.regions[1].base +
			    memblock.memory.regions[1].size ==
		    30 * MiB);
	memblock_remove(0, ~0ull); /* wraps: clipped, removes all */
	assert_int_equal(memblock.memory.cnt, 0);
}

static void test_alloc_top_down_below_limit(void **state)
{
	phys_addr_t a, b;

	(void)state;
	memblock_reset(64 * MiB);
	memblock_add(0, 128 * MiB);
	memblock_reserve(0, 4096);
	a = memblock_phys_alloc(4096, 4096);
	assert_true(a == 64 * MiB - 4096);
	b = memblock_phys_alloc(2 * MiB, 2 * MiB);
	assert_true(b == 60 * MiB); /* 62 MiB would overlap a */
	assert_true(memblock_is_reserved(a, 1));
	assert_true(memblock_is_reserved(b + MiB, 1));
	assert_false(memblock_is_reserved(b - 4096, 4096));
	assert_true(memblock_reserved_size() == 4096 + 4096 + 2 * MiB);
}

static void test_alloc_skips_reserved_and_fails_cleanly(void **state)
{
	phys_addr_t a;

	(void)state;
	memblock_reset(896 * MiB);
	memblock_add(4096, 3 * 4096);
	memblock_reserve(2 * 4096, 4096);
	a = memblock_phys_alloc(4096, 4096);
	assert_true(a == 3 * 4096);
	a = memblock_phys_alloc(4096, 4096);
	assert_true(a == 4096);
	assert_true(memblock_phys_alloc(4096, 4096) == 0);
	assert_true(memblock_phys_alloc(0, 4096) == 0);
}

static void test_alloc_zeroes_and_panics(void **state)
{
	u8 *p;

	(void)state;
	memblock_add(0, 16 * MiB);
	memblock_reserve(0, 4096);
	memset(__va(16 * MiB - 8192), 0xAA, 8192);
	p = memblock_alloc(8192, 4096, "test");
	assert_true(__pa(p) == 16 * MiB - 8192);
	for (int i = 0; i < 8192; i++)
		assert_int_equal(p[i], 0);
	assert_true(HOST_EXPECT_PANIC(memblock_alloc(32 * MiB, 4096,
						     "a huge table")));
	assert_non_null(strstr(host_panic_msg, "a huge table"));
}

struct collected {
	phys_addr_t start[64], end[64];
	int n;
};

static void collect(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct collected *c = arg;

	c->start[c->n] = start;
	c->end[c->n] = end;
	c->n++;
}

static void test_free_ranges(void **state)
{
	struct collected c = { .n = 0 };

	(void)state;
	memblock_add(0, 10 * MiB);
	memblock_add(20 * MiB, 10 * MiB);
	memblock_reserve(0, MiB);
	memblock_reserve(5 * MiB, MiB);
	memblock_reserve(9 * MiB, 12 * MiB); /* spans the hole */
	memblock_for_each_free_range(collect, &c);
	assert_int_equal(c.n, 3);
	assert_true(c.start[0] == MiB && c.end[0] == 5 * MiB);
	assert_true(c.start[1] == 6 * MiB && c.end[1] == 9 * MiB);
	assert_true(c.start[2] == 21 * MiB && c.end[2] == 30 * MiB);
}

/* Random operations against a bitmap model of 4 KiB pages. */
static void test_random_against_model(void **state)
{
	enum { PAGES = 4096 };
	static u8 mem[PAGES], rsv[PAGES];

	(void)state;
	srand(777);
	for (int round = 0; round < 50; round++) {
		memblock_reset((phys_addr_t)PAGES * 4096);
		memset(mem, 0, sizeof(mem));
		memset(rsv, 0, sizeof(rsv));
		for (int op = 0; op < 60; op++) {
			unsigned int s = rand() % PAGES;
			unsigned int n = 1 + rand() % 64;

			if (s + n > PAGES)
				n = PAGES - s;
			if (rand() % 2) {
				memblock_add((phys_addr_t)s * 4096, n * 4096ull);
				memset(mem + s, 1, n);
			} else {
				memblock_reserve((phys_addr_t)s * 4096,
						 n * 4096ull);
				memset(rsv + s, 1, n);
			}
		}
		for (int op = 0; op < 40; op++) {
			phys_addr_t a = memblock_phys_alloc(4096, 4096);
			unsigned int page = a / 4096;

			if (!a)
				break;
			/* Must be free in the model, and the highest one. */
			assert_true(mem[page] && !rsv[page]);
			for (unsigned int p = page + 1; p < PAGES; p++)
				assert_false(mem[p] && !rsv[p]);
			rsv[page] = 1;
		}
		for (unsigned int i = 1; i < memblock.memory.cnt; i++)
			assert_true(memblock.memory.regions[i - 1].base +
					    memblock.memory.regions[i - 1].size <
				    memblock.memory.regions[i].base);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_add_merges, setup),
		cmocka_unit_test_setup(test_remove_splits, setup),
		cmocka_unit_test_setup(test_alloc_top_down_below_limit, setup),
		cmocka_unit_test_setup(test_alloc_skips_reserved_and_fails_cleanly,
				       setup),
		cmocka_unit_test_setup(test_alloc_zeroes_and_panics, setup),
		cmocka_unit_test_setup(test_free_ranges, setup),
		cmocka_unit_test_setup(test_random_against_model, setup),
	};

	return cmocka_run_group_tests_name("memblock", tests, NULL, NULL);
}
