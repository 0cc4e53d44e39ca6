# SPDX-License-Identifier: MIT
"""Checks of the source tree itself: what no boot would notice."""
import os
import re
import subprocess
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[1]


def crash_kinds():
    """The kinds the shell's `crash` knows, from tests/kernel/crash.c's table."""
    source = (TOP / "tests/kernel/crash.c").read_text()
    table = source[source.index("crash_kinds[] = {"):]
    table = table[:table.index("};")]
    return re.findall(r'\{ "([a-z0-9-]+)",', table)


def test_every_crash_kind_has_a_boot_case():
    import sys
    sys.path.insert(0, str(TOP / "tests" / "boot"))
    from cases import CASES

    names = {case.name for case in CASES}
    kinds = crash_kinds()
    assert len(kinds) > 20
    missing = [k for k in kinds if f"crash-{k}" not in names]
    assert not missing, f"crash kinds without a boot case: {missing}"


def shell_scripts():
    return sorted(p for p in TOP.glob("**/*.sh")
                  if "build" not in p.relative_to(TOP).parts)


@pytest.mark.parametrize("script", shell_scripts(),
                         ids=lambda p: str(p.relative_to(TOP)))
def test_shellcheck_clean(script):
    proc = subprocess.run(["shellcheck", "-x", script], capture_output=True,
                          text=True, cwd=TOP)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_make_passes_the_command_line_verbatim(tmp_path):
    """make CMDLINE='memmap=16M$0x4000000' reaches GRUB as written (make
    would expand $0), and a second make with the same line has nothing
    to do."""
    line = "memmap=16M$0x4000000 mem=1G poweroff"
    build = tmp_path / "build"
    target = build / "grub.cfg"
    make = ["make", "-s", f"BUILD={build}", f"CMDLINE={line}", str(target)]
    subprocess.run(make, check=True, cwd=TOP)
    assert r"kernel.elf memmap=16M\$0x4000000 mem=1G poweroff" in \
        target.read_text()
    assert subprocess.run(make[:1] + ["-q"] + make[2:], cwd=TOP).returncode == 0
    changed = make[:3] + ["CMDLINE=poweroff", str(target)]
    assert subprocess.run(changed[:1] + ["-q"] + changed[2:],
                          cwd=TOP).returncode == 1


def copy_tree(dest):
    """The working tree's tracked files, copied to @dest (no build/)."""
    files = subprocess.run(["git", "ls-files", "-z"], capture_output=True,
                           cwd=TOP, check=True).stdout.split(b"\0")
    for name in filter(None, files):
        src = TOP / name.decode()
        if src.is_file():
            target = dest / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(src.read_bytes())
            target.chmod(src.stat().st_mode)


@pytest.mark.slow
def test_builds_are_reproducible_and_stay_up_to_date(tmp_path):
    """The same sources build the same ELF and ISO bytes, in two places at
    two times; and after a build, make has nothing left to do."""
    outputs = []
    for where in ("one", "two/deeper"):
        tree = tmp_path / where
        copy_tree(tree)
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        env.pop("BUILD", None)
        subprocess.run(["make", "-s", "-j2", "all"], cwd=tree, env=env,
                       check=True, capture_output=True)
        assert subprocess.run(["make", "-q", "all"], cwd=tree,
                              env=env).returncode == 0, \
            f"make -q all after a build in {tree}: not up to date"
        outputs.append([(tree / "build" / f).read_bytes()
                        for f in ("kernel.elf", "kernel.iso")])
    assert outputs[0][0] == outputs[1][0], "kernel.elf differs between builds"
    assert outputs[0][1] == outputs[1][1], "kernel.iso differs between builds"


# Which rooms may include which (docs/architecture.md draws it).
ROOM_RULES = [
    # (what, which files, must not include, why)
    ("kernel/lib/", lambda f: f.startswith("kernel/lib/"),
     lambda inc: not inc.startswith(("kernel/lib/", "<asm/barrier.h>",
                                     "<std")),
     "the library stands alone (and the compiler's freestanding headers)"),
    ("asm/ headers", lambda f: f.startswith("kernel/arch/x86/asm/"),
     lambda inc: not inc.startswith(("kernel/lib/", "<asm/",
                                     "kernel/config.h")),
     "arch headers see only the library, the config and each other"),
    ("the core", lambda f: not f.startswith(("tests/", "tools/")),
     lambda inc: inc.startswith("tests/"),
     "the kernel builds without its tests (make KTEST=0)"),
    ("everything but the shell and main.c",
     lambda f: not f.startswith(("kernel/shell/", "tests/", "tools/"))
     and f != "kernel/main.c",
     lambda inc: inc.startswith("kernel/shell/"),
     "subsystems do not know the shell; its commands are in kernel/shell/"),
    ("mm/ and highmem/", lambda f: f.startswith(("mm/", "highmem/")),
     lambda inc: inc.startswith(("kernel/drivers/", "kernel/multiboot2.h")),
     "memory management knows no devices and no boot protocol"),
    ("drivers", lambda f: f.startswith("kernel/drivers/"),
     lambda inc: inc.startswith(("mm/internal.h", "highmem/pkmap.h")),
     "drivers use mm's and highmem's interfaces only"),
]


def includes(path):
    for m in re.finditer(r'^#\s*include\s+([<"])([^">]+)[">]',
                         (TOP / path).read_text(), re.M):
        yield m.group(2) if m.group(1) == '"' else f"<{m.group(2)}>"


@pytest.mark.parametrize("rule", ROOM_RULES, ids=[r[0] for r in ROOM_RULES])
def test_include_rules(rule):
    what, applies, forbidden, why = rule
    files = subprocess.run(["git", "ls-files", "*.c", "*.h"],
                           capture_output=True, text=True, cwd=TOP,
                           check=True).stdout.split()
    bad = [f"{f} includes {inc}" for f in files if applies(f)
           for inc in includes(f) if forbidden(inc)]
    assert not bad, f"{what}: {why}:\n  " + "\n  ".join(bad)


def test_every_public_function_has_kernel_doc():
    """A /** block naming the function, with a Context: line, above every
    public function of kernel/, mm/ and highmem/ (tools/check-kerneldoc.py)."""
    proc = subprocess.run(["/usr/bin/python3", "tools/check-kerneldoc.py"],
                          capture_output=True, text=True, cwd=TOP)
    assert proc.returncode == 0, proc.stdout + proc.stderr
