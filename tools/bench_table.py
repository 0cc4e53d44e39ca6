#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""bench_table.py RESULTS.CSV: the benchmark table and the targets.

The CSV is what tools/bench.sh writes (benchmark,variant,ops,
instructions_per_op,ns_per_op). The table has one row per CSV row and
the highmem/lowmem ratio of instructions wherever both variants exist;
then one line per target of the benchmark issue, met or missed.
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

    def value(self, results):
        value = instructions(results, *self.numerator)
        if self.denominator:
            value /= instructions(results, *self.denominator)
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
]


def read_results(path):
    """The CSV's rows, in order, as dicts."""
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def lookup(results, benchmark, variant):
    for row in results:
        if row["benchmark"] == benchmark and row["variant"] == variant:
            return row
    raise KeyError(f"no benchmark result {benchmark},{variant}")


def instructions(results, benchmark, variant):
    return float(lookup(results, benchmark, variant)["instructions_per_op"])


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


def table_text(results):
    lines = [f"{'benchmark':<22} {'variant':<14} {'instructions/op':>14} "
             f"{'ns/op':>12} {'hi/lo':>8}"]
    for row in results:
        lines.append(f"{row['benchmark']:<22} {row['variant']:<14} "
                     f"{row['instructions_per_op']:>14} "
                     f"{row['ns_per_op']:>12} "
                     f"{ratio_column(results, row):>8}")
    return "\n".join(lines)


def target_met(target, results):
    return target.value(results) <= target.limit


def targets_text(results):
    return "\n".join(
        f"target: {t.what:<52} {t.value(results):10.2f} "
        f"(at most {t.limit:g}): "
        f"{'met' if target_met(t, results) else 'MISSED'}" for t in TARGETS)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: bench_table.py RESULTS.CSV")
    results = read_results(sys.argv[1])
    print(table_text(results))
    print(targets_text(results))


if __name__ == "__main__":
    main()
