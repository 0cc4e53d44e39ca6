# SPDX-License-Identifier: MIT
"""The host side of the page map: tools/pagemap_raw.py's parser,
tools/memview.py's pictures (PNG and SVG) and tools/check-pagemap.py's
cross-check, on `pagemap raw` output cut from real boots at 32M and 6G
(tests/host/sample/pagemap-*.log, with the buddyinfo, zoneinfo and
meminfo printed after it)."""
import subprocess
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
SAMPLE = TOP / "tests/host/sample"
sys.path.insert(0, str(TOP / "tools"))

import memview  # noqa: E402
import pagemap_raw  # noqa: E402


def snapshot(size):
    snaps = pagemap_raw.parse((SAMPLE / f"pagemap-{size}.log").read_text())
    assert len(snaps) == 1
    return snaps[0]


def test_parse_covers_every_zone():
    snap = snapshot("6G")
    assert [z.name for z in snap.zones] == ["DMA", "Normal", "HighMem"]
    for z in snap.zones:
        assert sum(nr for _, nr, _, _ in z.runs) == z.end - z.start
        assert z.free_blocks == z.buddy
        assert z.pages["free"] == z.freepages
    high = snap.zones[2]
    assert high.start == snap.max_low_pfn and high.end == snap.max_pfn
    # The PCI hole below 4 GiB has no struct pages.
    assert high.pages["hole"] >= (1 << 18)


def test_parse_drops_a_cut_block():
    text = (SAMPLE / "pagemap-32M.log").read_text()
    assert pagemap_raw.parse(text[: text.index("\nend")]) == []


def pixel(png, x, y):
    from PIL import Image
    return Image.open(png).convert("RGB").getpixel((x, y))


def cell_xy(cells, pfn):
    row, col = divmod(pfn >> cells.shift, memview.COLUMNS)
    return (memview.MARGIN + col * memview.CELL + memview.CELL - 1,
            20 + row * memview.CELL + memview.CELL // 2)


def test_png_colours_at_the_zone_boundaries(tmp_path):
    pytest.importorskip("PIL")
    snap = snapshot("6G")
    out = tmp_path / "6G.png"
    assert memview.main(["--png", str(out), str(SAMPLE / "pagemap-6G.log")]) == 0
    cells = memview.Cells(snap)
    # Both sides of the Normal/HighMem boundary: the boot's reserved
    # pages (page tables, per-CPU areas) at the top of Normal, free 4 MiB
    # blocks at the bottom of HighMem; mem_map (28 MiB) under Normal's top.
    high = snap.zones[2]
    assert pixel(out, *cell_xy(cells, high.start + (1 << cells.shift))) == \
        memview.free_colour(10)
    assert pixel(out, *cell_xy(cells, high.start - (1 << cells.shift))) == \
        memview.COLOURS["reserved"]
    assert pixel(out, *cell_xy(cells, 0x36000 + (1 << cells.shift))) == \
        memview.COLOURS["mem_map"]
    # The line between the zones, at the left edge of HighMem's first cell.
    x, y = cell_xy(cells, high.start)
    assert pixel(out, x - memview.CELL + 1, y) == memview.ZONE_LINE
    # The hole just below 4 GiB, and the line drawn at 4 GiB.
    assert pixel(out, *cell_xy(cells, snap.pfn_4g - (1 << cells.shift))) == \
        memview.COLOURS["hole"]
    x, y = cell_xy(cells, snap.pfn_4g)
    assert pixel(out, x - memview.CELL + 1, y) == memview.LINE_4G


def test_svg_has_the_legend_and_boundaries(tmp_path):
    out = tmp_path / "32M.svg"
    assert memview.main(["--svg", str(out), str(SAMPLE / "pagemap-32M.log")]) == 0
    svg = out.read_text()
    assert svg.startswith("<svg ")
    for label in ("page cache", "kernel image", "mem_map", "DMA", "Normal",
                  "pkmap: 0 of 512 slots in use"):
        assert label in svg
    assert "4 GiB" not in svg  # 32 MiB has nothing there


def test_contact_sheet_and_gif(tmp_path):
    pytest.importorskip("PIL")
    frames = []
    for size in ("32M", "6G"):
        frames.append(str(tmp_path / f"{size}.png"))
        memview.main(["--png", frames[-1], str(SAMPLE / f"pagemap-{size}.log")])
    sheet, gif = tmp_path / "sheet.png", tmp_path / "anim.gif"
    assert memview.main(["--sheet", str(sheet), "--gif", str(gif),
                         "--columns", "2", *frames]) == 0
    assert sheet.stat().st_size > 0 and gif.read_bytes()[:3] == b"GIF"


@pytest.mark.parametrize("size", ["32M", "6G"])
def test_check_pagemap_agrees(size):
    proc = subprocess.run([TOP / "tools/check-pagemap.py",
                           SAMPLE / f"pagemap-{size}.log"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout
    assert "the map agrees with buddyinfo, zoneinfo and meminfo" in proc.stdout


def test_check_pagemap_finds_a_page_too_many(tmp_path):
    text = (SAMPLE / "pagemap-6G.log").read_text()
    # One HighMem per-CPU page more in zoneinfo than the map has.
    high = text.index("Node 0, zone  HighMem", text.index("kernel> zoneinfo"))
    at = text.index("count: ", high) + len("count: ")
    end = text.index("\n", at)
    bad = text[:at] + str(int(text[at:end]) + 1) + text[end:]
    log = tmp_path / "bad.log"
    log.write_text(bad)
    proc = subprocess.run([TOP / "tools/check-pagemap.py", log],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "HighMem pcp = zoneinfo per-CPU counts" in proc.stdout
