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

/* Find the PCI VGA device and its framebuffer. Return: true if found. */
bool fb_probe(void);

/*
 * fb_set_mode - switch to @width x @height, 8 bits per pixel (palette),
 * and map the framebuffer. Context: thread. Return: 0 or -errno.
 */
int fb_set_mode(unsigned int width, unsigned int height);

/* Back to VGA text mode; unmaps the framebuffer. Context: thread. */
void fb_text_mode(void);

#endif /* KERNEL_FB_H */
