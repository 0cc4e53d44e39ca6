// SPDX-License-Identifier: MIT
/*
 * usertests: the address space. brk, mmap, munmap, mprotect, madvise;
 * copy-on-write after fork for each kind of memory; running out of it.
 */
#include "usertests.h"
#include "ulib.h"
#include "utest.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * The raw call: musl's brk() always fails and its sbrk() only reads.
 * Linux's brk returns the new break, or the old one when it refuses.
 */
static char *sys_brk(void *new_break)
{
	return (char *)syscall(SYS_brk, new_break);
}

static char *page_up(char *p)
{
	return (char *)(((uintptr_t)p + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1));
}

static void touch(void *addr)
{
	*(volatile char *)addr = 1;
}

static void read_byte(void *addr)
{
	(void)*(volatile char *)addr;
}

#define BRK_GROWTH MIB

void test_brk(void)
{
	char *start = sys_brk(NULL), *top = start + BRK_GROWTH, *first;

	UT_EXPECT(start != NULL && start != (char *)-1, "brk(0) failed");
	UT_EXPECT(sys_brk(top) == top, "growing the break by 1 MiB failed");
	first = page_up(start);
	for (char *p = first; p < top; p += PAGE_SIZE) {
		UT_EXPECT(*p == 0, "new brk page at %p is not zero", (void *)p);
		*p = (char)((uintptr_t)p >> 12);
	}
	for (char *p = first; p < top; p += PAGE_SIZE)
		UT_EXPECT(*p == (char)((uintptr_t)p >> 12),
			  "brk page at %p lost its data", (void *)p);
	/* Below the start of the heap: refused, the break stays put. */
	UT_EXPECT(sys_brk((void *)1) == top,
		  "brk(1) did not leave the break where it was");
	UT_EXPECT(sys_brk(start) == start, "shrinking the break failed");
	utest_expect_signal(run_in_child(touch, first + PAGE_SIZE), SIGSEGV,
			    "a store above the shrunk break");
	/* Grown again: the pages come back zeroed, not with the old data. */
	UT_EXPECT(sys_brk(top) == top, "growing the break again failed");
	for (char *p = first; p < top; p += PAGE_SIZE)
		UT_EXPECT(*p == 0, "regrown brk page at %p is not zero",
			  (void *)p);
	UT_EXPECT(sys_brk(start) == start, "restoring the break failed");
}

/* The linker's name for the end of the program's data and bss. */
extern char end[];

void test_sbrk0(void)
{
	char *brk0 = sbrk(0);

	UT_EXPECT(brk0 != (char *)-1, "sbrk(0): %s", strerror(errno));
	UT_EXPECT(brk0 == sys_brk(NULL), "sbrk(0) is not brk(0)");
	UT_EXPECT(sbrk(0) == brk0, "sbrk(0) moved between two calls");
	UT_EXPECT(brk0 >= end, "the break %p is below the end of bss %p",
		  (void *)brk0, (void *)end);
}

#define MMAP_BIG (16 * MIB)

void test_mmap_16m(void)
{
	uint32_t *p = map_pages(MMAP_BIG);
	size_t words_per_page = PAGE_SIZE / sizeof(*p);
	size_t npages = MMAP_BIG / PAGE_SIZE;

	UT_EXPECT(p, "mmap of 16 MiB: %s", strerror(errno));
	for (size_t i = 0; i < npages; i++) {
		uint32_t *page = p + i * words_per_page;

		UT_EXPECT(page[words_per_page - 1] == 0,
			  "page %zu of a new mapping is not zero", i);
		page[0] = (uint32_t)i ^ 0x5a5a5a5au;
	}
	for (size_t i = 0; i < npages; i++)
		UT_EXPECT(p[i * words_per_page] == ((uint32_t)i ^ 0x5a5a5a5au),
			  "page %zu lost its data", i);
	UT_EXPECT(munmap(p, MMAP_BIG) == 0, "munmap: %s", strerror(errno));
	utest_expect_signal(run_in_child(read_byte, (char *)p + 8 * MIB),
			    SIGSEGV, "a load from the unmapped 16 MiB");
}

void test_mprotect(void)
{
	char *p = map_pages(PAGE_SIZE);

	UT_EXPECT(p, "mmap: %s", strerror(errno));
	p[0] = 42;
	UT_EXPECT(mprotect(p, PAGE_SIZE, PROT_READ) == 0,
		  "mprotect(PROT_READ): %s", strerror(errno));
	UT_EXPECT(p[0] == 42, "the page lost its data at PROT_READ");
	utest_expect_signal(run_in_child(touch, p), SIGSEGV,
			    "a store to a PROT_READ page");
	UT_EXPECT(mprotect(p, PAGE_SIZE, PROT_NONE) == 0,
		  "mprotect(PROT_NONE): %s", strerror(errno));
	utest_expect_signal(run_in_child(read_byte, p), SIGSEGV,
			    "a load from a PROT_NONE page");
	UT_EXPECT(mprotect(p, PAGE_SIZE, PROT_READ | PROT_WRITE) == 0,
		  "mprotect back to read-write: %s", strerror(errno));
	p[0]++;
	UT_EXPECT(p[0] == 43, "the page does not take stores once writable");
	UT_EXPECT(munmap(p, PAGE_SIZE) == 0, "munmap: %s", strerror(errno));
}

void test_madvise_dontneed(void)
{
	size_t len = 4 * PAGE_SIZE;
	unsigned char *p = map_pages(len);

	UT_EXPECT(p, "mmap: %s", strerror(errno));
	memset(p, 0xab, len);
	UT_EXPECT(madvise(p, len, MADV_DONTNEED) == 0, "madvise: %s",
		  strerror(errno));
	/* Private anonymous memory reads back as fresh zero pages. */
	for (size_t i = 0; i < len; i++)
		UT_EXPECT(p[i] == 0, "byte %zu is %#x after MADV_DONTNEED", i,
			  p[i]);
	p[len - 1] = 1;
	UT_EXPECT(p[len - 1] == 1, "the mapping takes no stores after it");
	UT_EXPECT(munmap(p, len) == 0, "munmap: %s", strerror(errno));
}

/*
 * Copy-on-write: after fork() parent and child write the same page of
 * @buf; each must see its own data and the other pages unchanged.
 */
#define COW_SIZE MIB

static void cow_check(unsigned char *buf, size_t len)
{
	size_t mid = (len / 2) & ~(PAGE_SIZE - 1);
	pid_t pid;
	int status;

	memset(buf, 'A', len);
	pid = fork();
	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		/* Sees the memory as it was at fork(), whatever the
		 * parent does since. */
		for (size_t i = 0; i < len; i += PAGE_SIZE / 4)
			if (buf[i] != 'A')
				_exit(1);
		memset(buf + mid, 'B', PAGE_SIZE);
		sched_yield(); /* give the parent time to write its own */
		for (size_t i = 0; i < PAGE_SIZE; i++)
			if (buf[mid + i] != 'B')
				_exit(2);
		_exit(0);
	}
	memset(buf + mid, 'C', PAGE_SIZE);
	status = wait_for(pid);
	UT_EXPECT(!WIFEXITED(status) || WEXITSTATUS(status) != 1,
		  "the child does not see the data of before fork()");
	UT_EXPECT(!WIFEXITED(status) || WEXITSTATUS(status) != 2,
		  "the child's page changed under it (the parent's write?)");
	utest_expect_exit(status, 0, "the child writing its copy");
	for (size_t i = 0; i < len; i++) {
		char expected = i >= mid && i < mid + PAGE_SIZE ? 'C' : 'A';

		UT_EXPECT(buf[i] == expected, "the parent's byte %zu is '%c' "
			  "after the child's write", i, buf[i]);
	}
}

static unsigned char cow_bss_array[COW_SIZE];

void test_cow_bss(void)
{
	cow_check(cow_bss_array, COW_SIZE);
}

void test_cow_brk(void)
{
	char *start = sys_brk(NULL), *heap = page_up(start);

	UT_EXPECT(sys_brk(heap + COW_SIZE) == heap + COW_SIZE,
		  "growing the break: %s", strerror(errno));
	cow_check((unsigned char *)heap, COW_SIZE);
	sys_brk(start);
}

void test_cow_malloc(void)
{
	unsigned char *buf = malloc(COW_SIZE);

	UT_EXPECT(buf, "malloc of 1 MiB failed");
	cow_check(buf, COW_SIZE);
	free(buf);
}

void test_cow_mmap(void)
{
	unsigned char *buf = map_pages(COW_SIZE);

	UT_EXPECT(buf, "mmap: %s", strerror(errno));
	cow_check(buf, COW_SIZE);
	munmap(buf, COW_SIZE);
}

/* The OOM child's exit status when malloc() says no before the kernel. */
#define OOM_MALLOC_FAILED 3

void test_oom(void)
{
	pid_t pid = fork();
	int status;

	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		for (size_t mib = 0;; mib++) {
			char *p = malloc(MIB);

			if (!p) {
				utest_note("oom: malloc failed after %zu MiB",
					   mib);
				_exit(OOM_MALLOC_FAILED);
			}
			for (size_t i = 0; i < MIB; i += PAGE_SIZE)
				p[i] = 1;
		}
	}
	status = wait_for(pid);
	if (utest_on_linux64 && WIFEXITED(status) &&
	    WEXITSTATUS(status) == OOM_MALLOC_FAILED)
		utest_skip("the 32-bit address space ran out before the "
			   "host's memory");
	utest_expect_signal(status, SIGKILL, "a child using all memory");
	/* The kernel recovered: this process can still make another. */
	pid = fork();
	UT_EXPECT(pid >= 0, "fork after the OOM kill: %s", strerror(errno));
	if (pid == 0)
		_exit(0);
	utest_expect_exit(wait_for(pid), 0, "a child after the OOM kill");
}

/* sysinfo: what busybox's free reads first; sizes in mem_unit bytes. */
void test_sysinfo(void)
{
	struct sysinfo si;

	UT_EXPECT(sysinfo(&si) == 0, "sysinfo: %s", strerror(errno));
	UT_EXPECT(si.mem_unit == PAGE_SIZE, "mem_unit %u", si.mem_unit);
	UT_EXPECT(si.totalram > 0, "totalram is 0");
	UT_EXPECT(si.freeram <= si.totalram, "freeram %lu > totalram %lu",
		  si.freeram, si.totalram);
	UT_EXPECT(si.freehigh <= si.totalhigh, "freehigh %lu > totalhigh %lu",
		  si.freehigh, si.totalhigh);
	UT_EXPECT(si.totalswap == 0, "totalswap %lu without swap", si.totalswap);
	UT_EXPECT(si.procs >= 2, "procs %u: this one and the shell at least",
		  si.procs);
}
