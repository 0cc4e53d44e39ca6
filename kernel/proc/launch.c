// SPDX-License-Identifier: MIT
/*
 * Starting programs from the kernel: init= on the command line (with the
 * words after "--" as its arguments), and the shell's run command. Both
 * spawn the program as a child of the calling kernel thread, with the
 * console as its descriptors 0, 1 and 2, and give it the console tty
 * (tty_claim_begin) while it runs. The main thread waits for init while the
 * kernel shell waits for Ctrl-] (kernel/main.c).
 */
#define pr_fmt(fmt) "init: " fmt

#include "kernel/cmdline.h"
#include "kernel/init.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/fs/tty.h"

static char init_path[CMDLINE_PATTERN_MAX];
BOOT_PARAM_PATTERN("init", init_path,
		   "init=PATH        run PATH on the console instead of the shell");

static const char *const default_envp[] = { "HOME=/", "PATH=/bin",
					    "TERM=vt100", NULL };

/* Wait for child @pid, say how it ended; its exit status (or 128 + signal). */
static int wait_and_report(const char *path, int pid, bool verbose)
{
	unsigned long peak[2];
	int status;

	process_wait(pid, &status, peak);
	if (verbose) {
		if (status & 0x7f)
			printk("%s (pid %d): killed by signal %d", path, pid,
			       status & 0x7f);
		else
			printk("%s (pid %d): exit status %d", path, pid,
			       (status >> 8) & 0xff);
		printk("; peak RSS %lu kB in lowmem, %lu kB in HighMem\n",
		       peak[0] * 4, peak[1] * 4);
	}
	return (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
}

static int spawn(const char *const argv[])
{
	int pid = process_spawn(argv[0], argv, default_envp);

	if (pid < 0)
		printk("%s: cannot run it: error %d\n", argv[0], pid);
	return pid;
}

int run_program(const char *const argv[], bool verbose)
{
	int pid = spawn(argv);

	return pid < 0 ? -1 : wait_and_report(argv[0], pid, verbose);
}

int run_program_foreground(const char *const argv[])
{
	int pid, session, status;

	/*
	 * Spawned programs lead a session of their own (pid = pgrp =
	 * session). Unless a session has the console already (init, while
	 * the shell was reached with Ctrl-]), this one gets it.
	 */
	tty_claim_begin();
	pid = spawn(argv);
	session = tty_claim_end();
	if (pid < 0) {
		if (session) /* it opened the console, then its exec failed */
			tty_detach(session, false);
		return -1;
	}
	status = wait_and_report(argv[0], pid, true);
	if (session)
		tty_detach(session, false);
	return status;
}

int run_program_background(const char *const argv[])
{
	int pid = spawn(argv);

	if (pid < 0)
		return pid;
	process_detach(pid);
	return pid;
}

#define INIT_MAX_ARGS 16

static char init_arg_words[CMDLINE_MAX];

/* init= and the words after "--" on the command line, as argv. */
static void init_argv(const char *argv[INIT_MAX_ARGS + 1])
{
	char *p = init_arg_words;
	int argc = 0;

	strlcpy(init_arg_words, cmdline_init_args(), sizeof(init_arg_words));
	argv[argc++] = init_path;
	while (*p && argc < INIT_MAX_ARGS) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	argv[argc] = NULL;
}

int init_start(void)
{
	const char *argv[INIT_MAX_ARGS + 1];
	int pid, session;

	if (!init_path[0])
		return 0;
	init_argv(argv);
	pr_info("running %s\n", init_path);
	tty_claim_begin();
	pid = spawn(argv);
	session = tty_claim_end();
	if (pid <= 0) {
		if (session)
			tty_detach(session, false);
		return -1;
	}
	return pid;
}

int init_wait(int pid)
{
	int status = wait_and_report(init_path, pid, true);

	tty_detach(pid, true);
	return status;
}
