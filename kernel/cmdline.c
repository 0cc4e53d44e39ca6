// SPDX-License-Identifier: MIT
/*
 * Command-line parsing: split on blanks into NAME or NAME=VALUE words,
 * find NAME among the options the kernel was linked with (the
 * boot_params section, see kernel/cmdline.h), let its parser check and
 * store VALUE.
 */
#define pr_fmt(fmt) "cmdline: " fmt

#include "kernel/cmdline.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/printk.h"

#define WORD_MAX 256
/* Options whose repeats one parse tracks (one bit each). */
#define MAX_TRACKED_PARAMS 64

/* Weak: a host test may link no option at all. */
extern const struct boot_param __start_boot_params[] __weak;
extern const struct boot_param __stop_boot_params[] __weak;

char saved_command_line[CMDLINE_MAX];
static char init_args[CMDLINE_MAX];

const char *cmdline_init_args(void)
{
	return init_args;
}

int cmdline_bad_value(const char *name, const char *value, const char *why)
{
	pr_warn("%s=%s: %s; option ignored\n", name, value ? value : "", why);
	return -EINVAL;
}

int cmdline_parse_flag(const char *name, const char *value, bool *flag)
{
	if (!value || strcmp(value, "on") == 0 || strcmp(value, "1") == 0)
		*flag = true;
	else if (strcmp(value, "off") == 0 || strcmp(value, "0") == 0)
		*flag = false;
	else
		return cmdline_bad_value(name, value, "expected on or off");
	return 0;
}

int cmdline_parse_count(const char *name, const char *value,
			unsigned long *count)
{
	unsigned long n;

	if (!value || kstrtoul(value, 0, &n) || n == 0)
		return cmdline_bad_value(name, value,
					 "expected a positive whole number");
	*count = n;
	return 0;
}

int cmdline_parse_pattern(const char *name, const char *value, char *pattern)
{
	if (!value || !*value)
		return cmdline_bad_value(name, value,
					 "expected all or a name pattern");
	if (strlen(value) >= CMDLINE_PATTERN_MAX)
		return cmdline_bad_value(name, value, "pattern too long");
	strlcpy(pattern, value, CMDLINE_PATTERN_MAX);
	return 0;
}

void cmdline_show_flag(char *buf, size_t size, bool flag)
{
	strlcpy(buf, flag ? "on" : "off", size);
}

void cmdline_show_count(char *buf, size_t size, unsigned long count)
{
	if (count)
		snprintf(buf, size, "%lu", count);
	else
		strlcpy(buf, "(not set)", size);
}

void cmdline_show_string(char *buf, size_t size, const char *s)
{
	strlcpy(buf, *s ? s : "(not set)", size);
}

static const struct boot_param *params_begin(void)
{
	return __start_boot_params;
}

static const struct boot_param *params_end(void)
{
	return __stop_boot_params;
}

/* @seen, @warned: one bit per option given, and warned about, so far. */
static int parse_word(char *word, u64 *seen, u64 *warned)
{
	char *eq = strchr(word, '=');
	const char *value = NULL;

	if (eq) {
		*eq = '\0';
		value = eq + 1;
	}
	for (const struct boot_param *p = params_begin(); p < params_end();
	     p++) {
		u64 bit = 1ull << ((p - params_begin()) % MAX_TRACKED_PARAMS);

		if (strcmp(p->name, word) != 0)
			continue;
		if (p->parse(value))
			return 1;
		if (!p->repeatable && (*seen & bit)) {
			/* Each later one overrides; say so once per option. */
			if (!(*warned & bit))
				pr_warn("%s given more than once: the last one "
					"is used\n", p->name);
			*warned |= bit;
			return 1;
		}
		*seen |= bit;
		return 0;
	}
	pr_warn("unknown option '%s' ignored\n", word);
	return 1;
}

int cmdline_parse(const char *line)
{
	char word[WORD_MAX];
	u64 seen = 0, warned = 0;
	int problems = 0;

	while (*line) {
		size_t len = 0;

		while (*line == ' ' || *line == '\t')
			line++;
		while (line[len] && line[len] != ' ' && line[len] != '\t')
			len++;
		if (len == 0)
			break;
		/* As in Linux: what follows "--" is init's, not the kernel's. */
		if (len == 2 && line[0] == '-' && line[1] == '-') {
			line += len;
			while (*line == ' ' || *line == '\t')
				line++;
			strlcpy(init_args, line, sizeof(init_args));
			break;
		}
		if (len >= sizeof(word)) {
			pr_warn("option of %zu characters ignored\n", len);
			problems++;
		} else {
			memcpy(word, line, len);
			word[len] = '\0';
			problems += parse_word(word, &seen, &warned);
		}
		line += len;
	}
	return problems;
}

int cmdline_save(const char *line)
{
	size_t len = strlen(line), keep;

	if (len < CMDLINE_MAX) {
		memcpy(saved_command_line, line, len + 1);
		return 0;
	}
	/* Cut before the word that would not fit whole: a cut word lies. */
	keep = CMDLINE_MAX - 1;
	while (keep && line[keep] != ' ' && line[keep] != '\t')
		keep--;
	memcpy(saved_command_line, line, keep);
	saved_command_line[keep] = '\0';
	pr_warn("the command line is %zu bytes; the kernel keeps %d: "
		"everything from byte %zu ('%.16s...') is ignored\n", len,
		CMDLINE_MAX - 1, keep, line + keep + (keep ? 1 : 0));
	return 1;
}

/* The options in name order, whatever order the linker left them in. */
static const struct boot_param *next_param(const struct boot_param *prev)
{
	return table_next_by_name(params_begin(), params_end(), sizeof(*prev),
				  prev);
}

int cmdline_param_show(const char *name, char *buf, size_t size)
{
	for (const struct boot_param *p = params_begin(); p < params_end(); p++)
		if (strcmp(p->name, name) == 0) {
			p->show(buf, size);
			return 0;
		}
	return -ENOENT;
}

void cmdline_print_options(void)
{
	const struct boot_param *p = NULL;

	while ((p = next_param(p))) {
		char value[CMDLINE_SHOW_MAX];

		p->show(value, sizeof(value));
		printk("  %-56s [%s]\n", p->usage, value);
	}
}
