// SPDX-License-Identifier: MIT
/* Shell commands about user processes: run, maps, proc, kill. */
#include "kernel/fs/proc_files.h"
#include "kernel/lib/errno.h"
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
	/* One that has exited is gone for the shell, reaped yet or not. */
	if (!task || !task->is_process || READ_ONCE(task->zombie)) {
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
	show_maps(seq_console(), mm);
	mmput(mm);
	return 0;
}
SHELL_COMMAND("maps", "PID", "a process's mappings, as /proc/PID/maps",
	      cmd_maps);

/* `proc NAME` prints /proc/NAME, `proc NAME PID` /proc/PID/NAME. */
static int cmd_proc(int argc, char **argv)
{
	const struct proc_pid_entry *pe;
	const struct proc_entry *e;
	unsigned long pid;
	int err;

	if (argc == 2 && (e = proc_root_entry_find(argv[1])))
		return proc_entry_fill(seq_console(), e);
	if (argc != 3 || !(pe = proc_pid_entry_find(argv[1])))
		return shell_usage("proc");
	if (kstrtoul(argv[2], 10, &pid) || !pid) {
		printk("not a pid: %s\n", argv[2]);
		return 1;
	}
	err = proc_pid_entry_fill(seq_console(), pe, (int)pid);
	if (err == -ESRCH)
		printk("no thread %lu\n", pid);
	/* cmdline's strings end in NULs, shown as spaces: end the line. */
	else if (!strcmp(pe->name, "cmdline"))
		printk("\n");
	return err;
}
SHELL_COMMAND("proc", "NAME [PID]",
	      "print /proc/NAME or /proc/PID/NAME (stat, status, cmdline, maps)",
	      cmd_proc);

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
	if (send_signal(task, (int)sig))
		return 1;
	/*
	 * SIGKILL cannot be caught: wait (a second at most) until the
	 * process has died, so that the next command finds it gone.
	 */
	for (int i = 0; sig == SIGKILL && i < 100; i++) {
		if (find_task_by_pid(task->pid) != task || READ_ONCE(task->zombie))
			break;
		msleep(10);
	}
	return 0;
}
SHELL_COMMAND("kill", "PID [SIGNAL]", "send a signal (default SIGTERM)",
	      cmd_kill);
