# GDB commands of the boot test gdb-helpers (tests/boot/cases.sh): the
# helpers of tools/gdb/hmkernel.py before the kernel is ready, with a
# kmap_atomic slot held, and at the moment the shell is about to print
# the same things itself. "@@ NAME" lines mark each part's output for
# tools/check-gdb-helpers.sh, which compares it with the kernel's.

# In a sourced file the first error would end the file: a command that
# must fail runs through expect-error, which prints its message instead.
python
class ExpectError(gdb.Command):
    """expect-error COMMAND: run COMMAND, which must fail; print why."""

    def __init__(self):
        super().__init__("expect-error", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        try:
            gdb.execute(arg, to_string=True)
        except gdb.error as err:
            print(f"expected error: {err}")
        else:
            print(f"UNEXPECTED SUCCESS: {arg}")


ExpectError()
end

# QEMU is halted at reset: paging is off.
echo @@ reset\n
expect-error pfn_to_page 0x100000
expect-error kmapinfo

# Paging is on, mem_init has not run.
break start_kernel
continue
echo @@ start_kernel\n
expect-error buddyinfo
expect-error zoneinfo
expect-error kmapinfo
expect-error pfn_to_page 0
expect-error page_to_pfn 0xc0000000
delete

# mm_core_init is about to retire memblock: mem_map exists, the free
# lists are filled, but the helpers wait for the end of it.
break memblock_retire
continue
echo @@ memblock_retire\n
expect-error buddyinfo
delete

# kmap.debug sends every page through kmap_slot_slowpath: stop at the
# first call, let it map its slot, and look at the slot.
break kmap_slot_slowpath
continue
echo @@ atomic-page\n
page_to_pfn page
echo @@ finish\n
finish
echo @@ kmapinfo-atomic\n
kmapinfo
# Before the shell: the struct pages of most of HighMem wait for the
# deferred init, and pfn_to_page says so rather than decode them.
echo @@ deferred\n
expect-error pfn_to_page 0x100000
delete

# The shell is about to run its buddyinfo (then zoneinfo, pkmapinfo,
# pageinfo 0x100000, typed on the console; its meminit wait has seen
# the deferred init finished): nothing changes in between, so the
# kernel must print what GDB reads now.
break buddyinfo_show
continue
echo @@ buddyinfo\n
buddyinfo
echo @@ zoneinfo\n
zoneinfo
echo @@ kmapinfo\n
kmapinfo
# pfn 0x100000 (4 GiB) lies above the PCI hole: mem_map[0x100000] is
# some other page's descriptor, pfn_to_page must find slot 192.
echo @@ pfn_to_page\n
pfn_to_page 0x100000
echo @@ roundtrip\n
page_to_pfn $pfn_to_page(0x100000)
print/x $page_to_pfn($pfn_to_page(0x100000))
print/x mem_map
echo @@ errors\n
expect-error pfn_to_page 0xc0000
expect-error pfn_to_page 0x1000000
expect-error pfn_to_page no_such_symbol
expect-error pfn_to_page
expect-error page_to_pfn 0xc0000000
expect-error page_to_pfn (char *)$pfn_to_page(0x100000) + 4
expect-error print $pfn_to_page(0xc0000)
expect-error print $page_to_pfn(1, 2)
expect-error pfn_to_page -1
echo @@ end\n
delete
continue
