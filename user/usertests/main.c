// SPDX-License-Identifier: MIT
/*
 * usertests: the user-space test suite, after xv6's. Each test checks
 * one thing the kernel promises a Linux i386 program; each runs in a
 * process of its own (lib/utest.c).
 *
 *   usertests                  all tests but oom
 *   usertests -oom             all, with oom (fills memory on purpose)
 *   usertests fork_wait brk    only these
 *   usertests -root DIR ...    find /bin, /bad, /etc under DIR: on a
 *                              Linux host, -root build/initramfs
 */
#include "usertests.h"
#include "utest.h"

/* Fork and exec first: every other test runs in a forked child. */
static const struct utest tests[] = {
	{ "fork_wait", test_fork_wait, 0 },
	{ "fork_many", test_fork_many, 0 },
	{ "wait_no_children", test_wait_no_children, 0 },
	{ "getpid_getppid", test_getpid_getppid, 0 },
	{ "ids", test_ids, 0 },
	{ "exec_args", test_exec_args, 0 },
	{ "exec_env", test_exec_env, 0 },
	{ "exec_missing", test_exec_missing, 0 },
	{ "exec_not_elf", test_exec_not_elf, 0 },
	{ "exec_bad_elfs", test_exec_bad_elfs, 0 },
	{ "vfork_exit", test_vfork_exit, 0 },
	{ "clone_vfork_exec", test_clone_vfork_exec, 0 },
	{ "posix_spawn", test_posix_spawn, 0 },
	{ "posix_spawn_missing", test_posix_spawn_missing, 0 },

	{ "brk", test_brk, 0 },
	{ "sbrk0", test_sbrk0, 0 },
	{ "mmap_16m", test_mmap_16m, 0 },
	{ "mprotect", test_mprotect, 0 },
	{ "madvise_dontneed", test_madvise_dontneed, 0 },
	{ "cow_bss", test_cow_bss, 0 },
	{ "cow_brk", test_cow_brk, 0 },
	{ "cow_malloc", test_cow_malloc, 0 },
	{ "cow_mmap", test_cow_mmap, 0 },
	{ "sysinfo", test_sysinfo, 0 },

	{ "fault_null", test_fault_null, 0 },
	{ "fault_ro_text", test_fault_ro_text, 0 },
	{ "fault_nx_heap", test_fault_nx_heap, 0 },
	{ "fault_div0", test_fault_div0, 0 },
	{ "fault_ud2", test_fault_ud2, 0 },
	{ "fault_kernel_read", test_fault_kernel_read, 0 },
	{ "fault_kernel_write", test_fault_kernel_write, 0 },
	{ "read_with_df_set", test_read_with_df_set, 0 },
	{ "tls_removed_while_loaded", test_tls_removed_while_loaded, 0 },

	{ "kill_sigkill", test_kill_sigkill, 0 },
	{ "kill_sigterm", test_kill_sigterm, 0 },
	{ "sigterm_ignored", test_sigterm_ignored, 0 },
	{ "sigprocmask", test_sigprocmask, 0 },
	{ "uname", test_uname, 0 },
	{ "clock_nanosleep", test_clock_nanosleep, 0 },
	{ "sched_yield", test_sched_yield, 0 },
	{ "sig_handler_regs", test_sig_handler_regs, 0 },
	{ "sig_siginfo", test_sig_siginfo, 0 },
	{ "sig_restart", test_sig_restart, 0 },
	{ "sig_mask_in_handler", test_sig_mask_in_handler, 0 },
	{ "sig_resethand", test_sig_resethand, 0 },
	{ "sig_sigsuspend", test_sig_sigsuspend, 0 },
	{ "sig_sigchld", test_sig_sigchld, 0 },
	{ "sig_altstack", test_sig_altstack, 0 },
	{ "sig_forged_frame", test_sig_forged_frame, 0 },
	{ "pgrp_rules", test_pgrp_rules, 0 },
	{ "kill_group", test_kill_group, 0 },
	{ "stop_continue", test_stop_continue, 0 },
	{ "stop_nanosleep", test_stop_nanosleep, 0 },
	{ "stop_pipe_read", test_stop_pipe_read, 0 },

	{ "file_read", test_file_read, 0 },
	{ "file_lseek", test_file_lseek, 0 },
	{ "file_fstat64", test_file_fstat64, 0 },
	{ "file_readv", test_file_readv, 0 },
	{ "getdents64_bin", test_getdents64_bin, 0 },
	{ "open_missing", test_open_missing, 0 },
	{ "read_dir", test_read_dir, 0 },
	{ "tty_ioctls", test_tty_ioctls, 0 },
	{ "vfs_create_write_read", test_vfs_create_write_read, 0 },
	{ "vfs_append_truncate", test_vfs_append_truncate, 0 },
	{ "vfs_hole", test_vfs_hole, 0 },
	{ "vfs_unlink_open", test_vfs_unlink_open, 0 },
	{ "vfs_rename", test_vfs_rename, 0 },
	{ "vfs_directories", test_vfs_directories, 0 },
	{ "vfs_cwd", test_vfs_cwd, 0 },
	{ "vfs_symlinks", test_vfs_symlinks, 0 },
	{ "vfs_mmap_shared", test_vfs_mmap_shared, 0 },
	{ "vfs_mmap_private", test_vfs_mmap_private, 0 },
	{ "vfs_shared_anon", test_vfs_shared_anon, 0 },
	{ "vfs_statfs_chmod_utimens", test_vfs_statfs_chmod_utimens, 0 },
	{ "dev_zero", test_dev_zero, 0 },
	{ "dev_full", test_dev_full, 0 },
	{ "dev_urandom", test_dev_urandom, 0 },
	{ "getrandom", test_getrandom, 0 },
	{ "poll_pipe", test_poll_pipe, 0 },
	{ "select_pipe", test_select_pipe, 0 },
	{ "tty_pgrp", test_tty_pgrp, 0 },

	{ "efault_read", test_efault_read, 0 },
	{ "efault_write", test_efault_write, 0 },
	{ "efault_readv", test_efault_readv, 0 },
	{ "efault_writev", test_efault_writev, 0 },
	{ "efault_open", test_efault_open, 0 },
	{ "efault_stat64", test_efault_stat64, 0 },
	{ "efault_fstat64", test_efault_fstat64, 0 },
	{ "efault_llseek", test_efault_llseek, 0 },
	{ "efault_getdents64", test_efault_getdents64, 0 },
	{ "efault_ioctl", test_efault_ioctl, 0 },
	{ "efault_execve", test_efault_execve, 0 },
	{ "efault_wait4", test_efault_wait4, 0 },
	{ "efault_rt_sigaction", test_efault_rt_sigaction, 0 },
	{ "efault_rt_sigprocmask", test_efault_rt_sigprocmask, 0 },
	{ "efault_nanosleep", test_efault_nanosleep, 0 },
	{ "efault_clock_gettime", test_efault_clock_gettime, 0 },
	{ "efault_uname", test_efault_uname, 0 },
	{ "efault_set_thread_area", test_efault_set_thread_area, 0 },

	/* Last: the kernel must be in a fit state afterwards. */
	{ "oom", test_oom, UTEST_OOM },
};

int main(int argc, char **argv)
{
	return utest_main("usertests", tests, sizeof(tests) / sizeof(tests[0]),
			  argc, argv);
}
