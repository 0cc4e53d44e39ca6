// SPDX-License-Identifier: MIT
/* Host tests of the slab allocator and kmalloc. */
#include "host.h"
#include "mm/gfp.h"
#include "mm/internal.h"
#include "mm/memblock.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/slab_internal.h"
#include "kernel/lib/vsprintf.h"

#include <stdlib.h>
#include <string.h>

#define MiB (1ull << 20)

static int setup(void **state)
{
	static const struct ram machine[] = { { MiB, 512 * MiB } };

	(void)state;
	host_phys_mem_init(1ull << 30);
	host_boot_machine(machine, 1, 0);
	kmem_cache_init();
	return 0;
}

/* Free pages once the caches hold nothing back (empty slabs, per-CPU lists). */
static unsigned long free_now(void)
{
	shrink_all();
	drain_all_pages();
	return nr_free_pages();
}

static void test_size_classes(void **state)
{
	(void)state;
	for (size_t size = 1; size <= 9000; size += (size < 300 ? 1 : 37)) {
		void *p = kmalloc(size, GFP_KERNEL);
		size_t k = ksize(p);

		assert_non_null(p);
		assert_true(k >= size);
		assert_int_equal((unsigned long)p % 8, 0);
		if (size <= KMALLOC_MAX_CACHE_SIZE) {
			/* The smallest class that fits. */
			for (int i = 0; i < KMALLOC_CLASSES; i++)
				if (kmalloc_sizes[i] >= size) {
					assert_int_equal(k, kmalloc_sizes[i]);
					break;
				}
		} else {
			assert_true(k >= 3 * PAGE_SIZE && k % PAGE_SIZE == 0);
		}
		memset(p, 0xAB, size);
		kfree(p);
	}
	assert_ptr_equal(kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	assert_int_equal(ksize(kmalloc(96, GFP_KERNEL)), 96);
	assert_int_equal(ksize(kmalloc(150, GFP_KERNEL)), 192);
}

struct obj_rec {
	u32 *p;
	struct kmem_cache *c;
	u32 tag;
};

static int cmp_ptr(const void *a, const void *b)
{
	const struct obj_rec *x = a, *y = b;

	return x->p < y->p ? -1 : x->p > y->p;
}

static void test_random_never_hands_out_twice(void **state)
{
	enum { LIVE = 4000, OPS = 40000 };
	static struct obj_rec live[LIVE], sorted[LIVE];
	static const size_t sizes[] = { 8, 24, 64, 100, 200, 512, 1000, 4096 };
	struct kmem_cache *caches[ARRAY_SIZE(sizes)];
	unsigned long before = free_now();
	int n = 0;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		caches[i] = kmem_cache_create("test", sizes[i], 0, 0, NULL);
		assert_non_null(caches[i]);
	}
	srand(99);
	for (int op = 0; op < OPS; op++) {
		if (n < LIVE && (n == 0 || rand() % 100 < 55)) {
			int k = rand() % (int)ARRAY_SIZE(sizes);
			u32 *p = kmem_cache_alloc(caches[k], GFP_KERNEL);

			assert_non_null(p);
			assert_ptr_equal(virt_to_cache(p), caches[k]);
			live[n].p = p;
			live[n].c = caches[k];
			live[n].tag = (u32)op * 2654435761u;
			/* Fill the whole object: overlaps would show. */
			for (size_t w = 0; w < sizes[k] / 4; w++)
				p[w] = live[n].tag + (u32)w;
			n++;
		} else {
			int i = rand() % n;
			size_t words = live[i].c->object_size / 4;

			for (size_t w = 0; w < words; w++)
				assert_int_equal(live[i].p[w], live[i].tag + w);
			kmem_cache_free(live[i].c, live[i].p);
			live[i] = live[--n];
		}
		if (op % 4000 == 0 && n > 1) {
			memcpy(sorted, live, n * sizeof(live[0]));
			qsort(sorted, n, sizeof(sorted[0]), cmp_ptr);
			for (int i = 1; i < n; i++)
				assert_true((char *)sorted[i - 1].p +
						    sorted[i - 1].c->object_size <=
					    (char *)sorted[i].p);
		}
	}
	while (n--)
		kmem_cache_free(live[n].c, live[n].p);
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		assert_int_equal(kmem_cache_objects_in_use(caches[i]), 0);
		assert_int_equal(kmem_cache_destroy(caches[i]), 0);
	}
	assert_int_equal(free_now(), before);
}

static void test_alignment_and_colouring(void **state)
{
	struct kmem_cache *c = kmem_cache_create("aligned", 200, 64,
						 SLAB_HWCACHE_ALIGN, NULL);
	void *objs[200];
	unsigned long offsets_seen = 0;

	(void)state;
	assert_non_null(c);
	assert_int_equal(c->size, 256);
	assert_true(c->colour > 0);
	for (int i = 0; i < 200; i++) {
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
		assert_int_equal((unsigned long)objs[i] % 64, 0);
	}
	/* The first object of each slab sits at a different colour. */
	for (int i = 0; i < 200; i++) {
		unsigned long off = (unsigned long)objs[i] & (PAGE_SIZE - 1);

		offsets_seen |= 1ul << ((off % (c->colour_off * (c->colour + 1))) /
					c->colour_off);
	}
	assert_true(__builtin_popcountl(offsets_seen) >= 2);
	for (int i = 0; i < 200; i++)
		kmem_cache_free(c, objs[i]);
	assert_int_equal(kmem_cache_destroy(c), 0);
}

static void test_shrink_returns_every_empty_slab(void **state)
{
	struct kmem_cache *c = kmem_cache_create("shrinkme", 256, 0, 0, NULL);
	void *objs[1000];
	unsigned long before = free_now();

	(void)state;
	for (int i = 0; i < 1000; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	assert_true(c->nr_slabs >= 1000 / c->num);
	for (int i = 0; i < 1000; i++)
		kmem_cache_free(c, objs[i]);
	assert_true(kmem_cache_shrink(c) > 0 || c->nr_slabs == 0);
	assert_int_equal(c->nr_slabs, 0);
	assert_int_equal(c->free_objects, 0);
	assert_int_equal(free_now(), before);
	assert_int_equal(kmem_cache_destroy(c), 0);
}

static bool slab_on_list(const struct list_head *head, const struct slab *slab)
{
	const struct slab *s;

	list_for_each_entry(s, head, list)
		if (s == slab)
			return true;
	return false;
}

/*
 * A full slab that gets an object back moves to the partial list, where
 * the next refill looks first; left on the full list, its free object
 * would never be handed out again.
 */
static void test_full_slab_becomes_partial_on_free(void **state)
{
	struct kmem_cache *c = kmem_cache_create("lists", 256, 0, 0, NULL);
	void *objs[200];
	struct slab *slab;
	int n;

	(void)state;
	n = (int)c->num * 3;
	assert_true(n <= 200);
	for (int i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_shrink(c); /* per-CPU lists back to their slabs */
	slab = page_slab(objs[0], virt_to_page(objs[0]));
	assert_int_equal(slab->inuse, c->num);
	assert_true(slab_on_list(&c->slabs_full, slab));
	kmem_cache_free(c, objs[0]);
	kmem_cache_shrink(c);
	assert_int_equal(slab->inuse, c->num - 1);
	assert_true(slab_on_list(&c->slabs_partial, slab));
	assert_false(slab_on_list(&c->slabs_full, slab));
	for (int i = 1; i < n; i++)
		kmem_cache_free(c, objs[i]);
	assert_int_equal(kmem_cache_destroy(c), 0);
}

static void test_destroy_reports_leaks(void **state)
{
	struct kmem_cache *c = kmem_cache_create("leaky", 48, 0, 0, NULL);
	void *a = kmem_cache_alloc(c, GFP_KERNEL);
	void *b = kmem_cache_alloc(c, GFP_KERNEL);
	void *d = kmem_cache_alloc(c, GFP_KERNEL);
	char addr[32];

	(void)state;
	kmem_cache_free(c, b);
	host_log_clear();
	assert_int_equal(kmem_cache_destroy(c), -16 /* -EBUSY */);
	assert_true(host_log_has("leaky: 2 objects leaked"));
	snprintf(addr, sizeof(addr), "leaked object %p", a);
	assert_true(host_log_has(addr));
	kmem_cache_free(c, a);
	kmem_cache_free(c, d);
	assert_int_equal(kmem_cache_destroy(c), 0);
}

/*
 * Always checked: pointers that are not slab objects at all, or not the
 * start of one. Checked on debug caches (SLAB_STORE_USER here; the
 * slab_debug option sets it on all): the cache given to
 * kmem_cache_free, and double frees.
 */
static void test_bad_kfree_is_caught(void **state)
{
	int on_stack;
	char *p = kmalloc(64, GFP_KERNEL), *q;
	struct page *page = alloc_page(GFP_KERNEL);
	struct kmem_cache *other = kmem_cache_create("other", 64, 0,
						     SLAB_STORE_USER, NULL);
	struct kmem_cache *dbg = kmem_cache_create("dbg", 64, 0,
						   SLAB_STORE_USER, NULL);

	(void)state;
	assert_true(HOST_EXPECT_PANIC(kfree(&on_stack)));
	assert_non_null(strstr(host_panic_msg, "not a direct-map address"));
	assert_true(HOST_EXPECT_PANIC(kfree(p + 8)));
	assert_non_null(strstr(host_panic_msg, "not the start of an object of cache kmalloc-64"));
	assert_true(HOST_EXPECT_PANIC(kfree(__va(page_to_phys(page)))));
	assert_non_null(strstr(host_panic_msg, "a page from the page allocator"));
	assert_true(HOST_EXPECT_PANIC(kmem_cache_free(other, p)));
	assert_non_null(strstr(host_panic_msg, "belongs to kmalloc-64"));
	kfree(p);
	/* A neighbour keeps the slab alive once p is back in it. */
	p = kmem_cache_alloc(dbg, GFP_KERNEL);
	do {
		q = kmem_cache_alloc(dbg, GFP_KERNEL);
	} while (((unsigned long)q ^ (unsigned long)p) & PAGE_MASK);
	kfree(p);
	kmem_cache_shrink(dbg); /* back to its slab: now free */
	assert_true(HOST_EXPECT_PANIC(kfree(p)));
	assert_non_null(strstr(host_panic_msg, "double free"));
	kfree(q);
	__free_page(page);
	kmem_cache_destroy(other);
	assert_int_equal(kmem_cache_destroy(dbg), 0);
}

static void test_large_krealloc_kzalloc(void **state)
{
	char *p = kmalloc(20000, GFP_KERNEL);
	char *q;
	u32 *z;

	(void)state;
	assert_non_null(p);
	assert_int_equal(ksize(p), 32768);
	memset(p, 'x', 20000);
	q = krealloc(p, 40000, GFP_KERNEL);
	assert_non_null(q);
	assert_int_equal(q[19999], 'x');
	kfree(q);
	p = kmalloc(10, GFP_KERNEL);
	strcpy(p, "123456789");
	assert_ptr_equal(krealloc(p, 16, GFP_KERNEL), p); /* same class */
	q = krealloc(p, 100, GFP_KERNEL);
	assert_string_equal(q, "123456789");
	kfree(q);
	for (int round = 0; round < 2; round++) {
		z = kzalloc(512, GFP_KERNEL);
		for (int i = 0; i < 128; i++)
			assert_int_equal(z[i], 0);
		memset(z, 0xFF, 512);
		kfree(z);
	}
}

static int ctor_calls;

static void count_ctor(void *obj)
{
	*(int *)obj = 0x600D;
	ctor_calls++;
}

static void test_ctor_dma_and_hot_reuse(void **state)
{
	struct kmem_cache *c = kmem_cache_create("ctor", 32, 0, 0, count_ctor);
	int *a;
	void *d, *x, *y;

	(void)state;
	ctor_calls = 0;
	a = kmem_cache_alloc(c, GFP_KERNEL);
	assert_int_equal(*a, 0x600D);
	assert_int_equal(ctor_calls, (int)c->num); /* one slab, once each */
	kmem_cache_free(c, a);
	assert_ptr_equal(kmem_cache_alloc(c, GFP_KERNEL), a); /* hot: LIFO */
	kmem_cache_free(c, a);
	kmem_cache_destroy(c);
	d = kmalloc(200, GFP_DMA);
	assert_int_equal(page_zonenum(virt_to_page(d)), ZONE_DMA);
	assert_string_equal(virt_to_cache(d)->name, "dma-kmalloc-256");
	kfree(d);
	x = kmalloc(64, GFP_KERNEL);
	kfree(x);
	y = kmalloc(64, GFP_KERNEL);
	assert_ptr_equal(x, y);
	kfree(y);
}

static void test_slab_pages_come_back_under_pressure(void **state)
{
	enum { MAX = 200000 };
	static struct page *keep[MAX];
	void *objs[2000];
	unsigned long reaped;
	int n = 0;
	struct page *p;

	(void)state;
	/* Cache lots of free objects in slabs, then starve the zone. */
	for (int i = 0; i < 2000; i++)
		objs[i] = kmalloc(1024, GFP_KERNEL);
	for (int i = 0; i < 2000; i++)
		kfree(objs[i]);
	kmem_cache_shrink(kmalloc_caches[9]);
	for (int i = 0; i < 40; i++) /* one slab's worth, back on the list */
		objs[i] = kmalloc(1024, GFP_KERNEL);
	for (int i = 0; i < 40; i++)
		kfree(objs[i]);
	reaped = kmalloc_caches[9]->stats.reaped;
	assert_true(kmalloc_caches[9]->nr_slabs > 0);
	while (n < MAX && (p = alloc_page(GFP_KERNEL | __GFP_NOWARN)))
		keep[n++] = p;
	/* The page allocator called the slab shrinker before failing. */
	assert_true(list_empty(&kmalloc_caches[9]->slabs_free));
	assert_true(kmalloc_caches[9]->stats.reaped > reaped);
	while (n--)
		__free_page(keep[n]);
	drain_all_pages();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size_classes),
		cmocka_unit_test(test_random_never_hands_out_twice),
		cmocka_unit_test(test_alignment_and_colouring),
		cmocka_unit_test(test_shrink_returns_every_empty_slab),
		cmocka_unit_test(test_full_slab_becomes_partial_on_free),
		cmocka_unit_test(test_destroy_reports_leaks),
		cmocka_unit_test(test_bad_kfree_is_caught),
		cmocka_unit_test(test_large_krealloc_kzalloc),
		cmocka_unit_test(test_ctor_dma_and_hot_reuse),
		cmocka_unit_test(test_slab_pages_come_back_under_pressure),
	};

	return cmocka_run_group_tests_name("slab", tests, setup, NULL);
}
