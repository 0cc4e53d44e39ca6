# SPDX-License-Identifier: MIT
"""The docs still match the kernel: every generated transcript, table and
figure in README.md and docs/*.md (recipes in docs/transcripts.py),
regenerated from fresh runs of this build and compared with the
committed text after masking what varies between runs. A difference
fails with a diff; `make docs` brings the docs up to date.

Transcripts cut from the same boot share one run (tools/mkdocs.py keeps
each boot's output for the build). Tables and figures from the
benchmarks are compared with docs/bench-results.csv: make bench itself
is too slow for make test.
"""
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TOP / "tools"))

import mkdocs  # noqa: E402
from mkdocs import recipes  # noqa: E402

ITEMS = sorted(mkdocs.doc_items())


def runner_of(kind, name):
    """The runner an item's boot uses ("" for the bench's tables)."""
    if kind == "figure" and name in recipes.FIGURES:
        kind, name = "transcript", recipes.FIGURES[name].transcript
    if kind != "transcript" or name not in recipes.TRANSCRIPTS:
        return ""
    return recipes.BOOTS[recipes.TRANSCRIPTS[name].boot].runner


def params():
    for kind, name in ITEMS:
        marks = []
        if runner_of(kind, name).startswith("bochs"):
            # One Bochs at a time, with the boot tests' Bochs runs.
            marks.append(pytest.mark.xdist_group("bochs"))
        yield pytest.param(kind, name, id=f"{kind}-{name}", marks=marks)


@pytest.mark.parametrize("kind,name", params())
def test_docs_match_the_kernel(kind, name):
    try:
        problems = mkdocs.check_item(kind, name)
    except mkdocs.DocError as e:
        problems = f"{e}; fix docs/transcripts.py, then run make docs"
    if problems:
        pytest.fail(problems, pytrace=False)


def test_every_recipe_is_used_in_the_docs():
    used = {name for _, name in ITEMS}
    for table in (recipes.TRANSCRIPTS, recipes.TABLES, recipes.FIGURES):
        unused = sorted(set(table) - used)
        assert not unused, f"recipes no doc uses: {unused}"
    booted = {t.boot for t in recipes.TRANSCRIPTS.values()}
    assert not sorted(set(recipes.BOOTS) - booted), \
        f"boots no transcript cuts from: {sorted(set(recipes.BOOTS) - booted)}"


def test_every_marker_has_a_recipe():
    known = {"transcript": recipes.TRANSCRIPTS, "table": recipes.TABLES,
             "figure": recipes.FIGURES}
    missing = [f"{kind} {name}" for kind, name in ITEMS
               if name not in known[kind]]
    assert not missing, f"markers without a recipe in docs/transcripts.py: " \
        f"{missing}"
