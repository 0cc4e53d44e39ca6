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

/**
 * rb_link_node - put @node, red, at the empty place the search found
 * @node: the node to insert
 * @parent: the last node the search visited, or NULL for an empty tree
 * @link: the NULL child pointer of @parent (or the root) to fill in
 *
 * The tree may be unbalanced until rb_insert_color() runs.
 * Context: any; the caller holds the tree's lock.
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->rb_parent = parent;
	node->rb_left = node->rb_right = NULL;
	node->rb_red = true;
	*link = node;
}

/**
 * rb_insert_color - rebalance the tree after rb_link_node
 * @node: the node just linked
 * @root: the tree
 *
 * Context: any, never sleeps; the caller holds the tree's lock.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root);

/**
 * rb_erase - remove @node from the tree and rebalance
 * @node: a node in the tree
 * @root: the tree
 *
 * Context: any, never sleeps; the caller holds the tree's lock.
 */
void rb_erase(struct rb_node *node, struct rb_root *root);

/**
 * rb_first - the smallest node: where an in-order walk starts
 * @root: the tree
 *
 * Context: any; the caller holds the tree's lock.
 * Return: the leftmost node, or NULL if the tree is empty.
 */
struct rb_node *rb_first(const struct rb_root *root);

/**
 * rb_next - the node after @node in order
 * @node: a node in the tree
 *
 * Context: any; the caller holds the tree's lock.
 * Return: the next node, or NULL if @node is the last.
 */
struct rb_node *rb_next(const struct rb_node *node);

#endif /* KERNEL_RBTREE_H */
