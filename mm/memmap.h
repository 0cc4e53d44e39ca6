/* SPDX-License-Identifier: MIT */
/*
 * The firmware memory map as GRUB passed it on (BIOS e820 underneath),
 * and the cleaned-up copy the kernel uses: sorted, without overlaps or
 * empty entries, clipped by the CPU's address width and by mem=, with
 * memmap= reservations applied.
 */
#ifndef MM_MEMMAP_H
#define MM_MEMMAP_H

#include "kernel/lib/types.h"

/* Region types, numbered as in multiboot2 (and e820). */
enum memory_type {
	MEMORY_AVAILABLE = 1,
	MEMORY_RESERVED = 2,
	MEMORY_ACPI_RECLAIMABLE = 3,
	MEMORY_NVS = 4,
	MEMORY_BADRAM = 5,
};

struct memory_region {
	u64 addr;
	u64 size;
	u32 type;
};

/* Input maps are capped at half this, so sanitizing always fits. */
#define MEMORY_MAP_MAX 256

struct memory_map {
	unsigned int nr;
	struct memory_region region[MEMORY_MAP_MAX];
};

/* The map as the boot loader gave it, and the one the kernel uses. */
extern struct memory_map firmware_memory_map;
extern struct memory_map usable_memory_map;

/**
 * memory_type_name - the name of a region type the way Linux prints it
 * @type: a multiboot2 (e820) type
 *
 * Context: any.
 * Return: "usable", "reserved", "ACPI data", "ACPI NVS", "unusable" or
 * "unknown".
 */
const char *memory_type_name(u32 type);

/**
 * memory_map_add - add a region at the end of @map, unsorted
 * @map: the map
 * @addr: the physical start
 * @size: bytes
 * @type: the region type
 *
 * Call memory_map_sanitize() afterwards to sort and merge.
 * Context: boot, or a host test.
 * Return: 0 or -ENOSPC.
 */
int memory_map_add(struct memory_map *map, u64 addr, u64 size, u32 type);

/**
 * memory_map_sanitize - sort the map and resolve overlaps
 * @map: the map, at most MEMORY_MAP_MAX / 2 entries
 *
 * Empty entries are dropped, entries that wrap past 2^64 are clipped,
 * and where entries overlap the most restrictive type wins (anything
 * beats usable RAM; among the rest the higher type number wins, as
 * Linux does). Neighbours of the same type are merged.
 * Context: boot, or a host test; not reentrant (static work buffers).
 * Return: the number of entries that were changed or dropped.
 */
int memory_map_sanitize(struct memory_map *map);

/**
 * memory_map_limit_ram - drop usable RAM at and above @limit
 * @map: the map
 * @limit: a physical address
 *
 * Other region types are kept.
 * Context: boot, or a host test.
 * Return: the bytes dropped.
 */
u64 memory_map_limit_ram(struct memory_map *map, u64 limit);

/**
 * memory_map_total - bytes of @type in @map
 * @map: the map
 * @type: the region type
 *
 * Context: any.
 * Return: the total size.
 */
u64 memory_map_total(const struct memory_map *map, u32 type);

/**
 * memory_map_ram_end - the end of the highest usable RAM in @map
 * @map: the map
 *
 * Context: any.
 * Return: the address just past it, or 0 without RAM.
 */
u64 memory_map_ram_end(const struct memory_map *map);

/**
 * memory_map_print - one line per region, as "[mem start-end] type"
 * @map: the map
 * @prefix: printed first on each line
 *
 * Linux's format.
 * Context: any.
 */
void memory_map_print(const struct memory_map *map, const char *prefix);

/* mem= below this leaves too little for page tables and mem_map. */
#define MEM_LIMIT_MIN (8ull << 20)
#define MAX_MEMMAP_OPTIONS 8

/**
 * memmap_clear_options - forget mem= and memmap=, as if never given
 *
 * For tests that parse command lines again. Context: boot or a test.
 */
void memmap_clear_options(void);

/**
 * memmap_setup - build usable_memory_map from the firmware map
 * @phys_bits: the CPU's physical address width; RAM above it is dropped
 *
 * Sanitizes the firmware map, applies memmap= reservations, then drops
 * RAM beyond the CPU's (and the kernel's 36-bit) reach and above mem=,
 * printing what was found and what was dropped.
 * Context: boot, once, after cpu_init.
 */
void memmap_setup(unsigned int phys_bits);

#endif /* MM_MEMMAP_H */
