// SPDX-License-Identifier: MIT
/*
 * Page faults on the user half of the address space.
 *
 * From user mode, the fault is the process's: mm/memory.c maps the page
 * if the process's VMAs allow the access, and otherwise the process is
 * killed with SIGSEGV (or by the OOM killer when no page could be had).
 * From kernel mode, a fault on a user address is only legitimate at a
 * user-copy instruction (the exception table): it is served the same
 * way, and if it cannot be, the copy resumes at its fixup and the
 * system call returns -EFAULT. Anything else is a kernel bug, reported
 * by the caller (traps.c) with the full oops.
 */
#include "kernel/debug/bochs.h"
#include "kernel/preempt.h"
#include "kernel/proc/process.h"
#include "mm/mmap.h"
#include <asm/cpu.h>
#include <asm/fault.h>
#include <asm/irqflags.h>
#include <asm/uaccess.h>

static unsigned int fault_flags(u32 err, bool user)
{
	return ((err & PF_WRITE) ? FAULT_FLAG_WRITE : 0) |
	       ((err & PF_INSTR) ? FAULT_FLAG_INSTR : 0) |
	       (user ? FAULT_FLAG_USER : 0);
}

/*
 * bochs.break=fault: stop once a user fault is served, when the PTE page
 * exists and the PTE maps the page, and say where both are.
 */
static void break_at_user_fault(struct mm_struct *mm, unsigned long addr)
{
	pteval_t pmd = mm->pmd[pgd_index(addr)][pmd_index(addr)];
	u64 table = pte_phys(pmd);

	if (likely(!(bochs_break_mask & (1u << BREAK_USER_FAULT))))
		return;
	bochs_break_regs(BREAK_USER_FAULT, addr, (unsigned long)table,
			 "user fault at 0x%08lx in %s (pid %d) served; EDX = its "
			 "PTE page, phys 0x%llx (%s), PTE 0x%016llx; try: page "
			 "0x%08lx, xp /2wx 0x%llx", addr,
			 current->comm, current->pid,
			 (unsigned long long)table,
			 table >= ((u64)max_low_pfn << PAGE_SHIFT) ? "HighMem" :
								      "lowmem",
			 (unsigned long long)user_pte_read(mm, addr),
			 addr & PAGE_MASK,
			 (unsigned long long)(table + pte_index(addr) * 8));
}

bool do_page_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2();
	bool user = user_mode(regs);
	const struct exception_table_entry *fixup = NULL;
	struct mm_struct *mm = current->mm;
	vm_fault_t ret = VM_FAULT_SIGSEGV;

	if (!user) {
		fixup = search_exception_tables(regs->eip);
		if (!fixup)
			return false;
		/* A probe of a kernel address (get_kernel_nofault_u32). */
		if (addr >= TASK_SIZE) {
			regs->eip = fixup->fixup;
			return true;
		}
	}
	if (addr < TASK_SIZE && mm && !in_atomic() &&
	    !(regs->error_code & PF_RSVD)) {
		/* The fault may sleep for memory: only with interrupts on. */
		if (regs->eflags & X86_EFLAGS_IF)
			local_irq_enable();
		ret = handle_mm_fault(mm, addr,
				      fault_flags(regs->error_code, user));
		if (!ret && user)
			break_at_user_fault(mm, addr);
		local_irq_disable();
		if (!ret)
			return true;
	}
	if (user) {
		local_irq_enable();
		if (ret & VM_FAULT_OOM)
			oom_kill_current();
		force_sig_fault(regs, (ret & VM_FAULT_SIGBUS) ? SIGBUS : SIGSEGV,
				addr, "page fault");
		return true; /* its handler runs on the way out */
	}
	/* A user copy that cannot go on: it returns short, the call -EFAULT. */
	if (ret & VM_FAULT_OOM)
		send_signal(current, SIGKILL);
	regs->eip = fixup->fixup;
	return true;
}
