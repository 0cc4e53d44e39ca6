// SPDX-License-Identifier: MIT
/*
 * memblock keeps each table sorted and merged, so "free" ranges fall out
 * of one walk over both tables. Tables are small (tens of entries) and
 * only used at boot: simple array code wins over clever structures.
 */
#define pr_fmt(fmt) "memblock: " fmt

#include "mm/memblock.h"
#include "kernel/lib/errno.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include <asm/layout.h>

struct memblock memblock = {
	.memory.name = "memory",
	.reserved.name = "reserved",
};

void memblock_reset(phys_addr_t limit)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	memblock.current_limit = limit;
	memblock.retired = false;
}

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static void remove_region(struct memblock_type *type, unsigned int i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

static int insert_region(struct memblock_type *type, unsigned int i,
			 phys_addr_t base, phys_addr_t size)
{
	if (type->cnt == MEMBLOCK_MAX_REGIONS)
		return -ENOSPC;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = size;
	type->cnt++;
	return 0;
}

/* Insert [base, base + size) in order, then merge it with its neighbours. */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned int i = 0;

	if (size == 0)
		return 0;
	if (end < base)
		end = ~(phys_addr_t)0; /* clip a wrapping range */
	while (i < type->cnt && type->regions[i].base < base)
		i++;
	if (insert_region(type, i, base, end - base))
		return -ENOSPC;
	/* Merge backwards once, then swallow every region we reach. */
	if (i > 0 && region_end(&type->regions[i - 1]) >= base)
		i--;
	while (i + 1 < type->cnt &&
	       region_end(&type->regions[i]) >= type->regions[i + 1].base) {
		phys_addr_t new_end = max(region_end(&type->regions[i]),
					  region_end(&type->regions[i + 1]));

		type->regions[i].size = new_end - type->regions[i].base;
		remove_region(type, i + 1);
	}
	return 0;
}

/* Cut [base, base + size) out of every region of @type. */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	phys_addr_t end = base + size;

	if (end < base)
		end = ~(phys_addr_t)0;
	for (unsigned int i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = region_end(r);

		if (rend <= base || r->base >= end)
			continue;
		if (r->base < base && rend > end) {
			/* The hole is inside: split in two. */
			r->size = base - r->base;
			return insert_region(type, i + 1, end, rend - end);
		}
		if (r->base < base) {
			r->size = base - r->base;
		} else if (rend > end) {
			r->size = rend - end;
			r->base = end;
		} else {
			remove_region(type, i);
			i--;
		}
	}
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

void memblock_for_each_free_range(void (*fn)(phys_addr_t start,
					     phys_addr_t end, void *arg),
				  void *arg)
{
	const struct memblock_type *rsv = &memblock.reserved;
	unsigned int r = 0;

	for (unsigned int m = 0; m < memblock.memory.cnt; m++) {
		phys_addr_t start = memblock.memory.regions[m].base;
		phys_addr_t end = region_end(&memblock.memory.regions[m]);

		/* Skip reservations that end before this region. */
		while (r < rsv->cnt && region_end(&rsv->regions[r]) <= start)
			r++;
		for (unsigned int i = r; i < rsv->cnt && start < end; i++) {
			const struct memblock_region *res = &rsv->regions[i];

			if (res->base >= end)
				break;
			if (res->base > start)
				fn(start, res->base, arg);
			start = max(start, region_end(res));
		}
		if (start < end)
			fn(start, end, arg);
	}
}

struct alloc_request {
	phys_addr_t size, align, limit;
	phys_addr_t best; /* highest fitting base found so far, 0 if none */
};

static void consider_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct alloc_request *req = arg;
	phys_addr_t top = min(end, req->limit), base;

	if (top < req->size)
		return;
	base = ALIGN_DOWN(top - req->size, req->align);
	if (base >= start && base > req->best)
		req->best = base;
}

void memblock_retire(void)
{
	memblock.retired = true;
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_below(size, align, memblock.current_limit);
}

phys_addr_t memblock_phys_alloc_below(phys_addr_t size, phys_addr_t align,
				      phys_addr_t limit)
{
	struct alloc_request req = { size, align ? align : 1,
				     min(limit, memblock.current_limit), 0 };

	if (memblock.retired)
		panic("memblock: allocation of %llu bytes after the page "
		      "allocator took over memory", (unsigned long long)size);

	if (size == 0)
		return 0;
	memblock_for_each_free_range(consider_range, &req);
	if (req.best && memblock_reserve(req.best, size))
		return 0;
	return req.best;
}

void *memblock_alloc(phys_addr_t size, phys_addr_t align, const char *what)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);
	void *virt;

	if (!phys) {
		memblock_dump();
		panic("memblock: out of memory allocating %llu bytes for %s "
		      "below 0x%llx", (unsigned long long)size, what,
		      (unsigned long long)memblock.current_limit);
	}
	virt = __va(phys);
	memset(virt, 0, size);
	return virt;
}

bool memblock_is_reserved(phys_addr_t base, phys_addr_t size)
{
	for (unsigned int i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		if (r->base < base + size && region_end(r) > base)
			return true;
	}
	return false;
}

static phys_addr_t total_size(const struct memblock_type *type)
{
	phys_addr_t sum = 0;

	for (unsigned int i = 0; i < type->cnt; i++)
		sum += type->regions[i].size;
	return sum;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return total_size(&memblock.memory);
}

phys_addr_t memblock_reserved_size(void)
{
	return total_size(&memblock.reserved);
}

struct free_below {
	phys_addr_t limit, bytes;
};

static void add_free_below(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct free_below *fb = arg;

	if (end > fb->limit)
		end = fb->limit;
	if (end > start)
		fb->bytes += end - start;
}

phys_addr_t memblock_free_below(phys_addr_t limit)
{
	struct free_below fb = { limit, 0 };

	memblock_for_each_free_range(add_free_below, &fb);
	return fb.bytes;
}

static void dump_type(const struct memblock_type *type)
{
	printk(" %s.cnt = %u\n", type->name, type->cnt);
	for (unsigned int i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		printk(" %s[%u] [0x%016llx-0x%016llx], 0x%llx bytes\n",
		       type->name, i, (unsigned long long)r->base,
		       (unsigned long long)(region_end(r) - 1),
		       (unsigned long long)r->size);
	}
}

void memblock_dump(void)
{
	printk("memblock: current_limit 0x%llx\n",
	       (unsigned long long)memblock.current_limit);
	dump_type(&memblock.memory);
	dump_type(&memblock.reserved);
}
