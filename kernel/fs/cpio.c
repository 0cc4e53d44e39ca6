// SPDX-License-Identifier: MIT
/*
 * The newc cpio reader (see kernel/fs/cpio.h). The archive is a boot
 * module: trusted to come from the boot loader, but not to be well
 * formed, so every length is checked against what is left of the buffer
 * before it is added to an offset. Written that way (the remainder
 * compared, never a sum that could wrap) no check depends on the width
 * of size_t.
 */
#include "kernel/fs/cpio.h"
#include "kernel/lib/compiler.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"

#define CPIO_MAGIC_LEN 6
#define CPIO_MAGIC_NEWC "070701"
#define CPIO_MAGIC_CRC "070702" /* newc with a sum of the data bytes */
#define CPIO_FIELD_LEN 8	/* hex digits per header field */
#define CPIO_ALIGN 4

/* The file type bits of c_mode (st_mode's), private to this reader. */
#define CPIO_MODE_TYPE 0170000u
#define CPIO_MODE_REG 0100000u

_Static_assert(CPIO_MAGIC_LEN + CPIO_NR_FIELDS * CPIO_FIELD_LEN ==
		       CPIO_HEADER_SIZE,
	       "the newc header is the magic and 13 fields");

static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -EINVAL;
}

/* Exactly CPIO_FIELD_LEN hex digits, either case; false if not. */
static bool parse_field(const u8 *s, u32 *out)
{
	u32 v = 0;

	for (unsigned int i = 0; i < CPIO_FIELD_LEN; i++) {
		u8 c = s[i];
		u32 digit;

		if (c >= '0' && c <= '9')
			digit = c - '0';
		else if (c >= 'a' && c <= 'f')
			digit = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			digit = c - 'A' + 10;
		else
			return false;
		v = v << 4 | digit;
	}
	*out = v;
	return true;
}

/* Bytes from @off to the next multiple of CPIO_ALIGN. */
static size_t pad_after(size_t off)
{
	return (CPIO_ALIGN - (off & (CPIO_ALIGN - 1))) & (CPIO_ALIGN - 1);
}

/* @off moved past its padding, or @len if the buffer ends within it. */
static size_t skip_pad(size_t off, size_t len)
{
	size_t pad = pad_after(off);

	return pad > len - off ? len : off + pad;
}

/* What 070702 stores in c_check: the data bytes summed, modulo 2^32. */
static u32 data_sum(const u8 *data, u32 size)
{
	u32 sum = 0;

	for (u32 i = 0; i < size; i++)
		sum += data[i];
	return sum;
}

int cpio_next(const u8 *buf, size_t len, size_t *pos, struct cpio_entry *e,
	      const char **why)
{
	u32 field[CPIO_NR_FIELDS];
	size_t off = *pos, name_off, name_end, data_off;
	const u8 *hdr;
	const char *name;
	size_t name_len;
	u32 namesize;
	bool crc;

	if (off >= len)
		return fail(why, "archive ends without a TRAILER!!! entry");
	if (len - off < CPIO_HEADER_SIZE)
		return fail(why, "truncated entry header");
	hdr = buf + off;
	if (memcmp(hdr, CPIO_MAGIC_NEWC, CPIO_MAGIC_LEN) == 0)
		crc = false;
	else if (memcmp(hdr, CPIO_MAGIC_CRC, CPIO_MAGIC_LEN) == 0)
		crc = true;
	else
		return fail(why, "bad magic (not a newc cpio archive)");
	for (unsigned int i = 0; i < CPIO_NR_FIELDS; i++)
		if (!parse_field(hdr + CPIO_MAGIC_LEN + i * CPIO_FIELD_LEN,
				 &field[i]))
			return fail(why, "header field is not 8 hex digits");

	namesize = field[F_NAMESIZE];
	name_off = off + CPIO_HEADER_SIZE;
	if (namesize > len - name_off)
		return fail(why, "name runs past the end of the archive");
	name = (const char *)buf + name_off;
	if (namesize == 0 || name[0] == '\0')
		return fail(why, "empty name");
	name_len = strnlen(name, namesize);
	if (name_len == namesize)
		return fail(why, "name not NUL-terminated");
	/* A NUL inside would make the C string another name. */
	if (name_len != namesize - 1)
		return fail(why, "name has a NUL before its end");
	name_end = name_off + namesize;

	memset(e, 0, sizeof(*e));
	e->name = name;
	e->namesize = namesize;
	e->mode = field[F_MODE];
	e->nlink = field[F_NLINK];
	e->mtime = field[F_MTIME];
	e->uid = field[F_UID];
	e->gid = field[F_GID];
	e->ino = field[F_INO];
	e->rdevmajor = field[F_RDEVMAJOR];
	e->rdevminor = field[F_RDEVMINOR];

	/*
	 * The trailer ends the walk whatever follows: its padding (and the
	 * archive's, to 512 bytes) need not be in the buffer.
	 */
	if (cpio_name_is(e, CPIO_TRAILER)) {
		*pos = skip_pad(name_end, len);
		return 0;
	}

	if (pad_after(name_end) > len - name_end)
		return fail(why,
			    "name padding runs past the end of the archive");
	data_off = name_end + pad_after(name_end);
	if (field[F_FILESIZE] > len - data_off)
		return fail(why, "data runs past the end of the archive");
	e->size = field[F_FILESIZE];
	e->data = buf + data_off;
	/*
	 * Only a regular file's data is summed: GNU cpio writes 0 for a
	 * symlink's target, and checks only files when it reads.
	 */
	if (crc && (e->mode & CPIO_MODE_TYPE) == CPIO_MODE_REG &&
	    data_sum(e->data, e->size) != field[F_CHECK])
		return fail(why, "data does not match its checksum (070702)");
	*pos = skip_pad(data_off + e->size, len);
	return 1;
}

bool cpio_name_is(const struct cpio_entry *e, const char *s)
{
	return strcmp(e->name, s) == 0;
}
