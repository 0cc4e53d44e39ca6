/* SPDX-License-Identifier: MIT */
/*
 * Red-black trees, intrusive like the lists: a struct rb_node sits in
 * the object, and the caller does the search (it knows the key):
 *
 *     struct rb_node **link = &root->rb_node, *parent = NULL;
 *     while (*link) { parent = *link; link = key < key_of(parent) ?
 *                     &parent->rb_left : &parent->rb_right; }
 *     rb_link_node(&obj->node, parent, link);
 *     rb_insert_color(&obj->node, root);
 *
 * Insert and erase rebalance in O(log n); lookups are plain binary
 * search. Used by vmalloc to find an area from an address.
 */
#ifndef KERNEL_RBTREE_H
#define KERNEL_RBTREE_H

#include "kernel/lib/compiler.h"

struct rb_node {
	struct rb_node *rb_parent;
	struct rb_node *rb_left;
	struct rb_node *rb_right;
	bool rb_red;
};

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT { NULL }
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->rb_parent = parent;
	node->rb_left = node->rb_right = NULL;
	node->rb_red = true;
	*link = node;
}

/* Rebalance after rb_link_node. Context: the caller holds the tree's lock. */
void rb_insert_color(struct rb_node *node, struct rb_root *root);

/* Remove @node and rebalance. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order walk: the smallest node, and the one after @node. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);

#endif /* KERNEL_RBTREE_H */
