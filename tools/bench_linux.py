#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""bench_linux.py: the results of make bench-linux, and the side by side.

  bench_linux.py measure LOGDIR --linux-cpus N --version TEXT
      reads the logs of tools/bench-linux.sh in LOGDIR and writes
      LOGDIR/results.csv: Linux's rows, and this kernel's boot rows
      measured in the same runs (the kernel column says whose)
  bench_linux.py combine THIS.CSV LINUX.CSV OUTDIR [--plots]
      OUTDIR/compare.csv (this kernel's rows from make bench's
      results.csv beside Linux's), OUTDIR/compare.txt (the side by side
      table) and, with --plots, the three plots (gnuplot)

The CSVs are tools/bench.sh's (benchmark,variant,cpus,ops,
instructions_per_op,ns_per_op,invlpg_per_op,full_flushes_per_op,
ipis_per_op) with a kernel column first, "this" or "linux". The boot
rows have one operation, the boot, and in instructions_per_op:

  boot_to_init     instructions from the kernel's start to the first
                   instruction of init (tests/bench-linux/tscinit.c):
                   this kernel's from start_kernel; Linux's from where
                   its clock starts, early in setup_arch (its printk
                   time of running init, within a tick)
  boot_from_loader from the boot loader's jump into the kernel: Linux's
                   real-mode setup and the decompression of its image
                   included (this kernel has neither: the same as
                   boot_to_init)
  boot_firmware    before that jump: firmware and boot loader (Linux:
                   the stub image, tests/bench-linux/stub-bzimage.asm)
  lowfree_kB       LowFree of /proc/meminfo at init, in kB
  boot_idle_ms     the idle time /proc/uptime reports at init, in ms:
                   sampled by the tick, every CPU's summed

Under -icount the TSC counts the nanoseconds a halted CPU waits as
well as instructions: the boot counts hold idle time, which
boot_idle_ms bounds (0 for this kernel, which busy-waits its whole
boot; a few ticks' worth for Linux). docs/benchmarks.md ("Linux side
by side") explains the methods; tools/mkdocs.py makes its tables and
figures from the committed compare.csv with the functions below.
"""
import argparse
import csv
import re
import statistics
import subprocess
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]

FIELDS = ["kernel", "benchmark", "variant", "cpus", "ops",
          "instructions_per_op", "ns_per_op", "invlpg_per_op",
          "full_flushes_per_op", "ipis_per_op"]
COUNTERS = FIELDS[7:]
BOOT_ROWS = ("boot_to_init", "boot_from_loader", "boot_firmware",
             "lowfree_kB", "boot_idle_ms")

# "bench: NAME,VARIANT,OPS,TSC,NS,INVLPG,FULL,IPIS", after Linux's
# printk time stamp if there is one; the serial line ends with CR LF.
BENCH_LINE = re.compile(
    r"^(?:\[\s*[\d.]+\]\s+)?bench: ([A-Za-z_0-9]+),([A-Za-z_0-9]+),"
    r"(\d+),([\d.]+),([\d.]*),([\d.]*),([\d.]*),([\d.]*)\s*$")


def bench_lines(text):
    """[(benchmark, variant, ops, tsc, ns, invlpg, full, ipis)] of a log."""
    return [m.groups() for m in map(BENCH_LINE.match,
                                    text.replace("\r", "").split("\n")) if m]


def read_log(path):
    return Path(path).read_text(errors="replace").replace("\r", "")


def row(kernel, benchmark, variant, cpus, ops, instructions, ns="",
        counters=("", "", "")):
    return dict(zip(FIELDS, [kernel, benchmark, variant, str(cpus),
                             str(ops), instructions, ns, *counters]))


# ---- measure: the logs of one make bench-linux ----

def linux_bench_rows(logdir, cpus):
    """Linux's benchmark rows: instructions from the -icount boots, ns
    the median of the plain TCG boots (the rows of the highmem boot)."""
    logdir = Path(logdir)
    ns = {}
    for log in sorted(logdir.glob("tcg-*.log")):
        for b, v, _, _, n, *_ in bench_lines(read_log(log)):
            ns.setdefault((b, v), []).append(float(n))
    rows = []
    for name in ("icount.log", "icount-lowmem.log", "icount-lowpte.log"):
        for b, v, ops, tsc, _, *counters in bench_lines(
                read_log(logdir / name)):
            times = ns.get((b, v))
            rows.append(row("linux", b, v, cpus, ops, tsc,
                            f"{statistics.median(times):.2f}" if times else "",
                            counters))
    return rows


def number_after(text, regex, what, path, convert=int):
    m = re.search(regex, text, re.M)
    if not m:
        raise ValueError(f"{path}: no {what} (/{regex}/)")
    return convert(m.group(1))


def tscinit_figures(path):
    """(TSC at init, LowFree kB, idle ms) printed by tscinit; the idle
    time is /proc/uptime's second figure."""
    text = read_log(path)
    tsc = number_after(text, r"^tscinit: tsc (\d+) at init's first",
                       "TSC at init", path)
    low = number_after(text, r"^tscinit: LowFree:\s+(\d+) kB", "LowFree", path)
    idle = number_after(text, r"^tscinit: [\d.]+ ([\d.]+)$", "uptime", path,
                        float)
    return tsc, low, round(idle * 1000)


def linux_boot_rows(logdir, size, cpus):
    """Linux's boot rows at @size, from its boot and the stub's."""
    logdir = Path(logdir)
    path = logdir / f"boot-linux-{size}.log"
    text = read_log(path)
    tsc, low, idle = tscinit_figures(path)
    mhz = number_after(text, r"tsc: Detected ([\d.]+) MHz", "TSC rate", path,
                       float)
    ran = number_after(text, r"^\[\s*([\d.]+)\] Run /bin/tscinit as init",
                       "time init started", path, float)
    stub_path = logdir / f"boot-stub-{size}.log"
    firmware = number_after(read_log(stub_path), r"^stub: tsc (0x[0-9a-f]+)",
                            "TSC of the stub", stub_path,
                            lambda x: int(x, 16))
    return [row("linux", "boot_to_init", size, cpus, 1,
                str(round(ran * mhz * 1e6))),
            row("linux", "boot_from_loader", size, cpus, 1,
                str(tsc - firmware)),
            row("linux", "boot_firmware", size, cpus, 1, str(firmware)),
            row("linux", "lowfree_kB", size, cpus, 1, str(low)),
            row("linux", "boot_idle_ms", size, cpus, 1, str(idle))]


def this_boot_rows(logdir, size, cpus):
    """This kernel's boot rows at @size: start_kernel's TSC from its
    "Boot:" line (N from start_kernel, M since reset: M - N)."""
    path = Path(logdir) / f"boot-this-{size}.log"
    text = read_log(path)
    tsc, low, idle = tscinit_figures(path)
    m = re.search(r"^Boot: (\d+) TSC cycles from start_kernel to here "
                  r"\((\d+) since reset\)", text, re.M)
    if not m:
        raise ValueError(f"{path}: no Boot: line")
    start = int(m.group(2)) - int(m.group(1))
    return [row("this", "boot_to_init", size, cpus, 1, str(tsc - start)),
            row("this", "boot_from_loader", size, cpus, 1, str(tsc - start)),
            row("this", "boot_firmware", size, cpus, 1, str(start)),
            row("this", "lowfree_kB", size, cpus, 1, str(low)),
            row("this", "boot_idle_ms", size, cpus, 1, str(idle))]


def boot_sizes(logdir):
    """The RAM sizes booted, smallest first ("1G", "6G", "61G")."""
    sizes = [p.name[len("boot-linux-"):-len(".log")]
             for p in Path(logdir).glob("boot-linux-*.log")]
    return sorted(sizes, key=size_in_mib)


def size_in_mib(size):
    return float(size[:-1]) * {"M": 1, "G": 1024}[size[-1]]


def measure(logdir, cpus, version):
    rows = [row("linux", "kernel_version", version, cpus, 0, "")]
    rows += linux_bench_rows(logdir, cpus)
    for size in boot_sizes(logdir):
        rows += linux_boot_rows(logdir, size, cpus)
        rows += this_boot_rows(logdir, size, cpus)
    return rows


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


# ---- combine: this kernel's results beside Linux's ----

def this_rows(results, cpus):
    """This kernel's benchmark rows (make bench's results.csv) at @cpus
    CPUs, Linux's count: instructions from the -icount rows at that
    count, ns from the rows with SMP on (the only ones that have them),
    the counters from the same rows as the instructions."""
    main_cpus = results[0]["cpus"] if results else "1"
    ns = {(r["benchmark"], r["variant"]): r["ns_per_op"] for r in results
          if r["cpus"] == main_cpus}
    out = []
    for r in results:
        if r["cpus"] != str(cpus) or not r["instructions_per_op"] or \
                r["benchmark"] in ("boot_to_shell", "mem_map_init"):
            continue
        out.append(row("this", r["benchmark"], r["variant"], cpus, r["ops"],
                       r["instructions_per_op"],
                       ns.get((r["benchmark"], r["variant"]), ""),
                       [r[c] for c in COUNTERS]))
    return out


def combine(this_csv, linux_csv):
    """compare.csv's rows: this kernel's, then Linux's and the boot rows
    make bench-linux measured, as they were."""
    measured = read_csv(linux_csv)
    linux = [r for r in measured if r["kernel"] == "linux"]
    cpus = int(linux[0]["cpus"]) if linux else 1
    return this_rows(read_csv(this_csv), cpus) + measured


class Results:
    """compare.csv, looked up by kernel, benchmark and variant."""

    def __init__(self, rows):
        self.rows = rows
        self.by_key = {(r["kernel"], r["benchmark"], r["variant"]): r
                       for r in rows}

    def get(self, kernel, benchmark, variant):
        r = self.by_key.get((kernel, benchmark, variant))
        return float(r["instructions_per_op"]) if r and \
            r["instructions_per_op"] else None

    def value(self, kernel, benchmark, variant):
        v = self.get(kernel, benchmark, variant)
        if v is None:
            raise KeyError(f"no {kernel} result {benchmark},{variant}")
        return v

    def pairs(self):
        """(benchmark, variant) measured on both kernels, in this
        kernel's order, boot rows left out."""
        return [(r["benchmark"], r["variant"]) for r in self.rows
                if r["kernel"] == "this" and r["benchmark"] not in BOOT_ROWS
                and self.get("linux", r["benchmark"], r["variant"])
                is not None]

    def sizes(self):
        return sorted({r["variant"] for r in self.rows
                       if r["benchmark"] == "boot_to_init"}, key=size_in_mib)

    def version(self):
        """Linux's release and Debian version, as measured."""
        r = next((r for r in self.rows if r["benchmark"] == "kernel_version"),
                 None)
        return r["variant"] if r else ""

    def cpus(self):
        linux = [r for r in self.rows if r["kernel"] == "linux"]
        return int(linux[0]["cpus"]) if linux else 1


def read_results(path):
    return Results(read_csv(path))


# What each highmem variant is compared with: highmem/lowmem, or the
# copy between two highmem pages against that between two lowmem ones.
RATIO_PAIRS = {"highmem": "lowmem", "high_to_high": "low_to_low"}


def ratio(results, kernel, benchmark, variant):
    """@variant's instructions over its lowmem counterpart's, or None."""
    low = RATIO_PAIRS.get(variant)
    hi = results.get(kernel, benchmark, variant)
    lo = results.get(kernel, benchmark, low) if low else None
    return hi / lo if hi is not None and lo else None


def ratio_pairs(results):
    """(benchmark, variant) with a ratio on both kernels."""
    return [(b, v) for b, v in results.pairs()
            if ratio(results, "this", b, v) is not None
            and ratio(results, "linux", b, v) is not None]


def cell(value, fmt):
    return format(value, fmt) if value is not None else ""


def side_by_side_text(results, leave_out=()):
    """The table of compare.txt: both kernels per benchmark, the ratio
    of Linux's to this kernel's, and each kernel's highmem/lowmem; the
    benchmarks named in @leave_out not."""
    cpus = results.cpus()
    version = results.version()
    head = (f"Linux side by side (qemu -icount shift=0: instructions per "
            f"operation, {cpus} CPU{'s' if cpus > 1 else ''} running"
            f"{'; Linux ' + version if version else ''})")
    lines = [head,
             f"{'benchmark':<22} {'variant':<14} {'this kernel':>12} "
             f"{'Linux':>12} {'Linux/this':>10} {'this hi/lo':>10} "
             f"{'Linux hi/lo':>11}"]
    for b, v in results.pairs():
        if b in leave_out:
            continue
        this, linux = results.get("this", b, v), results.get("linux", b, v)
        lines.append(
            f"{b:<22} {v:<14} {this:>12.2f} {linux:>12.2f} "
            f"{cell(linux / this if this else None, '10.2f'):>10} "
            f"{cell(ratio(results, 'this', b, v), '10.3f'):>10} "
            f"{cell(ratio(results, 'linux', b, v), '11.3f'):>11}")
    return "\n".join(lines)


def boot_text(results):
    """The boot table: instructions to init and LowFree by RAM size."""
    lines = ["Boot (qemu -icount shift=0: instructions from the kernel's "
             "start to init's first instruction; LowFree at init)",
             f"{'RAM':<6} {'this kernel':>14} {'Linux':>14} "
             f"{'Linux+loader':>14} {'LowFree this':>14} "
             f"{'LowFree Linux':>14}"]
    for size in results.sizes():
        def val(kernel, what):
            v = results.get(kernel, what, size)
            return f"{v:14.0f}" if v is not None else f"{'':>14}"

        def kib(kernel):
            v = results.get(kernel, "lowfree_kB", size)
            return f"{v:11.0f} kB" if v is not None else f"{'':>14}"
        lines.append(f"{size:<6} {val('this', 'boot_to_init')} "
                     f"{val('linux', 'boot_to_init')} "
                     f"{val('linux', 'boot_from_loader')} "
                     f"{kib('this')} {kib('linux')}")
    return "\n".join(lines)


# ---- plots ----

# The side-by-side bars: one of each kind (the kmalloc sizes and the
# page orders are alike), in this order.
BAR_LEFT_OUT = re.compile(r"^kmalloc,(?!64B)|^page_alloc_orders,")


def label(benchmark, variant):
    return f"{benchmark} {variant}"


def write_plot_data(results, out_dir):
    """bars.dat (label, this, Linux), ratios.dat (label, this, Linux) and
    boot.dat (GiB, this, Linux, Linux with loader, LowFree MiB this,
    Linux) for tools/bench-linux-*.gp."""
    out_dir = Path(out_dir)
    with open(out_dir / "bars.dat", "w") as f:
        f.write("# benchmark this_instructions linux_instructions\n")
        for b, v in results.pairs():
            if not BAR_LEFT_OUT.match(f"{b},{v}"):
                f.write(f'"{label(b, v)}" {results.value("this", b, v)} '
                        f'{results.value("linux", b, v)}\n')
    with open(out_dir / "ratios.dat", "w") as f:
        f.write("# benchmark this_ratio linux_ratio\n")
        for b, v in ratio_pairs(results):
            f.write(f'"{b}" {ratio(results, "this", b, v):.4f} '
                    f'{ratio(results, "linux", b, v):.4f}\n')
    with open(out_dir / "boot.dat", "w") as f:
        f.write("# GiB this linux linux_from_loader lowfree_MiB_this "
                "lowfree_MiB_linux\n")
        for size in results.sizes():
            cells = [results.get(k, w, size) for k, w in (
                ("this", "boot_to_init"), ("linux", "boot_to_init"),
                ("linux", "boot_from_loader"))]
            low = [results.get(k, "lowfree_kB", size) for k in ("this", "linux")]
            f.write(f"{size_in_mib(size) / 1024:g} " + " ".join(
                "NaN" if c is None else f"{c / 1e6:.3f}" for c in cells) +
                " " + " ".join("NaN" if c is None else f"{c / 1024:.1f}"
                               for c in low) + "\n")


PLOTS = ("side-by-side", "ratios", "boot")


def plot(data_dir, out_dir):
    """The three PNGs, OUTDIR/linux-{side-by-side,ratios,boot}.png."""
    for name in PLOTS:
        subprocess.run(["gnuplot", "-e", f"datadir='{data_dir}'; "
                        f"outfile='{out_dir}/linux-{name}.png'",
                        str(TOP / f"tools/bench-linux-{name}.gp")],
                       check=True)


# ---- the command ----

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("measure")
    m.add_argument("logdir")
    m.add_argument("--linux-cpus", type=int, default=1)
    m.add_argument("--version", default="", help="Linux's, for the table")
    c = sub.add_parser("combine")
    c.add_argument("this_csv")
    c.add_argument("linux_csv")
    c.add_argument("out_dir")
    c.add_argument("--plots", action="store_true")
    args = parser.parse_args()
    try:
        if args.command == "measure":
            write_csv(Path(args.logdir) / "results.csv",
                      measure(args.logdir, args.linux_cpus, args.version))
            return
        out = Path(args.out_dir)
        rows = combine(args.this_csv, args.linux_csv)
        write_csv(out / "compare.csv", rows)
        results = Results(rows)
        (out / "compare.txt").write_text(
            side_by_side_text(results) + "\n\n" +
            boot_text(results) + "\n")
        if args.plots:
            write_plot_data(results, out)
            plot(out, out)
    except (OSError, ValueError, KeyError,
            subprocess.CalledProcessError) as e:
        sys.exit(f"bench_linux: {e}")


if __name__ == "__main__":
    main()
