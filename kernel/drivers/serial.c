// SPDX-License-Identifier: MIT
/*
 * The 16550 UART on COM1: polled output, interrupt-driven input into a
 * small ring buffer that the console tty (kernel/fs/tty.c) drains, for
 * a program or for the kernel shell.
 */
#include "kernel/sched.h"
#include "kernel/drivers/console.h"
#include "kernel/lib/compiler.h"
#include "kernel/irq.h"
#include "kernel/wait.h"
#include "kernel/drivers/random.h"
#include <asm/cpu.h>
#include <asm/io.h>
#include <asm/irqflags.h>

#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define LSR_DATA_READY 0x01
#define IER_RX_AVAILABLE 0x01
#define MCR_DTR_RTS_OUT2 0x0B /* OUT2 gates the IRQ line on PCs */
#define FCR_ENABLE_TRIGGER_14 0xC1 /* no clear bits: keep queued input */
#define BAUD_DIVISOR_115200 1
#define SERIAL_IRQ 4

#define RX_RING_SIZE 256

/*
 * Receive path, with flow control: the interrupt handler moves bytes
 * from the UART's FIFO into rx_ring while the ring has room. When the
 * ring is full it leaves the rest in the FIFO and turns the receive
 * interrupt off (the line is "throttled"); the sender then waits (a
 * terminal emulator or QEMU's pipe stops feeding a full FIFO) instead of
 * losing bytes. The reader turns the interrupt back on once it has
 * emptied the FIFO into the ring again. rx_lock (interrupts off) guards
 * the ring and the throttle.
 */
static bool uart_present;
static DECLARE_WAIT_QUEUE_HEAD(rx_wait);
static DEFINE_SPINLOCK(rx_lock);
static u8 rx_ring[RX_RING_SIZE];
static unsigned int rx_head, rx_tail;
static bool rx_throttled;
static unsigned long rx_throttle_count;

static bool rx_ring_full(void)
{
	return (rx_head + 1) % RX_RING_SIZE == rx_tail;
}

/* Move what the UART holds into the ring. Return: true if it still holds bytes. */
static bool rx_drain_uart(void)
{
	while (inb(COM1 + UART_LSR) & LSR_DATA_READY) {
		if (rx_ring_full())
			return true;
		rx_ring[rx_head] = inb(COM1 + UART_RBR);
		rx_head = (rx_head + 1) % RX_RING_SIZE;
	}
	return false;
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

	spin_lock_irqsave(&rx_lock, flags);
	if (uart_present)
		rx_drain_uart(); /* also works before the IRQ is enabled */
	if (rx_tail != rx_head) {
		c = rx_ring[rx_tail];
		rx_tail = (rx_tail + 1) % RX_RING_SIZE;
	}
	/* Room again: refill from the FIFO; unthrottle once it is empty. */
	if (uart_present && !rx_drain_uart() && rx_throttled) {
		rx_throttled = false;
		outb(COM1 + UART_IER, IER_RX_AVAILABLE);
	}
	spin_unlock_irqrestore(&rx_lock, flags);
	return c;
}

unsigned long serial_rx_throttle_count(void)
{
	return READ_ONCE(rx_throttle_count);
}

bool serial_rx_pending(void)
{
	return READ_ONCE(rx_head) != READ_ONCE(rx_tail) ||
	       (uart_present && (inb(COM1 + UART_LSR) & LSR_DATA_READY));
}

struct wait_queue_head *serial_rx_waitq(void)
{
	return &rx_wait;
}

static void (*rx_hook)(void);

void serial_set_rx_hook(void (*hook)(void))
{
	WRITE_ONCE(rx_hook, hook);
}

static void serial_irq(struct pt_regs *regs)
{
	bool pending;

	(void)regs;
	/* When a byte comes is something a guest cannot predict well. */
	random_add_event(rdtsc());
	spin_lock(&rx_lock);
	if (rx_drain_uart() && !rx_throttled) {
		/* Ring full: stop taking bytes until the reader catches up. */
		rx_throttled = true;
		rx_throttle_count++;
		outb(COM1 + UART_IER, 0);
	}
	pending = rx_head != rx_tail;
	spin_unlock(&rx_lock);
	if (pending) {
		void (*hook)(void) = READ_ONCE(rx_hook);

		if (hook)
			hook();
		wake_up(&rx_wait);
	}
}

void serial_enable_rx_irq(void)
{
	if (!uart_present)
		return;
	request_irq(SERIAL_IRQ, serial_irq, "serial");
	outb(COM1 + UART_IER, IER_RX_AVAILABLE);
}
