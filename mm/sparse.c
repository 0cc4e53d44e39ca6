// SPDX-License-Identifier: MIT
/*
 * mem_map for the sections that hold RAM (see mm/page.h). The array is
 * allocated from memblock but not initialised here: mm/zone_init.c
 * writes every descriptor exactly once.
 */
#define pr_fmt(fmt) "mm: " fmt

#include "mm/sparse.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "mm/memblock.h"

struct page *mem_map;
u16 section_to_slot[NR_MEM_SECTIONS];
u16 slot_to_section[NR_MEM_SECTIONS];
unsigned int nr_present_sections;

static void mark_present_sections(void)
{
	memset(section_to_slot, 0xFF, sizeof(section_to_slot));
	memset(slot_to_section, 0xFF, sizeof(slot_to_section));
	nr_present_sections = 0;
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long first = PFN_DOWN(r->base) >> PFN_SECTION_SHIFT;
		unsigned long last = (PFN_UP(r->base + r->size) - 1) >>
				     PFN_SECTION_SHIFT;

		for (unsigned long s = first; s <= last && s < NR_MEM_SECTIONS;
		     s++)
			section_to_slot[s] = 0; /* present; slot set below */
	}
	/* Slots in section order, so mem_map is sorted by pfn. */
	for (unsigned long s = 0; s < NR_MEM_SECTIONS; s++) {
		if (section_to_slot[s] == SECTION_NOT_PRESENT)
			continue;
		section_to_slot[s] = nr_present_sections;
		slot_to_section[nr_present_sections] = s;
		nr_present_sections++;
	}
}

static phys_addr_t mem_map_bytes(void)
{
	return (phys_addr_t)nr_present_sections * PAGES_PER_SECTION *
	       sizeof(struct page);
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
	while (mem_map_bytes() > f.bytes / 2 && nr_present_sections > 1) {
		unsigned long s = slot_to_section[nr_present_sections - 1];
		phys_addr_t start = PFN_PHYS(s << PFN_SECTION_SHIFT);

		if (start < PFN_PHYS(max_low_pfn))
			panic("mem_map for lowmem alone (%llu KiB) does not "
			      "fit in %llu KiB of free lowmem",
			      (unsigned long long)mem_map_bytes() >> 10,
			      (unsigned long long)f.bytes >> 10);
		memblock_remove(start, ~0ull - start);
		dropped_from = start;
		section_to_slot[s] = SECTION_NOT_PRESENT;
		slot_to_section[nr_present_sections - 1] = SECTION_NOT_PRESENT;
		nr_present_sections--;
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
	fit_mem_map_in_lowmem();
	phys = memblock_phys_alloc(mem_map_bytes(), PAGE_SIZE);
	if (!phys)
		panic("no lowmem for mem_map (%llu bytes)",
		      (unsigned long long)mem_map_bytes());
	mem_map = __va(phys);
	snprint_size(size, sizeof(size), mem_map_bytes());
	pr_info("mem_map: %u sections of 16 MiB with RAM, %s of struct page "
		"(%zu bytes each) at phys 0x%llx\n", nr_present_sections, size,
		sizeof(struct page), (unsigned long long)phys);
}
