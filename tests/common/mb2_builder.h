/* SPDX-License-Identifier: MIT */
/*
 * Building multiboot2 information blocks by hand, good and bad, for the
 * parser tests on the host and in the kernel.
 */
#ifndef TESTS_COMMON_MB2_BUILDER_H
#define TESTS_COMMON_MB2_BUILDER_H

#include "kernel/lib/string.h"
#include "kernel/lib/types.h"

struct mb2_builder {
	u8 *buf;
	u32 size; /* capacity */
	u32 len;  /* bytes written, always a multiple of 8 between tags */
};

struct mb2_test_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 reserved;
};

static inline void mb2b_put32(struct mb2_builder *b, u32 off, u32 v)
{
	memcpy(b->buf + off, &v, 4);
}

static inline void mb2b_begin(struct mb2_builder *b, u8 *buf, u32 size)
{
	b->buf = buf;
	b->size = size;
	memset(buf, 0, size);
	b->len = 8; /* total_size and reserved, written by mb2b_finish */
}

/* Append a raw tag with @payload_len bytes of @payload (may be NULL). */
static inline void mb2b_tag(struct mb2_builder *b, u32 type, u32 size,
			    const void *payload, u32 payload_len)
{
	mb2b_put32(b, b->len, type);
	mb2b_put32(b, b->len + 4, size);
	if (payload)
		memcpy(b->buf + b->len + 8, payload, payload_len);
	b->len += (size + 7) & ~7u;
}

static inline void mb2b_string(struct mb2_builder *b, u32 type, const char *s)
{
	u32 n = strlen(s) + 1;

	mb2b_tag(b, type, 8 + n, s, n);
}

static inline void mb2b_mmap(struct mb2_builder *b,
			     const struct mb2_test_entry *e, u32 count,
			     u32 entry_size)
{
	u32 off = b->len;

	mb2b_put32(b, off, 6);
	mb2b_put32(b, off + 4, 16 + count * entry_size);
	mb2b_put32(b, off + 8, entry_size);
	mb2b_put32(b, off + 12, 0);
	for (u32 i = 0; i < count; i++)
		memcpy(b->buf + off + 16 + i * entry_size, &e[i], sizeof(e[i]));
	b->len += (16 + count * entry_size + 7) & ~7u;
}

/* Add the end tag and write the total size. Return: the total size. */
static inline u32 mb2b_finish(struct mb2_builder *b)
{
	mb2b_tag(b, 0, 8, NULL, 0);
	mb2b_put32(b, 0, b->len);
	return b->len;
}

#endif /* TESTS_COMMON_MB2_BUILDER_H */
