#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""memview.py: pictures of physical memory from the kernel's `pagemap raw`.

    memview.py [--png OUT.png] [--svg OUT.svg] [--title TEXT] [--index N] LOG
        draws the last (or the Nth, from 0) `pagemap raw` block of LOG (a
        boot log or a file holding just the block): every page frame, or
        block of 2^k frames, coloured by what it is (free ones shaded by
        the order of their buddy block; a dark corner marks a block whose
        frames are not all in one state), the zone boundaries and the
        4 GiB line, a legend, the free pages by order of each zone as
        bars, and the 512 pkmap slots and each CPU's kmap_atomic/kmap_local
        slots with the pfns they map.
    memview.py --sheet OUT.png [--gif OUT.gif] [--columns N] IN.png...
        a contact sheet (and an animated GIF) of frames, for make memview.

PNG and GIF need python3-pil (make deps); SVG needs nothing.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pagemap_raw import MAX_ORDER, STATES, parse  # noqa: E402

COLOURS = {
    "hole": (48, 48, 48),
    "reserved": (128, 128, 128),
    "kernel": (200, 30, 30),
    "mem_map": (240, 140, 20),
    "deferred": (175, 200, 175),
    "pcp": (80, 220, 220),
    "slab": (245, 210, 30),
    "pagetable": (160, 50, 210),
    "anon": (30, 80, 230),
    "pagecache": (110, 170, 255),
    "kstack": (255, 110, 190),
    "vmalloc": (140, 95, 50),
    "kernel_other": (250, 160, 110),
}
LABELS = {
    "hole": "hole (no RAM)", "reserved": "reserved", "kernel": "kernel image",
    "mem_map": "mem_map", "free": "free (by buddy order)",
    "deferred": "free, struct page not yet written", "pcp": "per-CPU list",
    "slab": "slab", "pagetable": "page table", "anon": "user anonymous",
    "pagecache": "page cache", "kstack": "kernel stack",
    "vmalloc": "vmalloc", "kernel_other": "other kernel allocation",
}
ZONE_LINE = (230, 0, 0)
LINE_4G = (200, 0, 200)
BACKGROUND = (255, 255, 255)
INK = (0, 0, 0)

COLUMNS = 256         # cells per row of the map
CELL = 4              # pixels per cell
MAX_ROWS = 160
MARGIN = 70           # left margin: addresses and zone names
PANEL = 330           # the right-hand panel's width


def free_colour(order):
    """Light green for single pages, dark green for 4 MiB blocks."""
    f = order / (MAX_ORDER - 1)
    return (int(200 - 190 * f), int(245 - 120 * f), int(200 - 190 * f))


def cell_shift(max_pfn):
    shift = 0
    while (max_pfn >> shift) > COLUMNS * MAX_ROWS:
        shift += 1
    return shift


class Cells:
    """Per cell of 2^shift frames: the frames in each state, and free by order."""

    def __init__(self, snap):
        self.shift = cell_shift(max(snap.max_pfn, 1))
        self.n = (snap.max_pfn + (1 << self.shift) - 1) >> self.shift
        self.counts = [None] * self.n
        self.free = [None] * self.n
        for z in snap.zones:
            for pfn, nr, state, order in z.runs:
                self.add(pfn, nr, STATES.index(state), order)

    def add(self, pfn, nr, state, order):
        while nr:
            c = pfn >> self.shift
            if c >= self.n:
                return
            room = ((c + 1) << self.shift) - pfn
            k = min(room, nr)
            if self.counts[c] is None:
                self.counts[c] = [0] * len(STATES)
            self.counts[c][state] += k
            if STATES[state] == "free":
                if self.free[c] is None:
                    self.free[c] = [0] * MAX_ORDER
                self.free[c][order] += k
            pfn += k
            nr -= k

    def colour(self, c):
        """The cell's colour, and whether its frames are mixed."""
        counts = self.counts[c]
        if counts is None:
            return COLOURS["hole"], False
        best = max(range(len(STATES)), key=lambda s: counts[s])
        mixed = sum(1 for v in counts if v) > 1
        if STATES[best] == "free":
            free = self.free[c]
            return free_colour(max(range(MAX_ORDER), key=lambda o: free[o])), mixed
        return COLOURS[STATES[best]], mixed


class SvgCanvas:
    def __init__(self, w, h):
        self.w, self.h, self.items = w, h, []

    def rect(self, x, y, w, h, colour):
        self.items.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" '
                          f'fill="rgb{tuple(colour)}"/>')

    def text(self, x, y, s, colour=INK):
        s = s.replace("&", "&amp;").replace("<", "&lt;")
        self.items.append(f'<text x="{x}" y="{y + 9}" font-family="monospace" '
                          f'font-size="10" fill="rgb{tuple(colour)}">{s}</text>')

    def save(self, path):
        with open(path, "w") as f:
            f.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.w}" '
                    f'height="{self.h}">\n<rect width="100%" height="100%" '
                    f'fill="white"/>\n' + "\n".join(self.items) + "\n</svg>\n")


class PngCanvas:
    def __init__(self, w, h):
        from PIL import Image, ImageDraw, ImageFont
        self.image = Image.new("RGB", (w, h), BACKGROUND)
        self.draw = ImageDraw.Draw(self.image)
        self.font = ImageFont.load_default()

    def rect(self, x, y, w, h, colour):
        self.draw.rectangle([x, y, x + w - 1, y + h - 1], fill=tuple(colour))

    def text(self, x, y, s, colour=INK):
        self.draw.text((x, y), s, fill=tuple(colour), font=self.font)

    def save(self, path):
        self.image.save(path)


def mib(pfn):
    return (pfn << 12) >> 20


def draw_boundary(cv, cells, pfn, colour, label, labels):
    """A staircase line before the cell of @pfn, and a label in the margin
    (moved down past the labels already drawn, @labels: their y)."""
    c = pfn >> cells.shift
    row, col = divmod(c, COLUMNS)
    y = 20 + row * CELL
    x = MARGIN + col * CELL
    cv.rect(x, y, 2, CELL, colour)
    cv.rect(x, y - 1, MARGIN + COLUMNS * CELL - x, 2, colour)
    cv.rect(MARGIN, y + CELL - 1, x - MARGIN, 2, colour)
    ty = y - 4
    while any(abs(ty - other) < 10 for other in labels):
        ty += 10
    labels.append(ty)
    cv.text(2, ty, label, colour)


def render(snap, canvas_class, title):
    cells = Cells(snap)
    rows = (cells.n + COLUMNS - 1) // COLUMNS
    map_h = 20 + rows * CELL
    width = MARGIN + COLUMNS * CELL + 10 + PANEL
    height = max(map_h + 40, 20 + 16 * (len(STATES) + 3) +
                 len(snap.zones) * 13 * (MAX_ORDER + 2) + 260)
    cv = canvas_class(width, height)
    cv.text(4, 4, title or
            f"physical memory, {mib(snap.max_pfn)} MiB; one cell = "
            f"{4 << cells.shift} KiB (2^{cells.shift} frames)")
    for c in range(cells.n):
        row, col = divmod(c, COLUMNS)
        colour, mixed = cells.colour(c)
        x, y = MARGIN + col * CELL, 20 + row * CELL
        cv.rect(x, y, CELL, CELL, colour)
        if mixed:
            cv.rect(x, y, 2, 2, INK)
    labels = []
    for z in snap.zones:
        draw_boundary(cv, cells, z.start, ZONE_LINE, z.name, labels)
    if snap.max_pfn > snap.pfn_4g:
        draw_boundary(cv, cells, snap.pfn_4g, LINE_4G, "4 GiB", labels)
    for row in range(0, rows, 16):
        y = 20 + row * CELL
        if not any(abs(y - other) < 10 for other in labels):
            cv.text(2, y, f"{(row * COLUMNS << cells.shift) << 12:#x}")
    draw_panel(cv, snap, MARGIN + COLUMNS * CELL + 10)
    return cv


def draw_panel(cv, snap, x0):
    y = 20
    cv.text(x0, y, "legend (dark corner: mixed block)")
    y += 14
    for s in STATES:
        if s == "free":
            for o in range(MAX_ORDER):
                cv.rect(x0 + o * 10, y, 10, 10, free_colour(o))
        else:
            cv.rect(x0, y, 10, 10, COLOURS[s])
        cv.text(x0 + (114 if s == "free" else 14), y, LABELS[s])
        y += 14
    y += 8
    for z in snap.zones:
        pages = [n << o for o, n in enumerate(z.free_blocks)]
        most = max(pages + [1])
        cv.text(x0, y, f"{z.name}: free pages by order "
                f"(+{z.pages['pcp']} per-CPU, {z.pages['deferred']} deferred)")
        y += 13
        for o, p in enumerate(pages):
            cv.text(x0, y, f"{o:2}")
            cv.rect(x0 + 18, y + 2, max(1 if p else 0, 200 * p // most) or 1,
                    8, free_colour(o) if p else BACKGROUND)
            cv.text(x0 + 224, y, f"{p}")
            y += 12
        y += 6
    used = {slot: (count, pfn) for slot, count, pfn in snap.pkmap}
    cv.text(x0, y, f"pkmap: {sum(1 for c, _ in used.values() if c > 1)} of 512 "
            "slots in use")
    y += 13
    for slot in range(512):
        count = used.get(slot, (0, 0))[0]
        colour = (30, 80, 230) if count > 1 else (170, 170, 170) if count else (230, 230, 230)
        cv.rect(x0 + (slot % 64) * 5, y + (slot // 64) * 5, 4, 4, colour)
    y += 8 * 5 + 6
    for cpu in sorted(snap.kmap):
        slots = snap.kmap[cpu]
        cv.text(x0, y, f"CPU {cpu} kmap_atomic/local: {len(slots)} of 16")
        y += 12
        for idx in range(16):
            cv.rect(x0 + idx * 12, y, 10, 10,
                    (160, 50, 210) if idx < len(slots) else (230, 230, 230))
        y += 12
        if slots:
            cv.text(x0, y, " ".join(f"{pfn:#x}" for _, pfn in slots[:4]))
            y += 12


def contact_sheet(out, frames, gif, columns):
    from PIL import Image
    images = [Image.open(f).convert("RGB") for f in frames]
    if not images:
        raise SystemExit("memview: no frames")
    w = max(i.width for i in images)
    h = max(i.height for i in images)
    scale = 2 if w > 400 else 1
    tw, th = w // scale, h // scale
    rows = (len(images) + columns - 1) // columns
    sheet = Image.new("RGB", (columns * tw, rows * th), BACKGROUND)
    for n, im in enumerate(images):
        sheet.paste(im.resize((tw, th)), ((n % columns) * tw, (n // columns) * th))
    sheet.save(out)
    if gif:
        images[0].save(gif, save_all=True, append_images=images[1:],
                       duration=500, loop=0)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--png")
    ap.add_argument("--svg")
    ap.add_argument("--title")
    ap.add_argument("--index", type=int, default=-1)
    ap.add_argument("--sheet")
    ap.add_argument("--gif")
    ap.add_argument("--columns", type=int, default=3)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args(argv)
    if a.sheet:
        contact_sheet(a.sheet, a.inputs, a.gif, a.columns)
        return 0
    if len(a.inputs) != 1 or not (a.png or a.svg):
        ap.error("one LOG, and --png or --svg")
    snaps = parse(open(a.inputs[0], errors="replace").read())
    if not snaps:
        print(f"memview: no complete `pagemap raw` block in {a.inputs[0]}",
              file=sys.stderr)
        return 1
    snap = snaps[a.index]
    if a.svg:
        render(snap, SvgCanvas, a.title).save(a.svg)
    if a.png:
        render(snap, PngCanvas, a.title).save(a.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
