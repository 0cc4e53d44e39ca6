// SPDX-License-Identifier: MIT
/*
 * Boot-time memory setup: decide where lowmem ends and feed memblock
 * (memblock_setup); after the arch has built the final page tables
 * (paging_init, kernel/arch/x86/paging.c), hand memory to the zones
 * (mem_init).
 */
#define pr_fmt(fmt) "mm: " fmt

#include "highmem/highmem.h"
#include "kernel/debug/bochs.h"
#include "kernel/cmdline.h"
#include "kernel/printk.h"
#include "kernel/sections.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/irq.h"
#include <asm/traps.h>
#include <asm/fixmap.h>
#include "mm/init.h"
#include "mm/deferred_init.h"
#include "mm/gfp.h"
#include "mm/fault_inject.h"
#include "mm/internal.h"
#include "mm/page_debug.h"
#include "mm/mmzone.h"
#include "mm/memblock.h"
#include "mm/memmap.h"
#include "mm/slab.h"
#include "mm/sparse.h"
#include <asm/pgtable.h>
#include <asm/cpu.h>

unsigned long max_low_pfn;
unsigned long max_pfn;
unsigned long high_memory;
unsigned long vmalloc_start;


/* highmem=off: no HighMem zone, RAM above lowmem is left out. */
static bool highmem_off;

static int parse_highmem(const char *value)
{
	if (value && strcmp(value, "off") == 0)
		highmem_off = true;
	else if (value && strcmp(value, "on") == 0)
		highmem_off = false;
	else
		return cmdline_bad_value("highmem", value, "expected on or off");
	return 0;
}

static void show_highmem(char *buf, size_t size)
{
	strlcpy(buf, highmem_off ? "off" : "on", size);
}
BOOT_PARAM("highmem", "highmem=off      no HighMem zone (lowmem only)",
	   parse_highmem, show_highmem);

/* Decide max_pfn and max_low_pfn from the usable map and highmem=. */
static void find_pfn_limits(void)
{
	char size[32];

	max_pfn = PFN_DOWN(memory_map_ram_end(&usable_memory_map));
	max_low_pfn = min(max_pfn, MAXMEM_PFN);
	if (max_pfn > max_low_pfn && highmem_off) {
		snprint_size(size, sizeof(size),
			     PFN_PHYS(max_pfn - max_low_pfn));
		pr_info("highmem=off: %s of RAM above 896 MiB ignored\n", size);
		max_pfn = max_low_pfn;
	}
	if (max_pfn > max_low_pfn) {
		snprint_size(size, sizeof(size),
			     PFN_PHYS(max_pfn - max_low_pfn));
		pr_info("%s of address space above lowmem (HighMem zone)\n",
			size);
	}
	snprint_size(size, sizeof(size), PFN_PHYS(max_low_pfn));
	pr_info("%s of address space in lowmem (direct-mapped)\n", size);
	/* The direct map ends here; vmalloc starts after an 8 MiB hole. */
	high_memory = PAGE_OFFSET + (max_low_pfn << PAGE_SHIFT);
	vmalloc_start = (high_memory + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1);
}

static void add_usable_ram(void)
{
	for (unsigned int i = 0; i < usable_memory_map.nr; i++) {
		const struct memory_region *r = &usable_memory_map.region[i];
		phys_addr_t start = ALIGN(r->addr, (u64)PAGE_SIZE);
		phys_addr_t end = ALIGN_DOWN(r->addr + r->size, (u64)PAGE_SIZE);

		if (r->type == MEMORY_AVAILABLE && end > start)
			memblock_add(start, end - start);
	}
}

/*
 * Free lowmem needed after the kernel image and boot data are reserved:
 * 2 MiB for the page tables of the kernel half (all made at boot, so
 * that vmalloc never allocates one) and 2 MiB to run in.
 */
#define MIN_FREE_LOWMEM (4ull << 20)

/*
 * Stop with a clear message on a machine too small to boot, before the
 * page tables run out of memory somewhere less obvious.
 */
static void check_enough_memory(void)
{
	phys_addr_t low_end = PFN_PHYS(max_low_pfn);
	u64 free = memblock_free_below(low_end);
	u64 usable = 0, taken;

	/* Only lowmem counts: page tables and mem_map must be direct-mapped. */
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (r->base < low_end)
			usable += min(r->base + r->size, low_end) - r->base;
	}
	taken = usable - free;
	if (free >= MIN_FREE_LOWMEM)
		return;
	pr_err("%llu KiB of usable lowmem, %llu KiB of it taken by the "
	       "kernel and boot data: %llu KiB left for page tables, mem_map "
	       "and the first allocations\n", usable >> 10, taken >> 10,
	       free >> 10);
	panic("not enough memory to boot: %llu KiB free, the kernel needs "
	      "%llu KiB (give the machine more memory, or check mem= and "
	      "memmap=)", free >> 10, MIN_FREE_LOWMEM >> 10);
}

/**
 * memblock_setup - hand the usable RAM to memblock and reserve what is
 * in use: page 0 (real-mode IVT and BIOS data; also keeps physical
 * address 0 from ever being handed out), the kernel image, the boot
 * information and the boot modules
 *
 * Context: boot, once, after memmap_setup.
 */
void memblock_setup(const struct phys_range *reserved, unsigned int n)
{
	find_pfn_limits();
	memblock_reset(PFN_PHYS(max_low_pfn));
	add_usable_ram();
	if (max_pfn < PFN_DOWN(memory_map_ram_end(&usable_memory_map)))
		memblock_remove(PFN_PHYS(max_pfn), ~0ull - PFN_PHYS(max_pfn));
	memblock_reserve(0, PAGE_SIZE);
	memblock_reserve(__pa(_kernel_start), _kernel_end - _kernel_start);
	for (unsigned int i = 0; i < n; i++)
		memblock_reserve(reserved[i].start,
				 reserved[i].end - reserved[i].start);
	check_enough_memory();
}

static unsigned long present_pages_total(void)
{
	unsigned long n = 0;
	struct zone *zone;

	for_each_zone(zone)
		n += zone->present_pages;
	return n;
}

void mem_init(void)
{
	u64 start = rdtsc(), cycles;
	unsigned long managed, present;

	mm_core_init();
	kmap_init();
	kmem_cache_init();
	page_debug_init();
	fault_inject_init();
	page_alloc_debug_changed();
	cycles = rdtsc() - start;
	managed = totalram_pages();
	present = present_pages_total();
	print_zone_ranges();
	printk("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, "
	       "%luK rodata, %luK bss, %luK reserved, %luK highmem)\n",
	       managed * 4, present * 4,
	       (unsigned long)(_etext - _stext) >> 10,
	       (unsigned long)(_edata - _sdata) >> 10,
	       (unsigned long)(_erodata - _srodata) >> 10,
	       (unsigned long)(__bss_end - __bss_start) >> 10,
	       (present - managed) * 4, totalhigh_pages() * 4);
	/* With deferred init, this is the part done at boot. */
	pr_info("mem_map and free lists set up in %llu TSC cycles (under "
		"qemu -icount shift=0: instructions)%s\n",
		(unsigned long long)cycles,
		deferred_init_done() ? "" : ", but for the deferred sections");
	deferred_init_print();
	bochs_break_regs(BREAK_ZONES, mem_map, zones,
			 "EAX = mem_map = 0x%p (%u sections), EDX = zones = "
			 "0x%p; try: x /4wx 0x%p (struct page of pfn 0)",
			 (void *)mem_map, nr_present_sections, (void *)zones,
			 (void *)mem_map);
}

static void print_area(const char *name, unsigned long start,
		       unsigned long end)
{
	printk("    %-9s: 0x%08lx - 0x%08lx   (%5lu MiB %4lu KiB)\n", name,
	       start, end, (end - start) >> 20, ((end - start) >> 10) & 1023);
}

void print_memory_layout(void)
{
	printk("virtual kernel memory layout:\n");
	print_area("fixmap", FIXADDR_START, FIXADDR_TOP);
	print_area("pkmap", PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE);
	print_area("vmalloc", VMALLOC_START, VMALLOC_END);
	print_area("lowmem", PAGE_OFFSET, high_memory);
	print_area("  .text", (unsigned long)_stext, (unsigned long)_etext);
	print_area("  .rodata", (unsigned long)_srodata,
		   (unsigned long)_erodata);
	print_area("  .data", (unsigned long)_sdata, (unsigned long)_edata);
	print_area("  .bss", (unsigned long)__bss_start,
		   (unsigned long)__bss_end);
}
