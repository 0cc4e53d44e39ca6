// SPDX-License-Identifier: MIT
/* usertests: fork, wait, exec, vfork, clone, posix_spawn, process ids. */
#define _GNU_SOURCE
#include "usertests.h"
#include "ulib.h"
#include "utest.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* /bin/hello exits with its argument count minus one, or $HELLO_EXIT. */
#define HELLO "/bin/hello"

int wait_for(int pid)
{
	int status;
	pid_t got = waitpid(pid, &status, 0);

	UT_EXPECT(got == pid, "waitpid(%d) returned %d: %s", pid, got,
		  strerror(errno));
	return status;
}

int exec_in_child(const char *path, char *const argv[], char *const envp[])
{
	pid_t pid = fork();

	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		execve(path, argv, envp);
		_exit(errno);
	}
	return wait_for(pid);
}

void test_fork_wait(void)
{
	int status;
	pid_t pid = fork(), got;

	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0)
		_exit(42);
	got = wait(&status);
	UT_EXPECT(got == pid, "wait returned %d, the child is %d", got, pid);
	utest_expect_exit(status, 42, "a child that exits with 42");
}

#define FORK_MANY 20

void test_fork_many(void)
{
	pid_t pids[FORK_MANY];
	int status, reaped = 0;

	for (int i = 0; i < FORK_MANY; i++) {
		pids[i] = fork();
		UT_EXPECT(pids[i] >= 0, "fork number %d: %s", i + 1,
			  strerror(errno));
		if (pids[i] == 0)
			_exit(i + 1);
	}
	/* The newer half by pid, newest first: waitpid() finds each one. */
	for (int i = FORK_MANY - 1; i >= FORK_MANY / 2; i--) {
		utest_expect_exit(wait_for(pids[i]), i + 1, "a child");
		pids[i] = 0;
		reaped++;
	}
	/* The rest in whatever order wait() hands them out. */
	while (reaped < FORK_MANY) {
		pid_t got = wait(&status);
		int i = 0;

		UT_EXPECT(got > 0, "wait with %d children left: %s",
			  FORK_MANY - reaped, strerror(errno));
		while (i < FORK_MANY && pids[i] != got)
			i++;
		UT_EXPECT(i < FORK_MANY, "wait returned %d, not a child", got);
		utest_expect_exit(status, i + 1, "a child");
		pids[i] = 0;
		reaped++;
	}
	UT_EXPECT(wait(&status) == -1 && errno == ECHILD,
		  "wait after reaping all: expected ECHILD");
}

void test_wait_no_children(void)
{
	int status;

	UT_EXPECT(wait(&status) == -1 && errno == ECHILD,
		  "wait() without children: expected ECHILD, got %s",
		  strerror(errno));
	UT_EXPECT(syscall(SYS_wait4, -1, &status, 0, NULL) == -1 &&
			  errno == ECHILD,
		  "wait4(-1) without children: expected ECHILD");
	/* Our parent is a process, but not our child. */
	UT_EXPECT(waitpid(getppid(), &status, 0) == -1 && errno == ECHILD,
		  "waitpid(getppid()): expected ECHILD");
}

void test_getpid_getppid(void)
{
	pid_t me = getpid(), pid;
	int status;

	UT_EXPECT(me > 0, "getpid() returned %d", me);
	pid = fork();
	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		/* Only the exit status goes back: a code per check. */
		if (getppid() != me)
			_exit(1);
		if (getpid() == me)
			_exit(2);
		if (syscall(SYS_gettid) != getpid())
			_exit(3);
		_exit(0);
	}
	UT_EXPECT(pid != me, "fork returned the parent's own pid");
	status = wait_for(pid);
	UT_EXPECT(!WIFEXITED(status) || WEXITSTATUS(status) != 1,
		  "in the child getppid() is not the parent's getpid()");
	UT_EXPECT(!WIFEXITED(status) || WEXITSTATUS(status) != 2,
		  "the child's getpid() is the parent's");
	UT_EXPECT(!WIFEXITED(status) || WEXITSTATUS(status) != 3,
		  "the child's gettid() is not its getpid()");
	utest_expect_exit(status, 0, "the child checking its ids");
	UT_EXPECT(getpid() == me, "getpid() changed across fork()");
}

/* set_tid_address() stores this pointer; the kernel clears it at exit. */
static int clear_at_exit;

void test_ids(void)
{
	long uid = syscall(SYS_getuid32), euid = syscall(SYS_geteuid32);
	long gid = syscall(SYS_getgid32), egid = syscall(SYS_getegid32);

	UT_EXPECT(uid >= 0 && euid >= 0 && gid >= 0 && egid >= 0,
		  "getuid32 and friends: %ld %ld %ld %ld", uid, euid, gid,
		  egid);
	/* The 16-bit calls agree while the ids fit in 16 bits. */
	if (uid < 0xffff)
		UT_EXPECT(syscall(SYS_getuid) == uid, "getuid != getuid32");
	if (euid < 0xffff)
		UT_EXPECT(syscall(SYS_geteuid) == euid,
			  "geteuid != geteuid32");
	if (gid < 0xffff)
		UT_EXPECT(syscall(SYS_getgid) == gid, "getgid != getgid32");
	if (egid < 0xffff)
		UT_EXPECT(syscall(SYS_getegid) == egid,
			  "getegid != getegid32");
	UT_EXPECT(syscall(SYS_gettid) == getpid(),
		  "gettid() of a single-threaded process is not its pid");
	UT_EXPECT(syscall(SYS_set_tid_address, &clear_at_exit) == getpid(),
		  "set_tid_address() does not return the tid");
}

void test_exec_args(void)
{
	char *argv[] = { "hello", "one", "two", NULL };
	char *envp[] = { "GREETING=hi", NULL };

	utest_expect_exit(exec_in_child(utest_path(HELLO), argv, envp), 2,
			  "hello one two (exits with argc - 1)");
}

void test_exec_env(void)
{
	char *argv[] = { "hello", NULL };
	char *envp[] = { "HOME=/", "HELLO_EXIT=42", NULL };

	utest_expect_exit(exec_in_child(utest_path(HELLO), argv, envp), 42,
			  "hello with HELLO_EXIT=42");
}

void test_exec_missing(void)
{
	char *argv[] = { "nothing", NULL };
	char *envp[] = { NULL };

	/* Nothing to run, so this process survives the call. */
	UT_EXPECT(execve(utest_path("/bin/no-such-program"), argv, envp) ==
				  -1 && errno == ENOENT,
		  "execve of a missing file: expected ENOENT, got %s",
		  strerror(errno));
	UT_EXPECT(execve(utest_path("/no-such-dir/program"), argv, envp) ==
				  -1 && errno == ENOENT,
		  "execve in a missing directory: expected ENOENT, got %s",
		  strerror(errno));
}

void test_exec_not_elf(void)
{
	char *argv[] = { "notelf", NULL };
	char *envp[] = { NULL };

	utest_expect_exit(exec_in_child(utest_path("/bad/notelf"), argv,
					envp),
			  ENOEXEC, "execve of a text file (exits with errno)");
}

/*
 * The broken programs in /bad/ (tools/mkbadelf.py makes them from
 * /bin/exitcode). This kernel must refuse each one with ENOEXEC, EINVAL
 * or ENOMEM before it lets go of the old program. Linux is laxer, and
 * on a Linux host that counts too: it checks the segments only after
 * that point of no return (it then kills the process, or on a 64-bit
 * host, where 0xC0000000 is user space, may even run it), it does not
 * look at the ELF class at all (e_machine EM_386 is enough), and it
 * looks for the interpreter (ENOENT).
 */
struct bad_elf {
	const char *name;
	int linux_may_run;	/* Linux may kill it or run it */
	int linux_errno;	/* another errno Linux answers */
};

static const struct bad_elf bad_elfs[] = {
	{ "notelf", 0, 0 },
	{ "truncated-header", 0, 0 },
	{ "wrong-class", 1, 0 },
	{ "wrong-machine", 0, 0 },
	{ "zero-phdrs", 0, 0 },
	{ "interp", 0, ENOENT },
	{ "filesz-over-memsz", 1, 0 },
	{ "kernel-segment", 1, 0 },
	{ "wraps-around", 1, 0 },
	{ "past-eof", 1, 0 },
	{ "overlap", 1, 0 },
};

#define NBAD_ELFS (sizeof(bad_elfs) / sizeof(bad_elfs[0]))
/* What /bin/exitcode exits with when a broken copy runs after all. */
#define BAD_RAN_CODE 99

static const struct bad_elf *find_bad_elf(const char *name)
{
	for (size_t i = 0; i < NBAD_ELFS; i++)
		if (strcmp(bad_elfs[i].name, name) == 0)
			return &bad_elfs[i];
	return NULL;
}

/*
 * How execve("/bad/@bad->name") ended: REFUSED as this kernel must,
 * LIKE_LINUX in a way only a Linux host may, or WRONG.
 */
enum bad_elf_outcome { WRONG, REFUSED, LIKE_LINUX };

static enum bad_elf_outcome bad_elf_outcome(const struct bad_elf *bad,
					    int status)
{
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;

	if (code == ENOEXEC || code == EINVAL || code == ENOMEM)
		return REFUSED;
	if (!utest_on_linux64 || !bad)
		return WRONG;
	if (bad->linux_errno && code == bad->linux_errno)
		return LIKE_LINUX;
	if (bad->linux_may_run && (WIFSIGNALED(status) || code == BAD_RAN_CODE))
		return LIKE_LINUX;
	return WRONG;
}

void test_exec_bad_elfs(void)
{
	char *argv[] = { "bad", "99", NULL };
	char *envp[] = { NULL };
	int seen[NBAD_ELFS] = { 0 };
	const char *dir = utest_path("/bad");
	DIR *d = opendir(dir);
	struct dirent *e;

	UT_EXPECT(d, "opendir %s: %s", dir, strerror(errno));
	while ((e = readdir(d))) {
		const struct bad_elf *bad = find_bad_elf(e->d_name);
		enum bad_elf_outcome outcome;
		char path[PATH_MAX];
		int status;

		if (e->d_name[0] == '.')
			continue;
		if (bad)
			seen[bad - bad_elfs] = 1;
		UT_EXPECT(snprintf(path, sizeof(path), "%s/%s", dir,
				   e->d_name) < (int)sizeof(path),
			  "the path of bad/%s is too long", e->d_name);
		status = exec_in_child(path, argv, envp);
		outcome = bad_elf_outcome(bad, status);
		UT_EXPECT(outcome != WRONG,
			  "execve of bad/%s: %s (exits with errno), expected "
			  "ENOEXEC, EINVAL or ENOMEM", e->d_name,
			  status_text(status));
		if (outcome == LIKE_LINUX)
			utest_note("bad/%s: %s, as Linux does", e->d_name,
				   status_text(status));
	}
	closedir(d);
	for (size_t i = 0; i < NBAD_ELFS; i++)
		UT_EXPECT(seen[i], "%s/%s is missing", dir, bad_elfs[i].name);
}

/* Written by the vfork child in the memory it shares with its parent. */
static volatile int vfork_child_ran;

void test_vfork_exit(void)
{
	pid_t pid;

	vfork_child_ran = 0;
	pid = vfork();
	if (pid == 0) {
		vfork_child_ran = 1;
		_exit(7);
	}
	UT_EXPECT(pid > 0, "vfork: %s", strerror(errno));
	/* The parent resumes only once the child has exited... */
	UT_EXPECT(vfork_child_ran == 1,
		  "the vfork child's write is not in the parent's memory "
		  "(vfork must share it, and wait for the child)");
	/* ...and the child is still there to be reaped. */
	utest_expect_exit(wait_for(pid), 7,
			  "a vfork child that calls _exit(7)");
}

/*
 * clone() as musl's posix_spawn() calls it: CLONE_VM | CLONE_VFORK with
 * a stack of the child's own, and SIGCHLD at exit, but no pipe.
 */
struct clone_exec {
	const char *path;
	char **argv;
	char **envp;
};

static char clone_stack[16 * 1024] __attribute__((aligned(16)));

static int clone_child(void *arg)
{
	struct clone_exec *ce = arg;

	execve(ce->path, ce->argv, ce->envp);
	return 100 + errno; /* __clone() passes this to exit() */
}

void test_clone_vfork_exec(void)
{
	char *argv[] = { "hello", "a", "b", "c", NULL };
	char *envp[] = { NULL };
	struct clone_exec ce = { utest_path(HELLO), argv, envp };
	pid_t pid;

	pid = clone(clone_child, clone_stack + sizeof(clone_stack),
		    CLONE_VM | CLONE_VFORK | SIGCHLD, &ce);
	UT_EXPECT(pid > 0, "clone: %s", strerror(errno));
	utest_expect_exit(wait_for(pid), 3, "hello a b c started by clone()");
}

void test_posix_spawn(void)
{
	char *argv[] = { "hello", "spawned", NULL };
	char *envp[] = { NULL };
	pid_t pid;
	int err = posix_spawn(&pid, utest_path(HELLO), NULL, NULL, argv, envp);

	UT_EXPECT(err == 0, "posix_spawn: %s", strerror(err));
	utest_expect_exit(wait_for(pid), 1, "hello spawned");
}

void test_posix_spawn_missing(void)
{
	char *argv[] = { "nothing", NULL };
	char *envp[] = { NULL };
	pid_t pid;
	int status;
	int err = posix_spawn(&pid, utest_path("/bin/no-such-program"), NULL,
			      NULL, argv, envp);

	/* The child's execve() error comes back through a pipe. */
	UT_EXPECT(err == ENOENT, "posix_spawn of a missing file: %s, "
		  "expected ENOENT", strerror(err));
	/* posix_spawn() reaped that child itself. */
	UT_EXPECT(wait(&status) == -1 && errno == ECHILD,
		  "a child is left after the failed posix_spawn");
}
