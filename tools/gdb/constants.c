// SPDX-License-Identifier: MIT
/*
 * The kernel's macro constants, for the GDB helpers (tools/gdb/hmkernel.py).
 *
 * GDB finds struct layouts and enums in the debug information, but
 * #define constants leave no trace there. This file is compiled to
 * assembly only, never linked: each EXPORT() leaves a line
 * "->NAME VALUE" holding the value the compiler computed from the same
 * headers the kernel uses, and tools/gdb/genconstants.sh turns those
 * lines into $(BUILD)/gdb/constants.py, next to the kernel.elf they
 * belong to. A constant the helpers need goes here, nowhere else.
 */
#include "highmem/highmem.h" /* before pkmap.h, which needs struct page */
#include "highmem/pkmap.h"
#include <asm/fixmap.h>
#include "mm/page.h"
#include <asm/pgtable.h>

/* unsigned long long: the "i" operand then prints unsigned, in full. */
#define EXPORT(name)                                                           \
	__asm__ volatile("\n.ascii \"->" #name " %c0\""                        \
			 :                                                     \
			 : "i"((unsigned long long)(name)))

void gdb_constants(void);

void gdb_constants(void)
{
	/* struct page flags: | zone | unused | order | PG_* bits | */
	EXPORT(PAGE_SHIFT);
	EXPORT(PAGE_ORDER_SHIFT);
	EXPORT(PAGE_ORDER_MASK);
	EXPORT(PAGE_ZONE_SHIFT);

	/* Sparse mem_map: sections of 2^PFN_SECTION_SHIFT pages. */
	EXPORT(PFN_SECTION_SHIFT);
	EXPORT(SECTION_NOT_PRESENT);
	EXPORT(MAX_PHYSMEM_BITS);

	/* Page-table entries. */
	EXPORT(PTE_PFN_MASK);
	EXPORT(_PAGE_PRESENT);

	/* The pkmap pool and the kmap_atomic fixmap slots. */
	EXPORT(PKMAP_BASE);
	EXPORT(FIXADDR_TOP);
	EXPORT(KM_MAX_IDX);
	EXPORT(KM_SLOT_STRIDE);
}
