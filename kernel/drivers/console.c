// SPDX-License-Identifier: MIT
/* The list of consoles and the port 0xE9 debug console. */
#include "kernel/drivers/console.h"
#include "kernel/lib/compiler.h"
#include <asm/io.h>

#define E9_PORT 0xE9

static bool e9_detected;

static struct console consoles[] = {
	{ "serial", serial_write, false },
	{ "e9", e9_write, false },
	{ "vga", vga_write, false },
};

bool e9_present(void)
{
	return e9_detected;
}

void e9_write(const char *s, size_t len)
{
	if (!e9_detected)
		return;
	while (len--)
		outb(E9_PORT, (u8)*s++);
}

void console_init(void)
{
	serial_init();
	/* Bochs and QEMU's debugcon read back 0xE9; an empty port reads 0xFF. */
	e9_detected = inb(E9_PORT) == E9_PORT;
	vga_init();
	consoles[0].enabled = serial_present();
	consoles[1].enabled = e9_detected;
	consoles[2].enabled = true;
}

void console_write(const char *s, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(consoles); i++)
		if (consoles[i].enabled)
			consoles[i].write(s, len);
}
