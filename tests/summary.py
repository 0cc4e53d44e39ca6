#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Print make test's summary from build/test/summary.json (tests/conftest.py):
the skips with their reasons, the failures, and the last line
"N passed, N failed"."""
import json
import sys

totals = json.load(open(sys.argv[1]))
if totals["skips"]:
    print(f"== skipped ({totals['skipped']})")
    for skip in totals["skips"]:
        print(f"  {skip}")
if totals["failures"]:
    print("== failures")
    for failure in totals["failures"]:
        print(f"  {failure}")
print(f"{totals['passed']} passed, {totals['failed']} failed")
sys.exit(1 if totals["failed"] else 0)
