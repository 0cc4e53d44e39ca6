/* SPDX-License-Identifier: MIT */
/* PCI devices on bus 0, found through configuration mechanism #1. */
#ifndef KERNEL_PCI_H
#define KERNEL_PCI_H

#include "kernel/lib/types.h"

#define PCI_MAX_DEVICES 32
#define PCI_CLASS_DISPLAY_VGA 0x030000u

struct pci_dev {
	u8 bus, slot, func;
	u16 vendor, device;
	u32 class_code; /* class << 16 | subclass << 8 | prog-if */
	u32 bar[6];	/* as read: address bits and flags */
	u32 bar_size[6];
};

/**
 * pci_init - scan bus 0, record up to PCI_MAX_DEVICES devices and print them
 *
 * BAR sizes are probed (all ones written, read back, restored).
 * Context: boot, once.
 */
void pci_init(void);

/**
 * pci_show_devices - one line per device found: ids, class, BARs
 *
 * What the shell's `lspci` shows. Context: any, after pci_init.
 */
void pci_show_devices(void);

/**
 * pci_find_class - the first device found of class @class_code
 * @class_code: class << 16 | subclass << 8 | prog-if
 *
 * Context: any, after pci_init.
 * Return: the device, or NULL.
 */
struct pci_dev *pci_find_class(u32 class_code);

/**
 * pci_bar_address - the memory address a BAR decodes
 * @dev: a device from pci_find_class
 * @bar: 0 to 5
 *
 * Only the low 32 bits: the high half of a 64-bit BAR is not read.
 * Context: any.
 * Return: the address with the flag bits masked off, or 0 for an I/O BAR.
 */
phys_addr_t pci_bar_address(const struct pci_dev *dev, int bar);

/**
 * pci_read_config32 - read a 32-bit configuration register
 * @bus: the bus
 * @slot: the device number (0-31)
 * @func: the function (0-7)
 * @reg: the register offset; the low two bits are ignored
 *
 * Context: any. Takes no lock: the address and data port accesses must
 * not interleave with another config access (only pci_init uses them).
 * Return: the value; 0xFFFFFFFF where no device answers.
 */
u32 pci_read_config32(u8 bus, u8 slot, u8 func, u8 reg);

/**
 * pci_write_config32 - write a 32-bit configuration register
 * @bus: the bus
 * @slot: the device number (0-31)
 * @func: the function (0-7)
 * @reg: the register offset; the low two bits are ignored
 * @val: the value
 *
 * Context: any; as pci_read_config32, callers serialise.
 */
void pci_write_config32(u8 bus, u8 slot, u8 func, u8 reg, u32 val);

#endif /* KERNEL_PCI_H */
