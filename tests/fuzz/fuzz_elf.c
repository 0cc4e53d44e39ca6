// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for exec's ELF header checks (kernel/proc/elf.c):
 * whatever the bytes, elf_parse() either refuses them with one of its
 * three errors and a reason, or describes loads the kernel can map
 * blindly: each inside [4096, task size), in ascending order, no two in
 * one page, with file bytes that exist, and an entry point in code.
 *
 * The input is the file's first bytes and, in a second call, the head
 * of a bigger file; both are exact-size heap copies, so ASan flags any
 * read past the head. A third call gets the same bytes with the header
 * fields that say "i386 executable" made right, so that the fuzzer
 * spends its time on the program headers rather than on the magic.
 */
#include "fuzz.h"
#include "kernel/lib/compiler.h"
#include "kernel/lib/errno.h"
#include "kernel/proc/elf.h"

#include <stdint.h>
#include <string.h>

#define TASK_SIZE 0xC0000000u
#define PAGE 4096u
#define BIG_FILE (1ull << 30) /* the head of a 1 GiB file */

static bool in_exec_load(const struct elf_image *img, u64 addr)
{
	for (unsigned int i = 0; i < img->nr_loads; i++) {
		const struct elf_load *l = &img->load[i];

		if ((l->prot & ELF_PROT_EXEC) && addr >= l->vaddr &&
		    addr < (u64)l->vaddr + l->memsz)
			return true;
	}
	return false;
}

static void check_image(const struct elf_image *img, u64 file_size)
{
	u64 prev_end = 0;

	CHECK(img->nr_loads >= 1 && img->nr_loads <= ELF_MAX_LOAD);
	CHECK(img->bias == 0 || img->bias == ELF_ET_DYN_BASE);
	CHECK(img->phent == sizeof(struct elf32_phdr));
	CHECK(img->phnum >= 1 && img->phnum <= ELF_MAX_PHNUM);
	for (unsigned int i = 0; i < img->nr_loads; i++) {
		const struct elf_load *l = &img->load[i];
		u64 end = (u64)l->vaddr + l->memsz;

		CHECK(l->memsz > 0);
		CHECK(l->filesz <= l->memsz);
		CHECK((u64)l->offset + l->filesz <= file_size);
		/* The loader maps file pages: address and offset agree in a page. */
		CHECK(((l->vaddr - img->bias) - l->offset) % PAGE == 0);
		CHECK(l->vaddr >= PAGE);
		CHECK(ALIGN(end, (u64)PAGE) <= TASK_SIZE);
		CHECK((l->prot &
		       ~(ELF_PROT_READ | ELF_PROT_WRITE | ELF_PROT_EXEC)) == 0);
		/* Ascending, and not even a shared page with the last. */
		CHECK(ALIGN_DOWN((u64)l->vaddr, PAGE) >= prev_end);
		prev_end = ALIGN(end, (u64)PAGE);
	}
	CHECK(in_exec_load(img, img->entry));
	CHECK(img->start == ALIGN_DOWN(img->load[0].vaddr, PAGE));
	CHECK(img->end == prev_end);
	CHECK(img->start < img->end && img->end <= TASK_SIZE);
}

static void parse_and_check(const u8 *data, size_t size, u64 file_size)
{
	static struct elf_image img;
	const char *why = NULL;
	u8 *head = malloc(size ? size : 1);
	int err;

	memcpy(head, data, size);
	err = elf_parse(head, size, file_size, TASK_SIZE, &img, &why);
	if (err == 0) {
		check_image(&img, file_size);
	} else {
		CHECK(err == -ENOEXEC || err == -EINVAL || err == -ENOMEM);
		CHECK(why != NULL && why[0] != '\0');
	}
	free(head);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static u8 fixed[8192];
	struct elf32_hdr eh;

	parse_and_check(data, size, size);
	parse_and_check(data, size, BIG_FILE);
	if (size < sizeof(eh) || size > sizeof(fixed))
		return 0;

	memcpy(fixed, data, size);
	memcpy(&eh, fixed, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS32;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_version = EV_CURRENT;
	eh.e_machine = EM_386;
	eh.e_type = (eh.e_type & 1) ? ET_DYN : ET_EXEC;
	eh.e_phentsize = sizeof(struct elf32_phdr);
	memcpy(fixed, &eh, sizeof(eh));
	parse_and_check(fixed, size, size);
	return 0;
}
