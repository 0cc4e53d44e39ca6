/* SPDX-License-Identifier: MIT */
/*
 * Reading a cpio archive in the "newc" format, the one an initramfs
 * uses (cpio -o -H newc). Each entry is a 110-byte header of ASCII: the
 * magic "070701" (or "070702": the same with a checksum of the data),
 * then 13 fields of 8 hex digits; then the name with its NUL, padded so
 * that header and name end at a multiple of 4; then the data, padded to
 * a multiple of 4. An entry named "TRAILER!!!" ends the archive.
 *
 * cpio_next() walks the archive in place: names and data point into
 * the buffer, nothing is copied or allocated.
 */
#ifndef KERNEL_FS_CPIO_H
#define KERNEL_FS_CPIO_H

#include "kernel/lib/types.h"

#define CPIO_HEADER_SIZE 110
#define CPIO_TRAILER "TRAILER!!!"

/* The header's fields, in the order they are stored. */
enum cpio_field {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_FILESIZE,
	F_DEVMAJOR,
	F_DEVMINOR,
	F_RDEVMAJOR,
	F_RDEVMINOR,
	F_NAMESIZE,
	F_CHECK,
	CPIO_NR_FIELDS
};

struct cpio_entry {
	const char *name; /* NUL-terminated, inside the archive buffer */
	u32 namesize;	  /* including the NUL */
	/*
	 * st_mode: the type (S_IFREG 0100000, S_IFDIR 0040000, S_IFLNK
	 * 0120000, ...) and the permission bits
	 */
	u32 mode;
	u32 nlink, mtime, uid, gid;
	u32 size;	/* c_filesize */
	const u8 *data; /* @size bytes, inside the buffer */
	/*
	 * Hard links share @ino (the data comes with the last of them);
	 * device files (/dev/console) carry their number in rdev.
	 */
	u32 ino;
	u32 rdevmajor, rdevminor;
};

/**
 * cpio_next - read the entry at *@pos of a newc archive
 * @buf: the whole archive
 * @len: its size in bytes
 * @pos: in: the offset of the entry's header (0 for the first); out:
 *	the offset after the entry and its padding (a multiple of 4), or
 *	@len if the archive ends within that padding
 * @e: filled in for an entry and for the trailer (whose data is NULL)
 * @why: on error, set to a static one-line reason; may be NULL
 *
 * Names are returned as stored ("./bin/sh", "bin", ...): the caller
 * normalises them. Nothing outside @buf[0..@len) is read, and *@pos
 * grows by at least CPIO_HEADER_SIZE per entry, so a walk always ends.
 * Context: any; reads only @buf.
 * Return: 1 for an entry, 0 for the "TRAILER!!!" entry (the end),
 * -EINVAL for a malformed archive (bad magic, a field that is not hex,
 * a name that is empty or not NUL-terminated, a name or data running
 * past @len, a regular file's 070702 checksum that does not match),
 * with @why set.
 */
int cpio_next(const u8 *buf, size_t len, size_t *pos, struct cpio_entry *e,
	      const char **why);

/**
 * cpio_name_is - is @e's name exactly @s?
 * @e: an entry from cpio_next()
 * @s: a NUL-terminated name, compared as stored (no "./" stripped)
 *
 * Context: any.
 * Return: true if the names are equal.
 */
bool cpio_name_is(const struct cpio_entry *e, const char *s);

#endif /* KERNEL_FS_CPIO_H */
