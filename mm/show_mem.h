/* SPDX-License-Identifier: MIT */
/*
 * The text of the memory files of /proc (mm/show_mem.c): each prints
 * into a seq_file, the /proc file's buffer or the shell's console.
 */
#ifndef MM_SHOW_MEM_H
#define MM_SHOW_MEM_H

struct seq_file;

/**
 * meminfo_show - /proc/meminfo: the memory totals, in Linux's fields
 * @m: where the text goes
 *
 * Context: thread (takes slab_mutex and tasklist_lock); a snapshot.
 * Return: 0.
 */
int meminfo_show(struct seq_file *m);

/**
 * zoneinfo_show - /proc/zoneinfo: each zone's free pages, watermarks,
 * sizes, lowmem_reserve, counters and per-CPU lists
 * @m: where the text goes
 *
 * Context: thread; a snapshot (no zone lock is held).
 * Return: 0.
 */
int zoneinfo_show(struct seq_file *m);

/**
 * buddyinfo_show - /proc/buddyinfo: free blocks per order, per zone
 * @m: where the text goes
 *
 * Context: thread; a snapshot. Return: 0.
 */
int buddyinfo_show(struct seq_file *m);

#endif /* MM_SHOW_MEM_H */
