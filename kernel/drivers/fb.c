// SPDX-License-Identifier: MIT
/* The Bochs/QEMU VGA framebuffer (see kernel/drivers/fb.h). */
#define pr_fmt(fmt) "fb: " fmt

#include "kernel/drivers/fb.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/drivers/pci.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "mm/vmalloc.h"
#include <asm/io.h>

#define DISPI_INDEX_PORT 0x1CE
#define DISPI_DATA_PORT 0x1CF
#define DISPI_INDEX_ID 0
#define DISPI_INDEX_XRES 1
#define DISPI_INDEX_YRES 2
#define DISPI_INDEX_BPP 3
#define DISPI_INDEX_ENABLE 4
#define DISPI_ID_MIN 0xB0C0
#define DISPI_ID_MAX 0xB0CF
#define DISPI_ENABLED 0x01
#define DISPI_LFB_ENABLED 0x40
/*
 * 8 bits per pixel, palette colours: every display here can show it
 * (Bochs' headless RFB display stops the emulator on 32-bit modes).
 */
#define FB_BPP 8

#define VGA_SEQ_INDEX 0x3C4
#define VGA_SEQ_DATA 0x3C5
#define VGA_GC_INDEX 0x3CE
#define VGA_GC_DATA 0x3CF
#define VGA_CRTC_INDEX 0x3D4
#define VGA_CRTC_DATA 0x3D5
#define VGA_CRTC_PROTECT 0x11 /* bit 7 write-protects CRTC 0-7 */

struct framebuffer fb;

/*
 * Switching the VBE extension on reprograms VGA registers for graphics
 * (the memory window, clocking, CRTC timing) and switching it off does
 * not put them back: save them before and restore them after, so that
 * the text console (and the text buffer at 0xB8000) come back.
 */
struct vga_reg {
	u16 index_port;
	u8 index;
};

static const struct vga_reg saved_regs[] = {
	{ VGA_SEQ_INDEX, 0x01 },  { VGA_SEQ_INDEX, 0x04 },
	{ VGA_GC_INDEX, 0x05 },	  { VGA_GC_INDEX, 0x06 },
	{ VGA_CRTC_INDEX, 0x01 }, { VGA_CRTC_INDEX, 0x07 },
	{ VGA_CRTC_INDEX, 0x09 }, { VGA_CRTC_INDEX, 0x12 },
	{ VGA_CRTC_INDEX, 0x13 }, { VGA_CRTC_INDEX, 0x14 },
	{ VGA_CRTC_INDEX, 0x17 }, { VGA_CRTC_INDEX, 0x18 },
};

static u8 saved_values[ARRAY_SIZE(saved_regs)];

static u8 vga_read_reg(const struct vga_reg *r)
{
	outb(r->index_port, r->index);
	return inb(r->index_port + 1);
}

static void vga_write_reg(const struct vga_reg *r, u8 value)
{
	outb(r->index_port, r->index);
	outb(r->index_port + 1, value);
}

static void vga_save_text_state(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(saved_regs); i++)
		saved_values[i] = vga_read_reg(&saved_regs[i]);
}

static void vga_restore_text_state(void)
{
	const struct vga_reg protect = { VGA_CRTC_INDEX, VGA_CRTC_PROTECT };

	vga_write_reg(&protect, vga_read_reg(&protect) & 0x7F);
	for (size_t i = 0; i < ARRAY_SIZE(saved_regs); i++)
		vga_write_reg(&saved_regs[i], saved_values[i]);
}

static void dispi_write(u16 index, u16 value)
{
	outw(DISPI_INDEX_PORT, index);
	outw(DISPI_DATA_PORT, value);
}

static u16 dispi_read(u16 index)
{
	outw(DISPI_INDEX_PORT, index);
	return inw(DISPI_DATA_PORT);
}

bool fb_probe(void)
{
	struct pci_dev *vga = pci_find_class(PCI_CLASS_DISPLAY_VGA);
	u16 id = dispi_read(DISPI_INDEX_ID);

	if (!vga || !pci_bar_address(vga, 0))
		return false;
	fb.phys = pci_bar_address(vga, 0);
	fb.size = vga->bar_size[0];
	fb.dispi_id = (id >= DISPI_ID_MIN && id <= DISPI_ID_MAX) ? id : 0;
	pr_info("PCI VGA [%04x:%04x] framebuffer at 0x%llx, %u KiB%s\n",
		vga->vendor, vga->device, (unsigned long long)fb.phys,
		fb.size >> 10, fb.dispi_id ? ", Bochs VBE registers" : "");
	return true;
}

int fb_set_mode(unsigned int width, unsigned int height)
{
	u32 bytes = width * height * (FB_BPP / 8);

	if (!fb.phys || !fb.dispi_id)
		return -ENOENT;
	if (bytes > fb.size)
		return -EINVAL;
	if (fb.pixels)
		fb_text_mode();
	fb.pixels = ioremap_wc(fb.phys, bytes);
	if (!fb.pixels)
		return -ENOMEM;
	vga_save_text_state();
	dispi_write(DISPI_INDEX_ENABLE, 0);
	dispi_write(DISPI_INDEX_XRES, (u16)width);
	dispi_write(DISPI_INDEX_YRES, (u16)height);
	dispi_write(DISPI_INDEX_BPP, FB_BPP);
	dispi_write(DISPI_INDEX_ENABLE, DISPI_ENABLED | DISPI_LFB_ENABLED);
	fb.width = width;
	fb.height = height;
	return 0;
}

void fb_text_mode(void)
{
	if (!fb.pixels)
		return;
	dispi_write(DISPI_INDEX_ENABLE, 0);
	vga_restore_text_state();
	iounmap(fb.pixels);
	fb.pixels = NULL;
}

/* Colour bars (VGA palette indices 8-15): easy to recognise. */
