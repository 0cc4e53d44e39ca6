// SPDX-License-Identifier: MIT
/*
 * VGA text mode console, 80x25. Until ioremap exists the buffer is
 * reached through the direct map of the first megabyte; then through an
 * uncached ioremap mapping (kernel/main.c).
 */
#include "kernel/drivers/console.h"
#include "kernel/lib/compiler.h"
#include "kernel/lib/string.h"
#include <asm/layout.h>
#include <asm/io.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x07 /* light grey on black */
#define VGA_CRTC_INDEX 0x3D4
#define VGA_CRTC_DATA 0x3D5
#define CRTC_CURSOR_HIGH 0x0E
#define CRTC_CURSOR_LOW 0x0F

static u16 *vga_buffer;
static unsigned int cursor_row, cursor_col;

static u16 vga_cell(char c)
{
	return (u16)(u8)c | (VGA_ATTR << 8);
}

static void vga_scroll(void)
{
	memmove(vga_buffer, vga_buffer + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(u16));
	for (int col = 0; col < VGA_COLS; col++)
		vga_buffer[(VGA_ROWS - 1) * VGA_COLS + col] = vga_cell(' ');
}

static void vga_update_cursor(void)
{
	unsigned int pos = cursor_row * VGA_COLS + cursor_col;

	outb(VGA_CRTC_INDEX, CRTC_CURSOR_HIGH);
	outb(VGA_CRTC_DATA, (u8)(pos >> 8));
	outb(VGA_CRTC_INDEX, CRTC_CURSOR_LOW);
	outb(VGA_CRTC_DATA, (u8)pos);
}

static void vga_newline(void)
{
	cursor_col = 0;
	/* >=: a panic may print over a CPU stopped in the middle of this. */
	if (++cursor_row >= VGA_ROWS) {
		vga_scroll();
		cursor_row = VGA_ROWS - 1;
	}
}

static void vga_putc(char c)
{
	switch (c) {
	case '\n':
		vga_newline();
		break;
	case '\r':
		cursor_col = 0;
		break;
	case '\b':
		if (cursor_col)
			cursor_col--;
		break;
	default:
		if (cursor_row >= VGA_ROWS || cursor_col >= VGA_COLS)
			vga_newline();
		vga_buffer[cursor_row * VGA_COLS + cursor_col] = vga_cell(c);
		if (++cursor_col >= VGA_COLS)
			vga_newline();
	}
}

void vga_init(void)
{
	vga_buffer = (u16 *)__va(VGA_TEXT_PHYS);
	for (int i = 0; i < VGA_COLS * VGA_ROWS; i++)
		vga_buffer[i] = vga_cell(' ');
	cursor_row = cursor_col = 0;
	vga_update_cursor();
}

void vga_write(const char *s, size_t len)
{
	while (len--)
		vga_putc(*s++);
	vga_update_cursor();
}

void vga_set_buffer(u16 *buffer)
{
	if (buffer)
		vga_buffer = buffer;
}
