/* SPDX-License-Identifier: MIT */
/* Shared inside highmem/: the pkmap area and the page_address hash. */
#ifndef HIGHMEM_PKMAP_H
#define HIGHMEM_PKMAP_H

#include <asm/pgtable.h>

#define PKMAP_ADDR(nr) (PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))
#define PKMAP_NR(addr) (((unsigned long)(addr) - PKMAP_BASE) >> PAGE_SHIFT)

/*
 * Temporary mappings are not global: their TLB entries go with a CR3
 * reload, which flushes the pkmap area in one step while the (global)
 * direct map stays cached.
 */
#define kmap_prot (PAGE_KERNEL & ~_PAGE_GLOBAL)

/**
 * page_address_init - an empty page_address hash, every entry free
 *
 * Context: boot, once, from kmap_init.
 */
void page_address_init(void);

/**
 * set_page_address - record (or with NULL forget) the pkmap address of @page
 * @page: a page that gets or loses a pkmap slot
 * @virtual: its pkmap address, or NULL
 *
 * Panics if more pages are recorded than there are pkmap slots.
 * Context: any; the caller holds kmap_lock. Takes the hash lock with
 * interrupts off.
 */
void set_page_address(const struct page *page, void *virtual);

/**
 * pkmap_init - find the page table of the pkmap area
 *
 * It was made at boot with the other kernel page tables; panics if not.
 * Context: boot, once, from kmap_init.
 */
void pkmap_init(void);

/**
 * pkmap_lowmem_slots - pool slots in use that map lowmem pages
 *
 * Only kmap.debug puts lowmem pages in the pool.
 * Context: any; a snapshot. Return: how many.
 */
unsigned int pkmap_lowmem_slots(void);

/**
 * kmap_atomic_init - find the fixmap's page table and the slots' PTE bits
 *
 * Panics without a page table; chooses the inline or slow path.
 * Context: boot, once, from kmap_init.
 */
void kmap_atomic_init(void);

/**
 * kmap_slot_pte - the PTE of @cpu's kmap slot @idx
 * @cpu: a possible CPU
 * @idx: the slot, 0 to KM_MAX_IDX - 1
 *
 * The guard-page layout of kmap.debug is taken into account.
 * Context: any. Return: the PTE.
 */
pteval_t *kmap_slot_pte(unsigned int cpu, int idx);

/**
 * kmap_slot_vaddr - the address of @cpu's kmap slot @idx
 * @cpu: a possible CPU
 * @idx: the slot
 *
 * Context: any. Return: the page-aligned address.
 */
unsigned long kmap_slot_vaddr(unsigned int cpu, int idx);

struct task_struct;

/**
 * kmap_slot_owner_set - record that @task holds @cpu's slot @idx now
 * @cpu: the slot's CPU
 * @idx: the slot, already mapped
 * @task: the thread (or the thread an interrupt came in)
 * @local: made by kmap_local_page
 *
 * Context: kmap.debug only; preemption off, on @cpu.
 */
void kmap_slot_owner_set(unsigned int cpu, int idx, struct task_struct *task,
			 bool local);

/**
 * kmap_slot_record - record the mapping just made at this CPU's slot @idx
 * @idx: the slot
 * @local: made by kmap_local_page
 *
 * Context: kmap.debug only; the slow path, preemption off.
 */
void kmap_slot_record(int idx, bool local);

/**
 * kmap_slot_owner_known - is there a record for @cpu's slot @idx?
 * @cpu: the slot's CPU
 * @idx: the slot
 *
 * Context: any. Return: true in kmap.debug mode once the slot was used.
 */
bool kmap_slot_owner_known(unsigned int cpu, int idx);

/**
 * kmap_slot_kind - "kmap_local" or "kmap_atomic": who used slot @idx last
 * @cpu: the slot's CPU
 * @idx: the slot
 *
 * Context: any. Return: the name, or "kmap_local/kmap_atomic" without a
 * record.
 */
const char *kmap_slot_kind(unsigned int cpu, int idx);

/**
 * kmap_slot_describe - for a fault report: whose mapping slot @idx was
 * @cpu: the slot's CPU
 * @idx: the slot
 *
 * Prints the last mapping (thread, kind, page) and, for a kmap_local
 * mapping, whether the faulting thread is the one that made it.
 * Context: any, fault handlers included; prints nothing without
 * kmap.debug.
 */
void kmap_slot_describe(unsigned int cpu, int idx);

/**
 * kmap_slot_describe_owner - kmap_slot_describe for the slot at @vaddr
 * @vaddr: an address in the kmap slots
 *
 * Context: any.
 */
void kmap_slot_describe_owner(unsigned long vaddr);

#endif /* HIGHMEM_PKMAP_H */
