#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""check-kerneldoc.py [--list] [FILE...]: every public function has its
kernel-doc.

A public function is one a header in kernel/, mm/ or highmem/ declares
(a prototype) or defines (a static inline), but for the inline helpers
whose names start with "__": those are internal to the header. Each must have a /** block
right above it, naming the function and saying its Context: (may it
sleep, is it safe in an interrupt, which lock it needs). Prints each
one that lacks it, as FILE:LINE: NAME: what is missing, and exits 1 if
any does. --list prints every public function found.
"""
import re
import subprocess
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
ROOMS = ("kernel/", "mm/", "highmem/")

# A declaration or inline definition at the start of a line: return
# type, name, opening parenthesis. Macros (#define) are not functions.
FUNCTION = re.compile(
    r"^(?:static\s+(?:inline|__always_inline)\s+)?"
    r"(?:(?:const|unsigned|signed|struct|enum|union|__noreturn|extern)\s+)*"
    r"[A-Za-z_][A-Za-z_0-9]*(?:\s*\*+\s*|\s+)\**\s*"
    r"([A-Za-z_][A-Za-z_0-9]*)\s*\(", re.M)
KEYWORDS = {"if", "while", "for", "switch", "return", "sizeof", "typedef"}


def headers(args):
    if args:
        return [Path(a) for a in args]
    out = subprocess.run(["git", "ls-files", "*.h"], capture_output=True,
                         text=True, cwd=TOP, check=True).stdout.split()
    return [TOP / f for f in out if f.startswith(ROOMS)]


def in_macro_or_comment(text, pos):
    """Is @pos inside a /* comment */ or a #define's continuation?"""
    start = text.rfind("/*", 0, pos)
    if start != -1 and text.find("*/", start, pos) == -1:
        return True
    line_start = text.rfind("\n", 0, pos) + 1
    prev = text.rfind("\n", 0, max(line_start - 1, 0))
    return text[prev + 1:line_start].rstrip().endswith("\\")


def doc_block_before(text, pos):
    """The /** ... */ block ending right before @pos (blank lines aside)."""
    head = text[:pos].rstrip()
    if not head.endswith("*/"):
        return None
    start = head.rfind("/*")
    block = head[start:]
    return block if block.startswith("/**") else None


def public_functions(path):
    text = path.read_text()
    for m in FUNCTION.finditer(text):
        name = m.group(1)
        if name in KEYWORDS or in_macro_or_comment(text, m.start()):
            continue
        # A typedef'd function pointer or a variable is not a function.
        if "(*" in text[m.start():m.end() + 2]:
            continue
        if name.startswith("__") and text[m.start():].startswith("static"):
            continue
        yield name, text.count("\n", 0, m.start()) + 1, \
            doc_block_before(text, m.start())


def problem(name, block):
    if block is None:
        return "no /** kernel-doc block above it"
    if not re.search(rf"\b{re.escape(name)}\b", block.split("\n")[0] +
                     block.split("\n")[1] if "\n" in block else block):
        return "the kernel-doc block does not name it on its first line"
    if "Context:" not in block:
        return "the kernel-doc block has no Context: line"
    return None


def main():
    args = sys.argv[1:]
    listing = "--list" in args
    args = [a for a in args if a != "--list"]
    bad = total = 0
    for path in headers(args):
        for name, line, block in public_functions(path):
            total += 1
            rel = path.relative_to(TOP) if path.is_absolute() else path
            why = problem(name, block)
            if listing:
                print(f"{rel}:{line}: {name}" + (f": {why}" if why else ""))
            elif why:
                print(f"{rel}:{line}: {name}: {why}")
                bad += 1
    print(f"check-kerneldoc: {total} public functions, {bad} without "
          f"kernel-doc and a Context: line")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
