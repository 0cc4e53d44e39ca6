// SPDX-License-Identifier: MIT
/*
 * Red-black tree balancing, after the textbook algorithm (Cormen et al.,
 * chapter 13): every node is red or black, the root is black, a red node
 * has black children, and every path from a node down to a leaf has the
 * same number of black nodes. That keeps the height below 2 log2(n + 1).
 * NULL children count as black leaves.
 */
#include "kernel/lib/rbtree.h"

static bool is_red(const struct rb_node *n)
{
	return n && n->rb_red;
}

/* Put @new where @old was, as seen from @old's parent. */
static void replace_child(struct rb_root *root, struct rb_node *old,
			  struct rb_node *new)
{
	struct rb_node *parent = old->rb_parent;

	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
	if (new)
		new->rb_parent = parent;
}

/*
 *     x                y
 *    / \              / \
 *   a   y    ==>     x   c
 *      / \          / \
 *     b   c        a   b
 */
static void rotate_left(struct rb_root *root, struct rb_node *x)
{
	struct rb_node *y = x->rb_right;

	x->rb_right = y->rb_left;
	if (y->rb_left)
		y->rb_left->rb_parent = x;
	replace_child(root, x, y);
	y->rb_left = x;
	x->rb_parent = y;
}

static void rotate_right(struct rb_root *root, struct rb_node *x)
{
	struct rb_node *y = x->rb_left;

	x->rb_left = y->rb_right;
	if (y->rb_right)
		y->rb_right->rb_parent = x;
	replace_child(root, x, y);
	y->rb_right = x;
	x->rb_parent = y;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	/* A red node with a red parent: fix upwards. */
	while (is_red(node->rb_parent)) {
		struct rb_node *parent = node->rb_parent;
		struct rb_node *gparent = parent->rb_parent;
		bool parent_is_left = gparent->rb_left == parent;
		struct rb_node *uncle = parent_is_left ? gparent->rb_right :
							 gparent->rb_left;

		if (is_red(uncle)) {
			/* Recolour and move the problem two levels up. */
			parent->rb_red = false;
			uncle->rb_red = false;
			gparent->rb_red = true;
			node = gparent;
			continue;
		}
		/* Make node an outer grandchild, then rotate the grandparent. */
		if (parent_is_left && node == parent->rb_right) {
			rotate_left(root, parent);
			node = parent;
			parent = node->rb_parent;
		} else if (!parent_is_left && node == parent->rb_left) {
			rotate_right(root, parent);
			node = parent;
			parent = node->rb_parent;
		}
		parent->rb_red = false;
		gparent->rb_red = true;
		if (parent_is_left)
			rotate_right(root, gparent);
		else
			rotate_left(root, gparent);
	}
	root->rb_node->rb_red = false;
}

/*
 * After removing a black node, @node (possibly NULL, child of @parent)
 * is one black short: borrow from the sibling's side or push the
 * shortage upwards.
 */
static void erase_fixup(struct rb_root *root, struct rb_node *node,
			struct rb_node *parent)
{
	while (node != root->rb_node && !is_red(node)) {
		bool node_is_left = parent->rb_left == node;
		struct rb_node *sib = node_is_left ? parent->rb_right :
						     parent->rb_left;

		if (is_red(sib)) {
			sib->rb_red = false;
			parent->rb_red = true;
			if (node_is_left)
				rotate_left(root, parent);
			else
				rotate_right(root, parent);
			sib = node_is_left ? parent->rb_right : parent->rb_left;
		}
		if (!is_red(sib->rb_left) && !is_red(sib->rb_right)) {
			sib->rb_red = true;
			node = parent;
			parent = node->rb_parent;
			continue;
		}
		if (node_is_left && !is_red(sib->rb_right)) {
			sib->rb_left->rb_red = false;
			sib->rb_red = true;
			rotate_right(root, sib);
			sib = parent->rb_right;
		} else if (!node_is_left && !is_red(sib->rb_left)) {
			sib->rb_right->rb_red = false;
			sib->rb_red = true;
			rotate_left(root, sib);
			sib = parent->rb_left;
		}
		sib->rb_red = parent->rb_red;
		parent->rb_red = false;
		if (node_is_left) {
			sib->rb_right->rb_red = false;
			rotate_left(root, parent);
		} else {
			sib->rb_left->rb_red = false;
			rotate_right(root, parent);
		}
		node = root->rb_node;
		break;
	}
	if (node)
		node->rb_red = false;
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *child, *parent;
	bool removed_red;

	if (node->rb_left && node->rb_right) {
		/* Two children: the in-order successor takes node's place. */
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;
		removed_red = succ->rb_red;
		child = succ->rb_right;
		if (succ->rb_parent == node) {
			parent = succ;
		} else {
			parent = succ->rb_parent;
			replace_child(root, succ, child);
			succ->rb_right = node->rb_right;
			succ->rb_right->rb_parent = succ;
		}
		replace_child(root, node, succ);
		succ->rb_left = node->rb_left;
		succ->rb_left->rb_parent = succ;
		succ->rb_red = node->rb_red;
	} else {
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = node->rb_parent;
		removed_red = node->rb_red;
		replace_child(root, node, child);
	}
	if (!removed_red)
		erase_fixup(root, child, parent);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = node->rb_parent) && node == parent->rb_right)
		node = parent;
	return parent;
}
