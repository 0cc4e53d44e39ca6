// SPDX-License-Identifier: MIT
/*
 * memview: physical memory drawn live on the framebuffer (640x480, 8 bits
 * per pixel: Bochs' RFB display refuses larger modes), from the same walk
 * as `pagemap` (mm/pagemap.c):
 *
 *   +------------------------------------------+-----------------------+
 *   | the map: 120 cells of 4x4 pixels a row,  | legend: the free      |
 *   | each cell 2^k frames (k from max_pfn,    | orders' shades, then  |
 *   | at most 110 rows), coloured by the state | the other states      |
 *   | most of its frames are in; a black       | free pages by order,  |
 *   | corner pixel: not all are. Red lines at  | a bar each, per zone  |
 *   | the zone boundaries, magenta at 4 GiB.   | pkmap: 512 slots      |
 *   |                                          | kmap slots, per CPU   |
 *   +------------------------------------------+-----------------------+
 *   | the frame counter, in binary                                     |
 *
 * There is no font here (the VGA text font lives in the card), so the
 * legend is colour swatches in the fixed order of enum pagemap_state;
 * docs/physical-memory.md names them, and the boot log lists the colours.
 *
 * The thread: the scheduler has no priorities, so "low priority" means
 * that it sleeps MEMVIEW_INTERVAL_MS between frames and that a frame is
 * a walk that gives the CPU up between sections (the walk's locks are
 * per section). When it is off there is no thread and nothing else
 * changes: no path of the allocator knows about it.
 */
#define pr_fmt(fmt) "memview: " fmt

#include "highmem/highmem.h"
#include "kernel/cmdline.h"
#include "kernel/drivers/fb.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "kernel/timer.h"
#include "kernel/drivers/memview.h"
#include "mm/pagemap.h"
#include <asm/io.h>

#define MEMVIEW_WIDTH 640
#define MEMVIEW_HEIGHT 480
#define MEMVIEW_INTERVAL_MS 250
#define CELL 4		/* pixels per cell side */
#define MAP_COLUMNS 120 /* cells per row: 480 pixels */
#define MAP_ROWS 110	/* rows at most: 440 pixels */
#define PANEL_X 488
#define BAR_MAX 148
#define COUNTER_Y 460

/* Palette indices (the VGA DAC is programmed with these colours). */
enum {
	COL_BLACK,
	COL_WHITE,
	COL_ZONE_LINE,
	COL_4G_LINE,
	COL_SLOT_USED,
	COL_SLOT_STALE,
	COL_SLOT_FREE,
	COL_STATE0 = 8,			      /* + enum pagemap_state */
	COL_FREE0 = COL_STATE0 + NR_PAGEMAP_STATES, /* + buddy order */
	NR_COLOURS = COL_FREE0 + MAX_ORDER
};

struct rgb {
	u8 r, g, b;
};

/* The same colours as tools/memview.py's pictures. */
static const struct rgb state_rgb[NR_PAGEMAP_STATES] = {
	[PM_HOLE] = { 48, 48, 48 },	    [PM_RESERVED] = { 128, 128, 128 },
	[PM_KERNEL] = { 200, 30, 30 },	    [PM_MEMMAP] = { 240, 140, 20 },
	[PM_FREE] = { 10, 125, 10 },	    [PM_DEFERRED] = { 175, 200, 175 },
	[PM_PCP] = { 80, 220, 220 },	    [PM_SLAB] = { 245, 210, 30 },
	[PM_PAGETABLE] = { 160, 50, 210 },  [PM_ANON] = { 30, 80, 230 },
	[PM_PAGECACHE] = { 110, 170, 255 }, [PM_KSTACK] = { 255, 110, 190 },
	[PM_VMALLOC] = { 140, 95, 50 },	    [PM_KERNEL_OTHER] = { 250, 160, 110 },
};

static bool memview_on_boot;
BOOT_PARAM_FLAG("memview", memview_on_boot,
		"memview          draw physical memory live on the framebuffer");

static struct task_struct *memview_task;
static bool memview_stopping;
static unsigned long frames;
static unsigned int cell_shift;

/* Light green for single pages, dark green for 4 MiB blocks. */
static struct rgb free_rgb(unsigned int order)
{
	unsigned int f = order * 256 / (MAX_ORDER - 1);

	return (struct rgb){ (u8)(200 - 190 * f / 256), (u8)(245 - 120 * f / 256),
			     (u8)(200 - 190 * f / 256) };
}

static struct rgb colour_rgb(unsigned int c)
{
	static const struct rgb fixed[COL_STATE0] = {
		[COL_BLACK] = { 0, 0, 0 },	   [COL_WHITE] = { 255, 255, 255 },
		[COL_ZONE_LINE] = { 230, 0, 0 },  [COL_4G_LINE] = { 200, 0, 200 },
		[COL_SLOT_USED] = { 255, 255, 0 }, [COL_SLOT_STALE] = { 150, 150, 150 },
		[COL_SLOT_FREE] = { 70, 70, 70 },
	};

	if (c < COL_STATE0)
		return fixed[c];
	if (c < COL_FREE0)
		return state_rgb[c - COL_STATE0];
	return free_rgb(c - COL_FREE0);
}

/* The DAC takes 6 bits per primary (the VBE 8-bit DAC flag is not set). */
#define VGA_DAC_WRITE_INDEX 0x3C8
#define VGA_DAC_DATA 0x3C9

static void set_palette(void)
{
	outb(VGA_DAC_WRITE_INDEX, 0);
	for (unsigned int c = 0; c < NR_COLOURS; c++) {
		struct rgb rgb = colour_rgb(c);

		outb(VGA_DAC_DATA, rgb.r >> 2);
		outb(VGA_DAC_DATA, rgb.g >> 2);
		outb(VGA_DAC_DATA, rgb.b >> 2);
	}
}

static void fill(unsigned int x, unsigned int y, unsigned int w,
		 unsigned int h, u8 colour)
{
	for (unsigned int j = y; j < y + h && j < fb.height; j++)
		for (unsigned int i = x; i < x + w && i < fb.width; i++)
			fb.pixels[j * fb.width + i] = colour;
}

/* ---- the map ---- */

static void cell_origin(unsigned long pfn, unsigned int *x, unsigned int *y)
{
	unsigned long cell = pfn >> cell_shift;

	*x = (unsigned int)(cell % MAP_COLUMNS) * CELL;
	*y = (unsigned int)(cell / MAP_COLUMNS) * CELL;
}

/*
 * The lines: the zone boundaries and 4 GiB, each before a cell, drawn as
 * a staircase (the cells run left to right, top to bottom): the left
 * edge of its cell, the top of the rest of its row, the top of the start
 * of the next row. Each cell puts back its own part of them when it is
 * painted, so that a screen caught in the middle of a frame has them.
 */
#define MAX_LINES (MAX_NR_ZONES + 1)

static struct {
	unsigned long cell;
	u8 colour;
} lines[MAX_LINES];
static unsigned int nr_lines;

static void add_line(unsigned long pfn, u8 colour)
{
	if (nr_lines < MAX_LINES &&
	    (pfn >> cell_shift) < (unsigned long)MAP_COLUMNS * MAP_ROWS)
		lines[nr_lines++] = (typeof(lines[0])){ pfn >> cell_shift,
							colour };
}

static void draw_lines_in_cell(unsigned long cell, unsigned int x,
			       unsigned int y)
{
	for (unsigned int i = 0; i < nr_lines; i++) {
		unsigned long row = lines[i].cell / MAP_COLUMNS;
		unsigned long col = lines[i].cell % MAP_COLUMNS;
		unsigned long my_row = cell / MAP_COLUMNS, my_col = cell % MAP_COLUMNS;

		if (cell == lines[i].cell)
			fill(x, y, 1, CELL, lines[i].colour);
		if ((my_row == row && my_col >= col) ||
		    (my_row == row + 1 && my_col < col))
			fill(x, y, CELL, 1, lines[i].colour);
	}
}

static void draw_block(void *arg, const struct pagemap_block *b)
{
	unsigned int x, y;
	bool mixed;
	enum pagemap_state s = pagemap_block_majority(b, &mixed);
	u8 colour = s == PM_FREE ?
		(u8)(COL_FREE0 + pagemap_block_free_order(b)) :
		(u8)(COL_STATE0 + s);

	(void)arg;
	if ((b->pfn >> cell_shift) >= (unsigned long)MAP_COLUMNS * MAP_ROWS)
		return;
	cell_origin(b->pfn, &x, &y);
	fill(x, y, CELL, CELL, colour);
	if (mixed)
		fill(x, y, 1, 1, COL_BLACK);
	draw_lines_in_cell(b->pfn >> cell_shift, x, y);
}

/* ---- the panel ---- */

static void draw_legend(void)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		fill(PANEL_X + o * 13, 4, 12, 12, (u8)(COL_FREE0 + o));
	for (unsigned int s = 0, n = 0; s < NR_PAGEMAP_STATES; s++) {
		if (s == PM_FREE)
			continue;
		fill(PANEL_X + n * 11, 20, 10, 10, (u8)(COL_STATE0 + s));
		n++;
	}
}

static void draw_free_bars(void)
{
	unsigned int y = 40;
	struct zone *zone;

	for_each_zone(zone) {
		unsigned long pages[MAX_ORDER], most = 1;

		if (!populated_zone(zone))
			continue;
		/* A racy read: a bar a frame late does no harm. */
		for (unsigned int o = 0; o < MAX_ORDER; o++) {
			pages[o] = READ_ONCE(zone->free_area[o].nr_free) << o;
			most = max(most, pages[o]);
		}
		for (unsigned int o = 0; o < MAX_ORDER; o++, y += 4) {
			unsigned int len = (unsigned int)(pages[o] * BAR_MAX / most);

			fill(PANEL_X, y, BAR_MAX, 3, COL_BLACK);
			fill(PANEL_X, y, len ? len : (pages[o] ? 1 : 0), 3,
			     (u8)(COL_FREE0 + o));
		}
		y += 6;
	}
}

static void draw_kmap_slots(void)
{
	unsigned int cpu, y = 200;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		int count = pkmap_slot_count(i);
		u8 c = count > 1 ? COL_SLOT_USED :
		       count == 1 ? COL_SLOT_STALE : COL_SLOT_FREE;

		fill(PANEL_X + (i % 32) * 4, y + (i / 32) * 4, 3, 3, c);
	}
	y += 16 * 4 + 8;
	for_each_online_cpu(cpu) {
		int depth = kmap_depth_of(cpu);

		for (int idx = 0; idx < KM_MAX_IDX; idx++)
			fill(PANEL_X + (unsigned int)idx * 9, y, 8, 6,
			     idx < depth ? COL_SLOT_USED : COL_SLOT_FREE);
		y += 8;
	}
}

/* The frame count in binary, 32 squares: a screen that moves is live. */
static void draw_counter(void)
{
	for (unsigned int bit = 0; bit < 32; bit++)
		fill(4 + bit * 8, COUNTER_Y, 6, 6,
		     (frames >> (31 - bit)) & 1 ? COL_WHITE : COL_SLOT_FREE);
}

static void draw_frame(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		if (READ_ONCE(memview_stopping))
			return;
		if (populated_zone(zone))
			pagemap_walk_blocks(zone, cell_shift, draw_block, NULL);
	}
	draw_legend();
	draw_free_bars();
	draw_kmap_slots();
	frames++;
	draw_counter();
}

static int memview_thread(void *arg)
{
	(void)arg;
	while (!READ_ONCE(memview_stopping)) {
		draw_frame();
		msleep(MEMVIEW_INTERVAL_MS);
	}
	return 0;
}

/* One "name=rrggbb" of the colours line, from the palette itself. */
static void print_colour(const char *name, unsigned int colour)
{
	struct rgb rgb = colour_rgb(colour);

	printk(" %s=%02x%02x%02x", name, rgb.r, rgb.g, rgb.b);
}

static void print_geometry(void)
{
	pr_info("%ux%u, map at 0,0: %u cells of %u pixels a row, one cell = "
		"2^%u frames; redrawn every %u ms\n", MEMVIEW_WIDTH,
		MEMVIEW_HEIGHT, MAP_COLUMNS, CELL, cell_shift,
		MEMVIEW_INTERVAL_MS);
	printk("memview: colours");
	for (unsigned int s = 0; s < NR_PAGEMAP_STATES; s++)
		if (s != PM_FREE)
			print_colour(pagemap_state_name(s), COL_STATE0 + s);
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		char name[8];

		snprintf(name, sizeof(name), "free/%u", o);
		print_colour(name, COL_FREE0 + o);
	}
	print_colour("zone_line", COL_ZONE_LINE);
	print_colour("4g_line", COL_4G_LINE);
	printk("\n");
}

int memview_start(void)
{
	struct zone *zone;
	int err;

	if (memview_task)
		return -EBUSY;
	err = fb_set_mode(MEMVIEW_WIDTH, MEMVIEW_HEIGHT);
	if (err)
		return err;
	set_palette();
	fill(0, 0, MEMVIEW_WIDTH, MEMVIEW_HEIGHT, COL_BLACK);
	cell_shift = 0;
	while ((max_pfn >> cell_shift) > (unsigned long)MAP_COLUMNS * MAP_ROWS)
		cell_shift++;
	nr_lines = 0;
	for_each_zone(zone)
		if (populated_zone(zone) && zone->zone_start_pfn)
			add_line(zone->zone_start_pfn, COL_ZONE_LINE);
	if (max_pfn > PFN_4G)
		add_line(PFN_4G, COL_4G_LINE);
	frames = 0;
	WRITE_ONCE(memview_stopping, false);
	memview_task = kthread_run(memview_thread, NULL, "memview");
	if (!memview_task) {
		fb_text_mode();
		return -ENOMEM;
	}
	print_geometry();
	return 0;
}

int memview_stop(void)
{
	if (!memview_task)
		return -ENOENT;
	WRITE_ONCE(memview_stopping, true);
	kthread_join(memview_task);
	memview_task = NULL;
	fb_text_mode();
	pr_info("stopped after %lu frames\n", frames);
	frames = 0;
	return 0;
}

void memview_boot_start(void)
{
	int err;

	if (!memview_on_boot)
		return;
	err = memview_start();
	if (err)
		pr_warn("cannot start (%d): no Bochs VBE framebuffer?\n", err);
}

bool memview_running(void)
{
	return READ_ONCE(memview_task) != NULL;
}

unsigned long memview_frames(void)
{
	return READ_ONCE(frames);
}
