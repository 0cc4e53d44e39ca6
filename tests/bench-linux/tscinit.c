// SPDX-License-Identifier: MIT
/*
 * tscinit [PROGRAM ARGS...]: the init of make bench-linux's boots, the
 * same static binary on both kernels (tools/bench-linux.sh).
 *
 * Its entry point reads the TSC before anything else runs in user
 * space: under qemu -icount shift=0 that is the count of instructions
 * since reset (and of the nanoseconds the CPUs spent halted, if any),
 * the end point of the boot measure (docs/benchmarks.md, "Linux side by
 * side"). Then it prints, each line prefixed with "tscinit: ", that
 * count, /proc/meminfo (LowFree is what the boot table keeps) and
 * /proc/uptime (whose second figure, the idle time the tick sampled,
 * says whether the boot waited halted). With a PROGRAM it runs it and
 * waits; then it powers the machine off
 * with PROGRAM's exit status: this kernel does that itself when init
 * exits (its command line says poweroff); on Linux, init writes the
 * status to QEMU's isa-debug-exit port, as this kernel would, so that
 * tools/qemu-run.sh sees success or failure either way.
 *
 * Linux starts an initramfs's init with no /proc, no /dev and, without
 * /dev/console in the archive, no standard streams: those are mounted
 * and opened here, after the TSC was read.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEBUG_EXIT_PORT 0xf4 /* -device isa-debug-exit,iobase=0xf4 */
#define DEBUG_EXIT_SUCCESS 0x10
#define DEBUG_EXIT_FAILURE 0x11

/* The TSC at the first instruction, stored by tsc_start. */
unsigned long long tsc_at_entry;

/*
 * The ELF entry point (linked with -e tsc_start): rdtsc, store, then
 * the C library's own entry, _start, with the stack untouched.
 */
__asm__(".text\n"
	".globl tsc_start\n"
	"tsc_start:\n"
	"	rdtsc\n"
	"	movl %eax, tsc_at_entry\n"
	"	movl %edx, tsc_at_entry+4\n"
	"	jmp _start\n");

/* Linux gives init no standard streams without /dev/console. */
static void open_console(void)
{
	int fd;

	if (fcntl(1, F_GETFD) >= 0)
		return;
	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return;
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

static void mount_proc(void)
{
	if (access("/proc/meminfo", R_OK) == 0)
		return;
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
}

/* Each line of @path, prefixed; false if it cannot be read. */
static int print_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		printf("tscinit: %s", line);
	fclose(f);
	return 1;
}

static int run(char **argv)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execv(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

static void power_off(int status)
{
	struct utsname uts;

	fflush(stdout);
	/*
	 * Not init (a test on the host): just exit. This kernel (its
	 * release names it) powers off when init exits.
	 */
	if (getpid() != 1 ||
	    (uname(&uts) == 0 && strstr(uts.release, "hmkernel")))
		exit(status);
	if (ioperm(DEBUG_EXIT_PORT, 4, 1) == 0)
		outb(status ? DEBUG_EXIT_FAILURE : DEBUG_EXIT_SUCCESS,
		     DEBUG_EXIT_PORT);
	exit(status); /* no such port: Linux panics, QEMU reports no status */
}

int main(int argc, char **argv)
{
	int status = 0;

	open_console();
	printf("tscinit: tsc %llu at init's first instruction\n", tsc_at_entry);
	mount_proc();
	if (!print_file("/proc/meminfo"))
		status = 1;
	print_file("/proc/uptime");
	fflush(stdout);
	if (argc > 1)
		status = run(argv + 1);
	printf("tscinit: exit status %d\n", status);
	power_off(status);
	return status;
}
