// SPDX-License-Identifier: MIT
/*
 * `pagemap`: what every page frame is used for (mm/pagemap.c), as a
 * map of characters, as run lengths for host scripts (`raw`), checked
 * against the allocator's own counts (`check`), or for one pfn. It only
 * reads: descriptors under their zone's lock, never a page frame.
 */
#include "kernel/lib/errno.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/shell/shell.h"
#include "kernel/drivers/memview.h"
#include "mm/pagemap.h"

#define DEFAULT_WIDTH 64

static struct zone *zone_named(const char *name)
{
	struct zone *zone;

	for_each_zone(zone) {
		const char *a = zone->name, *b = name;

		/* Case does not matter: dma, Normal, HIGHMEM. */
		while (*a && (*a | 0x20) == (*b | 0x20)) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return zone;
	}
	return NULL;
}

static int pagemap_one_pfn(const char *arg)
{
	unsigned long pfn;
	unsigned int order;
	enum pagemap_state state;

	if (kstrtoul(arg, 0, &pfn)) {
		printk("pagemap pfn: '%s' is not a number\n", arg);
		return -EINVAL;
	}
	state = pagemap_classify_pfn(pfn, &order);
	if (state == PM_FREE)
		printk("pfn 0x%lx: free (in an order-%u buddy block)\n", pfn,
		       order);
	else
		printk("pfn 0x%lx: %s\n", pfn, pagemap_state_name(state));
	return 0;
}

static int cmd_pagemap(int argc, char **argv)
{
	struct zone *zone = NULL;
	unsigned long width = DEFAULT_WIDTH;

	if (argc == 2 && strcmp(argv[1], "raw") == 0)
		return pagemap_raw_show(seq_console());
	if (argc == 2 && strcmp(argv[1], "check") == 0)
		return pagemap_check(seq_console());
	if (argc == 3 && strcmp(argv[1], "pfn") == 0)
		return pagemap_one_pfn(argv[2]);
	if (argc > 3)
		return shell_usage(argv[0]);
	for (int i = 1; i < argc; i++) {
		struct zone *z = zone_named(argv[i]);

		if (z && !zone && i == 1) {
			if (!populated_zone(z)) {
				printk("pagemap: zone %s is empty on this "
				       "machine\n", z->name);
				return -EINVAL;
			}
			zone = z;
		} else if (kstrtoul(argv[i], 0, &width) || width < 16 ||
			   width > 200) {
			printk("pagemap: '%s' is neither a zone (DMA, Normal, "
			       "HighMem) nor a width (16 to 200)\n", argv[i]);
			return shell_usage(argv[0]);
		}
	}
	return pagemap_text_show(seq_console(), zone, (unsigned int)width);
}
SHELL_COMMAND("pagemap", "[ZONE] [WIDTH]|raw|check|pfn PFN",
	      "what each page frame is used for, as a map", cmd_pagemap);

static int cmd_memview(int argc, char **argv)
{
	int err;

	if (argc == 1) {
		if (memview_running())
			printk("memview: on, %lu frames drawn\n",
			       memview_frames());
		else
			printk("memview: off\n");
		return 0;
	}
	if (argc != 2)
		return shell_usage(argv[0]);
	if (strcmp(argv[1], "on") == 0) {
		err = memview_start();
		if (err == -EBUSY)
			printk("memview: on already\n");
		else if (err)
			printk("memview: no Bochs VBE framebuffer (%d)\n", err);
		return err;
	}
	if (strcmp(argv[1], "off") == 0) {
		err = memview_stop();
		if (err)
			printk("memview: off already\n");
		return err;
	}
	printk("memview: '%s': on or off?\n", argv[1]);
	return shell_usage(argv[0]);
}
SHELL_COMMAND("memview", "[on|off]",
	      "draw physical memory live on the framebuffer", cmd_memview);
