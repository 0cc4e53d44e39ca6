/* SPDX-License-Identifier: MIT */
/*
 * The kernel command line (DESIGN.md section 5). Options are parsed
 * once, early, into boot_options; every subsystem reads its settings
 * from there. Bad values are reported and ignored, never half-applied.
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#include "kernel/lib/types.h"

#define CMDLINE_MAX 1024
#define CMDLINE_PATTERN_MAX 64
#define MAX_MEMMAP_OPTIONS 8
/* mem= below this leaves too little for page tables and mem_map. */
#define MEM_LIMIT_MIN (8ull << 20)

struct memmap_option {
	u64 addr;
	u64 size;
};

struct boot_options {
	u64 mem_limit;			/* mem=: 0 means no limit */
	bool highmem_off;		/* highmem=off */
	unsigned int nr_memmap;		/* memmap=SIZE$ADDR reservations */
	struct memmap_option memmap[MAX_MEMMAP_OPTIONS];
	char ktest[CMDLINE_PATTERN_MAX]; /* ktest=all|PATTERN, "" = none */
	char bench[CMDLINE_PATTERN_MAX]; /* bench=all|NAME, "" = none */
	u32 bochs_break;		/* bochs.break=: mask of BREAK_* */
	u32 bochs_break_left[8];	/* stops left per point, 0: no limit */
	bool poweroff;			/* poweroff when the boot work is done */
	bool kmap_debug;		/* kmap.debug: lowmem through kmap too */
	char crash[CMDLINE_PATTERN_MAX]; /* crash=KIND after the boot work */
	/* Memory debugging (docs/hardening.md); on by default in DEBUG=1. */
	bool page_poison;		/* fill freed pages, check on alloc */
	bool debug_pagealloc;		/* unmap freed lowmem pages */
	bool slab_debug;		/* red zones, poison, owners: all caches */
	unsigned long fail_page_alloc;	/* every Nth page allocation fails */
	unsigned long failslab;		/* every Nth slab allocation fails */
	unsigned long stress;		/* stress=OPS after the boot work */
};

extern struct boot_options boot_options;
/* The command line as the boot loader passed it. */
extern char saved_command_line[CMDLINE_MAX];

/*
 * boot_options_defaults - the options before the command line is read:
 * all off, except the memory debugging a DEBUG=1 build turns on.
 */
void boot_options_defaults(struct boot_options *opts);

/*
 * cmdline_parse - parse @cmdline into @opts
 *
 * Unknown options and bad values get one warning line each (through
 * printk) and are ignored. Context: boot, or a host test.
 * Return: the number of problems reported.
 */
int cmdline_parse(const char *cmdline, struct boot_options *opts);

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

/* Print the options the kernel understands, for `help`-like output. */
void cmdline_print_options(void);

#endif /* KERNEL_CMDLINE_H */
