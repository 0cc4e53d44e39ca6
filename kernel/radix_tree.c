// SPDX-License-Identifier: MIT
/*
 * The radix tree of kernel/radix_tree.h. Level h (counted from the
 * leaves, starting at 1) resolves bits [6(h-1), 6h) of the index.
 */
#include "kernel/lib/errno.h"
#include "kernel/radix_tree.h"
#include "mm/slab.h"

#define BITS_PER_ULONG (8 * sizeof(unsigned long))

/* The largest index a tree of @height can hold. */
static unsigned long max_index(unsigned int height)
{
	unsigned int bits = height * RADIX_TREE_MAP_SHIFT;

	return bits >= BITS_PER_ULONG ? ~0ul : (1ul << bits) - 1;
}

static unsigned int slot_of(unsigned long index, unsigned int level)
{
	unsigned int shift = (level - 1) * RADIX_TREE_MAP_SHIFT;

	return shift >= BITS_PER_ULONG ? 0 :
	       (unsigned int)((index >> shift) & RADIX_TREE_MAP_MASK);
}

void *radix_tree_lookup(const struct radix_tree_root *root,
			unsigned long index)
{
	struct radix_tree_node *node = root->node;

	if (!root->height || index > max_index(root->height))
		return NULL;
	for (unsigned int level = root->height; level > 1 && node; level--)
		node = node->slots[slot_of(index, level)];
	return node ? node->slots[slot_of(index, 1)] : NULL;
}

/* Grow until @index fits: each new root holds the old one in slot 0. */
static int extend(struct radix_tree_root *root, unsigned long index, gfp_t gfp)
{
	while (!root->height || index > max_index(root->height)) {
		struct radix_tree_node *node = kzalloc(sizeof(*node), gfp);

		if (!node)
			return -ENOMEM;
		if (root->node) {
			node->slots[0] = root->node;
			node->count = 1;
		}
		root->node = node;
		root->height++;
	}
	return 0;
}

int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item, gfp_t gfp)
{
	struct radix_tree_node *node;
	int err = extend(root, index, gfp);

	if (err)
		return err;
	node = root->node;
	for (unsigned int level = root->height; level > 1; level--) {
		void **slot = &node->slots[slot_of(index, level)];

		if (!*slot) {
			*slot = kzalloc(sizeof(*node), gfp);
			if (!*slot)
				return -ENOMEM;
			node->count++;
		}
		node = *slot;
	}
	if (node->slots[slot_of(index, 1)])
		return -EEXIST;
	node->slots[slot_of(index, 1)] = item;
	node->count++;
	return 0;
}

/*
 * Delete below @node (at @level); true if @node is empty afterwards
 * (the caller frees it). *@item receives what was there.
 */
static bool delete_below(struct radix_tree_node *node, unsigned int level,
			 unsigned long index, void **item)
{
	void **slot = &node->slots[slot_of(index, level)];

	if (!*slot)
		return false;
	if (level == 1) {
		*item = *slot;
	} else {
		if (!delete_below(*slot, level - 1, index, item))
			return false;
		kfree(*slot);
	}
	*slot = NULL;
	return --node->count == 0;
}

void *radix_tree_delete(struct radix_tree_root *root, unsigned long index)
{
	void *item = NULL;

	if (!root->height || index > max_index(root->height))
		return NULL;
	if (delete_below(root->node, root->height, index, &item)) {
		kfree(root->node);
		root->node = NULL;
		root->height = 0;
	}
	return item;
}

/*
 * The first item at or after *@index below @node, which is at @level;
 * *@index moves on to the start of each slot tried after the first.
 */
static void *next_below(const struct radix_tree_node *node,
			unsigned int level, unsigned long *index)
{
	unsigned long span = 1ul << ((level - 1) * RADIX_TREE_MAP_SHIFT);
	/* The node's first index (0 at the top, where span * 64 wraps). */
	unsigned long base = *index & ~(span * RADIX_TREE_MAP_SIZE - 1);
	unsigned int first = slot_of(*index, level);

	for (unsigned int i = first; i < RADIX_TREE_MAP_SIZE; i++) {
		const void *slot = node->slots[i];
		void *found;

		if (i > first) {
			unsigned long start = base + i * span;

			if (start < base)
				return NULL; /* past the largest index */
			*index = start;
		}
		if (!slot)
			continue;
		if (level == 1)
			return (void *)slot;
		found = next_below(slot, level - 1, index);
		if (found)
			return found;
	}
	return NULL;
}

void *radix_tree_next(const struct radix_tree_root *root,
		      unsigned long *index)
{
	if (!root->height || *index > max_index(root->height))
		return NULL;
	return next_below(root->node, root->height, index);
}

static void free_below(struct radix_tree_node *node, unsigned int level)
{
	if (level > 1)
		for (unsigned int i = 0; i < RADIX_TREE_MAP_SIZE; i++)
			if (node->slots[i])
				free_below(node->slots[i], level - 1);
	kfree(node);
}

void radix_tree_free(struct radix_tree_root *root)
{
	if (root->node)
		free_below(root->node, root->height);
	root->node = NULL;
	root->height = 0;
}
