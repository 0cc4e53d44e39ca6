// SPDX-License-Identifier: MIT
/*
 * Host tests of slab debugging (red zones, poison, owner tracking, the
 * slab_debug option) and of fault injection in both allocators.
 */
#include "host.h"
#include "kernel/cmdline.h"
#include "mm/fault_inject.h"
#include "mm/gfp.h"
#include "mm/internal.h"
#include "mm/mmzone.h"
#include "mm/slab.h"

#include <string.h>

#define MiB (1ull << 20)

static struct kmem_cache *dbg;

static int setup(void **state)
{
	static const struct ram machine[] = { { MiB, 256 * MiB } };

	(void)state;
	host_phys_mem_init(1ull << 30);
	host_boot_machine(machine, 1, 0);
	kmem_cache_init();
	dbg = kmem_cache_create("dbg-60", 60, 0, SLAB_DEBUG_FLAGS, NULL);
	return dbg ? 0 : -1;
}

/* The report names the cache, the object and the kind of damage. */
static void expect_report(const char *what)
{
	assert_non_null(strstr(host_panic_msg, "slab dbg-60: "));
	assert_non_null(strstr(host_panic_msg, what));
	assert_true(host_log_has("BUG dbg-60: "));
	assert_true(host_log_has("in the slab at 0x"));
	assert_true(host_log_has("last allocated"));
}

static void test_layout_keeps_objects_apart(void **state)
{
	char *a = kmem_cache_alloc(dbg, GFP_KERNEL);
	char *b = kmem_cache_alloc(dbg, GFP_KERNEL);

	(void)state;
	/* 8 bytes of red zone each side and a trailer: no longer 64. */
	assert_true(dbg->size >= 60 + 16);
	assert_true((unsigned long)a % sizeof(void *) == 0);
	memset(a, 1, 60);
	memset(b, 2, 60);
	assert_true(a + 60 <= b || b + 60 <= a);
	kmem_cache_free(dbg, a);
	kmem_cache_free(dbg, b);
}

static void test_overflow_by_one_byte(void **state)
{
	char *p = kmem_cache_alloc(dbg, GFP_KERNEL);

	(void)state;
	host_log_clear();
	p[60] = 'x';
	assert_true(HOST_EXPECT_PANIC(kmem_cache_free(dbg, p)));
	expect_report("red zone after the object overwritten (buffer overflow)");
	assert_true(host_log_has("(object offset 60): 0x78"));
	p[60] = (char)0xcc; /* repair, so the object can go */
	kmem_cache_free(dbg, p);
}

static void test_underflow(void **state)
{
	char *p = kmem_cache_alloc(dbg, GFP_KERNEL);

	(void)state;
	host_log_clear();
	p[-1] = 0;
	assert_true(HOST_EXPECT_PANIC(kmem_cache_free(dbg, p)));
	expect_report("red zone before the object overwritten (buffer underflow)");
	p[-1] = (char)0xcc;
	kmem_cache_free(dbg, p);
}

static void test_write_after_free(void **state)
{
	char *p = kmem_cache_alloc(dbg, GFP_KERNEL);

	(void)state;
	kmem_cache_free(dbg, p);
	p[13] = 42; /* the cache's free list hands p out next: LIFO */
	host_log_clear();
	assert_true(HOST_EXPECT_PANIC(kmem_cache_alloc(dbg, GFP_KERNEL)));
	expect_report("poison overwritten: the object was written after it "
		      "was freed (use after free)");
	assert_true(host_log_has("(object offset 13): 0x2a"));
	assert_true(host_log_has("last freed by"));
	/* The damaged object stays out of circulation after the report. */
}

static void test_double_free_in_magazine(void **state)
{
	char *p = kmem_cache_alloc(dbg, GFP_KERNEL);

	(void)state;
	kmem_cache_free(dbg, p);
	host_log_clear();
	/* Still on the cache's free list: the trailer knows it is free. */
	assert_true(HOST_EXPECT_PANIC(kmem_cache_free(dbg, p)));
	expect_report("object already free (double free)");
	assert_true(host_log_has("double free by"));
}

static void test_free_inside_object(void **state)
{
	char *p = kmem_cache_alloc(dbg, GFP_KERNEL);

	(void)state;
	assert_true(HOST_EXPECT_PANIC(kmem_cache_free(dbg, p + 4)));
	assert_non_null(strstr(host_panic_msg, "not the start of an object"));
	kmem_cache_free(dbg, p);
}

static void test_zeroed_and_poisoned(void **state)
{
	unsigned char *p = kmem_cache_alloc(dbg, GFP_KERNEL | __GFP_ZERO);

	(void)state;
	for (int i = 0; i < 60; i++)
		assert_int_equal(p[i], 0);
	kmem_cache_free(dbg, p);
	/* Free objects hold the poison, ending in POISON_END. */
	assert_int_equal(p[0], 0x6b);
	assert_int_equal(p[58], 0x6b);
	assert_int_equal(p[59], 0xa5);
}

static void test_slab_debug_option_covers_new_caches(void **state)
{
	struct kmem_cache *c;
	char *p;

	(void)state;
	slab_debug = true;
	c = kmem_cache_create("forced", 32, 0, 0, NULL);
	slab_debug = false;
	assert_non_null(c);
	assert_int_equal(c->flags & SLAB_DEBUG_FLAGS, SLAB_DEBUG_FLAGS);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	p[32] = 0;
	assert_true(HOST_EXPECT_PANIC(kmem_cache_free(c, p)));
	assert_non_null(strstr(host_panic_msg, "buffer overflow"));
	p[32] = (char)0xcc;
	kmem_cache_free(c, p);
	assert_int_equal(kmem_cache_destroy(c), 0);
}

static void test_failslab_every_third(void **state)
{
	struct kmem_cache *c;
	void *objs[30];
	int failed = 0;

	(void)state;
	failslab.interval = 3; /* caches made now get the failslab hook */
	c = kmem_cache_create("failing", 100, 0, 0, NULL);
	failslab.count = 0;
	fault_inject_start();
	for (int i = 0; i < 30; i++)
		if (!(objs[i] = kmem_cache_alloc(c, GFP_KERNEL)))
			failed++;
	/* Exempt callers are never failed. */
	for (int i = 0; i < 10; i++) {
		void *p = kmem_cache_alloc(c, GFP_KERNEL | __GFP_NOFAULTINJ);

		assert_non_null(p);
		kmem_cache_free(c, p);
	}
	failslab.interval = 0;
	assert_int_equal(failed, 10);
	assert_null(objs[2]);
	assert_non_null(objs[3]);
	for (int i = 0; i < 30; i++)
		if (objs[i])
			kmem_cache_free(c, objs[i]);
	assert_int_equal(kmem_cache_destroy(c), 0);
}

static void test_fail_page_alloc_every_fifth(void **state)
{
	struct page *pages[50];
	int failed = 0;
	unsigned long before;

	(void)state;
	drain_all_pages();
	before = nr_free_pages();
	fail_page_alloc.interval = 5;
	fail_page_alloc.count = 0;
	page_alloc_debug_changed();
	for (int i = 0; i < 50; i++)
		if (!(pages[i] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, i % 3)))
			failed++;
	fail_page_alloc.interval = 0;
	page_alloc_debug_changed();
	assert_int_equal(failed, 10);
	assert_int_equal(fail_page_alloc.injected, 10);
	for (int i = 0; i < 50; i++)
		if (pages[i])
			__free_pages(pages[i], i % 3);
	drain_all_pages();
	assert_int_equal(nr_free_pages(), before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_keeps_objects_apart),
		cmocka_unit_test(test_overflow_by_one_byte),
		cmocka_unit_test(test_underflow),
		cmocka_unit_test(test_write_after_free),
		cmocka_unit_test(test_double_free_in_magazine),
		cmocka_unit_test(test_free_inside_object),
		cmocka_unit_test(test_zeroed_and_poisoned),
		cmocka_unit_test(test_slab_debug_option_covers_new_caches),
		cmocka_unit_test(test_failslab_every_third),
		cmocka_unit_test(test_fail_page_alloc_every_fifth),
	};

	return cmocka_run_group_tests_name("slab_debug", tests, setup, NULL);
}
