// SPDX-License-Identifier: MIT
/*
 * execve: replace a process's program with a static ELF executable from
 * the initramfs, and start one from the kernel (process_spawn).
 *
 * The new address space is built whole before the old one is dropped,
 * so a failed exec leaves the caller as it was:
 *   1. elf_parse() checks the headers (kernel/proc/elf.c);
 *   2. each PT_LOAD becomes a private file mapping of the file's pages,
 *      with zeros past p_filesz (the .bss); nothing is read yet;
 *   3. the stack VMA (8 MiB, demand paged) gets Linux's initial stack:
 *      argc, argv[], envp[], the auxiliary vector, then the strings and
 *      16 random bytes (AT_RANDOM) near the top;
 *   4. the process switches to the new mm; the old one is put.
 * Step 3 writes through copy_to_user with the new mm loaded, so the
 * stack pages come in by the ordinary page-fault path.
 */
#define pr_fmt(fmt) "exec: " fmt

#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/proc/elf.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "kernel/wait.h"
#include "mm/gfp.h"
#include "mm/mmap.h"
#include "mm/slab.h"
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/segment.h>
#include <asm/uaccess.h>

#define ARG_PAGES_ORDER 3 /* 32 KiB for argv and envp strings together */
#define ARG_SPACE (PAGE_SIZE << ARG_PAGES_ORDER)
#define MAX_ARG_STRINGS 512

#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_EXECFN 31
#define NR_AUXV 18 /* entries written, AT_NULL included */

/* argv and envp, copied into the kernel before the old program goes. */
struct exec_args {
	char *space;  /* ARG_SPACE bytes: the strings, one after the other */
	size_t used;
	const char *argv[MAX_ARG_STRINGS + 1];
	const char *envp[MAX_ARG_STRINGS + 1];
	int argc, envc;
};

static u32 exec_random_state;

/* 16 bytes for AT_RANDOM: not cryptographic, different at each exec. */
static void fill_random(u8 out[16])
{
	u32 x = exec_random_state ^ (u32)rdtsc();

	for (int i = 0; i < 16; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		out[i] = (u8)x;
	}
	exec_random_state = x;
}

static unsigned long vm_flags_of(unsigned int prot)
{
	return ((prot & ELF_PROT_READ) ? VM_READ : 0) |
	       ((prot & ELF_PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & ELF_PROT_EXEC) ? VM_EXEC : 0);
}

/* The VMAs of the program's segments and its stack. */
static int map_program(struct mm_struct *mm, struct file *file,
		       const struct elf_image *img)
{
	unsigned long stack_flags = VM_READ | VM_WRITE | VM_GROWSDOWN;
	int err;

	for (unsigned int i = 0; i < img->nr_loads; i++) {
		const struct elf_load *l = &img->load[i];
		unsigned long start = ALIGN_DOWN((unsigned long)l->vaddr,
						 PAGE_SIZE);
		unsigned long end = ALIGN((unsigned long)l->vaddr + l->memsz,
					  PAGE_SIZE);
		unsigned long pgoff = (l->offset - (l->vaddr - start)) >>
				      PAGE_SHIFT;

		err = mmap_region(mm, start, end - start, vm_flags_of(l->prot),
				  l->filesz ? file : NULL, pgoff,
				  (unsigned long)l->vaddr + l->filesz);
		if (err)
			return err;
		if (l->prot & ELF_PROT_EXEC) {
			mm->start_code = start;
			mm->end_code = (unsigned long)l->vaddr + l->filesz;
		} else if (l->prot & ELF_PROT_WRITE) {
			mm->start_data = start;
			mm->end_data = (unsigned long)l->vaddr + l->filesz;
		}
	}
	mm->start_brk = mm->brk = img->end;
	if (img->exec_stack)
		stack_flags |= VM_EXEC;
	return mmap_region(mm, STACK_TOP - STACK_SIZE_MAX, STACK_SIZE_MAX,
			   stack_flags, NULL, 0, 0);
}

/* Push @len bytes at *@sp (growing down). */
static int push_bytes(unsigned long *sp, const void *data, size_t len)
{
	*sp -= len;
	return copy_to_user((void __user *)*sp, data, len) ? -EFAULT : 0;
}

/* Push the strings of @v, recording their user addresses in @uv. */
static int push_strings(unsigned long *sp, const char *const *v, int n,
			u32 *uv)
{
	for (int i = n - 1; i >= 0; i--) {
		if (push_bytes(sp, v[i], strlen(v[i]) + 1))
			return -EFAULT;
		uv[i] = (u32)*sp;
	}
	uv[n] = 0;
	return 0;
}

/* Linux's initial stack, in the new mm (loaded). Returns the new esp. */
struct exec_vec {
	const char *const *argv, *const *envp;
	int argc, envc;
};

static int build_stack(struct mm_struct *mm, const struct exec_vec *a,
		       const struct elf_image *img, const char *path,
		       unsigned long *esp)
{
	static const char platform[] = "i686";
	unsigned long sp = STACK_TOP, execfn, plat, rnd;
	u32 *vec, auxv[NR_AUXV * 2], *p;
	size_t words = 1 + (size_t)a->argc + 1 + (size_t)a->envc + 1;
	u8 random[16];
	int err = -EFAULT;

	vec = kmalloc((words + 2) * sizeof(u32), GFP_KERNEL);
	if (!vec)
		return -ENOMEM;
	if (push_bytes(&sp, path, strlen(path) + 1))
		goto out;
	execfn = sp;
	if (push_strings(&sp, a->envp, a->envc, vec + 2 + a->argc) ||
	    push_strings(&sp, a->argv, a->argc, vec + 1))
		goto out;
	/* The argv strings sit just below the environment strings. */
	mm->arg_start = vec[1] ? vec[1] : sp;
	mm->env_start = vec[2 + a->argc] ? vec[2 + a->argc] : execfn;
	mm->arg_end = mm->env_start;
	mm->env_end = execfn;
	if (push_bytes(&sp, platform, sizeof(platform)))
		goto out;
	plat = sp;
	fill_random(random);
	if (push_bytes(&sp, random, sizeof(random)))
		goto out;
	rnd = sp;
	p = auxv;
#define AUX(type, val) (*p++ = (type), *p++ = (u32)(val))
	AUX(AT_PHDR, img->phdr);
	AUX(AT_PHENT, img->phent);
	AUX(AT_PHNUM, img->phnum);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, img->entry);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_PLATFORM, plat);
	AUX(AT_HWCAP, cpuid(1).edx);
	AUX(AT_CLKTCK, 100);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, rnd);
	AUX(AT_EXECFN, execfn);
	AUX(AT_NULL, 0);
#undef AUX
	/* argc, argv[], NULL, envp[], NULL, auxv: 16-byte aligned at argc. */
	sp -= sizeof(auxv) + words * sizeof(u32);
	sp &= ~15ul;
	vec[0] = (u32)a->argc;
	if (copy_to_user((void __user *)sp, vec, words * sizeof(u32)) ||
	    copy_to_user((void __user *)(sp + words * sizeof(u32)), auxv,
			 sizeof(auxv)))
		goto out;
	*esp = sp;
	err = 0;
out:
	kfree(vec);
	return err;
}

static void set_current_mm(struct mm_struct *mm)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	current->mm = mm;
	switch_mm_irqs_off(mm);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* The registers a new program starts with: all zero but these. */
static void start_thread(struct pt_regs *regs, unsigned long eip,
			 unsigned long esp)
{
	memset(regs, 0, sizeof(*regs));
	regs->eip = (u32)eip;
	regs->esp = (u32)esp;
	regs->cs = USER_CS;
	regs->ss = regs->ds = regs->es = USER_DS;
	regs->eflags = X86_EFLAGS_IF | 0x2;
}

/* What execve keeps and resets of the process (not its address space). */
static void flush_old_exec(const char *path)
{
	const char *base = strrchr(path, '/');
	struct task_struct *task = current;

	vfork_release(task);
	files_close_on_exec(task->files);
	for (int i = 0; i < NSIG; i++)
		if (task->sighand->action[i].handler != SIG_IGN)
			memset(&task->sighand->action[i], 0,
			       sizeof(task->sighand->action[i]));
	strlcpy(task->comm, base ? base + 1 : path, sizeof(task->comm));
	task->tls_desc = 0;
	task->sas_ss_sp = 0;
	task->sas_ss_size = 0;
	preempt_disable();
	load_tls(0);
	fpu_init_state(&task->fpu);
	fpu_restore(&task->fpu);
	preempt_enable();
}

/*
 * The program file at @path, open for reading, if it may be executed:
 * a regular file with an x bit (checked before it is opened, so that no
 * device's open runs for an exec).
 */
static int open_exec(const char *path, struct file **filp)
{
	struct dentry *d;
	unsigned int mode;
	int err = path_lookup(path, LOOKUP_FOLLOW, &d);

	if (err)
		return err;
	mode = d->d_inode->i_mode;
	err = S_ISREG(mode) && (mode & 0111) && d->d_inode->i_sb->s_page_cache ?
		      dentry_open(d, O_RDONLY, filp) :
		      -EACCES;
	dput(d);
	return err;
}

#define MAX_INTERP_DEPTH 4
#define BINPRM_BUF 128

static int exec_depth(const char *path, const char *name,
		      const char *const argv[], const char *const envp[],
		      struct pt_regs *regs, int depth);

/*
 * A "#!" script: run its interpreter with the script's path as its
 * argument, after the interpreter's own optional one, as Linux's
 * binfmt_script does.
 */
static int exec_script(const char *path, const char *head, size_t len,
		       const char *const argv[], const char *const envp[],
		       struct pt_regs *regs, int depth)
{
	char line[BINPRM_BUF];
	const char **nargv;
	char *interp, *arg = NULL, *p;
	int n = 0, err;

	if (depth >= MAX_INTERP_DEPTH)
		return -ELOOP;
	len = min(len, sizeof(line) - 1);
	memcpy(line, head + 2, len - 2);
	line[len - 2] = '\0';
	p = strchrnul(line, '\n');
	*p = '\0';
	for (interp = line; *interp == ' ' || *interp == '\t'; interp++)
		;
	if (!*interp)
		return -ENOEXEC;
	for (p = interp; *p && *p != ' ' && *p != '\t'; p++)
		;
	if (*p) {
		*p++ = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p) {
			arg = p;
			/* The rest of the line is one argument, less trailing blanks. */
			for (p += strlen(p); p > arg && (p[-1] == ' ' || p[-1] == '\t'); )
				*--p = '\0';
		}
	}
	nargv = kmalloc((MAX_ARG_STRINGS + 1) * sizeof(*nargv), GFP_KERNEL);
	if (!nargv)
		return -ENOMEM;
	nargv[n++] = interp;
	if (arg)
		nargv[n++] = arg;
	nargv[n++] = path;
	for (int i = 1; argv && argv[i]; i++) {
		if (n >= MAX_ARG_STRINGS) {
			kfree(nargv);
			return -E2BIG;
		}
		nargv[n++] = argv[i];
	}
	nargv[n] = NULL;
	/* Its name stays the script's (comm, AT_EXECFN), as in Linux. */
	err = exec_depth(interp, path, nargv, envp, regs, depth + 1);
	kfree(nargv);
	return err;
}

/*
 * Exec @path; @name is what the process will be called (the script's
 * name when @path is its interpreter).
 */
static int exec_depth(const char *path, const char *name,
		      const char *const argv[], const char *const envp[],
		      struct pt_regs *regs, int depth)
{
	struct exec_vec a = { argv, envp, 0, 0 };
	struct mm_struct *old = current->mm, *mm;
	struct elf_image img;
	struct file *file;
	const char *why = "";
	unsigned long sp;
	size_t len;
	char *head;
	int err;

	while (argv && argv[a.argc])
		a.argc++;
	while (envp && envp[a.envc])
		a.envc++;
	err = open_exec(path, &file);
	if (err)
		return err;
	head = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!head) {
		fput(file);
		return -ENOMEM;
	}
	len = kernel_read(file_inode(file), 0, head, PAGE_SIZE);
	if (len > 2 && head[0] == '#' && head[1] == '!') {
		fput(file);
		err = exec_script(path, head, len, argv, envp, regs, depth);
		kfree(head);
		return err;
	}
	err = elf_parse(head, len, i_size_read(file_inode(file)), TASK_SIZE,
			&img, &why);
	kfree(head);
	if (err) {
		pr_info("%s: %s\n", path, why);
		fput(file);
		return err;
	}
	mm = mm_alloc();
	if (!mm) {
		fput(file);
		return -ENOMEM;
	}
	if (old) {
		mm->highpte = old->highpte;
		mm->lowmem_only = old->lowmem_only;
	} else if (current->spawn_opts) {
		mm->highpte &= !current->spawn_opts->lowpte;
		mm->lowmem_only = current->spawn_opts->lowmem;
	}
	mutex_lock(&mm->mmap_lock);
	err = map_program(mm, file, &img);
	mutex_unlock(&mm->mmap_lock);
	fput(file); /* the mappings hold their own references */
	if (!err) {
		set_current_mm(mm);
		err = build_stack(mm, &a, &img, name, &sp);
	}
	if (err) {
		set_current_mm(old);
		mmput(mm);
		return err;
	}
	mm->start_stack = sp;
	if (old)
		mmput(old);
	current->is_process = true;
	flush_old_exec(name);
	start_thread(regs, img.entry, sp);
	return 0;
}

int do_execve(const char *path, const char *const argv[],
	      const char *const envp[], struct pt_regs *regs)
{
	return exec_depth(path, path, argv, envp, regs, 0);
}

/* ---- execve(2) ---- */

/* Copy the user's NULL-terminated array of strings @uv into @a. */
static int copy_strings(struct exec_args *a, unsigned long uv,
			const char **out, int *n)
{
	*n = 0;
	for (; uv; uv += sizeof(u32)) {
		u32 up;
		long len;

		if (get_user_u32(&up, (const u32 __user *)uv))
			return -EFAULT;
		if (!up)
			break;
		if (*n == MAX_ARG_STRINGS)
			return -E2BIG;
		len = strncpy_from_user(a->space + a->used,
					(const char __user *)up,
					(long)(ARG_SPACE - a->used));
		if (len < 0)
			return (int)len;
		if ((size_t)len == ARG_SPACE - a->used)
			return -E2BIG;
		out[(*n)++] = a->space + a->used;
		a->used += (size_t)len + 1;
	}
	out[*n] = NULL;
	return 0;
}

long sys_execve(long upath, long uargv, long uenvp)
{
	struct exec_args *a = kzalloc(sizeof(*a), GFP_KERNEL);
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	long err = -ENOMEM, len;

	if (!a || !path)
		goto out;
	a->space = (char *)__get_free_pages(GFP_KERNEL, ARG_PAGES_ORDER);
	if (!a->space)
		goto out;
	len = strncpy_from_user(path, (const char __user *)upath, PATH_MAX);
	err = len < 0 ? len : len == PATH_MAX ? -ENAMETOOLONG : 0;
	if (!err)
		err = copy_strings(a, (unsigned long)uargv, a->argv, &a->argc);
	if (!err)
		err = copy_strings(a, (unsigned long)uenvp, a->envp, &a->envc);
	if (!err)
		err = do_execve(path, a->argv, a->envp, task_pt_regs(current));
out:
	if (a && a->space)
		free_pages((unsigned long)a->space, ARG_PAGES_ORDER);
	kfree(a);
	kfree(path);
	return err;
}

/* ---- starting a process from the kernel ---- */

/*
 * What the spawner hands its new thread, on the spawner's stack: it is
 * gone as soon as the spawner sees the result, so the thread touches
 * nothing of it after writing the result but the spawner's task (the
 * thread table is never freed).
 */
struct spawn {
	const char *path;
	const char *const *argv, *const *envp;
	const struct spawn_opts *opts;
	struct task_struct *spawner;
	int result; /* 1 while running the exec */
};

asmlinkage void enter_user_mode(struct pt_regs *regs);

/* The new process's thread: become a process, exec, enter user mode. */
static int spawn_thread(void *arg)
{
	struct spawn *s = arg;
	struct task_struct *task = current, *spawner;
	int err = -ENOMEM;

	task->is_process = true;
	/* Started by the kernel: the leader of a session and group of its own. */
	task->pgrp = task->session = task->pid;
	task->files = files_alloc();
	task->cwd = NULL; /* "/" */
	task->umask = 022;
	task->sighand = kzalloc(sizeof(*task->sighand), GFP_KERNEL);
	if (task->files && task->sighand) {
		for (int fd = 0; fd < 3; fd++) {
			struct file *f = console_file();

			if (!f || fd_install(f, false) != fd) {
				err = -ENOMEM;
				break;
			}
			err = 0;
		}
	}
	task->spawn_opts = s->opts;
	if (!err)
		err = do_execve(s->path, s->argv, s->envp, task_pt_regs(task));
	task->spawn_opts = NULL;
	spawner = s->spawner;
	smp_mb(); /* everything read from *s before the result lets it go */
	WRITE_ONCE(s->result, err);
	wake_up_process(spawner);
	if (err)
		do_exit(127 << 8);
	enter_user_mode(task_pt_regs(task));
	return 0;
}

int process_spawn_opts(const char *path, const char *const argv[],
		       const char *const envp[], const struct spawn_opts *opts)
{
	struct spawn s = { path, argv, envp, opts, current, 1 };
	struct task_struct *task;
	int pid, status;

	task = kthread_create(spawn_thread, &s, "spawn");
	if (!task)
		return -EAGAIN;
	process_link_child(task);
	pid = task->pid;
	wake_up_new_task(task);
	for (;;) {
		set_current_state(TASK_SLEEPING);
		if (READ_ONCE(s.result) != 1)
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	if (s.result) {
		process_wait(pid, &status, NULL);
		return s.result;
	}
	return pid;
}

int process_spawn(const char *path, const char *const argv[],
		  const char *const envp[])
{
	return process_spawn_opts(path, argv, envp, NULL);
}
