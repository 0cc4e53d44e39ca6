/* SPDX-License-Identifier: MIT */
/*
 * A radix tree: a sparse array of pointers indexed by an unsigned long,
 * as Linux's page cache has used it to find a file's page by its index.
 *
 * Each node holds 64 slots and resolves 6 bits of the index; a tree of
 * height h covers indices below 2^(6h), and grows by a new root above
 * the old one when a larger index arrives. A 64 MiB file (16384 pages)
 * needs height 3; a lookup is h loads.
 *
 * The tree takes no lock: its owner serialises every call (the page
 * cache uses the inode's i_pages_lock). Nodes come from kmalloc.
 */
#ifndef KERNEL_RADIX_TREE_H
#define KERNEL_RADIX_TREE_H

#include "kernel/lib/types.h"
#include "mm/gfp.h"

#define RADIX_TREE_MAP_SHIFT 6
#define RADIX_TREE_MAP_SIZE (1ul << RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_MAP_MASK (RADIX_TREE_MAP_SIZE - 1)

struct radix_tree_node {
	unsigned int count; /* slots in use */
	void *slots[RADIX_TREE_MAP_SIZE];
};

struct radix_tree_root {
	unsigned int height; /* 0: empty */
	struct radix_tree_node *node;
};

#define RADIX_TREE_INIT { 0, NULL }

/**
 * radix_tree_lookup - the item at @index
 * @root: the tree
 * @index: the index
 *
 * Context: the owner's lock. Return: the item, or NULL.
 */
void *radix_tree_lookup(const struct radix_tree_root *root,
			unsigned long index);

/**
 * radix_tree_insert - put @item at @index
 * @root: the tree
 * @index: the index
 * @item: a non-NULL pointer
 * @gfp: for new nodes (GFP_ATOMIC under a spinlock)
 *
 * Context: the owner's lock. Return: 0, -EEXIST (the slot is taken) or
 * -ENOMEM (nothing changed but perhaps a taller, still valid, tree).
 */
int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item, gfp_t gfp);

/**
 * radix_tree_delete - take the item at @index out of the tree
 * @root: the tree
 * @index: the index
 *
 * Nodes left empty are freed.
 * Context: the owner's lock. Return: the item, or NULL if there was none.
 */
void *radix_tree_delete(struct radix_tree_root *root, unsigned long index);

/**
 * radix_tree_next - the first item at an index >= *@index
 * @root: the tree
 * @index: where to start; receives the item's index
 *
 * Context: the owner's lock. Return: the item, or NULL if none is left.
 */
void *radix_tree_next(const struct radix_tree_root *root,
		      unsigned long *index);

/**
 * radix_tree_free - free every node of the tree (not the items)
 * @root: the tree; empty afterwards
 *
 * For the tree's owner when it dies: an insert that failed for memory
 * part-way may have left empty nodes that no delete reaches.
 * Context: the owner's lock, or nobody else can reach the tree.
 */
void radix_tree_free(struct radix_tree_root *root);

#endif /* KERNEL_RADIX_TREE_H */
