/* SPDX-License-Identifier: MIT */
/* x86 port I/O. */
#ifndef ASM_IO_H
#define ASM_IO_H

#include "kernel/lib/types.h"

/**
 * outb - write the byte @val to I/O port @port
 * @port: the port
 * @val: the byte
 *
 * Context: any.
 */
static inline void outb(u16 port, u8 val)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(val), "Nd"(port));
}

/**
 * outw - write the 16-bit @val to I/O port @port
 * @port: the port
 * @val: the word
 *
 * Context: any.
 */
static inline void outw(u16 port, u16 val)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(val), "Nd"(port));
}

/**
 * outl - write the 32-bit @val to I/O port @port
 * @port: the port
 * @val: the double word
 *
 * Context: any.
 */
static inline void outl(u16 port, u32 val)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(val), "Nd"(port));
}

/**
 * inb - read a byte from I/O port @port
 * @port: the port
 *
 * Context: any. Return: the byte.
 */
static inline u8 inb(u16 port)
{
	u8 val;

	__asm__ __volatile__("inb %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

/**
 * inw - read 16 bits from I/O port @port
 * @port: the port
 *
 * Context: any. Return: the word.
 */
static inline u16 inw(u16 port)
{
	u16 val;

	__asm__ __volatile__("inw %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

/**
 * inl - read 32 bits from I/O port @port
 * @port: the port
 *
 * Context: any. Return: the double word.
 */
static inline u32 inl(u16 port)
{
	u32 val;

	__asm__ __volatile__("inl %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

/**
 * io_delay - wait about a microsecond, for slow devices (the 8259 PIC)
 *
 * A write to the unused port 0x80 takes about a microsecond on real ISA
 * buses.
 * Context: any.
 */
static inline void io_delay(void)
{
	outb(0x80, 0);
}

#endif /* ASM_IO_H */
