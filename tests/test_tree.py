# SPDX-License-Identifier: MIT
"""Checks of the source tree itself: what no boot would notice."""
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
