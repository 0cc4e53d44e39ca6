// SPDX-License-Identifier: MIT
/*
 * The 16550 UART on COM1: polled output, interrupt-driven input into a
 * small ring buffer that the shell drains.
 */
#include "kernel/console.h"
#include "kernel/compiler.h"
#include "kernel/irq.h"
#include "kernel/wait.h"
#include <asm/io.h>
#include <asm/irqflags.h>

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

#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20
#define IER_RX_AVAILABLE 0x01
#define MCR_DTR_RTS_OUT2 0x0B /* OUT2 gates the IRQ line on PCs */
#define FCR_ENABLE_TRIGGER_14 0xC1 /* no clear bits: keep queued input */
#define BAUD_DIVISOR_115200 1
#define SERIAL_IRQ 4

#define RX_RING_SIZE 256

static bool uart_present;
static DECLARE_WAIT_QUEUE_HEAD(rx_wait);
static u8 rx_ring[RX_RING_SIZE];
static volatile unsigned int rx_head, rx_tail;

static void rx_push(u8 c)
{
	unsigned int next = (rx_head + 1) % RX_RING_SIZE;

	if (next != rx_tail) { /* full: drop, the sender outran us */
		rx_ring[rx_head] = c;
		rx_head = next;
	}
}

static void rx_drain_uart(void)
{
	while (inb(COM1 + UART_LSR) & LSR_DATA_READY)
		rx_push(inb(COM1 + UART_RBR));
}

void serial_init(void)
{
	/* The scratch register tells a UART from an empty port. */
	outb(COM1 + UART_SCR, 0x5A);
	if (inb(COM1 + UART_SCR) != 0x5A)
		return;
	uart_present = true;

	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DLL, BAUD_DIVISOR_115200);
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, LCR_8N1);
	/*
	 * Input may already be waiting (a command piped in before the
	 * kernel started): take it, and do not ask for a FIFO clear.
	 */
	rx_drain_uart();
	outb(COM1 + UART_FCR, FCR_ENABLE_TRIGGER_14);
	outb(COM1 + UART_MCR, MCR_DTR_RTS_OUT2);
}

bool serial_present(void)
{
	return uart_present;
}

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY))
		;
	outb(COM1 + UART_THR, (u8)c);
}

void serial_write(const char *s, size_t len)
{
	while (len--) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s++);
	}
}

int serial_getc(void)
{
	unsigned long flags;
	int c = -1;

	local_irq_save(flags);
	if (uart_present)
		rx_drain_uart(); /* also works before the IRQ is enabled */
	if (rx_tail != rx_head) {
		c = rx_ring[rx_tail];
		rx_tail = (rx_tail + 1) % RX_RING_SIZE;
	}
	local_irq_restore(flags);
	return c;
}

static void serial_irq(struct pt_regs *regs)
{
	(void)regs;
	rx_drain_uart();
	if (rx_head != rx_tail)
		wake_up(&rx_wait);
}

int serial_read(void)
{
	int c;

	wait_event(rx_wait, (c = serial_getc()) >= 0);
	return c;
}

void serial_enable_rx_irq(void)
{
	if (!uart_present)
		return;
	request_irq(SERIAL_IRQ, serial_irq, "serial");
	outb(COM1 + UART_IER, IER_RX_AVAILABLE);
}
