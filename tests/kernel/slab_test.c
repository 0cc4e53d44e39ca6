// SPDX-License-Identifier: MIT
/* In-kernel tests of the slab allocator and kmalloc. */
#include "tests/kernel/ktest.h"
#include "kernel/lib/string.h"
#include "kernel/timer.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include <asm/cpu.h>

/* Allocate, fill, check and free one object of every class. */
static int exercise_all_classes(gfp_t gfp)
{
	int bad = 0;

	for (int i = 0; i < KMALLOC_CLASSES; i++) {
		unsigned int size = kmalloc_sizes[i];
		u8 *p = kmalloc(size, gfp);

		if (!p || ksize(p) != size ||
		    (virt_to_cache(p) != ((gfp & __GFP_DMA) ?
					  kmalloc_dma_caches[i] :
					  kmalloc_caches[i]))) {
			bad++;
			kfree(p);
			continue;
		}
		memset(p, i, size);
		if (p[0] != i || p[size - 1] != i)
			bad++;
		kfree(p);
	}
	return bad;
}

KTEST(kmalloc, every_class_from_a_thread)
{
	KT_EXPECT_EQ(t, exercise_all_classes(GFP_KERNEL), 0);
	KT_EXPECT_EQ(t, exercise_all_classes(GFP_KERNEL | __GFP_DMA), 0);
}

static volatile int irq_bad = -1;

static void kmalloc_in_irq(struct timer_list *timer)
{
	(void)timer;
	irq_bad = exercise_all_classes(GFP_ATOMIC);
}

KTEST(kmalloc, every_class_from_an_interrupt)
{
	struct timer_list timer;
	u64 give_up = get_jiffies_64() + 100;

	irq_bad = -1;
	timer_setup(&timer, kmalloc_in_irq);
	timer.expires = get_jiffies_64() + 1;
	add_timer(&timer);
	while (irq_bad < 0 && get_jiffies_64() < give_up)
		halt();
	del_timer_sync(&timer); /* on our stack: gone from CPU 0 before we return */
	KT_EXPECT_EQ(t, irq_bad, 0);
}

/* The inline class lookup's table and the constant one agree with the sizes. */
KTEST(kmalloc, every_size_gets_the_smallest_class_that_fits)
{
	int bad = 0;

	for (unsigned int size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		unsigned int i = kmalloc_index(size);

		if (kmalloc_sizes[i] < size ||
		    (i && kmalloc_sizes[i - 1] >= size) ||
		    (unsigned int)kmalloc_index_const(size) != i)
			bad++;
	}
	KT_EXPECT_EQ(t, bad, 0);
}

KTEST(kmalloc, dma_objects_below_16m)
{
	void *p[64];

	for (int i = 0; i < 64; i++) {
		p[i] = kmalloc(24 + i * 60, GFP_DMA);
		KT_ASSERT_NOT_NULL(t, p[i]);
		KT_EXPECT_LT(t, __pa(p[i]), 16u << 20);
		KT_EXPECT_EQ(t, page_zonenum(virt_to_page(p[i])), ZONE_DMA);
	}
	for (int i = 0; i < 64; i++)
		kfree(p[i]);
}

KTEST(kmalloc, large_and_krealloc)
{
	char *p = kmalloc(100000, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_EQ(t, ksize(p), 128u * 1024);
	KT_EXPECT_FALSE(t, PageHighMem(virt_to_page(p)));
	p[99999] = 'z';
	p = krealloc(p, 200000, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_EQ(t, p[99999], 'z');
	kfree(p);
	KT_EXPECT_EQ(t, (uintptr_t)kmalloc(0, GFP_KERNEL), (uintptr_t)ZERO_SIZE_PTR);
}

struct widget {
	u32 magic;
	u8 payload[60];
};

static void widget_ctor(void *obj)
{
	((struct widget *)obj)->magic = 0x77;
}

KTEST(slab, cache_lifecycle_and_leak_report)
{
	struct kmem_cache *c = kmem_cache_create("widget", sizeof(struct widget),
						 0, SLAB_HWCACHE_ALIGN,
						 widget_ctor);
	struct widget *w[100];

	KT_ASSERT_NOT_NULL(t, c);
	for (int i = 0; i < 100; i++) {
		w[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, w[i]);
		KT_EXPECT_EQ(t, w[i]->magic, 0x77);
		KT_EXPECT_EQ(t, (uintptr_t)w[i] % CACHE_LINE_SIZE, 0);
	}
	KT_EXPECT_EQ(t, kmem_cache_objects_in_use(c), 100);
	for (int i = 1; i < 100; i++)
		kmem_cache_free(c, w[i]);
	printk("    (one leak expected:)\n");
	KT_EXPECT_NE(t, kmem_cache_destroy(c), 0); /* w[0] is still out */
	kmem_cache_free(c, w[0]);
	KT_EXPECT_EQ(t, kmem_cache_destroy(c), 0);
}

KTEST(slab, shrink_gives_pages_back)
{
	unsigned long free_before;
	void *p[600];

	drain_all_pages();
	for (int i = 0; i < 600; i++)
		p[i] = kmalloc(700, GFP_KERNEL);
	for (int i = 0; i < 600; i++)
		kfree(p[i]);
	kmem_cache_shrink(kmalloc_caches[9]);
	drain_all_pages();
	free_before = nr_free_pages();
	/* Nothing empty is left to give back. */
	KT_EXPECT_EQ(t, kmem_cache_shrink(kmalloc_caches[9]), 0);
	drain_all_pages();
	KT_EXPECT_EQ(t, nr_free_pages(), free_before);
	KT_EXPECT_TRUE(t, list_empty(&kmalloc_caches[9]->slabs_free));
}
