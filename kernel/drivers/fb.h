/* SPDX-License-Identifier: MIT */
/*
 * The linear framebuffer of the PCI VGA device QEMU and Bochs emulate
 * (vendor 0x1234, "Bochs VBE"), mapped with ioremap_wc. Modes are set
 * through the Bochs VBE "DISPI" registers at ports 0x1CE/0x1CF.
 */
#ifndef KERNEL_FB_H
#define KERNEL_FB_H

#include "kernel/lib/types.h"

struct framebuffer {
	phys_addr_t phys; /* BAR 0 */
	u32 size;	  /* BAR 0 size */
	u16 dispi_id;	  /* 0xB0C0.. if the VBE registers answer */
	u8 *pixels;	  /* ioremap_wc mapping while in graphics mode */
	unsigned int width, height;
};

extern struct framebuffer fb;

/**
 * fb_probe - find the PCI VGA device, its framebuffer and VBE registers
 *
 * Fills in fb and prints what it found; maps nothing yet.
 * Context: boot, after pci_init.
 * Return: true if found.
 */
bool fb_probe(void);

/**
 * fb_set_mode - switch to @width x @height, 8 bits per pixel, and map it
 * @width: pixels per line
 * @height: lines
 *
 * 8 bits per pixel (palette colours). The framebuffer is mapped
 * write-combining at fb.pixels; a previous mode is left first. The VGA
 * registers the switch changes are saved for fb_text_mode().
 * Context: thread; may sleep (ioremap_wc).
 * Return: 0, -ENOENT (no Bochs VBE device), -EINVAL (too large for the
 * framebuffer) or -ENOMEM.
 */
int fb_set_mode(unsigned int width, unsigned int height);

/**
 * fb_text_mode - back to VGA text mode; unmaps the framebuffer
 *
 * Restores the VGA registers fb_set_mode() saved, so the text console
 * shows again. Does nothing in text mode.
 * Context: thread; may sleep (iounmap).
 */
void fb_text_mode(void);

#endif /* KERNEL_FB_H */
