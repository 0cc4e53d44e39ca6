/* SPDX-License-Identifier: MIT */
/* Ending the machine with a pass/fail status the test runners can read. */
#ifndef KERNEL_POWER_H
#define KERNEL_POWER_H

#include "kernel/lib/compiler.h"

enum exit_status {
	EXIT_SUCCESS = 0,
	EXIT_FAILURE = 1,
};

/**
 * machine_power_off - stop the machine, telling the emulator @status
 * @status: EXIT_SUCCESS or EXIT_FAILURE
 *
 * Prints "Power off: success" or "FAILURE" first. QEMU (isa-debug-exit
 * at port 0xf4) exits with 33 for success and 35 for failure; Bochs
 * shuts down on "Shutdown" at port 0x8900, after the status line has
 * gone out on port 0xE9. Elsewhere the ACPI sleep ports are tried, then
 * the CPU halts with interrupts off.
 * Context: any. Never returns.
 */
__noreturn void machine_power_off(enum exit_status status);

/* The emulators' power-off ports (boot/entry.asm uses them too). */
#define QEMU_DEBUG_EXIT_PORT 0xF4
#define QEMU_EXIT_SUCCESS 0x10 /* QEMU exits with (0x10 << 1) | 1 = 33 */
#define QEMU_EXIT_FAILURE 0x11 /* (0x11 << 1) | 1 = 35 */
#define BOCHS_SHUTDOWN_PORT 0x8900

#endif /* KERNEL_POWER_H */
