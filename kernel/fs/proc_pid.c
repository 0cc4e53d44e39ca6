// SPDX-License-Identifier: MIT
/*
 * The text of /proc/PID/{stat,status,cmdline,maps}, in Linux's formats
 * (those busybox's ps and top parse).
 *
 * Locking, and a task that exits while its file is printed: a thread is
 * a slot of the thread table, never freed, so @task always points at a
 * task_struct. What is printed of it is copied first under tasklist_lock
 * (struct task_snap): the family links, the zombie state and the mm
 * pointer change only under it, so the copy is one consistent moment;
 * if the slot is free by then, the show returns -ESRCH. Its memory is
 * reached through a reference taken in the same moment (get_task_mm's
 * mm_users count, dropped with mmput), so an exit meanwhile only drops
 * the process's own reference and the mm stays until the show is done;
 * the VMAs are walked under mmap_lock. A zombie has no mm: its sizes
 * read 0 and its cmdline and maps are empty, as in Linux.
 */
#include "kernel/fs/proc_files.h"
#include "kernel/lib/errno.h"
#include "kernel/seq_file.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/sched.h"
#include "kernel/timer.h"
#include "mm/mmap.h"

#define USER_HZ 100
#define STAT_PRIORITY 20     /* Linux's for nice 0 */
#define RLIM_INFINITY (~0ul) /* no rss limit */

/* What the files print of a task, taken under tasklist_lock. */
struct task_snap {
	int pid, ppid, pgrp, session;
	char comm[TASK_COMM_LEN];
	char state;
	const char *state_name;
	bool is_process;
	unsigned long utime, stime, switches;
	unsigned int cpu;
	u64 start_time, sig_pending, sig_blocked, sig_ignored, sig_caught;
	int exit_code;
	unsigned int umask;
	struct mm_struct *mm; /* a reference (mmput), or NULL */
};

static void snap_state(struct task_snap *s, const struct task_struct *t)
{
	if (t->zombie) {
		s->state = 'Z';
		s->state_name = "zombie";
	} else if (t->state == TASK_DEAD) {
		s->state = 'X';
		s->state_name = "dead";
	} else if (t->state == TASK_SLEEPING) {
		s->state = 'S';
		s->state_name = "sleeping";
	} else {
		s->state = 'R';
		s->state_name = "running";
	}
}

static int task_snap_get(struct task_snap *s, struct task_struct *t)
{
	unsigned long flags;

	memset(s, 0, sizeof(*s));
	spin_lock_irqsave(&tasklist_lock, flags);
	if (READ_ONCE(t->state) == TASK_UNUSED) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -ESRCH;
	}
	s->pid = t->pid;
	s->ppid = t->parent ? t->parent->pid : 0;
	s->pgrp = t->pgrp;
	s->session = t->session;
	s->umask = t->umask;
	memcpy(s->comm, t->comm, sizeof(s->comm));
	s->comm[TASK_COMM_LEN - 1] = '\0';
	snap_state(s, t);
	s->is_process = t->is_process;
	s->utime = t->utime;
	s->stime = t->stime;
	s->switches = t->switches;
	s->cpu = t->cpu;
	s->start_time = t->start_time;
	s->sig_pending = t->sig_pending;
	s->sig_blocked = t->sig_blocked;
	s->exit_code = t->zombie ? t->wait_status : 0;
	s->mm = t->mm;
	if (s->mm)
		atomic_inc(&s->mm->mm_users); /* as get_task_mm does */
	/* The signal lock nests inside tasklist_lock (only here). */
	task_sigactions(t, &s->sig_ignored, &s->sig_caught);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

static void task_snap_put(struct task_snap *s)
{
	if (s->mm)
		mmput(s->mm);
}

static unsigned long long ticks_to_clock_t(unsigned long long ticks)
{
	return ticks * USER_HZ / HZ;
}

/* The sizes status and stat print, in pages, from one walk of the VMAs. */
struct mm_sizes {
	unsigned long vm, peak, hwm, anon, file, data, stack, exe, ptes;
	unsigned long start_code, end_code, start_data, end_data, start_brk;
	unsigned long start_stack, arg_start, arg_end, env_start, env_end;
};

static unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* Linux's split: the stack; code (exec, not written); data (written). */
static void add_vma_size(struct mm_sizes *z, const struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_GROWSDOWN)
		z->stack += vma_pages(vma);
	else if (vma->vm_flags & VM_WRITE)
		z->data += vma_pages(vma);
	else if (vma->vm_flags & VM_EXEC)
		z->exe += vma_pages(vma);
}

static void mm_sizes_get(struct mm_sizes *z, struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	memset(z, 0, sizeof(*z));
	if (!mm)
		return;
	mutex_lock(&mm->mmap_lock);
	z->vm = mm->total_vm;
	z->peak = mm->hiwater_vm;
	z->hwm = mm->hiwater_rss[0] + mm->hiwater_rss[1];
	list_for_each_entry(vma, &mm->mmap, vm_list)
		add_vma_size(z, vma);
	z->start_code = mm->start_code;
	z->end_code = mm->end_code;
	z->start_data = mm->start_data;
	z->end_data = mm->end_data;
	z->start_brk = mm->start_brk;
	z->start_stack = mm->start_stack;
	z->arg_start = mm->arg_start;
	z->arg_end = mm->arg_end;
	z->env_start = mm->env_start;
	z->env_end = mm->env_end;
	mutex_unlock(&mm->mmap_lock);
	for (int high = 0; high < 2; high++) {
		z->anon += mm_rss(mm, MM_ANONPAGES, high);
		z->file += mm_rss(mm, MM_FILEPAGES, high);
		z->ptes += atomic_read(&mm->nr_ptes[high]);
	}
}

static unsigned long kb(unsigned long pages)
{
	return pages * (PAGE_SIZE / 1024);
}

/* ---- stat ---- */

static void show_stat_line(struct seq_file *m, const struct task_snap *s,
			   const struct mm_sizes *z)
{
	/* 1-9: pid (comm) state ppid pgrp session tty_nr tpgid flags */
	seq_printf(m, "%d (%s) %c %d %d %d 0 -1 0", s->pid, s->comm, s->state,
		   s->ppid, s->pgrp, s->session);
	/* 10-13: minflt cminflt majflt cmajflt (not counted) */
	seq_puts(m, " 0 0 0 0");
	/* 14-17: utime stime cutime cstime */
	seq_printf(m, " %llu %llu 0 0", ticks_to_clock_t(s->utime),
		   ticks_to_clock_t(s->stime));
	/* 18-22: priority nice num_threads itrealvalue starttime */
	seq_printf(m, " %d 0 1 0 %llu", STAT_PRIORITY,
		   ticks_to_clock_t(s->start_time));
	/* 23-25: vsize (bytes) rss (pages) rsslim */
	seq_printf(m, " %lu %lu %lu", z->vm << PAGE_SHIFT, z->anon + z->file,
		   RLIM_INFINITY);
	/* 26-30: startcode endcode startstack kstkesp kstkeip */
	seq_printf(m, " %lu %lu %lu 0 0", z->start_code, z->end_code,
		   z->start_stack);
	/* 31-34: signal blocked sigignore sigcatch: the low word, as Linux */
	seq_printf(m, " %lu %lu %lu %lu", (unsigned long)s->sig_pending,
		   (unsigned long)s->sig_blocked, (unsigned long)s->sig_ignored,
		   (unsigned long)s->sig_caught);
	/* 35-41: wchan nswap cnswap exit_signal processor rt_priority policy */
	seq_printf(m, " 0 0 0 %d %u 0 0", s->is_process ? SIGCHLD : 0, s->cpu);
	/* 42-44: delayacct_blkio_ticks guest_time cguest_time */
	seq_puts(m, " 0 0 0");
	/* 45-51: start_data end_data start_brk arg_start arg_end env_* */
	seq_printf(m, " %lu %lu %lu %lu %lu %lu %lu", z->start_data,
		   z->end_data, z->start_brk, z->arg_start, z->arg_end,
		   z->env_start, z->env_end);
	/* 52: exit_code (the wait status, for a zombie) */
	seq_printf(m, " %d\n", s->exit_code);
}

int proc_pid_stat_show(struct seq_file *m, struct task_struct *task)
{
	struct task_snap s;
	struct mm_sizes z;
	int err = task_snap_get(&s, task);

	if (err)
		return err;
	mm_sizes_get(&z, s.mm);
	show_stat_line(m, &s, &z);
	task_snap_put(&s);
	return 0;
}

/* ---- status ---- */

static void show_kb_line(struct seq_file *m, const char *name,
			 unsigned long pages)
{
	seq_printf(m, "%s:\t%8lu kB\n", name, kb(pages));
}

static void show_status_memory(struct seq_file *m, const struct mm_sizes *z)
{
	show_kb_line(m, "VmPeak", z->peak);
	show_kb_line(m, "VmSize", z->vm);
	show_kb_line(m, "VmLck", 0);
	show_kb_line(m, "VmPin", 0);
	show_kb_line(m, "VmHWM", z->hwm);
	show_kb_line(m, "VmRSS", z->anon + z->file);
	show_kb_line(m, "RssAnon", z->anon);
	show_kb_line(m, "RssFile", z->file);
	show_kb_line(m, "RssShmem", 0);
	show_kb_line(m, "VmData", z->data);
	show_kb_line(m, "VmStk", z->stack);
	show_kb_line(m, "VmExe", z->exe);
	show_kb_line(m, "VmLib", 0); /* static programs: no libraries */
	show_kb_line(m, "VmPTE", z->ptes);
	show_kb_line(m, "VmSwap", 0);
}

static void show_status_signals(struct seq_file *m, const struct task_snap *s)
{
	seq_printf(m, "SigQ:\t%u/%u\n",
		   (unsigned int)__builtin_popcountll(s->sig_pending), NSIG);
	seq_printf(m, "SigPnd:\t%016llx\n", (unsigned long long)s->sig_pending);
	seq_printf(m, "ShdPnd:\t%016llx\n", 0ull);
	seq_printf(m, "SigBlk:\t%016llx\n", (unsigned long long)s->sig_blocked);
	seq_printf(m, "SigIgn:\t%016llx\n", (unsigned long long)s->sig_ignored);
	seq_printf(m, "SigCgt:\t%016llx\n", (unsigned long long)s->sig_caught);
}

int proc_pid_status_show(struct seq_file *m, struct task_struct *task)
{
	struct task_snap s;
	struct mm_sizes z;
	int err = task_snap_get(&s, task);

	if (err)
		return err;
	mm_sizes_get(&z, s.mm);
	seq_printf(m, "Name:\t%s\n", s.comm);
	seq_printf(m, "Umask:\t%04o\n", s.umask);
	seq_printf(m, "State:\t%c (%s)\n", s.state, s.state_name);
	seq_printf(m, "Tgid:\t%d\n", s.pid);
	seq_puts(m, "Ngid:\t0\n");
	seq_printf(m, "Pid:\t%d\n", s.pid);
	seq_printf(m, "PPid:\t%d\n", s.ppid);
	seq_puts(m, "TracerPid:\t0\n");
	seq_puts(m, "Uid:\t0\t0\t0\t0\n");
	seq_puts(m, "Gid:\t0\t0\t0\t0\n");
	seq_printf(m, "FDSize:\t%d\n", s.is_process ? NR_OPEN : 0);
	seq_puts(m, "Groups:\t\n");
	if (s.mm)
		show_status_memory(m, &z);
	seq_puts(m, "Threads:\t1\n");
	show_status_signals(m, &s);
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\n", s.switches);
	seq_puts(m, "nonvoluntary_ctxt_switches:\t0\n");
	task_snap_put(&s);
	return 0;
}

/* ---- cmdline ---- */

#define CMDLINE_CHUNK 256

int proc_pid_cmdline_show(struct seq_file *m, struct task_struct *task)
{
	char buf[CMDLINE_CHUNK];
	struct task_snap s;
	unsigned long addr, end;
	int err = task_snap_get(&s, task);

	if (err)
		return err;
	if (s.mm) {
		mutex_lock(&s.mm->mmap_lock);
		addr = s.mm->arg_start;
		end = s.mm->arg_end;
		mutex_unlock(&s.mm->mmap_lock);
		while (addr < end) {
			size_t want = min((size_t)(end - addr), sizeof(buf));
			size_t got = access_remote_vm(s.mm, addr, buf, want);

			seq_write(m, buf, got);
			if (got < want)
				break;
			addr += got;
		}
	}
	task_snap_put(&s);
	return 0;
}

/* ---- maps ---- */

int proc_pid_maps_show(struct seq_file *m, struct task_struct *task)
{
	struct task_snap s;
	int err = task_snap_get(&s, task);

	if (err)
		return err;
	if (s.mm)
		show_maps(m, s.mm);
	task_snap_put(&s);
	return 0;
}
