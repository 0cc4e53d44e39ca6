/* SPDX-License-Identifier: MIT */
/* Compiler attributes and the small generic macros every file uses. */
#ifndef KERNEL_COMPILER_H
#define KERNEL_COMPILER_H

#include "kernel/lib/types.h"

#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __section(s) __attribute__((section(s)))
#define __used __attribute__((used))
#define __unused __attribute__((unused))
#define __noreturn __attribute__((noreturn))
#define __noinline __attribute__((noinline))
#ifndef __always_inline /* glibc defines it too (host tests) */
#define __always_inline inline __attribute__((always_inline))
#endif
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __weak __attribute__((weak))

/*
 * The kernel passes the first three arguments in registers
 * (-mregparm=3); a function called from assembly, or written in it,
 * takes them all on the stack.
 */
#ifdef __i386__
#define asmlinkage __attribute__((regparm(0)))
#else
#define asmlinkage
#endif

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Keeps the compiler from caching memory across this point. */
#define barrier() __asm__ __volatile__("" ::: "memory")

/*
 * The compiler no longer knows the value of @var (an empty asm claims
 * to change it): a computation from it cannot be hoisted or folded.
 */
#define OPTIMIZER_HIDE_VAR(var) __asm__ __volatile__("" : "+r"(var))

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

/* Power-of-two alignment helpers; @a must be a power of two. */
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define ALIGN(x, a) ALIGN_DOWN((x) + ((__typeof__(x))(a) - 1), (a))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define clamp(v, lo, hi) min(max((v), (lo)), (hi))

#define SZ_1K 0x400u
#define SZ_4K 0x1000u
#define SZ_1M 0x100000u
#define SZ_2M 0x200000u
#define SZ_4M 0x400000u
#define SZ_16M 0x1000000u
#define SZ_1G 0x40000000u

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

#endif /* KERNEL_COMPILER_H */
