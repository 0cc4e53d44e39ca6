// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of user processes: they run the programs of the
 * initramfs (user/) and look at what the kernel did for them: exit
 * statuses, exec errors, RSS by zone, page tables in HighMem, and that
 * every page comes back when the processes are gone.
 */
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/proc/process.h"
#include "kernel/timer.h"
#include "mm/gfp.h"
#include "mm/mmap.h"
#include "kernel/smp.h"
#include "tests/kernel/ktest.h"
#include "tests/kernel/kt_smp.h"
#include <asm/hardirq.h>
#include <asm/uaccess.h>

static const char *const no_env[] = { NULL };

/* Skip unless the initramfs has @path. */
static bool have_program(struct ktest_ctx *t, const char *path)
{
	struct dentry *d;

	if (path_lookup(path, LOOKUP_FOLLOW, &d)) {
		ktest_skip(t, "%s is not in the initramfs (booted without it?)",
			   path);
		return false;
	}
	dput(d);
	return true;
}

static int run(const char *const argv[])
{
	return run_program(argv, false);
}

KTEST(user, exit_status)
{
	const char *const hello[] = { "/bin/hello", "a", "b", NULL };
	const char *const code[] = { "/bin/exitcode", "42", NULL };
	const char *const segv[] = { "/bin/segv", "null", NULL };

	if (!have_program(t, "/bin/hello"))
		return;
	/* hello exits with its number of arguments. */
	KT_EXPECT_EQ(t, run(hello), 2);
	KT_EXPECT_EQ(t, run(code), 42);
	/* A segfault is SIGSEGV: 128 + 11 for the shell. */
	KT_EXPECT_EQ(t, run(segv), 128 + 11);
}

KTEST(user, exec_errors)
{
	static const struct {
		const char *path;
		int err;
	} cases[] = {
		{ "/bin/no-such-program", -ENOENT },
		{ "/etc/motd", -EACCES }, /* no x bit, as Linux says */
		{ "/bin", -EACCES },
		{ "/bad/notelf", -ENOEXEC },
		{ "/bad/truncated-header", -ENOEXEC },
		{ "/bad/wrong-class", -ENOEXEC },
		{ "/bad/wrong-machine", -ENOEXEC },
		{ "/bad/interp", -ENOEXEC },
		{ "/bad/filesz-over-memsz", -EINVAL },
		{ "/bad/kernel-segment", -EINVAL },
		{ "/bad/past-eof", -EINVAL },
		{ "/bad/overlap", -EINVAL },
		{ "/bad/zero-phdrs", -ENOEXEC },
		{ "/bad/wraps-around", -EINVAL },
	};

	if (!have_program(t, "/bad/notelf"))
		return;
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *const argv[] = { cases[i].path, NULL };
		int ret = process_spawn(cases[i].path, argv, no_env);

		if (ret != cases[i].err)
			ktest_note(t, "%s: %d, expected %d", cases[i].path, ret,
				   cases[i].err);
		KT_EXPECT_EQ(t, ret, cases[i].err);
	}
}

/* Pages free once the per-CPU lists and slab magazines are emptied. */
static unsigned long settled_free(unsigned long *high)
{
	drain_all_pages();
	shrink_all();
	drain_all_pages();
	*high = nr_free_highpages();
	return nr_free_pages();
}

KTEST(user, nothing_leaks)
{
	const char *const tree[] = { "/bin/forktree", "3", NULL };
	const char *const touch[] = { "/bin/memtouch", "4M", NULL };
	const char *const segv[] = { "/bin/segv", "ro", NULL };
	const char *const maps[] = { "/bin/mapcheck", NULL };
	unsigned long before, after, high_before, high_after;

	if (!have_program(t, "/bin/forktree"))
		return;
	/* A first round fills the caches that stay (slabs of VMAs, files). */
	run(tree);
	run(touch);
	before = settled_free(&high_before);
	KT_EXPECT_EQ(t, run(tree), 0);
	KT_EXPECT_EQ(t, run(touch), 0);
	KT_EXPECT_EQ(t, run(segv), 128 + 11);
	KT_EXPECT_EQ(t, run(maps), 0);
	after = settled_free(&high_after);
	KT_EXPECT_EQ(t, after, before);
	KT_EXPECT_EQ(t, high_after, high_before);
}

/* Wait (up to 60 s) until @task maps at least @pages anonymous pages. */
static bool wait_for_rss(struct task_struct *task, unsigned long pages)
{
	for (int i = 0; i < 6000; i++) {
		struct mm_struct *mm = get_task_mm(task);
		unsigned long rss = 0;

		if (mm) {
			rss = mm_rss(mm, MM_ANONPAGES, false) +
			      mm_rss(mm, MM_ANONPAGES, true);
			mmput(mm);
		}
		if (rss >= pages)
			return true;
		msleep(10);
	}
	return false;
}

KTEST(user, rss_and_page_tables_in_highmem)
{
	const char *const argv[] = { "/bin/memtouch", "16M", "60000", NULL };
	unsigned long want = (16ul << 20) >> PAGE_SHIFT, anon_high, anon_low;
	struct task_struct *task;
	struct mm_struct *mm;
	int pid, status;

	if (!have_program(t, "/bin/memtouch"))
		return;
	if (nr_free_pages() < 4 * want) {
		ktest_skip(t, "needs %lu MiB free for a 16 MiB process",
			   (4 * want) >> (20 - PAGE_SHIFT));
		return;
	}
	pid = process_spawn(argv[0], argv, no_env);
	KT_ASSERT_TRUE(t, pid > 0);
	task = find_task_by_pid(pid);
	KT_ASSERT_NOT_NULL(t, task);
	KT_EXPECT_TRUE(t, wait_for_rss(task, want));
	mm = get_task_mm(task);
	KT_ASSERT_NOT_NULL(t, mm);
	anon_high = mm_rss(mm, MM_ANONPAGES, true);
	anon_low = mm_rss(mm, MM_ANONPAGES, false);
	if (totalhigh_pages() > 2 * want) {
		/* User pages come from HighMem first: all 16 MiB of them. */
		KT_EXPECT_GE(t, anon_high, want);
		if (mm->highpte)
			KT_EXPECT_GE(t, atomic_read(&mm->nr_ptes[1]), 8);
		else
			KT_EXPECT_EQ(t, atomic_read(&mm->nr_ptes[1]), 0);
	}
	/* 16 MiB, plus the stack, the heap and the data: a few pages. */
	KT_EXPECT_LE(t, anon_high + anon_low, want + 64);
	KT_EXPECT_GE(t, mm->total_vm, want);
	mmput(mm);
	KT_EXPECT_EQ(t, send_signal(task, SIGKILL), 0);
	KT_EXPECT_EQ(t, process_wait(pid, &status, NULL), pid);
	KT_EXPECT_EQ(t, status, SIGKILL);
}

KTEST(user, uaccess_without_mm)
{
	char buf[8] = "";

	/* A kernel thread has no user half: every copy fails, none oopses. */
	KT_EXPECT_EQ(t, copy_to_user((void __user *)0x1000, buf, 8), 8);
	KT_EXPECT_EQ(t, copy_from_user(buf, (const void __user *)0x1000, 8), 8);
	KT_EXPECT_EQ(t, strncpy_from_user(buf, (const char __user *)0x1000, 8),
		     -EFAULT);
	/* Kernel addresses are refused before any access. */
	KT_EXPECT_EQ(t, copy_to_user((void __user *)PAGE_OFFSET, buf, 8), 8);
	KT_EXPECT_EQ(t, copy_from_user(buf, (const void __user *)0xBFFFFFFC, 8),
		     8);
}

/* On CPU 0: a user flush goes to the CPUs in the mm's cpu_mask only. */
static void flush_targets_on_cpu0(struct ktest_ctx *t, void *arg)
{
	struct mm_struct *mm = arg;
	unsigned long before = READ_ONCE(per_cpu(irq_stat, 1).tlb_shootdown);

	/* Nobody ran it: no IPI at all. */
	flush_tlb_mm_range(mm, PAGE_SIZE, 2 * PAGE_SIZE);
	KT_EXPECT_EQ(t, READ_ONCE(per_cpu(irq_stat, 1).tlb_shootdown), before);
	/* CPU 1 may hold its translations: CPU 1 alone is asked. */
	set_bit(1, &mm->cpu_mask);
	flush_tlb_mm_range(mm, PAGE_SIZE, 2 * PAGE_SIZE);
	clear_bit(1, &mm->cpu_mask);
	KT_EXPECT_EQ(t, READ_ONCE(per_cpu(irq_stat, 1).tlb_shootdown),
		     before + 1);
}

KTEST(user, tlb_flush_only_where_it_ran)
{
	struct mm_struct *mm;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	mm = mm_alloc();
	KT_ASSERT_NOT_NULL(t, mm);
	kt_run_on_cpu(t, 0, flush_targets_on_cpu0, mm);
	mmput(mm);
}

/*
 * A child that takes memory until none is left is killed by the OOM
 * killer; its parent goes on, and every page comes back. It touches all
 * of RAM, so only on small machines (the host backs what a guest
 * touches: a 61 GiB guest must not).
 */
KTEST(user, oom_kill_gives_everything_back)
{
	const char *const oom[] = { "/bin/usertests", "-oom", "oom", NULL };
	unsigned long before, after, high_before, high_after;

	if (!have_program(t, "/bin/usertests"))
		return;
	if (totalram_pages() > (1ul << (30 - PAGE_SHIFT))) {
		ktest_skip(t, "fills all of RAM: only up to 1 GiB");
		return;
	}
	KT_EXPECT_EQ(t, run(oom), 0); /* the first fills the caches that stay */
	before = settled_free(&high_before);
	KT_EXPECT_EQ(t, run(oom), 0);
	after = settled_free(&high_after);
	KT_EXPECT_EQ(t, after, before);
	KT_EXPECT_EQ(t, high_after, high_before);
}
