// SPDX-License-Identifier: MIT
/* Address-to-name lookups over the generated kallsyms table. */
#include "kernel/debug/kallsyms.h"
#include "kernel/sections.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"

const char *kallsyms_lookup(unsigned long addr, unsigned long *offset,
			    unsigned long *size)
{
	unsigned int lo = 0, hi = kallsyms_count;
	unsigned long end;

	if (addr < (unsigned long)_stext || addr >= (unsigned long)_etext ||
	    kallsyms_count == 0 || addr < kallsyms[0].addr)
		return NULL;
	/* Find the last symbol whose address is <= addr. */
	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (kallsyms[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	end = lo + 1 < kallsyms_count ? kallsyms[lo + 1].addr
				       : (unsigned long)_etext;
	*offset = addr - kallsyms[lo].addr;
	*size = end - kallsyms[lo].addr;
	return kallsyms[lo].name;
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned int i = 0; i < kallsyms_count; i++)
		if (strcmp(kallsyms[i].name, name) == 0)
			return kallsyms[i].addr;
	return 0;
}

int sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	unsigned long offset, symsize;
	const char *name = kallsyms_lookup(addr - 1, &offset, &symsize);

	if (!name)
		return scnprintf(buf, size, "0x%08lx", addr);
	return scnprintf(buf, size, "%s+0x%lx/0x%lx", name, offset + 1,
			 symsize);
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long offset, symsize;
	const char *name = kallsyms_lookup(addr, &offset, &symsize);

	if (!name)
		return scnprintf(buf, size, "0x%08lx", addr);
	return scnprintf(buf, size, "%s+0x%lx/0x%lx", name, offset, symsize);
}
