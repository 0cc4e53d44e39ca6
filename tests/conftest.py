# SPDX-License-Identifier: MIT
"""What make test counts, across every layer.

A pytest test may stand for many test cases: a host test binary runs
dozens of cmocka tests, a boot with ktest=all runs every in-kernel test
(KTAP). Such a test attaches their counts as the user property "cases"
= (passed, failed, skipped, [failed names]); a test without it counts
once. At the end the totals go to build/test/summary.json, from which
tools/run-tests.sh prints the last line, "N passed, N failed".
"""
import json
import os
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
SUMMARY = Path(os.environ.get("BUILD", TOP / "build")) / "test" / "summary.json"

_totals = {"passed": 0, "failed": 0, "skipped": 0, "failures": [],
           "skips": []}


def pytest_collection_modifyitems(items):
    """The slow tests first: the parallel run then ends sooner."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_runtest_logreport(report):
    # Counted once per test: at its call, or at a setup that failed or skipped.
    if report.when != "call" and not (report.when == "setup" and
                                      report.outcome != "passed"):
        return
    props = dict(report.user_properties)
    name = report.nodeid.split("::")[-1]
    if "cases" in props:
        passed, failed, skipped, failures, skips = props["cases"]
        _totals["passed"] += passed
        _totals["failed"] += failed
        _totals["skipped"] += skipped
        _totals["failures"] += [f"{name}: {f}" for f in failures]
        _totals["skips"] += [f"{name}: {s}" for s in skips]
    # The test itself (the boot's status and output, the binary's exit).
    if report.outcome == "passed":
        _totals["passed"] += 1
    elif report.outcome == "skipped":
        _totals["skipped"] += 1
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
        _totals["skips"].append(f"{name}: {reason}")
    else:
        _totals["failed"] += 1
        _totals["failures"].append(name)


def pytest_sessionfinish(session):
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the controller counts
    SUMMARY.parent.mkdir(parents=True, exist_ok=True)
    SUMMARY.write_text(json.dumps(_totals, indent=1))
