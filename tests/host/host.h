/* SPDX-License-Identifier: MIT */
/*
 * Support for host unit tests of kernel code: the kernel's printk and
 * panic are replaced by versions that record what was said, so tests can
 * assert on messages and on panics (which return to the test through
 * longjmp instead of stopping the process).
 */
#ifndef TESTS_HOST_HOST_H
#define TESTS_HOST_HOST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Everything printk printed since the last host_log_clear(). */
extern char host_log[65536];
void host_log_clear(void);
/* True if the log contains @needle. */
int host_log_has(const char *needle);

/* Set up "physical memory" (@bytes, backed lazily) for __va(). */
void host_phys_mem_init(unsigned long long bytes);

/* A range of RAM of a fake machine. */
struct ram {
	unsigned long long start, end;
};

/*
 * What a machine's boot would do: memblock from @ram, then mm_core_init;
 * without @highmem, RAM above lowmem is left out. Set up host memory
 * for it first (host_phys_mem_init).
 */
void host_boot_machine(const struct ram *ram, int n, int highmem);

/* host_boot_machine defers HighMem's struct pages only if this is set. */
extern bool host_deferred_init;

/*
 * Run @stmt expecting it to panic: returns 1 if it panicked (message in
 * host_panic_msg), 0 if it returned normally.
 */
extern jmp_buf *host_panic_jmp;
extern char host_panic_msg[512];
#define HOST_EXPECT_PANIC(stmt)                                 \
	({                                                      \
		jmp_buf __jb;                                   \
		volatile int __panicked = 0;                    \
		host_panic_jmp = &__jb;                         \
		if (setjmp(__jb) == 0) {                        \
			stmt;                                   \
		} else {                                        \
			__panicked = 1;                         \
		}                                               \
		host_panic_jmp = NULL;                          \
		__panicked;                                     \
	})

#endif /* TESTS_HOST_HOST_H */
