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

/**
 * memblock_reset - forget every range and start again
 * @limit: allocations stay below this physical address (the end of
 *         lowmem, so that they are direct-mapped)
 *
 * Context: boot, once, or a host test.
 */
void memblock_reset(phys_addr_t limit);

/**
 * memblock_add - add a range of RAM to memory
 * @base: the physical start
 * @size: bytes; 0 does nothing, a range past 2^64 is clipped
 *
 * Overlapping and adjacent ranges merge.
 * Context: boot.
 * Return: 0, or -ENOSPC when the region table is full.
 */
int memblock_add(phys_addr_t base, phys_addr_t size);

/**
 * memblock_reserve - mark a range as in use, so it is never handed out
 * @base: the physical start
 * @size: bytes; 0 does nothing, a range past 2^64 is clipped
 *
 * Overlapping and adjacent ranges merge. The range need not be RAM.
 * Context: boot.
 * Return: 0, or -ENOSPC when the region table is full.
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size);

/**
 * memblock_remove - take a range out of memory: it was never RAM for us
 * @base: the physical start
 * @size: bytes
 *
 * Used for RAM left out by highmem=off, or when mem_map would not fit.
 * Context: boot.
 * Return: 0, or -ENOSPC if splitting a region needs a slot the table
 * does not have.
 */
int memblock_remove(phys_addr_t base, phys_addr_t size);

/**
 * memblock_phys_alloc - reserve @size bytes aligned to @align
 * @size: bytes
 * @align: a power of two (0: no alignment)
 *
 * As high as possible below current_limit, so that low memory stays
 * for DMA. Panics once memblock is retired.
 * Context: boot, before mem_init.
 * Return: the physical address, or 0 if nothing fits.
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);

/**
 * memblock_phys_alloc_below - memblock_phys_alloc below @limit
 * @size: bytes
 * @align: a power of two (0: no alignment)
 * @limit: the end the allocation must stay under (and current_limit)
 *
 * For memory the hardware wants low: a secondary CPU's start page
 * below 1 MiB. Context: boot, before mem_init.
 * Return: the physical address, or 0 if nothing fits.
 */
phys_addr_t memblock_phys_alloc_below(phys_addr_t size, phys_addr_t align,
				      phys_addr_t limit);

/**
 * memblock_alloc - memblock_phys_alloc, zeroed, by its direct-map address
 * @size: bytes
 * @align: a power of two (0: no alignment)
 * @what: named in the panic if nothing fits
 *
 * Panics (with both tables printed) on failure, so callers need no
 * check.
 * Context: boot, before mem_init.
 * Return: the memory.
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align, const char *what);

/**
 * memblock_is_reserved - is any byte of [@base, @base + @size) reserved?
 * @base: the physical start
 * @size: bytes
 *
 * Context: boot, or a host test.
 * Return: true if any is.
 */
bool memblock_is_reserved(phys_addr_t base, phys_addr_t size);

/**
 * memblock_for_each_free_range - call @fn for each free range, in order
 * @fn: called with [start, end) of each piece of memory not reserved
 * @arg: passed to @fn
 *
 * @fn must not change the tables.
 * Context: boot.
 */
void memblock_for_each_free_range(void (*fn)(phys_addr_t start,
					     phys_addr_t end, void *arg),
				  void *arg);

/**
 * memblock_phys_mem_size - bytes of RAM in memory
 *
 * Context: boot. Return: the total of the memory table.
 */
phys_addr_t memblock_phys_mem_size(void);

/**
 * memblock_reserved_size - bytes in the reserved table
 *
 * Reservations outside RAM count too.
 * Context: boot. Return: the total of the reserved table.
 */
phys_addr_t memblock_reserved_size(void);

/**
 * memblock_free_below - bytes of memory not reserved, below @limit
 * @limit: a physical address (the end of lowmem, for one)
 *
 * Context: boot. Return: the free bytes under @limit.
 */
phys_addr_t memblock_free_below(phys_addr_t limit);

/**
 * memblock_retire - hand memory over to the buddy allocator for good
 *
 * After this, allocating from memblock panics: the free ranges belong to
 * the page allocator.
 * Context: boot, once, from mm_core_init.
 */
void memblock_retire(void);

/**
 * memblock_dump - print both tables and the allocation limit
 *
 * Part of memblock_alloc's out-of-memory report.
 * Context: boot.
 */
void memblock_dump(void);

#endif /* MM_MEMBLOCK_H */
