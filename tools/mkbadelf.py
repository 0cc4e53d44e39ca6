#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""mkbadelf.py GOOD.ELF OUTDIR: broken copies of a good static i386
program, one defect each, for usertests' exec_bad_elfs: the kernel must
refuse every one with ENOEXEC, EINVAL or ENOMEM, and stay up. Plus
OUTDIR/notelf, a text file. The same input gives the same bytes."""
import struct
import sys
from pathlib import Path

EHDR = struct.Struct("<16sHHIIIIIHHHHHH")  # Elf32_Ehdr, 52 bytes
PHDR = struct.Struct("<IIIIIIII")  # Elf32_Phdr, 32 bytes
PT_LOAD, PT_INTERP = 1, 3
PF_R, PF_W = 4, 2
ELFCLASS64 = 2
EM_M32 = 1  # AT&T WE 32100: no binfmt_misc emulator claims it
PAGE = 0x1000


class Elf:
    """The header and program headers of @data, to change and write back."""

    def __init__(self, data):
        self.data = bytearray(data)
        self.ehdr = list(EHDR.unpack_from(data, 0))
        if self.ehdr[0][:5] != b"\x7fELF\x01" or self.ehdr[2] != 3:
            sys.exit("mkbadelf: not an i386 ELF32 file")
        phoff, phentsize, phnum = self.ehdr[5], self.ehdr[9], self.ehdr[10]
        self.phdrs = [list(PHDR.unpack_from(data, phoff + i * phentsize))
                      for i in range(phnum)]

    def loads(self):
        return [p for p in self.phdrs if p[0] == PT_LOAD]

    def spare(self):
        """A program header the loader can do without (PT_GNU_STACK,
        PT_GNU_RELRO...), the last one, to turn into something else."""
        spare = [p for p in self.phdrs if p[0] not in (PT_LOAD, PT_INTERP)]
        if not spare:
            sys.exit("mkbadelf: no spare program header to reuse")
        return spare[-1]

    def bytes(self):
        out = bytearray(self.data)
        EHDR.pack_into(out, 0, *self.ehdr)
        for i, p in enumerate(self.phdrs):
            PHDR.pack_into(out, self.ehdr[5] + i * self.ehdr[9], *p)
        return bytes(out)


def truncated_header(good):
    return good[:30]  # the ELF header is 52 bytes


def wrong_class(good):
    elf = Elf(good)
    ident = bytearray(elf.ehdr[0])
    ident[4] = ELFCLASS64
    elf.ehdr[0] = bytes(ident)
    return elf.bytes()


def wrong_machine(good):
    elf = Elf(good)
    elf.ehdr[2] = EM_M32
    return elf.bytes()


def zero_phdrs(good):
    elf = Elf(good)
    elf.ehdr[10] = 0
    elf.phdrs = []
    return elf.bytes()


def interp(good):
    """A dynamically linked program: it names an interpreter (which does
    not exist) in a PT_INTERP header; this kernel runs static ones only."""
    elf = Elf(good)
    path = b"/lib/ld-none.so.1\0"
    elf.data += path
    elf.spare()[:] = [PT_INTERP, len(good), 0, 0, len(path), len(path),
                      PF_R, 1]
    return elf.bytes()


def filesz_over_memsz(good):
    elf = Elf(good)
    load = max(elf.loads(), key=lambda p: p[4])
    load[5] = load[4] - 16  # memsz 16 bytes less than filesz
    return elf.bytes()


def kernel_segment(good):
    """A PT_LOAD at 0xC0000000, the kernel's half of the address space."""
    elf = Elf(good)
    elf.spare()[:] = [PT_LOAD, 0, 0xC0000000, 0xC0000000, PAGE, PAGE,
                      PF_R, PAGE]
    return elf.bytes()


def wraps_around(good):
    """A PT_LOAD whose end, 0xFFFFF000 + 0x2000, wraps past 4 GiB."""
    elf = Elf(good)
    elf.spare()[:] = [PT_LOAD, 0, 0xFFFFF000, 0xFFFFF000, 0, 2 * PAGE,
                      PF_R | PF_W, PAGE]
    return elf.bytes()


def past_eof(good):
    """The last PT_LOAD says its file bytes go 64 KiB past the file's end."""
    elf = Elf(good)
    load = elf.loads()[-1]
    load[4] = len(good) - load[1] + 0x10000
    load[5] = max(load[5], load[4])
    return elf.bytes()


def overlap(good):
    """The second PT_LOAD moved down into the first one's pages (the
    order by address stays right, the offset stays page-congruent)."""
    elf = Elf(good)
    first, second = elf.loads()[1], elf.loads()[2]
    second[2] = second[3] = first[2] + PAGE + (second[1] % PAGE)
    if first[2] + first[5] <= second[2]:
        sys.exit("mkbadelf: the first segment is too small to overlap")
    return elf.bytes()


NOT_ELF = b"This is not a program: execve() must refuse it with ENOEXEC.\n"

CASES = {
    "truncated-header": truncated_header,
    "wrong-class": wrong_class,
    "wrong-machine": wrong_machine,
    "zero-phdrs": zero_phdrs,
    "interp": interp,
    "filesz-over-memsz": filesz_over_memsz,
    "kernel-segment": kernel_segment,
    "wraps-around": wraps_around,
    "past-eof": past_eof,
    "overlap": overlap,
}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: mkbadelf.py GOOD.ELF OUTDIR")
    good = Path(sys.argv[1]).read_bytes()
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for name, make in CASES.items():
        (out / name).write_bytes(make(good))
        (out / name).chmod(0o755)
    (out / "notelf").write_bytes(NOT_ELF)
    (out / "notelf").chmod(0o755)


if __name__ == "__main__":
    main()
