#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""bench_table.py RESULTS.CSV [--plot-data DIR]: the benchmark tables.

The CSV is what tools/bench.sh writes (benchmark,variant,cpus,ops,
instructions_per_op,ns_per_op,invlpg_per_op,full_flushes_per_op,
ipis_per_op): every benchmark with SMP on (the first rows' CPU count),
again on one CPU (instructions only), the kmap benchmarks at more CPUs
(instructions only), and mt_copy under multi-threaded TCG (time only).
The main table has one row per benchmark with SMP on, the
highmem/lowmem ratio of instructions wherever both variants exist, and
the ratio to the same benchmark on one CPU; then one line per target
(of the benchmark and SMP issues), met or missed; then the CPU scaling
of the ways of mapping a highmem page, with the TLB flushes and IPIs
per operation, and the MTTCG throughput of kmap against kmap_local.
tools/bench.sh prints this as build/bench/table.txt (and with
--plot-data writes the data of its CPU-scaling plot), and
tools/mkdocs.py puts the same tables into docs/benchmarks.md.
"""
import csv
import sys
from dataclasses import dataclass


@dataclass
class Target:
    what: str  # in table.txt
    title: str  # in docs/benchmarks.md's table of targets
    limit: float
    numerator: tuple  # (benchmark, variant)
    denominator: tuple = None  # for a ratio
    versus_one_cpu: bool = False  # the ratio to the same on one CPU

    def value(self, results):
        value = instructions(results, *self.numerator)
        if self.denominator:
            value /= instructions(results, *self.denominator)
        if self.versus_one_cpu:
            value /= one_cpu_instructions(results, *self.numerator)
        return value


TARGETS = [
    # The fast paths (the benchmark issues; issue 18's table).
    Target("kmap_atomic+kunmap_atomic highmem, instructions",
           "kmap_atomic + kunmap_atomic, highmem", 25,
           ("kmap_atomic", "highmem")),
    Target("kmap_atomic+kunmap_atomic lowmem, instructions",
           "kmap_atomic + kunmap_atomic, lowmem", 8,
           ("kmap_atomic", "lowmem")),
    Target("kmap_local_page+kunmap_local highmem, instructions",
           "kmap_local_page + kunmap_local, highmem", 25,
           ("kmap_local", "highmem")),
    Target("kmap_local_page+kunmap_local lowmem, instructions",
           "kmap_local_page + kunmap_local, lowmem", 8,
           ("kmap_local", "lowmem")),
    Target("kmap+kunmap, page already mapped, instructions",
           "kmap + kunmap, page already mapped (highmem)", 40,
           ("kmap_mapped", "highmem")),
    Target("order-0 alloc+free (per-CPU list), instructions",
           "order-0 alloc + free from the per-CPU list", 80,
           ("page_alloc_order0", "lowmem")),
    Target("order-0 alloc+free highmem, instructions",
           "order-0 alloc + free from the per-CPU list, highmem", 80,
           ("page_alloc_order0", "highmem")),
    Target("kmalloc(64)+kfree (per-CPU cache), instructions",
           "kmalloc(64) + kfree from the per-CPU cache", 40,
           ("kmalloc_const", "64B")),
    Target("kmalloc(size)+kfree, 64 B from a variable, instructions",
           "kmalloc(size) + kfree, size from a variable (64 B)", 50,
           ("kmalloc", "64B")),
    # Most struct pages are written after boot (deferred init): a big
    # machine boots almost as fast as a small one.
    Target("boot to the shell, 61 GiB / 1 GiB",
           "boot to the shell: 61 GiB / 1 GiB, instructions", 1.5,
           ("boot_to_shell", "61G"), ("boot_to_shell", "1G")),
    Target("clear_page highmem/lowmem",
           "clear_page highmem/lowmem", 1.03,
           ("clear_page", "highmem"), ("clear_page", "lowmem")),
    Target("RAM disk sequential 4 KiB write highmem/lowmem",
           "RAM disk sequential 4 KiB write highmem/lowmem", 1.05,
           ("ramdisk_seq_write", "highmem"), ("ramdisk_seq_write", "lowmem")),
    # Per-CPU data costs nothing on the fast paths: no lock prefix, no
    # shared cache line (the SMP issue).
    Target("kmap_atomic highmem, SMP on / one CPU",
           "kmap_atomic + kunmap_atomic, highmem: SMP on / one CPU", 1.10,
           ("kmap_atomic", "highmem"), versus_one_cpu=True),
    Target("order-0 alloc+free, SMP on / one CPU",
           "order-0 alloc + free: SMP on / one CPU", 1.10,
           ("page_alloc_order0", "lowmem"), versus_one_cpu=True),
    Target("kmalloc(64)+kfree, SMP on / one CPU",
           "kmalloc(64) + kfree: SMP on / one CPU", 1.10,
           ("kmalloc_const", "64B"), versus_one_cpu=True),
]


def cpus_of(row):
    return int(row.get("cpus") or 1)


def read_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def exact(row):
    """A row measured under -icount (it has instructions)."""
    return bool(row["instructions_per_op"])


def read_results(path):
    """The rows with SMP on, in order, as dicts; each also holds the
    instructions of its one-CPU row as "instructions_1cpu" ("" if none),
    and the list of every row as "all_rows". A CSV from one CPU only is
    all main rows."""
    rows = read_rows(path)
    cpus = cpus_of(rows[0]) if rows else 1
    single = {(r["benchmark"], r["variant"]): r["instructions_per_op"]
              for r in rows if cpus_of(r) == 1 and cpus > 1 and exact(r)}
    main = [r for r in rows if cpus_of(r) == cpus and exact(r)]
    for r in main:
        r["instructions_1cpu"] = single.get((r["benchmark"], r["variant"]), "")
        r["all_rows"] = rows
    return main


def lookup(results, benchmark, variant):
    for row in results:
        if row["benchmark"] == benchmark and row["variant"] == variant:
            return row
    raise KeyError(f"no benchmark result {benchmark},{variant}")


def instructions(results, benchmark, variant):
    return float(lookup(results, benchmark, variant)["instructions_per_op"])


def one_cpu_instructions(results, benchmark, variant):
    value = lookup(results, benchmark, variant)["instructions_1cpu"]
    if not value:
        raise KeyError(f"no one-CPU result {benchmark},{variant}")
    return float(value)


def ns(results, benchmark, variant):
    return float(lookup(results, benchmark, variant)["ns_per_op"])


def ratio_column(results, row):
    """highmem/lowmem of instructions, on the highmem row of a pair."""
    if row["variant"] != "highmem":
        return ""
    try:
        low = instructions(results, row["benchmark"], "lowmem")
    except KeyError:
        return ""
    return f"{float(row['instructions_per_op']) / low:.3f}" if low else ""


def one_cpu_column(row):
    """instructions with SMP on / on one CPU."""
    one = row.get("instructions_1cpu")
    if not one or not float(one):
        return ""
    return f"{float(row['instructions_per_op']) / float(one):.3f}"


def table_text(results):
    cpus = cpus_of(results[0]) if results else 1
    lines = [f"{'benchmark':<22} {'variant':<14} {'instructions/op':>14} "
             f"{'ns/op':>12} {'hi/lo':>8} {f'{cpus}cpu/1':>8}"]
    for row in results:
        lines.append(f"{row['benchmark']:<22} {row['variant']:<14} "
                     f"{row['instructions_per_op']:>14} "
                     f"{row['ns_per_op']:>12} "
                     f"{ratio_column(results, row):>8} "
                     f"{one_cpu_column(row):>8}")
    return "\n".join(lines)


def target_met(target, results):
    return target.value(results) <= target.limit


def measurable(target, results):
    """False for the SMP targets of a run without the one-CPU rows."""
    try:
        target.value(results)
        return True
    except KeyError:
        return False


def targets_text(results):
    return "\n".join(
        f"target: {t.what:<52} {t.value(results):10.2f} "
        f"(at most {t.limit:g}): "
        f"{'met' if target_met(t, results) else 'MISSED'}"
        for t in TARGETS if measurable(t, results))


# ---- CPU scaling: the three ways of mapping a highmem page ----

# (benchmark, variant, what it is) in the scaling table and plot.
SCALING = [
    ("kmap_local", "highmem", "kmap_local_page + kunmap_local"),
    ("kmap_atomic", "highmem", "kmap_atomic + kunmap_atomic"),
    ("kmap_new_page_wrap", "highmem", "kmap + kunmap, new pages, laps"),
    ("kmap_mapped", "highmem", "kmap + kunmap, page mapped"),
    ("kmap_local", "lowmem", "kmap_local_page + kunmap_local"),
    ("kmap_atomic", "lowmem", "kmap_atomic + kunmap_atomic"),
]


def all_rows(results):
    return results[0]["all_rows"] if results and "all_rows" in results[0] \
        else results


def scaling(results, benchmark, variant):
    """{cpus: row} of the exact rows of one benchmark."""
    return {cpus_of(r): r for r in all_rows(results)
            if r["benchmark"] == benchmark and r["variant"] == variant
            and exact(r)}


def scaling_cpus(results):
    return sorted({c for b, v, _ in SCALING
                   for c in scaling(results, b, v)})


def counter(row, name):
    return float(row.get(name) or 0)


def scaling_text(results):
    """Instructions per operation at each CPU count, and at the most CPUs
    the TLB flushes and IPIs per operation (per 1000 for kmap's laps)."""
    cpus = scaling_cpus(results)
    if len(cpus) < 2:
        return ""
    head = " ".join(f"{f'{c} CPU' + ('s' if c > 1 else ''):>9}" for c in cpus)
    lines = ["CPU scaling (qemu -icount shift=0: instructions per operation, "
             "every CPU's counted; counts per 1000 operations at "
             f"{cpus[-1]} CPUs)",
             f"{'benchmark':<19} {'variant':<8} {head} {'invlpg':>8} "
             f"{'flushall':>8} {'IPIs':>8}"]
    for benchmark, variant, _ in SCALING:
        by_cpu = scaling(results, benchmark, variant)
        if not by_cpu:
            continue
        cells = " ".join(f"{by_cpu[c]['instructions_per_op']:>9}"
                         if c in by_cpu else f"{'':>9}" for c in cpus)
        last = by_cpu[max(by_cpu)]
        lines.append(
            f"{benchmark:<19} {variant:<8} {cells} "
            f"{1000 * counter(last, 'invlpg_per_op'):8.1f} "
            f"{1000 * counter(last, 'full_flushes_per_op'):8.1f} "
            f"{1000 * counter(last, 'ipis_per_op'):8.1f}")
    return "\n".join(lines)


def mttcg(results):
    """{cpus: {variant: row}} of the mt_copy rows (multi-threaded TCG)."""
    out = {}
    for r in all_rows(results):
        if r["benchmark"] == "mt_copy" and not exact(r) and r["ns_per_op"]:
            out.setdefault(cpus_of(r), {})[r["variant"]] = r
    return out


def mttcg_ratio(results, cpus):
    run = mttcg(results)[cpus]
    return float(run["kmap"]["ns_per_op"]) / \
        float(run["kmap_local"]["ns_per_op"])


def mttcg_text(results):
    runs = mttcg(results)
    if not runs:
        return ""
    lines = ["mt_copy: a thread per CPU copying 4 KiB into its own highmem "
             "pages (multi-threaded TCG: emulated ns per page, all threads "
             "together; noisy)",
             f"{'CPUs':>4} {'kmap':>12} {'kmap_local':>12} "
             f"{'kmap/local':>10} {'IPIs/1000 pages: kmap':>22} "
             f"{'kmap_local':>10}"]
    for cpus in sorted(runs):
        run = runs[cpus]
        if "kmap" not in run or "kmap_local" not in run:
            continue
        lines.append(f"{cpus:>4} {run['kmap']['ns_per_op']:>12} "
                     f"{run['kmap_local']['ns_per_op']:>12} "
                     f"{mttcg_ratio(results, cpus):>10.2f} "
                     f"{1000 * counter(run['kmap'], 'ipis_per_op'):>22.1f} "
                     f"{1000 * counter(run['kmap_local'], 'ipis_per_op'):>10.1f}")
    return "\n".join(lines)


def write_plot_data(results, out_dir):
    """scaling.dat: cpus, then instructions of each SCALING highmem
    benchmark; mttcg.dat: cpus, kmap ns, kmap_local ns."""
    high = [(b, v) for b, v, _ in SCALING if v == "highmem"]
    with open(f"{out_dir}/scaling.dat", "w") as f:
        f.write("# cpus " + " ".join(b for b, _ in high) + "\n")
        for c in scaling_cpus(results):
            cells = [scaling(results, b, v).get(c) for b, v in high]
            f.write(f"{c} " + " ".join(
                r["instructions_per_op"] if r else "NaN" for r in cells) + "\n")
    with open(f"{out_dir}/mttcg.dat", "w") as f:
        f.write("# cpus kmap_ns kmap_local_ns\n")
        for c, run in sorted(mttcg(results).items()):
            if "kmap" in run and "kmap_local" in run:
                f.write(f"{c} {run['kmap']['ns_per_op']} "
                        f"{run['kmap_local']['ns_per_op']}\n")


def main():
    args = sys.argv[1:]
    if len(args) not in (1, 3) or (len(args) == 3 and args[1] != "--plot-data"):
        sys.exit("usage: bench_table.py RESULTS.CSV [--plot-data DIR]")
    results = read_results(args[0])
    print(table_text(results))
    print(targets_text(results))
    for extra in (scaling_text(results), mttcg_text(results)):
        if extra:
            print()
            print(extra)
    if len(args) == 3:
        write_plot_data(results, args[2])


if __name__ == "__main__":
    main()
