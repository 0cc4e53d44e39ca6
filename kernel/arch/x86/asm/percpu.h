/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU variables on x86: the linker gathers them in the section
 * .data..percpu (the template, kernel.ld); each CPU gets a copy of it
 * (kernel/arch/x86/percpu.c), and its GDT's per-CPU segment, which %fs
 * holds, has its base at (copy - template). So "%fs:x", the address of
 * x in the template seen through %fs, is this CPU's x: GCC's __seg_fs
 * address space emits exactly that.
 */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

#include "kernel/config.h"
#include "kernel/lib/compiler.h"

#define DEFINE_PER_CPU(type, name) \
	__section(".data..percpu") __typeof__(type) per_cpu__##name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) per_cpu__##name
/* Every CPU's copy starts as @init (the template's value). */
#define DEFINE_PER_CPU_INIT(type, name, init) \
	DEFINE_PER_CPU(type, name) = (init)

/* Each CPU's copy minus the template: what its %fs base holds. */
extern unsigned long __per_cpu_offset[NR_CPUS];

/* This CPU's offset, for this_cpu_ptr (which needs a plain pointer). */
DECLARE_PER_CPU(unsigned long, this_cpu_off);

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define per_cpu(name, cpu) (*per_cpu_ptr(&per_cpu__##name, (cpu)))
#define this_cpu(name) \
	(*(__typeof__(per_cpu__##name) __seg_fs *)(uintptr_t)&per_cpu__##name)
#define this_cpu_ptr(name)                                           \
	((__typeof__(&per_cpu__##name))((unsigned long)&per_cpu__##name + \
					 this_cpu(this_cpu_off)))

/*
 * this_cpu_try_cmpxchg_double(pcp1, pcp2, po1, po2, n1, n2): if this
 * CPU's copies of the two adjacent words pcp1 and pcp2 (lvalues as
 * this_cpu() gives them, pcp1 at the lower address, the pair 8-byte
 * aligned) hold *po1 and *po2, store n1 and n2 there instead and say
 * true; if not, say false with what they hold in *po1 and *po2, read in
 * the same instant, for the caller's next try. It is one instruction,
 * cmpxchg8b through %fs without a lock prefix: no other CPU writes this
 * CPU's copy, and an interrupt comes before or after an instruction,
 * never inside it. So a per-CPU fast path can read, decide and commit
 * without turning interrupts off: if an interrupt handler (or a thread
 * that preempted this one) changed the pair meanwhile, the comparison
 * fails and the caller tries again; if the thread moved to another CPU,
 * it compares against that CPU's copy, which a counter in the pair keeps
 * different (mm/slab.h's tid). It is no compiler barrier for other
 * memory: a caller whose stores must be done before the exchange (an
 * object put on a list) puts barrier() before it.
 */
#define this_cpu_try_cmpxchg_double(pcp1, pcp2, po1, po2, n1, n2)          \
	({                                                                  \
		bool __ok;                                                  \
									    \
		(void)&(pcp2);                                              \
		__asm__ __volatile__(                                       \
			"cmpxchg8b %[pair]"                                 \
			: [pair] "+m"(*(__seg_fs u64 *)(&(pcp1))),          \
			  "=@ccz"(__ok), "+a"(*(po1)), "+d"(*(po2))         \
			: "b"(n1), "c"(n2));                                \
		__ok;                                                       \
	})

#endif /* ASM_PERCPU_H */
