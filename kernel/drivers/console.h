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

/* Register the boot consoles. Context: very early boot, once. */
void console_init(void);

/*
 * console_write - send @len bytes to every enabled console
 * Context: any; callers serialise (printk holds its lock).
 */
void console_write(const char *s, size_t len);

/* True if Bochs' port 0xE9 hack (or QEMU's debugcon) answers. */
bool e9_present(void);

/* Write straight to port 0xE9 only: announcements for the debugger. */
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

void serial_init(void);
bool serial_present(void);
void serial_write(const char *s, size_t len);
/* Return the next received byte, or -1 if none is waiting. IRQ-safe. */
int serial_getc(void);
/* Wait for and return the next received byte. Context: thread; sleeps. */
int serial_read(void);
/* Let the UART raise IRQ 4 for received bytes. Context: after irq_init. */
void serial_enable_rx_irq(void);
/* Times the receive ring filled and input was held back in the UART. */
unsigned long serial_rx_throttle_count(void);

/* VGA text console (kernel/drivers/vga.c). */
#define VGA_TEXT_PHYS 0xB8000u
#define VGA_TEXT_BYTES (80 * 25 * 2)
void vga_init(void);
void vga_write(const char *s, size_t len);
/* Point the console at a new mapping of the text buffer (ioremap). */
void vga_set_buffer(u16 *buffer);

#endif /* KERNEL_CONSOLE_H */
