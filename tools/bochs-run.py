#!/usr/bin/python3
"""bochs-run.py: boot the kernel ISO in Bochs, the kernel shell on this terminal.

usage: bochs-run.py [--debug] [--build DIR] [--log FILE] [--com1-log FILE]
                    [--timeout SECS] ISO [MEM]

Bochs starts in its debugger. Without --debug it continues at once and
stops only at magic breakpoints (xchg bx, bx: bochs.break= and the shell
command `break`) or at Ctrl-C; with --debug it waits at the first prompt.

Two pseudo-terminals sit between this terminal and Bochs:
  - Bochs' own standard input and output, where its debugger reads
    commands (with readline, as on a terminal) and where port 0xE9, the
    kernel's debug console, prints;
  - COM1 (`com1: mode=term`), where the kernel shell reads its input.
What is typed goes to whichever of the two last asked for it: the
debugger when its prompt "<bochs:N> " is the last one Bochs printed, the
kernel shell otherwise. Piped input is fed one line per prompt, so a
script can mix shell and debugger commands. The kernel prints
everything on COM1 and on port 0xE9; only port 0xE9 is shown (it comes
in order with the debugger's output, and nothing is lost at shutdown),
COM1's copy goes to a log.

Exit status, as tools/qemu-run.sh:
  0  the kernel powered off with success
  1  the kernel powered off with failure (a test failed, or a panic)
  2  no status from the kernel (Bochs quit, timed out, or was refused)
"""
import argparse
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import tty

TOOLS = os.path.dirname(os.path.abspath(__file__))
X_PLUGIN_DIR = "/usr/lib/x86_64-linux-gnu/bochs/plugins"

# Bochs 2.7 allocates at most 2048 MiB of host memory for the guest
# ("host" in `memory:`); a larger guest is mapped in blocks on demand.
HOST_MIB_MAX = 2048
# Before the BIOS runs, Bochs registers one save-state entry per 128 KiB
# block of such a guest, in time that grows much faster than the size.
# Measured here, Bochs start to its first prompt: 2G 1.2 s, 3G 4 s,
# 4G 10 s, 6G 26 s, 8G about 54 s; 16G had not started after 150 s.
# See docs/debugging.md.
GUEST_MIB_MAX = 8 * 1024
# The BIOS puts at most 3 GiB below 4 GiB and the rest of the guest's
# RAM from 4 GiB up, so the hole between 3 and 4 GiB costs 1 GiB.
BELOW_4G_MIB = 3 * 1024

EXIT_SUCCESS, EXIT_FAILURE, EXIT_NO_STATUS = 0, 1, 2

SHELL, DEBUGGER = "shell", "debugger"
PROMPTS = re.compile(rb"kernel> |<bochs:\d+> ")
PROMPT_TAIL = 32  # longer than any prompt, for prompts split across reads
# The kernel's last line names its status (kernel/drivers/power.c).
POWER_OFF = re.compile(rb"^Power off: (success|FAILURE)\r?\n")
# Bochs' info messages from before it opens its log file: noise here.
STARTUP_NOISE = re.compile(rb"^\d{11}i\[")
MAYBE_STARTUP_NOISE = re.compile(rb"\d{0,11}i?")
CTRL_C = b"\x03"

# From a terminal, what is typed after a line waits this long for a
# prompt (the debugger's, after `break`) before going to the shell.
TYPEAHEAD_HOLD = 1.0
PIPE_WINDOW = (50, 200)  # rows, columns: long debugger lines stay whole


class Refused(Exception):
    """A request this runner will not start Bochs for."""


def parse_mem(text):
    """Read a QEMU-style size (512M, 6G; a plain number is MiB) as MiB."""
    m = re.fullmatch(r"([0-9]+)([mMgG]?)", text)
    if not m or int(m.group(1)) == 0:
        raise Refused("MEM=%s: not a size (use e.g. 512M or 6G)" % text)
    mib = int(m.group(1))
    return mib * 1024 if m.group(2) in ("g", "G") else mib


def check_mem(mib, text):
    """Refuse guests Bochs cannot start in reasonable time; note the hole."""
    if mib > GUEST_MIB_MAX:
        raise Refused(
            "MEM=%s: too large for Bochs 2.7, whose start-up time grows "
            "much faster than the guest's RAM (8G starts in about a "
            "minute, 16G takes minutes before the BIOS runs); use at "
            "most %dG here, or QEMU (make run) up to 61G"
            % (text, GUEST_MIB_MAX // 1024))
    if mib > BELOW_4G_MIB:
        seen = BELOW_4G_MIB + max(0, mib - 4 * 1024)
        note("MEM=%s: Bochs puts 3 GiB below 4 GiB and only the RAM past "
             "4 GiB above it: the kernel sees %d MiB" % (text, seen))


def note(message):
    sys.stderr.write("bochs-run: %s\n" % message)
    sys.stderr.flush()


def set_window(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def copy_window(src, dst):
    fcntl.ioctl(dst, termios.TIOCSWINSZ,
                fcntl.ioctl(src, termios.TIOCGWINSZ, b"\0" * 8))


def take_controlling_tty():
    """In the child, after setsid(): make its stdin, the pty, its
    controlling terminal, so that Bochs gets SIGHUP if this runner dies
    instead of running on unseen."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def write_inputrc(path):
    """Bochs' readline setup: the user's own, then no bracketed paste.
    With it on, readline switches the terminal into a mode that wraps
    pasted text in escape sequences, which would reach the kernel shell
    when the paste goes there."""
    user = os.environ.get("INPUTRC", os.path.expanduser("~/.inputrc"))
    with open(path, "w") as f:
        for rc in ("/etc/inputrc", user):
            if os.path.isfile(rc):
                f.write("$include %s\n" % rc)
        f.write("set enable-bracketed-paste off\n")


class RawTerminal:
    """This terminal with line editing, echo and signals off while Bochs
    runs: the kernel shell and the debugger's readline echo and edit, and
    Ctrl-C is routed by hand. Output processing stays on, so that a bare
    LF from Bochs still starts a new line."""

    def __init__(self, fd):
        self.fd = fd
        self.saved = None

    def __enter__(self):
        self.saved = termios.tcgetattr(self.fd)
        mode = termios.tcgetattr(self.fd)
        mode[tty.IFLAG] &= ~(termios.ICRNL | termios.INLCR | termios.IGNCR |
                             termios.IXON)
        mode[tty.LFLAG] &= ~(termios.ICANON | termios.ECHO | termios.ISIG |
                             termios.IEXTEN)
        mode[tty.CC][termios.VMIN] = 1
        mode[tty.CC][termios.VTIME] = 0
        termios.tcsetattr(self.fd, termios.TCSADRAIN, mode)
        return self

    def __exit__(self, *exc):
        termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)


class Channel:
    """A pty master written to without ever blocking the loop (Bochs does
    not read COM1 while it sits in its debugger)."""

    def __init__(self, fd):
        self.fd = fd
        self.pending = bytearray()
        os.set_blocking(fd, False)

    def send(self, data):
        self.pending += data
        self.flush()

    def flush(self):
        try:
            del self.pending[:os.write(self.fd, self.pending)]
        except BlockingIOError:
            pass
        except OSError:  # EIO: Bochs is gone, nobody will read it
            self.pending.clear()


class BochsOutput:
    """What Bochs prints: shown to the user without Bochs' start-up
    chatter, and watched for prompts and for the kernel's power-off line."""

    def __init__(self, sink):
        self.sink = sink
        self.line = b""  # the line being printed, not yet complete
        self.shown = 0  # how much of it the user has seen
        self.tail = b""
        self.status = None

    def feed(self, data):
        """Show @data; return whose prompt it ends with, if any."""
        owner = self.last_prompt(data)
        self.line += data
        while b"\n" in self.line:
            end = self.line.index(b"\n") + 1
            self.complete_line(self.line[:end])
            self.line = self.line[end:]
            self.shown = 0
        # Show a partial line at once (prompts have no newline) unless it
        # is, or may still turn out to be, start-up noise.
        if self.shown or not self.may_be_noise(self.line):
            self.show(self.line[self.shown:])
            self.shown = len(self.line)
        self.sink.flush()
        return owner

    def last_prompt(self, data):
        text = self.tail + data
        owner = None
        for m in PROMPTS.finditer(text):
            if m.end() > len(self.tail):
                owner = DEBUGGER if m.group().startswith(b"<") else SHELL
        self.tail = text[-PROMPT_TAIL:]
        return owner

    @staticmethod
    def may_be_noise(partial):
        return bool(STARTUP_NOISE.match(partial) or
                    MAYBE_STARTUP_NOISE.fullmatch(partial))

    def complete_line(self, line):
        m = POWER_OFF.match(line)
        if m:
            self.status = (EXIT_SUCCESS if m.group(1) == b"success"
                           else EXIT_FAILURE)
        if self.shown or not STARTUP_NOISE.match(line):
            self.show(line[self.shown:])

    def show(self, data):
        if data:
            self.sink.write(data)

    def finish(self):
        self.show(self.line[self.shown:])
        self.sink.flush()


class InputRouter:
    """Sends what is typed or piped in to the kernel shell or to the
    debugger: to the one whose prompt came last. After a complete line,
    the rest waits for the answer's prompt: for ever when input is piped
    (one line per prompt), TYPEAHEAD_HOLD seconds from a terminal (a
    command may run long; typing then goes to the shell)."""

    def __init__(self, interactive):
        self.hold = TYPEAHEAD_HOLD if interactive else None
        self.queue = bytearray()
        self.target = SHELL
        # Piped lines wait for the first prompt: input sent before the
        # kernel runs would be lost (GRUB resets the UART's FIFO).
        self.waiting = not interactive
        self.deadline = None

    def add(self, data):
        self.queue += data

    def prompted(self, owner):
        self.target = owner
        self.waiting = False
        self.deadline = None

    def at_debugger_prompt(self):
        return self.target == DEBUGGER and not self.waiting

    def next_deadline(self):
        return self.deadline if self.waiting and self.queue else None

    def take(self, now):
        """Return the (target, bytes) pieces that may be sent now."""
        if self.waiting and self.deadline is not None and now >= self.deadline:
            self.prompted(SHELL)
        pieces = []
        while self.queue and not self.waiting:
            line_end = re.search(rb"\r\n|\r|\n", self.queue)
            end = line_end.end() if line_end else len(self.queue)
            pieces.append((self.target, bytes(self.queue[:end])))
            del self.queue[:end]
            if line_end:
                self.waiting = True
                self.deadline = None if self.hold is None else now + self.hold
        return pieces


class BochsRun:
    """One Bochs process with its two ptys, and the loop between them
    and this terminal."""

    def __init__(self, opts, mib):
        self.opts = opts
        self.mib = mib
        self.interactive = os.isatty(0)
        self.tmp = tempfile.TemporaryDirectory(prefix="hmbochs.")
        self.proc = None
        self.bochs_fd = None

    def bochs_command(self):
        cmd = ["bochs", "-q"]
        if not self.opts.debug:
            rc = os.path.join(self.tmp.name, "continue.rc")
            with open(rc, "w") as f:
                f.write("c\n")
            cmd += ["-rc", rc]
        cmd += ["-f", os.path.join(TOOLS, "bochsrc")]
        # Lines after -f override the file's.
        if self.opts.no_vbe:
            cmd += ["pci: enabled=1, chipset=i440fx", "vga: extension=none"]
        if self.opts.smp or self.opts.cpu:
            cpu = "cpu: count=%d" % max(self.opts.smp, 1)
            if self.opts.cpu:
                cpu += ", model=%s" % self.opts.cpu
            cmd.append(cpu)
        # A window when there is a display and Bochs has its X plugin.
        if os.environ.get("DISPLAY") and os.path.isdir(X_PLUGIN_DIR) and any(
                n.startswith("libbx_x_gui.so") for n in os.listdir(X_PLUGIN_DIR)):
            cmd.append("display_library: x")
        return cmd

    def bochs_env(self, com1_tty):
        inputrc = os.path.join(self.tmp.name, "inputrc")
        write_inputrc(inputrc)
        env = dict(os.environ,
                   BX_ISO=self.opts.iso, BX_MEGS=str(self.mib),
                   BX_HOST_MEGS=str(min(self.mib, HOST_MIB_MAX)),
                   BX_LOG=self.opts.log, BX_SYMBOLS=self.opts.symbols,
                   BX_SERIAL_TTY=com1_tty, INPUTRC=inputrc)
        if not self.interactive:
            env["TERM"] = "dumb"  # plain echo in logs, no escapes
        return env

    def start(self):
        """Open the ptys and start Bochs on them."""
        self.com1_fd, com1_slave = pty.openpty()
        # Keep COM1's slave open for the whole run: without an open
        # slave, reading the master fails until Bochs opens it. Raw, so
        # input is not echoed back before Bochs sets it up.
        tty.setraw(com1_slave)
        self.com1_slave = com1_slave
        self.bochs_fd, bochs_slave = pty.openpty()
        mode = termios.tcgetattr(bochs_slave)
        mode[tty.OFLAG] &= ~termios.ONLCR  # plain LF, as on a pipe
        termios.tcsetattr(bochs_slave, termios.TCSANOW, mode)
        if self.interactive:
            copy_window(0, bochs_slave)
        else:
            set_window(bochs_slave, *PIPE_WINDOW)
        self.proc = subprocess.Popen(
            self.bochs_command(), stdin=bochs_slave, stdout=bochs_slave,
            stderr=bochs_slave, env=self.bochs_env(os.ttyname(com1_slave)),
            start_new_session=True, preexec_fn=take_controlling_tty)
        os.close(bochs_slave)

    def resize(self):
        """The terminal changed size: so does Bochs' (readline wraps by it)."""
        if self.bochs_fd is not None:
            copy_window(0, self.bochs_fd)

    def stop(self):
        """End Bochs if it still runs (timeout, signal, error)."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def interrupt(self, data, router):
        """Ctrl-C while the kernel runs stops it in the debugger, as in
        Bochs on a terminal; at the debugger prompt it is readline's."""
        if router.at_debugger_prompt():
            return data
        if CTRL_C in data:
            self.proc.send_signal(signal.SIGINT)
        return data.replace(CTRL_C, b"")

    def loop(self, output, router, com1_log, deadline):
        """Copy between this terminal and Bochs until Bochs ends; return
        False on timeout."""
        to_bochs, to_com1 = Channel(self.bochs_fd), Channel(self.com1_fd)
        stdin_open = True
        while True:
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                return False
            for target, data in router.take(now):
                (to_bochs if target == DEBUGGER else to_com1).send(data)
            readers = [self.bochs_fd, self.com1_fd] + ([0] if stdin_open else [])
            writers = [c.fd for c in (to_bochs, to_com1) if c.pending]
            wake = [t for t in (deadline, router.next_deadline()) if t is not None]
            timeout = max(0, min(wake) - now) if wake else None
            ready, writable, _ = select.select(readers, writers, [], timeout)
            if self.bochs_fd in ready:
                try:
                    data = os.read(self.bochs_fd, 4096)
                except OSError:  # EIO: Bochs has closed its terminal
                    data = b""
                if not data:
                    return True
                owner = output.feed(data)
                if owner:
                    router.prompted(owner)
            if self.com1_fd in ready:
                com1_log.write(os.read(self.com1_fd, 4096))
            if 0 in ready:
                data = os.read(0, 4096)
                if not data:
                    stdin_open = False
                elif self.interactive:
                    router.add(self.interrupt(data, router))
                else:
                    router.add(data.replace(b"\r\n", b"\n"))
            for channel in (to_bochs, to_com1):
                if channel.fd in writable:
                    channel.flush()

    def drain_com1(self, com1_log):
        os.set_blocking(self.com1_fd, False)
        try:
            while True:
                com1_log.write(os.read(self.com1_fd, 4096))
        except (BlockingIOError, OSError):
            pass

    def run(self):
        """Boot, copy until Bochs ends, return the exit status."""
        output = BochsOutput(sys.stdout.buffer)
        router = InputRouter(self.interactive)
        deadline = None
        if self.opts.timeout:
            deadline = time.monotonic() + self.opts.timeout
        for path in (self.opts.log, self.opts.com1_log):
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(self.opts.com1_log, "wb") as com1_log:
            self.start()
            if self.interactive:
                note("the kernel shell is on this terminal once it boots; "
                     "`break` or Ctrl-C stops in the Bochs debugger "
                     "(c continues, q quits Bochs)")
            ended = self.loop(output, router, com1_log, deadline)
            output.finish()
            if not ended:
                note("timed out after %g s" % self.opts.timeout)
                self.stop()
                return EXIT_NO_STATUS
            self.proc.wait()
            self.drain_com1(com1_log)
        if output.status is None:
            note("Bochs stopped without a status from the kernel")
            return EXIT_NO_STATUS
        return output.status


def parse_args():
    p = argparse.ArgumentParser(
        description="Boot the kernel ISO in Bochs with the shell on this "
        "terminal and the Bochs debugger a `break` away.")
    p.add_argument("--debug", action="store_true",
                   help="wait at the first debugger prompt")
    p.add_argument("--build", default="build",
                   help="build directory: kernel.sym and the logs (default build)")
    p.add_argument("--log", help="Bochs' log (default BUILD/bochs.log)")
    p.add_argument("--com1-log",
                   help="what the kernel wrote to COM1 (default BUILD/bochs-com1.log)")
    p.add_argument("--timeout", type=float,
                   help="stop Bochs after this many seconds (status 2)")
    p.add_argument("--smp", type=int, default=0,
                   help="processors (Bochs cpu: count=N)")
    p.add_argument("--cpu", help="CPU model (bochs --help cpu lists them)")
    p.add_argument("--no-vbe", action="store_true",
                   help="a plain VGA without the Bochs VBE framebuffer")
    p.add_argument("iso")
    p.add_argument("mem", nargs="?", default="512M",
                   help="guest RAM, QEMU style: 512M, 6G (default 512M, at most 8G)")
    opts = p.parse_args()
    opts.symbols = os.path.join(opts.build, "kernel.sym")
    opts.log = opts.log or os.path.join(opts.build, "bochs.log")
    opts.com1_log = opts.com1_log or os.path.join(opts.build, "bochs-com1.log")
    return opts


def stop_on_signal(signum, frame):
    raise SystemExit(EXIT_NO_STATUS)


def main():
    opts = parse_args()
    try:
        mib = parse_mem(opts.mem)
        check_mem(mib, opts.mem)
        for path in (opts.iso, opts.symbols):
            if not os.path.isfile(path):
                raise Refused("%s: no such file (run make first)" % path)
    except Refused as e:
        note(str(e))
        return EXIT_NO_STATUS
    run = BochsRun(opts, mib)
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, stop_on_signal)
    try:
        if run.interactive:
            signal.signal(signal.SIGWINCH, lambda *_: run.resize())
            with RawTerminal(0):
                return run.run()
        return run.run()
    finally:
        run.stop()
        run.tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
