// SPDX-License-Identifier: MIT
/*
 * The ELF header checks of exec (see kernel/proc/elf.h). The file comes
 * from anyone who can write one, so each field is checked before it is
 * used, and every sum that could wrap is done in 64 bits: a u32 address
 * plus a u32 size always fits, so no check has to reason about
 * overflow. Only additions, comparisons and masks: no 64-bit division,
 * which the 32-bit kernel has no libgcc helper for.
 *
 * The checks run in a fixed order (see elf_parse()), so a file that is
 * wrong in several ways always gets the same reason.
 */
#include "kernel/proc/elf.h"
#include "kernel/lib/compiler.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"

/* The unit of mapping: segments are placed and compared in whole pages. */
#define ELF_PAGE_SIZE SZ_4K

/* Reasons that quote the limits from their one definition. */
#define TOO_MANY_PHDRS "more than " STRINGIFY(ELF_MAX_PHNUM) " program headers"
#define TOO_MANY_LOADS "more than " STRINGIFY(ELF_MAX_LOAD) " loadable segments"

static int fail(const char **why, int err, const char *reason)
{
	if (why)
		*why = reason;
	return err;
}

/* The header fields that say "an i386 executable", checked in order. */
static int check_ident(const struct elf32_hdr *eh, const char **why)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
		return fail(why, -ENOEXEC, "not an ELF file");
	if (eh->e_ident[EI_CLASS] != ELFCLASS32)
		return fail(why, -ENOEXEC, "not a 32-bit ELF file");
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return fail(why, -ENOEXEC, "not a little-endian ELF file");
	if (eh->e_ident[EI_VERSION] != EV_CURRENT ||
	    eh->e_version != EV_CURRENT)
		return fail(why, -ENOEXEC, "unknown ELF version (want 1)");
	/* x86-64 is by far the likeliest mistake: name it. */
	if (eh->e_machine == EM_X86_64)
		return fail(why, -ENOEXEC,
			    "wrong machine (62 = x86-64, want 3 = i386)");
	if (eh->e_machine != EM_386)
		return fail(why, -ENOEXEC, "wrong machine (want 3 = i386)");
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return fail(why, -ENOEXEC,
			    "not an executable (e_type is not ET_EXEC or "
			    "ET_DYN)");
	return 0;
}

/* The file offset just past the program header table; cannot wrap. */
static u64 phdr_table_end(const struct elf32_hdr *eh)
{
	return (u64)eh->e_phoff + (u64)eh->e_phnum * sizeof(struct elf32_phdr);
}

/* The program header table must be whole, in @head and in the file. */
static int check_phdr_table(const struct elf32_hdr *eh, size_t head_len,
			    u64 file_size, const char **why)
{
	u64 table_end;

	if (eh->e_phentsize != sizeof(struct elf32_phdr))
		return fail(why, -ENOEXEC, "program header size is not 32");
	if (eh->e_phnum == 0)
		return fail(why, -ENOEXEC, "no program headers");
	if (eh->e_phnum > ELF_MAX_PHNUM)
		return fail(why, -ENOEXEC, TOO_MANY_PHDRS);
	table_end = phdr_table_end(eh);
	if (table_end > file_size)
		return fail(why, -ENOEXEC,
			    "program headers past the end of the file");
	if (table_end > head_len)
		return fail(why, -ENOEXEC,
			    "program headers not within the bytes read");
	return 0;
}

/* Program header @i; check_phdr_table() made sure it is in @head. */
static void read_phdr(const u8 *head, const struct elf32_hdr *eh,
		      unsigned int i, struct elf32_phdr *ph)
{
	memcpy(ph, head + eh->e_phoff + i * sizeof(*ph), sizeof(*ph));
}

static unsigned int load_prot(u32 p_flags)
{
	unsigned int prot = 0;

	if (p_flags & PF_R)
		prot |= ELF_PROT_READ;
	if (p_flags & PF_W)
		prot |= ELF_PROT_WRITE;
	if (p_flags & PF_X)
		prot |= ELF_PROT_EXEC;
	return prot;
}

/*
 * Check one PT_LOAD (with p_memsz > 0) and append it to @img; @pages
 * adds up the bytes of the pages the loads cover.
 */
static int add_load(struct elf_image *img, const struct elf32_phdr *ph,
		    u64 file_size, u32 task_size, u64 *pages, const char **why)
{
	u64 start = (u64)ph->p_vaddr + img->bias;
	u64 end = start + ph->p_memsz;
	struct elf_load *load;

	if (ph->p_filesz > ph->p_memsz)
		return fail(why, -EINVAL,
			    "segment has more file bytes than memory bytes");
	if ((u64)ph->p_offset + ph->p_filesz > file_size)
		return fail(why, -EINVAL,
			    "segment's file bytes lie past the end of the "
			    "file");
	/*
	 * A page of the file must land on one page of memory: the loader
	 * maps the file's own pages (p_align 0 or 1 asks for no alignment,
	 * but the pages are mapped all the same).
	 */
	if (!IS_ALIGNED(ph->p_vaddr - ph->p_offset, ELF_PAGE_SIZE))
		return fail(why, -EINVAL,
			    "segment's address and file offset differ within "
			    "a page");
	/* Page 0 stays unmapped, so that NULL pointers fault. */
	if (start < ELF_PAGE_SIZE)
		return fail(why, -EINVAL, "segment in page 0 (never mapped)");
	/* Whole pages get mapped: the rounded end must stay below too. */
	if (ALIGN(end, ELF_PAGE_SIZE) > task_size)
		return fail(why, -EINVAL, "segment overlaps the kernel");
	if (img->nr_loads) {
		const struct elf_load *prev = &img->load[img->nr_loads - 1];
		u64 prev_end = (u64)prev->vaddr + prev->memsz;

		if (start < prev->vaddr)
			return fail(why, -EINVAL,
				    "segments not in ascending address order");
		/*
		 * A page has one set of permissions, and the loader maps
		 * each segment's pages alone: two segments may not meet
		 * in one page.
		 */
		if (ALIGN_DOWN(start, ELF_PAGE_SIZE) <
		    ALIGN(prev_end, ELF_PAGE_SIZE))
			return fail(why, -EINVAL, "two segments share a page");
	}
	if (img->nr_loads == ELF_MAX_LOAD)
		return fail(why, -ENOEXEC, TOO_MANY_LOADS);

	*pages += ALIGN(end, ELF_PAGE_SIZE) - ALIGN_DOWN(start, ELF_PAGE_SIZE);
	load = &img->load[img->nr_loads++];
	load->vaddr = (u32)start;
	load->memsz = ph->p_memsz;
	load->filesz = ph->p_filesz;
	load->offset = ph->p_offset;
	load->prot = load_prot(ph->p_flags);
	return 0;
}

static bool entry_in_code(const struct elf_image *img, u64 entry)
{
	for (unsigned int i = 0; i < img->nr_loads; i++) {
		const struct elf_load *l = &img->load[i];

		if ((l->prot & ELF_PROT_EXEC) && entry >= l->vaddr &&
		    entry < (u64)l->vaddr + l->memsz)
			return true;
	}
	return false;
}

/*
 * Without PT_PHDR, the program headers are visible to the program only
 * if a load maps their file bytes (static linkers put them in the first
 * one). 0 if none does.
 */
static u32 phdr_from_loads(const struct elf_image *img,
			   const struct elf32_hdr *eh)
{
	u64 table_end = phdr_table_end(eh);

	for (unsigned int i = 0; i < img->nr_loads; i++) {
		const struct elf_load *l = &img->load[i];

		if (eh->e_phoff >= l->offset &&
		    table_end <= (u64)l->offset + l->filesz)
			return l->vaddr + (eh->e_phoff - l->offset);
	}
	return 0;
}

int elf_parse(const void *head, size_t head_len, u64 file_size, u32 task_size,
	      struct elf_image *img, const char **why)
{
	struct elf32_hdr eh;
	struct elf32_phdr ph;
	bool have_pt_phdr = false;
	u64 pages = 0;
	int err;

	memset(img, 0, sizeof(*img));
	if (head_len < sizeof(eh) || file_size < sizeof(eh))
		return fail(why, -ENOEXEC, "truncated ELF header");
	/* A copy: @head need not be aligned for the u16 and u32 fields. */
	memcpy(&eh, head, sizeof(eh));
	err = check_ident(&eh, why);
	if (err)
		return err;
	err = check_phdr_table(&eh, head_len, file_size, why);
	if (err)
		return err;

	/* Before any load is looked at: the reason that matters most. */
	for (unsigned int i = 0; i < eh.e_phnum; i++) {
		read_phdr(head, &eh, i, &ph);
		if (ph.p_type == PT_INTERP)
			return fail(why, -ENOEXEC,
				    "dynamically linked (PT_INTERP): only "
				    "static programs run");
	}

	img->bias = eh.e_type == ET_DYN ? ELF_ET_DYN_BASE : 0;
	img->exec_stack = true; /* what a program without PT_GNU_STACK gets */
	for (unsigned int i = 0; i < eh.e_phnum; i++) {
		read_phdr(head, &eh, i, &ph);
		switch (ph.p_type) {
		case PT_LOAD:
			if (ph.p_memsz == 0)
				break;
			err = add_load(img, &ph, file_size, task_size, &pages,
				       why);
			if (err)
				return err;
			break;
		case PT_PHDR:
			if (!have_pt_phdr)
				img->phdr = ph.p_vaddr + img->bias;
			have_pt_phdr = true;
			break;
		case PT_GNU_STACK:
			img->exec_stack = (ph.p_flags & PF_X) != 0;
			break;
		}
	}
	if (img->nr_loads == 0)
		return fail(why, -ENOEXEC, "no loadable segment");
	if (pages > task_size / 2)
		return fail(why, -ENOMEM,
			    "segments need more than half the address space");
	if (!entry_in_code(img, (u64)eh.e_entry + img->bias))
		return fail(why, -ENOEXEC,
			    "entry point outside the program's code");

	img->entry = eh.e_entry + img->bias;
	if (!have_pt_phdr)
		img->phdr = phdr_from_loads(img, &eh);
	img->phnum = eh.e_phnum;
	img->phent = eh.e_phentsize;
	img->start = ALIGN_DOWN(img->load[0].vaddr, ELF_PAGE_SIZE);
	img->end = (u32)ALIGN((u64)img->load[img->nr_loads - 1].vaddr +
				      img->load[img->nr_loads - 1].memsz,
			      ELF_PAGE_SIZE);
	return 0;
}
