#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""check-memview-screen.py PPM LOG: a screendump of the live memview
picture (kernel/drivers/memview.c) shows what `pagemap raw` says, at the zone
boundaries and the 4 GiB line.

From LOG: the geometry and colours memview printed when it started, and
the first `pagemap raw` after them (printed right after the screendump
on a quiet machine). For each boundary (the start of Normal and of
HighMem, and 4 GiB when there is RAM above it) it checks:
  - the line: the left edge of the boundary's cell has the line colour;
  - the cells on both sides, where the map says every frame of the cell
    is in one state: the cell's centre has that state's colour (a free
    cell: the colour of the order that holds most of its pages).
Exits 1 on a wrong pixel, 2 if something is missing (fewer than 4 cells
could be checked, no geometry, no map).
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pagemap_raw import MAX_ORDER, parse  # noqa: E402


def rgb(hexcode):
    return tuple(int(hexcode[i:i + 2], 16) for i in (0, 2, 4))


def close(a, b):
    # The DAC keeps 6 bits per primary: QEMU shows v & ~3 (scaled back).
    return all(abs(x - y) <= 4 for x, y in zip(a, b))


def main():
    if len(sys.argv) != 3:
        print("usage: check-memview-screen.py PPM LOG", file=sys.stderr)
        return 2
    try:
        from PIL import Image
    except ImportError:
        print("check-memview-screen: needs python3-pil (make deps)")
        return 2
    text = open(sys.argv[2], errors="replace").read().replace("\r", "")
    geo = re.search(r"memview: (\d+)x(\d+), map at 0,0: (\d+) cells of (\d+) "
                    r"pixels a row, one cell = 2\^(\d+) frames", text)
    cols = re.search(r"^memview: colours (.*)$", text, re.M)
    if not geo or not cols:
        print("check-memview-screen: memview's geometry or colours are not "
              "in the log")
        return 2
    columns, cell, shift = (int(geo.group(i)) for i in (3, 4, 5))
    colour = {k: rgb(v) for k, v in
              (w.split("=") for w in cols.group(1).split())}
    snaps = parse(text[geo.start():])
    if not snaps:
        print("check-memview-screen: no `pagemap raw` after memview started")
        return 2
    snap = snaps[0]
    image = Image.open(sys.argv[1]).convert("RGB")

    # The frames of each state in each cell, from the map's runs.
    cells = {}
    for z in snap.zones:
        for pfn, nr, state, order in z.runs:
            end = pfn + nr
            while pfn < end:
                c = pfn >> shift
                k = min(end, (c + 1) << shift) - pfn
                key = state if state != "free" else f"free/{order}"
                cells.setdefault(c, {}).setdefault(key, 0)
                cells[c][key] += k
                pfn += k

    def origin(c):
        return (c % columns) * cell, (c // columns) * cell

    bad, checked = [], 0

    def check(what, xy, want):
        nonlocal checked
        got = image.getpixel(xy)
        checked += 1
        ok = close(got, want)
        print(f"check-memview-screen: {what} at {xy}: {got}, expected {want}"
              f"{'' if ok else '  <-- WRONG'}")
        if not ok:
            bad.append(what)

    def check_cell(c, what):
        states = cells.get(c, {})
        if len(states) != 1 and not all(s.startswith("free/") for s in states):
            print(f"check-memview-screen: {what}: cell {c} is mixed, not checked")
            return
        if all(s.startswith("free/") for s in states):
            best = max(range(MAX_ORDER), key=lambda o: states.get(f"free/{o}", 0))
            key = f"free/{best}"
        else:
            key = next(iter(states))
        x, y = origin(c)
        check(f"{what} ({key})", (x + cell // 2, y + cell // 2), colour[key])

    lines = [(z.name, z.start, "zone_line") for z in snap.zones if z.start]
    if snap.max_pfn > snap.pfn_4g:
        lines.append(("4 GiB", snap.pfn_4g, "4g_line"))
    for name, pfn, line in lines:
        c = pfn >> shift
        x, y = origin(c)
        check(f"the {name} line", (x, y + cell // 2), colour[line])
        check_cell(c, f"first cell of {name}")
        check_cell(c - 1, f"last cell before {name}")
    if bad:
        print(f"check-memview-screen: {len(bad)} wrong pixels")
        return 1
    if checked < 4:
        print(f"check-memview-screen: only {checked} pixels could be checked")
        return 2
    print(f"check-memview-screen: {checked} pixels as the map says")
    return 0


if __name__ == "__main__":
    sys.exit(main())
