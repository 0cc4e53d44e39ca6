// SPDX-License-Identifier: MIT
/*
 * Frame-pointer stack walking. The kernel is built with
 * -fno-omit-frame-pointer, so each frame starts with the caller's ebp
 * followed by the return address; boot/entry.asm starts the chain with
 * ebp = 0 and boot/isr.asm links interrupt frames into it.
 */
#include <asm/stacktrace.h>
#include "kernel/lib/compiler.h"
#include "kernel/sections.h"
#include <asm/pgtable.h>

static bool frame_readable(unsigned long ebp)
{
	return ebp >= PAGE_OFFSET && IS_ALIGNED(ebp, 4) &&
	       ebp <= ~0ul - 8 && kernel_address_mapped(ebp) &&
	       kernel_address_mapped(ebp + 4);
}

int walk_stack(unsigned long ebp, void (*fn)(unsigned long addr))
{
	int depth = 0;

	while (depth < STACKTRACE_MAX_DEPTH && frame_readable(ebp)) {
		unsigned long next = ((unsigned long *)ebp)[0];
		unsigned long ret = ((unsigned long *)ebp)[1];

		if (ret < (unsigned long)_stext || ret >= (unsigned long)_etext)
			break;
		fn(ret);
		depth++;
		if (next <= ebp)
			break; /* frames must move up the stack */
		ebp = next;
	}
	return depth;
}

__noinline unsigned long stack_return_address(unsigned int level)
{
	/* Our own frame first: [0] is the caller's ebp, [1] our return. */
	unsigned long ebp = (unsigned long)__builtin_frame_address(0);

	for (unsigned int i = 0; i <= level; i++) {
		unsigned long next;

		if (!frame_readable(ebp))
			return 0;
		next = ((unsigned long *)ebp)[0];
		if (next <= ebp)
			return 0;
		ebp = next;
	}
	return frame_readable(ebp) ? ((unsigned long *)ebp)[1] : 0;
}
