// SPDX-License-Identifier: MIT
/*
 * page_address() for highmem pages. struct page has no room for the
 * address of a kmapped page (it would grow by a quarter), so the pages
 * that hold a pkmap slot are found in a small hash table instead, keyed
 * by the struct page. At most LAST_PKMAP pages are in it, so its entries
 * come from a fixed pool, one per slot.
 */
#include "highmem/highmem.h"
#include "highmem/pkmap.h"
#include "kernel/lib/list.h"
#include "kernel/debug/panic.h"
#include "kernel/spinlock.h"

#define PA_HASH_ORDER 7
#define PA_HASH_SIZE (1u << PA_HASH_ORDER)

struct page_address_map {
	const struct page *page;
	void *virtual;
	struct list_head list;
};

static struct page_address_map pa_pool[LAST_PKMAP];
static struct list_head pa_hash[PA_HASH_SIZE];
static LIST_HEAD(pa_free);
static DEFINE_SPINLOCK(pa_lock); /* page_address may run in IRQs: irqsave */

static struct list_head *pa_bucket(const struct page *page)
{
	/* Neighbouring descriptors are 16 bytes apart: hash the index. */
	unsigned long key = (unsigned long)page / sizeof(struct page);

	return &pa_hash[(key * 0x9E370001ul) >> (32 - PA_HASH_ORDER) &
			(PA_HASH_SIZE - 1)];
}

void page_address_init(void)
{
	for (unsigned int i = 0; i < PA_HASH_SIZE; i++)
		INIT_LIST_HEAD(&pa_hash[i]);
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		list_add_tail(&pa_pool[i].list, &pa_free);
}

void *pkmap_address(const struct page *page)
{
	struct page_address_map *pam;
	unsigned long flags;
	void *addr = NULL;

	spin_lock_irqsave(&pa_lock, flags);
	list_for_each_entry(pam, pa_bucket(page), list)
		if (pam->page == page) {
			addr = pam->virtual;
			break;
		}
	spin_unlock_irqrestore(&pa_lock, flags);
	return addr;
}

void set_page_address(const struct page *page, void *virtual)
{
	struct page_address_map *pam;
	unsigned long flags;

	spin_lock_irqsave(&pa_lock, flags);
	if (virtual) {
		if (list_empty(&pa_free))
			panic("page_address hash: more mappings than pkmap slots");
		pam = list_first_entry(&pa_free, struct page_address_map, list);
		list_del(&pam->list);
		pam->page = page;
		pam->virtual = virtual;
		list_add_tail(&pam->list, pa_bucket(page));
	} else {
		list_for_each_entry(pam, pa_bucket(page), list)
			if (pam->page == page) {
				list_del(&pam->list);
				list_add(&pam->list, &pa_free);
				break;
			}
	}
	spin_unlock_irqrestore(&pa_lock, flags);
}

void *page_address(const struct page *page)
{
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return pkmap_address(page);
}
