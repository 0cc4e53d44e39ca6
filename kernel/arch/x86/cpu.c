// SPDX-License-Identifier: MIT
/*
 * CPU feature detection. The physical address width matters most: a
 * PAE entry pointing past it raises a reserved-bit page fault, so RAM
 * beyond it must never be used (mm/memmap.c drops it). The width comes
 * from CPUID leaf 0x80000008 where it exists; otherwise it is 36 bits if
 * the CPU has PSE-36 and 32 bits if not (QEMU's qemu32 model is such a
 * CPU: PAE but 32 address bits).
 */
#include <asm/cpuinfo.h>
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include <asm/pgtable.h>
#include <asm/cpu.h>
#include <asm/fpu.h>
#include <asm/cpufeature.h>

struct cpuinfo_x86 boot_cpu;
pteval_t __supported_pte_mask_nx;
pteval_t __supported_pte_mask_global;

static void read_vendor_and_model(void)
{
	struct cpuid_regs r = cpuid(0);
	u32 *brand = (u32 *)boot_cpu.model_name;

	boot_cpu.cpuid_level = r.eax;
	memcpy(boot_cpu.vendor, &r.ebx, 4);
	memcpy(boot_cpu.vendor + 4, &r.edx, 4);
	memcpy(boot_cpu.vendor + 8, &r.ecx, 4);
	r = cpuid(1);
	boot_cpu.family = (r.eax >> 8) & 0xF;
	boot_cpu.model = (r.eax >> 4) & 0xF;
	boot_cpu.stepping = r.eax & 0xF;
	if (boot_cpu.family == 0xF)
		boot_cpu.family += (r.eax >> 20) & 0xFF;
	if (boot_cpu.family >= 6)
		boot_cpu.model |= ((r.eax >> 16) & 0xF) << 4;
	if (boot_cpu.max_ext_leaf < CPUID_BRAND_LAST) {
		strlcpy(boot_cpu.model_name, "unknown model",
			sizeof(boot_cpu.model_name));
		return;
	}
	for (u32 leaf = CPUID_BRAND_FIRST; leaf <= CPUID_BRAND_LAST; leaf++) {
		r = cpuid(leaf);
		*brand++ = r.eax;
		*brand++ = r.ebx;
		*brand++ = r.ecx;
		*brand++ = r.edx;
	}
}

static void read_features(void)
{
	struct cpuid_regs r = cpuid(1);

	boot_cpu.features[CPUID_1_EDX_WORD] = r.edx;
	boot_cpu.features[CPUID_1_ECX_WORD] = r.ecx;
	if (boot_cpu.max_ext_leaf >= CPUID_EXT_FEATURES) {
		struct cpuid_regs ext = cpuid(CPUID_EXT_FEATURES);

		boot_cpu.features[CPUID_EXT_EDX_WORD] = ext.edx;
		boot_cpu.features[CPUID_EXT_ECX_WORD] = ext.ecx;
	}
	boot_cpu.tsc = r.edx & CPUID_1_EDX_TSC;
	boot_cpu.pae = r.edx & CPUID_1_EDX_PAE;
	boot_cpu.pge = r.edx & CPUID_1_EDX_PGE;
	boot_cpu.pat = r.edx & CPUID_1_EDX_PAT;
	boot_cpu.pse36 = r.edx & CPUID_1_EDX_PSE36;
	if (boot_cpu.max_ext_leaf >= CPUID_EXT_FEATURES)
		boot_cpu.nx = cpuid(CPUID_EXT_FEATURES).edx & CPUID_EXT_EDX_NX;

	if (boot_cpu.max_ext_leaf >= CPUID_ADDRESS_SIZES) {
		boot_cpu.phys_bits = cpuid(CPUID_ADDRESS_SIZES).eax & 0xFF;
		boot_cpu.phys_bits_source = "CPUID 0x80000008";
	} else if (boot_cpu.pse36) {
		boot_cpu.phys_bits = 36;
		boot_cpu.phys_bits_source = "PSE-36, no CPUID 0x80000008";
	} else {
		boot_cpu.phys_bits = 32;
		boot_cpu.phys_bits_source = "no PSE-36, no CPUID 0x80000008";
	}
}

void cpu_init(void)
{
	u32 ext = cpuid(CPUID_EXT_BASE).eax;

	boot_cpu.max_ext_leaf = (ext & CPUID_EXT_BASE) ? ext : 0;
	read_vendor_and_model();
	read_features();

	/* boot/entry.asm switched these on where CPUID offered them. */
	if (boot_cpu.nx && (rdmsr(MSR_EFER) & EFER_NXE))
		__supported_pte_mask_nx = _PAGE_NX;
	if (boot_cpu.pge && (read_cr4() & X86_CR4_PGE))
		__supported_pte_mask_global = _PAGE_GLOBAL;
	fpu_init_cpu();

	printk("CPU: %s %s (family %u, model %u, stepping %u)\n",
	       boot_cpu.vendor, boot_cpu.model_name, boot_cpu.family,
	       boot_cpu.model, boot_cpu.stepping);
	printk("CPU: %u-bit physical addresses (%s); features:%s%s%s%s%s%s\n",
	       boot_cpu.phys_bits, boot_cpu.phys_bits_source,
	       boot_cpu.pae ? " pae" : "", boot_cpu.pge ? " pge" : "",
	       boot_cpu.nx ? " nx" : "", boot_cpu.pat ? " pat" : "",
	       boot_cpu.pse36 ? " pse36" : "", boot_cpu.tsc ? " tsc" : "");
}
