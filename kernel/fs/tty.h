/* SPDX-License-Identifier: MIT */
/*
 * The console tty (kernel/fs/tty.c): the serial line as a terminal with
 * Linux's line discipline, and who of the user's session and the
 * kernel's debug shell gets what is typed.
 *
 * The serial input has one owner at a time. The kernel shell owns it
 * while no program runs in the foreground; a foreground program's
 * session (init=, or the shell's run) owns it while it runs, and then
 * its bytes go through the line discipline as they arrive, so ^C works
 * on a program that never reads. TTY_ESCAPE (Ctrl-]) typed while a
 * session owns the input hands it to the kernel shell; the shell's exit
 * or the same key hands it back.
 */
#ifndef KERNEL_FS_TTY_H
#define KERNEL_FS_TTY_H

#include "kernel/lib/types.h"

#define TTY_ESCAPE 0x1d /* Ctrl-], as telnet has it */
/* What tty_shell_getc() returns when the shell has just got the input. */
#define TTY_SHELL_RESUMED (-2)

/**
 * tty_init - hang the console tty's line discipline on the serial input
 *
 * Context: the main thread, before the first program; may sleep.
 */
void tty_init(void);

/**
 * tty_claim_begin - the next program spawned gets the console tty
 *
 * Until tty_claim_end(), the first session leader that opens the
 * console (process_spawn's child, as it installs descriptors 0-2,
 * before its exec) makes it the controlling tty of its session, with
 * its group in the foreground, and the session gets the serial input.
 * A tty that has a session already is left alone.
 * Context: thread (the spawner, before process_spawn).
 */
void tty_claim_begin(void);

/**
 * tty_claim_end - close the claim tty_claim_begin() opened
 *
 * Context: thread (the spawner, after process_spawn).
 * Return: the session that took the tty, or 0.
 */
int tty_claim_end(void);

/**
 * tty_detach - session @session is over: the tty is nobody's again
 * @session: the session that took it (tty_claim_end)
 * @reprompt: the shell waited meanwhile: have it print a new prompt
 *
 * What is left of its foreground group gets SIGHUP and SIGCONT, as on
 * Linux when a session leader exits. The input goes back to the kernel
 * shell, with what the session typed ahead and did not read.
 * Context: thread.
 */
void tty_detach(int session, bool reprompt);

/**
 * tty_shell_getc - the kernel shell's next input byte
 *
 * Waits while a session owns the input. What the last session typed
 * ahead and left unread comes first (the tty echoed it then; the shell
 * shows it again at its prompt, as readline does).
 * Context: thread (the shell); sleeps.
 * Return: the byte, or TTY_SHELL_RESUMED when the shell has just got
 * the input back (its half-typed line is gone: prompt again).
 */
int tty_shell_getc(void);

/**
 * tty_shell_wait - wait until the kernel shell owns the serial input
 *
 * Context: thread (the shell, as it starts); sleeps.
 */
void tty_shell_wait(void);

/**
 * tty_shell_release - the kernel shell gives the input back to the session
 *
 * Says "[back to the program]" first.
 * Context: thread (the shell).
 * Return: true, or false if no session has the tty.
 */
bool tty_shell_release(void);

struct file;

/**
 * tty_open_console - a new open file on the console tty (5:1, 4:0)
 * @flags: O_* of open
 * @filp: receives it
 *
 * Context: thread; may sleep. Return: 0 or -ENOMEM.
 */
int tty_open_console(unsigned int flags, struct file **filp);

/**
 * tty_open_current - /dev/tty (5:0): the caller's controlling tty
 * @flags: O_* of open
 * @filp: receives it
 *
 * Context: a process's system call; may sleep.
 * Return: 0, -ENXIO (no controlling tty), -ENOMEM.
 */
int tty_open_current(unsigned int flags, struct file **filp);

#endif /* KERNEL_FS_TTY_H */
