# SPDX-License-Identifier: MIT
"""Every boot case of tests/boot/cases.py: boot, then check what came of it.

A boot that ran in-kernel tests also reports each of them (KTAP) to
make test's count.
"""
import pytest

from cases import CASES
from harness import boot, ktap_results, problems

SLOW_SECONDS = 150  # cases allowed this long are started first


def params():
    for case in CASES:
        marks = []
        if case.runner.startswith("bochs"):
            # One Bochs at a time: each is a heavy process.
            marks.append(pytest.mark.xdist_group("bochs"))
        if case.timeout >= SLOW_SECONDS:
            marks.append(pytest.mark.slow)
        yield pytest.param(case, id=case.name, marks=marks)


def record_ktap(record_property, text):
    results = ktap_results(text)
    failed = [name for name, status, _ in results if status == "fail"]
    skipped = [f"{name}: {why}" for name, status, why in results
               if status == "skip"]
    passed = sum(status == "pass" for _, status, _ in results)
    record_property("cases", (passed, len(failed), len(skipped), failed,
                              skipped))
    return failed


@pytest.mark.parametrize("case", params())
def test_boot(case, record_property):
    rc, log, text = boot(case)
    failed_ktests = record_ktap(record_property, text)
    found = problems(case, rc, log, text)
    if failed_ktests:
        found.append("in-kernel tests failed: " + ", ".join(failed_ktests))
    tail = "\n".join("    | " + line for line in text.splitlines()[-15:])
    assert not found, f"{case.name}: " + "; ".join(found) + \
        f"\n    log: {log}\n{tail}"
