// SPDX-License-Identifier: MIT
/* The multiboot2 information parser (see kernel/multiboot2.h). */
#include "kernel/multiboot2.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"

#define MB2_HEADER_SIZE 8
#define MB2_TAG_HEADER_SIZE 8
#define MB2_TAG_ALIGN 8
#define MB2_MMAP_HEADER_SIZE 16 /* type, size, entry_size, entry_version */
#define MB2_MODULE_HEADER_SIZE 16

struct boot_info boot_info;

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 reserved;
};

struct parser {
	const u8 *buf;
	u32 total;
	char *err;
	size_t err_len;
};

static __printf(2, 3) int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->err, p->err_len, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static u32 read_u32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* A string payload must end with a NUL inside its tag. */
static int tag_string(struct parser *p, u32 off, u32 size, const char **out)
{
	const char *s = (const char *)p->buf + off + MB2_TAG_HEADER_SIZE;
	u32 len = size - MB2_TAG_HEADER_SIZE;

	if (len == 0 || strnlen(s, len) == len)
		return fail(p, "string tag at offset 0x%x (size %u) is not "
			       "NUL-terminated", off, size);
	*out = s;
	return 0;
}

static int parse_mmap(struct parser *p, u32 off, u32 size,
		      struct boot_info *info, struct memory_map *map)
{
	u32 entry_size, count;
	const u8 *entries;

	if (size < MB2_MMAP_HEADER_SIZE)
		return fail(p, "memory map tag at offset 0x%x is too short "
			       "(%u bytes)", off, size);
	entry_size = read_u32(p->buf + off + 8);
	if (entry_size < MB2_MMAP_ENTRY_MIN || entry_size % 8)
		return fail(p, "memory map tag at offset 0x%x has entry size "
			       "%u (need a multiple of 8, at least 24)",
			    off, entry_size);
	count = (size - MB2_MMAP_HEADER_SIZE) / entry_size;
	entries = p->buf + off + MB2_MMAP_HEADER_SIZE;
	info->mmap_entries = count;
	map->nr = 0;
	for (u32 i = 0; i < count; i++) {
		struct mb2_mmap_entry e;

		if (map->nr == MB2_MAX_MMAP_ENTRIES) {
			info->mmap_ignored = count - i;
			break;
		}
		memcpy(&e, entries + i * entry_size, sizeof(e));
		memory_map_add(map, e.addr, e.len, e.type);
	}
	return 0;
}

static int parse_module(struct parser *p, u32 off, u32 size,
			struct boot_info *info)
{
	struct mb2_module *m;
	const char *cmdline = NULL;
	u32 start, end;
	int err;

	if (size <= MB2_MODULE_HEADER_SIZE)
		return fail(p, "module tag at offset 0x%x is too short (%u "
			       "bytes)", off, size);
	start = read_u32(p->buf + off + 8);
	end = read_u32(p->buf + off + 12);
	if (end < start)
		return fail(p, "module ends (0x%x) before it starts (0x%x)",
			    end, start);
	/* The string follows the two addresses: check it like a tag's. */
	err = tag_string(p, off + 8, size - 8, &cmdline);
	if (err)
		return err;
	if (info->nr_modules == MB2_MAX_MODULES)
		return 0; /* more modules than we track: ignore the rest */
	m = &info->modules[info->nr_modules++];
	m->start = start;
	m->end = end;
	m->cmdline = cmdline;
	return 0;
}

static int parse_tag(struct parser *p, u32 off, const struct mb2_tag *tag,
		     struct boot_info *info, struct memory_map *map)
{
	switch (tag->type) {
	case MB2_TAG_CMDLINE:
		return tag_string(p, off, tag->size, &info->cmdline);
	case MB2_TAG_BOOTLOADER:
		return tag_string(p, off, tag->size, &info->bootloader);
	case MB2_TAG_MMAP:
		return parse_mmap(p, off, tag->size, info, map);
	case MB2_TAG_MODULE:
		return parse_module(p, off, tag->size, info);
	default:
		return 0;
	}
}

int mb2_parse(const void *buf, size_t buf_len, struct boot_info *info,
	      struct memory_map *map, char *err, size_t err_len)
{
	struct parser p = { buf, 0, err, err_len };
	u32 off = MB2_HEADER_SIZE;

	memset(info, 0, sizeof(*info));
	info->cmdline = "";
	info->bootloader = "";
	map->nr = 0;
	if (buf_len < MB2_HEADER_SIZE + MB2_TAG_HEADER_SIZE)
		return fail(&p, "buffer of %zu bytes is too small", buf_len);
	p.total = read_u32(p.buf);
	info->total_size = p.total;
	if (p.total < MB2_HEADER_SIZE + MB2_TAG_HEADER_SIZE ||
	    p.total > buf_len)
		return fail(&p, "total size %u is impossible (buffer holds %u)",
			    p.total, (u32)buf_len);

	for (;;) {
		struct mb2_tag tag;

		if (off + MB2_TAG_HEADER_SIZE > p.total)
			return fail(&p, "no end tag within the total size (%u "
					"bytes)", p.total);
		memcpy(&tag, p.buf + off, sizeof(tag));
		if (tag.size < MB2_TAG_HEADER_SIZE ||
		    tag.size > p.total - off)
			return fail(&p, "tag at offset 0x%x has a bad size %u",
				    off, tag.size);
		if (tag.type == MB2_TAG_END)
			return tag.size == MB2_TAG_HEADER_SIZE ? 0 :
			       fail(&p, "end tag at offset 0x%x has size %u",
				    off, tag.size);
		if (parse_tag(&p, off, &tag, info, map))
			return -EINVAL;
		off += ALIGN(tag.size, MB2_TAG_ALIGN);
	}
}
