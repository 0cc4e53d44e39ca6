// SPDX-License-Identifier: MIT
/*
 * mem_map for the sections that hold RAM (see mm/page.h): flat where the
 * holes are small, sparse otherwise. The array is allocated from
 * memblock but not initialised here: mm/zone_init.c writes every
 * descriptor of a section with RAM exactly once (a flat map's hole
 * sections are never written nor read).
 */
#define pr_fmt(fmt) "mm: " fmt

#include "mm/sparse.h"
#include "kernel/cmdline.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "mm/memblock.h"

/*
 * A flat mem_map may give this much lowmem to the descriptors of holes:
 * 8 MiB is 128 sections (2 GiB of holes), 0.9% of lowmem, and covers
 * the PCI hole below 4 GiB of every PC (64 sections, 4 MiB). For that,
 * pfn_to_page and page_to_pfn are one operation instead of a table
 * lookup and four more (docs/benchmarks.md measures both).
 */
#define FLAT_HOLES_MAX (8ul << 20)

struct page *mem_map;
bool mem_map_flat;
/* Slots in mem_map (flat: every section up to the last with RAM). */
unsigned int mem_map_sections;
u16 section_to_slot[NR_MEM_SECTIONS];
u16 slot_to_section[NR_MEM_SECTIONS];
unsigned int nr_present_sections;
/* The highest section with RAM (valid when nr_present_sections > 0). */
static unsigned long last_present_section;

/* Marks the sections with RAM in section_to_slot[]; slots come later. */
static void mark_present_sections(void)
{
	memset(section_to_slot, 0xFF, sizeof(section_to_slot));
	nr_present_sections = 0;
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long first = PFN_DOWN(r->base) >> PFN_SECTION_SHIFT;
		unsigned long last = (PFN_UP(r->base + r->size) - 1) >>
				     PFN_SECTION_SHIFT;

		for (unsigned long s = first; s <= last && s < NR_MEM_SECTIONS;
		     s++)
			section_to_slot[s] = 0; /* present; slot set later */
	}
	for (unsigned long s = 0; s < NR_MEM_SECTIONS; s++) {
		if (section_to_slot[s] == SECTION_NOT_PRESENT)
			continue;
		nr_present_sections++;
		last_present_section = s;
	}
}

/*
 * Slots in section order, so mem_map is sorted by pfn. A section of the
 * direct map has slot == section in both layouts (a sparse map keeps a
 * lowmem hole's slot unused, 64 KiB for each such hole, which only odd
 * memory maps have): virt_to_page and lowmem_page_address then need no
 * test of the layout. Above lowmem a sparse map packs the sections with
 * RAM one after the other.
 */
static void assign_slots(void)
{
	unsigned long lowmem_sections =
		(max_low_pfn + PAGES_PER_SECTION - 1) >> PFN_SECTION_SHIFT;
	unsigned int slot = 0;

	memset(slot_to_section, 0xFF, sizeof(slot_to_section));
	for (unsigned long s = 0; s < NR_MEM_SECTIONS; s++) {
		if (section_to_slot[s] == SECTION_NOT_PRESENT)
			continue;
		if (mem_map_flat || s < lowmem_sections)
			slot = (unsigned int)s;
		section_to_slot[s] = (u16)slot;
		slot_to_section[slot] = (u16)s;
		slot++;
	}
	mem_map_sections = slot;
}

static phys_addr_t section_bytes(unsigned long sections)
{
	return (phys_addr_t)sections * PAGES_PER_SECTION * sizeof(struct page);
}

phys_addr_t mem_map_bytes(void)
{
	return section_bytes(mem_map_sections);
}

/* mem_map=sparse: the section tables even where the holes are small. */
static bool mem_map_force_sparse;

static int parse_mem_map(const char *value)
{
	if (value && !strcmp(value, "sparse"))
		mem_map_force_sparse = true;
	else if (value && !strcmp(value, "auto"))
		mem_map_force_sparse = false;
	else
		return cmdline_bad_value("mem_map", value,
					 "expected auto or sparse");
	return 0;
}

static void show_mem_map(char *buf, size_t size)
{
	strlcpy(buf, mem_map_force_sparse ? "sparse" : "auto", size);
}
BOOT_PARAM("mem_map", "mem_map=sparse   section tables even for small holes",
	   parse_mem_map, show_mem_map);

/* Flat if the holes below the last section with RAM are small enough. */
static void choose_layout(void)
{
	unsigned long holes = last_present_section + 1 - nr_present_sections;

	mem_map_flat = nr_present_sections && !mem_map_force_sparse &&
		       section_bytes(holes) <= FLAT_HOLES_MAX;
	assign_slots();
}

struct free_lowmem {
	phys_addr_t limit, bytes;
};

static void count_free_lowmem(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct free_lowmem *f = arg;

	if (start < f->limit)
		f->bytes += min(end, f->limit) - start;
}

/*
 * If mem_map would take more than half of the free lowmem, the highest
 * highmem sections go: lowmem must stay usable for everything else.
 * Only an odd memory map (little lowmem, lots of highmem) gets here.
 */
static void fit_mem_map_in_lowmem(void)
{
	struct free_lowmem f = { memblock.current_limit, 0 };
	phys_addr_t dropped_from = 0;

	memblock_for_each_free_range(count_free_lowmem, &f);
	if (mem_map_flat && mem_map_bytes() > f.bytes / 2) {
		/* The holes' descriptors first: go sparse. */
		mem_map_flat = false;
		assign_slots();
	}
	/* Above lowmem the last slot is the highest section with RAM. */
	while (mem_map_bytes() > f.bytes / 2 && nr_present_sections > 1) {
		unsigned long s = slot_to_section[mem_map_sections - 1];
		phys_addr_t start = PFN_PHYS(s << PFN_SECTION_SHIFT);

		if (start < PFN_PHYS(max_low_pfn))
			panic("mem_map for lowmem alone (%llu KiB) does not "
			      "fit in %llu KiB of free lowmem",
			      (unsigned long long)mem_map_bytes() >> 10,
			      (unsigned long long)f.bytes >> 10);
		memblock_remove(start, ~0ull - start);
		dropped_from = start;
		section_to_slot[s] = SECTION_NOT_PRESENT;
		slot_to_section[mem_map_sections - 1] = SECTION_NOT_PRESENT;
		nr_present_sections--;
		mem_map_sections--;
	}
	if (dropped_from) {
		max_pfn = min(max_pfn, PFN_DOWN(dropped_from));
		pr_warn("not enough lowmem for the struct pages of all "
			"highmem: RAM above 0x%llx ignored\n",
			(unsigned long long)dropped_from);
	}
}

void sparse_init(void)
{
	phys_addr_t phys;
	char size[32];

	mark_present_sections();
	choose_layout();
	fit_mem_map_in_lowmem();
	/*
	 * A flat map starts on a section boundary if it can: kmap_atomic's
	 * inline path then computes a PTE from a struct page pointer with
	 * shifts alone (highmem/highmem.h).
	 */
	phys = 0;
	if (mem_map_flat)
		phys = memblock_phys_alloc(mem_map_bytes(), 1ul << SECTION_SIZE_BITS);
	if (!phys)
		phys = memblock_phys_alloc(mem_map_bytes(), PAGE_SIZE);
	if (!phys)
		panic("no lowmem for mem_map (%llu bytes)",
		      (unsigned long long)mem_map_bytes());
	mem_map = __va(phys);
	snprint_size(size, sizeof(size), mem_map_bytes());
	if (mem_map_flat)
		pr_info("mem_map: flat, %u sections of 16 MiB (%u with RAM), "
			"%s of struct page (%zu bytes each) at phys 0x%llx\n",
			mem_map_sections, nr_present_sections, size,
			sizeof(struct page), (unsigned long long)phys);
	else
		pr_info("mem_map: sparse, %u sections of 16 MiB with RAM, %s "
			"of struct page (%zu bytes each) at phys 0x%llx\n",
			nr_present_sections, size, sizeof(struct page),
			(unsigned long long)phys);
}
