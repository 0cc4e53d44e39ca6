# SPDX-License-Identifier: MIT
"""The serial shell driven as a user drives it, reading its answers.

Each test boots a kernel, types commands and checks what they print,
then that the kernel still works and powers off with success. An
inspection command must never bring the kernel down; the shell frees,
fills and maps only what it allocated.
"""
import re

import pytest

from harness import Session

STRESS_OK = "stress: PASS: no damage, nothing lost"


def alloc(k, what, order=0):
    out = k.command(f"alloc {what} {order}")
    m = re.search(r"^pfn (0x[0-9a-f]+) phys", out, re.M)
    assert m, f"alloc {what} {order}: {out}"
    return int(m.group(1), 16)


def test_shell_frees_and_fills_only_its_own_pages():
    with Session("6G", name="shell-own-pages") as k:
        head = alloc(k, "highmem", 2)
        tail = head + 3
        # A tail page: fill and kmap work, free names the block's head.
        assert "filled" in k.command(f"fill {tail:#x} 0x5a")
        out = k.command(f"free {tail:#x}")
        assert f"is page 3 of the order-2 block at pfn {head:#x}" in out
        assert "is not an allocated page" not in k.command(f"kmap {tail:#x}")
        # Still kmapped: free refuses.
        assert "kunmap first" in k.command(f"free {head:#x}")
        assert "unmapped" in k.command(f"kunmap {tail:#x}")
        assert "not kmapped by the shell" in k.command(f"kunmap {tail:#x}")
        # peek reads through a mapping; the default length stops at the end.
        out = k.command(f"peek {tail:#x} 4080")
        assert re.search(r"5a 5a 5a", out) and "offset and length" not in out
        assert len(re.findall(r"^[0-9a-f]+: ", out, re.M)) == 1
        # The wrong order is refused; the right free works once.
        assert "allocated with order 2" in k.command(f"free {head:#x} 1")
        assert "freed pfn" in k.command(f"free {head:#x} 2")
        out = k.command(f"free {head:#x}")
        assert "was not allocated by the shell (it is free)" in out
        # A freed page is not read.
        assert "is free (its contents mean nothing" in k.command(
            f"peek {head:#x} 0")
        assert STRESS_OK in k.command("stress 2000", timeout=120)
        assert k.power_off() == 0


def test_shell_never_sleeps_on_a_full_kmap_pool():
    """512 kmaps from the shell fill the pool: the next one is refused
    (never waited for), the stress run goes on with kmap_atomic, and the
    tests that need pool slots skip instead of hanging."""
    with Session("6G", name="shell-kmap-pool", timeout=240) as k:
        head = alloc(k, "highmem", 9)
        extra = alloc(k, "highmem", 0)
        for pfn in range(head, head + 512):
            k.send(f"kmap {pfn:#x}\n")
        k.expect(f"pfn {head + 511:#x} mapped at 0x", timeout=120)
        k.expect(re.escape(k.PROMPT))
        out = k.command(f"kmap {extra:#x}")
        assert re.search(r"the pool is full \(512 slots in use, 512 of them "
                         r"by the shell\)", out), out
        out = k.command("stress 2000", timeout=120)
        assert STRESS_OK in out and "found the pool full" in out, out
        out = k.command("ktest highmem", timeout=120)
        assert re.search(r"ok \d+ full_pool_makes_kmap_sleep # SKIP the "
                         r"pkmap pool is full", out), out
        assert "not ok" not in out, out
        for pfn in range(head, head + 512):
            k.send(f"kunmap {pfn:#x}\n")
        k.expect(f"pfn {head + 511:#x} unmapped", timeout=120)
        k.expect(re.escape(k.PROMPT))
        assert "freed" in k.command(f"free {head:#x}")
        assert "# ktest: 1 passed, 0 failed" in k.command(
            "ktest highmem.full_pool_makes_kmap_sleep")
        assert k.power_off() == 0


def test_ktests_repeat_from_the_shell():
    with Session("512M", name="shell-ktest-twice", timeout=240) as k:
        for _ in range(2):
            out = k.command("ktest sched.threads_and_irq_allocate_concurrently",
                            timeout=120)
            assert "# ktest: 1 passed, 0 failed" in out, out
        out = k.command("ktest all", timeout=200)
        assert re.search(r"# ktest: \d+ passed, 0 failed", out), out
        assert k.power_off() == 0


@pytest.mark.parametrize("mem", ["64M", "6G"])
def test_peek_refuses_what_it_cannot_read(mem):
    with Session(mem, name=f"shell-peek-{mem}") as k:
        # pfn 0xa0 is the VGA hole below 1 MiB: reserved but direct-mapped.
        assert "not read" not in k.command("peek 0xa0 0 16")
        # A free page is refused.
        pfn = alloc(k, "normal", 0)
        k.command(f"free {pfn:#x}")
        assert "is free" in k.command(f"peek {pfn:#x} 0")
        assert "not a pfn with a struct page" in k.command("peek 0xfffffff 0")
        assert "must stay within the page" in k.command("peek 0x100 4096")
        assert k.power_off() == 0
