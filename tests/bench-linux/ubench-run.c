// SPDX-License-Identifier: MIT
/*
 * ubench-run VARIANT [quick]: the user workloads of make bench
 * (tests/bench/user_bench.c) timed from user space, for Linux, where no
 * code of ours runs in the kernel to time them (tools/bench-linux.sh).
 *
 * The same program (/bin/ubench, user/ubench.c, the same static
 * binary), the same modes, counts and method as this kernel's runner:
 * each operation starts /bin/ubench MODE N and waits for it (here
 * posix_spawn + waitpid, there process_spawn + process_wait); a warm-up
 * of ops/10 + 1 runs, then 5 rounds of ops runs, each timed with rdtsc,
 * the median round; minus the median of the same with N = 0 (the same
 * exec and exit, nothing done), divided by ops * N. user_exec has no
 * such baseline: it is the whole spawn, exec, exit and wait, as there.
 * Under qemu -icount shift=0 the figures are instructions, the kernel's
 * and user space's, this runner's fork of the child included (it
 * cancels against the baseline, but for user_exec).
 *
 * VARIANT names where the process's memory is, which the boot decides
 * on Linux: highmem (Linux's default), lowmem (a boot with highmem=0:
 * no HighMem at all) or highmem_lowpte (userpte=nohigh: page tables in
 * lowmem). It runs the benchmarks this kernel has for that variant.
 * Output: tools/bench.sh's "bench: NAME,VARIANT,OPS,TSC,NS,,," lines;
 * ns from CLOCK_MONOTONIC over the same rounds.
 */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 5
#define QUICK_DIVISOR 100

extern char **environ;

struct user_bench {
	const char *name;
	const char *mode;  /* ubench's first argument */
	long n;		   /* its second: operations per run */
	unsigned long ops; /* runs per round */
	int baseline;	   /* subtract the same run with N = 0 */
	const char *variants;
};

/* tests/bench/user_bench.c's table: mode_n, the ops, the variants. */
static const struct user_bench benches[] = {
	{"file_mmap_read", "fmmap", 64, 2, 1, "highmem lowmem"},
	{"file_read_4k", "fread", 256, 2, 1, "highmem lowmem"},
	{"file_write_4k", "fwrite", 256, 2, 1, "highmem lowmem"},
	{"pipe_round_trip", "pipe", 64, 2, 1, "highmem"},
	{"user_cow_fault", "cow", 256, 2, 1, "highmem lowmem highmem_lowpte"},
	{"user_exec", "nop", 1, 2, 0, "highmem lowmem"},
	{"user_fork_16M", "fork", 4, 2, 1, "highmem lowmem highmem_lowpte"},
	{"user_zero_fault", "zero", 256, 2, 1, "highmem lowmem highmem_lowpte"},
};

struct sample {
	unsigned long long tsc, ns;
};

static unsigned long long rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* One run of /bin/ubench MODE N; false if it failed. */
static int run_ubench(const char *mode, long n)
{
	char count[24];
	char *argv[] = {"/bin/ubench", (char *)mode, count, NULL};
	int status;
	pid_t pid;

	snprintf(count, sizeof(count), "%ld", n);
	if (posix_spawn(&pid, argv[0], NULL, NULL, argv, environ))
		return 0;
	if (waitpid(pid, &status, 0) != pid || status) {
		printf("bench: /bin/ubench %s %s failed (status %d)\n", mode,
		       count, status);
		return 0;
	}
	return 1;
}

/* One round: @ops runs (none for the empty loop, @mode NULL). */
static int round_of(const char *mode, long n, unsigned long ops,
		    struct sample *s)
{
	unsigned long long t0 = rdtsc(), n0 = now_ns();

	for (unsigned long i = 0; i < ops; i++)
		if (mode && !run_ubench(mode, n))
			return 0;
	s->tsc = rdtsc() - t0;
	s->ns = now_ns() - n0;
	return 1;
}

static unsigned long long median(unsigned long long *v)
{
	for (int i = 1; i < ROUNDS; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			unsigned long long t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v[ROUNDS / 2];
}

/* The median round of @ops runs after a warm-up, TSC and ns. */
static int measure(const char *mode, long n, unsigned long ops,
		   struct sample *m)
{
	unsigned long long tsc[ROUNDS], ns[ROUNDS];
	struct sample s;

	if (!round_of(mode, n, ops / 10 + 1, &s))
		return 0;
	for (int r = 0; r < ROUNDS; r++) {
		if (!round_of(mode, n, ops, &s))
			return 0;
		tsc[r] = s.tsc;
		ns[r] = s.ns;
	}
	m->tsc = median(tsc);
	m->ns = median(ns);
	return 1;
}

static int has_variant(const struct user_bench *b, const char *variant)
{
	size_t len = strlen(variant);

	for (const char *p = b->variants; (p = strstr(p, variant)); p += len)
		if ((p == b->variants || p[-1] == ' ') &&
		    (p[len] == ' ' || !p[len]))
			return 1;
	return 0;
}

static int run_one(const struct user_bench *b, const char *variant, int quick)
{
	unsigned long ops = quick ? b->ops / QUICK_DIVISOR + 1 : b->ops;
	unsigned long long per_op_x100, ns_x100, all;
	struct sample total, base;

	if (!measure(b->mode, b->n, ops, &total) ||
	    !measure(b->baseline ? b->mode : NULL, 0, ops, &base))
		return 0;
	all = (unsigned long long)ops * b->n;
	per_op_x100 =
		total.tsc > base.tsc ? (total.tsc - base.tsc) * 100 / all : 0;
	ns_x100 = total.ns > base.ns ? (total.ns - base.ns) * 100 / all : 0;
	printf("bench: %s,%s,%llu,%llu.%02llu,%llu.%02llu,,,\n", b->name,
	       variant, all, per_op_x100 / 100, per_op_x100 % 100,
	       ns_x100 / 100, ns_x100 % 100);
	fflush(stdout);
	return 1;
}

int main(int argc, char **argv)
{
	int quick = argc > 2 && !strcmp(argv[2], "quick");
	int failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: ubench-run VARIANT [quick]\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof(benches) / sizeof(benches[0]); i++)
		if (has_variant(&benches[i], argv[1]) &&
		    !run_one(&benches[i], argv[1], quick))
			failed = 1;
	return failed;
}
