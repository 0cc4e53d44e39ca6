// SPDX-License-Identifier: MIT
/*
 * Address spaces and their VMAs: creating, copying for fork, and
 * destroying an mm; mmap, munmap, mprotect, madvise and brk; the
 * /proc/PID/maps listing.
 *
 * VMAs sit in two structures at once, as in Linux: a red-black tree by
 * address, for find_vma() on every fault, and a list in address order,
 * for walks (fork, exit, maps, the free-area search). Both change only
 * under mmap_lock.
 *
 * New mappings go top-down from mmap_base, just below the stack's 8 MiB
 * and a gap, the layout Linux gives a 32-bit process; the heap (brk)
 * grows up from the end of the program.
 */
#define pr_fmt(fmt) "mm: " fmt

#include "kernel/seq_file.h"
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/printk.h"
#include "mm/gfp.h"
#include "mm/mmap.h"
#include "mm/slab.h"
#include <asm/cpu.h>

#define PDPTE_PRESENT 0x1ull

static struct vm_area_struct *vma_alloc(void)
{
	return kzalloc(sizeof(struct vm_area_struct), GFP_KERNEL);
}

/* A VMA gone from its mm: its file reference goes with it. */
static void vma_free(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	kfree(vma);
}

/* A copy of @vma (fork, a split), with its own file reference. */
static struct vm_area_struct *vma_dup(const struct vm_area_struct *vma)
{
	struct vm_area_struct *copy = vma_alloc();

	if (!copy)
		return NULL;
	*copy = *vma;
	if (copy->vm_file)
		fget(copy->vm_file);
	return copy;
}

/* ---- the VMA tree and list ---- */

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma =
			rb_entry(node, struct vm_area_struct, vm_rb);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *next = find_vma(mm, vma->vm_start);

	while (*link) {
		parent = *link;
		if (vma->vm_start <
		    rb_entry(parent, struct vm_area_struct, vm_rb)->vm_start)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	/* Before the first VMA that ends above it: address order. */
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	vma->vm_mm = mm;
	mm->map_count++;
	mm->total_vm += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
}

static void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	list_del(&vma->vm_list);
	mm->map_count--;
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* Does any VMA overlap [start, end)? */
static bool range_busy(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end;
}

int mmap_region(struct mm_struct *mm, unsigned long addr, unsigned long len,
		unsigned long vm_flags, struct file *file, unsigned long pgoff,
		unsigned long file_end)
{
	struct vm_area_struct *vma;

	if (!len || addr < MMAP_MIN_ADDR || addr + len > TASK_SIZE ||
	    addr + len < addr || range_busy(mm, addr, addr + len))
		return -EINVAL;
	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	vma = vma_alloc();
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_file = file ? fget(file) : NULL;
	vma->vm_pgoff = pgoff;
	vma->vm_file_end = file_end;
	vma_link(mm, vma);
	return 0;
}

/*
 * Split @vma at @addr (strictly inside it): @vma keeps the lower part,
 * the new VMA returned holds the upper one.
 */
static struct vm_area_struct *split_vma(struct mm_struct *mm,
					struct vm_area_struct *vma,
					unsigned long addr)
{
	struct vm_area_struct *upper;

	if (mm->map_count >= MAX_MAP_COUNT)
		return NULL;
	upper = vma_dup(vma);
	if (!upper)
		return NULL;
	upper->vm_start = addr;
	upper->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma_unlink(mm, vma);
	vma->vm_end = addr;
	vma_link(mm, vma);
	vma_link(mm, upper);
	return upper;
}

/*
 * Make [start, end) begin and end on VMA boundaries, splitting the VMAs
 * that straddle them.
 */
static int split_at(struct mm_struct *mm, unsigned long start,
		    unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && vma->vm_start < start && !split_vma(mm, vma, start))
		return -ENOMEM;
	vma = find_vma(mm, end);
	if (vma && vma->vm_start < end && !split_vma(mm, vma, end))
		return -ENOMEM;
	return 0;
}

/* ---- creating and destroying an address space ---- */

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	/*
	 * The PDPT must lie below 4 GiB (CR3 has 32 bits) and be 32-byte
	 * aligned: a lowmem page is both, and leaves room to grow.
	 */
	mm->pgd = (pteval_t *)get_zeroed_page(GFP_KERNEL);
	for (unsigned int i = 0; i < USER_PGDS && mm->pgd; i++) {
		mm->pmd[i] = (pteval_t *)get_zeroed_page(GFP_KERNEL);
		if (!mm->pmd[i])
			goto fail;
		/* meminfo's PageTables counts them; the PDPT is not counted. */
		__set_page_type(virt_to_page(mm->pmd[i]), PGTY_table);
		mm->pgd[i] = (pteval_t)__pa(mm->pmd[i]) | PDPTE_PRESENT;
	}
	if (!mm->pgd)
		goto fail;
	mm->pgd[pgd_index(PAGE_OFFSET)] = (pteval_t)__pa(swapper_pg_dir) |
					  PDPTE_PRESENT;
	mm->mm_rb = (struct rb_root)RB_ROOT;
	INIT_LIST_HEAD(&mm->mmap);
	mutex_init(&mm->mmap_lock, "mmap_lock");
	atomic_set(&mm->mm_users, 1);
	mm->highpte = highpte_default();
	mm->mmap_base = STACK_TOP - STACK_SIZE_MAX - MMAP_GAP;
	return mm;
fail:
	for (unsigned int i = 0; i < USER_PGDS; i++)
		if (mm->pmd[i])
			free_page((unsigned long)mm->pmd[i]);
	if (mm->pgd)
		free_page((unsigned long)mm->pgd);
	kfree(mm);
	return NULL;
}

/* Unmap everything and free the VMAs and page tables. */
static void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;
	struct mmu_gather tlb;

	mutex_lock(&mm->mmap_lock);
	tlb_gather_init(&tlb, mm);
	list_for_each_entry(vma, &mm->mmap, vm_list)
		zap_page_range(&tlb, vma, vma->vm_start, vma->vm_end);
	free_pgtables(&tlb, mm);
	tlb_flush_mmu(&tlb);
	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		vma_unlink(mm, vma);
		vma_free(vma);
	}
	mutex_unlock(&mm->mmap_lock);
}

void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_mmap(mm);
	leave_mm_everywhere(mm);
	for (unsigned int i = 0; i < USER_PGDS; i++) {
		__clear_page_type(virt_to_page(mm->pmd[i]));
		free_page((unsigned long)mm->pmd[i]);
	}
	free_page((unsigned long)mm->pgd);
	kfree(mm);
}

struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	int err = 0;

	if (!mm)
		return NULL;
	mutex_lock(&old->mmap_lock);
	mm->highpte = old->highpte;
	mm->lowmem_only = old->lowmem_only;
	mm->start_code = old->start_code;
	mm->end_code = old->end_code;
	mm->start_data = old->start_data;
	mm->end_data = old->end_data;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->mmap_base = old->mmap_base;
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->env_start = old->env_start;
	mm->env_end = old->env_end;
	list_for_each_entry(vma, &old->mmap, vm_list) {
		struct vm_area_struct *copy = vma_dup(vma);

		if (!copy) {
			err = -ENOMEM;
			break;
		}
		vma_link(mm, copy);
		err = copy_page_range(mm, vma);
		if (err)
			break;
	}
	/* The parent's writable pages are read-only now: drop them from TLBs. */
	flush_tlb_mm_range(old, 0, TASK_SIZE);
	mutex_unlock(&old->mmap_lock);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/* ---- mmap, munmap, mprotect, madvise, brk ---- */

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

/* The highest free range of @len bytes below mmap_base, or 0. */
static unsigned long unmapped_area_topdown(struct mm_struct *mm,
					   unsigned long len)
{
	unsigned long gap_end = mm->mmap_base;
	struct vm_area_struct *vma;

	list_for_each_entry_reverse(vma, &mm->mmap, vm_list) {
		if (vma->vm_end <= gap_end && gap_end - vma->vm_end >= len)
			return gap_end - len;
		gap_end = min(gap_end, vma->vm_start);
	}
	if (gap_end >= MMAP_MIN_ADDR + len)
		return gap_end - len;
	return 0;
}

/* Unmap [start, end), VMA boundaries already split there. */
static void unmap_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start), *next;
	struct mmu_gather tlb;

	tlb_gather_init(&tlb, mm);
	while (vma && vma->vm_start < end) {
		next = vma->vm_list.next == &mm->mmap ? NULL :
			list_entry(vma->vm_list.next, struct vm_area_struct,
				   vm_list);
		zap_page_range(&tlb, vma, vma->vm_start, vma->vm_end);
		vma_unlink(mm, vma);
		vma_free(vma);
		vma = next;
	}
	tlb_flush_mmu(&tlb);
}

static int munmap_locked(struct mm_struct *mm, unsigned long start,
			 unsigned long len)
{
	unsigned long end = start + ALIGN(len, PAGE_SIZE);

	if ((start & ~PAGE_MASK) || !len || end > TASK_SIZE || end < start)
		return -EINVAL;
	if (split_at(mm, start, end))
		return -ENOMEM;
	unmap_range(mm, start, end);
	return 0;
}

/* The VMA flags for mapping @file (or anonymous memory) with @prot, @flags. */
static long mmap_vm_flags(struct file *file, unsigned long prot,
			  unsigned long flags, unsigned long *vm_flags)
{
	unsigned int acc = file ? file->flags & O_ACCMODE : O_RDWR;

	*vm_flags = prot_to_vm_flags(prot) | VM_MAYWRITE;
	if (file && acc == O_WRONLY)
		return -EACCES;
	if ((flags & MAP_SHARED) && !(flags & MAP_PRIVATE)) {
		*vm_flags |= VM_SHARED;
		if (acc == O_RDONLY) {
			if (prot & PROT_WRITE)
				return -EACCES;
			*vm_flags &= ~VM_MAYWRITE;
		}
	}
	return 0;
}

/* Where the mapping goes: @addr if MAP_FIXED or free, else a search. */
static long mmap_place(struct mm_struct *mm, unsigned long *addr,
		       unsigned long len, unsigned long flags)
{
	unsigned long a = *addr;

	if (flags & MAP_FIXED) {
		if ((a & ~PAGE_MASK) || a < MMAP_MIN_ADDR ||
		    a + len > TASK_SIZE || a + len < a)
			return -EINVAL;
		return munmap_locked(mm, a, len);
	}
	if (!a || (a & ~PAGE_MASK) || a < MMAP_MIN_ADDR ||
	    a + len > TASK_SIZE || a + len < a || range_busy(mm, a, a + len)) {
		/* The hint does not fit: search. */
		*addr = unmapped_area_topdown(mm, len);
		if (!*addr)
			return -ENOMEM;
	}
	return 0;
}

unsigned long do_mmap(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags, struct file *file,
		      unsigned long pgoff)
{
	struct file *anon = NULL;
	unsigned long vm_flags;
	long err;

	if (!len || len > TASK_SIZE || !(flags & (MAP_PRIVATE | MAP_SHARED)) ||
	    (!file && !(flags & MAP_ANONYMOUS)))
		return (unsigned long)-EINVAL;
	len = ALIGN(len, PAGE_SIZE);
	if (file && (!file_inode(file) || !S_ISREG(file_inode(file)->i_mode) ||
		     !file_inode(file)->i_sb->s_page_cache))
		return (unsigned long)-ENODEV; /* a device, a pipe, a /proc file */
	if (file && pgoff + (len >> PAGE_SHIFT) < pgoff)
		return (unsigned long)-EOVERFLOW;
	err = mmap_vm_flags(file, prot, flags, &vm_flags);
	if (err)
		return (unsigned long)err;
	if (!file && (vm_flags & VM_SHARED)) {
		/* Shared anonymous memory: a nameless file, as Linux's shmem. */
		anon = file = ramfs_anon_file(len);
		if (!anon)
			return (unsigned long)-ENOMEM;
		pgoff = 0;
	}
	mutex_lock(&mm->mmap_lock);
	err = mmap_place(mm, &addr, len, flags);
	if (!err)
		err = mmap_region(mm, addr, len, vm_flags, file, pgoff,
				  file ? addr + len : 0);
	mutex_unlock(&mm->mmap_lock);
	if (anon)
		fput(anon); /* the VMA holds its own reference */
	return err ? (unsigned long)err : addr;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	int err;

	mutex_lock(&mm->mmap_lock);
	err = munmap_locked(mm, start, len);
	mutex_unlock(&mm->mmap_lock);
	return err;
}

/* Is [start, end) covered by VMAs without a hole? */
static bool range_mapped(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	while (start < end) {
		struct vm_area_struct *vma = find_vma(mm, start);

		if (!vma || vma->vm_start > start)
			return false;
		start = vma->vm_end;
	}
	return true;
}

/* May every VMA of [start, end) be made writable? */
static bool range_may_write(struct mm_struct *mm, unsigned long start,
			    unsigned long end)
{
	for (struct vm_area_struct *vma = find_vma(mm, start);
	     vma && vma->vm_start < end; vma = find_vma(mm, vma->vm_end))
		if ((vma->vm_flags & VM_SHARED) && !(vma->vm_flags & VM_MAYWRITE))
			return false;
	return true;
}

int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot)
{
	unsigned long end = start + ALIGN(len, PAGE_SIZE);
	struct vm_area_struct *vma;
	int err = 0;

	if ((start & ~PAGE_MASK) || end > TASK_SIZE || end < start ||
	    (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (start == end)
		return 0;
	mutex_lock(&mm->mmap_lock);
	if (!range_mapped(mm, start, end)) {
		err = -ENOMEM;
		goto out;
	}
	if ((prot & PROT_WRITE) && !range_may_write(mm, start, end)) {
		err = -EACCES; /* shared, of a file open read-only */
		goto out;
	}
	if (split_at(mm, start, end)) {
		err = -ENOMEM;
		goto out;
	}
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = find_vma(mm, vma->vm_end)) {
		vma->vm_flags = (vma->vm_flags & ~VM_ACCESS_FLAGS) |
				prot_to_vm_flags(prot);
		change_protection(vma, vma->vm_start, vma->vm_end);
	}
out:
	mutex_unlock(&mm->mmap_lock);
	return err;
}

int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len,
	       int advice)
{
	unsigned long end = start + ALIGN(len, PAGE_SIZE);
	struct vm_area_struct *vma;
	struct mmu_gather tlb;
	int err = 0;

	if ((start & ~PAGE_MASK) || end > TASK_SIZE || end < start)
		return -EINVAL;
	if (advice != MADV_DONTNEED)
		return 0; /* advice only: ignoring it is allowed */
	mutex_lock(&mm->mmap_lock);
	if (!range_mapped(mm, start, end)) {
		err = -ENOMEM;
		goto out;
	}
	tlb_gather_init(&tlb, mm);
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = find_vma(mm, vma->vm_end))
		zap_page_range(&tlb, vma, max(start, vma->vm_start),
			       min(end, vma->vm_end));
	tlb_flush_mmu(&tlb);
out:
	mutex_unlock(&mm->mmap_lock);
	return err;
}

/*
 * The heap VMA that ends at @end, or NULL (before the first brk, or
 * when munmap cut the heap's top off: then growing makes a new VMA).
 */
static struct vm_area_struct *heap_vma_ending_at(struct mm_struct *mm,
						 unsigned long end)
{
	struct vm_area_struct *vma = end ? find_vma(mm, end - 1) : NULL;

	return vma && (vma->vm_flags & VM_HEAP) && vma->vm_end == end ? vma
								       : NULL;
}

/* Grow or shrink the heap to end at @newend (page aligned). */
static int set_heap_end(struct mm_struct *mm, unsigned long oldend,
			unsigned long newend)
{
	struct vm_area_struct *heap = heap_vma_ending_at(mm, oldend);

	if (newend < oldend)
		return munmap_locked(mm, newend, oldend - newend);
	if (newend > TASK_SIZE || range_busy(mm, oldend, newend))
		return -ENOMEM;
	if (!heap)
		return mmap_region(mm, oldend, newend - oldend,
				   VM_READ | VM_WRITE | VM_HEAP, NULL, 0, 0);
	vma_unlink(mm, heap);
	heap->vm_end = newend;
	vma_link(mm, heap);
	return 0;
}

unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long oldend, newend;

	mutex_lock(&mm->mmap_lock);
	if (brk < mm->start_brk || brk > TASK_SIZE)
		goto out;
	oldend = ALIGN(mm->brk, PAGE_SIZE);
	newend = ALIGN(brk, PAGE_SIZE);
	if (newend == oldend || !set_heap_end(mm, oldend, newend))
		mm->brk = brk;
out:
	brk = mm->brk;
	mutex_unlock(&mm->mmap_lock);
	return brk;
}

/* ---- /proc/PID/maps ---- */

static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma)
{
	char path[128] = "", line[96];
	struct file *file = vma->vm_file;
	int len;

	if (file && file->f_dentry)
		d_path(file->f_dentry, path, sizeof(path));
	else if (file)
		strlcpy(path, "/dev/zero (deleted)", sizeof(path)); /* as Linux */
	else if (vma->vm_flags & VM_HEAP)
		strlcpy(path, "[heap]", sizeof(path));
	else if (vma->vm_flags & VM_GROWSDOWN)
		strlcpy(path, "[stack]", sizeof(path));
	len = snprintf(line, sizeof(line), "%08lx-%08lx %c%c%c%c %08lx 00:%02x %lu",
		       vma->vm_start, vma->vm_end,
		       (vma->vm_flags & VM_READ) ? 'r' : '-',
		       (vma->vm_flags & VM_WRITE) ? 'w' : '-',
		       (vma->vm_flags & VM_EXEC) ? 'x' : '-',
		       (vma->vm_flags & VM_SHARED) ? 's' : 'p',
		       file ? vma->vm_pgoff << PAGE_SHIFT : 0,
		       file ? file_inode(file)->i_sb->s_dev : 0,
		       file ? file_inode(file)->i_ino : 0ul);
	/* Linux pads the path to column 74. */
	if (path[0])
		seq_printf(m, "%s%*s%s\n", line, len < 73 ? 73 - len : 1, "",
			   path);
	else
		seq_printf(m, "%s\n", line);
}

void show_maps(struct seq_file *m, struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(vma, &mm->mmap, vm_list)
		show_map_vma(m, vma);
	mutex_unlock(&mm->mmap_lock);
}
