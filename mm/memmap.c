// SPDX-License-Identifier: MIT
/*
 * Cleaning up the firmware memory map. Firmware maps can overlap, come
 * unsorted, hold empty or absurd entries; everything downstream
 * (memblock, zones) assumes a sorted map without overlaps, so all
 * repairs happen here, once, and each one is reported.
 */
#define pr_fmt(fmt) "memmap: " fmt

#include "mm/memmap.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/cmdline.h"
#include "kernel/lib/errno.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include <asm/layout.h>

struct memory_map firmware_memory_map;
struct memory_map usable_memory_map;

const char *memory_type_name(u32 type)
{
	switch (type) {
	case MEMORY_AVAILABLE: return "usable";
	case MEMORY_RESERVED: return "reserved";
	case MEMORY_ACPI_RECLAIMABLE: return "ACPI data";
	case MEMORY_NVS: return "ACPI NVS";
	case MEMORY_BADRAM: return "unusable";
	default: return "unknown";
	}
}

int memory_map_add(struct memory_map *map, u64 addr, u64 size, u32 type)
{
	if (map->nr >= MEMORY_MAP_MAX)
		return -ENOSPC;
	map->region[map->nr].addr = addr;
	map->region[map->nr].size = size;
	map->region[map->nr].type = type;
	map->nr++;
	return 0;
}

/* Usable RAM yields to every other type; otherwise the higher number wins. */
static int type_priority(u32 type)
{
	return type == MEMORY_AVAILABLE ? 0 : (int)(type > 0xFFFF ? 0xFFFF : type);
}

static u64 region_end(const struct memory_region *r)
{
	return r->addr + r->size;
}

static void sort_u64(u64 *v, unsigned int n)
{
	for (unsigned int i = 1; i < n; i++) {
		u64 key = v[i];
		unsigned int j = i;

		while (j > 0 && v[j - 1] > key) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = key;
	}
}

/* Drop empty entries and clip those that wrap; count the repairs. */
static int drop_empty_and_wrapping(struct memory_map *map)
{
	unsigned int out = 0;
	int fixes = 0;

	for (unsigned int i = 0; i < map->nr; i++) {
		struct memory_region r = map->region[i];

		if (r.size == 0) {
			fixes++;
			continue;
		}
		if (r.addr + r.size < r.addr) {
			r.size = ~0ull - r.addr;
			fixes++;
		}
		map->region[out++] = r;
	}
	map->nr = out;
	return fixes;
}

/* The type that wins on [start, end), or 0 if no entry covers it. */
static u32 winning_type(const struct memory_map *map, u64 start, u64 end)
{
	u32 best = 0;

	for (unsigned int i = 0; i < map->nr; i++) {
		const struct memory_region *r = &map->region[i];

		if (r->addr <= start && region_end(r) >= end &&
		    (best == 0 || type_priority(r->type) > type_priority(best)))
			best = r->type;
	}
	return best;
}

static bool has_overlap_or_disorder(const struct memory_map *map)
{
	for (unsigned int i = 1; i < map->nr; i++)
		if (map->region[i].addr < region_end(&map->region[i - 1]))
			return true;
	return false;
}

int memory_map_sanitize(struct memory_map *map)
{
	static u64 points[2 * MEMORY_MAP_MAX];
	static struct memory_map out;
	unsigned int npoints = 0, old_nr;
	int fixes = drop_empty_and_wrapping(map);

	if (has_overlap_or_disorder(map))
		fixes++;
	old_nr = map->nr;
	/*
	 * Sweep the boundaries: between two consecutive boundaries every
	 * address is covered by the same set of entries, so one type wins
	 * for the whole piece.
	 */
	for (unsigned int i = 0; i < map->nr; i++) {
		points[npoints++] = map->region[i].addr;
		points[npoints++] = region_end(&map->region[i]);
	}
	sort_u64(points, npoints);
	out.nr = 0;
	for (unsigned int i = 0; i + 1 < npoints; i++) {
		u64 start = points[i], end = points[i + 1];
		u32 type;
		struct memory_region *last;

		if (start == end)
			continue;
		type = winning_type(map, start, end);
		if (!type)
			continue; /* a hole between entries */
		last = out.nr ? &out.region[out.nr - 1] : NULL;
		if (last && last->type == type && region_end(last) == start)
			last->size += end - start;
		else
			memory_map_add(&out, start, end - start, type);
	}
	map->nr = out.nr;
	memcpy(map->region, out.region, out.nr * sizeof(out.region[0]));
	if (map->nr > old_nr)
		fixes++;
	return fixes;
}

u64 memory_map_limit_ram(struct memory_map *map, u64 limit)
{
	u64 dropped = 0;
	unsigned int out = 0;

	for (unsigned int i = 0; i < map->nr; i++) {
		struct memory_region r = map->region[i];

		if (r.type == MEMORY_AVAILABLE && region_end(&r) > limit) {
			u64 keep = r.addr < limit ? limit - r.addr : 0;

			dropped += r.size - keep;
			r.size = keep;
			if (!keep)
				continue;
		}
		map->region[out++] = r;
	}
	map->nr = out;
	return dropped;
}

u64 memory_map_total(const struct memory_map *map, u32 type)
{
	u64 total = 0;

	for (unsigned int i = 0; i < map->nr; i++)
		if (map->region[i].type == type)
			total += map->region[i].size;
	return total;
}

u64 memory_map_ram_end(const struct memory_map *map)
{
	u64 end = 0;

	for (unsigned int i = 0; i < map->nr; i++)
		if (map->region[i].type == MEMORY_AVAILABLE)
			end = max(end, region_end(&map->region[i]));
	return end;
}

void memory_map_print(const struct memory_map *map, const char *prefix)
{
	for (unsigned int i = 0; i < map->nr; i++) {
		const struct memory_region *r = &map->region[i];

		printk("%s[mem 0x%016llx-0x%016llx] %s (type %u)\n", prefix,
		       (unsigned long long)r->addr,
		       (unsigned long long)(region_end(r) - 1),
		       memory_type_name(r->type), r->type);
	}
}

static void warn_dropped(u64 bytes, const char *why)
{
	char size[32];

	if (!bytes)
		return;
	snprint_size(size, sizeof(size), bytes);
	pr_warn("%s of RAM %s ignored\n", size, why);
}

/* mem=: use RAM below this only (0: no limit). */
static u64 mem_limit;

static int parse_mem(const char *value)
{
	u64 size;

	if (!value || parse_size(value, NULL, &size))
		return cmdline_bad_value("mem", value,
					 "not a size (use e.g. mem=512M or mem=6G)");
	if (size < MEM_LIMIT_MIN)
		return cmdline_bad_value("mem", value,
					 "too small; the kernel needs at least 8M");
	mem_limit = size;
	return 0;
}

static void show_mem(char *buf, size_t size)
{
	if (mem_limit)
		snprint_size(buf, size, mem_limit);
	else
		strlcpy(buf, "(no limit)", size);
}
BOOT_PARAM("mem", "mem=SIZE         use RAM below SIZE only", parse_mem,
	   show_mem);

/* memmap=SIZE$ADDR: physical ranges to reserve, in the order given. */
static struct memmap_option {
	u64 addr;
	u64 size;
} memmap_options[MAX_MEMMAP_OPTIONS];
static unsigned int nr_memmap;

static int parse_memmap(const char *value)
{
	const char *p;
	u64 size, addr;

	if (!value || parse_size(value, &p, &size) || *p != '$' ||
	    parse_size(p + 1, NULL, &addr))
		return cmdline_bad_value("memmap", value, "expected SIZE$ADDR, "
					 "e.g. memmap=64M$0x10000000");
	if (size == 0 || addr + size < addr)
		return cmdline_bad_value("memmap", value,
					 "empty or wrapping range");
	if (nr_memmap == MAX_MEMMAP_OPTIONS)
		return cmdline_bad_value("memmap", value,
					 "too many memmap= options");
	memmap_options[nr_memmap].addr = addr;
	memmap_options[nr_memmap].size = size;
	nr_memmap++;
	return 0;
}

static void show_memmap(char *buf, size_t size)
{
	size_t len = 0;

	strlcpy(buf, nr_memmap ? "" : "(none)", size);
	for (unsigned int i = 0; i < nr_memmap && len + 1 < size; i++)
		len += scnprintf(buf + len, size - len, "%s0x%llx$0x%llx",
				 i ? " " : "",
				 (unsigned long long)memmap_options[i].size,
				 (unsigned long long)memmap_options[i].addr);
}
BOOT_PARAM_REPEATABLE("memmap", "memmap=SIZE$ADDR reserve a physical range",
		      parse_memmap, show_memmap);

void memmap_clear_options(void)
{
	mem_limit = 0;
	nr_memmap = 0;
}

static void apply_memmap_reservations(struct memory_map *map)
{
	for (unsigned int i = 0; i < nr_memmap; i++) {
		const struct memmap_option *m = &memmap_options[i];

		if (memory_map_add(map, m->addr, m->size, MEMORY_RESERVED)) {
			pr_err("memmap=: too many map entries, ignoring the rest\n");
			break;
		}
		pr_info("reserving [mem 0x%016llx-0x%016llx] (memmap=)\n",
			(unsigned long long)m->addr,
			(unsigned long long)(m->addr + m->size - 1));
	}
	memory_map_sanitize(map);
}

void memmap_setup(unsigned int phys_bits)
{
	struct memory_map *map = &usable_memory_map;
	u64 cpu_limit = 1ull << phys_bits, dropped;
	int fixes;
	char why[96];

	*map = firmware_memory_map;
	fixes = memory_map_sanitize(map);
	if (fixes) {
		pr_warn("the firmware map had %d overlapping, empty or "
			"unsorted entries; sanitized map:\n", fixes);
		memory_map_print(map, " ");
	}
	apply_memmap_reservations(map);

	if (cpu_limit > MAX_PHYS_ADDR) {
		dropped = memory_map_limit_ram(map, MAX_PHYS_ADDR);
		warn_dropped(dropped, "above 64 GiB (36-bit PAE limit of "
				      "this kernel)");
	} else {
		snprintf(why, sizeof(why),
			 "above the CPU's %u-bit physical address limit",
			 phys_bits);
		warn_dropped(memory_map_limit_ram(map, cpu_limit), why);
	}

	if (mem_limit) {
		char limit[32];

		snprint_size(limit, sizeof(limit), mem_limit);
		if (mem_limit >= memory_map_ram_end(map)) {
			pr_info("mem=%s is beyond the end of RAM; no effect\n",
				limit);
		} else {
			snprintf(why, sizeof(why), "above mem=%s", limit);
			warn_dropped(memory_map_limit_ram(map, mem_limit), why);
		}
	}
}
