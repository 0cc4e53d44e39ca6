// SPDX-License-Identifier: MIT
/*
 * start_kernel: the boot sequence, read top to bottom as the table of
 * contents of the kernel. boot/entry.asm calls it on the boot stack with
 * paging on (early tables), interrupts off.
 */
#include "kernel/cmdline.h"
#include "kernel/drivers/console.h"
#include "kernel/drivers/fb.h"
#include "kernel/drivers/pci.h"
#include "kernel/drivers/power.h"
#include "kernel/drivers/random.h"
#include "kernel/fs/tty.h"
#include "highmem/highmem.h"
#include "kernel/init.h"
#include "kernel/irq.h"
#include <asm/traps.h>
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/multiboot2.h"
#include "kernel/percpu.h"
#include "kernel/printk.h"
#include "kernel/proc/process.h"
#include "kernel/sched.h"
#include "kernel/shell/shell.h"
#include "kernel/smp.h"
#include "kernel/timer.h"
#include "kernel/version.h"
#include "mm/deferred_init.h"
#include "mm/fault_inject.h"
#include "mm/init.h"
#include "kernel/drivers/memview.h"
#include "mm/memmap.h"
#include "mm/vmalloc.h"
#include <asm/cpu.h>
#include <asm/cpuinfo.h>
#include <asm/irqflags.h>
#include <asm/pat.h>
#include <asm/setup.h>
#include <asm/trampoline.h>

u32 boot_mbi_phys;
static u64 boot_tsc_start;
extern u8 boot_mbi_copy[MBI_COPY_SIZE];

/* Validate and read what GRUB passed; without it we cannot go on. */
static void read_boot_information(u32 magic)
{
	char err[128];
	u32 total = *(u32 *)boot_mbi_copy;

	if (magic != MB2_BOOTLOADER_MAGIC)
		panic("not started by a multiboot2 boot loader (magic 0x%08x, "
		      "expected 0x%08x)", magic, MB2_BOOTLOADER_MAGIC);
	if (total > MBI_COPY_SIZE)
		panic("the multiboot2 information is %u bytes; the kernel "
		      "keeps at most %u (MBI_COPY_SIZE in boot/boot.inc)",
		      total, MBI_COPY_SIZE);
	if (mb2_parse(boot_mbi_copy, MBI_COPY_SIZE, &boot_info,
		      &firmware_memory_map, err, sizeof(err)))
		panic("bad multiboot2 information at 0x%08x: %s",
		      boot_mbi_phys, err);
	if (firmware_memory_map.nr == 0)
		panic("the boot loader passed no memory map");

	printk("Boot loader: %s; multiboot2 information at 0x%08x (%u bytes)\n",
	       boot_info.bootloader[0] ? boot_info.bootloader : "unknown",
	       boot_mbi_phys, boot_info.total_size);
	printk("Command line: %s\n", boot_info.cmdline);
	cmdline_save(boot_info.cmdline);
	printk("Memory map from the boot loader (%u entries):\n",
	       boot_info.mmap_entries);
	memory_map_print(&firmware_memory_map, " ");
	if (boot_info.mmap_ignored)
		pr_warn("memory map: %u entries past the first %u ignored\n",
			boot_info.mmap_ignored, MB2_MAX_MMAP_ENTRIES);
}

/* poweroff: power off when the boot work is done. */
static bool poweroff;
BOOT_PARAM_FLAG("poweroff", poweroff,
		"poweroff         power off when boot work is done");

extern const struct boot_work __start_boot_work[] __weak;
extern const struct boot_work __stop_boot_work[] __weak;

/* The registered work with the lowest order above @after's, or NULL. */
static const struct boot_work *next_boot_work(const struct boot_work *after)
{
	const struct boot_work *next = NULL;

	for (const struct boot_work *w = __start_boot_work;
	     w < __stop_boot_work; w++)
		if ((!after || w->order > after->order ||
		     (w->order == after->order && w > after)) &&
		    (!next || w->order < next->order))
			next = w;
	return next;
}

unsigned int run_boot_work(void)
{
	const struct boot_work *w = NULL;
	unsigned int failures = 0;

	while ((w = next_boot_work(w)))
		failures += (unsigned int)w->fn();
	return failures;
}

/* The memory GRUB's information and modules sit in: memblock keeps off it. */
static struct phys_range boot_ranges[1 + MB2_MAX_MODULES];

static unsigned int boot_info_ranges(struct phys_range *r)
{
	unsigned int n = 0;

	r[n].start = boot_mbi_phys;
	r[n++].end = boot_mbi_phys + boot_info.total_size;
	for (unsigned int i = 0; i < boot_info.nr_modules; i++, n++) {
		r[n].start = boot_info.modules[i].start;
		r[n].end = boot_info.modules[i].end;
	}
	return n;
}

/*
 * The first thread (pid 1): what the command line asked for once the
 * kernel is up, then init= (the shell in a thread of its own meanwhile,
 * reached with Ctrl-]), then the shell. It may sleep, unlike the boot context,
 * which becomes the idle thread.
 */
static int shell_thread(void *arg)
{
	(void)arg;
	shell_run();
}

static int kernel_main_thread(void *arg)
{
	unsigned int failures;
	int init_pid;

	(void)arg;
	smp_init();
	random_init();
	proc_init();
	tty_init();
	initramfs_init();
	/* The kernel is up: from here on, fail_page_alloc= and failslab= bite. */
	fault_inject_start();
	/* memview on the command line: the picture moves while stress= runs. */
	memview_boot_start();
	failures = run_boot_work();
	/*
	 * The shell (or init) comes next: the struct pages still to be
	 * written are written from here on, by a thread per CPU, while it
	 * runs. A poweroff below does not wait for them.
	 */
	deferred_init_start();
	init_pid = init_start();
	if (init_pid > 0) {
		/* The shell waits for Ctrl-] (or init's end) meanwhile. */
		struct task_struct *shell = kthread_run(shell_thread, NULL,
							"shell");
		int status = init_wait(init_pid);

		if (poweroff)
			machine_power_off(failures || status ? EXIT_FAILURE :
							       EXIT_SUCCESS);
		if (shell)
			kthread_join(shell); /* never returns */
		shell_run();
	}
	if (poweroff)
		machine_power_off(failures || init_pid < 0 ? EXIT_FAILURE :
							     EXIT_SUCCESS);
	shell_run();
}

asmlinkage __noreturn void start_kernel(u32 magic, u32 mbi_phys);

asmlinkage void start_kernel(u32 magic, u32 mbi_phys)
{
	percpu_init_boot_cpu();
	boot_tsc_start = rdtsc();
	boot_mbi_phys = mbi_phys;
	console_init();
	printk("%s\n", KERNEL_BANNER);
	trap_init();

	read_boot_information(magic);
	cmdline_parse(saved_command_line);
#ifdef CONFIG_DEBUG
	printk("DEBUG=1 build: page_poison, debug_pagealloc, slab_debug, "
	       "kmap.debug and lock_debug are on unless the command line "
	       "turns them off\n");
#endif
	cpu_init();
	pat_init();

	memmap_setup(boot_cpu.phys_bits);
	memblock_setup(boot_ranges, boot_info_ranges(boot_ranges));
	paging_init();
	setup_per_cpu_areas();
	sched_init(); /* the boot context is a thread from here: mutexes work */
	smp_ipi_init();
	reserve_trampoline();
	print_memory_layout();
	mem_init();
	vga_set_buffer(ioremap(VGA_TEXT_PHYS, VGA_TEXT_BYTES));
	pci_init();
	fb_probe();

	irq_init();
	timer_init();
	rtc_init();
	kmap_local_watchdog_start();
	serial_enable_rx_irq();
	local_irq_enable();
	system_state = SYSTEM_RUNNING;

	printk("Boot: %llu TSC cycles from start_kernel to here (%llu since "
	       "reset); under qemu -icount shift=0 these are instructions\n",
	       (unsigned long long)(rdtsc() - boot_tsc_start),
	       (unsigned long long)rdtsc());
	if (!kthread_run(kernel_main_thread, NULL, "main"))
		panic("cannot start the main thread");
	cpu_idle();
}
