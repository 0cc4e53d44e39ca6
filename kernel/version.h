/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_VERSION_H
#define KERNEL_VERSION_H

#define KERNEL_NAME "hmkernel"
#define KERNEL_VERSION "0.1"
#define KERNEL_BANNER \
	KERNEL_NAME " " KERNEL_VERSION " (i386 PAE, 3G/1G split, highmem up to 64 GiB)"

#endif /* KERNEL_VERSION_H */
