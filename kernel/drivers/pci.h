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

/* Scan bus 0 and print what is there. Context: boot. */
void pci_init(void);

/**
 * pci_show_devices - one line per device found: ids, class, BARs
 *
 * What the shell's `lspci` shows. Context: any, after pci_init.
 */
void pci_show_devices(void);

/* The first device of @class_code, or NULL. */
struct pci_dev *pci_find_class(u32 class_code);

/* The memory address a BAR decodes (flags masked), 0 for I/O BARs. */
phys_addr_t pci_bar_address(const struct pci_dev *dev, int bar);

u32 pci_read_config32(u8 bus, u8 slot, u8 func, u8 reg);
void pci_write_config32(u8 bus, u8 slot, u8 func, u8 reg, u32 val);

#endif /* KERNEL_PCI_H */
