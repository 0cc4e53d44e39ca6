// SPDX-License-Identifier: MIT
/*
 * User page tables and page faults.
 *
 * A process's PTE pages come from HighMem (Linux's CONFIG_HIGHPTE), so
 * the kernel has no permanent address for them: every walk maps the
 * page table it needs with kmap_local_page for the few instructions it
 * reads or writes there, and unmaps it. highpte=off takes them from
 * lowmem instead, for comparison; the code is the same (kmap_local of a
 * lowmem page is its direct-map address).
 *
 * Pages are mapped on first touch (demand paging):
 *   - anonymous memory (heap, stack, mmap): a zeroed page from
 *     GFP_HIGHUSER, zeroed through kmap_local;
 *   - a file mapping: the file's own page, read-only, while the access
 *     is a read and the page holds only file bytes; otherwise a private
 *     copy (written to, or the page where the file's bytes end and the
 *     zeroed .bss begins);
 *   - a write to a page shared after fork: copy-on-write, unless this
 *     process holds the only reference to an anonymous page, which is
 *     then simply made writable.
 *
 * Pages leave a process through a struct mmu_gather: the PTEs are
 * cleared, the TLBs of every CPU that ran the address space are flushed,
 * and only then are the pages freed, so no CPU can write to a page that
 * already belongs to someone else.
 *
 * Every function here runs with mm->mmap_lock held (mm/mm_types.h).
 */
#define pr_fmt(fmt) "mm: " fmt

#include "kernel/cmdline.h"
#include "kernel/debug/panic.h"
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "highmem/highmem.h"
#include "mm/gfp.h"
#include "mm/mmap.h"
#include "mm/page.h"
#include "mm/vmstat.h"
#include <asm/tlbflush.h>
#include <asm/uaccess.h>

#define PDE_USER_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)

/* highpte=off: user page tables in lowmem (Linux's CONFIG_HIGHPTE=n). */
static bool highpte = true;

BOOT_PARAM_FLAG("highpte", highpte,
		"highpte=off      user page tables in lowmem, not HighMem");

bool highpte_default(void)
{
	return highpte;
}

#define PROBE_MAGIC 0x48505445u /* "HPTE" */
#define PROBE_TRIES 4096 /* 16 MiB of HighMem at most */

/*
 * Can this CPU walk to a page table that lies above 4 GiB? PAE allows
 * it, and Linux's HIGHPTE relies on it, but QEMU's qemu-system-i386
 * before 8.2 cuts the page-table walk's addresses to 32 bits: a PDE
 * pointing above 4 GiB then reads its PTEs from the wrong page. Map a
 * known page through such a table at a free kernel address (the hole
 * after the direct map) and read it back.
 */
static bool high_pgtable_walk_works(void)
{
	unsigned long va = ALIGN(high_memory, PMD_SIZE);
	pteval_t *pmd = &swapper_pg_dir[pmd_index(va)], *table;
	struct page *pt = NULL, *page, *next, *target;
	unsigned int tries = 0;
	LIST_HEAD(below);
	u32 *magic, seen = 0;
	bool ok = true;

	if (va + PMD_SIZE > VMALLOC_START || (*pmd & _PAGE_PRESENT))
		return true; /* no free 2 MiB to probe with */
	/* A HighMem page above 4 GiB; the ones below wait on a list. */
	while (!pt && tries++ < PROBE_TRIES && (page = alloc_page(GFP_HIGHUSER))) {
		if (page_to_pfn(page) >= (1ul << (32 - PAGE_SHIFT)))
			pt = page;
		else
			list_add(&page->lru, &below);
	}
	target = alloc_page(GFP_KERNEL);
	if (pt && target) {
		magic = lowmem_page_address(target);
		*magic = PROBE_MAGIC;
		table = kmap_local_page(pt);
		memset(table, 0, PAGE_SIZE);
		/* No accessed or dirty bits: the CPU must set them, as for users. */
		table[0] = pfn_pte(page_to_pfn(target), _PAGE_PRESENT | _PAGE_RW);
		kunmap_local(table);
		*pmd = (pteval_t)page_to_phys(pt) | _PAGE_PRESENT | _PAGE_RW;
		invlpg(va);
		ok = !get_kernel_nofault_u32(&seen, (void *)va) &&
		     seen == PROBE_MAGIC &&
		     !put_kernel_nofault_u32(PROBE_MAGIC + 1, (void *)va) &&
		     *magic == PROBE_MAGIC + 1;
		*pmd = 0;
		invlpg(va);
	}
	if (target)
		__free_page(target);
	if (pt)
		__free_page(pt);
	list_for_each_entry_safe(page, next, &below, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	return ok;
}

void highpte_init(void)
{
	if (!highpte || max_pfn <= (1ul << (32 - PAGE_SHIFT)))
		return;
	if (!high_pgtable_walk_works()) {
		highpte = false;
		pr_warn("this CPU cannot walk page tables above 4 GiB (QEMU's "
			"qemu-system-i386 before 8.2 cuts those addresses to 32 "
			"bits): user page tables go to lowmem, as with "
			"highpte=off\n");
	}
}

/* The page-directory entry that covers @addr in @mm. */
static pteval_t *pmd_entry(struct mm_struct *mm, unsigned long addr)
{
	return &mm->pmd[pgd_index(addr)][pmd_index(addr)];
}

static struct page *pte_page_of(pteval_t pmd)
{
	return pfn_to_page(pte_pfn(pmd));
}

/* Where a process's pages come from: HighMem first, as in Linux. */
static gfp_t user_gfp(const struct mm_struct *mm)
{
	return mm->lowmem_only ? GFP_KERNEL : GFP_HIGHUSER;
}

static unsigned int zone_slot(const struct page *page)
{
	return PageHighMem(page) ? 1 : 0;
}

/* The PTE page for @addr, allocated (zeroed) if there is none. */
static int pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	pteval_t *pmd = pmd_entry(mm, addr);
	struct page *page;

	if (*pmd & _PAGE_PRESENT)
		return 0;
	page = alloc_page((mm->highpte ? GFP_HIGHUSER : GFP_KERNEL) |
			  __GFP_ZERO);
	if (!page)
		return -ENOMEM;
	__set_page_type(page, PGTY_table);
	atomic_inc(&mm->nr_ptes[zone_slot(page)]);
	*pmd = (pteval_t)page_to_phys(page) | PDE_USER_TABLE;
	return 0;
}

/*
 * Map the PTE of @addr: the page table is kmapped until pte_unmap().
 * NULL if @addr has no page table.
 */
static pteval_t *pte_offset_map(struct mm_struct *mm, unsigned long addr)
{
	pteval_t pmd = *pmd_entry(mm, addr);
	pteval_t *table;

	if (!(pmd & _PAGE_PRESENT))
		return NULL;
	table = kmap_local_page(pte_page_of(pmd));
	return table + pte_index(addr);
}

static void pte_unmap(pteval_t *ptep)
{
	kunmap_local(ptep);
}

pteval_t user_pte_read(struct mm_struct *mm, unsigned long addr)
{
	pteval_t *ptep = pte_offset_map(mm, addr);
	pteval_t pte;

	if (!ptep)
		return 0;
	pte = *ptep;
	pte_unmap(ptep);
	return pte;
}

/* The PTE bits for a page of @vma; @writable: may it be written now? */
static pteval_t vma_pte_prot(const struct vm_area_struct *vma, bool writable)
{
	pteval_t prot = _PAGE_PRESENT | _PAGE_ACCESSED;

	if (vma->vm_flags & VM_ACCESS_FLAGS)
		prot |= _PAGE_USER;
	if (writable && (vma->vm_flags & VM_WRITE))
		prot |= _PAGE_RW | _PAGE_DIRTY;
	if (!(vma->vm_flags & VM_EXEC))
		prot |= __supported_pte_mask_nx;
	return prot;
}

static void rss_add(struct mm_struct *mm, enum mm_counter c,
		    const struct page *page, int n)
{
	unsigned int z = zone_slot(page);
	unsigned long now;

	atomic_add(n, &mm->rss[c][z]);
	now = (unsigned long)(atomic_read(&mm->rss[MM_ANONPAGES][z]) +
			      atomic_read(&mm->rss[MM_FILEPAGES][z]));
	if (now > mm->hiwater_rss[z])
		mm->hiwater_rss[z] = now; /* mmap_lock: one writer */
}

/*
 * A software bit of the PTE says which RSS counter the page is in: set
 * when the page mapped is a page-cache page, clear for an anonymous one
 * (a private copy included). The page cache may drop a page that is
 * still mapped (truncate), so asking the cache at unmap time could be
 * wrong; the PTE remembers.
 */
#define _PAGE_FILE_RSS 0x200ull /* bit 9, one of the three the CPU ignores */

static enum mm_counter pte_counter(pteval_t pte)
{
	return (pte & _PAGE_FILE_RSS) ? MM_FILEPAGES : MM_ANONPAGES;
}

/* ---- tearing down: the mmu_gather ---- */

void tlb_gather_init(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb->mm = mm;
	tlb->start = ~0ul;
	tlb->end = 0;
	tlb->nr = 0;
	tlb->nr_tables = 0;
}

void tlb_flush_mmu(struct mmu_gather *tlb)
{
	if (tlb->end > tlb->start)
		flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end);
	else if (tlb->nr_tables)
		flush_tlb_mm_range(tlb->mm, 0, TASK_SIZE);
	for (unsigned int i = 0; i < tlb->nr; i++)
		__free_page(tlb->pages[i]);
	for (unsigned int i = 0; i < tlb->nr_tables; i++) {
		/* A page table is never shared: ours to clear. */
		__clear_page_type(tlb->tables[i]);
		__free_page(tlb->tables[i]);
	}
	tlb->nr = tlb->nr_tables = 0;
	tlb->start = ~0ul;
	tlb->end = 0;
}

/* Free @page once the TLBs no longer reach [@addr, @addr + PAGE_SIZE). */
static void tlb_remove_page(struct mmu_gather *tlb, struct page *page,
			    unsigned long addr)
{
	if (addr < tlb->start)
		tlb->start = addr;
	if (addr + PAGE_SIZE > tlb->end)
		tlb->end = addr + PAGE_SIZE;
	tlb->pages[tlb->nr++] = page;
	if (tlb->nr == MMU_GATHER_PAGES)
		tlb_flush_mmu(tlb);
}

/* Unmap the pages of [start, end) (all inside @vma). */
void zap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		    unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	for (unsigned long addr = start; addr < end;) {
		unsigned long next = ALIGN_DOWN(addr, PMD_SIZE) + PMD_SIZE;
		pteval_t *ptep;

		if (next > end || next < addr)
			next = end;
		ptep = pte_offset_map(mm, addr);
		if (!ptep) {
			addr = next;
			continue;
		}
		for (; addr < next; addr += PAGE_SIZE, ptep++) {
			pteval_t pte = *ptep;
			struct page *page;

			if (!(pte & _PAGE_PRESENT))
				continue;
			page = pfn_to_page(pte_pfn(pte));
			pte_clear(ptep);
			rss_add(mm, pte_counter(pte), page, -1);
			tlb_remove_page(tlb, page, addr);
		}
		pte_unmap(ptep - 1);
	}
}

void free_pgtables(struct mmu_gather *tlb, struct mm_struct *mm)
{
	for (unsigned int g = 0; g < USER_PGDS; g++)
		for (unsigned int i = 0; i < PTRS_PER_PMD; i++) {
			pteval_t *pmd = &mm->pmd[g][i];
			struct page *page;

			if (!(*pmd & _PAGE_PRESENT))
				continue;
			page = pte_page_of(*pmd);
			*pmd = 0;
			atomic_dec(&mm->nr_ptes[zone_slot(page)]);
			if (tlb->nr_tables == MMU_GATHER_PAGES)
				tlb_flush_mmu(tlb);
			tlb->tables[tlb->nr_tables++] = page;
		}
}

/* ---- changing protections ---- */

void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pteval_t *ptep = pte_offset_map(mm, addr);
		pteval_t pte, prot;

		if (!ptep) {
			addr = ALIGN_DOWN(addr, PMD_SIZE) + PMD_SIZE - PAGE_SIZE;
			continue;
		}
		pte = *ptep;
		if (pte & _PAGE_PRESENT) {
			/*
			 * Writable stays writable only if it was: COW pages
			 * are not. A shared page never waits for a copy.
			 */
			prot = vma_pte_prot(vma, (pte & _PAGE_RW) ||
						 (vma->vm_flags & VM_SHARED));
			pte_clear(ptep);
			set_pte(ptep, pfn_pte(pte_pfn(pte), prot |
					      (pte & (_PAGE_DIRTY | _PAGE_FILE_RSS))));
		}
		pte_unmap(ptep);
	}
	flush_tlb_mm_range(mm, start, end);
}

/* ---- fork ---- */

/* Copy one PTE of the parent for the child; COW-protect it in both. */
static void copy_one_pte(struct mm_struct *dst, struct vm_area_struct *vma,
			 unsigned long addr, pteval_t *src_ptep,
			 pteval_t *dst_ptep)
{
	pteval_t pte = *src_ptep;
	struct page *page;

	if (!(pte & _PAGE_PRESENT))
		return;
	page = pfn_to_page(pte_pfn(pte));
	get_page(page);
	/* A shared mapping stays shared: both see the same page, writable. */
	if ((pte & _PAGE_RW) && !(vma->vm_flags & VM_SHARED)) {
		pte &= ~_PAGE_RW;
		pte_clear(src_ptep);
		set_pte(src_ptep, pte);
	}
	set_pte(dst_ptep, pte);
	rss_add(dst, pte_counter(pte), page, 1);
	(void)addr;
}

int copy_page_range(struct mm_struct *dst, struct vm_area_struct *vma)
{
	struct mm_struct *src = vma->vm_mm;

	for (unsigned long addr = vma->vm_start; addr < vma->vm_end;) {
		unsigned long next = ALIGN_DOWN(addr, PMD_SIZE) + PMD_SIZE;
		pteval_t *sp, *dp;

		if (next > vma->vm_end)
			next = vma->vm_end;
		if (!(*pmd_entry(src, addr) & _PAGE_PRESENT)) {
			addr = next;
			continue;
		}
		if (pte_alloc(dst, addr))
			return -ENOMEM;
		sp = pte_offset_map(src, addr);
		dp = pte_offset_map(dst, addr);
		for (; addr < next; addr += PAGE_SIZE)
			copy_one_pte(dst, vma, addr, sp++, dp++);
		pte_unmap(dp - 1);
		pte_unmap(sp - 1);
	}
	return 0;
}

/* ---- faults ---- */

/* The page-cache page of a shared mapping at @addr, with a reference. */
static struct page *shared_fault_page(struct vm_area_struct *vma,
				      unsigned long addr, vm_fault_t *ret)
{
	struct inode *inode = file_inode(vma->vm_file);
	unsigned long index = vma->vm_pgoff +
			      ((addr - vma->vm_start) >> PAGE_SHIFT);
	struct page *page;
	bool beyond;

	page = filemap_fault_page(inode, index, &beyond);
	if (!page)
		*ret = beyond ? VM_FAULT_SIGBUS /* past the end, as Linux */ :
				VM_FAULT_OOM;
	return page;
}

/*
 * The page to map at @addr of a private mapping on a not-present fault,
 * with a reference for the mapping; whether it may be mapped writable,
 * and whether it is the file's own page (not a copy).
 */
static struct page *private_fault_page(struct vm_area_struct *vma,
				       unsigned long addr, bool write,
				       bool *writable, bool *file_rss)
{
	gfp_t gfp = user_gfp(vma->vm_mm);
	struct page *file_page, *page;
	unsigned long index, file_bytes;

	*writable = true;
	*file_rss = false;
	if (!vma->vm_file || addr >= vma->vm_file_end) {
		page = alloc_page(gfp);
		if (page) {
			__set_page_type(page, PGTY_anon);
			clear_user_highpage(page);
		}
		return page;
	}
	index = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	file_page = find_get_page(file_inode(vma->vm_file), index);
	file_bytes = vma->vm_file_end - addr;
	if (file_bytes > PAGE_SIZE)
		file_bytes = PAGE_SIZE;
	if (!write && file_bytes == PAGE_SIZE && file_page) {
		*writable = false; /* a write will copy it */
		*file_rss = true;
		return file_page;  /* find_get_page's reference is the mapping's */
	}
	page = alloc_page(gfp);
	if (page)
		__set_page_type(page, PGTY_anon); /* a private copy */
	if (page && file_page) {
		copy_user_highpage(page, file_page);
		if (file_bytes < PAGE_SIZE)
			memset_page(page, file_bytes, 0, PAGE_SIZE - file_bytes);
	} else if (page) {
		clear_user_highpage(page);
	}
	if (file_page)
		put_page(file_page);
	return page;
}

static vm_fault_t do_no_page(struct vm_area_struct *vma, unsigned long addr,
			     bool write)
{
	struct mm_struct *mm = vma->vm_mm;
	vm_fault_t ret = VM_FAULT_OOM;
	bool writable, file_rss;
	struct page *page;
	pteval_t *ptep, prot;

	if (vma->vm_flags & VM_SHARED) {
		page = shared_fault_page(vma, addr, &ret);
		writable = file_rss = true;
	} else {
		page = private_fault_page(vma, addr, write, &writable, &file_rss);
	}
	if (!page)
		return ret;
	prot = vma_pte_prot(vma, writable) | (file_rss ? _PAGE_FILE_RSS : 0);
	ptep = pte_offset_map(mm, addr);
	set_pte(ptep, pfn_pte(page_to_pfn(page), prot));
	pte_unmap(ptep);
	rss_add(mm, file_rss ? MM_FILEPAGES : MM_ANONPAGES, page, 1);
	return 0;
}

/* A write to a present, write-protected page of a writable mapping. */
static vm_fault_t do_wp_page(struct vm_area_struct *vma, unsigned long addr,
			     pteval_t pte)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *old = pfn_to_page(pte_pfn(pte)), *new;
	enum mm_counter was = pte_counter(pte);
	pteval_t *ptep;

	if (vma->vm_flags & VM_SHARED) {
		/* Write-protected by mprotect before: writable again, no copy. */
		ptep = pte_offset_map(mm, addr);
		pte_clear(ptep);
		set_pte(ptep, pte | _PAGE_RW | _PAGE_DIRTY);
		pte_unmap(ptep);
		invlpg(addr); /* other CPUs' stale entries only fault again */
		return 0;
	}
	count_vm_event(PGCOW);
	if (was == MM_ANONPAGES && page_count(old) == 1) {
		/* Ours alone (the others exited or copied it): reuse it. */
		new = old;
	} else {
		new = alloc_page(user_gfp(mm));
		if (!new)
			return VM_FAULT_OOM;
		__set_page_type(new, PGTY_anon);
		copy_user_highpage(new, old);
	}
	ptep = pte_offset_map(mm, addr);
	pte_clear(ptep);
	pte_unmap(ptep);
	flush_tlb_mm_range(mm, addr, addr + PAGE_SIZE);
	ptep = pte_offset_map(mm, addr);
	set_pte(ptep, pfn_pte(page_to_pfn(new), vma_pte_prot(vma, true)));
	pte_unmap(ptep);
	if (new != old) {
		rss_add(mm, was, old, -1);
		rss_add(mm, MM_ANONPAGES, new, 1);
		__free_page(old);
	}
	return 0;
}

static bool access_allowed(const struct vm_area_struct *vma,
			   unsigned int flags)
{
	if ((flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_WRITE))
		return false;
	if ((flags & FAULT_FLAG_INSTR) && !(vma->vm_flags & VM_EXEC))
		return false;
	return vma->vm_flags & VM_ACCESS_FLAGS;
}

vm_fault_t handle_mm_fault_locked(struct mm_struct *mm, unsigned long addr,
				  unsigned int flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	bool write = flags & FAULT_FLAG_WRITE;
	pteval_t pte;

	if (!vma || vma->vm_start > addr)
		return VM_FAULT_SIGSEGV | VM_FAULT_BADMAP;
	if (!access_allowed(vma, flags))
		return VM_FAULT_SIGSEGV;
	count_vm_event(PGFAULT);
	addr &= PAGE_MASK;
	if (pte_alloc(mm, addr))
		return VM_FAULT_OOM;
	pte = user_pte_read(mm, addr);
	if (!(pte & _PAGE_PRESENT))
		return do_no_page(vma, addr, write);
	if (write && !(pte & _PAGE_RW))
		return do_wp_page(vma, addr, pte);
	/* Someone fixed it meanwhile, or this CPU's TLB was stale. */
	invlpg(addr);
	return 0;
}

vm_fault_t handle_mm_fault(struct mm_struct *mm, unsigned long addr,
			   unsigned int flags)
{
	vm_fault_t ret;

	mutex_lock(&mm->mmap_lock);
	ret = handle_mm_fault_locked(mm, addr, flags);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

int populate_page(struct mm_struct *mm, unsigned long addr, bool write)
{
	vm_fault_t ret = handle_mm_fault_locked(
		mm, addr, write ? FAULT_FLAG_WRITE : 0);

	if (ret & VM_FAULT_OOM)
		return -ENOMEM;
	return ret ? -EFAULT : 0;
}

/*
 * Copy from the page at @addr of @mm (faulted in first if need be, as a
 * read would); at most to the end of that page. 0 if it cannot be read.
 */
static size_t read_remote_page(struct mm_struct *mm, unsigned long addr,
			       void *buf, size_t len)
{
	size_t n = min(len, (size_t)(PAGE_SIZE - (addr & ~PAGE_MASK)));
	pteval_t pte = user_pte_read(mm, addr);
	const u8 *p;

	if (!(pte & _PAGE_PRESENT)) {
		if (populate_page(mm, addr, false))
			return 0;
		pte = user_pte_read(mm, addr);
		if (!(pte & _PAGE_PRESENT))
			return 0;
	}
	if (!(pte & _PAGE_USER) || !pfn_valid(pte_pfn(pte)))
		return 0;
	p = kmap_local_page(pfn_to_page(pte_pfn(pte)));
	memcpy(buf, p + (addr & ~PAGE_MASK), n);
	kunmap_local(p);
	return n;
}

size_t access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
			size_t len)
{
	size_t done = 0;

	if (addr >= TASK_SIZE || len > TASK_SIZE - addr)
		return 0;
	mutex_lock(&mm->mmap_lock);
	while (done < len) {
		size_t n = read_remote_page(mm, addr + done, (u8 *)buf + done,
					    len - done);

		if (!n)
			break;
		done += n;
	}
	mutex_unlock(&mm->mmap_lock);
	return done;
}
