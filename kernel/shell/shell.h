/* SPDX-License-Identifier: MIT */
/*
 * The serial shell: one command per line on COM1. Subsystems add
 * commands next to their code with
 *
 *     SHELL_COMMAND("meminfo", "", "memory usage like /proc/meminfo",
 *                   cmd_meminfo);
 *
 * which places a descriptor in the .shell_commands linker section.
 */
#ifndef KERNEL_SHELL_H
#define KERNEL_SHELL_H

#include "kernel/lib/compiler.h"
#include "kernel/seq_file.h"

#define SHELL_MAX_ARGS 8

struct shell_command {
	const char *name;
	const char *args;
	const char *help;
	/* Returns 0 on success; a non-zero value is reported. */
	int (*fn)(int argc, char **argv);
};

#define SHELL_COMMAND(name_, args_, help_, fn_)                           \
	static const struct shell_command shell_cmd_##fn_                 \
		__section(".shell_commands") __used __aligned(4) = {      \
			name_, args_, help_, fn_                          \
		}

/*
 * A command without arguments that prints what @show_fn_ (a void
 * function) prints: the shell's side of the subsystems' show functions.
 */
#define SHELL_SHOW_COMMAND(name_, help_, show_fn_)                        \
	static int shell_show_##show_fn_(int argc, char **argv)           \
	{                                                                 \
		(void)argv;                                               \
		if (argc != 1)                                            \
			return shell_usage(name_);                        \
		show_fn_();                                               \
		return 0;                                                 \
	}                                                                 \
	SHELL_COMMAND(name_, "", help_, shell_show_##show_fn_)

/*
 * A command without arguments that prints what the /proc show function
 * @show_fn_ (int show_fn_(struct seq_file *m)) prints, through the
 * console seq_file: the shell command and the /proc file print the same
 * text from one function.
 */
#define SHELL_SEQ_COMMAND(name_, help_, show_fn_)                         \
	static int shell_seq_##show_fn_(int argc, char **argv)            \
	{                                                                 \
		(void)argv;                                               \
		if (argc != 1)                                            \
			return shell_usage(name_);                        \
		return show_fn_(seq_console());                           \
	}                                                                 \
	SHELL_COMMAND(name_, "", help_, shell_seq_##show_fn_)

/**
 * shell_execute - run one command line, as typed
 * @line: the line; split in place into words
 *
 * The first word names the command, up to SHELL_MAX_ARGS - 1 arguments
 * follow.
 * Context: thread; commands may sleep.
 * Return: the command's status, 0 for an empty line, -ENOENT for an
 * unknown command, -E2BIG for too many words.
 */
int shell_execute(char *line);

/**
 * shell_run - read commands from the serial port and run them, forever
 *
 * Waits first while init has the console (Ctrl-] brings the shell).
 * Context: the main thread (pid 1), or the shell thread while init
 * runs; interrupts on; sleeps waiting for input. Never returns.
 */
__noreturn void shell_run(void);

/**
 * shell_usage - print "usage: NAME ARGS" for the command @name
 * @name: the command
 *
 * For commands given bad arguments: `return shell_usage(argv[0]);`.
 * Context: thread.
 * Return: -EINVAL.
 */
int shell_usage(const char *name);

#endif /* KERNEL_SHELL_H */
