/* SPDX-License-Identifier: MIT */
/*
 * What the files of /proc print: a table procfs mounts, and the show
 * functions behind it. Each show function prints a file's whole text
 * into a struct seq_file (kernel/seq_file.h); procfs fills a buffer
 * seq_file with seq_fill() on open or read, and the shell's commands
 * print the same functions to the console (seq_console()).
 *
 *     struct seq_file m;
 *
 *     seq_buf_init(&m, SEQ_DEFAULT_MAX);
 *     err = proc_entry_fill(&m, &proc_root_entries[i]);
 *     ... copy m.buf[0 .. m.count) to the reader ...
 *     seq_release(&m);
 *
 * Per-process files (/proc/PID/...) take the task: proc_pid_entry_fill()
 * looks the pid up, and the show functions take what they print of the
 * task under tasklist_lock and its memory through a reference
 * (get_task_mm): a process that exits meanwhile is printed as it was, or
 * as a zombie; a pid no longer in use gives -ESRCH.
 */
#ifndef KERNEL_FS_PROC_FILES_H
#define KERNEL_FS_PROC_FILES_H

#include "kernel/lib/types.h"

struct seq_file;
struct task_struct;

/* A file in /proc itself: /proc/meminfo, /proc/stat, ... */
struct proc_entry {
	const char *name;
	u16 mode; /* S_IFREG | 0444 */
	int (*show)(struct seq_file *m);
};

/* A file in each /proc/PID: stat, status, cmdline, maps. */
struct proc_pid_entry {
	const char *name;
	u16 mode;
	int (*show)(struct seq_file *m, struct task_struct *task);
};

extern const struct proc_entry proc_root_entries[];
extern const unsigned int proc_root_entries_count;
extern const struct proc_pid_entry proc_pid_entries[];
extern const unsigned int proc_pid_entries_count;

/**
 * proc_root_entry_find - the /proc file called @name
 * @name: a file name, without "/proc/"
 *
 * Context: any. Return: its entry, or NULL.
 */
const struct proc_entry *proc_root_entry_find(const char *name);

/**
 * proc_pid_entry_find - the /proc/PID file called @name
 * @name: a file name, without "/proc/PID/"
 *
 * Context: any. Return: its entry, or NULL.
 */
const struct proc_pid_entry *proc_pid_entry_find(const char *name);

/**
 * proc_entry_fill - the text of the /proc file @e, into @m
 * @m: a buffer seq_file (seq_buf_init), or seq_console()
 * @e: the file
 *
 * Context: thread; may sleep.
 * Return: 0, or a negative errno (seq_fill's, or the show function's).
 */
int proc_entry_fill(struct seq_file *m, const struct proc_entry *e);

/**
 * proc_pid_entry_fill - the text of /proc/@pid/@e, into @m
 * @m: a buffer seq_file, or seq_console()
 * @e: the file
 * @pid: the process (or thread: kernel threads have the files too)
 *
 * Context: thread; may sleep.
 * Return: 0, -ESRCH if no thread has @pid, or another negative errno.
 */
int proc_pid_entry_fill(struct seq_file *m, const struct proc_pid_entry *e,
			int pid);

/* ---- the show functions of kernel/fs/ (the others are in mm/, ...) ---- */

/**
 * uptime_show - /proc/uptime: "secs.cc idle.cc", idle summed over CPUs
 * @m: where the text goes
 *
 * Context: any. Return: 0.
 */
int uptime_show(struct seq_file *m);

/**
 * loadavg_show - /proc/loadavg: "0.00 0.00 0.00 running/threads lastpid"
 * @m: where the text goes
 *
 * The averages are not computed and read 0.00; the rest is exact.
 * Context: any. Return: 0.
 */
int loadavg_show(struct seq_file *m);

/**
 * stat_show - /proc/stat: cpu lines in USER_HZ ticks, intr, ctxt, btime,
 * processes, procs_running, procs_blocked, softirq
 * @m: where the text goes
 *
 * Context: any; a racy snapshot. Return: 0.
 */
int stat_show(struct seq_file *m);

/**
 * version_show - /proc/version: "Linux version RELEASE (...) ..."
 * @m: where the text goes
 *
 * Context: any. Return: 0.
 */
int version_show(struct seq_file *m);

/**
 * proc_pid_stat_show - /proc/PID/stat: Linux's 52 fields on one line
 * @m: where the text goes
 * @task: the thread
 *
 * Context: thread; may sleep. Return: 0, or -ESRCH (the slot is free).
 */
int proc_pid_stat_show(struct seq_file *m, struct task_struct *task);

/**
 * proc_pid_status_show - /proc/PID/status: Name, State, ids, memory
 * sizes, signal masks, as Linux's "Field:\tvalue" lines
 * @m: where the text goes
 * @task: the thread
 *
 * Context: thread; may sleep. Return: 0, or -ESRCH.
 */
int proc_pid_status_show(struct seq_file *m, struct task_struct *task);

/**
 * proc_pid_cmdline_show - /proc/PID/cmdline: argv, each string NUL-ended
 * @m: where the text goes
 * @task: the thread; a kernel thread's and a zombie's are empty
 *
 * Read from the process's own memory (access_remote_vm), so it shows
 * what the process made of its arguments since.
 * Context: thread; may sleep. Return: 0, or -ESRCH.
 */
int proc_pid_cmdline_show(struct seq_file *m, struct task_struct *task);

/**
 * proc_pid_maps_show - /proc/PID/maps: the VMAs (show_maps)
 * @m: where the text goes
 * @task: the thread; a kernel thread's and a zombie's are empty
 *
 * Context: thread; takes mmap_lock. Return: 0, or -ESRCH.
 */
int proc_pid_maps_show(struct seq_file *m, struct task_struct *task);

/**
 * mounts_show - /proc/mounts: the root ramfs and /proc, in fstab's format
 * @m: the seq_file
 *
 * Context: thread. Return: 0.
 */
int mounts_show(struct seq_file *m);

#endif /* KERNEL_FS_PROC_FILES_H */
