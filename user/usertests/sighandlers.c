// SPDX-License-Identifier: MIT
/*
 * usertests: signal handlers. The frame and sigreturn (every register
 * and the FPU state come back), siginfo, system call restart, the mask
 * while a handler runs, SA_RESETHAND, sigsuspend, SIGCHLD, the
 * sigaltstack, and forged frames that must not get past sigreturn.
 */
#define _GNU_SOURCE
#include "usertests.h"
#include "ulib.h"
#include "utest.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#define EFLAGS_DF 0x400u
#define EFLAGS_IOPL 0x3000u
#define KERNEL_CS 0x08
#define KERNEL_DS 0x10

static volatile sig_atomic_t handled;
static volatile sig_atomic_t handled_sig;

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static void count_handler(int sig)
{
	handled++;
	handled_sig = sig;
}

/* Install @fn for @sig with @flags and an empty sa_mask. */
static void set_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	UT_EXPECT(sigaction(sig, &sa, NULL) == 0, "sigaction(%d): %s", sig,
		  strerror(errno));
}

static void set_info_handler(int sig, void (*fn)(int, siginfo_t *, void *),
			     int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = flags | SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	UT_EXPECT(sigaction(sig, &sa, NULL) == 0, "sigaction(%d): %s", sig,
		  strerror(errno));
}

/* What regs_across_kill() saw after its kill(pid, SIGUSR1) returned. */
struct regs_seen {
	unsigned int eax, ebx, ecx, edx, esi, edi, ebp; /* 0 .. 24 */
	unsigned int xmm0[4];				/* 28 */
	double st0;					/* 44 */
	unsigned int esp_after, esp_before, eflags;	/* 52, 56, 60 */
};

/* Whether the CPU has SSE (CPUID 1 EDX bit 25): xmm0 is checked then. */
int regs_use_sse;

static int cpu_has_sse(void)
{
	unsigned int a = 1, b, c = 0, d;

	__asm__ __volatile__("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return (d >> 25) & 1;
}

static const unsigned int xmm_magic[4] = { 0x01234567, 0x89abcdef,
					   0xdeadbeef, 0xcafef00d };

/*
 * void regs_across_kill(int pid, struct regs_seen *out): every register
 * loaded with a known value (DF set, 1.0 on the x87 stack, a pattern in
 * xmm0), then int $0x80 kill(pid, SIGUSR1) so the handler runs on the
 * way back from it; then the registers as they came back.
 */
void regs_across_kill(int pid, struct regs_seen *out);
__asm__(".text\n"
	".globl regs_across_kill\n"
	"regs_across_kill:\n"
	"	pushl %ebp\n"
	"	pushl %ebx\n"
	"	pushl %esi\n"
	"	pushl %edi\n"
	"	movl 20(%esp), %ebx\n"
	"	movl 24(%esp), %eax\n"
	"	pushl %eax\n"
	"	movl %esp, 56(%eax)\n"
	"	cmpl $0, regs_use_sse\n"
	"	je 1f\n"
	"	movups xmm_magic, %xmm0\n"
	"1:\n"
	"	fld1\n"
	"	movl $10, %ecx\n"
	"	movl $0x11111111, %edx\n"
	"	movl $0x22222222, %esi\n"
	"	movl $0x33333333, %edi\n"
	"	movl $0x44444444, %ebp\n"
	"	movl $37, %eax\n"
	"	std\n"
	"	int $0x80\n"
	"	pushfl\n"
	"	cld\n"
	"	pushl %eax\n"
	"	movl 8(%esp), %eax\n"
	"	movl %ebx, 4(%eax)\n"
	"	movl %ecx, 8(%eax)\n"
	"	movl %edx, 12(%eax)\n"
	"	movl %esi, 16(%eax)\n"
	"	movl %edi, 20(%eax)\n"
	"	movl %ebp, 24(%eax)\n"
	"	popl %ecx\n"
	"	movl %ecx, 0(%eax)\n"
	"	popl %ecx\n"
	"	movl %ecx, 60(%eax)\n"
	"	cmpl $0, regs_use_sse\n"
	"	je 2f\n"
	"	movups %xmm0, 28(%eax)\n"
	"2:\n"
	"	fstpl 44(%eax)\n"
	"	movl %esp, 52(%eax)\n"
	"	addl $4, %esp\n"
	"	popl %edi\n"
	"	popl %esi\n"
	"	popl %ebx\n"
	"	popl %ebp\n"
	"	ret\n");

/* A handler that leaves the FPU and SSE registers in a mess. */
static void clobber_handler(int sig)
{
	static const unsigned int junk[4] = { 1, 2, 3, 4 };

	handled++;
	handled_sig = sig;
	if (regs_use_sse)
		__asm__ __volatile__("movups %0, %%xmm0" : : "m"(junk));
	__asm__ __volatile__("fninit\n\tfldz\n\tfldz");
}

static void clobber_info_handler(int sig, siginfo_t *si, void *uc)
{
	(void)si, (void)uc;
	clobber_handler(sig);
}

static void check_regs(const struct regs_seen *r, const char *frame)
{
	UT_EXPECT(handled == 1 && handled_sig == SIGUSR1,
		  "%s: the handler ran %d times", frame, (int)handled);
	UT_EXPECT(r->eax == 0, "%s: eax (kill's result) %#x", frame, r->eax);
	UT_EXPECT(r->ebx == (unsigned int)getpid() && r->ecx == SIGUSR1,
		  "%s: ebx %#x ecx %#x", frame, r->ebx, r->ecx);
	UT_EXPECT(r->edx == 0x11111111 && r->esi == 0x22222222 &&
			  r->edi == 0x33333333 && r->ebp == 0x44444444,
		  "%s: edx %#x esi %#x edi %#x ebp %#x", frame, r->edx, r->esi,
		  r->edi, r->ebp);
	UT_EXPECT(r->esp_after == r->esp_before, "%s: esp %#x, was %#x",
		  frame, r->esp_after, r->esp_before);
	UT_EXPECT(r->eflags & EFLAGS_DF, "%s: DF lost (eflags %#x)", frame,
		  r->eflags);
	UT_EXPECT(!regs_use_sse || !memcmp(r->xmm0, xmm_magic, sizeof(xmm_magic)),
		  "%s: xmm0 %08x %08x %08x %08x", frame, r->xmm0[0], r->xmm0[1],
		  r->xmm0[2], r->xmm0[3]);
	UT_EXPECT(r->st0 == 1.0, "%s: st0 is %g, not 1", frame, r->st0);
}

void test_sig_handler_regs(void)
{
	struct regs_seen r;

	regs_use_sse = cpu_has_sse();
	if (!regs_use_sse)
		utest_note("no SSE: x87 and the general registers only");
	set_handler(SIGUSR1, clobber_handler, 0);
	memset(&r, 0, sizeof(r));
	handled = 0;
	regs_across_kill(getpid(), &r);
	check_regs(&r, "sigframe");

	set_info_handler(SIGUSR1, clobber_info_handler, 0);
	memset(&r, 0, sizeof(r));
	handled = 0;
	regs_across_kill(getpid(), &r);
	check_regs(&r, "rt_sigframe");
}

static void segv_info_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (sig != SIGSEGV || si->si_signo != SIGSEGV)
		_exit(10);
	if (si->si_addr != (void *)0x10)
		_exit(11);
	if (si->si_code != SEGV_MAPERR)
		_exit(12);
	_exit(42);
}

static void segv_with_handler(void *unused)
{
	int *volatile where = (int *)0x10;

	set_info_handler(SIGSEGV, segv_info_handler, 0);
	(void)unused;
	*where = 1;
	_exit(1);
}

static volatile int info_pid, info_code, info_signo;

static void usr2_info_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	info_signo = sig == si->si_signo ? sig : -1;
	info_pid = si->si_pid;
	info_code = si->si_code;
}

void test_sig_siginfo(void)
{
	utest_expect_exit(run_in_child(segv_with_handler, NULL), 42,
			  "a SIGSEGV handler (10: si_signo, 11: si_addr, "
			  "12: si_code)");
	set_info_handler(SIGUSR2, usr2_info_handler, 0);
	UT_EXPECT(kill(getpid(), SIGUSR2) == 0, "kill: %s", strerror(errno));
	UT_EXPECT(info_signo == SIGUSR2, "si_signo %d", info_signo);
	UT_EXPECT(info_pid == getpid(), "si_pid %d, not %d", info_pid,
		  getpid());
	UT_EXPECT(info_code == SI_USER, "si_code %d, not SI_USER",
		  info_code);
}

/*
 * A read from an empty pipe that a SIGUSR1 interrupts (20 ms in) before
 * a byte arrives (60 ms in). Return: read()'s result, errno in *@err.
 */
static long read_interrupted(int flags, int *err)
{
	int fds[2];
	char c;
	long n;
	pid_t parent = getpid(), pid;

	UT_EXPECT(pipe(fds) == 0, "pipe: %s", strerror(errno));
	set_handler(SIGUSR1, count_handler, flags);
	handled = 0;
	pid = fork();
	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		sleep_ms(20);
		kill(parent, SIGUSR1);
		sleep_ms(40);
		_exit(write(fds[1], "x", 1) == 1 ? 0 : 1);
	}
	n = read(fds[0], &c, 1);
	*err = errno;
	utest_expect_exit(wait_for(pid), 0, "the writer");
	close(fds[0]);
	close(fds[1]);
	return n;
}

void test_sig_restart(void)
{
	int err;
	long n = read_interrupted(SA_RESTART, &err);

	UT_EXPECT(handled == 1, "SA_RESTART: the handler ran %d times",
		  (int)handled);
	UT_EXPECT(n == 1, "SA_RESTART: read returned %ld (%s)", n,
		  strerror(err));
	n = read_interrupted(0, &err);
	UT_EXPECT(handled == 1, "no SA_RESTART: the handler ran %d times",
		  (int)handled);
	UT_EXPECT(n == -1 && err == EINTR,
		  "no SA_RESTART: read returned %ld (%s), not EINTR", n,
		  strerror(err));
}

static volatile int mask_usr1, mask_usr2;

static void mask_handler(int sig)
{
	sigset_t now;

	(void)sig;
	sigprocmask(SIG_SETMASK, NULL, &now);
	mask_usr1 = sigismember(&now, SIGUSR1);
	mask_usr2 = sigismember(&now, SIGUSR2);
}

static void install_mask_handler(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = mask_handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	UT_EXPECT(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction: %s",
		  strerror(errno));
	mask_usr1 = mask_usr2 = -1;
	raise(SIGUSR1);
}

void test_sig_mask_in_handler(void)
{
	sigset_t now;

	install_mask_handler(0);
	UT_EXPECT(mask_usr1 == 1, "SIGUSR1 not blocked in its handler (%d)",
		  mask_usr1);
	UT_EXPECT(mask_usr2 == 1, "sa_mask's SIGUSR2 not blocked (%d)",
		  mask_usr2);
	install_mask_handler(SA_NODEFER);
	UT_EXPECT(mask_usr1 == 0, "SA_NODEFER: SIGUSR1 blocked (%d)",
		  mask_usr1);
	UT_EXPECT(mask_usr2 == 1, "SA_NODEFER: SIGUSR2 not blocked (%d)",
		  mask_usr2);
	sigprocmask(SIG_SETMASK, NULL, &now);
	UT_EXPECT(!sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2),
		  "the mask did not come back after the handler");
}

static void resethand_twice(void *unused)
{
	struct sigaction old;

	(void)unused;
	set_handler(SIGUSR1, count_handler, SA_RESETHAND);
	raise(SIGUSR1);
	if (handled != 1)
		_exit(3);
	if (sigaction(SIGUSR1, NULL, &old) || old.sa_handler != SIG_DFL)
		_exit(4);
	raise(SIGUSR1); /* the default action now: the end */
	_exit(5);
}

void test_sig_resethand(void)
{
	utest_expect_signal(run_in_child(resethand_twice, NULL), SIGUSR1,
			    "SA_RESETHAND, the second SIGUSR1 (exit 3: no "
			    "handler, 4: not reset)");
}

void test_sig_sigsuspend(void)
{
	sigset_t usr1, empty, now;
	pid_t parent = getpid(), pid;
	int ret, err;

	set_handler(SIGUSR1, count_handler, 0);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigemptyset(&empty);
	UT_EXPECT(sigprocmask(SIG_BLOCK, &usr1, NULL) == 0, "sigprocmask: %s",
		  strerror(errno));
	handled = 0;
	pid = fork();
	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		sleep_ms(20);
		_exit(kill(parent, SIGUSR1) ? 1 : 0);
	}
	ret = sigsuspend(&empty);
	err = errno;
	UT_EXPECT(ret == -1 && err == EINTR, "sigsuspend returned %d (%s)",
		  ret, strerror(err));
	UT_EXPECT(handled == 1, "the handler ran %d times", (int)handled);
	sigprocmask(SIG_SETMASK, NULL, &now);
	UT_EXPECT(sigismember(&now, SIGUSR1),
		  "the mask before sigsuspend did not come back");
	utest_expect_exit(wait_for(pid), 0, "the sender");
	/* Blocked and pending: sigpending says so, and unblocking runs it. */
	handled = 0;
	raise(SIGUSR1);
	sigpending(&now);
	UT_EXPECT(sigismember(&now, SIGUSR1) && handled == 0,
		  "a blocked SIGUSR1 not pending");
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	UT_EXPECT(handled == 1, "unblocking ran the handler %d times",
		  (int)handled);
}

static volatile int chld_pid, chld_code, chld_status;

static void chld_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	chld_pid = si->si_pid;
	chld_code = si->si_code;
	chld_status = si->si_status;
}

void test_sig_sigchld(void)
{
	sigset_t chld, empty;
	pid_t pid;
	int status;

	set_info_handler(SIGCHLD, chld_handler, 0);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid = fork();
	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0)
		_exit(7);
	chld_pid = 0;
	while (!chld_pid)
		sigsuspend(&empty);
	UT_EXPECT(chld_pid == pid, "si_pid %d, not %d", chld_pid, pid);
	UT_EXPECT(chld_code == CLD_EXITED, "si_code %d, not CLD_EXITED",
		  chld_code);
	UT_EXPECT(chld_status == 7, "si_status %d, not 7", chld_status);
	utest_expect_exit(wait_for(pid), 7, "the child");
	sigprocmask(SIG_UNBLOCK, &chld, NULL);

	/* SIG_IGN: no zombies; wait4 waits for the child, then ECHILD. */
	signal(SIGCHLD, SIG_IGN);
	pid = fork();
	UT_EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		sleep_ms(10);
		_exit(0);
	}
	UT_EXPECT(waitpid(-1, &status, 0) == -1 && errno == ECHILD,
		  "SIGCHLD ignored: waitpid did not fail with ECHILD (%s)",
		  strerror(errno));
}

static char altstack[16384];
static volatile int on_altstack;

static void altstack_handler(int sig)
{
	char here;

	(void)sig;
	on_altstack = &here >= altstack && &here < altstack + sizeof(altstack);
}

void test_sig_altstack(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	stack_t old;

	UT_EXPECT(sigaltstack(&ss, NULL) == 0, "sigaltstack: %s",
		  strerror(errno));
	set_handler(SIGUSR1, altstack_handler, SA_ONSTACK);
	on_altstack = -1;
	raise(SIGUSR1);
	UT_EXPECT(on_altstack == 1, "the SA_ONSTACK handler ran elsewhere");
	UT_EXPECT(sigaltstack(NULL, &old) == 0 && old.ss_sp == altstack &&
			  old.ss_flags == 0,
		  "sigaltstack reads back wrong (flags %d)", old.ss_flags);
	ss.ss_size = 100;
	UT_EXPECT(sigaltstack(&ss, NULL) == -1 && errno == ENOMEM,
		  "a 100-byte sigaltstack was taken");
}

/* What a handler writes into the frame's saved context. */
enum forgery { FORGE_KERNEL_CS, FORGE_KERNEL_SS, FORGE_IOPL };
static volatile int forgery;

static void forging_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig, (void)si;
	if (forgery == FORGE_KERNEL_CS)
		uc->uc_mcontext.gregs[REG_CS] = KERNEL_CS;
	else if (forgery == FORGE_KERNEL_SS)
		uc->uc_mcontext.gregs[REG_SS] = KERNEL_DS;
	else
		uc->uc_mcontext.gregs[REG_EFL] |= EFLAGS_IOPL;
}

static void forged_return(void *arg)
{
	unsigned int eflags;

	forgery = (int)(long)arg;
	set_info_handler(SIGUSR1, forging_handler, 0);
	raise(SIGUSR1);
	__asm__ __volatile__("pushfl; popl %0" : "=r"(eflags));
	_exit(eflags & EFLAGS_IOPL ? 1 : 0);
}

/* sigreturn with the stack pointer at an unmapped page. */
static void sigreturn_bad_pointer(void *arg)
{
	(void)arg;
	__asm__ __volatile__("movl $0x1000, %%esp\n\tint $0x80"
			     : : "a"(SYS_sigreturn) : "memory");
	_exit(1);
}

void test_sig_forged_frame(void)
{
	utest_expect_signal(run_in_child(forged_return,
					 (void *)FORGE_KERNEL_CS),
			    SIGSEGV, "sigreturn to the kernel's CS");
	utest_expect_signal(run_in_child(forged_return,
					 (void *)FORGE_KERNEL_SS),
			    SIGSEGV, "sigreturn to the kernel's SS");
	utest_expect_exit(run_in_child(forged_return, (void *)FORGE_IOPL), 0,
			  "sigreturn asking for IOPL 3 (exit 1: got it)");
	utest_expect_signal(run_in_child(sigreturn_bad_pointer, NULL),
			    SIGSEGV, "sigreturn with a bad stack pointer");
}
