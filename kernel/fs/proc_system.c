// SPDX-License-Identifier: MIT
/*
 * The text of the system-wide /proc files that are not about memory:
 * uptime, loadavg, stat and version, in Linux's formats (those busybox's
 * top, uptime and free parse). The times come from the tick accounting
 * in kernel/sched.c: each tick is charged to what it interrupted.
 */
#include "kernel/fs/proc_files.h"
#include "kernel/irq.h"
#include "kernel/seq_file.h"
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "kernel/timer.h"
#include "kernel/version.h"

#define USER_HZ 100 /* the unit of /proc's tick counts, whatever HZ is */

static unsigned long long ticks_to_clock_t(unsigned long long ticks)
{
	return ticks * USER_HZ / HZ;
}

/* "secs.cc": @ticks as seconds with two decimals. */
static void show_seconds(struct seq_file *m, unsigned long long ticks)
{
	unsigned long long cs = ticks_to_clock_t(ticks);

	seq_printf(m, "%llu.%02llu", cs / USER_HZ, cs % USER_HZ);
}

int uptime_show(struct seq_file *m)
{
	unsigned long long idle = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		idle += cpu_time_ticks(cpu, CPUTIME_IDLE);
	show_seconds(m, get_jiffies_64());
	seq_putc(m, ' ');
	show_seconds(m, idle); /* summed over the CPUs, as Linux does */
	seq_putc(m, '\n');
	return 0;
}

int loadavg_show(struct seq_file *m)
{
	/*
	 * The load averages are not computed (no exponential decay runs on
	 * the tick): they read 0.00. The rest is exact: threads running or
	 * runnable, threads in all, the newest pid.
	 */
	seq_printf(m, "0.00 0.00 0.00 %u/%u %d\n", nr_running(), nr_threads(),
		   last_pid());
	return 0;
}

/* One cpu line: @cpu's times, or every CPU's added up if @cpu < 0. */
static void show_cpu_times(struct seq_file *m, int cpu)
{
	unsigned int c;

	if (cpu < 0)
		seq_puts(m, "cpu ");
	else
		seq_printf(m, "cpu%d", cpu);
	for (int kind = 0; kind < NR_CPUTIME; kind++) {
		unsigned long long ticks = 0;

		if (cpu >= 0)
			ticks = cpu_time_ticks(cpu, kind);
		else
			for_each_online_cpu(c)
				ticks += cpu_time_ticks(c, kind);
		seq_printf(m, " %llu", ticks_to_clock_t(ticks));
	}
	seq_puts(m, " 0 0\n"); /* guest, guest_nice: no guests run here */
}

/* "intr TOTAL N0 N1 ...": every interrupt, then each device line's. */
static void show_interrupt_counts(struct seq_file *m)
{
	unsigned long long total = 0;
	unsigned int cpu;

	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		for_each_possible_cpu(cpu)
			total += irq_count(irq, cpu);
	total += arch_irq_count_sum();
	seq_printf(m, "intr %llu", total);
	for (unsigned int irq = 0; irq < NR_IRQS; irq++) {
		unsigned long n = 0;

		for_each_possible_cpu(cpu)
			n += irq_count(irq, cpu);
		seq_printf(m, " %lu", n);
	}
	seq_putc(m, '\n');
}

int stat_show(struct seq_file *m)
{
	unsigned int cpu;

	show_cpu_times(m, -1);
	for_each_online_cpu(cpu)
		show_cpu_times(m, (int)cpu);
	show_interrupt_counts(m);
	seq_printf(m, "ctxt %lu\n", nr_context_switches());
	/* CLOCK_REALTIME starts at 0 at boot here: the boot was at 0. */
	seq_puts(m, "btime 0\n");
	seq_printf(m, "processes %d\n", last_pid());
	seq_printf(m, "procs_running %u\n", nr_running());
	seq_puts(m, "procs_blocked 0\n"); /* nothing waits for I/O */
	seq_puts(m, "softirq 0 0 0 0 0 0 0 0 0 0 0\n"); /* no softirqs */
	return 0;
}

int version_show(struct seq_file *m)
{
	seq_printf(m, "%s version %s (%s) (gcc %s) %s\n", UTS_SYSNAME,
		   UTS_RELEASE, KERNEL_BANNER, __VERSION__, UTS_VERSION);
	return 0;
}
