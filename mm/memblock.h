/* SPDX-License-Identifier: MIT */
/*
 * memblock: the boot-time physical memory allocator. It knows two sets
 * of ranges, "memory" (RAM from the memory map) and "reserved" (kernel
 * image, boot information, allocations made so far); free memory is
 * memory minus reserved. Page tables and mem_map come from here before
 * the buddy allocator exists; then the free ranges are handed over.
 */
#ifndef MM_MEMBLOCK_H
#define MM_MEMBLOCK_H

#include "kernel/lib/types.h"

#define MEMBLOCK_MAX_REGIONS 128

/* A physical range [start, end). */
struct phys_range {
	phys_addr_t start, end;
};

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	const char *name;
	unsigned int cnt;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

struct memblock {
	phys_addr_t current_limit; /* allocations stay below this */
	bool retired;		   /* the buddy allocator owns memory now */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

/* Forget every range; limit allocations to below @limit. */
void memblock_reset(phys_addr_t limit);

/*
 * memblock_add / memblock_reserve - add a range to memory / reserved
 * Overlapping and adjacent ranges merge. Context: boot.
 * Return: 0, or -ENOSPC when the region table is full.
 */
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);

/* Take a range out of memory (it was never RAM for us). */
int memblock_remove(phys_addr_t base, phys_addr_t size);

/*
 * memblock_phys_alloc - reserve @size bytes aligned to @align, as high
 * as possible below current_limit (low memory stays for DMA).
 * Context: boot. Return: the physical address, or 0 if nothing fits.
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);

/*
 * memblock_alloc - like memblock_phys_alloc, but returns the zeroed
 * memory's direct-map address and panics (naming @what) on failure.
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align, const char *what);

/* True if any byte of [base, base + size) is reserved. */
bool memblock_is_reserved(phys_addr_t base, phys_addr_t size);

/* Call @fn for each free range (memory minus reserved), in order. */
void memblock_for_each_free_range(void (*fn)(phys_addr_t start,
					     phys_addr_t end, void *arg),
				  void *arg);

phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);

/**
 * memblock_free_below - bytes of memory not reserved, below @limit
 * @limit: a physical address (the end of lowmem, for one)
 *
 * Context: boot. Return: the free bytes under @limit.
 */
phys_addr_t memblock_free_below(phys_addr_t limit);

/* After this, allocating panics: the free ranges belong to the buddy allocator. */
void memblock_retire(void);

/* Print both tables. */
void memblock_dump(void);

#endif /* MM_MEMBLOCK_H */
