// SPDX-License-Identifier: MIT
/*
 * mapcheck: cuts holes into a mapping and changes the protection of a
 * part of it, checking each time that the pages around keep their data
 * and that the hole is really gone. In the kernel each cut splits one
 * mapping (VMA) into two or three: this is where such code breaks.
 * Prints "mapcheck: ok", or what went wrong and exits 1.
 */
#include "ulib.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define NPAGES 16

static char *region;

static uint32_t *page_word(int page)
{
	return (uint32_t *)(region + (size_t)page * PAGE_SIZE);
}

static uint32_t tag(int page)
{
	return 0x6d617000u + (uint32_t)page; /* "map" and the page number */
}

static void fail(const char *step, const char *what, int page)
{
	printf("mapcheck: FAIL: %s: %s, page %d\n", step, what, page);
	exit(1);
}

/* Pages [from, to) must still hold their tags. */
static void expect_tags(const char *step, int from, int to)
{
	for (int page = from; page < to; page++)
		if (*page_word(page) != tag(page))
			fail(step, "a neighbour lost its data", page);
}

static void load(void *addr)
{
	(void)*(volatile uint32_t *)addr;
}

static void store(void *addr)
{
	*(volatile uint32_t *)addr = 1;
}

/* @access of @page in a child must end with @sig, or 0 for no fault. */
static void expect_access(const char *step, void (*access)(void *),
			  int page, int sig)
{
	int status = run_in_child(access, page_word(page));

	if (sig == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		fail(step, status_text(status), page);
	if (sig != 0 && !(WIFSIGNALED(status) && WTERMSIG(status) == sig))
		fail(step, status_text(status), page);
}

int main(void)
{
	region = map_pages(NPAGES * PAGE_SIZE);
	if (!region)
		fail("mmap", "no memory", 0);
	for (int page = 0; page < NPAGES; page++)
		*page_word(page) = tag(page);

	/* A hole in the middle: one mapping becomes two. */
	if (munmap(page_word(4), 2 * PAGE_SIZE) != 0)
		fail("munmap 4-5", "refused", 4);
	expect_tags("munmap 4-5", 0, 4);
	expect_tags("munmap 4-5", 6, NPAGES);
	expect_access("munmap 4-5", load, 4, SIGSEGV);
	expect_access("munmap 4-5", load, 5, SIGSEGV);

	/* Read-only in the middle of the second part: three mappings. */
	if (mprotect(page_word(8), 2 * PAGE_SIZE, PROT_READ) != 0)
		fail("mprotect 8-9", "refused", 8);
	expect_tags("mprotect 8-9", 6, NPAGES);
	expect_access("mprotect 8-9", store, 8, SIGSEGV);
	expect_access("mprotect 8-9", store, 9, SIGSEGV);
	expect_access("mprotect 8-9", store, 7, 0);
	expect_access("mprotect 8-9", store, 10, 0);
	if (mprotect(page_word(8), 2 * PAGE_SIZE, PROT_READ | PROT_WRITE) != 0)
		fail("mprotect 8-9 back", "refused", 8);
	expect_access("mprotect 8-9 back", store, 8, 0);
	expect_tags("mprotect 8-9 back", 6, NPAGES);

	/* The hole filled again, at a fixed address: fresh zero pages. */
	if (mmap(page_word(4), 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) !=
	    (void *)page_word(4))
		fail("mmap fixed 4-5", "refused or misplaced", 4);
	if (*page_word(4) != 0 || *page_word(5) != 0)
		fail("mmap fixed 4-5", "the new pages are not zero", 4);
	*page_word(4) = tag(4);
	*page_word(5) = tag(5);
	expect_tags("mmap fixed 4-5", 0, NPAGES);

	/* Both ends cut off. */
	if (munmap(page_word(0), 2 * PAGE_SIZE) != 0 ||
	    munmap(page_word(NPAGES - 2), 2 * PAGE_SIZE) != 0)
		fail("munmap the ends", "refused", 0);
	expect_tags("munmap the ends", 2, NPAGES - 2);
	expect_access("munmap the ends", load, 0, SIGSEGV);
	expect_access("munmap the ends", load, NPAGES - 1, SIGSEGV);

	/* One munmap across all the pieces, holes included. */
	if (munmap(region, NPAGES * PAGE_SIZE) != 0)
		fail("munmap all", "refused", 0);
	for (int page = 0; page < NPAGES; page++)
		expect_access("munmap all", load, page, SIGSEGV);

	printf("mapcheck: ok\n");
	return 0;
}
