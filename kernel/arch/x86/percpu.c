// SPDX-License-Identifier: MIT
/*
 * The per-CPU areas. The linker gathers every DEFINE_PER_CPU variable in
 * .data..percpu, the template (kernel.ld); no CPU uses the template
 * itself, so that it stays as the compiler initialised it for every CPU
 * that starts later. CPU 0's copy is in .bss (its size is known at link
 * time, and CPU 0 needs one before any allocator exists); the others'
 * come from memblock once the direct map is up.
 */
#include "kernel/percpu.h"
#include "kernel/debug/panic.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/smp.h"
#include "mm/memblock.h"
#include <asm/desc.h>

#define PERCPU_ALIGN 64 /* a cache line: no two CPUs' copies share one */

extern char __per_cpu_start[], __per_cpu_end[], __per_cpu0_area[];

unsigned long __per_cpu_offset[NR_CPUS];
DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(unsigned int, cpu_number);

static unsigned long percpu_size(void)
{
	return (unsigned long)(__per_cpu_end - __per_cpu_start);
}

/* Make @area, a fresh copy of the template, CPU @cpu's per-CPU area. */
static void percpu_install(unsigned int cpu, char *area)
{
	unsigned long off = (unsigned long)(area - __per_cpu_start);

	memcpy(area, __per_cpu_start, percpu_size());
	__per_cpu_offset[cpu] = off;
	per_cpu(this_cpu_off, cpu) = off;
	per_cpu(cpu_number, cpu) = cpu;
}

void percpu_init_boot_cpu(void)
{
	percpu_install(0, __per_cpu0_area);
	gdt_setup_cpu(0);
	gdt_load(0);
}

void setup_per_cpu_areas(void)
{
	unsigned long size = ALIGN(percpu_size(), PERCPU_ALIGN);

	for (unsigned int cpu = 1; cpu < NR_CPUS; cpu++) {
		char *area = memblock_alloc(size, PERCPU_ALIGN, "per-CPU area");

		percpu_install(cpu, area);
		gdt_setup_cpu(cpu);
	}
	pr_info("percpu: %u areas of %lu bytes (CPU 0's in .bss at %p)\n",
		NR_CPUS, size, __per_cpu0_area);
}
