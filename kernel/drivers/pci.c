// SPDX-License-Identifier: MIT
/*
 * PCI configuration space through ports 0xCF8 (address) and 0xCFC
 * (data). Only bus 0 is scanned: QEMU's and Bochs' devices live there.
 * BAR sizes come from the usual probe: write all ones, read back the
 * bits that stuck, restore.
 */
#define pr_fmt(fmt) "pci: " fmt

#include "kernel/drivers/pci.h"
#include "kernel/printk.h"
#include <asm/io.h>

#define PCI_CONFIG_ADDRESS 0xCF8
#define PCI_CONFIG_DATA 0xCFC
#define PCI_ENABLE 0x80000000u
#define PCI_VENDOR_NONE 0xFFFFu
#define PCI_REG_ID 0x00
#define PCI_REG_CLASS 0x08
#define PCI_REG_HEADER 0x0C
#define PCI_REG_BAR0 0x10
#define PCI_HEADER_MULTIFUNCTION 0x80
#define PCI_BAR_IO 0x1u
#define PCI_BAR_MEM_MASK 0xFFFFFFF0u

static struct pci_dev devices[PCI_MAX_DEVICES];
static unsigned int nr_devices;

static u32 config_address(u8 bus, u8 slot, u8 func, u8 reg)
{
	return PCI_ENABLE | ((u32)bus << 16) | ((u32)slot << 11) |
	       ((u32)func << 8) | (reg & 0xFCu);
}

u32 pci_read_config32(u8 bus, u8 slot, u8 func, u8 reg)
{
	outl(PCI_CONFIG_ADDRESS, config_address(bus, slot, func, reg));
	return inl(PCI_CONFIG_DATA);
}

void pci_write_config32(u8 bus, u8 slot, u8 func, u8 reg, u32 val)
{
	outl(PCI_CONFIG_ADDRESS, config_address(bus, slot, func, reg));
	outl(PCI_CONFIG_DATA, val);
}

static u32 probe_bar_size(struct pci_dev *d, u8 reg, u32 value)
{
	u32 mask;

	pci_write_config32(d->bus, d->slot, d->func, reg, 0xFFFFFFFFu);
	mask = pci_read_config32(d->bus, d->slot, d->func, reg);
	pci_write_config32(d->bus, d->slot, d->func, reg, value);
	mask &= (value & PCI_BAR_IO) ? 0xFFFFFFFCu : PCI_BAR_MEM_MASK;
	return mask ? ~mask + 1 : 0;
}

static void add_device(u8 bus, u8 slot, u8 func, u32 id)
{
	struct pci_dev *d;

	if (nr_devices == PCI_MAX_DEVICES)
		return;
	d = &devices[nr_devices++];
	d->bus = bus;
	d->slot = slot;
	d->func = func;
	d->vendor = (u16)id;
	d->device = (u16)(id >> 16);
	d->class_code = pci_read_config32(bus, slot, func, PCI_REG_CLASS) >> 8;
	for (int i = 0; i < 6; i++) {
		u8 reg = PCI_REG_BAR0 + 4 * i;

		d->bar[i] = pci_read_config32(bus, slot, func, reg);
		d->bar_size[i] = d->bar[i] ? probe_bar_size(d, reg, d->bar[i]) : 0;
	}
	pr_info("0000:%02x:%02x.%u: [%04x:%04x] class 0x%06x\n", bus, slot,
		func, d->vendor, d->device, d->class_code);
}

void pci_init(void)
{
	for (u8 slot = 0; slot < 32; slot++) {
		u32 id = pci_read_config32(0, slot, 0, PCI_REG_ID);
		u8 funcs;

		if ((id & 0xFFFF) == PCI_VENDOR_NONE)
			continue;
		funcs = (pci_read_config32(0, slot, 0, PCI_REG_HEADER) >> 16) &
				PCI_HEADER_MULTIFUNCTION ? 8 : 1;
		for (u8 func = 0; func < funcs; func++) {
			id = pci_read_config32(0, slot, func, PCI_REG_ID);
			if ((id & 0xFFFF) != PCI_VENDOR_NONE)
				add_device(0, slot, func, id);
		}
	}
}

struct pci_dev *pci_find_class(u32 class_code)
{
	for (unsigned int i = 0; i < nr_devices; i++)
		if (devices[i].class_code == class_code)
			return &devices[i];
	return NULL;
}

phys_addr_t pci_bar_address(const struct pci_dev *dev, int bar)
{
	if (dev->bar[bar] & PCI_BAR_IO)
		return 0;
	return dev->bar[bar] & PCI_BAR_MEM_MASK;
}

void pci_show_devices(void)
{
	for (unsigned int i = 0; i < nr_devices; i++) {
		const struct pci_dev *d = &devices[i];

		printk("%02x:%02x.%u [%04x:%04x] class %06x", d->bus, d->slot,
		       d->func, d->vendor, d->device, d->class_code);
		for (int b = 0; b < 6; b++)
			if (d->bar_size[b])
				printk(" BAR%d %s 0x%08x (%u KiB)", b,
				       (d->bar[b] & PCI_BAR_IO) ? "io" : "mem",
				       d->bar[b] & ~0xFu, d->bar_size[b] >> 10);
		printk("\n");
	}
}
