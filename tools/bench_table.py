#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""bench_table.py RESULTS.CSV: the benchmark table and the targets.

The CSV is what tools/bench.sh writes (benchmark,variant,cpus,ops,
instructions_per_op,ns_per_op): every benchmark with SMP on (cpus > 1),
and again on one CPU, instructions only. The table has one row per
benchmark with SMP on, the highmem/lowmem ratio of instructions wherever
both variants exist, and the ratio to the same benchmark on one CPU;
then one line per target (of the benchmark and SMP issues), met or
missed.
tools/bench.sh prints this as build/bench/table.txt, and tools/mkdocs.py
puts the same table, and the targets, into docs/benchmarks.md.
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
    Target("kmap_atomic+kunmap_atomic highmem, instructions",
           "kmap_atomic + kunmap_atomic, highmem", 25,
           ("kmap_atomic", "highmem")),
    Target("order-0 alloc+free (per-CPU list), instructions",
           "order-0 alloc + free from the per-CPU list", 80,
           ("page_alloc_order0", "lowmem")),
    Target("kmalloc(64)+kfree (per-CPU cache), instructions",
           "kmalloc(64) + kfree from the per-CPU cache", 40,
           ("kmalloc_const", "64B")),
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


def read_results(path):
    """The rows with SMP on, in order, as dicts; each also holds the
    instructions of its one-CPU row as "instructions_1cpu" ("" if none).
    A CSV from one CPU only is all main rows."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    cpus = max((cpus_of(r) for r in rows), default=1)
    single = {(r["benchmark"], r["variant"]): r["instructions_per_op"]
              for r in rows if cpus_of(r) == 1 and cpus > 1}
    main = [r for r in rows if cpus_of(r) == cpus]
    for r in main:
        r["instructions_1cpu"] = single.get((r["benchmark"], r["variant"]), "")
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


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: bench_table.py RESULTS.CSV")
    results = read_results(sys.argv[1])
    print(table_text(results))
    print(targets_text(results))


if __name__ == "__main__":
    main()
