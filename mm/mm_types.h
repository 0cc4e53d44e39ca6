/* SPDX-License-Identifier: MIT */
/*
 * A process's address space: struct mm_struct and its VMAs.
 *
 * The user half (0 .. TASK_SIZE, three gigabytes) is translated by three
 * page directories of the process's own, allocated with the mm and kept
 * for its whole life (as Linux does for PAE: a PDPT entry the CPU has
 * cached cannot be changed without a CR3 reload). The fourth PDPT entry
 * is the kernel's swapper_pg_dir, the same in every process. The page
 * tables (PTE pages) below the directories come and go with the
 * mappings; they come from HighMem unless highpte=off, and the kernel
 * reaches them only through kmap_local (mm/memory.c).
 *
 * Locking: mmap_lock (a mutex: a fault may sleep for memory) protects
 * the VMA tree and list, the page tables and brk. Only the process's own
 * task changes them, or the kernel acting on its behalf (exec, exit, a
 * fork copying the parent); `maps` in the shell takes it to read. The
 * RSS counters and cpu_mask are atomics, read without the lock.
 */
#ifndef MM_MM_TYPES_H
#define MM_MM_TYPES_H

#include "kernel/lib/list.h"
#include "kernel/lib/rbtree.h"
#include "kernel/mutex.h"
#include <asm/atomic.h>
#include <asm/pgtable.h>

#define TASK_SIZE PAGE_OFFSET	     /* the user half ends where the kernel starts */
#define USER_PGDS 3		     /* PDPT entries of the user half */
#define STACK_TOP TASK_SIZE	     /* the initial stack grows down from here */
#define STACK_SIZE_MAX (8ul << 20)   /* its VMA: 8 MiB, as Linux's default limit */
#define MMAP_GAP (1ul << 20)	     /* between the stack and the mmap area */
#define MMAP_MIN_ADDR PAGE_SIZE	     /* page 0 is never mapped */
#define MAX_MAP_COUNT 65530	     /* VMAs per process, Linux's default limit */

/* vm_flags */
#define VM_READ 0x0001ul
#define VM_WRITE 0x0002ul
#define VM_EXEC 0x0004ul
#define VM_SHARED 0x0008ul    /* MAP_SHARED: writes go to the file's pages */
#define VM_MAYWRITE 0x0020ul  /* mprotect may add PROT_WRITE */
#define VM_GROWSDOWN 0x0100ul /* the stack (shown as [stack]) */
#define VM_HEAP 0x0200ul      /* the brk area (shown as [heap]) */
#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)

enum mm_counter { MM_ANONPAGES, MM_FILEPAGES, NR_MM_COUNTERS };

struct file;

/*
 * One mapping: [vm_start, vm_end), page aligned, with one protection.
 * A private file mapping maps the file's own page-cache pages read-only
 * until a write copies one (COW). Bytes at and past vm_file_end are not
 * the file's: they read as zero (the .bss tail of an ELF segment), so a
 * page that holds both is a private copy. A shared mapping (VM_SHARED)
 * maps the page-cache pages themselves, writable if the mapping is: a
 * store is seen by read() at once, and fork shares rather than copies.
 * MAP_SHARED anonymous memory is a shared mapping of a nameless ramfs
 * file, as Linux's is of a shmem one.
 */
struct vm_area_struct {
	unsigned long vm_start, vm_end;
	unsigned long vm_flags;
	struct mm_struct *vm_mm;
	struct rb_node vm_rb;	   /* in mm->mm_rb, by address */
	struct list_head vm_list;  /* in mm->mmap, in address order */
	struct file *vm_file;	   /* NULL: anonymous memory (holds a reference) */
	unsigned long vm_pgoff;	   /* the file page at vm_start */
	unsigned long vm_file_end; /* user address where the file's bytes end */
};

struct mm_struct {
	pteval_t *pgd;		       /* the PDPT (32-byte aligned, below 4 GiB) */
	pteval_t *pmd[USER_PGDS];      /* the user page directories (lowmem) */
	struct rb_root mm_rb;	       /* VMAs by address */
	struct list_head mmap;	       /* VMAs in address order */
	unsigned int map_count;	       /* VMAs */
	struct mutex mmap_lock;
	atomic_t mm_users;	       /* tasks using it (a vfork child shares) */
	unsigned long cpu_mask;	       /* CPUs that may cache its translations */
	bool highpte;		       /* its PTE pages come from HighMem */
	bool lowmem_only;	       /* its pages too come from lowmem (a test) */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk;  /* the heap: [start_brk, brk) */
	unsigned long start_stack;     /* the initial stack pointer */
	unsigned long mmap_base;       /* mmap() searches down from here */
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long total_vm;	       /* pages in VMAs */
	unsigned long hiwater_vm;      /* the most total_vm has been */
	/* Pages mapped, by kind and by where they live (RSS). */
	atomic_t rss[NR_MM_COUNTERS][2]; /* [counter][0: lowmem, 1: HighMem] */
	atomic_t nr_ptes[2];	       /* PTE pages: [0: lowmem, 1: HighMem] */
	unsigned long hiwater_rss[2];  /* the most pages mapped, by place */
};

#endif /* MM_MM_TYPES_H */
