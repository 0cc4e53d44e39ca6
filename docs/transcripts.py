# SPDX-License-Identifier: MIT
"""The recipe of every generated block and figure in README.md and docs/.

In the Markdown files a generated block is marked by the line before it:

    <!-- transcript: NAME -->     a fenced block cut from a boot (TRANSCRIPTS)
    <!-- table: NAME -->          a block or Markdown table made from the
                                  committed benchmark results (TABLES)

and a figure in running text by a pair around it:

    <!-- figure: NAME -->65<!-- /figure -->                     (FIGURES)

`make docs` (tools/mkdocs.py) boots each BOOT once with
tests/boot/harness.py, cuts every transcript out of its boot's output and
writes it, and the tables and figures, into the docs. `make test`
(tests/test_docs.py) does the same and compares, after the masks: a
doc that no longer matches the kernel fails the build.

A boot's input is either a string, piped in as with `printf ... | make
run` (QEMU) or GDB's commands, or a list of steps typed one per prompt
(a Session, QEMU or Bochs): a step is a line, or a function of the
output so far that returns the line(s) to type, so that a command can
use an address the kernel printed. The last step is typed and the run
waits for the end.

A transcript keeps the lines of some Cuts of its boot's output, with
"..." where lines between two cuts were left out, minus the lines that
match one of `drop`; `masks` are regex substitutions applied to both
the fresh and the committed text before they are compared: what differs
from one run of the same build to the next (TSC counts, Bochs' ticks in
a shell session, the stress run's counts under fault injection). What
is not masked repeated exactly in runs made to find out.
"""

import re
from dataclasses import dataclass, field

import bench_linux  # tools/bench_linux.py, likewise
import bench_table  # tools/bench_table.py: mkdocs.py puts tools/ on the path
from harness import BUILD  # tests/boot/harness.py, likewise


@dataclass
class Boot:
    runner: str  # "qemu", "bochs", "bochs-debug" or "gdb"
    mem: str
    cmdline: str = ""
    input: object = ""  # a string (piped in) or a list of steps (typed)
    status: int = 0  # the runner's exit status: 0 success, 1 failure
    timeout: int = 200
    smp: int = 0  # CPUs; 0: the runner's default (2)


@dataclass
class Cut:
    """The lines from the first one matching @first (after the previous
    cut) to the next one matching @last, or up to the next one matching
    @upto (not included), or to the end of the output; with @single,
    the first line alone (line())."""

    first: str
    last: str = ""
    upto: str = ""
    single: bool = False


# The deferred init's report comes when its threads are done, whatever
# the shell is doing then (between two lines): transcripts leave it out,
# but for the one about it.
DEFERRED_REPORT = r"^mm: deferred struct page init: \d+ sections \(\d+ MiB\) by "


@dataclass
class Transcript:
    boot: str
    cuts: list
    drop: list = field(default_factory=lambda: [DEFERRED_REPORT])
    masks: list = field(default_factory=list)


@dataclass
class Figure:
    """A value in running text: @transcript's text searched for @regex
    (group 1), then passed through @then; or, with @bench, a function of
    the committed benchmark results; with @linux, of the committed side
    by side of both kernels (docs/bench-linux-results.csv)."""

    transcript: str = ""
    regex: str = ""
    then: object = None
    bench: object = None
    linux: object = None


def line(regex):
    return Cut(regex, single=True)


# ---- steps that depend on what the kernel printed ----

def suggested(output):
    """The debugger commands of the last `try:` list the kernel printed
    before a Bochs breakpoint ("try: page 0x..., x /2wx 0x..."), without
    their comments and without "then c ..."."""
    tried = re.findall(r"; try: (.*)$", output, re.M)[-1]
    commands = [part.split(" (")[0] for part in tried.split(", ")]
    return [c for c in commands if not c.startswith("then ")]


def filled(template, regex):
    """A step: @template with the groups of @regex's last match."""
    def step(output):
        groups = re.findall(regex, output, re.M)[-1]
        return template.format(*(groups if isinstance(groups, tuple)
                                 else (groups,)))
    step.__doc__ = f"{template} with /{regex}/"
    return step


def first_word_of_last_dump(template):
    """A step: @template with the first word of the debugger's last
    memory dump (the caller's EBP, when the dump is a stack frame)."""
    return filled(template, r"^0x[0-9a-f]+ <bogus\+ +0>:\s+(0x[0-9a-f]+)")


# ---- masks ----

TSC = [(r"\b\d+ TSC cycles", "N TSC cycles"),
       (r"\(\d+ since reset\)", "(N since reset)"),
       # Measured against the PIT at host time under TCG:
       (r"^tsc: [0-9.]+ MHz", "tsc: N MHz"),
       (r"local APIC timer: \d+ counts", "local APIC timer: N counts")]
# What several CPUs do at once, at host time: every count may differ
# from one run to the next (and with it the column widths), only the
# rows and their names stay.
NUMBERS = [(r" *\d+", " N")]
# ps on several CPUs: which thread is running where, too ("-": the
# stack pointer of a thread running on another CPU).
PS_ON_CPUS = [(r"\b(running|ready|sleeping) +", "STATE "),
              (r" *-/", " N/")] + NUMBERS
# The stress run trades buffers between threads on different CPUs: which
# thread frees what, and so every count, depends on how they interleave.
STRESS_COUNTS = [(r"^(stress: (\d+ CPUs|allocations|pages in those blocks|"
                  r"mappings)): .*", r"\1: (counts)")]
# Bochs counts ticks in emulated time, which is the same in every run
# until the kernel waits for input that comes at host time: the shell's.
BOCHS_TICKS = [(r"\bt=\d+", "t=N"), (r"^\(0\)\.\[\d+\]", "(0).[N]")]
# Each stress worker draws from its own random sequence, so a run
# without fault injection repeats exactly; with it, the "every Nth
# allocation" counter is shared, and which allocations fail depends on
# how the threads and the timer interrupt interleave, at host time.
STRESS_FAILURES = [(r"\d+ page and \d+ slab allocations failed",
                    "N page and N slab allocations failed")]

# How far the deferred init's threads got, and who did how much: host
# time under TCG (the shell's `meminit wait` helps them).
DEFERRED_COUNTS = [
    (r"\d+ of (\d+) sections done \(", r"N of \1 sections done ("),
    (r"(MiB of HighMem, )\d+( MiB still waiting)", r"\1N\2"),
    (r"\d+ by the threads, \d+ on the spot", "N by the threads, N on the spot"),
    (r"in \d+ ms", "in N ms"),
    (r"by \d CPUs?", "by N CPUs"),
    (r"; (\d+ threads at work|finished)$", "; STATE")]

PFN = r"(0x[0-9a-f]+)"

# busybox's grep, run by the kernel's shell (no quotes there: the
# pattern needs none): each zone's name and its page-cache pages.
ZONE_FILE_PAGES = "run /bin/grep -E (zone|nr_file_pages) /proc/zoneinfo"

# ---- the boots ----

BOOTS = {
    # README.md: printf 'meminit wait\nmeminfo\npoweroff\n' | make run MEM=6G
    "qemu-6G-meminfo": Boot("qemu", "6G",
                            input="meminit wait\nmeminfo\npoweroff\n"),
    # docs/debugging.md: make bochs MEM=2G, a highmem page seen from the
    # shell and from the debugger.
    "bochs-2G-shell-break": Boot("bochs", "2G", input=[
        "alloc highmem",
        filled("fill {0} 0x5a", rf"^pfn {PFN} phys"),
        filled("kmap {0}", rf"^pfn {PFN} phys"),
        "break",
        filled("page {0}", rf"mapped at {PFN}$"),
        filled("xp /4wx {0}", rf"^pfn 0x[0-9a-f]+ phys {PFN}"),
        "c",
        filled("kunmap {0}", rf"^pfn {PFN} phys"),
        "poweroff"]),
    # docs/debugging.md, walkthrough 1: a page above 4 GiB written
    # through kmap_atomic, read back through kmap; one stop at each.
    "bochs-5G-kmap-above-4g": Boot(
        "bochs-debug", "5G",
        "bochs.break=kmap-atomic:1,kmap:1 ktest=highmem.pages_above_4g "
        "poweroff",
        input=["c", "r", suggested, "n", "n", "c", "r", suggested, "c"],
        timeout=300),
    # docs/debugging.md, walkthrough 2: a panic, and its frame chain.
    "bochs-512M-panic": Boot(
        "bochs-debug", "512M", "bochs.break=panic crash=null",
        input=["c", "r", suggested, first_word_of_last_dump("x /4wx {0}"),
               "c"], status=1),
    # docs/debugging.md: GDB with QEMU (make qemu-gdb; make gdb).
    "gdb-512M": Boot("gdb", "512M", "poweroff", input=(
        "break kmem_cache_init\ncontinue\nbt\nprint/x max_low_pfn\n"
        "info registers eip\ndelete\ndetach\n")),
    # docs/objects-and-vmalloc.md: the framebuffer's ioremap area, and
    # the same range waiting for the lazy purge after fb off.
    "qemu-6G-vmallocinfo": Boot(
        "qemu", "6G",
        input="fb\nvmallocinfo\nfb off\nvmallocinfo\npoweroff\n"),
    # docs/testing.md: what the in-kernel tests print (KTAP).
    "qemu-64M-ktest-pgtable": Boot("qemu", "64M", "ktest=pgtable.* poweroff"),
    # docs/hardening.md: the stress run, without and with fault injection.
    "qemu-6G-stress": Boot("qemu", "6G", "stress=20000 poweroff"),
    "qemu-6G-stress-faults": Boot(
        "qemu", "6G", "stress=20000 fail_page_alloc=7 failslab=11 poweroff"),
    # docs/smp.md: make run SMP=4 MEM=6G, every CPU at work.
    "qemu-4cpu-6G-smp": Boot(
        "qemu", "6G", input="stress 20000\nps\ninterrupts\nvmstat\n"
        "poweroff\n", smp=4, timeout=300),
    "qemu-2cpu-6G-ktest-smp": Boot("qemu", "6G", "ktest=smp poweroff",
                                   smp=2, timeout=300),
    "crash-lock-inversion": Boot(
        "qemu", "64M", "lock_debug",
        input="crash lock-inversion\nlockdep\npoweroff\n"),
    # docs/highmem.md: a thread asleep with a kmap_local mapping.
    "crash-kmap-local-sleep": Boot(
        "qemu", "6G", "kmap.debug kmap.local_sleep_ms=300",
        input="crash kmap-local-sleep\npoweroff\n"),
    # docs/user.md: programs run from the shell, one left running (pid
    # 9: after the boot's threads, the deferred init's two among them,
    # and the three programs before it).
    "qemu-6G-user": Boot("qemu", "6G", input=(
        "run /bin/hello world\nrun /bin/memtouch 64M\nrun /bin/segv null\n"
        "run /bin/memtouch 16M 600000 &\nrun /bin/hello\nmaps 9\nps\n"
        "proc status 9\nkill 9 9\npoweroff\n")),
    # docs/debugging.md: the fault breakpoint at a user page fault.
    "bochs-2G-user-fault": Boot(
        "bochs-debug", "2G", "bochs.break=fault:1 init=/bin/hello poweroff",
        input=["c", suggested, "c"], timeout=300),
    # docs/debugging.md: the kmap-local breakpoint.
    "bochs-2G-kmap-local": Boot(
        "bochs-debug", "2G",
        "bochs.break=kmap-local:1 ktest=kmap_local.survives_a_sleep poweroff",
        input=["c", suggested, "c"], timeout=300),
    # docs/physical-memory.md: deferred struct page init at 61 GiB, from
    # the boot's part to the threads' report.
    "qemu-61G-deferred": Boot("qemu", "61G", input=[
        "meminit", "meminit wait", "poweroff"], timeout=300),
    # docs/files.md: Debian's busybox applets run from the kernel's shell,
    # each typed at its prompt, so nothing typed ahead reaches a program
    # (none of them reads the tty): the page cache of each zone before
    # and after a 16 MiB file, and after it is removed.
    "qemu-6G-busybox-files": Boot("qemu", "6G", input=[
        "run /bin/cat /proc/mounts",
        ZONE_FILE_PAGES,
        "run /bin/dd if=/dev/zero of=/tmp/big bs=1M count=16",
        ZONE_FILE_PAGES,
        "run /bin/rm /tmp/big",
        ZONE_FILE_PAGES,
        "poweroff"]),
    # docs/physical-memory.md: the page map of the DMA zone, which
    # nothing allocates from after the boot.
    "qemu-6G-pagemap-dma": Boot("qemu", "6G", input="pagemap dma 64\npoweroff\n"),
    # docs/memory-layout.md: HighMem's page map once every struct page
    # is written (meminit wait).
    "qemu-6G-pagemap-highmem": Boot(
        "qemu", "6G", input="meminit wait\npagemap highmem 64\npoweroff\n"),
}

# docs/hardening.md, highmem.md, objects-and-vmalloc.md and
# threads-and-contexts.md: `crash KIND` in the shell, with the option the
# kind needs.
CRASHES = {
    "page-uaf": ("6G", "page_poison"),
    "pagealloc-uaf": ("512M", "debug_pagealloc"),
    "slab-overflow": ("64M", "slab_debug"),
    "vfree-twice": ("64M", ""),
    "kmap-atomic-leak": ("6G", ""),
    "kmap-overrun": ("64M", "kmap.debug"),
    "kmap-local-overrun": ("64M", "kmap.debug"),
    "kmap-local-other-thread": ("6G", "kmap.debug"),
    "sleep-in-irq": ("64M", ""),
    "kfree-bad": ("64M", ""),
    "lock-lockup": ("64M", "lock_debug lock_debug.timeout_ms=300"),
    "sleep-with-spinlock": ("64M", "lock_debug"),
}
for _kind, (_mem, _cmdline) in CRASHES.items():
    BOOTS[f"crash-{_kind}"] = Boot("qemu", _mem, _cmdline,
                                   input=f"crash {_kind}\n", status=1)

# ---- the transcripts ----

REGISTERS_R8_R15 = r"^r(8 |9 |1[0-5]):"
# Which CPU a thread ran on, and so which page it got from its CPU's
# lists and which slot address it had, varies from run to run.
KMAP_WHERE = [(r"CPU \d", "CPU n"), (r"pfn 0x[0-9a-f]+", "pfn 0x..."),
              (r"0xff[0-9a-f]{6}", "0xff......")]
PANIC = r"^Kernel panic - not syncing"

TRANSCRIPTS = {
    "boot-6G": Transcript("qemu-6G-meminfo", [Cut(r"^hmkernel 0\.1 ")],
                          masks=TSC + DEFERRED_COUNTS),
    "bochs-break-line": Transcript("bochs-5G-kmap-above-4g",
                                   [line(r"^bochs\.break: kmap: ")]),
    "bochs-shell-break": Transcript(
        "bochs-2G-shell-break",
        [Cut(r"^=+$", r"Bochs x86 Emulator"), Cut(r"^Type 'help'")],
        masks=BOCHS_TICKS),
    "bochs-kmap-atomic": Transcript(
        "bochs-5G-kmap-above-4g",
        [Cut(r"^KTAP version 1$", upto=r"^bochs\.break: kmap: ")],
        drop=[REGISTERS_R8_R15]),
    "bochs-kmap": Transcript(
        "bochs-5G-kmap-above-4g", [Cut(r"^bochs\.break: kmap: ")],
        drop=[REGISTERS_R8_R15]),
    "bochs-panic": Transcript(
        "bochs-512M-panic", [Cut(r"^BUG: unable to handle page fault")],
        drop=[REGISTERS_R8_R15]),
    "gdb-session": Transcript(
        "gdb-512M", [Cut(r"^The target architecture", r"^\[Inferior 1 ")]),
    "vmallocinfo": Transcript(
        "qemu-6G-vmallocinfo",
        [Cut(r"^kernel> fb$", upto=r"^kernel> poweroff")]),
    "ktap": Transcript(
        "qemu-64M-ktest-pgtable",
        [Cut(r"^KTAP version 1$", r"^# ktest: \d+ passed")]),
    "stress-summary": Transcript(
        "qemu-6G-stress",
        [Cut(r"^stress: 20000 operations:", r"^stress: PASS")],
        masks=STRESS_COUNTS),
    "stress-fault-injection": Transcript(
        "qemu-6G-stress-faults", [line(r"^stress: fault injection: ")],
        masks=STRESS_FAILURES),
    "crash-page-uaf": Transcript(
        "crash-page-uaf", [Cut(r"^BUG: page poison", r"^$"), line(PANIC)]),
    "crash-pagealloc-uaf": Transcript(
        "crash-pagealloc-uaf",
        [Cut(r"^BUG: unable to handle", r" last allocated "),
         line(r"^EIP: ")]),
    "crash-slab-overflow": Transcript(
        "crash-slab-overflow",
        [Cut(r"^BUG kmalloc-64: ", r"^$"), line(PANIC)]),
    "crash-vfree-twice": Transcript("crash-vfree-twice", [line(PANIC)]),
    "crash-kmap-atomic-leak": Transcript(
        "crash-kmap-atomic-leak",
        [Cut(r"^BUG: kmap leak", r"^$"), line(PANIC)],
        # The CPU the thread runs on (its slot's address): the deferred
        # init's threads may have one of them.
        masks=[(r"0xff[0-9a-f]{6}", "0xff......")]),
    "crash-kmap-overrun": Transcript(
        "crash-kmap-overrun",
        [Cut(r"is the guard page after a kmap_atomic slot",
             r"page faults are disabled here")]),
    "crash-kmap-local-overrun": Transcript(
        "crash-kmap-local-overrun",
        [Cut(r"is the guard page after a kmap_local slot",
             r"page faults are allowed here")], masks=KMAP_WHERE),
    "crash-kmap-local-other-thread": Transcript(
        "crash-kmap-local-other-thread",
        [line(r"^BUG: unable to handle page fault"),
         Cut(r"is a kmap_local slot", r"^#PF: a kmap_local address used by")],
        masks=KMAP_WHERE),
    "crash-kmap-local-sleep": Transcript(
        "crash-kmap-local-sleep",
        [Cut(r"^BUG: kmap_local: thread", r"kmap\(\)'s job")],
        masks=KMAP_WHERE + [(r"slept \d+ ms", "slept N ms")]),
    "bochs-kmap-local": Transcript(
        "bochs-2G-kmap-local",
        [Cut(r"^bochs\.break: kmap-local: ", upto=r"^<bochs:\d+> c$")],
        drop=[REGISTERS_R8_R15]),
    "user-run": Transcript(
        "qemu-6G-user",
        [Cut(r"^kernel> run /bin/hello world$",
             upto=r"^kernel> run /bin/memtouch 16M")],
        masks=[(r"in \d+ ms", "in N ms")]),
    "user-maps": Transcript(
        "qemu-6G-user", [Cut(r"^kernel> maps 9$", upto=r"^kernel> ps$")]),
    "user-ps": Transcript(
        "qemu-6G-user", [Cut(r"^  PID  PPID", upto=r"^kernel> proc status 9$")],
        # How far memtouch got when ps ran (it may still be touching).
        masks=[(r"(alive +\d+ +\d+) +\d+", r"\1 N")]),
    "user-proc-status": Transcript(
        "qemu-6G-user", [Cut(r"^kernel> proc status 9$", upto=r"^kernel> kill")],
        # How far memtouch got (it may still be touching), and when.
        # (The padding too: it depends on the number's width.)
        masks=[(r"^(VmHWM|VmRSS|RssAnon|VmPTE):\t +\d+ kB", r"\1:\tN kB"),
               (r"^State:\t. \(\w+\)", "State:\tS (sleeping)"),
               (r"^(voluntary_ctxt_switches):\t\d+", r"\1:\tN")]),
    "bochs-user-fault": Transcript(
        "bochs-2G-user-fault",
        [Cut(r"^bochs\.break: fault: ", upto=r"^<bochs:\d+> c$")],
        drop=[REGISTERS_R8_R15]),
    "crash-sleep-in-irq": Transcript(
        "crash-sleep-in-irq", [Cut(PANIC, r"^at ")]),
    "crash-kfree-bad": Transcript("crash-kfree-bad", [line(PANIC)]),
    # docs/physical-memory.md
    "deferred-init-61G": Transcript(
        "qemu-61G-deferred",
        [line(r"^mm: mem_map and free lists set up in"),
         line(r"^mm: deferred struct page init: \d+ sections .* wait until"),
         Cut(r"^kernel> meminit$", upto=r"^kernel> poweroff")],
        drop=[], masks=TSC + DEFERRED_COUNTS),
    # docs/smp.md
    "smp-boot": Transcript(
        "qemu-4cpu-6G-smp",
        [Cut(r"^tsc: ", r"^smp: Brought up")], masks=TSC),
    "smp-stress": Transcript(
        "qemu-4cpu-6G-smp",
        [Cut(r"^stress: 20000 operations:", r"^stress: PASS")],
        masks=STRESS_COUNTS),
    "smp-ps": Transcript(
        "qemu-4cpu-6G-smp", [Cut(r"^kernel> ps$", upto=r"^kernel> interrupts")],
        masks=PS_ON_CPUS),
    "smp-interrupts": Transcript(
        "qemu-4cpu-6G-smp",
        [Cut(r"^kernel> interrupts$", upto=r"^kernel> vmstat")],
        masks=NUMBERS),
    "smp-vmstat": Transcript(
        "qemu-4cpu-6G-smp", [Cut(r"^kernel> vmstat$", upto=r"^kernel> poweroff")],
        masks=NUMBERS),
    "smp-ktest": Transcript(
        "qemu-2cpu-6G-ktest-smp", [Cut(r"^    # Subtest: smp$", r"^ok \d+ smp$")],
        masks=[(r"# \d+ CPUs, \d+ objects", "# N CPUs, N objects")]),
    "lock-lockup": Transcript(
        "crash-lock-lockup", [Cut(r"^BUG: spinlock lockup", r"^Kernel panic")],
        masks=[(r"\d+ ms", "N ms"), (r"pid \d+", "pid N")]),
    "lock-inversion": Transcript(
        "crash-lock-inversion",
        [Cut(r"^WARNING: possible lock order inversion", r"^lock_debug: lock order"),
         Cut(r"^kernel> lockdep$", upto=r"^kernel> poweroff")],
        masks=[(r"^\d+ lock classes, \d+ orders", "N lock classes, N orders"),
               # A lock meets a tick's (timer_lock) or a wake-up's
               # (rq->lock) only when one comes while it is held: which
               # of those orders a boot learns is timing.
               (r" (?:rq->lock|timer_lock)(?= |$)", ""),
               (r"^(  (?:i_rwsem|i_pages_lock) +before).*", r"\1 ...")]),
    "lock-sleep": Transcript(
        "crash-sleep-with-spinlock",
        [Cut(r"^Locks held \(lock_debug\):", upto=r"^$"), line(PANIC)]),
    # docs/files.md
    "files-busybox": Transcript(
        "qemu-6G-busybox-files",
        [Cut(r"^kernel> run /bin/cat /proc/mounts$", upto=r"^kernel> poweroff")],
        masks=[
            # HighMem holds the initramfs: its count changes with every
            # user program and busybox version (DMA and Normal stay 0).
            (r"(zone +HighMem\n +nr_file_pages) \d+", r"\1 N"),
            # dd's time and rate are host time under TCG.
            (r"bytes \((.*)\) copied, .*", r"bytes (\1) copied, N s, N/s"),
            (r"\(pid \d+\)", "(pid N)"),
            (r"kB in lowmem, \d+ kB in HighMem", "kB in lowmem, N kB in HighMem")]),
    # docs/physical-memory.md, "The page map".
    "pagemap-dma-6G": Transcript(
        "qemu-6G-pagemap-dma",
        [Cut(r"^kernel> pagemap dma 64$", upto=r"^kernel> poweroff")]),
    "pagemap-highmem-6G": Transcript(
        "qemu-6G-pagemap-highmem",
        [Cut(r"^kernel> pagemap highmem 64$", upto=r"^kernel> poweroff")]),
}

# ---- made from the committed benchmark results (docs/bench-results.csv,
# from make bench; make docs-bench takes a new run's) ----

def bench_targets_table(results):
    rows = ["| target | limit | measured | |", "|---|---|---|---|"]
    for t in bench_table.TARGETS:
        if not bench_table.measurable(t, results):
            continue
        value = t.value(results)
        shown = (f"{value:.3f}" if t.denominator or t.versus_one_cpu
                 else f"{value:g}")
        verdict = "met" if bench_table.target_met(t, results) else "missed"
        rows.append(f"| {t.title} | {t.limit:g} | {shown} | {verdict} |")
    return "\n".join(rows)


# Summarised in one line each below the table (figures page-alloc-orders
# and kmalloc-range), not listed row by row.
SUMMARISED = ("kmalloc", "page_alloc_orders")


def bench_results_block(results):
    """tools/bench.sh's table.txt, less the SUMMARISED benchmarks."""
    shown = [r for r in results if r["benchmark"] not in SUMMARISED]
    table = bench_table.table_text(results).split("\n")
    rows = [table[0]] + [line for row, line in zip(results, table[1:])
                         if row in shown]
    return "\n".join(rows) + "\n" + bench_table.targets_text(results)


def at_cpus(results, benchmark, cpus, variant="highmem"):
    """Instructions of @benchmark at @cpus CPUs (the scaling rows)."""
    row = bench_table.scaling(results, benchmark, variant).get(cpus)
    if not row:
        raise KeyError(f"no {benchmark},{variant} row at {cpus} CPUs")
    return number(float(row["instructions_per_op"]), 0)


def from_linux(function):
    """A table made from the side by side of both kernels
    (docs/bench-linux-results.csv, from make bench-linux), not from
    make bench's results alone."""
    function.linux = True
    return function


TABLES = {
    "bench-results": bench_results_block,
    "bench-scaling": bench_table.scaling_text,
    "bench-mttcg": bench_table.mttcg_text,
    "bench-targets": bench_targets_table,
    "bench-linux": from_linux(
        lambda r: bench_linux.side_by_side_text(r, leave_out=SUMMARISED)),
    "bench-linux-boot": from_linux(bench_linux.boot_text),
}


# ---- figures in running text ----

def symbol_at(address):
    """The kernel function that holds @address (build/kernel.sym)."""
    target, best = int(address, 16), (-1, "?")
    for entry in (BUILD / "kernel.sym").read_text().split("\n"):
        if entry:
            start, name = entry.split()
            if best[0] <= int(start, 16) <= target:
                best = (int(start, 16), name)
    return best[1]


def page_table_of(pde):
    """The physical address of the page table a PDE points to."""
    return hex(int(pde, 16) & 0x000ffffffffff000)


def seen(transcript, regex, then=None):
    return Figure(transcript=transcript, regex=regex, then=then)


WORD = r"(0x[0-9a-f]+)"


def dumped(command, second=False):
    """The first (or second) word the Bochs debugger printed for the
    memory dump @command ("x /2wx", "xp /4wx")."""
    skip = r"0x[0-9a-f]+\s+" if second else ""
    return (rf"<bochs:\d+> {command} .*\n\[bochs\]:\n"
            rf"0x[0-9a-f]+ <bogus\+ +0>:\s+{skip}{WORD}")


def number(value, digits=0):
    return f"{value:.{digits}f}"


def instructions(benchmark, variant, digits=0):
    """Instructions per operation, from the committed results."""
    return Figure(bench=lambda r: number(
        bench_table.instructions(r, benchmark, variant), digits))


def extra_instructions(benchmark, variant, than):
    return Figure(bench=lambda r: number(
        bench_table.instructions(r, benchmark, variant) -
        bench_table.instructions(r, benchmark, than)))


def ratio(benchmark, variant, to, digits=3, of=bench_table.instructions):
    return Figure(bench=lambda r: number(
        of(r, benchmark, variant) / of(r, benchmark, to), digits))


def nanoseconds(benchmark, variant):
    return Figure(bench=lambda r: number(bench_table.ns(r, benchmark,
                                                        variant)))


def versus_one_cpu(benchmark, variant, digits=3):
    """Instructions with SMP on over the same on one CPU."""
    return Figure(bench=lambda r: number(
        bench_table.instructions(r, benchmark, variant) /
        bench_table.one_cpu_instructions(r, benchmark, variant), digits))


def one_cpu(benchmark, variant):
    return Figure(bench=lambda r: number(
        bench_table.one_cpu_instructions(r, benchmark, variant)))


def millions(benchmark, variant, digits=1):
    return Figure(bench=lambda r: number(
        bench_table.instructions(r, benchmark, variant) / 1e6, digits))


GIB_61_PAGES = 61 << 18  # 4 KiB page frames in 61 GiB


def per_page_frame(results):
    """mem_map and free list set-up per page frame, at 61 GiB, with
    every struct page written at boot (deferred_init=off)."""
    total = bench_table.instructions(results, "mem_map_init", "61G-eager")
    return number(total / GIB_61_PAGES)


def by_order(results):
    """page_alloc_orders, "0: 123 | 1: 422 | ..."."""
    rows = [r for r in results if r["benchmark"] == "page_alloc_orders"]
    rows.sort(key=lambda r: int(r["variant"].removeprefix("order")))
    return " | ".join(f"{r['variant'].removeprefix('order')}: "
                      f"{float(r['instructions_per_op']):.0f}" for r in rows)


def kmalloc_range(results):
    """The lowest and highest kmalloc cost over the size classes."""
    costs = [float(r["instructions_per_op"]) for r in results
             if r["benchmark"] == "kmalloc"]
    return f"{min(costs):.0f}-{max(costs):.0f}"


# ---- from the side by side of both kernels (docs/bench-linux-results.csv) ----

def side(kernel, benchmark, variant, digits=0):
    """@kernel's ("this" or "linux") instructions per operation."""
    return Figure(linux=lambda r: number(
        r.value(kernel, benchmark, variant), digits))


def side_ratio(kernel, benchmark, variant="highmem", digits=2):
    """@kernel's highmem/lowmem ratio of @benchmark."""
    def value(r):
        ratio = bench_linux.ratio(r, kernel, benchmark, variant)
        if ratio is None:
            raise KeyError(f"no {kernel} ratio of {benchmark},{variant}")
        return number(ratio, digits)
    return Figure(linux=value)


def linux_over_this(benchmark, variant, digits=1):
    return Figure(linux=lambda r: number(
        r.value("linux", benchmark, variant) /
        r.value("this", benchmark, variant), digits))


def boot_millions(kernel, size, what="boot_to_init", digits=0):
    return Figure(linux=lambda r: number(r.value(kernel, what, size) / 1e6,
                                         digits))


def boot_growth(kernel, digits=1):
    """Boot instructions at the largest RAM size over the smallest."""
    def value(r):
        sizes = r.sizes()
        return number(r.value(kernel, "boot_to_init", sizes[-1]) /
                      r.value(kernel, "boot_to_init", sizes[0]), digits)
    return Figure(linux=value)


def decompression(size):
    """Linux's instructions before its clock starts: the real-mode
    setup, the decompression of the image, the start of setup_arch."""
    return Figure(linux=lambda r: number(
        (r.value("linux", "boot_from_loader", size) -
         r.value("linux", "boot_to_init", size)) / 1e6))


def lowfree_mib(kernel, size):
    return Figure(linux=lambda r: number(
        r.value(kernel, "lowfree_kB", size) / 1024))


def linux_orders(r):
    """Linux's page_alloc_orders, "0: 665 | 1: 755 | ..."."""
    orders = sorted((int(v.removeprefix("order")), r.value("linux", b, v))
                    for b, v in r.pairs() if b == "page_alloc_orders")
    return " | ".join(f"{o}: {cost:.0f}" for o, cost in orders)


def kmalloc_span(kernel):
    def value(r):
        costs = [r.value(kernel, b, v) for b, v in r.pairs()
                 if b == "kmalloc"]
        return f"{min(costs):.0f}-{max(costs):.0f}"
    return Figure(linux=value)


FIGURES = {
    # docs/benchmarks.md and docs/physical-memory.md
    "page-alloc-lowmem": instructions("page_alloc_order0", "lowmem"),
    "page-alloc-highmem": instructions("page_alloc_order0", "highmem"),
    "page-alloc-orders": Figure(bench=by_order),
    "kmalloc-range": Figure(bench=kmalloc_range),
    "kmalloc-const": instructions("kmalloc_const", "64B"),
    "kmem-cache": instructions("kmem_cache", "64B"),
    "vmalloc-4M-ratio": ratio("vmalloc_4M", "highmem", "lowmem"),
    "vmalloc-64K-ratio": ratio("vmalloc_64K", "highmem", "lowmem"),
    "kmap-atomic-highmem": instructions("kmap_atomic", "highmem"),
    "kmap-atomic-lowmem": instructions("kmap_atomic", "lowmem"),
    "kmap-atomic-extra": extra_instructions("kmap_atomic", "highmem",
                                            "lowmem"),
    "kmap-atomic-ratio": ratio("kmap_atomic", "highmem", "lowmem", 1),
    "kmap-atomic-ns-highmem": nanoseconds("kmap_atomic", "highmem"),
    "kmap-atomic-ns-lowmem": nanoseconds("kmap_atomic", "lowmem"),
    "kmap-atomic-ns-ratio": ratio("kmap_atomic", "highmem", "lowmem", 0,
                                  of=bench_table.ns),
    "clear-page-ratio": ratio("clear_page", "highmem", "lowmem"),
    "copy-4096B-ratio": ratio("copy_to_page_4096B", "highmem", "lowmem"),
    "copy-512B-ratio": ratio("copy_to_page_512B", "highmem", "lowmem", 2),
    "copy-64B-ratio": ratio("copy_to_page_64B", "highmem", "lowmem", 2),
    "ramdisk-ratio": ratio("ramdisk_seq_write", "highmem", "lowmem"),
    "copy-high-to-high": instructions("copy_page", "high_to_high"),
    "copy-low-to-low": instructions("copy_page", "low_to_low"),
    "kmap-mapped": instructions("kmap_mapped", "highmem"),
    "kmap-local-lowmem": instructions("kmap_local", "lowmem"),
    "kmap-new-page": instructions("kmap_new_page", "highmem"),
    "kmap-new-page-wrap": instructions("kmap_new_page_wrap", "highmem"),
    "kmap-local-highmem": instructions("kmap_local", "highmem"),
    # docs/benchmarks.md: user workloads
    "user-zero-highmem": instructions("user_zero_fault", "highmem"),
    "user-zero-lowmem": instructions("user_zero_fault", "lowmem"),
    "user-zero-lowpte": instructions("user_zero_fault", "highmem_lowpte"),
    "user-zero-ratio": ratio("user_zero_fault", "highmem", "lowmem"),
    "user-cow-highmem": instructions("user_cow_fault", "highmem"),
    "user-cow-lowmem": instructions("user_cow_fault", "lowmem"),
    "user-cow-ratio": ratio("user_cow_fault", "highmem", "lowmem"),
    "user-fork-ratio": ratio("user_fork_16M", "highmem", "lowmem"),
    "user-fork-highmem": instructions("user_fork_16M", "highmem"),
    "user-exec-highmem": instructions("user_exec", "highmem"),
    "user-exec-ratio": ratio("user_exec", "highmem", "lowmem"),
    # docs/benchmarks.md: files and pipes
    "file-read-highmem": instructions("file_read_4k", "highmem"),
    "file-read-lowmem": instructions("file_read_4k", "lowmem"),
    "file-read-ratio": ratio("file_read_4k", "highmem", "lowmem"),
    "file-write-highmem": instructions("file_write_4k", "highmem"),
    "file-write-lowmem": instructions("file_write_4k", "lowmem"),
    "file-write-ratio": ratio("file_write_4k", "highmem", "lowmem"),
    "file-mmap-highmem": instructions("file_mmap_read", "highmem"),
    "file-mmap-lowmem": instructions("file_mmap_read", "lowmem"),
    "file-mmap-ratio": ratio("file_mmap_read", "highmem", "lowmem"),
    "pipe-round-trip": instructions("pipe_round_trip", "highmem"),
    # docs/benchmarks.md and highmem.md: the CPU scaling
    "wrap-1cpu": Figure(bench=lambda r: at_cpus(r, "kmap_new_page_wrap", 1)),
    "wrap-8cpus": Figure(bench=lambda r: at_cpus(r, "kmap_new_page_wrap", 8)),
    "wrap-growth": Figure(bench=lambda r: number(
        (float(at_cpus(r, "kmap_new_page_wrap", 8)) -
         float(at_cpus(r, "kmap_new_page_wrap", 1))) * 512 / 7, 0)),
    "local-8cpus": Figure(bench=lambda r: at_cpus(r, "kmap_local", 8)),
    "mttcg-ratio-1": Figure(bench=lambda r: number(
        bench_table.mttcg_ratio(r, 1), 1)),
    "mttcg-ratio-2": Figure(bench=lambda r: number(
        bench_table.mttcg_ratio(r, 2), 1)),
    "mttcg-ratio-4": Figure(bench=lambda r: number(
        bench_table.mttcg_ratio(r, 4), 1)),
    "boot-cost-64M": millions("boot_to_shell", "64M"),
    "boot-cost-1G": millions("boot_to_shell", "1G"),
    "boot-cost-6G": millions("boot_to_shell", "6G"),
    "boot-cost-16G": millions("boot_to_shell", "16G"),
    "boot-cost-61G": millions("boot_to_shell", "61G"),
    "mem-map-1G": millions("mem_map_init", "1G", 2),
    "mem-map-61G": millions("mem_map_init", "61G", 2),
    "mem-map-per-page": Figure(bench=per_page_frame),
    # docs/physical-memory.md: flat against sparse mem_map
    "flat-holes-6G": Figure(bench=lambda r: number(
        (bench_table.instructions(r, "lowmem_available", "6G-sparse") -
         bench_table.instructions(r, "lowmem_available", "6G")) / 1024, 1)),
    "flat-holes-61G": Figure(bench=lambda r: number(
        (bench_table.instructions(r, "lowmem_available", "61G-sparse") -
         bench_table.instructions(r, "lowmem_available", "61G")) / 1024, 1)),
    "pfn-round-trip-kernel": instructions("page_to_pfn_to_page", "kernel"),
    "pfn-round-trip-sparse": instructions("page_to_pfn_to_page", "sparse"),
    # docs/benchmarks.md: Linux side by side (docs/bench-linux-results.csv)
    "linux-release": Figure(linux=lambda r: r.version()),
    "linux-kmap-atomic-high": side("linux", "kmap_atomic", "highmem"),
    "linux-kmap-atomic-low": side("linux", "kmap_atomic", "lowmem"),
    "this-kmap-atomic-high": side("this", "kmap_atomic", "highmem"),
    "this-kmap-atomic-low": side("this", "kmap_atomic", "lowmem"),
    "linux-kmap-atomic-ratio": side_ratio("linux", "kmap_atomic"),
    "this-kmap-atomic-ratio": side_ratio("this", "kmap_atomic"),
    "linux-kmap-local-high": side("linux", "kmap_local", "highmem"),
    "linux-kmap-local-low": side("linux", "kmap_local", "lowmem"),
    "linux-kmap-mapped-high": side("linux", "kmap_mapped", "highmem"),
    "linux-kmap-mapped-low": side("linux", "kmap_mapped", "lowmem"),
    "this-kmap-mapped-high": side("this", "kmap_mapped", "highmem"),
    "linux-kmap-wrap": side("linux", "kmap_new_page_wrap", "highmem"),
    "this-kmap-wrap": side("this", "kmap_new_page_wrap", "highmem"),
    "linux-clear-ratio": side_ratio("linux", "clear_page", digits=3),
    "this-clear-ratio": side_ratio("this", "clear_page", digits=3),
    "linux-copy-64B-ratio": side_ratio("linux", "copy_to_page_64B"),
    "this-copy-64B-ratio": side_ratio("this", "copy_to_page_64B"),
    "linux-page-alloc-low": side("linux", "page_alloc_order0", "lowmem"),
    "linux-page-alloc-high": side("linux", "page_alloc_order0", "highmem"),
    "this-page-alloc-low": side("this", "page_alloc_order0", "lowmem"),
    "linux-page-alloc-ratio": linux_over_this("page_alloc_order0", "lowmem"),
    "linux-orders": Figure(linux=linux_orders),
    "linux-kmalloc-range": kmalloc_span("linux"),
    "linux-kmalloc-const": side("linux", "kmalloc_const", "64B"),
    "this-kmalloc-const": side("this", "kmalloc_const", "64B"),
    "linux-kmem-cache": side("linux", "kmem_cache", "64B"),
    "linux-zero-high": side("linux", "user_zero_fault", "highmem"),
    "this-zero-high": side("this", "user_zero_fault", "highmem"),
    "linux-zero-ratio": side_ratio("linux", "user_zero_fault", digits=3),
    "this-zero-ratio": side_ratio("this", "user_zero_fault", digits=3),
    "linux-cow-ratio": side_ratio("linux", "user_cow_fault", digits=3),
    "linux-fork-high": side("linux", "user_fork_16M", "highmem"),
    "this-fork-high": side("this", "user_fork_16M", "highmem"),
    "linux-exec-high": side("linux", "user_exec", "highmem"),
    "this-exec-high": side("this", "user_exec", "highmem"),
    "linux-read-high": side("linux", "file_read_4k", "highmem"),
    "this-read-high": side("this", "file_read_4k", "highmem"),
    "linux-mmap-high": side("linux", "file_mmap_read", "highmem"),
    "this-mmap-high": side("this", "file_mmap_read", "highmem"),
    "linux-pipe": side("linux", "pipe_round_trip", "highmem"),
    "this-pipe": side("this", "pipe_round_trip", "highmem"),
    "linux-boot-1G": boot_millions("linux", "1G"),
    "linux-boot-61G": boot_millions("linux", "61G"),
    "this-boot-1G": boot_millions("this", "1G"),
    "this-boot-61G": boot_millions("this", "61G"),
    "linux-boot-growth": boot_growth("linux"),
    "this-boot-growth": boot_growth("this"),
    "linux-decompress": decompression("1G"),
    "linux-firmware": boot_millions("linux", "1G", "boot_firmware", 1),
    "this-firmware": boot_millions("this", "1G", "boot_firmware"),
    "linux-idle": Figure(linux=lambda r: number(
        r.value("linux", "boot_idle_ms", "1G"))),
    "linux-lowfree-1G": lowfree_mib("linux", "1G"),
    "linux-lowfree-61G": lowfree_mib("linux", "61G"),
    "this-lowfree-1G": lowfree_mib("this", "1G"),
    "this-lowfree-61G": lowfree_mib("this", "61G"),
    "boot-ratio": ratio("boot_to_shell", "61G", "1G", 2),
    "boot-cost-61G-eager": millions("boot_to_shell", "61G-eager"),
    "mem-map-61G-eager": millions("mem_map_init", "61G-eager"),
    # docs/smp.md, docs/highmem.md: what SMP costs the fast paths
    "bench-cpus": Figure(bench=lambda r: str(bench_table.cpus_of(r[0]))),
    "smp-kmap-atomic-one-cpu": one_cpu("kmap_atomic", "highmem"),
    "smp-kmap-atomic-ratio": versus_one_cpu("kmap_atomic", "highmem"),
    "smp-page-alloc-one-cpu": one_cpu("page_alloc_order0", "lowmem"),
    "smp-page-alloc-ratio": versus_one_cpu("page_alloc_order0", "lowmem"),
    "smp-kmalloc-one-cpu": one_cpu("kmalloc_const", "64B"),
    "smp-kmalloc-ratio": versus_one_cpu("kmalloc_const", "64B"),
    # docs/debugging.md, walkthrough 1 (the kmap stop)
    "bochs-symbol": seen("bochs-kmap", r"(\(__bochs_break\+[0-9a-f]+\))"),
    "kmap-address": seen("bochs-kmap", rf"EAX = {WORD} \(pkmap slot"),
    "kmap-slot": seen("bochs-kmap", r"\(pkmap slot (\d+)\)"),
    "kmap-page-table": seen("bochs-kmap", rf"^ PDE: {WORD}", page_table_of),
    "kmap-phys": seen("bochs-kmap", rf"maps pfn 0x[0-9a-f]+ \(phys {WORD}\)"),
    "kmap-pte-low": seen("bochs-kmap", dumped("x /2wx")),
    "kmap-pte-high": seen("bochs-kmap", dumped("x /2wx", second=True)),
    "kmap-pattern": seen("bochs-kmap", dumped("xp /4wx")),
    # docs/debugging.md, walkthrough 2 (the panic's frame chain)
    "panic-next-frame": seen("bochs-panic", dumped("x /8wx")),
    "panic-return": seen("bochs-panic", dumped("x /8wx", second=True)),
    "panic-return-function": seen("bochs-panic", dumped("x /8wx", second=True),
                                  symbol_at),
    "panic-return-2": seen("bochs-panic", dumped("x /4wx", second=True)),
    "panic-return-2-function": seen("bochs-panic",
                                    dumped("x /4wx", second=True), symbol_at),
}
