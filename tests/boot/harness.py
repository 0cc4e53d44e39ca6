# SPDX-License-Identifier: MIT
"""Booting the kernel for tests: ISOs, runners, output checks, KTAP.

A boot test is one run of the ISO in QEMU, Bochs or QEMU+GDB, fed some
input, whose exit status and output are then compared with what the
case expects (tests/boot/cases.py). Interactive tests drive the serial
shell through a Session instead. Every run goes through the same
scripts a user runs (tools/qemu-run.sh, tools/bochs-run.py), so a test
exercises what `make run` and `make bochs` do.

Exit statuses, as the runners report them: 0 the kernel powered off
with success, 1 with failure (a failed test, a panic), 2 no status at
all (a triple fault, a hang cut short by the timeout).
"""

import fcntl
import hashlib
import os
import random
import re
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TOP = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("BUILD", TOP / "build"))
TEST_DIR = BUILD / "test"
ISO_DIR = TEST_DIR / "iso"
LOG_DIR = TEST_DIR / "logs"

STATUS_NAMES = {0: "success", 1: "failure", 2: "no status"}


@dataclass
class Case:
    """One boot and what must come of it (see tests/boot/cases.py)."""

    name: str
    mem: str
    expect: str  # "pass" or "fail": the kernel's own exit status
    cmdline: str = ""
    runner: str = "qemu"  # "qemu", "bochs", "bochs-debug" or "gdb"
    stdin: str = ""
    has: list = field(default_factory=list)
    lacks: list = field(default_factory=list)
    checks: list = field(default_factory=list)  # commands run with the log
    cpu: str = "max"
    machine: str = "pc"
    smp: int = 0  # 0: the runner's default
    accel: str = ""  # QEMU: "tcg,thread=multi" runs the CPUs at once
    timeout: int = 120
    build: Path = None  # another build tree (DEBUG=1)
    vbe: bool = True  # Bochs: the PCI VGA with the VBE framebuffer
    menu: bool = False  # the GRUB menu waits (make MENU=1)
    feed_after: str = ""  # QEMU: feed stdin after this text, not the banner
    serial: str = ""  # gdb: typed on the kernel's console (stdin is GDB's)
    initramfs: str = ""  # "small" (no busybox) or "empty"; "": the full one
    dialogue: bool = False  # QEMU: stdin is a dialogue (@@expect, @@sleep lines)


def iso_for(cmdline, build=None, menu=False, initramfs=""):
    """The ISO whose default GRUB entry passes @cmdline, built once."""
    build = Path(build or BUILD)
    elf = build / "kernel.elf"
    kind = initramfs
    initramfs = build / (f"initramfs-{kind}.cpio" if kind else "initramfs.cpio")
    key = hashlib.md5(f"{elf}\0{menu}\0{kind}\0{cmdline}".encode()).hexdigest()[:12]
    iso = ISO_DIR / f"{key}.iso"
    ISO_DIR.mkdir(parents=True, exist_ok=True)
    # Test workers run in parallel: one builds, the others wait for it.
    with open(ISO_DIR / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        newest = max(elf.stat().st_mtime, initramfs.stat().st_mtime)
        if not iso.exists() or iso.stat().st_mtime < newest:
            cfg = ISO_DIR / f"{key}.cfg"
            with open(cfg, "w") as out:
                subprocess.run([TOP / "tools/mkgrubcfg.sh"] +
                               (["--menu"] if menu else []) + [cmdline],
                               stdout=out, check=True)
            subprocess.run([TOP / "tools/mkiso.sh", elf, cfg, initramfs,
                            iso], check=True)
    return iso


def runner_env(case):
    env = dict(os.environ)
    env.update(QEMU_TIMEOUT=str(case.timeout), QEMU_MACHINE=case.machine)
    # "max": the runner's own choice (-cpu max,phys-bits=36 on
    # qemu-system-x86_64, plain max for GDB on qemu-system-i386).
    if case.cpu != "max":
        env["QEMU_CPU"] = case.cpu
    else:
        env.pop("QEMU_CPU", None)
    if case.smp:
        env["QEMU_SMP"] = str(case.smp)
    if case.accel:
        env["QEMU_ACCEL"] = case.accel
    if case.feed_after:
        env["QEMU_FEED_AFTER"] = case.feed_after
    if case.dialogue:
        env["QEMU_FEED_SCRIPT"] = "1"
    else:
        env.pop("QEMU_FEED_SCRIPT", None)
    return env


def unescape(text):
    """Case input is written with printf escapes (\\n, \\t)."""
    return text.encode().decode("unicode_escape")


def run_qemu(case, iso, log):
    with open(log, "wb") as out:
        proc = subprocess.run(
            [TOP / "tools/qemu-run.sh", iso, case.mem],
            input=unescape(case.stdin).encode(), stdout=out,
            stderr=subprocess.STDOUT, env=runner_env(case),
            timeout=case.timeout + 30)
    return proc.returncode


def bochs_command(case, iso, log):
    """tools/bochs-run.py for @case: its logs beside @log."""
    args = [TOP / "tools/bochs-run.py", "--build", case.build or BUILD,
            "--log", f"{log}.bochs", "--com1-log", f"{log}.com1",
            "--timeout", str(case.timeout)]
    if case.runner == "bochs-debug":
        args.append("--debug")
    if case.smp:
        args += ["--smp", str(case.smp)]
    if not case.vbe:
        args.append("--no-vbe")
    if case.cpu != "max":
        args += ["--cpu", case.cpu]
    return args + [iso, case.mem]


def run_bochs(case, iso, log):
    """tools/bochs-run.py feeds the input one line per prompt, to the
    shell or the debugger, and reports the kernel's status."""
    with open(log, "wb") as out:
        try:
            proc = subprocess.run(bochs_command(case, iso, log),
                                  input=unescape(case.stdin).encode(),
                                  stdout=out, stderr=subprocess.STDOUT,
                                  timeout=case.timeout + 30)
        except subprocess.TimeoutExpired:
            return 2
    return proc.returncode


def run_gdb(case, iso, log):
    """QEMU halted at reset, waiting for GDB; the input is GDB commands."""
    port = random.randrange(20000, 40000)
    qemu_log = Path(f"{log}.qemu")
    cmds = Path(f"{log}.gdbcmds")
    cmds.write_text(unescape(case.stdin))
    with open(qemu_log, "wb") as qout:
        qemu = subprocess.Popen(
            [TOP / "tools/qemu-run.sh", iso, case.mem, "-S", "-gdb",
             f"tcp:127.0.0.1:{port}"],
            stdin=subprocess.PIPE, stdout=qout, stderr=subprocess.STDOUT,
            env=runner_env(case))
        qemu.stdin.write(unescape(case.serial).encode())
        qemu.stdin.close()
        # The ELF first, then tools/gdbinit, as make gdb does.
        gdb_args = ["gdb", "-q", "-batch", "-nx",
                    "-ex", f"file {case.build or BUILD}/kernel.elf",
                    "-x", TOP / "tools/gdbinit",
                    "-ex", f"target remote 127.0.0.1:{port}", "-x", cmds]
        with open(log, "wb") as out:
            try:
                subprocess.run(gdb_args, stdin=subprocess.DEVNULL,
                               stdout=out, stderr=subprocess.STDOUT,
                               cwd=TOP, timeout=case.timeout)
            except subprocess.TimeoutExpired:
                pass
        try:
            rc = qemu.wait(timeout=case.timeout)
        except subprocess.TimeoutExpired:
            qemu.kill()
            rc = 2
    with open(log, "ab") as out:
        out.write(qemu_log.read_bytes())
    return rc


RUNNERS = {"qemu": run_qemu, "bochs": run_bochs, "bochs-debug": run_bochs,
           "gdb": run_gdb}


def boot(case):
    """Run @case once. Return: (exit status, log path, output text)."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log = LOG_DIR / f"{case.name}.log"
    iso = iso_for(case.cmdline, case.build, case.menu, case.initramfs)
    rc = RUNNERS[case.runner](case, iso, log)
    text = log.read_text(errors="replace").replace("\r", "")
    return rc, log, text


def problems(case, rc, log, text):
    """What is wrong with a boot of @case (empty list: nothing)."""
    found = []
    want = 0 if case.expect == "pass" else 1
    if rc != want:
        found.append(f"expected {case.expect}, got status {rc} "
                     f"({STATUS_NAMES.get(rc, 'runner error')})")
    for regex in case.has:
        if not re.search(regex, text, re.M):
            found.append(f"output lacks /{regex}/")
    for regex in case.lacks:
        if re.search(regex, text, re.M):
            found.append(f"output has /{regex}/")
    for check in case.checks:
        # "SCRIPT [OPTION...]": the log comes last.
        script, *options = check.split()
        proc = subprocess.run([TOP / script, *options, log],
                              capture_output=True, text=True, cwd=TOP)
        with open(f"{log}.check", "a") as out:
            out.write(proc.stdout + proc.stderr)
        if proc.returncode != 0:
            found.append(f"check {check} failed: {proc.stdout.strip()}")
    return found


# ---- KTAP: the in-kernel tests' results ----

KTAP_RESULT = re.compile(r"^(    )?(not ok|ok) \d+ (\S+)(?: # (SKIP)\b ?(.*))?$")


def ktap_results(text):
    """Every test case in the KTAP output: [(suite.name, status, reason)].

    status is "pass", "fail" or "skip". Lines of a nested suite block
    are cases; the top-level lines are the suites' own summaries and are
    not counted again.
    """
    results, suite = [], None
    for line in text.splitlines():
        m = re.match(r"^    # Subtest: (\S+)", line)
        if m:
            suite = m.group(1)
            continue
        m = KTAP_RESULT.match(line)
        if not m or not m.group(1):
            continue
        status = "skip" if m.group(4) else (
            "pass" if m.group(2) == "ok" else "fail")
        results.append((f"{suite}.{m.group(3)}", status, m.group(5) or ""))
    return results


# ---- interactive sessions ----

class Session:
    """The serial shell of a running kernel, driven like a user would.

    with Session("64M") as k:
        out = k.command("meminfo")

    With runner="bochs" or "bochs-debug" the kernel runs in Bochs
    (tools/bochs-run.py) and a command may also go to the Bochs debugger:
    command() then waits for whichever prompt comes next, the shell's or
    the debugger's. Bochs-debug sessions start at the debugger's prompt.
    """

    PROMPT = "kernel> "
    PROMPTS = {"qemu": re.escape(PROMPT),
               "bochs": re.escape(PROMPT) + r"|<bochs:\d+> ",
               "bochs-debug": re.escape(PROMPT) + r"|<bochs:\d+> "}

    def __init__(self, mem, cmdline="", timeout=120, name="session",
                 cpu="max", smp=0, runner="qemu"):
        self.case = Case(name=name, mem=mem, expect="pass", cmdline=cmdline,
                         cpu=cpu, smp=smp, timeout=timeout, runner=runner)
        self.prompt = self.PROMPTS[runner]
        self.log = LOG_DIR / f"{name}.log"
        self.output = ""
        self._seen = 0
        self._lock = threading.Lock()
        self.proc = None

    def _command(self, iso):
        if self.case.runner == "qemu":
            return [TOP / "tools/qemu-run.sh", iso, self.case.mem]
        return bochs_command(self.case, iso, self.log)

    def __enter__(self):
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        iso = iso_for(self.case.cmdline)
        self.proc = subprocess.Popen(
            self._command(iso),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, env=runner_env(self.case))
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.expect(self.prompt)
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self._reader.join(timeout=5)
        self.log.write_text(self.output)

    def _read(self):
        for chunk in iter(lambda: self.proc.stdout.read1(4096), b""):
            with self._lock:
                self.output += chunk.decode(errors="replace").replace(
                    "\r", "")

    def expect(self, regex, timeout=None):
        """Wait for @regex in the output not yet consumed; return the text."""
        deadline = time.monotonic() + (timeout or self.case.timeout)
        while time.monotonic() < deadline:
            with self._lock:
                m = re.compile(regex, re.M).search(self.output, self._seen)
                if m:
                    text = self.output[self._seen:m.end()]
                    self._seen = m.end()
                    return text
            if self.proc.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.05)
        raise AssertionError(f"{self.case.name}: no /{regex}/ in time; "
                             f"last output:\n{self.output[-2000:]}")

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def command(self, line, timeout=None):
        """Type @line; return what it printed up to the next prompt."""
        self.send(line + "\n")
        text = self.expect(self.prompt, timeout)
        # Drop the echoed command line and the prompt.
        body = text.split("\n", 1)[1] if "\n" in text else ""
        return re.sub(f"(?:{self.prompt})$", "", body)

    def finish(self, line):
        """Type @line, the last one (poweroff, or the debugger's c that
        lets the kernel power off); return the runner's exit status once
        all of the output is read."""
        self.send(line + "\n")
        rc = self.proc.wait(timeout=self.case.timeout)
        self._reader.join(timeout=5)
        return rc

    def power_off(self):
        """Type poweroff; return the runner's exit status."""
        return self.finish("poweroff")
