// SPDX-License-Identifier: MIT
/*
 * The shell reads a line with simple editing (backspace), splits it on
 * blanks and runs the command of that name. It works the same typed at
 * a terminal or piped in: input is echoed, CR, LF and CRLF all end a line.
 *
 * It reads the serial line through the console tty's shell side
 * (tty_shell_getc): while a program run on the console has the input,
 * the shell waits; Ctrl-] typed then brings the shell back, and exit or
 * Ctrl-] in the shell gives the console back to the program.
 */
#include "kernel/shell/shell.h"
#include "kernel/drivers/console.h"
#include "kernel/fs/tty.h"
#include "kernel/lib/errno.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include <asm/irqflags.h>

#define LINE_MAX 256
#define PROMPT "kernel> "
#define CHAR_BACKSPACE 0x08
#define CHAR_DELETE 0x7F

extern const struct shell_command __shell_commands_start[];
extern const struct shell_command __shell_commands_end[];

static const struct shell_command *find_command(const char *name)
{
	for (const struct shell_command *c = __shell_commands_start;
	     c < __shell_commands_end; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int shell_usage(const char *name)
{
	const struct shell_command *c = find_command(name);

	printk("usage: %s %s\n", name, c ? c->args : "");
	return -EINVAL;
}

static int split_args(char *line, char **argv)
{
	int argc = 0;

	while (*line) {
		while (*line == ' ' || *line == '\t')
			*line++ = '\0';
		if (!*line)
			break;
		if (argc == SHELL_MAX_ARGS)
			return -E2BIG;
		argv[argc++] = line;
		while (*line && *line != ' ' && *line != '\t')
			line++;
	}
	return argc;
}

int shell_execute(char *line)
{
	char *argv[SHELL_MAX_ARGS + 1];
	const struct shell_command *cmd;
	int argc = split_args(line, argv);

	if (argc < 0) {
		printk("too many arguments (at most %d)\n", SHELL_MAX_ARGS - 1);
		return argc;
	}
	if (argc == 0)
		return 0;
	argv[argc] = NULL;
	cmd = find_command(argv[0]);
	if (!cmd) {
		printk("%s: unknown command (type 'help' for the list)\n",
		       argv[0]);
		return -ENOENT;
	}
	return cmd->fn(argc, argv);
}

static void echo(const char *s)
{
	printk("%s", s);
}

/*
 * Read a line into @buf. Return: true, or false if the shell gave the
 * console back (Ctrl-]) or has just got it back: the line is dropped.
 */
static bool read_line(char *buf, size_t size)
{
	static char last;
	size_t len = 0;

	for (;;) {
		int got = tty_shell_getc();
		char c = (char)got;

		if (got == TTY_SHELL_RESUMED)
			return false;
		if (c == TTY_ESCAPE) {
			/* Back to the program that has the console, if any. */
			if (!tty_shell_release())
				continue;
			return false;
		}
		if (c == '\n' && last == '\r') {
			last = c; /* the LF of a CRLF pair */
			continue;
		}
		last = c;
		if (c == '\r' || c == '\n') {
			echo("\n");
			break;
		}
		if (c == CHAR_BACKSPACE || c == CHAR_DELETE) {
			if (len) {
				len--;
				echo("\b \b");
			}
			continue;
		}
		if ((unsigned char)c < ' ' || len + 1 >= size)
			continue;
		buf[len++] = c;
		printk("%c", c);
	}
	buf[len] = '\0';
	return true;
}

void shell_run(void)
{
	char line[LINE_MAX];

	/* init may have the console: wait for Ctrl-] or its end. */
	tty_shell_wait();
	printk("Type 'help' for the list of commands.\n");
	for (;;) {
		int ret;

		tty_shell_wait(); /* after exit or Ctrl-]: until it is back */
		echo(PROMPT);
		if (!read_line(line, sizeof(line)))
			continue;
		ret = shell_execute(line);
		if (ret)
			printk("(status %d)\n", ret);
	}
}

static int cmd_help(int argc, char **argv)
{
	const struct shell_command *c = NULL;

	(void)argc;
	(void)argv;
	while ((c = table_next_by_name(__shell_commands_start,
				       __shell_commands_end, sizeof(*c), c)))
		printk("  %-12s %-22s %s\n", c->name, c->args, c->help);
	printk("While init runs on the console, Ctrl-] switches between it "
	       "and this shell.\n");
	return 0;
}
SHELL_COMMAND("help", "", "list the commands", cmd_help);

static int cmd_exit(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (!tty_shell_release()) {
		printk("exit: no program has the console to go back to\n");
		return -ENOENT;
	}
	return 0;
}
SHELL_COMMAND("exit", "", "give the console back to init (as Ctrl-] does)",
	      cmd_exit);
