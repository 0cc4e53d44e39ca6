# SPDX-License-Identifier: MIT
"""The host unit tests: kernel code built for the host under ASan and
UBSan, one cmocka binary per file tests/host/test_*.c (make host-tests).
Each binary's test cases count one by one in make test."""
import os
import re
import subprocess
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("BUILD", TOP / "build"))
SOURCES = sorted((TOP / "tests/host").glob("test_*.c"))


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_host(source, record_property):
    binary = BUILD / "host" / source.stem
    proc = subprocess.run([binary], capture_output=True, text=True, cwd=TOP,
                          env=dict(os.environ, CMOCKA_MESSAGE_OUTPUT="TAP"),
                          timeout=300)
    results = re.findall(r"^(not ok|ok) \d+ - (\S+)", proc.stdout, re.M)
    failed = [name for status, name in results if status == "not ok"]
    passed = len(results) - len(failed)
    record_property("cases", (passed, len(failed), 0, failed, []))
    log = BUILD / "test" / "logs" / f"host-{source.stem}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(proc.stdout + proc.stderr)
    assert results, f"{binary}: no TAP output (status {proc.returncode})"
    assert proc.returncode == 0 and not failed, \
        f"{binary}: {', '.join(failed) or 'exit status ' + str(proc.returncode)}" \
        f"\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
