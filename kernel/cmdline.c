// SPDX-License-Identifier: MIT
/*
 * Command-line parsing: split on blanks into NAME or NAME=VALUE words,
 * look NAME up in one table, let its handler check and store VALUE.
 */
#define pr_fmt(fmt) "cmdline: " fmt

#include "kernel/cmdline.h"
#include "kernel/debug/bochs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"

#define WORD_MAX 256

struct boot_options boot_options;
char saved_command_line[CMDLINE_MAX];

struct cmdline_option {
	const char *name;
	const char *usage;
	bool repeatable; /* each occurrence adds (memmap=); else the last wins */
	/* Returns 0, or -EINVAL after printing what is wrong. */
	int (*parse)(struct boot_options *opts,
		     const struct cmdline_option *opt, const char *value);
	size_t field; /* offsetof the value, for the generic parsers */
};

#define FIELD(member) offsetof(struct boot_options, member)

static void *field_of(struct boot_options *opts,
		      const struct cmdline_option *opt)
{
	return (char *)opts + opt->field;
}

static int bad_value(const char *name, const char *value, const char *why)
{
	pr_warn("%s=%s: %s; option ignored\n", name, value ? value : "",
		why);
	return -EINVAL;
}

static int parse_mem(struct boot_options *opts,
		     const struct cmdline_option *opt, const char *value)
{
	u64 size;

	if (!value || parse_size(value, NULL, &size))
		return bad_value(opt->name, value,
				 "not a size (use e.g. mem=512M or mem=6G)");
	if (size < MEM_LIMIT_MIN)
		return bad_value(opt->name, value,
				 "too small; the kernel needs at least 8M");
	opts->mem_limit = size;
	return 0;
}

static int parse_memmap(struct boot_options *opts,
			const struct cmdline_option *opt, const char *value)
{
	const char *p;
	u64 size, addr;

	if (!value || parse_size(value, &p, &size) || *p != '$' ||
	    parse_size(p + 1, NULL, &addr))
		return bad_value(opt->name, value,
				 "expected SIZE$ADDR, e.g. memmap=64M$0x10000000");
	if (size == 0 || addr + size < addr)
		return bad_value(opt->name, value, "empty or wrapping range");
	if (opts->nr_memmap == MAX_MEMMAP_OPTIONS)
		return bad_value(opt->name, value, "too many memmap= options");
	opts->memmap[opts->nr_memmap].addr = addr;
	opts->memmap[opts->nr_memmap].size = size;
	opts->nr_memmap++;
	return 0;
}

static int parse_highmem(struct boot_options *opts,
			 const struct cmdline_option *opt, const char *value)
{
	if (value && strcmp(value, "off") == 0)
		opts->highmem_off = true;
	else if (value && strcmp(value, "on") == 0)
		opts->highmem_off = false;
	else
		return bad_value(opt->name, value, "expected on or off");
	return 0;
}

/* NAME=all|PATTERN into a CMDLINE_PATTERN_MAX string field. */
static int parse_pattern(struct boot_options *opts,
			 const struct cmdline_option *opt, const char *value)
{
	if (!value || !*value)
		return bad_value(opt->name, value,
				 "expected all or a name pattern");
	if (strlcpy(field_of(opts, opt), value, CMDLINE_PATTERN_MAX) >=
	    CMDLINE_PATTERN_MAX)
		return bad_value(opt->name, value, "pattern too long");
	return 0;
}

static int parse_bochs_break(struct boot_options *opts,
			     const struct cmdline_option *opt,
			     const char *value)
{
	u32 mask;

	if (!value || bochs_break_parse(value, &mask, opts->bochs_break_left))
		return bad_value(opt->name, value,
				 "expected all or a list of breakpoint names "
				 "(NAME or NAME:COUNT)");
	opts->bochs_break = mask;
	return 0;
}

/* NAME (on), NAME=on|1 or NAME=off|0 into a bool field. */
static int parse_flag(struct boot_options *opts,
		      const struct cmdline_option *opt, const char *value)
{
	bool *flag = field_of(opts, opt);

	if (!value || strcmp(value, "on") == 0 || strcmp(value, "1") == 0)
		*flag = true;
	else if (strcmp(value, "off") == 0 || strcmp(value, "0") == 0)
		*flag = false;
	else
		return bad_value(opt->name, value, "expected on or off");
	return 0;
}

/* NAME=N, N >= 1, into an unsigned long field. */
static int parse_count(struct boot_options *opts,
		       const struct cmdline_option *opt, const char *value)
{
	unsigned long n;

	if (!value || kstrtoul(value, 0, &n) || n == 0)
		return bad_value(opt->name, value,
				 "expected a positive whole number");
	*(unsigned long *)field_of(opts, opt) = n;
	return 0;
}

static const struct cmdline_option options[] = {
	{ "mem", "mem=SIZE         use RAM below SIZE only", false, parse_mem, 0 },
	{ "memmap", "memmap=SIZE$ADDR reserve a physical range", true, parse_memmap, 0 },
	{ "highmem", "highmem=off      no HighMem zone (lowmem only)", false, parse_highmem, 0 },
	{ "ktest", "ktest=all|PATTERN run in-kernel tests", false, parse_pattern,
	  FIELD(ktest) },
	{ "bench", "bench=all|NAME   run benchmarks", false, parse_pattern,
	  FIELD(bench) },
	{ "bochs.break", "bochs.break=P,.. stop in the Bochs debugger at P", false, parse_bochs_break, 0 },
	{ "poweroff", "poweroff         power off when boot work is done", false, parse_flag, FIELD(poweroff) },
	{ "kmap.debug", "kmap.debug       lowmem through kmap too, guard slots", false, parse_flag, FIELD(kmap_debug) },
	{ "crash", "crash=KIND       fault on purpose after boot (see crash)", false, parse_pattern, FIELD(crash) },
	{ "page_poison", "page_poison      poison freed pages, check on alloc", false, parse_flag, FIELD(page_poison) },
	{ "debug_pagealloc", "debug_pagealloc  unmap freed lowmem pages from the direct map", false, parse_flag, FIELD(debug_pagealloc) },
	{ "slab_debug", "slab_debug       red zones, poison, owners in all caches", false, parse_flag, FIELD(slab_debug) },
	{ "fail_page_alloc", "fail_page_alloc=N every Nth page allocation fails", false, parse_count, FIELD(fail_page_alloc) },
	{ "failslab", "failslab=N       every Nth slab allocation fails", false, parse_count, FIELD(failslab) },
	{ "stress", "stress=OPS       run the memory stress test after boot", false, parse_count, FIELD(stress) },
};

void boot_options_defaults(struct boot_options *opts)
{
	memset(opts, 0, sizeof(*opts));
#ifdef CONFIG_DEBUG
	opts->page_poison = true;
	opts->debug_pagealloc = true;
	opts->slab_debug = true;
	opts->kmap_debug = true;
#endif
}

/* @seen, @warned: one bit per option given, and warned about, so far. */
static int parse_word(struct boot_options *opts, char *word, u32 *seen,
		      u32 *warned)
{
	char *eq = strchr(word, '=');
	const char *value = NULL;

	if (eq) {
		*eq = '\0';
		value = eq + 1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(options); i++) {
		const struct cmdline_option *opt = &options[i];

		if (strcmp(opt->name, word) != 0)
			continue;
		if (opt->parse(opts, opt, value))
			return 1;
		if (!opt->repeatable && (*seen & (1u << i))) {
			/* Each later one overrides; say so once per option. */
			if (!(*warned & (1u << i)))
				pr_warn("%s given more than once: the last one "
					"is used\n", opt->name);
			*warned |= 1u << i;
			return 1;
		}
		*seen |= 1u << i;
		return 0;
	}
	pr_warn("unknown option '%s' ignored\n", word);
	return 1;
}

_Static_assert(ARRAY_SIZE(options) <= 32, "parse_word keeps one bit per option");

int cmdline_parse(const char *cmdline, struct boot_options *opts)
{
	char word[WORD_MAX];
	int problems = 0;
	u32 seen = 0, warned = 0;

	while (*cmdline) {
		size_t len = 0;

		while (*cmdline == ' ' || *cmdline == '\t')
			cmdline++;
		while (cmdline[len] && cmdline[len] != ' ' &&
		       cmdline[len] != '\t')
			len++;
		if (len == 0)
			break;
		if (len >= sizeof(word)) {
			pr_warn("option of %zu characters ignored\n", len);
			problems++;
		} else {
			memcpy(word, cmdline, len);
			word[len] = '\0';
			problems += parse_word(opts, word, &seen, &warned);
		}
		cmdline += len;
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

void cmdline_print_options(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(options); i++)
		printk("  %s\n", options[i].usage);
}
