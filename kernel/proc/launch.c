// SPDX-License-Identifier: MIT
/*
 * Starting programs from the kernel: init= on the command line, and the
 * shell's run command. Both spawn the program as a child of the calling
 * kernel thread, with the console as its descriptors 0, 1 and 2, and
 * wait for it.
 */
#define pr_fmt(fmt) "init: " fmt

#include "kernel/cmdline.h"
#include "kernel/init.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"

static char init_path[CMDLINE_PATTERN_MAX];
BOOT_PARAM_PATTERN("init", init_path,
		   "init=PATH        run PATH on the console instead of the shell");

static const char *const default_envp[] = { "HOME=/", "PATH=/bin",
					    "TERM=vt100", NULL };

int run_program(const char *const argv[], bool verbose)
{
	const char *const *envp = default_envp;
	unsigned long peak[2];
	int pid, status;

	pid = process_spawn(argv[0], argv, envp);
	if (pid < 0) {
		printk("%s: cannot run it: error %d\n", argv[0], pid);
		return -1;
	}
	process_wait(pid, &status, peak);
	if (verbose) {
		if (status & 0x7f)
			printk("%s (pid %d): killed by signal %d", argv[0],
			       pid, status & 0x7f);
		else
			printk("%s (pid %d): exit status %d", argv[0], pid,
			       (status >> 8) & 0xff);
		printk("; peak RSS %lu kB in lowmem, %lu kB in HighMem\n",
		       peak[0] * 4, peak[1] * 4);
	}
	return (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
}

int run_program_background(const char *const argv[])
{
	int pid = process_spawn(argv[0], argv, default_envp);

	if (pid < 0) {
		printk("%s: cannot run it: error %d\n", argv[0], pid);
		return pid;
	}
	process_detach(pid);
	return pid;
}

static int init_boot_work(void)
{
	const char *argv[] = { init_path, NULL };
	int status;

	if (!init_path[0])
		return 0;
	pr_info("running %s\n", init_path);
	status = run_program(argv, true);
	return status != 0;
}
BOOT_WORK("init", BOOT_WORK_USER, init_boot_work);
