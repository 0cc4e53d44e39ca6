// SPDX-License-Identifier: MIT
/*
 * The shell reads a line with simple editing (backspace), splits it on
 * blanks and runs the command of that name. It works the same typed at
 * a terminal or piped in: input is echoed, CR, LF and CRLF all end a line.
 */
#include "kernel/shell/shell.h"
#include "kernel/drivers/console.h"
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

/* Wait (sleeping) for the next input byte. */
static char shell_getc(void)
{
	return (char)serial_read();
}

static void echo(const char *s)
{
	printk("%s", s);
}

static void read_line(char *buf, size_t size)
{
	static char last;
	size_t len = 0;

	for (;;) {
		char c = shell_getc();

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
}

void shell_run(void)
{
	char line[LINE_MAX];

	printk("Type 'help' for the list of commands.\n");
	for (;;) {
		int ret;

		echo(PROMPT);
		read_line(line, sizeof(line));
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
	return 0;
}
SHELL_COMMAND("help", "", "list the commands", cmd_help);
