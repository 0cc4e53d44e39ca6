// SPDX-License-Identifier: MIT
/* Shell commands about threads and time: ps, uptime. */
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/sched.h"
#include "kernel/shell/shell.h"
#include "kernel/timer.h"

static void show_ps(void)
{
	sched_show_tasks();
	show_processes();
}
SHELL_SHOW_COMMAND("ps", "threads, then processes with their RSS in lowmem and HighMem",
		   show_ps);

static void show_uptime(void)
{
	u64 ms = uptime_ms();

	printk("up %llu.%02llu s (%llu ticks at %d Hz), %lu context switches\n",
	       (unsigned long long)(ms / 1000),
	       (unsigned long long)(ms % 1000 / 10),
	       (unsigned long long)get_jiffies_64(), HZ, nr_context_switches());
}
SHELL_SHOW_COMMAND("uptime", "time since boot",
		   show_uptime);
