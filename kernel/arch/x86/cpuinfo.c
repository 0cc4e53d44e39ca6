// SPDX-License-Identifier: MIT
/*
 * /proc/cpuinfo: what cpu_init read from CPUID, in the fields and the
 * spelling of Linux's arch/x86 cpuinfo, one block per online CPU. The
 * flag names are Linux's for the bits of the four feature words kept;
 * bits without a name here (reserved ones, or those Linux hides, such as
 * osxsave) are not printed.
 */
#include <asm/apic.h>
#include <asm/cpuinfo.h>
#include <asm/tsc.h>
#include "kernel/seq_file.h"
#include "kernel/smp.h"

#define VIRTUAL_ADDRESS_BITS 32

typedef const char *const flag_names[32];

static flag_names leaf1_edx_names = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce",
	"cx8", "apic", NULL, "sep", "mtrr", "pge", "mca", "cmov",
	"pat", "pse36", "pn", "clflush", NULL, "dts", "acpi", "mmx",
	"fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe",
};

/* Only the bits leaf 1 does not repeat (AMD mirrors fpu..pge here). */
static flag_names ext_edx_names = {
	[11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext",
	[25] = "fxsr_opt", [26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm",
	[30] = "3dnowext", [31] = "3dnow",
};

static flag_names leaf1_ecx_names = {
	"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est",
	"tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm",
	NULL, "pcid", "dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt",
	"tsc_deadline_timer", "aes", "xsave", NULL, "avx", "f16c", "rdrand",
	"hypervisor",
};

static flag_names ext_ecx_names = {
	"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm",
	"sse4a", "misalignsse", "3dnowprefetch", "osvw", "ibs", "xop",
	"skinit", "wdt", NULL, "lwp", "fma4", "tce", NULL, "nodeid_msr",
	NULL, "tbm", "topoext", "perfctr_core", "perfctr_nb", NULL, "bpext",
	"ptsc", "perfctr_llc", "mwaitx",
};

/* In Linux's order: its capability words 0, 1, 4 and 6. */
static const struct {
	enum cpuid_word word;
	flag_names *names;
} flag_words[] = {
	{ CPUID_1_EDX_WORD, &leaf1_edx_names },
	{ CPUID_EXT_EDX_WORD, &ext_edx_names },
	{ CPUID_1_ECX_WORD, &leaf1_ecx_names },
	{ CPUID_EXT_ECX_WORD, &ext_ecx_names },
};

static void show_flags(struct seq_file *m)
{
	seq_puts(m, "flags\t\t:");
	for (unsigned int w = 0; w < ARRAY_SIZE(flag_words); w++) {
		u32 bits = boot_cpu.features[flag_words[w].word];

		for (unsigned int bit = 0; bit < 32; bit++) {
			const char *name = (*flag_words[w].names)[bit];

			if ((bits & (1u << bit)) && name)
				seq_printf(m, " %s", name);
		}
	}
	seq_putc(m, '\n');
}

static void show_cpu(struct seq_file *m, unsigned int cpu)
{
	unsigned int apicid = lapic_enabled ? cpu_apic_id[cpu] : 0;

	seq_printf(m, "processor\t: %u\n", cpu);
	seq_printf(m, "vendor_id\t: %s\n", boot_cpu.vendor);
	seq_printf(m, "cpu family\t: %u\n", boot_cpu.family);
	seq_printf(m, "model\t\t: %u\n", boot_cpu.model);
	seq_printf(m, "model name\t: %s\n", boot_cpu.model_name);
	seq_printf(m, "stepping\t: %u\n", boot_cpu.stepping);
	if (tsc_khz)
		seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000,
			   tsc_khz % 1000);
	seq_printf(m, "physical id\t: 0\n");
	seq_printf(m, "siblings\t: %u\n", num_online_cpus());
	seq_printf(m, "core id\t\t: %u\n", cpu);
	seq_printf(m, "cpu cores\t: %u\n", num_online_cpus());
	seq_printf(m, "apicid\t\t: %u\n", apicid);
	seq_printf(m, "initial apicid\t: %u\n", apicid);
	seq_puts(m, "fpu\t\t: yes\n");
	seq_printf(m, "cpuid level\t: %u\n", boot_cpu.cpuid_level);
	show_flags(m);
	seq_printf(m, "address sizes\t: %u bits physical, %u bits virtual\n",
		   boot_cpu.phys_bits, VIRTUAL_ADDRESS_BITS);
	seq_puts(m, "power management:\n\n");
}

int cpuinfo_show(struct seq_file *m)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		show_cpu(m, cpu);
	return 0;
}
