/* SPDX-License-Identifier: MIT */
/*
 * Fixed-width types used everywhere in the kernel. Only freestanding
 * compiler headers are included, so the same file serves the host tests.
 */
#ifndef KERNEL_TYPES_H
#define KERNEL_TYPES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/* PAE page-table entries hold 36-bit (and wider) physical addresses. */
typedef u64 phys_addr_t;

/* Allocation flags (mm/gfp.h gives them names). */
typedef unsigned int gfp_t;

#endif /* KERNEL_TYPES_H */
