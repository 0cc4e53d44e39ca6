# SPDX-License-Identifier: MIT
"""Tests that are a command: they pass if it exits with 0."""
import os
import subprocess
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("BUILD", TOP / "build"))

SCRIPTS = {
    # The DEBUG=1 build passes every in-kernel test under its options.
    "debug-build": ["tests/boot/debug-build.sh"],
    # make KTEST=0: the core builds and boots without the test code.
    "noktest-build": ["tests/boot/noktest-build.sh"],
    # The fuzzers, a fixed number of inputs each from the seed corpus.
    "fuzz-short": ["tools/fuzz.sh", "--runs", "20000"],
    # make bench in its quick form: every benchmark runs (at 1/100 of its
    # operations), the CSV, the table and the plot are made and checked.
    "bench-quick": ["tests/boot/bench-quick.sh"],
    # make memview's runner, short: frames, sheet, GIF, pagemap pictures.
    "memview-quick": ["tests/boot/memview-quick.sh"],
    # Sizes Bochs cannot start in reasonable time are refused at once.
    "bochs-mem-limit": ["tests/boot/bochs-mem-limit.sh"],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", SCRIPTS)
def test_script(name):
    log = BUILD / "test" / "logs" / f"{name}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as out:
        proc = subprocess.run(SCRIPTS[name], stdout=out,
                              stderr=subprocess.STDOUT, cwd=TOP,
                              timeout=900)
    tail = "".join("    | " + line for line in
                   log.read_text(errors="replace").splitlines(True)[-15:])
    assert proc.returncode == 0, \
        f"{' '.join(SCRIPTS[name])} failed (status {proc.returncode})\n" \
        f"    log: {log}\n{tail}"
