// SPDX-License-Identifier: MIT
/* Host tests of kernel/radix_tree.c against a plain array. */
#include "host.h"
#include "kernel/lib/errno.h"
#include "kernel/radix_tree.h"
#include "mm/slab.h"

#include <stdlib.h>

#define N 20000

static void *item(unsigned long i)
{
	return (void *)(i * 4 + 4);
}

static void empty_tree(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	unsigned long idx = 0;

	(void)state;
	assert_null(radix_tree_lookup(&root, 0));
	assert_null(radix_tree_delete(&root, 7));
	assert_null(radix_tree_next(&root, &idx));
}

static void insert_lookup_delete_match_an_array(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	static bool present[N];
	unsigned long idx;
	unsigned int seen = 0, want = 0;

	(void)state;
	srand(1);
	for (int round = 0; round < 4 * N; round++) {
		unsigned long i = (unsigned long)rand() % N;

		if (present[i]) {
			assert_ptr_equal(radix_tree_delete(&root, i), item(i));
			present[i] = false;
		} else {
			assert_int_equal(radix_tree_insert(&root, i, item(i),
							   GFP_KERNEL), 0);
			present[i] = true;
		}
	}
	for (unsigned long i = 0; i < N; i++) {
		assert_ptr_equal(radix_tree_lookup(&root, i),
				 present[i] ? item(i) : NULL);
		want += present[i];
	}
	/* radix_tree_next visits exactly the present indices, in order. */
	idx = 0;
	for (void *p; (p = radix_tree_next(&root, &idx)); idx++) {
		assert_true(idx < N && present[idx]);
		assert_ptr_equal(p, item(idx));
		seen++;
	}
	assert_int_equal(seen, want);
	for (unsigned long i = 0; i < N; i++)
		if (present[i])
			assert_ptr_equal(radix_tree_delete(&root, i), item(i));
	assert_int_equal(root.height, 0);
	assert_null(root.node);
}

static void large_and_duplicate_indices(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	unsigned long big = ~0ul, idx = 64;

	(void)state;
	assert_int_equal(radix_tree_insert(&root, 3, item(3), GFP_KERNEL), 0);
	assert_int_equal(radix_tree_insert(&root, 3, item(4), GFP_KERNEL),
			 -EEXIST);
	assert_int_equal(radix_tree_insert(&root, big, item(5), GFP_KERNEL), 0);
	assert_int_equal(radix_tree_insert(&root, 130, item(6), GFP_KERNEL), 0);
	assert_ptr_equal(radix_tree_lookup(&root, big), item(5));
	assert_ptr_equal(radix_tree_lookup(&root, 3), item(3));
	/* From 64: 130 is next (the slot-boundary step), then ~0. */
	assert_ptr_equal(radix_tree_next(&root, &idx), item(6));
	assert_int_equal(idx, 130);
	idx = 131;
	assert_ptr_equal(radix_tree_next(&root, &idx), item(5));
	assert_true(idx == big);
	assert_ptr_equal(radix_tree_delete(&root, big), item(5));
	assert_ptr_equal(radix_tree_delete(&root, 3), item(3));
	assert_ptr_equal(radix_tree_delete(&root, 130), item(6));
	assert_null(root.node);
}

static int setup(void **state)
{
	static const struct ram machine[] = { { 1ull << 20, 512ull << 20 } };

	(void)state;
	host_phys_mem_init(1ull << 30);
	host_boot_machine(machine, 1, 0);
	kmem_cache_init();
	return 0;
}

/* A tree freed whole: nodes and all, items left to their owner. */
static void free_whole_tree(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;

	(void)state;
	for (unsigned long i = 0; i < 5000; i += 7)
		assert_int_equal(radix_tree_insert(&root, i, item(i), GFP_KERNEL), 0);
	radix_tree_free(&root);
	assert_null(root.node);
	assert_int_equal(root.height, 0);
	assert_null(radix_tree_lookup(&root, 7));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_tree),
		cmocka_unit_test(insert_lookup_delete_match_an_array),
		cmocka_unit_test(large_and_duplicate_indices),
		cmocka_unit_test(free_whole_tree),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
