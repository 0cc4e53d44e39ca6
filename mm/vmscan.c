// SPDX-License-Identifier: MIT
/*
 * Reclaim, the small version: there is no swap and no page cache, so
 * the only memory to win back is what caches hold on to (the slab
 * allocator's empty slabs and per-CPU objects). Those caches register a
 * shrinker; alloc_pages calls them all before it gives up.
 */
#include "mm/gfp.h"
#include "kernel/spinlock.h"

static LIST_HEAD(shrinker_list);
static DEFINE_SPINLOCK(shrinker_lock);

void register_shrinker(struct shrinker *s)
{
	unsigned long flags;

	spin_lock_irqsave(&shrinker_lock, flags);
	list_add_tail(&s->list, &shrinker_list);
	spin_unlock_irqrestore(&shrinker_lock, flags);
}

void unregister_shrinker(struct shrinker *s)
{
	unsigned long flags;

	spin_lock_irqsave(&shrinker_lock, flags);
	list_del(&s->list);
	spin_unlock_irqrestore(&shrinker_lock, flags);
}

unsigned long shrink_all(void)
{
	struct shrinker *s;
	unsigned long freed = 0;

	/*
	 * Shrinkers free pages, which takes zone locks: call them without
	 * holding ours. The list only changes at boot and in tests.
	 */
	list_for_each_entry(s, &shrinker_list, list)
		freed += s->shrink(s);
	return freed;
}
