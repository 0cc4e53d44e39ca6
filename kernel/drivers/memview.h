/* SPDX-License-Identifier: MIT */
/*
 * memview: the page map (mm/pagemap.h) drawn live on the VGA framebuffer
 * by a kernel thread, a few times a second (docs/physical-memory.md).
 * Off, it costs nothing: no thread, no hook on any path.
 */
#ifndef KERNEL_DRIVERS_MEMVIEW_H
#define KERNEL_DRIVERS_MEMVIEW_H

#include "kernel/lib/types.h"

/**
 * memview_start - switch the framebuffer to the picture and start the
 * thread that redraws it
 *
 * Prints the picture's geometry and colours (tools/check-memview-screen.py
 * reads them).
 * Context: thread; may sleep.
 * Return: 0, -EBUSY if it runs already, -ENOENT without a Bochs VBE
 * framebuffer, -ENOMEM.
 */
int memview_start(void);

/**
 * memview_stop - stop the thread and give the screen back to text mode
 *
 * Waits for the frame being drawn to end.
 * Context: thread; may sleep.
 * Return: 0, or -ENOENT if it was not running.
 */
int memview_stop(void);

/**
 * memview_boot_start - memview_start if `memview` is on the command line
 *
 * Context: the first thread, before the boot work (stress=, ktest=).
 */
void memview_boot_start(void);

/**
 * memview_running - does memview have the framebuffer?
 *
 * Whoever else sets a mode (the shell's `fb`, a test) must wait for
 * memview_stop: the thread draws into fb.pixels.
 * Context: any. Return: true between memview_start and memview_stop.
 */
bool memview_running(void);

/**
 * memview_frames - the frames drawn since memview_start
 *
 * Context: any. Return: the count, 0 when it does not run.
 */
unsigned long memview_frames(void);

#endif /* KERNEL_DRIVERS_MEMVIEW_H */
