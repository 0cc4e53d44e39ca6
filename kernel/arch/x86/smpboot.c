// SPDX-License-Identifier: MIT
/*
 * Finding the CPUs, setting up the APICs and starting the other CPUs.
 * The firmware's description (ACPI MADT, else the MP table) names every
 * CPU's local APIC and the I/O APIC; with both, the legacy interrupts
 * move from the 8259s to the I/O APIC, every CPU ticks with its local
 * APIC timer, and the boot CPU starts the others one at a time:
 *
 *   - INIT, then two STARTUP IPIs (Intel's MP specification, B.4) whose
 *     vector is the page of the trampoline (boot/trampoline.asm);
 *   - the new CPU climbs from real mode to the kernel's page tables on
 *     the stack of the idle thread made for it here, and calls
 *     start_secondary(), which loads its GDT, TSS and IDT, sets up its
 *     local APIC and timer, marks itself online and goes idle;
 *   - the boot CPU waits (sleeping) up to a second for it to come
 *     online before going on to the next.
 *
 * Without APICs the kernel runs on the boot CPU with the 8259s and the
 * PIT, as a PC did before APICs.
 */
#define pr_fmt(fmt) "smp: " fmt

#include "kernel/cmdline.h"
#include "kernel/debug/panic.h"
#include "kernel/irq.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/smp.h"
#include "kernel/timer.h"
#include "mm/memblock.h"
#include <asm/apic.h>
#include <asm/fpu.h>
#include <asm/atomic.h>
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/pat.h>
#include <asm/pgtable.h>
#include <asm/smp_config.h>
#include <asm/traps.h>
#include <asm/trampoline.h>
#include <asm/tsc.h>

#define PIT_IRQ 0
#define LOW_MEMORY_END 0x100000ull /* a STARTUP IPI names a page below */
#define PDE_2M_EXEC (_PAGE_PRESENT | _PAGE_RW | _PAGE_PSE)
#define CALLIN_TIMEOUT_MS 1000
#define DESC_FLAT_CODE 0x00CF9A000000FFFFull
#define DESC_FLAT_DATA 0x00CF92000000FFFFull

struct smp_config smp_config;
volatile u32 cpu_online_mask = 1; /* CPU 0 runs from the start */

/* The trampoline page and its identity PMD (reserve_trampoline). */
static phys_addr_t trampoline_phys, identity_pmd_phys;
static volatile int cpu_callin = -1; /* the CPU that came up last */

/* noapic: the 8259s and the PIT, one CPU, whatever the firmware says. */
static bool noapic;
BOOT_PARAM_FLAG("noapic", noapic,
		"noapic           no APIC: the 8259 PICs, one CPU");

/* nosmp: the APICs, but the boot CPU alone. */
static bool nosmp;
BOOT_PARAM_FLAG("nosmp", nosmp,
		"nosmp            run on the boot CPU only");

/* maxcpus=N: at most N CPUs (the boot CPU included). */
static unsigned long maxcpus;
BOOT_PARAM_COUNT("maxcpus", maxcpus,
		 "maxcpus=N        start at most N CPUs, the boot CPU included");

static void print_config(const struct smp_config *cfg)
{
	pr_info("%u CPUs in the %s", cfg->nr_cpus, cfg->source);
	if (cfg->nr_cpus) {
		printk(" (local APIC ids");
		for (unsigned int i = 0;
		     i < cfg->nr_cpus && i < SMP_CONFIG_MAX_CPUS; i++)
			printk(" %u", cfg->apic_id[i]);
		printk(")");
	}
	if (cfg->nr_disabled)
		printk(", %u more disabled", cfg->nr_disabled);
	printk("\n");
}

/* Why the APICs are not used, or NULL if they are. */
static const char *no_apic_reason(const struct smp_config *cfg)
{
	if (noapic)
		return "noapic on the command line";
	if (!lapic_present())
		return "the CPU has no local APIC";
	if (!cfg->nr_cpus || !cfg->lapic_phys)
		return "the firmware describes no local APIC";
	if (!cfg->has_ioapic)
		return "the firmware describes no I/O APIC";
	return NULL;
}

/*
 * Move the tick and the device interrupts to the APICs: the local APIC
 * timer is measured against the PIT first, then the I/O APIC takes the
 * ISA lines and the PIT goes quiet.
 */
static void switch_to_apic(const struct smp_config *cfg)
{
	unsigned long flags;

	lapic_init(cfg->lapic_phys);
	lapic_timer_calibrate();
	io_apic_init(cfg);
	local_irq_save(flags);
	free_irq(PIT_IRQ);
	lapic_timer_start();
	local_irq_restore(flags);
}

void reserve_trampoline(void)
{
	trampoline_phys = memblock_phys_alloc_below(PAGE_SIZE, PAGE_SIZE,
						    LOW_MEMORY_END);
	if (!trampoline_phys)
		return; /* smp_init says so and stays on one CPU */
	identity_pmd_phys = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
	if (!identity_pmd_phys)
		trampoline_phys = 0;
}

/* Busy-wait @us microseconds (the IPI sequence's delays). */
static void udelay(unsigned long us)
{
	u64 start = rdtsc(), cycles = (u64)us * tsc_khz_or_guess() / 1000;

	while (rdtsc() - start < cycles)
		cpu_relax();
}

/* Copy the trampoline to its page; the parts common to every CPU. */
static struct trampoline_params *setup_trampoline(void)
{
	u8 *page = __va(trampoline_phys);
	struct trampoline_params *tp = (void *)(page + TRAMPOLINE_PARAMS);
	u64 *identity_pmd = __va(identity_pmd_phys);
	size_t code = (size_t)(trampoline_end - trampoline_start);

	_Static_assert(TRAMPOLINE_PARAMS + sizeof(*tp) <= PAGE_SIZE,
		       "the trampoline parameters must fit in its page");
	if (code > TRAMPOLINE_PARAMS)
		panic("the trampoline is %zu bytes; TRAMPOLINE_PARAMS leaves "
		      "room for %u", code, TRAMPOLINE_PARAMS);
	memcpy(page, trampoline_start, code);
	memset(tp, 0, sizeof(*tp));
	/* The first 2 MiB one to one, executable: the trampoline runs there. */
	memset(identity_pmd, 0, PAGE_SIZE);
	identity_pmd[0] = PDE_2M_EXEC;
	tp->pdpt[0] = identity_pmd_phys | _PAGE_PRESENT;
	tp->pdpt[3] = (u64)__pa(swapper_pg_dir) | _PAGE_PRESENT;
	tp->gdt[1] = DESC_FLAT_CODE;
	tp->gdt[2] = DESC_FLAT_DATA;
	tp->gdt_limit = sizeof(tp->gdt) - 1;
	tp->gdt_base = (u32)(trampoline_phys + TRAMPOLINE_PARAMS +
			     offsetof(struct trampoline_params, gdt));
	tp->protected_entry = (u32)(trampoline_phys +
				    (trampoline_protected - trampoline_start));
	tp->protected_cs = KERNEL_CS;
	tp->cr0 = (u32)read_cr0();
	tp->cr4 = (u32)read_cr4();
	tp->efer_nx = __supported_pte_mask_nx != 0;
	tp->cr3 = (u32)read_cr3();
	tp->entry = (u32)(uintptr_t)secondary_startup;
	return tp;
}

/* The first C of a secondary CPU: on its idle thread's stack, paging on. */
asmlinkage __noreturn void start_secondary(unsigned int cpu);

asmlinkage void start_secondary(unsigned int cpu)
{
	gdt_load(cpu);
	idt_load();
	pat_init_cpu();
	fpu_init_cpu();
	sched_init_secondary();
	lapic_setup_cpu();
	lapic_timer_start();
	pr_info("CPU %u is up: local APIC id %u, idle thread %s\n", cpu,
		lapic_id(), current->comm);
	__atomic_fetch_or(&cpu_online_mask, 1u << cpu, __ATOMIC_SEQ_CST);
	WRITE_ONCE(cpu_callin, (int)cpu);
	local_irq_enable();
	cpu_idle();
}

/* INIT, STARTUP, STARTUP; then wait for the CPU to say it is online. */
static bool boot_cpu_with_apic_id(unsigned int cpu, unsigned int apic_id,
				  struct trampoline_params *tp)
{
	struct task_struct *idle = idle_thread_create(cpu);
	u32 vector = (u32)(trampoline_phys >> PAGE_SHIFT);

	if (!idle) {
		pr_warn("CPU %u (APIC id %u): no memory for its idle thread\n",
			cpu, apic_id);
		return false;
	}
	cpu_apic_id[cpu] = (u8)apic_id;
	tp->stack = (u32)(idle->stack + THREAD_STACK_SIZE);
	tp->cpu = cpu;
	smp_mb();
	lapic_send_ipi(apic_id, APIC_DM_INIT | APIC_INT_LEVELTRIG |
					APIC_INT_ASSERT);
	msleep(10);
	lapic_send_ipi(apic_id, APIC_DM_INIT | APIC_INT_LEVELTRIG);
	for (int i = 0; i < 2; i++) {
		lapic_send_ipi(apic_id, APIC_DM_STARTUP | vector);
		udelay(200);
	}
	for (int ms = 0; ms < CALLIN_TIMEOUT_MS; ms++) {
		if (READ_ONCE(cpu_callin) == (int)cpu)
			return true;
		msleep(1);
	}
	pr_warn("CPU %u (APIC id %u) did not start within %d ms: left "
		"offline\n", cpu, apic_id, CALLIN_TIMEOUT_MS);
	return false;
}

/* How many CPUs may run; says why when it is fewer than listed. */
static unsigned int cpus_allowed_to_run(const struct smp_config *cfg)
{
	unsigned int limit = NR_CPUS;

	if (nosmp)
		limit = 1;
	if (maxcpus && maxcpus < limit)
		limit = (unsigned int)maxcpus;
	if (cfg->nr_cpus > limit)
		pr_info("%u CPUs listed; %u will run (%s)\n", cfg->nr_cpus,
			limit, nosmp ? "nosmp" :
			maxcpus && maxcpus < NR_CPUS ? "maxcpus=" :
			"NR_CPUS is " STRINGIFY(NR_CPUS));
	if (!trampoline_phys && limit > 1 && cfg->nr_cpus > 1) {
		pr_warn("no free page below 1 MiB for the trampoline: the "
			"boot CPU only\n");
		limit = 1;
	}
	return limit;
}

static void boot_secondary_cpus(const struct smp_config *cfg)
{
	unsigned int limit = cpus_allowed_to_run(cfg), next = 1;
	unsigned int boot_apic = lapic_id();
	struct trampoline_params *tp;

	cpu_apic_id[0] = (u8)boot_apic;
	if (limit < 2 || cfg->nr_cpus < 2)
		return;
	tp = setup_trampoline();
	pr_info("Bringing up secondary CPUs ...\n");
	for (unsigned int i = 0;
	     i < cfg->nr_cpus && i < SMP_CONFIG_MAX_CPUS && next < limit; i++) {
		if (cfg->apic_id[i] == boot_apic)
			continue;
		if (boot_cpu_with_apic_id(next, cfg->apic_id[i], tp))
			next++;
	}
}

void smp_init(void)
{
	const char *why;
	unsigned int n;

	tsc_calibrate();
	smp_read_config(&smp_config);
	print_config(&smp_config);
	why = no_apic_reason(&smp_config);
	if (why) {
		pr_info("APICs not used (%s): the 8259 PICs and the PIT on "
			"one CPU\n", why);
	} else {
		switch_to_apic(&smp_config);
		boot_secondary_cpus(&smp_config);
	}
	n = num_online_cpus();
	pr_info("Brought up 1 node, %u CPU%s\n", n, n == 1 ? "" : "s");
}
