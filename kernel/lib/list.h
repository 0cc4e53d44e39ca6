/* SPDX-License-Identifier: MIT */
/*
 * Circular doubly linked lists with a sentinel head, as in Linux: the
 * links live inside the listed object and container_of() finds it again.
 */
#ifndef KERNEL_LIST_H
#define KERNEL_LIST_H

#include "kernel/lib/compiler.h"

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

/**
 * INIT_LIST_HEAD - make @head an empty list (or an entry that is on none)
 * @head: the list head or entry
 *
 * Context: any; the caller serialises access to the list.
 */
static inline void INIT_LIST_HEAD(struct list_head *head)
{
	head->next = head;
	head->prev = head;
}

static inline void __list_add(struct list_head *entry, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = entry;
	entry->next = next;
	entry->prev = prev;
	prev->next = entry;
}

/**
 * list_add - insert @entry right after @head (stack order)
 * @entry: the entry to insert; not on any list
 * @head: the list head, or an entry to insert after
 *
 * Context: any; the caller holds the lock that guards the list.
 */
static inline void list_add(struct list_head *entry, struct list_head *head)
{
	__list_add(entry, head, head->next);
}

/**
 * list_add_tail - insert @entry right before @head, i.e. at the tail
 * @entry: the entry to insert; not on any list
 * @head: the list head
 *
 * Queue order: entries come out in the order they went in.
 * Context: any; the caller holds the lock that guards the list.
 */
static inline void list_add_tail(struct list_head *entry,
				 struct list_head *head)
{
	__list_add(entry, head->prev, head);
}

/* Unlink @entry, leaving its own pointers as they were (hot paths). */
static inline void __list_del_entry(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
}

/**
 * list_del - unlink @entry from its list
 * @entry: an entry on a list
 *
 * Its own pointers are set to NULL, so a use after the unlink faults
 * instead of corrupting the list; list_empty(@entry) is not valid after.
 * Context: any; the caller holds the lock that guards the list.
 */
static inline void list_del(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
	entry->next = NULL;
	entry->prev = NULL;
}

/**
 * list_del_init - unlink @entry and make it an empty list of its own
 * @entry: an entry on a list
 *
 * Unlike list_del, list_empty(@entry) is true afterwards, so callers can
 * test whether an entry is queued.
 * Context: any; the caller holds the lock that guards the list.
 */
static inline void list_del_init(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
	INIT_LIST_HEAD(entry);
}

/**
 * list_move - move @entry from its list to right after @head
 * @entry: an entry on a list
 * @head: the list to put it at the front of
 *
 * Context: any; the caller holds the locks of both lists.
 */
static inline void list_move(struct list_head *entry, struct list_head *head)
{
	list_del(entry);
	list_add(entry, head);
}

/**
 * list_move_tail - move @entry from its list to the tail of @head
 * @entry: an entry on a list
 * @head: the list to put it at the end of
 *
 * Context: any; the caller holds the locks of both lists.
 */
static inline void list_move_tail(struct list_head *entry,
				  struct list_head *head)
{
	list_del(entry);
	list_add_tail(entry, head);
}

/**
 * list_empty - is the list @head empty?
 * @head: the list head (or an entry after list_del_init)
 *
 * Context: any; without the list's lock the answer is a snapshot.
 * Return: true if @head has no entries.
 */
static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

/**
 * list_splice_init - move every entry of @list to the front of @head
 * @list: the entries to move; empty afterwards
 * @head: where they go
 *
 * Context: any; the caller holds the locks of both lists.
 */
static inline void list_splice_init(struct list_head *list,
				    struct list_head *head)
{
	struct list_head *first = list->next, *last = list->prev;

	if (list_empty(list))
		return;
	first->prev = head;
	last->next = head->next;
	head->next->prev = last;
	head->next = first;
	INIT_LIST_HEAD(list);
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) \
	list_entry((head)->next, type, member)
#define list_last_entry(head, type, member) \
	list_entry((head)->prev, type, member)

#define list_for_each(pos, head) \
	for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)

#define list_for_each_entry(pos, head, member)                              \
	for ((pos) = list_entry((head)->next, __typeof__(*(pos)), member); \
	     &(pos)->member != (head);                                      \
	     (pos) = list_entry((pos)->member.next, __typeof__(*(pos)), member))

#define list_for_each_entry_reverse(pos, head, member)                      \
	for ((pos) = list_entry((head)->prev, __typeof__(*(pos)), member); \
	     &(pos)->member != (head);                                      \
	     (pos) = list_entry((pos)->member.prev, __typeof__(*(pos)), member))

#define list_for_each_entry_safe(pos, n, head, member)                         \
	for ((pos) = list_entry((head)->next, __typeof__(*(pos)), member),    \
	    (n) = list_entry((pos)->member.next, __typeof__(*(pos)), member);  \
	     &(pos)->member != (head);                                         \
	     (pos) = (n),                                                      \
	    (n) = list_entry((n)->member.next, __typeof__(*(n)), member))

#endif /* KERNEL_LIST_H */
