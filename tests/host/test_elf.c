// SPDX-License-Identifier: MIT
/*
 * Host tests of kernel/proc/elf.c: a small valid executable is built in
 * C, then each test breaks one field and expects the rule that catches
 * it. Real layouts too: a musl static binary (the fuzzing seed
 * tests/fuzz/corpus/elf/musl-hello, read from the top of the tree,
 * where make test runs these) and the program headers of Debian's
 * static glibc busybox.
 */
#include "host.h"
#include "kernel/lib/compiler.h"
#include "kernel/lib/errno.h"
#include "kernel/proc/elf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TASK_SIZE 0xC0000000u
#define TEXT_VADDR 0x08048000u
#define MAX_PHDRS 20

/* An ELF file as it starts: the header, then its program headers. */
static struct test_file {
	struct elf32_hdr eh;
	struct elf32_phdr ph[MAX_PHDRS];
	u8 rest[4096];
} f;

_Static_assert(offsetof(struct test_file, ph) == sizeof(struct elf32_hdr),
	       "the program headers follow the ELF header");

static size_t head_len;
static u64 file_size;
static struct elf_image img;
static const char *why;

static struct elf32_phdr phdr(u32 type, u32 offset, u32 vaddr, u32 filesz,
			      u32 memsz, u32 flags)
{
	return (struct elf32_phdr){
		.p_type = type,
		.p_offset = offset,
		.p_vaddr = vaddr,
		.p_paddr = vaddr,
		.p_filesz = filesz,
		.p_memsz = memsz,
		.p_flags = flags,
		.p_align = 0x1000,
	};
}

static void set_header(u16 type, u32 entry, u16 phnum)
{
	memset(&f.eh, 0, sizeof(f.eh));
	memcpy(f.eh.e_ident, ELFMAG, SELFMAG);
	f.eh.e_ident[EI_CLASS] = ELFCLASS32;
	f.eh.e_ident[EI_DATA] = ELFDATA2LSB;
	f.eh.e_ident[EI_VERSION] = EV_CURRENT;
	f.eh.e_type = type;
	f.eh.e_machine = EM_386;
	f.eh.e_version = EV_CURRENT;
	f.eh.e_entry = entry;
	f.eh.e_phoff = sizeof(struct elf32_hdr);
	f.eh.e_ehsize = sizeof(struct elf32_hdr);
	f.eh.e_phentsize = sizeof(struct elf32_phdr);
	f.eh.e_phnum = phnum;
}

/*
 * What a static linker makes, in small: code (and the headers) in one
 * page, then data and bss from the next page on, whose file offset
 * 0x200 matches its address within the page; a non-executable stack.
 * The ET_DYN variant is the same, linked at 0.
 */
static void make_file(u16 type)
{
	u32 base = type == ET_DYN ? 0 : TEXT_VADDR;

	memset(&f, 0, sizeof(f));
	set_header(type, base + 0x100, 3);
	f.ph[0] = phdr(PT_LOAD, 0, base, 0x200, 0x200, PF_R | PF_X);
	f.ph[1] =
		phdr(PT_LOAD, 0x200, base + 0x1200, 0x10, 0x1000, PF_R | PF_W);
	f.ph[2] = phdr(PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W);
	f.ph[2].p_align = 16;
	file_size = 0x210;
	head_len = 0x210;
}

static int parse(void)
{
	why = NULL;
	return elf_parse(&f, head_len, file_size, TASK_SIZE, &img, &why);
}

/* Refused with @err, and the reason contains @reason. */
static void expect_refused(int err, const char *reason)
{
	assert_int_equal(parse(), err);
	assert_non_null(why);
	if (!strstr(why, reason))
		fail_msg("reason \"%s\", expected \"%s\" in it", why, reason);
}

static void test_static_exec(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	assert_int_equal(parse(), 0);
	assert_int_equal(img.bias, 0);
	assert_int_equal(img.entry, TEXT_VADDR + 0x100);
	assert_int_equal(img.nr_loads, 2);
	assert_int_equal(img.load[0].vaddr, TEXT_VADDR);
	assert_int_equal(img.load[0].memsz, 0x200);
	assert_int_equal(img.load[0].filesz, 0x200);
	assert_int_equal(img.load[0].offset, 0);
	assert_int_equal(img.load[0].prot, ELF_PROT_READ | ELF_PROT_EXEC);
	assert_int_equal(img.load[1].vaddr, TEXT_VADDR + 0x1200);
	assert_int_equal(img.load[1].memsz, 0x1000);
	assert_int_equal(img.load[1].filesz, 0x10);
	assert_int_equal(img.load[1].offset, 0x200);
	assert_int_equal(img.load[1].prot, ELF_PROT_READ | ELF_PROT_WRITE);
	/* No PT_PHDR: the first load maps the headers' file bytes. */
	assert_int_equal(img.phdr, TEXT_VADDR + sizeof(struct elf32_hdr));
	assert_int_equal(img.phnum, 3);
	assert_int_equal(img.phent, 32);
	assert_int_equal(img.start, TEXT_VADDR);
	assert_int_equal(img.end, TEXT_VADDR + 0x3000);
	assert_false(img.exec_stack);
}

static void test_static_pie_is_placed_at_dyn_base(void **state)
{
	(void)state;
	make_file(ET_DYN);
	assert_int_equal(parse(), 0);
	assert_int_equal(img.bias, ELF_ET_DYN_BASE);
	assert_int_equal(img.entry, ELF_ET_DYN_BASE + 0x100);
	assert_int_equal(img.load[0].vaddr, ELF_ET_DYN_BASE);
	assert_int_equal(img.load[1].vaddr, ELF_ET_DYN_BASE + 0x1200);
	assert_int_equal(img.phdr, ELF_ET_DYN_BASE + sizeof(struct elf32_hdr));
	assert_int_equal(img.start, ELF_ET_DYN_BASE);
	assert_int_equal(img.end, ELF_ET_DYN_BASE + 0x3000);
}

static void test_pt_phdr_gives_the_address(void **state)
{
	(void)state;
	make_file(ET_DYN);
	f.eh.e_phnum = 4;
	f.ph[3] = phdr(PT_PHDR, 0x34, 0x40, 0x80, 0x80, PF_R);
	assert_int_equal(parse(), 0);
	assert_int_equal(img.phdr, ELF_ET_DYN_BASE + 0x40);
	assert_int_equal(img.phnum, 4);
}

static void test_unmapped_phdrs_give_zero(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.ph[0].p_filesz = 0x40; /* the table (0x34..0x94) is not loaded */
	assert_int_equal(parse(), 0);
	assert_int_equal(img.phdr, 0);
}

static void test_stack_executable_unless_gnu_stack_says(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.ph[2].p_flags |= PF_X;
	assert_int_equal(parse(), 0);
	assert_true(img.exec_stack);
	f.ph[2].p_type = 4; /* PT_NOTE: no PT_GNU_STACK at all */
	assert_int_equal(parse(), 0);
	assert_true(img.exec_stack);
}

static void test_empty_load_is_skipped(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.eh.e_phnum = 4;
	/* Nonsense everywhere but p_memsz = 0: nothing to map, no check. */
	f.ph[3] = phdr(PT_LOAD, 0xffffffff, 0, 0x100, 0, PF_R);
	assert_int_equal(parse(), 0);
	assert_int_equal(img.nr_loads, 2);
}

static void test_reads_only_the_head(void **state)
{
	size_t len = sizeof(f.eh) + 3 * sizeof(struct elf32_phdr);
	void *head = malloc(len);

	(void)state;
	make_file(ET_EXEC);
	/* Exactly the header and the table: ASan sees a read past them. */
	memcpy(head, &f, len);
	assert_int_equal(elf_parse(head, len, file_size, TASK_SIZE, &img, &why),
			 0);
	assert_int_equal(
		elf_parse(head, len - 1, file_size, TASK_SIZE, &img, &why),
		-ENOEXEC);
	free(head);
}

static void test_truncated_header(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	head_len = sizeof(struct elf32_hdr) - 1;
	expect_refused(-ENOEXEC, "truncated ELF header");
	head_len = 0x210;
	file_size = sizeof(struct elf32_hdr) - 1;
	expect_refused(-ENOEXEC, "truncated ELF header");
}

static void test_not_elf(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	memcpy(f.eh.e_ident, "#!/b", 4);
	expect_refused(-ENOEXEC, "not an ELF file");
}

static void test_not_32bit_little_endian_v1(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.eh.e_ident[EI_CLASS] = 2; /* ELFCLASS64 */
	expect_refused(-ENOEXEC, "32-bit");
	make_file(ET_EXEC);
	f.eh.e_ident[EI_DATA] = 2; /* ELFDATA2MSB */
	expect_refused(-ENOEXEC, "little-endian");
	make_file(ET_EXEC);
	f.eh.e_ident[EI_VERSION] = 0;
	expect_refused(-ENOEXEC, "version");
	make_file(ET_EXEC);
	f.eh.e_version = 2;
	expect_refused(-ENOEXEC, "version");
}

static void test_wrong_machine(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.eh.e_machine = EM_X86_64;
	expect_refused(-ENOEXEC, "wrong machine (62");
	f.eh.e_machine = 40; /* EM_ARM */
	expect_refused(-ENOEXEC, "wrong machine");
}

static void test_not_an_executable(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.eh.e_type = 1; /* ET_REL: an object file */
	expect_refused(-ENOEXEC, "not an executable");
	f.eh.e_type = 4; /* ET_CORE */
	expect_refused(-ENOEXEC, "not an executable");
}

static void test_bad_program_header_table(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.eh.e_phentsize = 40;
	expect_refused(-ENOEXEC, "program header size");
	make_file(ET_EXEC);
	f.eh.e_phnum = 0;
	expect_refused(-ENOEXEC, "no program headers");
	f.eh.e_phnum = ELF_MAX_PHNUM + 1;
	expect_refused(-ENOEXEC, "more than 64");
}

static void test_program_headers_outside(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	head_len = 0x93; /* the table ends at 0x94 */
	expect_refused(-ENOEXEC, "not within the bytes read");
	make_file(ET_EXEC);
	file_size = 0x93;
	expect_refused(-ENOEXEC, "past the end of the file");
	/* Offset + size wraps a u32: still outside, not at offset 0x10. */
	make_file(ET_EXEC);
	f.eh.e_phoff = 0xfffffff0;
	expect_refused(-ENOEXEC, "past the end of the file");
}

static void test_dynamic_program_refused(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.ph[2] = phdr(PT_INTERP, 0x100, TEXT_VADDR + 0x100, 20, 20, PF_R);
	expect_refused(-ENOEXEC,
		       "dynamically linked (PT_INTERP): only static programs "
		       "run");
	/* Checked before the loads: a broken load does not hide it. */
	f.ph[0].p_filesz = 0x300;
	expect_refused(-ENOEXEC, "PT_INTERP");
}

static void test_filesz_above_memsz(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.ph[1].p_filesz = 0x1001;
	file_size = 0x2000;
	expect_refused(-EINVAL, "more file bytes than memory");
}

static void test_file_bytes_past_the_end(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.ph[1].p_filesz = 0x11; /* one byte past 0x210 */
	expect_refused(-EINVAL, "past the end of the file");
	/* p_offset + p_filesz wraps a u32. */
	make_file(ET_EXEC);
	f.ph[1].p_offset = 0xfffffff8;
	expect_refused(-EINVAL, "past the end of the file");
}

static void test_offset_and_address_disagree_in_page(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.ph[1].p_vaddr = TEXT_VADDR + 0x1300;
	expect_refused(-EINVAL, "differ within a page");
	/* Asking for no alignment changes nothing: the pages are mapped. */
	f.ph[1].p_align = 1;
	expect_refused(-EINVAL, "differ within a page");
	f.ph[1].p_align = 0;
	expect_refused(-EINVAL, "differ within a page");
}

static void test_segment_in_page_zero(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.ph[0].p_vaddr = 0;
	f.eh.e_entry = 0x100;
	expect_refused(-EINVAL, "page 0");
}

static void test_segment_overlaps_the_kernel(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.ph[1].p_vaddr = TASK_SIZE - 0xe00; /* ends at TASK_SIZE + 0x200 */
	expect_refused(-EINVAL, "segment overlaps the kernel");
	/* Ending exactly at the boundary is fine. */
	f.ph[1].p_memsz = 0xe00;
	assert_int_equal(parse(), 0);
	assert_int_equal(img.end, TASK_SIZE);
	/* vaddr + memsz wraps a u32. */
	f.ph[1].p_vaddr = 0xfffff200;
	f.ph[1].p_memsz = 0x1000;
	expect_refused(-EINVAL, "segment overlaps the kernel");
}

static void test_bias_pushes_past_the_kernel(void **state)
{
	(void)state;
	make_file(ET_DYN);
	/* Fits as linked, not once moved to ELF_ET_DYN_BASE. */
	f.ph[1].p_vaddr = TASK_SIZE - ELF_ET_DYN_BASE + 0x200;
	expect_refused(-EINVAL, "segment overlaps the kernel");
	/* vaddr + bias wraps a u32 (to 0x200): still past the kernel. */
	f.ph[1].p_vaddr = 0u - ELF_ET_DYN_BASE + 0x200;
	expect_refused(-EINVAL, "segment overlaps the kernel");
}

static void test_loads_out_of_order(void **state)
{
	struct elf32_phdr text;

	(void)state;
	make_file(ET_EXEC);
	text = f.ph[0];
	f.ph[0] = f.ph[1];
	f.ph[1] = text;
	expect_refused(-EINVAL, "ascending");
}

static void test_loads_share_a_page(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	/* Data right after the code, in the code's page. */
	f.ph[1].p_vaddr = TEXT_VADDR + 0x200;
	expect_refused(-EINVAL, "share a page");
	/* Overlapping the code. */
	f.ph[1].p_offset = 0x100;
	f.ph[1].p_vaddr = TEXT_VADDR + 0x100;
	expect_refused(-EINVAL, "share a page");
}

/* @n loads of one page each, the first one code. */
static void make_many_loads(unsigned int n)
{
	memset(&f, 0, sizeof(f));
	set_header(ET_EXEC, TEXT_VADDR + 0x8, n);
	for (unsigned int i = 0; i < n; i++)
		f.ph[i] = phdr(PT_LOAD, 0, TEXT_VADDR + i * 0x1000, 0, 0x10,
			       i ? PF_R : PF_R | PF_X);
	file_size = sizeof(f);
	head_len = sizeof(f);
}

static void test_too_many_loads(void **state)
{
	(void)state;
	make_many_loads(ELF_MAX_LOAD);
	assert_int_equal(parse(), 0);
	assert_int_equal(img.nr_loads, ELF_MAX_LOAD);
	assert_int_equal(img.load[ELF_MAX_LOAD - 1].vaddr,
			 TEXT_VADDR + (ELF_MAX_LOAD - 1) * 0x1000);
	make_many_loads(ELF_MAX_LOAD + 1);
	expect_refused(-ENOEXEC, "loadable segments");
}

static void test_no_load(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.ph[0].p_memsz = 0;
	f.ph[0].p_filesz = 0;
	f.ph[1].p_type = 4; /* PT_NOTE */
	expect_refused(-ENOEXEC, "no loadable segment");
}

static void test_absurd_size(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	/* The code's page and this one's 0x5ffff000: half of TASK_SIZE. */
	f.ph[1].p_vaddr = 0x10000200;
	f.ph[1].p_memsz = 0x5ffff000 - 0x200;
	assert_int_equal(parse(), 0);
	f.ph[1].p_memsz++;
	expect_refused(-ENOMEM, "half the address space");
}

static void test_entry_outside_code(void **state)
{
	(void)state;
	make_file(ET_EXEC);
	f.eh.e_entry = TEXT_VADDR + 0x1200; /* in the data */
	expect_refused(-ENOEXEC, "entry point outside the program's code");
	f.eh.e_entry = TEXT_VADDR + 0x200; /* just past the code */
	expect_refused(-ENOEXEC, "entry point outside the program's code");
	f.eh.e_entry = 0;
	expect_refused(-ENOEXEC, "entry point outside the program's code");
	/* In a static PIE, e_entry + bias may wrap a u32. */
	make_file(ET_DYN);
	f.eh.e_entry = 0u - ELF_ET_DYN_BASE + 0x100;
	expect_refused(-ENOEXEC, "entry point outside the program's code");
}

/* musl's static layout: i386-linux-musl-gcc -static -Os -s hello.c. */
static void test_musl_static_binary(void **state)
{
	static u8 buf[65536];
	const char *path = "tests/fuzz/corpus/elf/musl-hello";
	FILE *fp = fopen(path, "rb");
	size_t len;

	(void)state;
	if (!fp)
		fail_msg("%s: cannot open (run from the top of the tree)",
			 path);
	len = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	/* The kernel passes the first page and the file's size. */
	assert_int_equal(elf_parse(buf, min(len, (size_t)4096), len, TASK_SIZE,
				   &img, &why),
			 0);
	/* What readelf -l says of that file. */
	assert_int_equal(img.entry, 0x0804906f);
	assert_int_equal(img.nr_loads, 4);
	assert_int_equal(img.load[1].vaddr, 0x08049000);
	assert_int_equal(img.load[1].prot, ELF_PROT_READ | ELF_PROT_EXEC);
	assert_int_equal(img.load[3].vaddr, 0x0804cfd8);
	assert_int_equal(img.load[3].offset, 0x3fd8);
	assert_int_equal(img.load[3].filesz, 0xdc);
	assert_int_equal(img.load[3].memsz, 0x650);
	assert_int_equal(img.phdr, 0x08048034);
	assert_int_equal(img.phnum, 6);
	assert_int_equal(img.start, 0x08048000);
	assert_int_equal(img.end, 0x0804e000);
	assert_false(img.exec_stack);
}

/*
 * glibc's static layout, from readelf -l of Debian's busybox-static
 * (i386): a TLS segment, a RELRO range and a data segment whose file
 * offset is far from page aligned.
 */
static void test_glibc_static_layout(void **state)
{
	(void)state;
	memset(&f, 0, sizeof(f));
	set_header(ET_EXEC, 0x08049b00, 8);
	f.ph[0] = phdr(PT_LOAD, 0, 0x08048000, 0x268, 0x268, PF_R);
	f.ph[1] = phdr(PT_LOAD, 0x1000, 0x08049000, 0x183d88, 0x183d88,
		       PF_R | PF_X);
	f.ph[2] = phdr(PT_LOAD, 0x185000, 0x081cd000, 0x6c6b9, 0x6c6b9, PF_R);
	f.ph[3] = phdr(PT_LOAD, 0x1f2324, 0x0823a324, 0x5274, 0x95b4,
		       PF_R | PF_W);
	f.ph[4] = phdr(4 /* PT_NOTE */, 0x134, 0x08048134, 0x44, 0x44, PF_R);
	f.ph[5] = phdr(7 /* PT_TLS */, 0x1f2324, 0x0823a324, 0x14, 0x54, PF_R);
	f.ph[6] = phdr(PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W);
	f.ph[7] = phdr(0x6474e552 /* PT_GNU_RELRO */, 0x1f2324, 0x0823a324,
		       0x3cdc, 0x3cdc, PF_R);
	f.ph[4].p_align = f.ph[5].p_align = 4;
	f.ph[6].p_align = 16;
	f.ph[7].p_align = 1;
	head_len = 4096;
	file_size = 2063088;
	assert_int_equal(parse(), 0);
	assert_int_equal(img.nr_loads, 4);
	assert_int_equal(img.entry, 0x08049b00);
	assert_int_equal(img.phdr, 0x08048034);
	assert_int_equal(img.start, 0x08048000);
	assert_int_equal(img.end, 0x08244000);
	assert_false(img.exec_stack);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_static_exec),
		cmocka_unit_test(test_static_pie_is_placed_at_dyn_base),
		cmocka_unit_test(test_pt_phdr_gives_the_address),
		cmocka_unit_test(test_unmapped_phdrs_give_zero),
		cmocka_unit_test(test_stack_executable_unless_gnu_stack_says),
		cmocka_unit_test(test_empty_load_is_skipped),
		cmocka_unit_test(test_reads_only_the_head),
		cmocka_unit_test(test_truncated_header),
		cmocka_unit_test(test_not_elf),
		cmocka_unit_test(test_not_32bit_little_endian_v1),
		cmocka_unit_test(test_wrong_machine),
		cmocka_unit_test(test_not_an_executable),
		cmocka_unit_test(test_bad_program_header_table),
		cmocka_unit_test(test_program_headers_outside),
		cmocka_unit_test(test_dynamic_program_refused),
		cmocka_unit_test(test_filesz_above_memsz),
		cmocka_unit_test(test_file_bytes_past_the_end),
		cmocka_unit_test(test_offset_and_address_disagree_in_page),
		cmocka_unit_test(test_segment_in_page_zero),
		cmocka_unit_test(test_segment_overlaps_the_kernel),
		cmocka_unit_test(test_bias_pushes_past_the_kernel),
		cmocka_unit_test(test_loads_out_of_order),
		cmocka_unit_test(test_loads_share_a_page),
		cmocka_unit_test(test_too_many_loads),
		cmocka_unit_test(test_no_load),
		cmocka_unit_test(test_absurd_size),
		cmocka_unit_test(test_entry_outside_code),
		cmocka_unit_test(test_musl_static_binary),
		cmocka_unit_test(test_glibc_static_layout),
	};

	return cmocka_run_group_tests_name("elf", tests, NULL, NULL);
}
