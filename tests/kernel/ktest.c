// SPDX-License-Identifier: MIT
/* The in-kernel test runner (see tests/kernel/ktest.h). */
#include "tests/kernel/ktest.h"
#include "kernel/cmdline.h"
#include "kernel/init.h"
#include "kernel/debug/bochs.h"
#include "kernel/lib/errno.h"
#include "kernel/printk.h"
#include "kernel/shell/shell.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "mm/fault_inject.h"

#define KTAP_INDENT "    "

extern const struct ktest __ktests_start[], __ktests_end[];
extern const struct ktest_suite __ktest_suites_start[], __ktest_suites_end[];

struct ktest_totals {
	unsigned int passed, failed, skipped;
};

static void report_failure_place(struct ktest_ctx *t, const char *file,
				 int line)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	t->failures++;
	spin_unlock_irqrestore(&t->lock, flags);
	printk(KTAP_INDENT "# %s:%d: ", file, line);
}

bool ktest_check(struct ktest_ctx *t, bool ok, const char *file, int line,
		 const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	if (ok)
		return true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report_failure_place(t, file, line);
	printk("%s\n", msg);
	return false;
}

static void print_value(const char *text, u64 v, bool is_signed)
{
	if (is_signed)
		printk(KTAP_INDENT "#     %s = %lld (0x%llx)\n", text,
		       (long long)v, (unsigned long long)v);
	else
		printk(KTAP_INDENT "#     %s = %llu (0x%llx)\n", text,
		       (unsigned long long)v, (unsigned long long)v);
}

bool ktest_check_eq(struct ktest_ctx *t, const char *file, int line,
		    const char *op, const char *a_text, const char *b_text,
		    u64 a, u64 b, bool ok, bool is_signed)
{
	if (ok)
		return true;
	report_failure_place(t, file, line);
	printk("expected %s %s %s\n", a_text, op, b_text);
	print_value(a_text, a, is_signed);
	print_value(b_text, b, is_signed);
	return false;
}

bool ktest_check_str(struct ktest_ctx *t, const char *file, int line,
		     const char *a_text, const char *b_text, const char *a,
		     const char *b)
{
	if (a && b && strcmp(a, b) == 0)
		return true;
	report_failure_place(t, file, line);
	printk("expected %s equal to %s\n", a_text, b_text);
	printk(KTAP_INDENT "#     %s = \"%s\"\n", a_text, a ? a : "(null)");
	printk(KTAP_INDENT "#     %s = \"%s\"\n", b_text, b ? b : "(null)");
	return false;
}

void ktest_skip(struct ktest_ctx *t, const char *fmt, ...)
{
	unsigned long flags;
	va_list ap;

	spin_lock_irqsave(&t->lock, flags);
	t->skipped = true;
	va_start(ap, fmt);
	vsnprintf(t->skip_reason, sizeof(t->skip_reason), fmt, ap);
	va_end(ap);
	spin_unlock_irqrestore(&t->lock, flags);
}

void ktest_note(struct ktest_ctx *t, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	(void)t;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KTAP_INDENT "# %s\n", msg);
}

bool ktest_defer(struct ktest_ctx *t, void (*fn)(void *arg), void *arg)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	if (t->nr_deferred == KTEST_MAX_DEFERRED) {
		spin_unlock_irqrestore(&t->lock, flags);
		ktest_check(t, false, __FILE__, __LINE__,
			    "more than %d deferred clean-ups; this one runs now",
			    KTEST_MAX_DEFERRED);
		fn(arg);
		return false;
	}
	t->deferred[t->nr_deferred].fn = fn;
	t->deferred[t->nr_deferred].arg = arg;
	t->nr_deferred++;
	spin_unlock_irqrestore(&t->lock, flags);
	return true;
}

bool ktest_release(struct ktest_ctx *t, void (*fn)(void *arg), void *arg)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	for (unsigned int i = t->nr_deferred; i-- > 0;) {
		struct ktest_deferred *d = &t->deferred[i];

		if (d->fn != fn || d->arg != arg)
			continue;
		memmove(d, d + 1, (t->nr_deferred - i - 1) * sizeof(*d));
		t->nr_deferred--;
		spin_unlock_irqrestore(&t->lock, flags);
		fn(arg); /* it may sleep: not under the lock */
		return true;
	}
	spin_unlock_irqrestore(&t->lock, flags);
	return false;
}

static void run_deferred(struct ktest_ctx *t)
{
	while (t->nr_deferred) {
		struct ktest_deferred *d = &t->deferred[--t->nr_deferred];

		d->fn(d->arg);
	}
}

/* "highmem" for "highmem.pages_above_4g": @name up to the dot. */
static bool in_suite(const char *name, const char *suite, size_t len)
{
	return strncmp(name, suite, len) == 0 && name[len] == '.';
}

static size_t suite_len(const char *name)
{
	const char *dot = strchr(name, '.');

	return dot ? (size_t)(dot - name) : strlen(name);
}

static const struct ktest_suite *find_suite(const char *name, size_t len)
{
	for (const struct ktest_suite *s = __ktest_suites_start;
	     s < __ktest_suites_end; s++)
		if (strlen(s->name) == len && strncmp(s->name, name, len) == 0)
			return s;
	return NULL;
}

static bool ktest_selected(const struct ktest *test, const char *pattern)
{
	return strcmp(pattern, "all") == 0 || glob_match(pattern, test->name) ||
	       (strlen(pattern) == suite_len(test->name) &&
		in_suite(test->name, pattern, strlen(pattern)));
}

/* Tests run in name order, whatever order the linker left them in. */
static const struct ktest *next_test(const struct ktest *prev)
{
	return table_next_by_name(__ktests_start, __ktests_end,
				  sizeof(*prev), prev);
}

static const struct ktest *next_selected(const struct ktest *prev,
					 const char *pattern)
{
	const struct ktest *test = prev;

	while ((test = next_test(test)) && !ktest_selected(test, pattern))
		;
	return test;
}

/* Suites with at least one selected test, and tests in one suite. */
static unsigned int count_suites(const char *pattern)
{
	const struct ktest *test = NULL, *prev = NULL;
	unsigned int n = 0;

	while ((test = next_selected(test, pattern))) {
		if (!prev || !in_suite(test->name, prev->name,
				       suite_len(prev->name)))
			n++;
		prev = test;
	}
	return n;
}

static unsigned int count_in_suite(const struct ktest *first,
				   const char *pattern)
{
	size_t len = suite_len(first->name);
	const struct ktest *test = first;
	unsigned int n = 0;

	do
		n++;
	while ((test = next_selected(test, pattern)) &&
	       in_suite(test->name, first->name, len));
	return n;
}

/* One test, its suite's init and exit around it, its clean-ups after. */
static void run_test(const struct ktest *test, const struct ktest_suite *suite,
		     unsigned int number, struct ktest_totals *totals)
{
	struct ktest_ctx ctx;
	const char *short_name = test->name + suite_len(test->name) + 1;

	memset(&ctx, 0, sizeof(ctx));
	spin_lock_init(&ctx.lock, "ktest_ctx->lock");
	ctx.name = test->name;
	bochs_break_regs(BREAK_KTEST, test->fn, test->name,
			 "EAX = 0x%p, the test %s; try: lb 0x%p, c",
			 (void *)test->fn, test->name, (void *)test->fn);
	if (suite && suite->init)
		suite->init(&ctx);
	if (!ctx.skipped && !ctx.failures)
		test->fn(&ctx);
	run_deferred(&ctx);
	if (suite && suite->exit)
		suite->exit(&ctx);
	if (ctx.failures) {
		totals->failed++;
		printk(KTAP_INDENT "not ok %u %s\n", number, short_name);
	} else if (ctx.skipped) {
		totals->skipped++;
		printk(KTAP_INDENT "ok %u %s # SKIP %s\n", number, short_name,
		       ctx.skip_reason);
	} else {
		totals->passed++;
		printk(KTAP_INDENT "ok %u %s\n", number, short_name);
	}
}

/* A suite's block of KTAP; @first is its first selected test. */
static const struct ktest *run_suite(const struct ktest *first,
				     const char *pattern, unsigned int number,
				     struct ktest_totals *totals)
{
	size_t len = suite_len(first->name);
	const struct ktest_suite *suite = find_suite(first->name, len);
	unsigned int failed_before = totals->failed, n = 0;
	const struct ktest *test = first;

	printk(KTAP_INDENT "KTAP version 1\n");
	printk(KTAP_INDENT "# Subtest: %.*s\n", (int)len, first->name);
	printk(KTAP_INDENT "1..%u\n", count_in_suite(first, pattern));
	do
		run_test(test, suite, ++n, totals);
	while ((test = next_selected(test, pattern)) &&
	       in_suite(test->name, first->name, len));
	printk("%sok %u %.*s\n", totals->failed > failed_before ? "not " : "",
	       number, (int)len, first->name);
	return test;
}

unsigned int ktest_run(const char *pattern)
{
	const struct ktest *test = next_selected(NULL, pattern);
	struct ktest_totals totals = { 0, 0, 0 };
	unsigned int suites = count_suites(pattern), number = 0;

	printk("KTAP version 1\n");
	printk("# ktest: running tests matching '%s'\n", pattern);
	if (!test) {
		printk("1..0\n");
		printk("# ktest: no test matches '%s' (`ktest list` names "
		       "them)\n", pattern);
		return 1;
	}
	printk("1..%u\n", suites);
	fault_inject_pause();
	while (test)
		test = run_suite(test, pattern, ++number, &totals);
	fault_inject_resume();
	printk("# ktest: %u passed, %u failed, %u skipped\n", totals.passed,
	       totals.failed, totals.skipped);
	return totals.failed;
}

void ktest_list(void)
{
	const struct ktest *test = NULL;

	while ((test = next_test(test)))
		printk("  %s\n", test->name);
}

/* ktest=all|PATTERN: run the matching tests once the kernel is up. */
static char ktest_pattern[CMDLINE_PATTERN_MAX];
BOOT_PARAM_PATTERN("ktest", ktest_pattern,
		   "ktest=all|PATTERN run in-kernel tests");

static int ktest_boot_work(void)
{
	return ktest_pattern[0] ? (int)ktest_run(ktest_pattern) : 0;
}
BOOT_WORK("ktest", BOOT_WORK_TESTS, ktest_boot_work);

static int cmd_ktest(int argc, char **argv)
{
	if (argc != 2)
		return shell_usage("ktest");
	if (strcmp(argv[1], "list") == 0) {
		ktest_list();
		return 0;
	}
	return ktest_run(argv[1]) ? -EIO : 0;
}
SHELL_COMMAND("ktest", "all|SUITE|PATTERN|list", "run in-kernel tests",
	      cmd_ktest);
