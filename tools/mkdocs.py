#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""mkdocs.py: regenerate the transcripts, tables and figures in the docs.

usage: tools/mkdocs.py              boot, cut, and rewrite README.md, docs/*.md
       tools/mkdocs.py --check      compare only; the differences, status 1
       tools/mkdocs.py --bench DIR  take DIR's results.csv and plot (from
                                    make bench) as the committed results,
                                    and, if DIR/linux/results.csv exists
                                    (make bench-linux), the side by side
                                    of both, then rewrite the tables and
                                    figures made from them
       tools/mkdocs.py --bench-linux DIR
                                    take only DIR/linux/results.csv (make
                                    bench-linux), beside the committed
                                    docs/bench-results.csv

What is generated, and how, is in docs/transcripts.py: the boots (run
with tests/boot/harness.py, as the tests run them), the cuts and masks
of each transcript, the tables and figures. tests/test_docs.py makes
the same comparison as --check, one test per item, in make test.
"""
import argparse
import concurrent.futures
import difflib
import fcntl
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TOP / "tests/boot"), str(TOP / "docs"), str(TOP / "tools")]

import bench_linux  # noqa: E402
import bench_table  # noqa: E402
import harness  # noqa: E402
import transcripts as recipes  # noqa: E402

DOCS = [TOP / "README.md"] + sorted((TOP / "docs").glob("*.md"))
BENCH_CSV = TOP / "docs/bench-results.csv"
BENCH_PLOT = TOP / "docs/highmem-vs-lowmem.png"
SCALING_PLOT = TOP / "docs/cpu-scaling.png"
# make bench-linux's: this kernel beside Linux (tools/bench_linux.py).
BENCH_LINUX_CSV = TOP / "docs/bench-linux-results.csv"
CACHE = harness.TEST_DIR / "docs"

# <!-- transcript: NAME --> or <!-- table: NAME --> on the line before
# a fenced block (or, for a table, a Markdown table).
BLOCK_MARK = re.compile(r"^<!-- (transcript|table): ([\w.-]+) -->\n", re.M)
FIGURE_MARK = re.compile(r"<!-- figure: ([\w.-]+) -->(.*?)<!-- /figure -->")


class DocError(Exception):
    """A recipe that cannot be followed: a boot that ended wrong, a cut
    whose line is not in the output, a marker without a recipe."""


# ---- boots ----

def describe_step(step):
    return step if isinstance(step, str) else (step.__doc__ or step.__name__)


def boot_key(boot):
    """The recipe of @boot as text: what its cached output depends on."""
    steps = boot.input if isinstance(boot.input, str) else \
        [describe_step(s) for s in boot.input]
    return json.dumps([boot.runner, boot.mem, boot.cmdline, steps,
                       boot.status, boot.smp])


def piped_run(name, boot):
    case = harness.Case(name=f"docs-{name}", mem=boot.mem,
                        cmdline=boot.cmdline,
                        expect="pass" if boot.status == 0 else "fail",
                        runner=boot.runner, stdin=boot.input,
                        timeout=boot.timeout, smp=boot.smp)
    rc, _, text = harness.boot(case)
    return rc, text


def typed_lines(step, output):
    lines = step(output) if callable(step) else step
    return [lines] if isinstance(lines, str) else list(lines)


def typed_run(name, boot):
    """A Session: each step typed at its prompt, the last one awaited."""
    with harness.Session(boot.mem, boot.cmdline, timeout=boot.timeout,
                         name=f"docs-{name}", runner=boot.runner,
                         smp=boot.smp) as k:
        for step in boot.input[:-1]:
            for line in typed_lines(step, k.output):
                k.command(line)
        *lines, last = typed_lines(boot.input[-1], k.output)
        for line in lines:
            k.command(line)
        rc = k.finish(last)
    return rc, k.output


def run_boot(name):
    boot = recipes.BOOTS[name]
    if isinstance(boot.input, str):
        return piped_run(name, boot)
    try:
        return typed_run(name, boot)
    except AssertionError as e:  # a prompt that never came
        raise DocError(f"boot {name}: {e}") from e


def boot_output(name):
    """(status, output) of boot @name, run once per build: the transcripts
    that cut from the same boot, in any test worker, share one run."""
    boot = recipes.BOOTS[name]
    CACHE.mkdir(parents=True, exist_ok=True)
    saved = CACHE / f"{name}.json"
    elf = harness.BUILD / "kernel.elf"
    with open(CACHE / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if saved.exists() and saved.stat().st_mtime >= elf.stat().st_mtime:
            run = json.loads(saved.read_text())
            if run["key"] == boot_key(boot):
                return run["status"], run["output"]
        status, output = run_boot(name)
        saved.write_text(json.dumps({"key": boot_key(boot), "status": status,
                                     "output": output}))
    return status, output


def clear_cache():
    shutil.rmtree(CACHE, ignore_errors=True)


# ---- transcripts: cutting a boot's output ----

def find_line(lines, regex, start, what):
    for i in range(start, len(lines)):
        if re.search(regex, lines[i]):
            return i
    raise DocError(f"{what}: no line matches /{regex}/")


def cut_end(lines, cut, start, what):
    if cut.single:
        return start + 1
    if cut.last:
        return find_line(lines, cut.last, start + 1, what) + 1
    if cut.upto:
        return find_line(lines, cut.upto, start + 1, what)
    return len(lines)


def cut_lines(lines, cuts, what):
    """The lines of @cuts, in order, with "..." for what lies between."""
    kept, pos = [], 0
    for cut in cuts:
        start = find_line(lines, cut.first, pos, what)
        if kept and start != pos:
            kept.append("...")
        pos = cut_end(lines, cut, start, what)
        kept += lines[start:pos]
    return kept


def transcript_text(name):
    recipe = recipes.TRANSCRIPTS[name]
    boot = recipes.BOOTS[recipe.boot]
    status, output = boot_output(recipe.boot)
    what = f"transcript {name} (boot {recipe.boot})"
    if status != boot.status:
        raise DocError(f"{what}: the run ended with status {status}, the "
                       f"recipe expects {boot.status}; log: "
                       f"{harness.LOG_DIR}/docs-{recipe.boot}.log")
    lines = cut_lines(output.split("\n"), recipe.cuts, what)
    lines = [ln for ln in lines
             if not any(re.search(d, ln) for d in recipe.drop)]
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def masked(text, masks):
    for regex, replacement in masks:
        text = re.sub(regex, replacement, text, flags=re.M)
    return text


# ---- tables and figures ----

def bench_results():
    return bench_table.read_results(BENCH_CSV)


def linux_results():
    return bench_linux.read_results(BENCH_LINUX_CSV)


def table_text(name):
    table = recipes.TABLES[name]
    if getattr(table, "linux", False):
        return table(linux_results())
    return table(bench_results())


def figure_text(name):
    figure = recipes.FIGURES[name]
    if figure.bench:
        return figure.bench(bench_results())
    if figure.linux:
        return figure.linux(linux_results())
    text = transcript_text(figure.transcript)
    m = re.search(figure.regex, text, re.M)
    if not m:
        raise DocError(f"figure {name}: /{figure.regex}/ is not in "
                       f"transcript {figure.transcript}")
    return figure.then(m.group(1)) if figure.then else m.group(1)


def generate(kind, name):
    """The fresh text of one item: kind is transcript, table or figure."""
    known = {"transcript": recipes.TRANSCRIPTS, "table": recipes.TABLES,
             "figure": recipes.FIGURES}[kind]
    if name not in known:
        raise DocError(f"{kind} {name}: no recipe in docs/transcripts.py")
    return {"transcript": transcript_text, "table": table_text,
            "figure": figure_text}[kind](name)


def masks_of(kind, name):
    if kind == "transcript" and name in recipes.TRANSCRIPTS:
        return recipes.TRANSCRIPTS[name].masks
    return []


def uses_bench(kind, name):
    figure = recipes.FIGURES.get(name) if kind == "figure" else None
    return kind == "table" or bool(figure and (figure.bench or figure.linux))


# ---- the Markdown files ----

def block_span(text, mark):
    """(start, end) of the block's body after @mark: the lines inside
    its fences, or the lines of its Markdown table."""
    start = mark.end()
    if text.startswith("```", start):
        body = text.index("\n", start) + 1
        close = re.compile(r"^```[ \t]*$", re.M).search(text, body)
        if not close:
            raise DocError(f"{mark.group(2)}: its fenced block is not closed")
        return body, close.start()
    table = re.compile(r"(?:^\|.*\n)+", re.M).match(text, start)
    if not table:
        raise DocError(f"{mark.group(2)}: no fenced block or table after "
                       f"its marker")
    return start, table.end()


def fenced_spans(text):
    """(start, end) of every fenced block's body: markers shown in a
    code example there are not markers."""
    spans, fence = [], re.compile(r"^```.*\n", re.M)
    opening = fence.search(text)
    while opening:
        closing = fence.search(text, opening.end()) or \
            re.compile(r"^```", re.M).search(text, opening.end())
        if not closing:
            break
        spans.append((opening.end(), closing.start()))
        opening = fence.search(text, closing.end())
    return spans


def items_in(text):
    """[(kind, name, start, end)] of every generated item in @text."""
    fenced = fenced_spans(text)

    def in_code(pos):
        return any(start <= pos < end for start, end in fenced)

    items = []
    for mark in BLOCK_MARK.finditer(text):
        if in_code(mark.start()):
            continue
        start, end = block_span(text, mark)
        items.append((mark.group(1), mark.group(2), start, end))
    for mark in FIGURE_MARK.finditer(text):
        if in_code(mark.start()):
            continue
        start, end = mark.start(2), mark.end(2)
        # A figure in a code span: the backticks stay, the value changes.
        if end - start > 1 and text[start] == text[end - 1] == "`":
            start, end = start + 1, end - 1
        items.append(("figure", mark.group(1), start, end))
    return sorted(items, key=lambda item: item[2])


def body_of(kind, text):
    """A generated text as it sits in a doc: blocks end with a newline."""
    return text if kind == "figure" else text + "\n"


def committed_text(kind, body):
    """An item's text as generate() makes it, from its span in a doc."""
    return body if kind == "figure" else body.removesuffix("\n")


def doc_items():
    """{(kind, name): [(path, committed text)]} for every doc."""
    found = {}
    for path in DOCS:
        text = path.read_text()
        for kind, name, start, end in items_in(text):
            found.setdefault((kind, name), []).append(
                (path, committed_text(kind, text[start:end])))
    return found


def rewrite(path, fresh):
    """Put the fresh text of the items in @fresh into @path, where it
    differs after the masks (so that only real changes show in a diff);
    the other items stay as they are. True if the file changed."""
    text = path.read_text()
    out, pos = [], 0
    for kind, name, start, end in items_in(text):
        new = fresh.get((kind, name))
        committed = committed_text(kind, text[start:end])
        if new is not None and difference(kind, name, committed, new):
            out += [text[pos:start], body_of(kind, new)]
            pos = end
    new = "".join(out) + text[pos:]
    if new != text:
        path.write_text(new)
    return new != text


def difference(kind, name, committed, fresh):
    """A readable diff of committed against fresh after the masks, or ""."""
    masks = masks_of(kind, name)
    old, new = masked(committed, masks), masked(fresh, masks)
    if old == new:
        return ""
    return "\n".join(difflib.unified_diff(
        old.split("\n"), new.split("\n"), "committed", "fresh run",
        lineterm=""))


def check_item(kind, name):
    """The problems of one item, as text for a test failure ("": none)."""
    fresh = generate(kind, name)
    problems = []
    for path, committed in doc_items()[(kind, name)]:
        diff = difference(kind, name, committed, fresh)
        if diff:
            problems.append(
                f"{path.relative_to(TOP)}: {kind} {name} no longer matches "
                f"the kernel (after masking what varies between runs); run "
                f"make docs\n{diff}")
    return "\n".join(problems)


# ---- the command ----

def boots_for(items):
    """The boots that the transcripts and figures among @items cut from."""
    boots = set()
    for kind, name in items:
        if kind == "transcript" and name in recipes.TRANSCRIPTS:
            boots.add(recipes.TRANSCRIPTS[name].boot)
        elif kind == "figure" and name in recipes.FIGURES and \
                recipes.FIGURES[name].transcript:
            boots.add(recipes.TRANSCRIPTS[
                recipes.FIGURES[name].transcript].boot)
    return sorted(boots)


def run_boots(names):
    """Every boot of @names, in parallel (each one is a QEMU or Bochs)."""
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count()) as pool:
        for name, _ in zip(names, pool.map(boot_output, names)):
            print(f"mkdocs: booted {name}")


def take_bench_results(out_dir):
    shutil.copyfile(Path(out_dir) / "results.csv", BENCH_CSV)
    shutil.copyfile(Path(out_dir) / "highmem-vs-lowmem.png", BENCH_PLOT)
    shutil.copyfile(Path(out_dir) / "cpu-scaling.png", SCALING_PLOT)
    print(f"mkdocs: {BENCH_CSV.relative_to(TOP)}, "
          f"{BENCH_PLOT.relative_to(TOP)} and "
          f"{SCALING_PLOT.relative_to(TOP)} from {out_dir}")
    measured = Path(out_dir) / "linux/results.csv"
    if measured.exists():
        take_linux_results(Path(out_dir) / "results.csv", measured,
                           Path(out_dir))


def take_linux_results(this_csv, measured, out_dir):
    """make bench-linux's measurements beside this kernel's @this_csv:
    combined (again: a make bench after make bench-linux shows in the
    side by side too) into @out_dir/compare.csv, plotted there, and
    taken into docs/."""
    rows = bench_linux.combine(this_csv, measured)
    bench_linux.write_csv(out_dir / "compare.csv", rows)
    bench_linux.write_plot_data(bench_linux.Results(rows), out_dir)
    bench_linux.plot(out_dir, out_dir)
    shutil.copyfile(out_dir / "compare.csv", BENCH_LINUX_CSV)
    for name in bench_linux.PLOTS:
        shutil.copyfile(out_dir / f"linux-{name}.png",
                        TOP / f"docs/linux-{name}.png")
    print(f"mkdocs: {BENCH_LINUX_CSV.relative_to(TOP)} and "
          f"docs/linux-*.png from {measured} and {this_csv}")


def take_linux_only(out_dir):
    """--bench-linux: Linux's side from @out_dir, this kernel's as
    committed, so that the side by side agrees with the other tables."""
    measured = Path(out_dir) / "linux/results.csv"
    with tempfile.TemporaryDirectory() as tmp:
        take_linux_results(BENCH_CSV, measured, Path(tmp))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with fresh runs, change nothing")
    parser.add_argument("--bench", metavar="DIR",
                        help="take make bench's results from DIR")
    parser.add_argument("--bench-linux", metavar="DIR",
                        help="take make bench-linux's results from DIR")
    args = parser.parse_args()
    items = doc_items()
    if args.bench or args.bench_linux:
        try:
            if args.bench:
                take_bench_results(args.bench)
            else:
                take_linux_only(args.bench_linux)
        except (OSError, ValueError, KeyError) as e:
            sys.exit(f"mkdocs: cannot take the results: {e}")
        items = {key: v for key, v in items.items() if uses_bench(*key)}
    else:
        clear_cache()  # fresh runs, not those of an earlier make docs
    try:
        run_boots(boots_for(items))
        fresh = {key: generate(*key) for key in items}
    except DocError as e:
        sys.exit(f"mkdocs: {e}")
    if args.check:
        problems = [p for p in (check_item(*key) for key in items) if p]
        print("\n\n".join(problems) or "mkdocs: the docs match the kernel")
        sys.exit(1 if problems else 0)
    changed = [path for path in DOCS if rewrite(path, fresh)]
    for path in changed:
        print(f"mkdocs: rewrote {path.relative_to(TOP)}")
    if not changed:
        print("mkdocs: the docs were up to date")


if __name__ == "__main__":
    main()
