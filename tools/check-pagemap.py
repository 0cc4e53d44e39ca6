#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""check-pagemap.py LOG: the last `pagemap raw` of a boot log agrees with
the buddyinfo, zoneinfo and meminfo printed after it by a quiet shell.

Per zone, from the map alone:
  - the runs cover the zone, each free run is whole blocks of its order;
  - its free blocks per order are the buddy lists' counts (the "buddy"
    line, read just after the walk), and buddyinfo's;
  - free pages = zoneinfo's "pages free", per-CPU pages = the sum of
    zoneinfo's per-CPU "count"s, deferred = nr_deferred, and the pages in
    allocator states (free, deferred, per-CPU, allocated) = "managed";
over all zones, against meminfo (kB = 4 x pages):
  - MemTotal = managed, MemFree = free + deferred + per-CPU, HighFree,
    Deferred, Cached = page cache, Slab = slab, KernelStack = kernel
    stacks, PageTables = page tables, AnonPages = user anonymous pages
    (exact while no process shares pages copy-on-write).

HighMem must agree exactly. In lowmem the shell's own buffers come and
go between the commands (a few pages), as tools/check-free-views.sh
allows: 16 pages of difference pass there. Prints what it compared;
exits 1 on a mismatch, 2 if the log lacks something.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pagemap_raw import MAX_ORDER, parse  # noqa: E402

SLACK = 16


def after_raw(text):
    """buddyinfo, zoneinfo and meminfo from the text after the last raw map."""
    buddy, zinfo, mem, zone = {}, {}, {}, None
    section = None
    for line in text.splitlines():
        if line.startswith("kernel> "):
            section = line[8:].strip()
            continue
        m = re.match(r"^Node 0, zone\s+(\S+)\s*(.*)$", line)
        if m and section == "buddyinfo":
            buddy[m.group(1)] = [int(x) for x in m.group(2).split()]
            continue
        if m and section == "zoneinfo":
            zone = m.group(1)
            zinfo[zone] = {"pcp": 0}
            continue
        if section == "zoneinfo" and zone:
            for key, pat in (("free", r"^  pages free\s+(\d+)"),
                             ("managed", r"^\s+managed\s+(\d+)"),
                             ("deferred", r"^\s+nr_deferred\s+(\d+)")):
                mm = re.match(pat, line)
                if mm:
                    zinfo[zone][key] = int(mm.group(1))
            mm = re.match(r"^\s+count:\s+(\d+)", line)
            if mm:
                zinfo[zone]["pcp"] += int(mm.group(1))
        if section == "meminfo":
            mm = re.match(r"^(\w+):\s+(\d+) kB$", line)
            if mm:
                mem[mm.group(1)] = int(mm.group(2)) // 4
    return buddy, zinfo, mem


def main():
    if len(sys.argv) != 2:
        print("usage: check-pagemap.py LOG", file=sys.stderr)
        return 2
    text = open(sys.argv[1], errors="replace").read().replace("\r", "")
    snaps = parse(text)
    if not snaps:
        print("check-pagemap: no complete `pagemap raw` in the log")
        return 2
    snap = snaps[-1]
    last = text.rfind("pagemap raw 1 ")
    buddy, zinfo, mem = after_raw(text[last:])
    bad = []

    def expect(what, got, want, slack=0):
        ok = want is not None and abs(got - want) <= slack
        print(f"check-pagemap: {what}: map {got}, counted {want}"
              f"{'' if ok else '  <-- MISMATCH'}")
        if not ok:
            bad.append(what)

    allocator = ["free", "deferred", "pcp", "slab", "pagetable", "anon",
                 "pagecache", "kstack", "vmalloc", "kernel_other"]
    total = {s: 0 for s in snap.zones[0].pages} if snap.zones else {}
    for z in snap.zones:
        slack = 0 if z.name == "HighMem" else SLACK
        covered = sum(nr for _, nr, _, _ in z.runs)
        expect(f"{z.name} frames covered", covered, z.end - z.start)
        for pfn, nr, state, order in z.runs:
            if state == "free" and (nr % (1 << order) or pfn % (1 << order)):
                expect(f"{z.name} free run at pfn {pfn:#x} is whole "
                       f"order-{order} blocks", 0, 1)
        expect(f"{z.name} free blocks = the buddy lists after the walk",
               sum(abs(a - b) << o for o, (a, b) in
                   enumerate(zip(z.free_blocks, z.buddy or [0] * MAX_ORDER))),
               0, slack)
        if z.name in buddy:
            expect(f"{z.name} free pages = buddyinfo's blocks",
                   sum(n << o for o, n in enumerate(z.free_blocks)),
                   sum(n << o for o, n in enumerate(buddy[z.name])), slack)
        zi = zinfo.get(z.name, {})
        expect(f"{z.name} free = zoneinfo pages free", z.pages["free"],
               zi.get("free"), slack)
        expect(f"{z.name} pcp = zoneinfo per-CPU counts", z.pages["pcp"],
               zi.get("pcp"), slack)
        expect(f"{z.name} deferred = zoneinfo nr_deferred",
               z.pages["deferred"], zi.get("deferred"))
        expect(f"{z.name} allocator's pages = zoneinfo managed",
               sum(z.pages[s] for s in allocator), zi.get("managed"))
        for s in total:
            total[s] += z.pages[s]
    high = [z for z in snap.zones if z.name == "HighMem"]
    expect("MemTotal", sum(total[s] for s in allocator), mem.get("MemTotal"))
    expect("MemFree", total["free"] + total["deferred"] + total["pcp"],
           mem.get("MemFree"), SLACK)
    if high:
        h = high[0].pages
        expect("HighFree", h["free"] + h["deferred"] + h["pcp"],
               mem.get("HighFree"))
    expect("Deferred", total["deferred"], mem.get("Deferred"))
    expect("Cached", total["pagecache"], mem.get("Cached"))
    expect("Slab", total["slab"], mem.get("Slab"), SLACK)
    expect("KernelStack", total["kstack"], mem.get("KernelStack"), SLACK)
    expect("PageTables", total["pagetable"], mem.get("PageTables"))
    expect("AnonPages", total["anon"], mem.get("AnonPages"))
    if bad:
        print(f"check-pagemap: {len(bad)} mismatches")
        return 1
    print("check-pagemap: the map agrees with buddyinfo, zoneinfo and meminfo")
    return 0


if __name__ == "__main__":
    sys.exit(main())
