// SPDX-License-Identifier: MIT
/*
 * Power-off for emulators. The last line printed names the status, so
 * that a runner that cannot see an exit code (Bochs) still knows it.
 */
#include "kernel/drivers/power.h"
#include "kernel/printk.h"
#include <asm/cpu.h>
#include <asm/io.h>
#include <asm/irqflags.h>

#define ACPI_PIIX4_PM1A_CNT 0x604 /* QEMU pc/q35 */
#define ACPI_BOCHS_PM1A_CNT 0xB004
#define ACPI_SLP_EN_S5 0x2000

static void bochs_shutdown(void)
{
	for (const char *s = "Shutdown"; *s; s++)
		outb(BOCHS_SHUTDOWN_PORT, (u8)*s);
}

void machine_power_off(enum exit_status status)
{
	local_irq_disable();
	printk("Power off: %s\n", status == EXIT_SUCCESS ? "success" :
							    "FAILURE");
	outb(QEMU_DEBUG_EXIT_PORT,
	     status == EXIT_SUCCESS ? QEMU_EXIT_SUCCESS : QEMU_EXIT_FAILURE);
	bochs_shutdown();
	/* Without the debug-exit device, try the ACPI sleep ports. */
	outw(ACPI_PIIX4_PM1A_CNT, ACPI_SLP_EN_S5);
	outw(ACPI_BOCHS_PM1A_CNT, ACPI_SLP_EN_S5);
	for (;;)
		halt();
}
