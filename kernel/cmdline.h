/* SPDX-License-Identifier: MIT */
/*
 * The kernel command line (DESIGN.md section 5).
 *
 * Each option is declared next to the code that reads it, and placed in
 * the boot_params linker section, as shell commands and tests are:
 *
 *     bool kmap_debug;
 *     BOOT_PARAM_FLAG("kmap.debug", kmap_debug,
 *                     "kmap.debug       lowmem through kmap too");
 *
 * cmdline.c only splits the line into NAME or NAME=VALUE words and hands
 * each VALUE to its option's parser. Bad values are reported (one
 * warning line each) and ignored, never half-applied; an option given
 * twice warns and the last one is used (memmap= adds up instead).
 * Options are parsed once, early in start_kernel, before anything reads
 * them.
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#include "kernel/config.h"
#include "kernel/lib/compiler.h"

#define CMDLINE_MAX 1024
#define CMDLINE_PATTERN_MAX 64
#define CMDLINE_SHOW_MAX 128 /* bytes an option's current value may take */


struct boot_param {
	const char *name;  /* "mem", "kmap.debug" */
	const char *usage; /* one line for `cmdline`: "mem=SIZE  use RAM..." */
	/* Take VALUE (NULL for a bare NAME); 0, or -EINVAL having said why. */
	int (*parse)(const char *value);
	/* The value in force, for `cmdline`. */
	void (*show)(char *buf, size_t size);
	bool repeatable; /* each occurrence adds (memmap=) */
};

/*
 * The section's name is an identifier (no dot), so that a host test
 * linked by the default linker script gets __start_/__stop_ symbols for
 * it as the kernel's kernel.ld defines them.
 */
#define __BOOT_PARAM(id, name_, usage_, parse_, show_, repeat_)       \
	static const struct boot_param __boot_param_##id                \
		__section("boot_params") __used __aligned(4) = {        \
			name_, usage_, parse_, show_, repeat_           \
		}

/* An option with its own parser and printer. */
#define BOOT_PARAM(name, usage, parse, show) \
	__BOOT_PARAM(parse, name, usage, parse, show, false)
#define BOOT_PARAM_REPEATABLE(name, usage, parse, show) \
	__BOOT_PARAM(parse, name, usage, parse, show, true)

/* NAME, NAME=on|1 or NAME=off|0 into the bool @var. */
#define BOOT_PARAM_FLAG(name, var, usage)                                \
	static int __boot_parse_##var(const char *value)                 \
	{                                                                \
		return cmdline_parse_flag(name, value, &(var));          \
	}                                                                \
	static void __boot_show_##var(char *buf, size_t size)            \
	{                                                                \
		cmdline_show_flag(buf, size, var);                       \
	}                                                                \
	__BOOT_PARAM(var, name, usage, __boot_parse_##var,               \
		     __boot_show_##var, false)

/* NAME=N, N >= 1, into the unsigned long @var (0: not given). */
#define BOOT_PARAM_COUNT(name, var, usage)                               \
	static int __boot_parse_##var(const char *value)                 \
	{                                                                \
		return cmdline_parse_count(name, value, &(var));         \
	}                                                                \
	static void __boot_show_##var(char *buf, size_t size)            \
	{                                                                \
		cmdline_show_count(buf, size, var);                      \
	}                                                                \
	__BOOT_PARAM(var, name, usage, __boot_parse_##var,               \
		     __boot_show_##var, false)

/* NAME=all|PATTERN into char @var[CMDLINE_PATTERN_MAX] ("": not given). */
#define BOOT_PARAM_PATTERN(name, var, usage)                             \
	static int __boot_parse_##var(const char *value)                 \
	{                                                                \
		return cmdline_parse_pattern(name, value, var);          \
	}                                                                \
	static void __boot_show_##var(char *buf, size_t size)            \
	{                                                                \
		cmdline_show_string(buf, size, var);                     \
	}                                                                \
	__BOOT_PARAM(var, name, usage, __boot_parse_##var,               \
		     __boot_show_##var, false)

/* The command line as the boot loader passed it (cut to fit, see below). */
extern char saved_command_line[CMDLINE_MAX];

/**
 * cmdline_save - keep the boot loader's command line in saved_command_line
 * @line: the line as passed
 *
 * A line longer than CMDLINE_MAX - 1 bytes is cut before the first word
 * that does not fit whole, with a warning: a cut word would mean
 * something else ("poweroff" cut to "po").
 * Context: boot, or a host test. Return: 0, or 1 if the line was cut.
 */
int cmdline_save(const char *line);

/**
 * cmdline_init_args - what came after "--" on the command line
 *
 * Linux passes those words to init as its arguments; so does init= here.
 * Context: any, after cmdline_parse. Return: the words (maybe "").
 */
const char *cmdline_init_args(void);

/**
 * cmdline_parse - apply every option on @line
 * @line: the command line; a "--" word ends the options, and the words
 * after it are kept for init (cmdline_init_args)
 *
 * Unknown options, bad values and repeats get one warning line each
 * (through printk). Context: boot, or a test. Return: the number of
 * problems reported.
 */
int cmdline_parse(const char *line);

/**
 * cmdline_print_options - every option: its usage and the value in force
 *
 * What the shell's `cmdline` shows. Context: any.
 */
void cmdline_print_options(void);

/**
 * cmdline_param_show - the value in force of option @name
 * @name: the option ("mem", "kmap.debug")
 * @buf: where the value is written
 * @size: the size of @buf
 *
 * Context: any. Return: 0, or -ENOENT if there is no such option.
 */
int cmdline_param_show(const char *name, char *buf, size_t size);

/**
 * cmdline_bad_value - warn that @name=@value is ignored, and why
 * @name: the option
 * @value: what was given (NULL: nothing)
 * @why: the reason, e.g. "not a size (use e.g. mem=512M)"
 *
 * For the options' parsers. Context: boot. Return: -EINVAL.
 */
int cmdline_bad_value(const char *name, const char *value, const char *why);

/**
 * cmdline_parse_flag - the parser behind BOOT_PARAM_FLAG
 * @name: the option, for the warning
 * @value: NULL (a bare NAME), "on", "1", "off" or "0"
 * @flag: set on success, left alone otherwise
 *
 * Context: boot, or a test.
 * Return: 0, or -EINVAL after a warning.
 */
int cmdline_parse_flag(const char *name, const char *value, bool *flag);

/**
 * cmdline_parse_count - the parser behind BOOT_PARAM_COUNT
 * @name: the option, for the warning
 * @value: a whole number >= 1 (decimal, 0x hex or 0 octal)
 * @count: set on success, left alone otherwise
 *
 * Context: boot, or a test.
 * Return: 0, or -EINVAL after a warning.
 */
int cmdline_parse_count(const char *name, const char *value,
			unsigned long *count);

/**
 * cmdline_parse_pattern - the parser behind BOOT_PARAM_PATTERN
 * @name: the option, for the warning
 * @value: "all" or a name pattern, shorter than CMDLINE_PATTERN_MAX
 * @pattern: a buffer of CMDLINE_PATTERN_MAX bytes; set on success only
 *
 * Context: boot, or a test.
 * Return: 0, or -EINVAL after a warning (empty or too long).
 */
int cmdline_parse_pattern(const char *name, const char *value, char *pattern);

/**
 * cmdline_show_flag - the printer behind BOOT_PARAM_FLAG: "on" or "off"
 * @buf: where to write
 * @size: the size of @buf
 * @flag: the value in force
 *
 * Context: any.
 */
void cmdline_show_flag(char *buf, size_t size, bool flag);

/**
 * cmdline_show_count - the printer behind BOOT_PARAM_COUNT
 * @buf: where to write
 * @size: the size of @buf
 * @count: the value in force; 0 prints "(not set)"
 *
 * Context: any.
 */
void cmdline_show_count(char *buf, size_t size, unsigned long count);

/**
 * cmdline_show_string - the printer behind BOOT_PARAM_PATTERN
 * @buf: where to write
 * @size: the size of @buf
 * @s: the value in force; "" prints "(not set)"
 *
 * Context: any.
 */
void cmdline_show_string(char *buf, size_t size, const char *s);

#endif /* KERNEL_CMDLINE_H */
