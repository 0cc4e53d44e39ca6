// SPDX-License-Identifier: MIT
/*
 * Host tests of kernel/fs/cpio.c: archives built here entry by entry,
 * then broken one field at a time; and the two archives GNU cpio made
 * for the fuzzing seeds (tests/fuzz/corpus/cpio/, read from the top of
 * the tree, where make test runs these).
 */
#include "host.h"
#include "kernel/fs/cpio.h"
#include "kernel/lib/errno.h"

#include <stdio.h>
#include <string.h>

#define MODE_DIR 0040755u
#define MODE_FILE 0100644u
#define MODE_LINK 0120777u
#define MODE_CHR 0020600u

static u8 arc[4096];
static size_t arc_len;
static struct cpio_entry e;
static const char *why;

struct ent {
	const char *magic; /* NULL: "070701" */
	const char *name;
	u32 mode, ino, nlink, mtime, uid, gid, rdevmajor, rdevminor;
	const char *data; /* a string, stored without its NUL */
};

static void put_field(size_t off, unsigned int field, u32 v)
{
	static const char hex[] = "0123456789ABCDEF";
	u8 *p = arc + off + 6 + field * 8;

	for (int i = 7; i >= 0; i--, v >>= 4)
		p[i] = hex[v & 15];
}

static void pad4(void)
{
	while (arc_len % 4)
		arc[arc_len++] = 0;
}

/* Append an entry as cpio -o -H newc would; returns its offset. */
static size_t add(const struct ent *x)
{
	size_t off = arc_len;
	u32 namesize = strlen(x->name) + 1;
	u32 size = x->data ? strlen(x->data) : 0;
	u32 sum = 0;

	memcpy(arc + off, x->magic ? x->magic : "070701", 6);
	put_field(off, F_INO, x->ino);
	put_field(off, F_MODE, x->mode);
	put_field(off, F_UID, x->uid);
	put_field(off, F_GID, x->gid);
	put_field(off, F_NLINK, x->nlink);
	put_field(off, F_MTIME, x->mtime);
	put_field(off, F_FILESIZE, size);
	put_field(off, F_DEVMAJOR, 0);
	put_field(off, F_DEVMINOR, 0);
	put_field(off, F_RDEVMAJOR, x->rdevmajor);
	put_field(off, F_RDEVMINOR, x->rdevminor);
	put_field(off, F_NAMESIZE, namesize);
	for (u32 i = 0; i < size; i++)
		sum += (u8)x->data[i];
	put_field(off, F_CHECK,
		  x->magic && !strcmp(x->magic, "070702") ? sum : 0);
	arc_len += CPIO_HEADER_SIZE;
	memcpy(arc + arc_len, x->name, namesize);
	arc_len += namesize;
	pad4();
	if (size)
		memcpy(arc + arc_len, x->data, size);
	arc_len += size;
	pad4();
	return off;
}

static size_t add_trailer(void)
{
	return add(&(struct ent){.name = CPIO_TRAILER, .nlink = 1});
}

static void reset(void)
{
	memset(arc, 0, sizeof(arc));
	arc_len = 0;
}

/* The first entry of arc[0..@len), expected refused for @reason. */
static void expect_refused(size_t len, const char *reason)
{
	size_t pos = 0;

	why = NULL;
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), -EINVAL);
	assert_non_null(why);
	if (!strstr(why, reason))
		fail_msg("reason \"%s\", expected \"%s\" in it", why, reason);
}

static void test_walk_built_archive(void **state)
{
	size_t pos = 0, prev;

	(void)state;
	reset();
	add(&(struct ent){
		.name = "etc", .mode = MODE_DIR, .nlink = 2, .ino = 1});
	add(&(struct ent){.name = "etc/motd",
			  .mode = MODE_FILE,
			  .nlink = 1,
			  .ino = 2,
			  .mtime = 1700000000,
			  .uid = 1000,
			  .gid = 100,
			  .data = "hello\n"});
	add(&(struct ent){.name = "motd",
			  .mode = MODE_LINK,
			  .nlink = 1,
			  .ino = 3,
			  .data = "etc/motd"});
	add(&(struct ent){.name = "dev/console",
			  .mode = MODE_CHR,
			  .nlink = 1,
			  .ino = 4,
			  .rdevmajor = 5,
			  .rdevminor = 1});
	add_trailer();

	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "etc");
	assert_int_equal(e.namesize, 4);
	assert_int_equal(e.mode, MODE_DIR);
	assert_int_equal(e.nlink, 2);
	assert_int_equal(e.size, 0);
	assert_int_equal(pos, 116); /* 110 + 4 is a multiple of 4 */

	prev = pos;
	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "etc/motd");
	assert_int_equal(e.mode, MODE_FILE);
	assert_int_equal(e.ino, 2);
	assert_int_equal(e.mtime, 1700000000);
	assert_int_equal(e.uid, 1000);
	assert_int_equal(e.gid, 100);
	assert_int_equal(e.size, 6);
	assert_memory_equal(e.data, "hello\n", 6);
	/* Header and name padded to 4 (110 + 9 -> 120), then the data. */
	assert_ptr_equal(e.data, arc + prev + 120);
	assert_int_equal(pos, prev + 128);

	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "motd");
	assert_int_equal(e.mode, MODE_LINK);
	assert_int_equal(e.size, 8);
	assert_memory_equal(e.data, "etc/motd", 8);

	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "dev/console");
	assert_int_equal(e.rdevmajor, 5);
	assert_int_equal(e.rdevminor, 1);

	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 0);
	assert_string_equal(e.name, CPIO_TRAILER);
	assert_null(e.data);
	assert_int_equal(pos, arc_len);
}

static size_t read_seed(const char *path)
{
	FILE *fp = fopen(path, "rb");
	size_t len;

	if (!fp)
		fail_msg("%s: cannot open (run from the top of the tree)",
			 path);
	reset();
	len = fread(arc, 1, sizeof(arc), fp);
	fclose(fp);
	return len;
}

/*
 * printf '.\netc\netc/motd\ninit\n' |
 *	cpio -o -H newc --reproducible -R 0:0
 */
static void test_gnu_cpio_newc(void **state)
{
	size_t len =
		read_seed("tests/fuzz/corpus/cpio/newc-two-files-and-dirs");
	size_t pos = 0;

	(void)state;
	assert_int_equal(len, 1024); /* padded to two 512-byte blocks */
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 1);
	assert_string_equal(e.name, ".");
	assert_int_equal(e.mode, MODE_DIR);
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "etc");
	assert_int_equal(e.mode, MODE_DIR);
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "etc/motd");
	assert_int_equal(e.mode, MODE_FILE);
	assert_int_equal(e.mtime, 1700000000);
	assert_int_equal(e.size, 25);
	assert_memory_equal(e.data, "hello from the initramfs\n", 25);
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "init");
	assert_int_equal(e.mode, 0100755);
	assert_int_equal(e.size, 18);
	assert_memory_equal(e.data, "#!/bin/sh\necho hi\n", 18);
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 0);
	assert_true(pos < len);
}

/* The same tree with a symlink, cpio -o -H crc (magic 070702). */
static void test_gnu_cpio_crc(void **state)
{
	size_t len = read_seed("tests/fuzz/corpus/cpio/crc-with-symlink");
	size_t pos = 0;

	(void)state;
	assert_memory_equal(arc, "070702", 6);
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "etc");
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "etc/motd");
	assert_int_equal(e.size, 25);
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 1);
	assert_string_equal(e.name, "motd");
	assert_int_equal(e.mode, MODE_LINK);
	assert_int_equal(e.size, 8);
	assert_memory_equal(e.data, "etc/motd", 8);
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 0);
}

static void test_crc_mismatch(void **state)
{
	size_t off;

	(void)state;
	reset();
	off = add(&(struct ent){.magic = "070702",
				.name = "f",
				.mode = MODE_FILE,
				.data = "abc"});
	add_trailer();
	put_field(off, F_CHECK, 'a' + 'b' + 'c' + 1);
	expect_refused(arc_len, "checksum");
	/* The plain format ignores the field. */
	memcpy(arc, "070701", 6);
	assert_int_equal(cpio_next(arc, arc_len, &(size_t){0}, &e, &why), 1);
}

static void test_bad_magic(void **state)
{
	(void)state;
	reset();
	add(&(struct ent){.magic = "070707", .name = "f"}); /* odc */
	expect_refused(arc_len, "magic");
	memcpy(arc, "\x1f\x8b\x08\x00\x00\x00", 6); /* still gzipped */
	expect_refused(arc_len, "magic");
}

static void test_non_hex_field(void **state)
{
	(void)state;
	reset();
	add(&(struct ent){.name = "f", .mode = MODE_FILE});
	add_trailer();
	arc[6 + F_MODE * 8 + 3] = 'g';
	expect_refused(arc_len, "hex");
	arc[6 + F_MODE * 8 + 3] = ' ';
	expect_refused(arc_len, "hex");
	/* "0x" is not part of the format either. */
	put_field(0, F_MODE, MODE_FILE);
	memcpy(arc + 6 + F_NAMESIZE * 8, "0x000002", 8);
	expect_refused(arc_len, "hex");
}

static void test_lower_case_hex(void **state)
{
	size_t pos = 0;

	(void)state;
	reset();
	add(&(struct ent){.name = "f", .mode = 0100644});
	add_trailer();
	memcpy(arc + 6 + F_MODE * 8, "000081a4", 8);
	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 1);
	assert_int_equal(e.mode, 0100644);
}

static void test_name_not_terminated(void **state)
{
	(void)state;
	reset();
	add(&(struct ent){.name = "abc"});
	add_trailer();
	arc[CPIO_HEADER_SIZE + 3] = 'd';
	expect_refused(arc_len, "NUL-terminated");
}

static void test_empty_name(void **state)
{
	(void)state;
	reset();
	add(&(struct ent){.name = ""}); /* namesize 1: the NUL alone */
	add_trailer();
	expect_refused(arc_len, "empty name");
	put_field(0, F_NAMESIZE, 0);
	expect_refused(arc_len, "empty name");
}

static void test_nul_inside_name(void **state)
{
	(void)state;
	reset();
	add(&(struct ent){.name = "bin/sh"});
	add_trailer();
	arc[CPIO_HEADER_SIZE + 3] = '\0';
	expect_refused(arc_len, "NUL before its end");
}

static void test_name_past_the_end(void **state)
{
	(void)state;
	reset();
	add(&(struct ent){.name = "a-long-name"});
	/* The archive cut inside the name. */
	expect_refused(CPIO_HEADER_SIZE + 5, "name runs past the end");
	/* A size that would wrap an offset sum. */
	put_field(0, F_NAMESIZE, 0xffffffff);
	expect_refused(arc_len, "name runs past the end");
}

static void test_data_past_the_end(void **state)
{
	size_t off;

	(void)state;
	reset();
	off = add(&(struct ent){.name = "fg", .data = "0123456789"});
	/* Header and name end at 113, the data starts at 116: cut in it. */
	expect_refused(off + 116 + 4, "data runs past the end");
	put_field(off, F_FILESIZE, 0xffffffff);
	expect_refused(arc_len, "data runs past the end");
	/* Cut inside the padding after the name. */
	put_field(off, F_FILESIZE, 0);
	expect_refused(off + 114, "padding");
}

static void test_truncated_or_unterminated(void **state)
{
	size_t pos;

	(void)state;
	reset();
	add(&(struct ent){.name = "f"});
	expect_refused(CPIO_HEADER_SIZE - 1, "truncated entry header");
	expect_refused(0, "without a TRAILER");
	/* A walk off the end of an archive that has no trailer. */
	pos = 0;
	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 1);
	assert_int_equal(pos, arc_len);
	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), -EINVAL);
	assert_non_null(strstr(why, "without a TRAILER"));
}

static void test_trailer_without_padding(void **state)
{
	size_t pos = 0;
	size_t len;

	(void)state;
	reset();
	add_trailer();
	len = CPIO_HEADER_SIZE + sizeof(CPIO_TRAILER); /* 121, unpadded */
	assert_int_equal(cpio_next(arc, len, &pos, &e, &why), 0);
	assert_int_equal(pos, len);
}

static void test_entries_stay_aligned(void **state)
{
	static const char *names[] = {"a", "ab", "abc", "abcd", "abcde"};
	static const char *data[] = {"", "x", "xy", "xyz", "wxyz"};
	size_t pos = 0;

	(void)state;
	reset();
	for (int i = 0; i < 5; i++)
		add(&(struct ent){.name = names[i], .data = data[i]});
	add_trailer();
	for (int i = 0; i < 5; i++) {
		size_t start = pos;

		assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 1);
		assert_string_equal(e.name, names[i]);
		assert_int_equal(e.size, strlen(data[i]));
		assert_memory_equal(e.data, data[i], e.size);
		assert_int_equal((e.data - arc) % 4, 0);
		assert_int_equal(pos % 4, 0);
		assert_true(pos > start);
	}
	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 0);
}

static void test_name_is(void **state)
{
	size_t pos = 0;

	(void)state;
	reset();
	add(&(struct ent){.name = "./init"});
	assert_int_equal(cpio_next(arc, arc_len, &pos, &e, &why), 1);
	assert_true(cpio_name_is(&e, "./init"));
	assert_false(cpio_name_is(&e, "init")); /* as stored: no stripping */
	assert_false(cpio_name_is(&e, "./ini"));
	assert_false(cpio_name_is(&e, "./init2"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_built_archive),
		cmocka_unit_test(test_gnu_cpio_newc),
		cmocka_unit_test(test_gnu_cpio_crc),
		cmocka_unit_test(test_crc_mismatch),
		cmocka_unit_test(test_bad_magic),
		cmocka_unit_test(test_non_hex_field),
		cmocka_unit_test(test_lower_case_hex),
		cmocka_unit_test(test_name_not_terminated),
		cmocka_unit_test(test_empty_name),
		cmocka_unit_test(test_nul_inside_name),
		cmocka_unit_test(test_name_past_the_end),
		cmocka_unit_test(test_data_past_the_end),
		cmocka_unit_test(test_truncated_or_unterminated),
		cmocka_unit_test(test_trailer_without_padding),
		cmocka_unit_test(test_entries_stay_aligned),
		cmocka_unit_test(test_name_is),
	};

	return cmocka_run_group_tests_name("cpio", tests, NULL, NULL);
}
