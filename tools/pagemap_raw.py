# SPDX-License-Identifier: MIT
"""The parser of the kernel's `pagemap raw` output (mm/pagemap_show.c).

Shared by tools/memview.py (pictures) and tools/check-pagemap.py (the
cross-check against buddyinfo, zoneinfo and meminfo). A block looks like

    pagemap raw 1 max_pfn 0x1c0000 max_low_pfn 0x38000 pfn_4g 0x100000
    zone DMA 0x0 0x1000
    run reserved 1
    run free/3 8            (free blocks of order 3: 8 frames, one block)
    ...
    buddy DMA 3 2 3 4 3 2 1 0 1 1 2
    pcp DMA 0
    freepages DMA 3043
    deferred DMA 0
    managed DMA 3043
    pkmap SLOT COUNT 0xPFN  (slots with a mapping)
    kmapdepth CPU N
    kmap CPU IDX 0xPFN
    end
"""

import re

STATES = ["hole", "reserved", "kernel", "mem_map", "free", "deferred", "pcp",
          "slab", "pagetable", "anon", "pagecache", "kstack", "vmalloc",
          "kernel_other"]
MAX_ORDER = 11


class Zone:
    def __init__(self, name, start, end):
        self.name, self.start, self.end = name, start, end
        self.runs = []          # (pfn, nr, state, order)
        self.pages = {s: 0 for s in STATES}
        self.free_blocks = [0] * MAX_ORDER
        self.buddy = None       # the allocator's nr_free per order
        self.pcp = self.freepages = self.deferred = self.managed = None


class Snapshot:
    def __init__(self, header):
        self.max_pfn = header.get("max_pfn", 0)
        self.max_low_pfn = header.get("max_low_pfn", 0)
        self.pfn_4g = header.get("pfn_4g", 1 << 20)
        self.zones = []
        self.pkmap = []         # (slot, count, pfn)
        self.kmap = {}          # cpu -> [(idx, pfn)]
        self.complete = False


def _num(s):
    return int(s, 0)


def parse(text):
    """Every complete `pagemap raw` block of @text, in order."""
    snaps, snap, zone, pfn = [], None, None, 0
    for line in text.replace("\r", "").splitlines():
        words = line.split()
        if not words:
            continue
        if line.startswith("pagemap raw "):
            kv = dict(zip(words[3::2], words[4::2]))
            snap = Snapshot({k: _num(v) for k, v in kv.items()})
            zone = None
            continue
        if snap is None:
            continue
        kind = words[0]
        try:
            if kind == "zone":
                zone = Zone(words[1], _num(words[2]), _num(words[3]))
                snap.zones.append(zone)
                pfn = zone.start
            elif kind == "run" and zone is not None:
                state, nr = words[1], int(words[2])
                order = 0
                if state.startswith("free/"):
                    state, order = "free", int(state[5:])
                    zone.free_blocks[order] += nr >> order
                if state not in STATES:
                    raise ValueError(state)
                zone.runs.append((pfn, nr, state, order))
                zone.pages[state] += nr
                pfn += nr
            elif kind == "buddy":
                zone.buddy = [int(w) for w in words[2:]]
            elif kind in ("pcp", "freepages", "deferred", "managed"):
                setattr(zone, kind, int(words[2]))
            elif kind == "pkmap":
                snap.pkmap.append((int(words[1]), int(words[2]),
                                   _num(words[3])))
            elif kind == "kmapdepth":
                snap.kmap.setdefault(int(words[1]), [])
            elif kind == "kmap":
                snap.kmap.setdefault(int(words[1]), []).append(
                    (int(words[2]), _num(words[3])))
            elif kind == "end":
                snap.complete = True
                snaps.append(snap)
                snap = None
            else:
                # Anything else ends the block (a prompt, other output).
                if re.match(r"^kernel> ", line):
                    snap = None
        except (IndexError, ValueError):
            snap = None
    return snaps
