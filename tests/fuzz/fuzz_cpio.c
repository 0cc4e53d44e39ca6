// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for the initramfs reader (kernel/fs/cpio.c): walking
 * any bytes as a newc archive from offset 0 ends (at the trailer, or at
 * an error with a reason), the offset grows at every entry, and every
 * name and every data range lies inside the buffer. The buffer is an
 * exact-size heap copy and each entry's bytes are read here, so ASan
 * flags a pointer that strays.
 */
#include "fuzz.h"
#include "kernel/fs/cpio.h"
#include "kernel/lib/errno.h"

#include <stdint.h>
#include <string.h>

/* Where the data bytes are read into, so the reads stay in. */
static volatile u32 sink;

static void check_entry(const u8 *buf, size_t len, const struct cpio_entry *e)
{
	const u8 *name = (const u8 *)e->name;

	CHECK(name >= buf + CPIO_HEADER_SIZE);
	CHECK(e->namesize >= 2 && e->namesize <= len);
	CHECK(name + e->namesize <= buf + len);
	CHECK(name[e->namesize - 1] == '\0');
	CHECK(strlen(e->name) == e->namesize - 1);
	if (e->data) {
		CHECK(e->data >= name + e->namesize);
		CHECK(e->size <= len && e->data + e->size <= buf + len);
	} else {
		CHECK(e->size == 0);
	}
	for (u32 i = 0; i < e->size; i++)
		sink += e->data[i];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	u8 *buf = malloc(size ? size : 1);
	struct cpio_entry e;
	size_t pos = 0, entries = 0;
	const char *why;
	int r;

	memcpy(buf, data, size);
	for (;;) {
		size_t prev = pos;

		why = NULL;
		r = cpio_next(buf, size, &pos, &e, &why);
		if (r < 0) {
			CHECK(r == -EINVAL);
			CHECK(why != NULL && why[0] != '\0');
			break;
		}
		CHECK(r == 0 || r == 1);
		CHECK(pos >= prev + CPIO_HEADER_SIZE && pos <= size);
		CHECK(pos % 4 == 0 || pos == size);
		check_entry(buf, size, &e);
		/* Each entry has a header of its own: the walk is bounded. */
		CHECK(++entries <= size / CPIO_HEADER_SIZE);
		if (r == 0) {
			CHECK(cpio_name_is(&e, CPIO_TRAILER));
			CHECK(e.data == NULL && e.size == 0);
			break;
		}
	}
	free(buf);
	return 0;
}
