// SPDX-License-Identifier: MIT
/*
 * Shell commands about the machine and the kernel as a whole: the
 * command line, the log, interrupts, the lock checker, PCI, the
 * framebuffer, the Bochs debugger, power-off.
 */
#include "kernel/cmdline.h"
#include "kernel/debug/bochs.h"
#include "kernel/drivers/console.h"
#include "kernel/drivers/fb.h"
#include "kernel/drivers/memview.h"
#include "kernel/drivers/pci.h"
#include "kernel/drivers/power.h"
#include "kernel/debug/lock_debug.h"
#include "kernel/irq.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/printk.h"
#include "kernel/shell/shell.h"

static void show_command_line(void)
{
	printk("%s\n", saved_command_line);
	printk("options:\n");
	cmdline_print_options();
}
SHELL_SHOW_COMMAND("cmdline", "the kernel command line and its options",
		   show_command_line);

SHELL_SHOW_COMMAND("dmesg", "print the kernel log again", log_buf_dump);

static int cmd_echo(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		printk("%s%s", argv[i], i + 1 < argc ? " " : "");
	printk("\n");
	return 0;
}
SHELL_COMMAND("echo", "[WORDS]", "print the words (for scripts and tests)",
	      cmd_echo);

SHELL_SEQ_COMMAND("interrupts",
		  "interrupts per CPU and IPIs, as /proc/interrupts",
		  interrupts_show);

SHELL_SHOW_COMMAND("lockdep", "lock classes and their order (lock_debug)",
		   lock_debug_show);

SHELL_SHOW_COMMAND("lspci", "PCI devices on bus 0", pci_show_devices);

static u8 test_pixel(unsigned int x, unsigned int y)
{
	return (u8)(8 + x * 8 / fb.width + (y * 8 / fb.height) * 16);
}

static int cmd_fb(int argc, char **argv)
{
	unsigned int bad = 0;
	int err;

	/* Its thread draws into the mapping a new mode would replace. */
	if (memview_running()) {
		printk("fb: memview has the framebuffer ('memview off' first)\n");
		return -EBUSY;
	}
	if (argc == 2 && strcmp(argv[1], "off") == 0) {
		fb_text_mode();
		return 0;
	}
	if (argc != 1)
		return shell_usage(argv[0]);
	err = fb_set_mode(640, 480);
	if (err) {
		printk("no Bochs VBE framebuffer (%d)\n", err);
		return err;
	}
	for (unsigned int y = 0; y < fb.height; y++)
		for (unsigned int x = 0; x < fb.width; x++)
			fb.pixels[y * fb.width + x] = test_pixel(x, y);
	for (unsigned int y = 0; y < fb.height; y += 7)
		for (unsigned int x = 0; x < fb.width; x += 13)
			if (fb.pixels[y * fb.width + x] != test_pixel(x, y))
				bad++;
	printk("640x480x8 colour bars drawn at 0x%p (phys 0x%llx); %u "
	       "pixels read back wrong; 'fb off' for text mode\n",
	       (void *)fb.pixels, (unsigned long long)fb.phys, bad);
	return bad ? -EIO : 0;
}
SHELL_COMMAND("fb", "[off]", "draw colour bars on the VGA framebuffer",
	      cmd_fb);

static int cmd_break(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (!e9_present()) {
		printk("not running in Bochs (no port 0xE9): nothing to stop in\n");
		return 0;
	}
	printk("stopping in the Bochs debugger; type c to continue\n");
	e9_write("bochs.break: shell: the break command\n", 38);
	BOCHS_BREAK();
	return 0;
}
SHELL_COMMAND("break", "", "stop in the Bochs debugger now", cmd_break);

static int cmd_poweroff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	machine_power_off(EXIT_SUCCESS);
}
SHELL_COMMAND("poweroff", "", "power off (QEMU exits with success)",
	      cmd_poweroff);
