// SPDX-License-Identifier: MIT
/* Host tests of kernel/lib/rbtree.c against its invariants. */
#include "host.h"
#include "kernel/lib/rbtree.h"

#include <stdlib.h>
#include <string.h>

struct item {
	int key;
	bool in_tree;
	struct rb_node node;
};

static void insert(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = it->key < rb_entry(parent, struct item, node)->key ?
			       &parent->rb_left :
			       &parent->rb_right;
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color(&it->node, root);
	it->in_tree = true;
}

/* Returns the black height; fails the test on any broken rule. */
static int check(const struct rb_node *n, const struct rb_node *parent,
		 int lo, int hi, int *count)
{
	int l, r, key;

	if (!n)
		return 1;
	key = rb_entry(n, struct item, node)->key;
	assert_ptr_equal(n->rb_parent, parent);
	assert_true(key >= lo && key <= hi);
	if (n->rb_red) {
		assert_false(n->rb_left && n->rb_left->rb_red);
		assert_false(n->rb_right && n->rb_right->rb_red);
	}
	(*count)++;
	l = check(n->rb_left, n, lo, key, count);
	r = check(n->rb_right, n, key, hi, count);
	assert_int_equal(l, r);
	return l + !n->rb_red;
}

static void verify(struct rb_root *root, int expected)
{
	int count = 0, prev = -1, walked = 0;

	assert_false(root->rb_node && root->rb_node->rb_red);
	check(root->rb_node, NULL, -1, 1 << 30, &count);
	assert_int_equal(count, expected);
	for (struct rb_node *n = rb_first(root); n; n = rb_next(n)) {
		int key = rb_entry(n, struct item, node)->key;

		assert_true(key >= prev);
		prev = key;
		walked++;
	}
	assert_int_equal(walked, expected);
}

static void test_random_insert_erase(void **state)
{
	enum { N = 3000 };
	static struct item items[N];
	struct rb_root root = RB_ROOT;
	int in = 0;

	(void)state;
	srand(4242);
	for (int i = 0; i < N; i++)
		items[i].key = rand() % 100000;
	for (int op = 0; op < 40000; op++) {
		struct item *it = &items[rand() % N];

		if (it->in_tree) {
			rb_erase(&it->node, &root);
			it->in_tree = false;
			in--;
		} else {
			insert(&root, it);
			in++;
		}
		if (op % 997 == 0)
			verify(&root, in);
	}
	verify(&root, in);
}

static void test_sorted_input_stays_shallow(void **state)
{
	enum { N = 4096 };
	static struct item items[N];
	struct rb_root root = RB_ROOT;
	int depth = 0;

	(void)state;
	for (int i = 0; i < N; i++) {
		items[i].key = i;
		insert(&root, &items[i]);
	}
	verify(&root, N);
	for (struct rb_node *n = &items[0].node; n; n = n->rb_parent)
		depth++;
	assert_true(depth <= 2 * 13); /* 2 log2(n + 1) */
	for (int i = 0; i < N; i += 2)
		rb_erase(&items[i].node, &root);
	verify(&root, N / 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_insert_erase),
		cmocka_unit_test(test_sorted_input_stays_shallow),
	};

	return cmocka_run_group_tests_name("rbtree", tests, NULL, NULL);
}
