// SPDX-License-Identifier: MIT
/* Kernel services replaced for the host tests (see host.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "host.h"
#include "kernel/drivers/console.h"
#include "kernel/debug/kallsyms.h"
#include "kernel/debug/panic.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/smp.h"
#include <asm/layout.h>

char *host_phys_mem;
char host_log[65536];
static size_t host_log_len;
jmp_buf *host_panic_jmp;

/* The test process is CPU 0, the only one online. */
DEFINE_PER_CPU(unsigned int, cpu_number);
volatile u32 cpu_online_mask = 1;
char host_panic_msg[512];

void host_log_clear(void)
{
	host_log_len = 0;
	host_log[0] = '\0';
}

int host_log_has(const char *needle)
{
	return strstr(host_log, needle) != NULL;
}

/*
 * The buffer is aligned to 4 MiB, like PAGE_OFFSET is (far more), so
 * that a block's virtual address is as aligned as its physical one:
 * the slab allocator relies on it.
 */
void host_phys_mem_init(unsigned long long bytes)
{
	static unsigned long long mapped;
	const unsigned long long align = 4ull << 20;
	char *raw;

	if (mapped >= bytes)
		return;
	raw = mmap(NULL, bytes + align, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (raw == MAP_FAILED) {
		perror("mmap");
		abort();
	}
	host_phys_mem = (char *)(((unsigned long)raw + align - 1) & ~(align - 1));
	mapped = bytes;
}

int vprintk(const char *fmt, va_list ap)
{
	size_t start = host_log_len;
	int n = vsnprintf(host_log + start, sizeof(host_log) - start, fmt, ap);

	host_log_len = strlen(host_log);
	if (getenv("HOST_TEST_VERBOSE"))
		fputs(host_log + start, stderr);
	return n;
}

int printk_at_line_start(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void panic_at(const char *file, int line, const char *func, const char *fmt,
	      ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(host_panic_msg, sizeof(host_panic_msg), fmt, ap);
	va_end(ap);
	if (host_panic_jmp)
		longjmp(*host_panic_jmp, 1);
	fprintf(stderr, "unexpected panic at %s:%d in %s(): %s\n", file, line,
		func, host_panic_msg);
	abort();
}

void warn_at(const char *file, int line, const char *func, const char *cond)
{
	printk("WARNING: %s at %s:%d in %s()\n", cond, file, line, func);
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	return scnprintf(buf, size, "sym_%lx", addr);
}

int sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	return scnprintf(buf, size, "ret_%lx", addr);
}

/* kernel/drivers/console.h: no debug port on the host. */
bool e9_present(void)
{
	return false;
}

void e9_write(const char *s, size_t len)
{
	(void)s;
	(void)len;
}

/*
 * highmem/highmem.c maps highmem pages through the fixmap; on the host
 * the fake physical memory is one buffer, so every page is reachable.
 */
#include "highmem/highmem.h"

void clear_highpage(struct page *page)
{
	memset(__va(page_to_phys(page)), 0, PAGE_SIZE);
}

void memset_page(struct page *page, size_t offset, int val, size_t len)
{
	memset((char *)__va(page_to_phys(page)) + offset, val, len);
}

void memcpy_to_page(struct page *page, size_t offset, const void *src,
		    size_t len)
{
	memcpy((char *)__va(page_to_phys(page)) + offset, src, len);
}

void memcpy_from_page(void *dst, struct page *page, size_t offset,
		      size_t len)
{
	memcpy(dst, (char *)__va(page_to_phys(page)) + offset, len);
}

/* kernel/ and mm/ variables that the kernel's boot code would set. */
unsigned long max_low_pfn, max_pfn, high_memory, vmalloc_start;

void dump_stack(void)
{
	printk("(host test: no stack trace)\n");
}

/* kernel/sched.c: the host tests never switch threads. */
void schedule(void)
{
}

void preempt_schedule(void)
{
}

/* kernel/sched.c: host tests run "after boot", where fault injection counts. */
#include "kernel/sched.h"
enum system_states system_state = SYSTEM_RUNNING;

/*
 * kernel/arch/x86/stacktrace.c: the host's frames are not the kernel's, so every
 * level is answered with our own return address: nonzero, as a real
 * caller would be.
 */
__attribute__((noinline)) unsigned long stack_return_address(unsigned int level)
{
	(void)level;
	return (unsigned long)__builtin_return_address(0);
}

/*
 * mm/page_debug.c maps and unmaps kernel page tables, which the host
 * tests do not have; page debugging is tested in the kernel (ktest).
 */
#include "mm/page_debug.h"
unsigned int page_debug;

void page_debug_alloc(struct page *page, unsigned int order,
		      unsigned long caller, unsigned long caller2)
{
}

void page_debug_free(struct page *page, unsigned int order,
		     unsigned long caller, unsigned long caller2)
{
}

void page_debug_history(unsigned long pfn)
{
}

/*
 * kernel/mutex.c and the lock checks: one host thread, so a mutex is
 * only its owner, and lock_debug stays off (its functions are never
 * called; they exist for the linker).
 */
#include "kernel/mutex.h"
bool lock_debug;

void mutex_lock(struct mutex *m)
{
	m->owner = (struct task_struct *)1;
}

void mutex_unlock(struct mutex *m)
{
	m->owner = NULL;
}

void lock_debug_wait(struct spinlock *lock, u16 ticket)
{
	(void)lock;
	(void)ticket;
}

void lock_debug_acquired(spinlock_t *lock)
{
	(void)lock;
}

void lock_debug_released(spinlock_t *lock)
{
	(void)lock;
}

void lock_debug_show_holder(const struct spinlock *lock)
{
	(void)lock;
}

/* kernel/arch/x86/smp.c: the one host CPU is every CPU there is. */
void on_each_cpu(smp_call_func_t func, void *info)
{
	func(info);
}

/* kernel/sched.c: a host test may always sleep. */
void __might_sleep(const char *file, int line)
{
	(void)file;
	(void)line;
}

void smp_poll_lockfree_calls(void)
{
}

#include "mm/vmalloc.h"

/* vmalloc for seq_file's large buffers: the C library's (no vmalloc.c). */
void *vmalloc(unsigned long size)
{
	return malloc(size);
}

void vfree(const void *addr)
{
	free((void *)addr);
}

/*
 * kernel/sched.c and kernel/proc/exit.c: mm/deferred_init.c starts
 * threads, which the host tests have none of; there, what deferred init
 * leaves is done on the spot or by deferred_init_finish.
 */
#include "kernel/proc/process.h"

struct task_struct *kthread_create(int (*fn)(void *arg), void *arg,
				   const char *name)
{
	(void)fn;
	(void)arg;
	(void)name;
	return NULL;
}

void kthread_bind(struct task_struct *task, unsigned int cpu)
{
	(void)task;
	(void)cpu;
}

void wake_up_new_task(struct task_struct *task)
{
	(void)task;
}

void kthread_exit_to_reaper(int code)
{
	(void)code;
	abort();
}

struct task_struct *find_task_by_pid(int pid)
{
	(void)pid;
	return NULL;
}

/* kernel/timer.c: nothing to wait for on the host. */
void msleep(unsigned int ms)
{
	(void)ms;
}

/* kernel/arch/x86/tsc.c: not measured on the host. */
unsigned long tsc_khz;
