/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_VERSION_H
#define KERNEL_VERSION_H

#define KERNEL_NAME "hmkernel"
#define KERNEL_VERSION "0.1"
/* What uname(2) and /proc/version tell programs. */
#define UTS_SYSNAME "Linux" /* what programs test for: the ABI's name */
#define UTS_RELEASE "6.1.0-" KERNEL_NAME "-" KERNEL_VERSION
#define UTS_VERSION "#1 SMP PAE"
#define KERNEL_BANNER \
	KERNEL_NAME " " KERNEL_VERSION " (i386 PAE, 3G/1G split, highmem up to 64 GiB)"

#endif /* KERNEL_VERSION_H */
