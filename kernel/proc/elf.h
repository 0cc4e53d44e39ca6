/* SPDX-License-Identifier: MIT */
/*
 * Checking an i386 ELF executable before exec loads it. Only the file's
 * first bytes are needed: the ELF header and the program headers, which
 * every linker puts right after it. elf_parse() trusts nothing in them;
 * what it returns says which file bytes go where, with every address
 * already checked against the user address space, so the loader only
 * copies.
 *
 * Static programs only: one with a PT_INTERP (a dynamic linker to
 * load first) is refused. A static PIE (ET_DYN without PT_INTERP) is
 * placed at ELF_ET_DYN_BASE.
 */
#ifndef KERNEL_PROC_ELF_H
#define KERNEL_PROC_ELF_H

#include "kernel/lib/types.h"

/* e_ident: the magic, then what kind of ELF this is. */
#define EI_NIDENT 16
#define EI_CLASS 4
#define EI_DATA 5
#define EI_VERSION 6
#define ELFMAG "\177ELF"
#define SELFMAG 4
#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define EV_CURRENT 1

#define ET_EXEC 2
#define ET_DYN 3

#define EM_386 3
#define EM_X86_64 62

#define PT_LOAD 1
#define PT_INTERP 3
#define PT_PHDR 6
#define PT_GNU_STACK 0x6474e551u

#define PF_X 1u
#define PF_W 2u
#define PF_R 4u

struct elf32_hdr {
	u8 e_ident[EI_NIDENT];
	u16 e_type;
	u16 e_machine;
	u32 e_version;
	u32 e_entry; /* virtual address of the first instruction */
	u32 e_phoff; /* file offset of the program headers */
	u32 e_shoff;
	u32 e_flags;
	u16 e_ehsize;
	u16 e_phentsize; /* bytes per program header */
	u16 e_phnum;
	u16 e_shentsize;
	u16 e_shnum;
	u16 e_shstrndx;
};

struct elf32_phdr {
	u32 p_type;
	u32 p_offset; /* file offset of the segment's first byte */
	u32 p_vaddr;
	u32 p_paddr;
	u32 p_filesz; /* bytes taken from the file ... */
	u32 p_memsz;  /* ... of this many in memory; the rest are zero */
	u32 p_flags;  /* PF_* */
	u32 p_align;
};

_Static_assert(sizeof(struct elf32_hdr) == 52, "ELF32 header is 52 bytes");
_Static_assert(sizeof(struct elf32_phdr) == 32, "ELF32 phdr is 32 bytes");

/* More program headers than this is not a program a linker made. */
#define ELF_MAX_PHNUM 64
#define ELF_MAX_LOAD 16
#define ELF_ET_DYN_BASE 0x00400000u /* where a static PIE is placed */

#define ELF_PROT_READ 1u
#define ELF_PROT_WRITE 2u
#define ELF_PROT_EXEC 4u

/* One PT_LOAD with p_memsz > 0, the bias applied. */
struct elf_load {
	u32 vaddr; /* p_vaddr + bias (need not be page aligned) */
	u32 memsz, filesz;
	u32 offset;	   /* p_offset */
	unsigned int prot; /* ELF_PROT_* from p_flags */
};

struct elf_image {
	u32 entry; /* e_entry + bias */
	/*
	 * The user address of the program headers (AT_PHDR): PT_PHDR's if
	 * there is one, else where the load that holds their file bytes
	 * puts them; 0 if no load does.
	 */
	u32 phdr;
	u32 phnum, phent; /* AT_PHNUM, AT_PHENT */
	u32 bias;	  /* 0 for ET_EXEC, ELF_ET_DYN_BASE for ET_DYN */
	/*
	 * Page aligned: the lowest load's start rounded down and the
	 * highest load's end rounded up (the program break starts there).
	 */
	u32 start, end;
	bool exec_stack; /* no PT_GNU_STACK, or one with PF_X */
	unsigned int nr_loads;
	struct elf_load load[ELF_MAX_LOAD]; /* in ascending vaddr order */
};

/**
 * elf_parse - check an ELF file's headers and describe how to load it
 * @head: the first @head_len bytes of the file
 * @head_len: bytes at @head (the kernel passes up to one page); the
 *	program headers must lie within them
 * @file_size: the whole file's size: every load's file bytes must lie
 *	within it
 * @task_size: the end of the user address space: nothing may be mapped
 *	at or above it, nor in page 0
 * @img: filled in on success (zeroed first, whatever the outcome)
 * @why: on failure, set to a static one-line reason for the kernel log;
 *	may be NULL
 *
 * Nothing outside @head[0..@head_len) is read. The loads come out in
 * ascending address order, no two in the same page, each inside
 * [4096, @task_size), and the entry point lies in an executable one.
 * Context: any; reads only @head and writes only @img and @why.
 * Return: 0; -ENOEXEC if this is not a static i386 ELF executable;
 * -EINVAL if its segments are laid out impossibly; -ENOMEM if they ask
 * for more than half the address space.
 */
int elf_parse(const void *head, size_t head_len, u64 file_size, u32 task_size,
	      struct elf_image *img, const char **why);

#endif /* KERNEL_PROC_ELF_H */
