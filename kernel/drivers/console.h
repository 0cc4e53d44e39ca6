/* SPDX-License-Identifier: MIT */
/*
 * Console output: every line printk produces goes to each registered
 * console (16550 serial, the 0xE9 debug port, VGA text).
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include "kernel/lib/types.h"

struct console {
	const char *name;
	void (*write)(const char *s, size_t len);
	bool enabled;
};

/**
 * console_init - find and enable the boot consoles
 *
 * COM1 if a UART answers, port 0xE9 if Bochs or QEMU's debugcon reads
 * back, and VGA text (always).
 * Context: very early boot, once, before the first printk.
 */
void console_init(void);

/**
 * console_write - send @len bytes to every enabled console
 * @s: the bytes; not NUL-terminated
 * @len: how many
 *
 * Context: any; callers serialise: printk and log_buf_dump keep
 * interrupts off around it.
 */
void console_write(const char *s, size_t len);

/**
 * e9_present - does Bochs' port 0xE9 hack (or QEMU's debugcon) answer?
 *
 * Context: any, after console_init.
 * Return: true if it does.
 */
bool e9_present(void);

/**
 * e9_write - write straight to port 0xE9 only
 * @s: the bytes
 * @len: how many
 *
 * For announcements meant for the debugger, not the log. Does nothing
 * if the port is absent.
 * Context: any.
 */
void e9_write(const char *s, size_t len);

/* Serial port (kernel/drivers/serial.c): the 16550 registers on COM1. */
#define COM1 0x3F8
#define UART_RBR 0 /* receive buffer (read) */
#define UART_THR 0 /* transmit holding (write) */
#define UART_IER 1 /* interrupt enable */
#define UART_FCR 2 /* FIFO control (write) */
#define UART_LCR 3 /* line control */
#define UART_MCR 4 /* modem control */
#define UART_LSR 5 /* line status */
#define UART_SCR 7 /* scratch */
#define UART_DLL 0 /* divisor latch, with LCR.DLAB */
#define UART_DLM 1
#define LSR_THR_EMPTY 0x20 /* the transmitter takes a byte */

/**
 * serial_init - set COM1 to 115200 8N1 with FIFOs, if a UART is there
 *
 * Input already waiting in the UART is kept (a command piped in before
 * the kernel started). The receive interrupt stays off until
 * serial_enable_rx_irq().
 * Context: very early boot, once (from console_init).
 */
void serial_init(void);

/**
 * serial_present - did serial_init find a UART on COM1?
 *
 * Context: any. Return: true if it did.
 */
bool serial_present(void);

/**
 * serial_write - send @len bytes to COM1, "\n" as "\r\n"
 * @s: the bytes
 * @len: how many
 *
 * Polled: it spins until the transmitter takes each byte.
 * Context: any; never sleeps. Callers serialise (see console_write).
 */
void serial_write(const char *s, size_t len);

/**
 * serial_getc - the next received byte, without waiting
 *
 * Also polls the UART, so it works before the receive interrupt is on,
 * and lifts the input throttle once the UART's FIFO fits in the ring.
 * Context: any, IRQ-safe; takes the receive lock with interrupts off.
 * Return: the byte, or -1 if none is waiting.
 */
int serial_getc(void);

/**
 * serial_rx_pending - is a received byte waiting (in the ring or the UART)?
 *
 * A snapshot without the lock: serial_getc() may still find nothing.
 * Context: any. Return: true if so.
 */
bool serial_rx_pending(void);

struct wait_queue_head;

/**
 * serial_rx_waitq - the queue the receive interrupt wakes
 *
 * The tty's input thread and the kernel shell both wait on it; whoever
 * changes which of them owns the input wakes it too (kernel/fs/tty.c).
 * Context: any. Return: the queue.
 */
struct wait_queue_head *serial_rx_waitq(void);

/**
 * serial_set_rx_hook - have the receive interrupt call @hook for new bytes
 * @hook: runs in IRQ context after bytes reached the ring (it may take
 * them with serial_getc), before the queue is woken; NULL: none
 *
 * The console tty's line discipline (kernel/fs/tty.c) hangs here.
 * Context: any.
 */
void serial_set_rx_hook(void (*hook)(void));

/**
 * serial_enable_rx_irq - let the UART raise IRQ 4 for received bytes
 *
 * Does nothing without a UART.
 * Context: boot, after irq_init.
 */
void serial_enable_rx_irq(void);

/**
 * serial_rx_throttle_count - times input was held back in the UART
 *
 * Each time the receive ring filled, the interrupt was turned off and
 * the sender made to wait, rather than bytes being lost.
 * Context: any. Return: the count.
 */
unsigned long serial_rx_throttle_count(void);

/* VGA text console (kernel/drivers/vga.c). */
#define VGA_TEXT_PHYS 0xB8000u
#define VGA_TEXT_BYTES (80 * 25 * 2)

/**
 * vga_init - clear the 80x25 text screen, reached through the direct map
 *
 * Context: very early boot, once (from console_init).
 */
void vga_init(void);

/**
 * vga_write - put @len characters on the text screen, scrolling as needed
 * @s: the characters; '\n', '\r' and '\b' move the cursor
 * @len: how many
 *
 * Context: any; callers serialise (see console_write).
 */
void vga_write(const char *s, size_t len);

/**
 * vga_set_buffer - point the console at a new mapping of the text buffer
 * @buffer: an ioremap() mapping of VGA_TEXT_PHYS; NULL keeps the old one
 *
 * Context: boot, once ioremap works.
 */
void vga_set_buffer(u16 *buffer);

#endif /* KERNEL_CONSOLE_H */
