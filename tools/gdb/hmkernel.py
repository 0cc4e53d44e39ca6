# SPDX-License-Identifier: MIT
"""GDB helpers for hmkernel's memory manager (docs/debugging.md).

tools/gdbinit sources this file. Commands:

    pfn_to_page PFN     the struct page of a page frame, decoded
    page_to_pfn ADDR    the page frame of a struct page address
    zoneinfo            the zones, as the shell's zoneinfo (/proc/zoneinfo)
    buddyinfo           free blocks per order, as /proc/buddyinfo
    kmapinfo            the pkmap pool and the kmap_atomic slots per CPU

and the convenience functions $pfn_to_page(PFN) and $page_to_pfn(PAGE).
PFN and ADDR are GDB expressions: 0x100000, max_low_pfn - 1, page, $1.

Struct layouts, array sizes and enums (enum pageflags, enum
fixed_addresses, ...) come from the kernel's debug information. The
#define constants come from BUILD/gdb/constants.py, which the build
generates from tools/gdb/constants.c beside the kernel.elf GDB has
loaded. The one thing mirrored by hand is the kmap_atomic slot
numbering (kmap_slot() in highmem/kmap_atomic.c).

Every command first checks that the kernel has come far enough (paging
on, mem_map set up, the pkmap pool set up) and says so if not, rather
than print what an unset structure happens to hold.
"""

import os

import gdb

# CR0.PG: an architectural bit, not one of the kernel's constants.
CR0_PG = 1 << 31

BREAK_LATER = "break later, e.g. at kmem_cache_init (called by mem_init)"


class KernelError(Exception):
    """A kernel state or an argument the helpers cannot use; one line."""


# ---- Reading the kernel -------------------------------------------------


def value(expr):
    """The value of a kernel symbol or expression, read when used."""
    try:
        return gdb.parse_and_eval(expr)
    except gdb.error as err:
        hint = " (is hmkernel's kernel.elf loaded?)" \
            if "No symbol" in str(err) else ""
        raise KernelError(f"{expr}: {err}{hint}")


def array_len(array):
    """The number of elements of a C array value, from its type."""
    low, high = array.type.range()
    return high - low + 1


def enum_values(type_name):
    """{enumerator: value} of an enum in the kernel's debug information."""
    try:
        enum = gdb.lookup_type(type_name)
    except gdb.error as err:
        raise KernelError(f"{type_name}: {err}")
    return {field.name: field.enumval for field in enum.fields()}


class Constants:
    """The kernel's #define constants, as attributes (PAGE_SHIFT, ...).

    Read from BUILD/gdb/constants.py next to the loaded kernel.elf, so
    that `make DEBUG=1 gdb` gets build/debug's. The file holds only
    "NAME = NUMBER" lines: it is parsed, not executed.
    """

    _cache = {}

    def __init__(self, path, values):
        self.path = path
        self.__dict__.update(values)

    def __getattr__(self, name):
        # Only for names the file lacks: a constant the script needs but
        # tools/gdb/constants.c does not export.
        raise KernelError(f"{name} is not in {self.path}: export it in "
                          "tools/gdb/constants.c")

    @classmethod
    def load(cls):
        elf = gdb.current_progspace().filename
        if not elf:
            raise KernelError("no kernel loaded (file build/kernel.elf)")
        path = os.path.join(os.path.dirname(elf), "gdb", "constants.py")
        try:
            key = (path, os.path.getmtime(path))
        except OSError:
            raise KernelError(f"{path} is missing: run make, which "
                              "builds it with the kernel")
        if key not in cls._cache:
            cls._cache[key] = cls(path, cls._parse(path))
        return cls._cache[key]

    @staticmethod
    def _parse(path):
        values = {}
        with open(path, encoding="ascii") as lines:
            for line in lines:
                name, sep, number = line.partition("=")
                if sep and not line.startswith("#"):
                    values[name.strip()] = int(number)
        return values


def require_live_kernel():
    """A running kernel whose virtual addresses can be read."""
    if gdb.selected_inferior().pid == 0:
        raise KernelError("not connected to the kernel (run make qemu-gdb, "
                          "then make gdb; or target remote localhost:1234)")
    try:
        cr0 = int(gdb.selected_frame().read_register("cr0"))
    except (ValueError, gdb.error):
        return  # a stub without CR0: the memory reads will tell
    if not cr0 & CR0_PG:
        raise KernelError("paging is off (the CPU is still in the firmware, "
                          "the boot loader or the kernel's entry code): no "
                          "kernel address can be read yet; break at "
                          "start_kernel or later")


def require_mem_map():
    """mem_map and the free lists are complete (mm_core_init is done)."""
    require_live_kernel()
    if int(value("mem_map")) == 0:
        raise KernelError("mem_map is not set up yet (sparse_init, called "
                          f"by mem_init, has not run): {BREAK_LATER}")
    # memblock retires once every struct page is written and the free
    # lists are filled (mm_core_init in mm/zone_init.c); the watermarks
    # and per-CPU list sizes are set right after.
    if not bool(value("memblock.retired")):
        raise KernelError("mem_map is being set up (mm_core_init is "
                          "running): descriptors, free lists and "
                          f"watermarks may be half done; {BREAK_LATER}")


def parse_number(arg, usage):
    """The value of a GDB expression given as a command argument."""
    if not arg.strip():
        raise KernelError(f"usage: {usage}")
    try:
        return int(gdb.parse_and_eval(arg))
    except gdb.error as err:
        raise KernelError(f"{arg.strip()}: {err}")


# ---- mem_map: sections and descriptors ----------------------------------


class MemMap:
    """mem_map with its section tables (mm/page.h, mm/sparse.c).

    Flat (mem_map_flat): mem_map[pfn] is pfn's descriptor, holes
    included. Sparse: above lowmem, mem_map holds descriptors only for
    the sections that contain RAM, in section order; section_to_slot[]
    and slot_to_section[] translate between a section and its slot in
    mem_map. Lowmem's slots are its sections in both layouts, so
    mem_map[pfn] is right for every lowmem pfn. Either way
    section_to_slot[] says which sections hold RAM.
    """

    def __init__(self):
        require_mem_map()
        self.c = Constants.load()
        self.base = value("mem_map")
        self.section_to_slot = value("section_to_slot")
        self.slot_to_section = value("slot_to_section")
        self.nr_sections = array_len(self.section_to_slot)
        self.nr_slots = int(value("mem_map_sections"))
        self.flat = bool(int(value("mem_map_flat")))
        self.page_size = self.base.type.target().sizeof
        self.pages_per_section = 1 << self.c.PFN_SECTION_SHIFT

    def phys(self, pfn):
        return pfn << self.c.PAGE_SHIFT

    def section_of(self, pfn):
        """The section of @pfn and its slot in mem_map; errors if none."""
        section = pfn >> self.c.PFN_SECTION_SHIFT
        if pfn < 0:
            raise KernelError(f"pfn {pfn} is negative")
        if section >= self.nr_sections:
            last = (self.nr_sections << self.c.PFN_SECTION_SHIFT) - 1
            raise KernelError(f"pfn {pfn:#x} is beyond the "
                              f"{self.c.MAX_PHYSMEM_BITS}-bit physical "
                              f"address space (the last pfn is {last:#x})")
        slot = int(self.section_to_slot[section])
        if slot == self.c.SECTION_NOT_PRESENT:
            start = self.phys(section << self.c.PFN_SECTION_SHIFT)
            end = self.phys((section + 1) << self.c.PFN_SECTION_SHIFT) - 1
            raise KernelError(f"pfn {pfn:#x} (phys {self.phys(pfn):#x}) "
                              f"has no struct page: section {section:#x} "
                              f"[{start:#x}-{end:#x}] holds no RAM")
        return section, section if self.flat else slot

    def check_initialised(self, pfn):
        """Errors if @pfn's struct page waits for deferred struct page
        init (mm/deferred_init.c): it holds whatever the memory held."""
        section, _ = self.section_of(pfn)
        ready = enum_values("enum deferred_section_state")["SECTION_READY"]
        if int(value("deferred_section_state")[section]) != ready:
            raise KernelError(f"pfn {pfn:#x} (phys {self.phys(pfn):#x}): "
                              "its struct page is not initialised yet: "
                              f"section {section:#x} of HighMem waits for "
                              "the deferred struct page init (the shell's "
                              "meminit tells how far it is)")

    def pfn_to_page(self, pfn):
        """The struct page * of @pfn, as pfn_to_page() computes it."""
        _, slot = self.section_of(pfn)
        offset = pfn & (self.pages_per_section - 1)
        return self.base + ((slot << self.c.PFN_SECTION_SHIFT) + offset)

    def page_to_pfn(self, addr):
        """(pfn, slot, section) of the struct page at @addr."""
        start = int(self.base)
        end = start + self.nr_slots * self.pages_per_section * self.page_size
        if not start <= addr < end:
            raise KernelError(f"{addr:#x} is not in mem_map [{start:#x}-"
                              f"{end - 1:#x}], {self.nr_slots} sections of "
                              "struct page")
        index, rest = divmod(addr - start, self.page_size)
        if rest:
            raise KernelError(f"{addr:#x} is {rest} bytes into the struct "
                              f"page at {addr - rest:#x}, not its start")
        slot = index >> self.c.PFN_SECTION_SHIFT
        if self.flat:
            section = slot
            if int(self.section_to_slot[section]) == self.c.SECTION_NOT_PRESENT:
                raise KernelError(f"{addr:#x} is the struct page of pfn "
                                  f"{index:#x}, in section {section:#x}, "
                                  "which holds no RAM (a hole of the flat "
                                  "mem_map: never initialised)")
            return index, slot, section
        section = int(self.slot_to_section[slot])
        if section == self.c.SECTION_NOT_PRESENT:
            raise KernelError(f"{addr:#x} is in slot {slot} of mem_map, "
                              "which a lowmem hole leaves unused (never "
                              "initialised)")
        pfn = ((section << self.c.PFN_SECTION_SHIFT) |
               (index & (self.pages_per_section - 1)))
        return pfn, slot, section


def zone_name(number):
    """The name the kernel gave zone @number, or why there is none."""
    zones = value("zones")
    if not 0 <= number < array_len(zones):
        return f"(bad zone number {number})"
    return zones[number]["name"].string()


def page_flag_names(flags):
    """The PG_* bits set in @flags, named from enum pageflags."""
    names = [name for name, bit in enum_values("enum pageflags").items()
             if name.startswith("PG_") and flags & (1 << bit)]
    return " ".join(names) if names else "no PG_ flags"


def describe_page(mm, page):
    """Two lines: the flags decoded, then the rest of the descriptor."""
    c = mm.c
    flags = int(page["flags"])
    zone = flags >> c.PAGE_ZONE_SHIFT
    order = (flags & c.PAGE_ORDER_MASK) >> c.PAGE_ORDER_SHIFT
    lru = page["lru"]
    print(f"zone {zone_name(zone)}, flags {flags:#010x} "
          f"({page_flag_names(flags)}), order {order}, "
          f"refcount {int(page['_refcount']['counter'])}")
    print(f"lru: next {int(lru['next']):#x}, prev {int(lru['prev']):#x}")


# ---- zones --------------------------------------------------------------


def watermark_names():
    """["min", "low", "high"], in enum zone_watermarks order."""
    marks = enum_values("enum zone_watermarks")
    return [name[len("WMARK_"):].lower()
            for name, _ in sorted(marks.items(), key=lambda kv: kv[1])
            if name.startswith("WMARK_")]


def nr_cpus():
    """NR_CPUS: every possible CPU has a per-CPU area."""
    return array_len(value("__per_cpu_offset"))


def per_cpu(name, cpu):
    """CPU @cpu's copy of the per-CPU variable @name: the template's
    address plus that CPU's offset (kernel/arch/x86/asm/percpu.h)."""
    var = value(f"per_cpu__{name}")
    offset = int(value("__per_cpu_offset")[cpu])
    addr = (int(var.address) + offset) & 0xFFFFFFFF
    return gdb.Value(addr).cast(var.type.pointer()).dereference()


def zone_pcp(z, cpu):
    """@cpu's per-CPU page list for zone @z."""
    return per_cpu("pagesets", cpu)["pcp"][z]


def online_cpus():
    """The CPUs in cpu_online_mask, as the shell's for_each_online_cpu."""
    mask = int(value("cpu_online_mask"))
    return [cpu for cpu in range(nr_cpus()) if mask & (1 << cpu)]


def print_pagesets(z):
    """The per-CPU lists of zone @z, one per online CPU."""
    print("  pagesets")
    for cpu in online_cpus():
        pcp = zone_pcp(z, cpu)
        print(f"    cpu: {cpu}")
        print(f"              count: {int(pcp['count'])}")
        print(f"              high:  {int(pcp['high'])}")
        print(f"              batch: {int(pcp['batch'])}")


def print_zone(z, zone):
    """One zone in the format of the shell's zoneinfo
    (zoneinfo_show in mm/show_mem.c): each CPU's counts added up, as
    zone_stats_sum() does."""
    pcps = [zone_pcp(z, cpu) for cpu in range(nr_cpus())]

    def stat(name):
        return sum(int(per_cpu("pagesets", cpu)["stats"][z][name])
                   for cpu in range(nr_cpus()))

    print(f"Node 0, zone {zone['name'].string():>8}")
    print(f"  pages free     {int(zone['free_pages'])}")
    for i, name in enumerate(watermark_names()):
        print(f"        {name:<8} {int(zone['watermark'][i])}")
    for name in ("spanned", "present", "managed"):
        print(f"        {name:<8} {int(zone[name + '_pages'])}")
    reserve = zone["lowmem_reserve"]
    print("        protection: (" +
          ", ".join(str(int(reserve[i])) for i in range(array_len(reserve)))
          + ")")
    allocs = stat("alloc") + sum(int(pcp["allocs"]) for pcp in pcps)
    print(f"      nr_alloc     {allocs}")
    print(f"      nr_fallback  {stat('alloc_fallback')}")
    print(f"      nr_alloc_fail {stat('alloc_fail')}")
    file_pages = int(zone["vm_stat"][int(value("NR_FILE_PAGES"))]["counter"])
    print(f"      nr_file_pages {max(0, file_pages)}")
    print(f"      nr_deferred  {int(zone['deferred_pages'])}")
    print_pagesets(z)
    print(f"      refills: {stat('pcp_refill')} drains: {stat('pcp_drain')}")
    print(f"  start_pfn:           {int(zone['zone_start_pfn'])}")


def print_buddy_line(zone):
    """Free blocks per order; a note if they disagree with free_pages."""
    area = zone["free_area"]
    counts = [int(area[o]["nr_free"]) for o in range(array_len(area))]
    print(f"Node 0, zone {zone['name'].string():>8} " +
          "".join(f"{n:6d} " for n in counts))
    in_lists = sum(n << order for order, n in enumerate(counts))
    if in_lists != int(zone["free_pages"]):
        # Normal only while the zone lock is held in the middle of an
        # update; otherwise the free lists are damaged.
        print(f"  note: the free lists hold {in_lists} pages, "
              f"free_pages says {int(zone['free_pages'])}")


# ---- kmap: the pkmap pool and the kmap_atomic slots ---------------------


def pte_pfn(c, pte):
    return (pte & c.PTE_PFN_MASK) >> c.PAGE_SHIFT


def read_array(pointer, length):
    """@length elements at @pointer, fetched from the target at once."""
    array = pointer.cast(pointer.type.target().array(length - 1).pointer())
    array = array.dereference()
    array.fetch_lazy()
    return [int(array[i]) for i in range(length)]


def print_pkmap(c):
    """The pool as the shell's pkmapinfo prints it, plus any oddity."""
    table = value("pkmap_page_table")
    if int(table) == 0:
        raise KernelError("the pkmap pool is not set up yet (kmap_init, "
                          f"called by mem_init, has not run): {BREAK_LATER}")
    count_array = value("pkmap_count")
    slots = array_len(count_array)
    count_array.fetch_lazy()
    counts = [int(count_array[i]) for i in range(slots)]
    ptes = read_array(table, slots)
    used = sum(1 for n in counts if n > 1)
    stale = counts.count(1)
    stats = value("pkmap_stats")
    # Hits of the inline path are counted per CPU (pkmap_total_hits).
    hits = int(stats['hits']) + sum(int(per_cpu("pkmap_hits", cpu))
                                    for cpu in range(nr_cpus()))
    print(f"pkmap: {slots} slots at {c.PKMAP_BASE:#010x}: {used} in use, "
          f"{stale} unused but not flushed, {slots - used - stale} free")
    print(f"next slot after {int(value('last_pkmap_nr'))}; maps "
          f"{int(stats['maps'])}, hits {hits}, flushes "
          f"{int(stats['flushes'])}, waits {int(stats['waits'])}")
    for i, (count, pte) in enumerate(zip(counts, ptes)):
        addr = c.PKMAP_BASE + (i << c.PAGE_SHIFT)
        if count:
            print(f"  slot {i:3d}  {addr:#010x}  count {count}  "
                  f"pfn {pte_pfn(c, pte):#x}")
        # A count and a PTE that disagree: the pool is damaged.
        if bool(count) != bool(pte & c._PAGE_PRESENT):
            print(f"  warning: slot {i} has count {count} but its PTE is "
                  f"{pte:#018x}")


def kmap_slot(c, cpu, idx, debug):
    """The fixmap slot of @cpu's kmap_atomic entry @idx.

    Mirrors kmap_slot() in highmem/kmap_atomic.c: KM_MAX_IDX slots per
    CPU; with kmap.debug every slot has an unmapped guard page before it.
    """
    slot = cpu * c.KM_MAX_IDX + idx
    return slot * c.KM_SLOT_STRIDE + 1 if debug else slot


def read_fixmap_ptes(c, kmap_pte, cpus, debug):
    """{fixmap slot: PTE} for every kmap_atomic slot, in one read.

    Slot n's PTE is n entries below kmap_pte (the fixmap grows down).
    """
    top = kmap_slot(c, cpus - 1, c.KM_MAX_IDX - 1, debug)
    ptes = read_array(kmap_pte - top, top + 1)
    return {slot: ptes[top - slot] for slot in range(top + 1)}


def cpu_kmap_atomic_lines(c, cpu, depth, ptes, debug):
    """The slots @cpu holds, and any slot mapped though not held."""
    fix_kmap_begin = enum_values("enum fixed_addresses")["FIX_KMAP_BEGIN"]
    lines = []
    if not 0 <= depth <= c.KM_MAX_IDX:
        lines.append(f"    warning: kmap_atomic_idx is {depth}, outside "
                     f"0..{c.KM_MAX_IDX}")
    for idx in range(c.KM_MAX_IDX):
        slot = kmap_slot(c, cpu, idx, debug)
        pte = ptes[slot]
        vaddr = c.FIXADDR_TOP - ((fix_kmap_begin + slot) << c.PAGE_SHIFT)
        mapped = pte & c._PAGE_PRESENT
        if idx < depth:
            lines.append(f"    slot {idx} at {vaddr:#010x} maps pfn "
                         f"{pte_pfn(c, pte):#x} (PTE {pte:#018x})"
                         f"{'' if mapped else ' NOT PRESENT'}")
        elif mapped:
            lines.append(f"    warning: slot {idx} at {vaddr:#010x} is not "
                         f"held but still maps pfn {pte_pfn(c, pte):#x}")
    return lines


def number_ranges(numbers):
    """"0-3,5" for [0, 1, 2, 3, 5]: eight idle CPUs fit on one line."""
    ranges = []
    for n in numbers:
        if ranges and ranges[-1][1] == n - 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    return ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in ranges)


def print_kmap_atomic(c):
    """Each CPU's kmap_atomic slots in use, from the fixmap PTEs."""
    kmap_pte = value("kmap_pte")
    if int(kmap_pte) == 0:
        raise KernelError("the kmap_atomic slots are not set up yet "
                          f"(kmap_init has not run): {BREAK_LATER}")
    cpus = nr_cpus()
    debug = bool(value("kmap_debug"))
    ptes = read_fixmap_ptes(c, kmap_pte, cpus, debug)
    print(f"kmap_atomic: {c.KM_MAX_IDX} slots per CPU"
          f"{', guard pages between them (kmap.debug)' if debug else ''}")
    idle = []
    for cpu in range(cpus):
        # kmap_top: the last slot taken (bit 0: kmap.debug); the depth is
        # how far below slot 0's page + 1 it lies (kmap_atomic_depth).
        page = 1 << c.PAGE_SHIFT
        top = int(per_cpu("kmap_top", cpu)) & ~(page - 1)
        depth = (int(per_cpu("kmap_cpu_vaddr", cpu)) + page -
                 top) >> c.PAGE_SHIFT
        lines = cpu_kmap_atomic_lines(c, cpu, depth, ptes, debug)
        if not lines:
            idle.append(cpu)
            continue
        print(f"  CPU {cpu}: {depth} slot{'' if depth == 1 else 's'} in use")
        for line in lines:
            print(line)
    if idle:
        print(f"  CPU {number_ranges(idle)}: none in use")


# ---- Commands -----------------------------------------------------------


# GDB shows a command's docstring as its help text exactly as written,
# hence the unindented lines in the docstrings of the commands below.


class HelperCommand(gdb.Command):
    """Base of the commands: errors become one line, not a traceback."""

    def __init__(self, name):
        super().__init__(name, gdb.COMMAND_USER)
        self.name = name

    def invoke(self, arg, from_tty):
        try:
            self.run(arg)
        except (KernelError, gdb.error) as err:
            raise gdb.GdbError(f"{self.name}: {err}")

    def run(self, arg):
        raise NotImplementedError


class PfnToPage(HelperCommand):
    """Print the struct page of page frame PFN, decoded.
Usage: pfn_to_page PFN

Prints its address (mem_map is sparse: the section's slot decides it),
the zone, order and PG_* flags from page->flags, and the refcount.
PFN is any expression: pfn_to_page 0x100000, pfn_to_page max_low_pfn - 1.
A pfn whose struct page waits for deferred init gets that answer
instead: its descriptor holds nothing yet."""

    def __init__(self):
        super().__init__("pfn_to_page")

    def run(self, arg):
        pfn = parse_number(arg, "pfn_to_page PFN")
        mm = MemMap()
        page = mm.pfn_to_page(pfn)
        section, slot = mm.section_of(pfn)
        mm.check_initialised(pfn)
        print(f"pfn {pfn:#x} phys {mm.phys(pfn):#x} struct page at "
              f"{int(page):#x} (mem_map slot {slot}, section {section:#x})")
        describe_page(mm, page.dereference())


class PageToPfn(HelperCommand):
    """Print the page frame that the struct page at ADDR describes.
Usage: page_to_pfn ADDR

ADDR is any expression: a struct page * variable, $1, 0xf6604000."""

    def __init__(self):
        super().__init__("page_to_pfn")

    def run(self, arg):
        addr = parse_number(arg, "page_to_pfn ADDR")
        mm = MemMap()
        pfn, slot, section = mm.page_to_pfn(addr)
        print(f"struct page at {addr:#x}: pfn {pfn:#x} phys "
              f"{mm.phys(pfn):#x} (mem_map slot {slot}, section "
              f"{section:#x})")


class ZoneInfo(HelperCommand):
    """Print every zone, in the format of the kernel's zoneinfo.
Usage: zoneinfo

Free pages (in the buddy lists), watermarks min/low/high, spanned,
present and managed pages, lowmem_reserve (protection), the per-CPU
lists and the first pfn: what /proc/zoneinfo shows on Linux."""

    def __init__(self):
        super().__init__("zoneinfo")

    def run(self, arg):
        require_mem_map()
        zones = value("zones")
        for z in range(array_len(zones)):
            print_zone(z, zones[z])


class BuddyInfo(HelperCommand):
    """Print the free blocks of each order in each zone, as /proc/buddyinfo.
Usage: buddyinfo

Read from zones[z].free_area[order].nr_free; zones without RAM are left
out, as the kernel's buddyinfo does."""

    def __init__(self):
        super().__init__("buddyinfo")

    def run(self, arg):
        require_mem_map()
        zones = value("zones")
        for z in range(array_len(zones)):
            if int(zones[z]["present_pages"]):
                print_buddy_line(zones[z])


class KmapInfo(HelperCommand):
    """Print the persistent kmap pool and the kmap_atomic slots in use.
Usage: kmapinfo

The pool as the shell's pkmapinfo shows it (pkmap_count[] of each slot
with the pfn in its PTE), then for each CPU the kmap_atomic slots it
holds (its kmap_atomic_idx) with the pfns in their fixmap PTEs."""

    def __init__(self):
        super().__init__("kmapinfo")

    def run(self, arg):
        require_live_kernel()
        c = Constants.load()
        print_pkmap(c)
        print_kmap_atomic(c)


class HelperFunction(gdb.Function):
    """Base of the functions, which take one argument each: errors
    become one line, not a traceback."""

    def __init__(self, name):
        super().__init__(name)
        self.name = name

    def invoke(self, *args):
        try:
            if len(args) != 1:
                raise KernelError(f"takes one argument, not {len(args)}")
            return self.run(args[0])
        except (KernelError, gdb.error) as err:
            raise gdb.GdbError(f"${self.name}: {err}")

    def run(self, arg):
        raise NotImplementedError


class PfnToPageFunction(HelperFunction):
    """$pfn_to_page(PFN): the struct page * of page frame PFN.

    Only the address: whether the descriptor has been written yet
    (deferred init) is pfn_to_page's to say."""

    def __init__(self):
        super().__init__("pfn_to_page")

    def run(self, pfn):
        return MemMap().pfn_to_page(int(pfn))


class PageToPfnFunction(HelperFunction):
    """$page_to_pfn(PAGE): the page frame of a struct page * (an integer)."""

    def __init__(self):
        super().__init__("page_to_pfn")

    def run(self, page):
        pfn, _, _ = MemMap().page_to_pfn(int(page))
        return pfn


PfnToPage()
PageToPfn()
ZoneInfo()
BuddyInfo()
KmapInfo()
PfnToPageFunction()
PageToPfnFunction()
