// SPDX-License-Identifier: MIT
/*
 * Signal frames on the user stack, in Linux's i386 layout (what glibc,
 * musl and debuggers expect), and sigreturn, which reads them back.
 *
 * Without SA_SIGINFO, struct sigframe; with it, struct rt_sigframe:
 *
 *   sigframe:    pretcode sig sigcontext fpstate_unused extramask retcode
 *   rt_sigframe: pretcode sig pinfo puc siginfo ucontext retcode
 *   then, 64-byte aligned above either, the FPU state (struct _fpstate)
 *
 * The handler starts with ESP at the frame (pretcode is its return
 * address: the restorer, which calls sigreturn or rt_sigreturn), EAX =
 * sig and, for rt, EDX = &siginfo, ECX = &ucontext, as Linux does.
 *
 * A frame is user memory: whatever sigreturn reads back is checked
 * before it reaches the saved registers. CS and SS must be the user
 * selectors, the data selectors null, user data or the TLS entry, and
 * only the flags a program may change (arithmetic, DF, TF, AC, RF) are
 * taken: never IOPL, NT, VM or IF. So a forged frame cannot reach ring
 * 0, and iret (or the pop of a segment register) cannot fault in the
 * kernel.
 */
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include <asm/fpu.h>
#include <asm/segment.h>
#include <asm/uaccess.h>

#define NR_SIGRETURN 119
#define NR_RT_SIGRETURN 173

/* The EFLAGS bits sigreturn takes from the frame (Linux's FIX_EFLAGS). */
#define EFLAGS_CF 0x00000001u
#define EFLAGS_PF 0x00000004u
#define EFLAGS_AF 0x00000010u
#define EFLAGS_ZF 0x00000040u
#define EFLAGS_SF 0x00000080u
#define EFLAGS_TF 0x00000100u
#define EFLAGS_DF 0x00000400u
#define EFLAGS_OF 0x00000800u
#define EFLAGS_RF 0x00010000u
#define EFLAGS_AC 0x00040000u
#define EFLAGS_USER                                                      \
	(EFLAGS_CF | EFLAGS_PF | EFLAGS_AF | EFLAGS_ZF | EFLAGS_SF |     \
	 EFLAGS_TF | EFLAGS_DF | EFLAGS_OF | EFLAGS_RF | EFLAGS_AC)

#define SIGINFO_SIZE 128
#define FPSTATE_ALIGN 64

/* Linux's struct sigcontext (i386): 88 bytes. */
struct sigcontext {
	u16 gs, gsh, fs, fsh, es, esh, ds, dsh;
	u32 edi, esi, ebp, esp, ebx, edx, ecx, eax;
	u32 trapno, err, eip;
	u16 cs, csh;
	u32 eflags, esp_at_signal;
	u16 ss, ssh;
	u32 fpstate; /* user pointer to the struct _fpstate */
	u32 oldmask; /* the mask's signals 1-32 */
	u32 cr2;
};

/* compat siginfo_t: the fields this kernel fills, padded to 128 bytes. */
struct user_siginfo {
	s32 signo, errno_, code;
	union {
		struct {
			s32 pid;
			u32 uid;
			s32 status; /* SIGCHLD */
		} kill;
		u32 addr; /* SIGSEGV, SIGBUS, SIGILL, SIGFPE */
		u8 pad[SIGINFO_SIZE - 12];
	};
};

struct user_ucontext {
	u32 uc_flags;
	u32 uc_link;
	u32 ss_sp;
	s32 ss_flags;
	u32 ss_size;
	struct sigcontext uc_mcontext;
	u64 uc_sigmask;
};

struct sigframe {
	u32 pretcode;
	s32 sig;
	struct sigcontext sc;
	u8 fpstate_unused[112]; /* room Linux keeps for old binaries */
	u32 extramask;		/* the mask's signals 33-64 */
	u8 retcode[8];
};

struct rt_sigframe {
	u32 pretcode;
	s32 sig;
	u32 pinfo;
	u32 puc;
	struct user_siginfo info;
	struct user_ucontext uc;
	u8 retcode[8];
};

_Static_assert(sizeof(struct sigcontext) == 88, "sigcontext is Linux's");
_Static_assert(sizeof(struct user_siginfo) == SIGINFO_SIZE, "siginfo");
_Static_assert(sizeof(struct user_fpstate) == 624, "_fpstate is Linux's");

static void fill_sigcontext(struct sigcontext *sc, const struct pt_regs *regs,
			    u32 fpstate, u64 mask, u32 cr2)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = (u16)regs->gs;
	sc->fs = (u16)regs->fs;
	sc->es = (u16)regs->es;
	sc->ds = (u16)regs->ds;
	sc->edi = regs->edi;
	sc->esi = regs->esi;
	sc->ebp = regs->ebp;
	sc->esp = regs->esp;
	sc->ebx = regs->ebx;
	sc->edx = regs->edx;
	sc->ecx = regs->ecx;
	sc->eax = regs->eax;
	sc->trapno = regs->vector;
	sc->err = regs->error_code;
	sc->eip = regs->eip;
	sc->cs = (u16)regs->cs;
	sc->eflags = regs->eflags;
	sc->esp_at_signal = regs->esp;
	sc->ss = (u16)regs->ss;
	sc->fpstate = fpstate;
	sc->oldmask = (u32)mask;
	sc->cr2 = cr2;
}

static void fill_siginfo(struct user_siginfo *si, int sig,
			 const struct ksiginfo *info)
{
	memset(si, 0, sizeof(*si));
	si->signo = sig;
	si->code = info->code;
	if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
	    sig == SIGTRAP) {
		si->addr = (u32)info->addr;
	} else {
		si->kill.pid = info->pid;
		si->kill.status = info->status;
	}
}

/*
 * Where the frames go: below the interrupted stack pointer, or at the
 * top of the sigaltstack with SA_ONSTACK (unless already on it). The FPU
 * image first, 64-byte aligned; then @size bytes of frame placed so the
 * handler sees ESP + 4 16-byte aligned, as after a call.
 */
static unsigned long frame_address(const struct pt_regs *regs,
				   const struct k_sigaction *ka,
				   unsigned long size, unsigned long *fpstate)
{
	unsigned long sp = regs->esp;

	if ((ka->flags & SA_ONSTACK) && current->sas_ss_size &&
	    !on_sig_stack(sp))
		sp = current->sas_ss_sp + current->sas_ss_size;
	sp -= sizeof(struct user_fpstate);
	sp &= ~(unsigned long)(FPSTATE_ALIGN - 1);
	*fpstate = sp;
	sp -= size;
	return ((sp + 4) & ~15ul) - 4;
}

/* Point the registers at the handler, frame at @frame. */
static void enter_handler(struct pt_regs *regs, const struct k_sigaction *ka,
			  unsigned long frame, int sig, u32 edx, u32 ecx)
{
	regs->esp = frame;
	regs->eip = ka->handler;
	regs->eax = (u32)sig;
	regs->edx = edx;
	regs->ecx = ecx;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->ds = USER_DS;
	regs->es = USER_DS;
	regs->eflags &= ~(EFLAGS_TF | EFLAGS_DF);
	fpu_reset_user();
}

/* The FPU state into the frame's image at @uaddr. */
static int save_fpstate(unsigned long uaddr)
{
	struct user_fpstate uf;

	memset(&uf, 0, sizeof(uf));
	fpu_save_user(&uf);
	return copy_to_user((void __user *)uaddr, &uf, sizeof(uf)) ? -EFAULT :
								    0;
}

static u32 restorer(const struct k_sigaction *ka, unsigned long retcode)
{
	/* glibc and musl always pass one; retcode is for the others. */
	return (ka->flags & SA_RESTORER) ? (u32)ka->restorer : (u32)retcode;
}

static int setup_frame(struct pt_regs *regs, int sig,
		       const struct ksiginfo *info,
		       const struct k_sigaction *ka, u64 oldmask)
{
	unsigned long fp, uframe = frame_address(regs, ka,
						 sizeof(struct sigframe), &fp);
	struct sigframe f;
	/* popl %eax; movl $__NR_sigreturn, %eax; int $0x80 */
	static const u8 code[8] = { 0x58, 0xb8, NR_SIGRETURN, 0, 0, 0, 0xcd,
				    0x80 };

	memset(&f, 0, sizeof(f));
	f.pretcode = restorer(ka, uframe + offsetof(struct sigframe, retcode));
	f.sig = sig;
	fill_sigcontext(&f.sc, regs, (u32)fp, oldmask, (u32)info->addr);
	f.extramask = (u32)(oldmask >> 32);
	memcpy(f.retcode, code, sizeof(code));
	if (save_fpstate(fp) ||
	    copy_to_user((void __user *)uframe, &f, sizeof(f)))
		return -EFAULT;
	enter_handler(regs, ka, uframe, sig, 0, 0);
	return 0;
}

static int setup_rt_frame(struct pt_regs *regs, int sig,
			  const struct ksiginfo *info,
			  const struct k_sigaction *ka, u64 oldmask)
{
	unsigned long fp, uframe = frame_address(regs, ka,
						 sizeof(struct rt_sigframe), &fp);
	struct rt_sigframe f;
	/* movl $__NR_rt_sigreturn, %eax; int $0x80 */
	static const u8 code[8] = { 0xb8, NR_RT_SIGRETURN, 0, 0, 0, 0xcd, 0x80,
				    0 };

	memset(&f, 0, sizeof(f));
	f.pretcode = restorer(ka,
			      uframe + offsetof(struct rt_sigframe, retcode));
	f.sig = sig;
	f.pinfo = (u32)(uframe + offsetof(struct rt_sigframe, info));
	f.puc = (u32)(uframe + offsetof(struct rt_sigframe, uc));
	fill_siginfo(&f.info, sig, info);
	f.uc.ss_sp = (u32)current->sas_ss_sp;
	f.uc.ss_size = (u32)current->sas_ss_size;
	f.uc.ss_flags = on_sig_stack(regs->esp) ? SS_ONSTACK :
			current->sas_ss_size ? 0 : SS_DISABLE;
	fill_sigcontext(&f.uc.uc_mcontext, regs, (u32)fp, oldmask,
			(u32)info->addr);
	f.uc.uc_sigmask = oldmask;
	memcpy(f.retcode, code, sizeof(code));
	if (save_fpstate(fp) ||
	    copy_to_user((void __user *)uframe, &f, sizeof(f)))
		return -EFAULT;
	enter_handler(regs, ka, uframe, sig, f.pinfo, f.puc);
	return 0;
}

int setup_sigframe(struct pt_regs *regs, int sig, const struct ksiginfo *info,
		   const struct k_sigaction *ka, u64 oldmask)
{
	if (ka->flags & SA_SIGINFO)
		return setup_rt_frame(regs, sig, info, ka, oldmask);
	return setup_frame(regs, sig, info, ka, oldmask);
}

/* A data selector the iret path can load: null, user data, or the TLS one. */
static bool data_selector_ok(u16 sel)
{
	if (sel == 0 || sel == USER_DS)
		return true;
	return sel == GDT_ENTRY_TLS * 8 + USER_RPL && current->tls_desc;
}

/* Copy @sc into @regs if it is a context a process may return to. */
static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext *sc)
{
	struct user_fpstate uf;

	if (sc->cs != USER_CS || sc->ss != USER_DS ||
	    !data_selector_ok(sc->ds) || !data_selector_ok(sc->es) ||
	    !data_selector_ok(sc->fs) || !data_selector_ok(sc->gs))
		return -EINVAL;
	if (sc->fpstate) {
		if (copy_from_user(&uf, (const void __user *)sc->fpstate,
				   sizeof(uf)))
			return -EFAULT;
		fpu_restore_user(&uf);
	} else {
		fpu_reset_user();
	}
	regs->gs = sc->gs;
	regs->fs = sc->fs;
	regs->es = sc->es;
	regs->ds = sc->ds;
	regs->edi = sc->edi;
	regs->esi = sc->esi;
	regs->ebp = sc->ebp;
	regs->esp = sc->esp;
	regs->ebx = sc->ebx;
	regs->edx = sc->edx;
	regs->ecx = sc->ecx;
	regs->eax = sc->eax;
	regs->eip = sc->eip;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->eflags = (regs->eflags & ~EFLAGS_USER) | (sc->eflags & EFLAGS_USER);
	/* Its EAX is a result, not a call to restart. */
	current->syscall_nr = -1;
	return 0;
}

long sys_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	unsigned long uframe = regs->esp - 8; /* past pretcode and sig */
	struct sigframe f;

	if (copy_from_user(&f, (const void __user *)uframe, sizeof(f)) ||
	    restore_sigcontext(regs, &f.sc))
		force_sigsegv("bad sigreturn frame");
	set_current_blocked(f.sc.oldmask | ((u64)f.extramask << 32));
	return (long)regs->eax;
}

long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	unsigned long uframe = regs->esp - 4; /* past pretcode */
	struct rt_sigframe f;

	if (copy_from_user(&f, (const void __user *)uframe, sizeof(f)) ||
	    restore_sigcontext(regs, &f.uc.uc_mcontext))
		force_sigsegv("bad rt_sigreturn frame");
	set_current_blocked(f.uc.uc_sigmask);
	return (long)regs->eax;
}
