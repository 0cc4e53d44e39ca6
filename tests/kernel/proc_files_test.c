// SPDX-License-Identifier: MIT
/*
 * Tests of what /proc prints (kernel/fs/proc_files.c): each file's text
 * formatted into a buffer seq_file, then its structure checked against
 * the kernel's own figures.
 */
#include "kernel/fs/fs.h"
#include "kernel/fs/proc_files.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/seq_file.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/proc/process.h"
#include "kernel/smp.h"
#include "mm/gfp.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "tests/kernel/ktest.h"

static const char *const no_env[] = { NULL };

/* Freed after the test: the test's own frame is gone by then. */
static void free_seq(void *arg)
{
	seq_release(arg);
	kfree(arg);
}

static struct seq_file *new_seq(struct ktest_ctx *t)
{
	struct seq_file *m = kmalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return NULL;
	seq_buf_init(m, SEQ_DEFAULT_MAX);
	if (!ktest_defer(t, free_seq, m))
		return NULL;
	return m;
}

/* The text of /proc/@name, or NULL after a failed check. */
static struct seq_file *fill_root(struct ktest_ctx *t, const char *name)
{
	const struct proc_entry *e = proc_root_entry_find(name);
	struct seq_file *m = new_seq(t);

	if (!KT_EXPECT_NOT_NULL(t, e) || !KT_EXPECT_NOT_NULL(t, m) ||
	    !KT_EXPECT_EQ(t, proc_entry_fill(m, e), 0))
		return NULL;
	return m;
}

/* The text of /proc/@pid/@name in *@mp; the show's result. */
static int fill_pid(struct ktest_ctx *t, struct seq_file **mp,
		    const char *name, int pid)
{
	const struct proc_pid_entry *e = proc_pid_entry_find(name);

	*mp = new_seq(t);
	if (!KT_EXPECT_NOT_NULL(t, e) || !KT_EXPECT_NOT_NULL(t, *mp))
		return -EINVAL;
	return proc_pid_entry_fill(*mp, e, pid);
}

/* The line after the one at @p, or NULL after the last. */
static const char *next_line(const char *p)
{
	p = strchr(p, '\n');
	return p && p[1] ? p + 1 : NULL;
}

/* Lines of @text that start with @prefix. */
static unsigned int count_lines(const char *text, const char *prefix)
{
	unsigned int n = 0;

	for (const char *p = text; p; p = next_line(p))
		n += strncmp(p, prefix, strlen(prefix)) == 0;
	return n;
}

/* The number after "@prefix" at a line start, skipping blanks; 0 if none. */
static unsigned long line_value(const char *text, const char *prefix)
{
	const char *p = text;
	char num[24];
	size_t i = 0;
	unsigned long v;

	while (p && strncmp(p, prefix, strlen(prefix)))
		p = next_line(p);
	if (!p)
		return 0;
	p += strlen(prefix);
	while (*p == ' ' || *p == '\t')
		p++;
	while (i < sizeof(num) - 1 && *p >= '0' && *p <= '9')
		num[i++] = *p++;
	num[i] = '\0';
	return kstrtoul(num, 10, &v) ? 0 : v;
}

KTEST(proc_files, every_root_file_prints_whole_lines)
{
	for (unsigned int i = 0; i < proc_root_entries_count; i++) {
		struct seq_file m;

		seq_buf_init(&m, SEQ_DEFAULT_MAX);
		KT_EXPECT_EQ(t, proc_entry_fill(&m, &proc_root_entries[i]), 0);
		KT_EXPECT_GT(t, m.count, 0);
		KT_EXPECT_FALSE(t, seq_has_overflowed(&m));
		if (m.count)
			KT_EXPECT_EQ(t, m.buf[m.count - 1], '\n');
		seq_release(&m);
	}
}

KTEST(proc_files, too_small_a_buffer_fails)
{
	struct seq_file m;

	seq_buf_init(&m, 64);
	KT_EXPECT_EQ(t, proc_entry_fill(&m, proc_root_entry_find("meminfo")),
		     -EOVERFLOW);
	seq_release(&m);
}

KTEST(proc_files, meminfo_totals)
{
	struct seq_file *m = fill_root(t, "meminfo");

	if (!m)
		return;
	KT_EXPECT_EQ(t, line_value(m->buf, "MemTotal:"),
		     totalram_pages() * (PAGE_SIZE / 1024));
	KT_EXPECT_EQ(t, line_value(m->buf, "HighTotal:"),
		     totalhigh_pages() * (PAGE_SIZE / 1024));
	KT_EXPECT_LE(t, line_value(m->buf, "MemAvailable:"),
		     line_value(m->buf, "MemFree:"));
	KT_EXPECT_EQ(t, count_lines(m->buf, "SwapTotal:"), 1);
	KT_EXPECT_EQ(t, count_lines(m->buf, "Cached:"), 1);
}

KTEST(proc_files, zoneinfo_counts_file_pages_per_zone)
{
	struct seq_file *m = fill_root(t, "zoneinfo");
	unsigned int nr_zones = 0;
	struct zone *zone;

	if (!m)
		return;
	for_each_zone(zone)
		nr_zones++;
	KT_EXPECT_EQ(t, count_lines(m->buf, "Node 0, zone"), nr_zones);
	KT_EXPECT_EQ(t, count_lines(m->buf, "      nr_file_pages "), nr_zones);
}

KTEST(proc_files, stat_has_a_cpu_line_per_cpu_and_one_for_all)
{
	struct seq_file *m = fill_root(t, "stat");

	if (!m)
		return;
	KT_EXPECT_EQ(t, count_lines(m->buf, "cpu"), num_online_cpus() + 1);
	KT_EXPECT_EQ(t, count_lines(m->buf, "cpu  "), 1);
	KT_EXPECT_EQ(t, count_lines(m->buf, "ctxt "), 1);
	KT_EXPECT_GT(t, line_value(m->buf, "processes"), 0);
	KT_EXPECT_GT(t, line_value(m->buf, "procs_running"), 0);
}

/* Fields of a /proc/PID/stat line: "(comm)" is one, whatever it holds. */
static unsigned int stat_fields(const char *line)
{
	const char *p = strrchr(line, ')');
	unsigned int n = 2;

	if (!p)
		return 0;
	for (p++; *p && *p != '\n'; p++)
		n += *p == ' ' && p[1] != ' ' && p[1] != '\n';
	return n;
}

/* A process that waits a minute: memtouch holding 64 KiB. */
static int spawn_holder(struct ktest_ctx *t, const char *const argv[])
{
	struct dentry *d;
	int pid;

	if (path_lookup(argv[0], LOOKUP_FOLLOW, &d)) {
		ktest_skip(t, "%s is not in the initramfs", argv[0]);
		return 0;
	}
	dput(d);
	pid = process_spawn(argv[0], argv, no_env);
	KT_EXPECT_GT(t, pid, 0);
	return pid > 0 ? pid : 0;
}

static void kill_and_reap(struct ktest_ctx *t, int pid)
{
	int status;

	KT_EXPECT_EQ(t, send_signal(find_task_by_pid(pid), SIGKILL), 0);
	KT_EXPECT_EQ(t, process_wait(pid, &status, NULL), pid);
}

KTEST(proc_files, pid_files_of_a_process)
{
	const char *const argv[] = { "/bin/memtouch", "64K", "60000", NULL };
	static const char want_cmdline[] = "/bin/memtouch\0" "64K\0" "60000";
	struct seq_file *st, *status, *cmdline, *maps;
	char pid_line[24];
	int pid = spawn_holder(t, argv);

	if (!pid)
		return;
	KT_EXPECT_EQ(t, fill_pid(t, &st, "stat", pid), 0);
	KT_EXPECT_EQ(t, fill_pid(t, &status, "status", pid), 0);
	KT_EXPECT_EQ(t, fill_pid(t, &cmdline, "cmdline", pid), 0);
	KT_EXPECT_EQ(t, fill_pid(t, &maps, "maps", pid), 0);
	kill_and_reap(t, pid);
	if (!st || !status || !cmdline || !maps || !st->buf || !status->buf ||
	    !maps->buf)
		return;

	KT_EXPECT_EQ(t, stat_fields(st->buf), 52);
	KT_EXPECT_EQ(t, line_value(st->buf, ""), (unsigned long)pid);
	KT_EXPECT_NOT_NULL(t, strstr(st->buf, " (memtouch) "));
	KT_EXPECT_EQ(t, line_value(status->buf, "Pid:"), (unsigned long)pid);
	KT_EXPECT_EQ(t, count_lines(status->buf, "Name:\tmemtouch\n"), 1);
	KT_EXPECT_GE(t, line_value(status->buf, "VmSize:"), 64);
	snprintf(pid_line, sizeof(pid_line), "Tgid:\t%d\n", pid);
	KT_EXPECT_EQ(t, count_lines(status->buf, pid_line), 1);
	KT_EXPECT_EQ(t, cmdline->count, sizeof(want_cmdline));
	if (cmdline->count == sizeof(want_cmdline))
		KT_EXPECT_EQ(t, memcmp(cmdline->buf, want_cmdline,
				       sizeof(want_cmdline)), 0);
	KT_EXPECT_EQ(t, count_lines(maps->buf, "08048000-"), 1);
	KT_EXPECT_NOT_NULL(t, strstr(maps->buf, "[stack]\n"));
}

KTEST(proc_files, a_reaped_pid_has_no_files)
{
	const char *const argv[] = { "/bin/memtouch", "64K", "60000", NULL };
	struct seq_file *m;
	int pid = spawn_holder(t, argv);

	if (!pid)
		return;
	kill_and_reap(t, pid);
	KT_EXPECT_EQ(t, fill_pid(t, &m, "stat", pid), -ESRCH);
}

KTEST(proc_files, a_kernel_thread_has_an_empty_cmdline)
{
	struct seq_file *cmdline, *st;

	/* pid 1, the main thread, is a kernel thread (the shell). */
	KT_ASSERT_EQ(t, fill_pid(t, &cmdline, "cmdline", 1), 0);
	KT_EXPECT_EQ(t, cmdline->count, 0);
	KT_ASSERT_EQ(t, fill_pid(t, &st, "stat", 1), 0);
	KT_EXPECT_EQ(t, stat_fields(st->buf), 52);
}
