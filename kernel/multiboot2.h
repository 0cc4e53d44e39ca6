/* SPDX-License-Identifier: MIT */
/*
 * Reading the multiboot2 boot information. The layout: a u32 total
 * size, a reserved u32, then tags (u32 type, u32 size, payload), each
 * starting at an 8-byte boundary, ended by a tag of type 0 and size 8.
 * Everything is validated before use; nothing is trusted.
 */
#ifndef KERNEL_MULTIBOOT2_H
#define KERNEL_MULTIBOOT2_H

#include "kernel/lib/types.h"
#include "mm/memmap.h"

#define MB2_BOOTLOADER_MAGIC 0x36D76289u

#define MB2_TAG_END 0
#define MB2_TAG_CMDLINE 1
#define MB2_TAG_BOOTLOADER 2
#define MB2_TAG_MODULE 3
#define MB2_TAG_BASIC_MEMINFO 4
#define MB2_TAG_MMAP 6

#define MB2_MAX_MODULES 8
/* Firmware entries kept; sanitizing may double them (MEMORY_MAP_MAX). */
#define MB2_MAX_MMAP_ENTRIES (MEMORY_MAP_MAX / 2)
#define MB2_MMAP_ENTRY_MIN 24

struct mb2_module {
	u32 start, end; /* physical, end exclusive */
	const char *cmdline;
};

struct boot_info {
	u32 total_size;
	const char *cmdline;	/* "" if the loader gave none */
	const char *bootloader; /* "" if the loader gave none */
	unsigned int nr_modules;
	struct mb2_module modules[MB2_MAX_MODULES];
	unsigned int mmap_entries;  /* entries the loader listed */
	unsigned int mmap_ignored;  /* entries past MB2_MAX_MMAP_ENTRIES */
};

/**
 * mb2_parse - validate the information at @buf and extract its contents
 * @buf: the multiboot2 information, as copied by boot/entry.asm
 * @buf_len: bytes available at @buf (the total size must fit in it)
 * @info: receives the command line, loader name and modules
 * @map: receives the memory map entries
 * @err: receives a one-line description of the first problem
 * @err_len: the size of @err
 *
 * Strings in @info point into @buf. Unknown tag types are skipped, as
 * the specification requires.
 * Context: boot, or a host test.
 * Return: 0, or -EINVAL with @err filled in.
 */
int mb2_parse(const void *buf, size_t buf_len, struct boot_info *info,
	      struct memory_map *map, char *err, size_t err_len);

/* The parsed information of this boot, and where GRUB had put it. */
extern struct boot_info boot_info;
extern u32 boot_mbi_phys;

#endif /* KERNEL_MULTIBOOT2_H */
