// SPDX-License-Identifier: MIT
/* Shell commands about user processes: run, maps, kill. */
#include "kernel/lib/kstrtox.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/shell/shell.h"
#include "mm/mmap.h"

static int cmd_run(int argc, char **argv)
{
	int pid;

	if (argc < 2 || (argc == 2 && !strcmp(argv[1], "&")))
		return shell_usage("run");
	/* PATH ARGS &: in the background; the reaper collects it. */
	if (!strcmp(argv[argc - 1], "&")) {
		argv[argc - 1] = NULL;
		pid = run_program_background((const char *const *)argv + 1);
		if (pid > 0)
			printk("[%d] %s\n", pid, argv[1]);
		return pid > 0 ? 0 : 1;
	}
	run_program_foreground((const char *const *)argv + 1);
	return 0;
}
SHELL_COMMAND("run", "PATH [ARGS] [&]",
	      "run a program from the initramfs and wait for it (& : do not wait)",
	      cmd_run);

/* The process with the pid in @arg, or NULL after saying why. */
static struct task_struct *process_arg(const char *arg)
{
	struct task_struct *task;
	unsigned long pid;

	if (kstrtoul(arg, 10, &pid) || !pid) {
		printk("not a pid: %s\n", arg);
		return NULL;
	}
	task = find_task_by_pid((int)pid);
	if (!task || !task->is_process) {
		printk("no process %lu\n", pid);
		return NULL;
	}
	return task;
}

static int cmd_maps(int argc, char **argv)
{
	struct task_struct *task;
	struct mm_struct *mm;

	if (argc != 2)
		return shell_usage("maps");
	task = process_arg(argv[1]);
	if (!task)
		return 1;
	mm = get_task_mm(task); /* a reference: it may exit meanwhile */
	if (!mm) {
		printk("process %s has no address space (exiting)\n", argv[1]);
		return 1;
	}
	show_maps(mm);
	mmput(mm);
	return 0;
}
SHELL_COMMAND("maps", "PID", "a process's mappings, as /proc/PID/maps",
	      cmd_maps);

static int cmd_kill(int argc, char **argv)
{
	struct task_struct *task;
	unsigned long sig = 15;

	if (argc < 2 || argc > 3 ||
	    (argc == 3 && (kstrtoul(argv[2], 10, &sig) || !sig || sig > NSIG)))
		return shell_usage("kill");
	task = process_arg(argv[1]);
	if (!task)
		return 1;
	return send_signal(task, (int)sig) ? 1 : 0;
}
SHELL_COMMAND("kill", "PID [SIGNAL]", "send a signal (default SIGTERM)",
	      cmd_kill);
