/* SPDX-License-Identifier: MIT */
/*
 * usertests: the tests, one function each, grouped by file; main.c
 * lists them in the order they run.
 */
#ifndef USER_USERTESTS_H
#define USER_USERTESTS_H

/* proc.c: processes, exec, waiting, identities */
void test_fork_wait(void);
void test_fork_many(void);
void test_wait_no_children(void);
void test_getpid_getppid(void);
void test_ids(void);
void test_exec_args(void);
void test_exec_env(void);
void test_exec_missing(void);
void test_exec_not_elf(void);
void test_exec_bad_elfs(void);
void test_vfork_exit(void);
void test_clone_vfork_exec(void);
void test_posix_spawn(void);
void test_posix_spawn_missing(void);

/* signals.c: kill and the default actions, time, uname */
void test_kill_sigkill(void);
void test_kill_sigterm(void);
void test_sigterm_ignored(void);
void test_sigprocmask(void);
void test_uname(void);
void test_clock_nanosleep(void);
void test_sched_yield(void);

/* sighandlers.c: handlers, frames, sigreturn, restart, SIGCHLD */
void test_sig_handler_regs(void);
void test_sig_siginfo(void);
void test_sig_restart(void);
void test_sig_mask_in_handler(void);
void test_sig_resethand(void);
void test_sig_sigsuspend(void);
void test_sig_sigchld(void);
void test_sig_altstack(void);
void test_sig_forged_frame(void);

/* jobctl.c: process groups, sessions, stop and continue */
void test_pgrp_rules(void);
void test_kill_group(void);
void test_stop_continue(void);
void test_stop_nanosleep(void);
void test_stop_pipe_read(void);

/* vfs.c: the writable file system, in /tmp */
void test_vfs_create_write_read(void);
void test_vfs_append_truncate(void);
void test_vfs_hole(void);
void test_vfs_unlink_open(void);
void test_vfs_rename(void);
void test_vfs_directories(void);
void test_vfs_cwd(void);
void test_vfs_symlinks(void);
void test_vfs_mmap_shared(void);
void test_vfs_mmap_private(void);
void test_vfs_shared_anon(void);
void test_vfs_statfs_chmod_utimens(void);

/* mem.c: brk, mmap, mprotect, madvise, copy-on-write, sysinfo, OOM */
void test_brk(void);
void test_sbrk0(void);
void test_mmap_16m(void);
void test_mprotect(void);
void test_madvise_dontneed(void);
void test_cow_bss(void);
void test_cow_brk(void);
void test_cow_malloc(void);
void test_cow_mmap(void);
void test_sysinfo(void);
void test_oom(void);

/* faults.c: a child does something illegal and gets the right signal */
void test_fault_null(void);
void test_fault_ro_text(void);
void test_fault_nx_heap(void);
void test_fault_div0(void);
void test_fault_ud2(void);
void test_fault_kernel_read(void);
void test_fault_kernel_write(void);
void test_read_with_df_set(void);
void test_tls_removed_while_loaded(void);

/* efault.c: bad pointers into system calls return EFAULT */
void test_efault_read(void);
void test_efault_write(void);
void test_efault_readv(void);
void test_efault_writev(void);
void test_efault_open(void);
void test_efault_stat64(void);
void test_efault_fstat64(void);
void test_efault_llseek(void);
void test_efault_getdents64(void);
void test_efault_ioctl(void);
void test_efault_execve(void);
void test_efault_wait4(void);
void test_efault_rt_sigaction(void);
void test_efault_rt_sigprocmask(void);
void test_efault_nanosleep(void);
void test_efault_clock_gettime(void);
void test_efault_uname(void);
void test_efault_set_thread_area(void);

/* files.c: the read-only initramfs */
void test_file_read(void);
void test_file_lseek(void);
void test_file_fstat64(void);
void test_file_readv(void);
void test_getdents64_bin(void);
void test_open_missing(void);
void test_read_dir(void);
void test_tty_ioctls(void);

/* devices.c: /dev/zero, full, urandom, getrandom, poll, select, tty groups */
void test_dev_zero(void);
void test_dev_full(void);
void test_dev_urandom(void);
void test_getrandom(void);
void test_poll_pipe(void);
void test_select_pipe(void);
void test_tty_pgrp(void);

/* Shared by the files above. */

/*
 * wait_for - waitpid() that fails the test when it cannot wait
 * @pid: the child, as fork() returned it
 * Return: the child's wait status.
 */
int wait_for(int pid);

/*
 * exec_in_child - execve() in a child process and wait for it
 * @path: the program, with utest_root already added
 * @argv: its arguments
 * @envp: its environment
 *
 * The child exits with execve()'s errno when execve() fails.
 * Return: the child's wait status.
 */
int exec_in_child(const char *path, char *const argv[], char *const envp[]);

/*
 * find_tty - the first of fds 0-2 that is a terminal (TCGETS works)
 * Return: the fd, or -1 when none is (the host's output is a file).
 */
int find_tty(void);

#endif
