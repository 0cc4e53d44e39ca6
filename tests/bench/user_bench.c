// SPDX-License-Identifier: MIT
/*
 * User workloads (user/ubench.c): what a demand-zero fault, a COW fault,
 * fork + exit + wait of a process with 16 MiB touched, and exec cost,
 * with the process's pages and page tables in HighMem (as Linux gives
 * them), with both in lowmem, and with pages in HighMem but page tables
 * in lowmem (highpte=off for that process): one boot, one machine, so
 * the ratios compare like with like.
 *
 * Each operation runs the whole program; the same program with N = 0
 * (same exec, same exit) is the baseline subtracted, and the rest is
 * divided by N. Under qemu -icount the figures are instructions,
 * user-mode ones included (the program's loop around each fault is a
 * few of them).
 */
#include "kernel/fs/fs.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "tests/bench/bench.h"

#define ZERO_PAGES 256
#define COW_PAGES 256
#define FORKS 4

static const struct spawn_opts placement[] = {
	{ false, false }, /* 0: highmem: pages and page tables in HighMem */
	{ true, true },	  /* 1: lowmem: both in lowmem */
	{ false, true },  /* 2: highmem_lowpte: pages in HighMem, tables low */
};

#define FILE_OPS 256
#define MMAP_OPS 64
#define PIPE_TRIPS 64

static const char *const mode_name[] = { "zero", "cow", "fork", "nop",
					 "fread", "fwrite", "fmmap", "pipe" };
static const unsigned long mode_n[] = { ZERO_PAGES, COW_PAGES, FORKS, 1,
					FILE_OPS, FILE_OPS, MMAP_OPS,
					PIPE_TRIPS };

#define ARG(mode, where) ((mode) * 4 + (where))

static void run_ubench(unsigned long arg, bool baseline)
{
	static const char *const envp[] = { NULL };
	unsigned int mode = (unsigned int)(arg / 4);
	char n[12];
	const char *argv[] = { "/bin/ubench", mode_name[mode], n, NULL };
	int pid, status = -1;

	snprintf(n, sizeof(n), "%lu", baseline ? 0 : mode_n[mode]);
	pid = process_spawn_opts(argv[0], argv, envp, &placement[arg % 4]);
	if (pid > 0)
		process_wait(pid, &status, NULL);
	if (status)
		printk("bench: /bin/ubench %s %s failed (pid %d, status %d)\n",
		       argv[1], n, pid, status);
}

static int ubench_setup(struct bench_ctx *ctx)
{
	struct dentry *d;

	if (path_lookup("/bin/ubench", LOOKUP_FOLLOW, &d))
		return -1; /* no initramfs */
	dput(d);
	ctx->batch = mode_n[ctx->arg / 4];
	return 0;
}

static void ubench_op(struct bench_ctx *ctx)
{
	run_ubench(ctx->arg, false);
}

static void ubench_baseline(struct bench_ctx *ctx)
{
	run_ubench(ctx->arg, true);
}

#define USER_BENCH(name, mode, ops)                                        \
	BENCH_BASELINE(name, highmem, ubench_setup, ubench_op,             \
		       ubench_baseline, ops, ARG(mode, 0));                \
	BENCH_BASELINE(name, lowmem, ubench_setup, ubench_op,              \
		       ubench_baseline, ops, ARG(mode, 1));                \
	BENCH_BASELINE(name, highmem_lowpte, ubench_setup, ubench_op,      \
		       ubench_baseline, ops, ARG(mode, 2))

USER_BENCH(user_zero_fault, 0, 2);
USER_BENCH(user_cow_fault, 1, 2);
USER_BENCH(user_fork_16M, 2, 2);

/*
 * Files: 4 KiB pread and pwrite of a cached file, and mmap + read +
 * munmap of one of its pages; the file's page-cache pages are in HighMem
 * or, for a process placed in lowmem, in lowmem (its i_gfp), the same
 * as highmem=off gives every file. A pipe round trip has no placement.
 */
#define FILE_BENCH(name, mode, ops)                                        \
	BENCH_BASELINE(name, highmem, ubench_setup, ubench_op,             \
		       ubench_baseline, ops, ARG(mode, 0));                \
	BENCH_BASELINE(name, lowmem, ubench_setup, ubench_op,              \
		       ubench_baseline, ops, ARG(mode, 1))

FILE_BENCH(file_read_4k, 4, 2);
FILE_BENCH(file_write_4k, 5, 2);
FILE_BENCH(file_mmap_read, 6, 2);
BENCH_BASELINE(pipe_round_trip, highmem, ubench_setup, ubench_op,
	       ubench_baseline, 2, ARG(7, 0));

/* exec: spawn, exec, exit and reap of a tiny static program, whole. */
BENCH_FULL(user_exec, highmem, ubench_setup, ubench_op, NULL, 2, ARG(3, 0),
	   true);
BENCH_FULL(user_exec, lowmem, ubench_setup, ubench_op, NULL, 2, ARG(3, 1),
	   true);
