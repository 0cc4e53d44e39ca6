/* SPDX-License-Identifier: MIT */
/* Host tests use the kernel's frame layout as is. */
#include "../../../kernel/asm/ptrace.h"
