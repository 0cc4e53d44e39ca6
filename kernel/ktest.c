// SPDX-License-Identifier: MIT
/* The in-kernel test runner (see kernel/ktest.h). */
#include "kernel/ktest.h"
#include "kernel/bochs.h"
#include "kernel/printk.h"
#include "kernel/errno.h"
#include "kernel/shell.h"
#include "kernel/string.h"
#include "kernel/vsprintf.h"

extern const struct ktest __ktests_start[], __ktests_end[];

static void report_failure_place(struct ktest_ctx *t, const char *file,
				 int line)
{
	t->failures++;
	printk("    %s:%d: ", file, line);
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
		printk("        %s = %lld (0x%llx)\n", text, (long long)v,
		       (unsigned long long)v);
	else
		printk("        %s = %llu (0x%llx)\n", text,
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
	printk("        %s = \"%s\"\n", a_text, a ? a : "(null)");
	printk("        %s = \"%s\"\n", b_text, b ? b : "(null)");
	return false;
}

static bool ktest_selected(const struct ktest *test, const char *pattern)
{
	return strcmp(pattern, "all") == 0 || glob_match(pattern, test->name);
}

/* Tests run in name order, whatever order the linker left them in. */
static const struct ktest *next_test(const struct ktest *prev)
{
	return table_next_by_name(__ktests_start, __ktests_end,
				  sizeof(*prev), prev);
}

unsigned int ktest_run(const char *pattern)
{
	unsigned int passed = 0, failed = 0;

	const struct ktest *test = NULL;

	printk("ktest: running tests matching '%s'\n", pattern);
	while ((test = next_test(test))) {
		struct ktest_ctx ctx = { test->name, 0 };

		if (!ktest_selected(test, pattern))
			continue;
		bochs_break_regs(BREAK_KTEST, test->fn, test->name,
				 "EAX = 0x%p, the test %s; try: lb 0x%p, c",
				 (void *)test->fn, test->name,
				 (void *)test->fn);
		test->fn(&ctx);
		if (ctx.failures) {
			failed++;
			printk("ktest: [FAIL] %s (%u checks failed)\n",
			       test->name, ctx.failures);
		} else {
			passed++;
			printk("ktest: [PASS] %s\n", test->name);
		}
	}
	if (passed + failed == 0) {
		printk("ktest: no test matches '%s'\n", pattern);
		failed = 1;
	}
	printk("ktest: %u passed, %u failed\n", passed, failed);
	return failed;
}

void ktest_list(void)
{
	const struct ktest *test = NULL;

	while ((test = next_test(test)))
		printk("  %s\n", test->name);
}

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
SHELL_COMMAND("ktest", "all|PATTERN|list", "run in-kernel tests", cmd_ktest);
