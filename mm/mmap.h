/* SPDX-License-Identifier: MIT */
/*
 * Address spaces of user processes: creating, copying and destroying
 * them (mm/mmap.c), their mappings (VMAs), and the page tables and page
 * faults below them (mm/memory.c). See mm/mm_types.h for the structures
 * and their lock.
 */
#ifndef MM_MMAP_H
#define MM_MMAP_H

#include "mm/mm_types.h"

struct page;

/* What a fault was (handle_mm_fault's @flags). */
#define FAULT_FLAG_WRITE 0x1u
#define FAULT_FLAG_INSTR 0x2u
#define FAULT_FLAG_USER 0x4u

/* What came of it: 0 when the page is mapped now. */
typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM 0x1u     /* no memory for the page or its page table */
#define VM_FAULT_SIGSEGV 0x2u /* no mapping there, or not with that access */
#define VM_FAULT_BADMAP 0x4u  /* with SIGSEGV: no mapping at all (not protection) */
#define VM_FAULT_SIGBUS 0x8u  /* a shared file page past the end of the file */

/* mmap()'s protections and flags, Linux's values. */
#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MADV_DONTNEED 4

#define MMU_GATHER_PAGES 64

/*
 * Pages and page tables taken out of an address space, freed only after
 * every CPU that ran it has flushed its TLB (tlb_flush_mmu).
 */
struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end; /* the user range to flush */
	unsigned int nr, nr_tables;
	struct page *pages[MMU_GATHER_PAGES];
	struct page *tables[MMU_GATHER_PAGES];
};

/**
 * mm_alloc - a new, empty address space: PDPT, three user page directories
 *
 * The kernel's gigabyte is already in it (swapper_pg_dir).
 * Context: thread; may sleep.
 * Return: the mm with mm_users 1, or NULL.
 */
struct mm_struct *mm_alloc(void);

/**
 * mmput - drop a user of @mm; the last one frees everything it maps
 * @mm: an address space
 *
 * The last user's call unmaps every VMA, frees the pages and page
 * tables, makes every CPU that still has @mm loaded switch away, and
 * frees the directories.
 * Context: thread; may sleep; not holding @mm's mmap_lock.
 */
void mmput(struct mm_struct *mm);

/**
 * dup_mm - a copy of @old for fork: the same VMAs, the pages shared
 * copy-on-write
 * @old: the parent's address space
 *
 * Context: thread; takes @old's mmap_lock; may sleep.
 * Return: the child's mm, or NULL (no memory; nothing is left behind).
 */
struct mm_struct *dup_mm(struct mm_struct *old);

/**
 * find_vma - the first VMA that ends above @addr
 * @mm: the address space
 * @addr: a user address
 *
 * It contains @addr only if its vm_start <= @addr.
 * Context: mmap_lock held.
 * Return: the VMA, or NULL.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/**
 * mmap_region - map [@addr, @addr + @len) with @vm_flags
 * @mm: the address space
 * @addr: page aligned; the range must be free
 * @len: page aligned, not 0
 * @vm_flags: VM_READ, VM_WRITE, VM_EXEC, VM_GROWSDOWN, VM_HEAP
 * @file: the file for a private file mapping, or NULL (anonymous)
 * @pgoff: the file page at @addr
 * @file_end: where the file's bytes end (zeros after)
 *
 * Nothing is mapped until first touched.
 * Context: mmap_lock held; may sleep.
 * Return: 0, -ENOMEM (no memory, or the range is not free: -EINVAL).
 */
int mmap_region(struct mm_struct *mm, unsigned long addr, unsigned long len,
		unsigned long vm_flags, struct file *file, unsigned long pgoff,
		unsigned long file_end);

/**
 * do_mmap - mmap(2): anonymous memory, or a file's pages
 * @mm: the caller's address space
 * @addr: a hint, or with MAP_FIXED the place (anything there is unmapped)
 * @len: bytes (rounded up to pages)
 * @prot: PROT_*
 * @flags: MAP_PRIVATE or MAP_SHARED, MAP_ANONYMOUS, MAP_FIXED
 * @file: the file to map (a regular file), or NULL with MAP_ANONYMOUS
 * @pgoff: the file page at @addr
 *
 * Context: thread; takes mmap_lock.
 * Return: the address, or a negative errno cast to unsigned long
 * (-EACCES: a shared writable mapping of a file not open for writing).
 */
unsigned long do_mmap(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags, struct file *file,
		      unsigned long pgoff);

/**
 * do_munmap - munmap(2): unmap [@start, @start + @len), splitting VMAs
 * @mm: the caller's address space
 * @start: page aligned
 * @len: bytes (rounded up to pages)
 *
 * Context: thread; takes mmap_lock.
 * Return: 0, -EINVAL, -ENOMEM (no memory to split a VMA).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);

/**
 * do_mprotect - mprotect(2)
 * @mm: the caller's address space
 * @start: page aligned
 * @len: bytes (rounded up to pages)
 * @prot: PROT_*
 *
 * Context: thread; takes mmap_lock.
 * Return: 0, -EINVAL, -ENOMEM (a page in the range is not mapped, or no
 * memory to split a VMA).
 */
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot);

/**
 * do_madvise - madvise(2); only MADV_DONTNEED does anything
 * @mm: the caller's address space
 * @start: page aligned
 * @len: bytes
 * @advice: MADV_*
 *
 * MADV_DONTNEED drops the pages: anonymous memory reads back as zeros.
 * Context: thread; takes mmap_lock.
 * Return: 0, -EINVAL, -ENOMEM (a hole in the range).
 */
int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len,
	       int advice);

/**
 * do_brk - brk(2): move the end of the heap to @brk
 * @mm: the caller's address space
 * @brk: the new end; 0 (or anything refused) asks for the current one
 *
 * Context: thread; takes mmap_lock.
 * Return: the end of the heap after the call (Linux's brk returns it).
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);

/**
 * handle_mm_fault - map the page at @addr, or say why not
 * @mm: the faulting address space
 * @addr: the user address
 * @flags: FAULT_FLAG_*
 *
 * Context: thread, interrupts on; takes mmap_lock; may sleep.
 * Return: 0, or VM_FAULT_OOM / VM_FAULT_SIGSEGV.
 */
vm_fault_t handle_mm_fault(struct mm_struct *mm, unsigned long addr,
			   unsigned int flags);

/**
 * handle_mm_fault_locked - handle_mm_fault with mmap_lock already held
 * @mm: the address space
 * @addr: the user address
 * @flags: FAULT_FLAG_*
 *
 * Context: mmap_lock held; may sleep.
 * Return: as handle_mm_fault.
 */
vm_fault_t handle_mm_fault_locked(struct mm_struct *mm, unsigned long addr,
				  unsigned int flags);

/**
 * populate_page - fault in the page at @addr as a user access would
 * @mm: the address space
 * @addr: the user address
 * @write: for writing
 *
 * Context: mmap_lock held; may sleep.
 * Return: 0, -ENOMEM or -EFAULT.
 */
int populate_page(struct mm_struct *mm, unsigned long addr, bool write);

/**
 * user_pte_read - the PTE that maps @addr in @mm (0 if none)
 * @mm: the address space
 * @addr: a user address
 *
 * Maps the page table with kmap_local for the read.
 * Context: mmap_lock held, or a snapshot for a report.
 * Return: the PTE value.
 */
pteval_t user_pte_read(struct mm_struct *mm, unsigned long addr);

/**
 * access_remote_vm - copy @len bytes at user address @addr of @mm
 * @mm: any process's address space, held by a reference (get_task_mm)
 * @addr: the user address
 * @buf: kernel memory to copy into
 * @len: how many bytes
 *
 * Never goes through the caller's address space: each page is found
 * in @mm's page tables (faulted in if need be, as a read by the
 * process would), mapped with kmap_local and copied, under @mm's
 * mmap_lock, which keeps the page from being unmapped meanwhile (the
 * reference keeps the mm itself). /proc/PID/cmdline reads through it.
 * Context: thread; takes mmap_lock; may sleep.
 * Return: the bytes copied; fewer than @len where a page cannot be read.
 */
size_t access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
			size_t len);

/**
 * tlb_gather_init - start gathering pages to free from @mm
 * @tlb: the gather
 * @mm: the address space being unmapped
 *
 * Context: mmap_lock held.
 */
void tlb_gather_init(struct mmu_gather *tlb, struct mm_struct *mm);

/**
 * tlb_flush_mmu - flush the gathered range from every CPU's TLB, then
 * free the gathered pages and page tables
 * @tlb: the gather
 *
 * Context: mmap_lock held; interrupts on.
 */
void tlb_flush_mmu(struct mmu_gather *tlb);

/**
 * zap_page_range - unmap the pages of [@start, @end) of @vma into @tlb
 * @tlb: the gather (the pages are freed at its next flush)
 * @vma: the mapping
 * @start: page aligned, inside @vma
 * @end: page aligned, inside @vma
 *
 * Context: mmap_lock held.
 */
void zap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		    unsigned long start, unsigned long end);

/**
 * free_pgtables - take every PTE page out of @mm into @tlb
 * @tlb: the gather
 * @mm: an address space with no page mapped any more
 *
 * Context: mmap_lock held, or the last user.
 */
void free_pgtables(struct mmu_gather *tlb, struct mm_struct *mm);

/**
 * change_protection - rewrite the PTEs of [@start, @end) for @vma's flags
 * @vma: the mapping, with its new vm_flags
 * @start: page aligned
 * @end: page aligned
 *
 * A page stays writable only if it was (COW pages stay protected).
 * Context: mmap_lock held.
 */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end);

/**
 * copy_page_range - share @vma's pages with @dst, copy-on-write
 * @dst: the child's address space
 * @vma: the parent's mapping
 *
 * Context: both mmap_locks held (the child's is private).
 * Return: 0 or -ENOMEM.
 */
int copy_page_range(struct mm_struct *dst, struct vm_area_struct *vma);

/**
 * highpte_default - do new address spaces take PTE pages from HighMem?
 *
 * Context: any. Return: false with highpte=off.
 */
bool highpte_default(void);

/**
 * highpte_init - check that page tables may live above 4 GiB here
 *
 * Probes the CPU once (see mm/memory.c); turns highpte off, with a
 * warning, where the page-table walk cannot reach above 4 GiB.
 * Context: boot work, before the first process.
 */
void highpte_init(void);

/**
 * mm_rss - pages mapped in @mm, of a kind and a place
 * @mm: the address space
 * @c: MM_ANONPAGES or MM_FILEPAGES
 * @high: true for those in HighMem, false for lowmem
 *
 * Context: any (atomic counters).
 * Return: the count.
 */
static inline unsigned long mm_rss(struct mm_struct *mm, enum mm_counter c,
				   bool high)
{
	return (unsigned long)atomic_read(&mm->rss[c][high]);
}

struct seq_file;

/**
 * show_maps - print @mm's VMAs as Linux's /proc/PID/maps does
 * @m: where the text goes
 * @mm: the address space (the caller holds a reference: get_task_mm)
 *
 * The text of /proc/PID/maps (proc_pid_maps_show) and of the shell's
 * `maps PID`.
 * Context: thread; takes mmap_lock.
 */
void show_maps(struct seq_file *m, struct mm_struct *mm);

/**
 * flush_tlb_mm_range - drop [@start, @end) of @mm from every TLB that
 * may hold it
 * @mm: the address space
 * @start: user address
 * @end: user address, exclusive
 *
 * Only the CPUs in @mm's cpu_mask get an IPI: the ones that ran it
 * since they last switched to another address space.
 * Context: thread or any with interrupts on (kernel/arch/x86/tlb.c).
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);

/**
 * switch_mm_irqs_off - load @next's page tables on this CPU
 * @next: the address space of the thread switched to; NULL for a kernel
 *        thread, which borrows whatever is loaded (lazy TLB)
 *
 * A CR3 write: the user TLB entries go, the global kernel ones stay.
 * Context: the scheduler, interrupts off.
 */
void switch_mm_irqs_off(struct mm_struct *next);

/**
 * leave_mm_everywhere - make every CPU that has @mm loaded switch to the
 * kernel's page tables
 * @mm: an address space nobody uses any more
 *
 * Context: thread, interrupts on.
 */
void leave_mm_everywhere(struct mm_struct *mm);

/**
 * loaded_mm - the address space whose user half this CPU translates
 *
 * Context: preemption off. Return: the mm, or NULL (the kernel's alone).
 */
struct mm_struct *loaded_mm(void);

#endif /* MM_MMAP_H */
