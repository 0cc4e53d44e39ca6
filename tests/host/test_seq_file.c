// SPDX-License-Identifier: MIT
/* Host tests of kernel/seq_file.c. */
#include "host.h"
#include "kernel/lib/errno.h"
#include "kernel/seq_file.h"
#include "mm/slab.h"

#include <stdlib.h>
#include <string.h>

#define MiB (1ull << 20)

static int setup(void **state)
{
	static const struct ram machine[] = { { MiB, 64 * MiB } };

	(void)state;
	host_phys_mem_init(1ull << 30);
	host_boot_machine(machine, 1, 0);
	kmem_cache_init();
	return 0;
}

static int show_meminfo_like(struct seq_file *m, void *arg)
{
	(void)arg;
	seq_printf(m, "%-16s%8lu kB\n", "MemTotal:", 1024ul);
	seq_puts(m, "x");
	seq_putc(m, 'y');
	return 0;
}

static void test_printf_appends(void **state)
{
	struct seq_file m;

	(void)state;
	seq_buf_init(&m, SEQ_DEFAULT_MAX);
	assert_int_equal(seq_fill(&m, show_meminfo_like, NULL), 0);
	assert_int_equal(m.count, strlen("MemTotal:           1024 kB\nxy"));
	assert_string_equal(m.buf, "MemTotal:           1024 kB\nxy");
	assert_false(seq_has_overflowed(&m));
	seq_release(&m);
	assert_null(m.buf);
	assert_int_equal(m.count, 0);
}

static int runs;

static int show_many_lines(struct seq_file *m, void *arg)
{
	int lines = *(int *)arg;

	runs++;
	for (int i = 0; i < lines; i++)
		seq_printf(m, "%04d\n", i);
	return 0;
}

static void test_grows_past_kmalloc(void **state)
{
	struct seq_file m;
	int lines = 5000;

	(void)state;
	runs = 0;
	seq_buf_init(&m, SEQ_DEFAULT_MAX);
	assert_int_equal(seq_fill(&m, show_many_lines, &lines), 0);
	assert_int_equal(m.count, 5000 * 5);
	assert_true(m.vmalloced);
	assert_int_equal(runs, 4); /* 4, 8, 16, then 32 KiB */
	assert_memory_equal(m.buf + 4999 * 5, "4999\n", 5);
	assert_memory_equal(m.buf + 1234 * 5, "1234\n", 5);
	seq_release(&m);
}

static void test_too_big_fails(void **state)
{
	struct seq_file m;
	int lines = 2000; /* 10000 bytes */

	(void)state;
	seq_buf_init(&m, 8192);
	assert_int_equal(seq_fill(&m, show_many_lines, &lines), -EOVERFLOW);
	assert_true(seq_has_overflowed(&m));
	/* What did fit ends at a whole piece. */
	assert_int_equal(m.count % 5, 0);
	assert_int_equal(strlen(m.buf), m.count);
	seq_release(&m);
}

static void test_max_below_first_size(void **state)
{
	struct seq_file m;
	int lines = 20; /* 100 bytes */

	(void)state;
	seq_buf_init(&m, 64);
	assert_int_equal(seq_fill(&m, show_many_lines, &lines), -EOVERFLOW);
	assert_int_equal(m.size, 64);
	assert_int_equal(m.count, 60);
	seq_release(&m);
}

static int show_argv(struct seq_file *m, void *arg)
{
	(void)arg;
	seq_write(m, "sh\0-c\0", 6);
	return 0;
}

static void test_nul_bytes_kept(void **state)
{
	struct seq_file m;

	(void)state;
	seq_buf_init(&m, SEQ_DEFAULT_MAX);
	assert_int_equal(seq_fill(&m, show_argv, NULL), 0);
	assert_int_equal(m.count, 6);
	assert_memory_equal(m.buf, "sh\0-c\0", 6);
	seq_release(&m);
}

static void test_console_prints(void **state)
{
	struct seq_file *m = seq_console();

	(void)state;
	host_log_clear();
	seq_printf(m, "cpu%u ", 3u);
	seq_puts(m, "idle");
	seq_write(m, "a\0b", 3);
	seq_putc(m, '\n');
	assert_true(host_log_has("cpu3 idlea b\n"));
	assert_true(m->console);
	assert_null(m->buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printf_appends),
		cmocka_unit_test(test_grows_past_kmalloc),
		cmocka_unit_test(test_too_big_fails),
		cmocka_unit_test(test_max_below_first_size),
		cmocka_unit_test(test_nul_bytes_kept),
		cmocka_unit_test(test_console_prints),
	};

	return cmocka_run_group_tests_name("seq_file", tests, setup, NULL);
}
