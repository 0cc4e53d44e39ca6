// SPDX-License-Identifier: MIT
/*
 * Shell commands about highmem mappings. (kmap and kunmap, which map
 * pages the shell took with alloc, are in page_cmds.c with the list of
 * those pages.)
 */
#include "highmem/highmem.h"
#include "kernel/shell/shell.h"

SHELL_SEQ_COMMAND("pkmapinfo", "the persistent kmap pool", pkmapinfo_show);
