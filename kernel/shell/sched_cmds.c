// SPDX-License-Identifier: MIT
/* Shell commands about threads and time: ps, uptime. */
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/shell/shell.h"
#include "kernel/timer.h"

static int cmd_ps(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	sched_show_tasks();
	return 0;
}
SHELL_COMMAND("ps", "", "threads: state, stack use, switches", cmd_ps);

static int cmd_uptime(int argc, char **argv)
{
	u64 ms = uptime_ms();

	(void)argc;
	(void)argv;
	printk("up %llu.%02llu s (%llu ticks at %d Hz), %lu context switches\n",
	       (unsigned long long)(ms / 1000),
	       (unsigned long long)(ms % 1000 / 10),
	       (unsigned long long)jiffies, HZ, nr_context_switches);
	return 0;
}
SHELL_COMMAND("uptime", "", "time since boot", cmd_uptime);
