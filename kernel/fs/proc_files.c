// SPDX-License-Identifier: MIT
/*
 * The files of /proc and the functions that print them
 * (kernel/fs/proc_files.h): procfs lists these tables, the shell's
 * `proc NAME [PID]` prints any of them to the console.
 */
#include "highmem/highmem.h"
#include "kernel/fs/fs.h"
#include "kernel/fs/proc_files.h"
#include "kernel/irq.h"
#include "kernel/lib/errno.h"
#include "kernel/seq_file.h"
#include "kernel/lib/string.h"
#include "kernel/sched.h"
#include "mm/show_mem.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"
#include "mm/vmstat.h"
#include <asm/cpuinfo.h>

#define PROC_FILE_MODE (S_IFREG | 0444)

const struct proc_entry proc_root_entries[] = {
	{ "buddyinfo", PROC_FILE_MODE, buddyinfo_show },
	{ "cpuinfo", PROC_FILE_MODE, cpuinfo_show },
	{ "interrupts", PROC_FILE_MODE, interrupts_show },
	{ "loadavg", PROC_FILE_MODE, loadavg_show },
	{ "meminfo", PROC_FILE_MODE, meminfo_show },
	{ "mounts", PROC_FILE_MODE, mounts_show },
	{ "pkmapinfo", PROC_FILE_MODE, pkmapinfo_show },
	{ "slabinfo", PROC_FILE_MODE, slabinfo_show },
	{ "stat", PROC_FILE_MODE, stat_show },
	{ "uptime", PROC_FILE_MODE, uptime_show },
	{ "version", PROC_FILE_MODE, version_show },
	{ "vmallocinfo", PROC_FILE_MODE, vmallocinfo_show },
	{ "vmstat", PROC_FILE_MODE, vmstat_show },
	{ "zoneinfo", PROC_FILE_MODE, zoneinfo_show },
};
const unsigned int proc_root_entries_count = ARRAY_SIZE(proc_root_entries);

const struct proc_pid_entry proc_pid_entries[] = {
	{ "cmdline", PROC_FILE_MODE, proc_pid_cmdline_show },
	{ "maps", PROC_FILE_MODE, proc_pid_maps_show },
	{ "stat", PROC_FILE_MODE, proc_pid_stat_show },
	{ "status", PROC_FILE_MODE, proc_pid_status_show },
};
const unsigned int proc_pid_entries_count = ARRAY_SIZE(proc_pid_entries);

const struct proc_entry *proc_root_entry_find(const char *name)
{
	for (unsigned int i = 0; i < proc_root_entries_count; i++)
		if (!strcmp(proc_root_entries[i].name, name))
			return &proc_root_entries[i];
	return NULL;
}

const struct proc_pid_entry *proc_pid_entry_find(const char *name)
{
	for (unsigned int i = 0; i < proc_pid_entries_count; i++)
		if (!strcmp(proc_pid_entries[i].name, name))
			return &proc_pid_entries[i];
	return NULL;
}

static int run_root_show(struct seq_file *m, void *arg)
{
	const struct proc_entry *e = arg;

	return e->show(m);
}

int proc_entry_fill(struct seq_file *m, const struct proc_entry *e)
{
	return seq_fill(m, run_root_show, (void *)e);
}

struct pid_show_call {
	const struct proc_pid_entry *e;
	struct task_struct *task;
	int pid;
};

/*
 * A slot reaped and given to a new thread since the lookup has another
 * pid (pids are not reused): -ESRCH then, as for an exited pid.
 */
static int run_pid_show(struct seq_file *m, void *arg)
{
	const struct pid_show_call *c = arg;

	if (READ_ONCE(c->task->pid) != c->pid ||
	    READ_ONCE(c->task->state) == TASK_UNUSED)
		return -ESRCH;
	return c->e->show(m, c->task);
}

int proc_pid_entry_fill(struct seq_file *m, const struct proc_pid_entry *e,
			int pid)
{
	struct pid_show_call c = { e, find_task_by_pid(pid), pid };

	if (!c.task)
		return -ESRCH;
	return seq_fill(m, run_pid_show, &c);
}
