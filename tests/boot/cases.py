# SPDX-License-Identifier: MIT
"""The boot tests: each Case is one boot of the ISO and what must come of it.

    Case(NAME, MEM, EXPECT, CMDLINE, stdin=..., has=[...], lacks=[...])

EXPECT is "pass" (the kernel powers off with success) or "fail" (it
powers off with a failure status, e.g. after a panic). Options:
    stdin     typed on the serial console (printf escapes: \\n)
    has       regexes the output must match (re.M), lacks: must not
    checks    scripts run with the log file (after their options, if
              any: "SCRIPT --opt"); they must exit with 0
    cpu       QEMU -cpu (default max); machine: QEMU -machine (default pc)
    smp       CPUs (QEMU -smp, Bochs cpu count); 0: the runner's default
    runner    "qemu" (default), "bochs", "bochs-debug" (start at the
              debugger prompt; stdin then holds debugger commands), "gdb"
              (stdin holds GDB commands)
    timeout   seconds before the run is cut short (default 120)

tests/boot/test_boot.py runs them, in parallel; `make test
TEST_FILTER=crash` (pytest's -k) picks some.
"""

from harness import Case

KTEST_OK = r"ktest: [0-9]+ passed, 0 failed"
NO_WARN = r"warning:|error:"
STRESS_OK = r"stress: PASS: no damage, nothing lost"
INJECTED = (r"fault injection: [1-9][0-9]* page and [1-9][0-9]* slab "
            r"allocations failed on purpose")
ZONES = r"zoneinfo\nmeminfo\nbuddyinfo\npoweroff\n"
CHECK_ZONES = "tools/check-zones.sh"

CASES = []


def case(*args, **kwargs):
    CASES.append(Case(*args, **kwargs))


# ---- in-kernel tests across memory sizes, machines and low/high splits;
# then zoneinfo and meminfo, which must match the firmware map exactly.
for size in ["32M", "512M", "4G", "16G", "61G"]:
    case(f"ktest-{size}", size, "pass", "ktest=all", stdin=ZONES,
         has=[KTEST_OK], checks=[CHECK_ZONES], timeout=300)
case("ktest-q35-6G", "6G", "pass", "ktest=all", machine="q35", stdin=ZONES,
     has=[KTEST_OK], checks=[CHECK_ZONES])
# q35 reserves a 32 GiB 64-bit PCI hole above RAM: with 36 physical
# address bits QEMU 7.2 starts it with at most about 30G.
case("ktest-q35-30G", "30G", "pass", "ktest=all", machine="q35",
     stdin=ZONES, has=[KTEST_OK], checks=[CHECK_ZONES], timeout=300)
case("ktest-below4g-1G", "6G", "pass", "ktest=all", stdin=ZONES,
     machine="pc,max-ram-below-4g=1G",
     has=[r"\[mem 0x0000000000100000-0x000000003ffdffff\] usable", KTEST_OK],
     checks=[CHECK_ZONES])
case("ktest-below4g-512M", "3G", "pass", "ktest=all", stdin=ZONES,
     machine="pc,max-ram-below-4g=512M", has=[KTEST_OK], checks=[CHECK_ZONES])
# Less than 16 MiB of RAM: the tests that need more say so and skip.
# The initramfs without busybox: its 2.7 MiB of page cache would leave
# the user tests no room in 12 MiB.
case("ktest-mem-12M", "512M", "pass", "mem=12M ktest=all poweroff",
     has=[KTEST_OK, r"^    ok \d+ pages_above_4g # SKIP no RAM above 4 GiB"],
     initramfs="small")

# ---- deferred struct page init (docs/physical-memory.md): the boot
# writes lowmem's and the top of HighMem's struct pages, the rest waits
# for a thread per CPU once the shell is up. The in-kernel tests race
# allocations on every CPU against those threads and check the counts
# as they go; at the shell, once the work is done, zoneinfo, meminfo
# and buddyinfo agree with each other and with the firmware map.
DEFERRED_WAIT = (r"^mm: deferred struct page init: \d+ sections \(\d+ MiB\) of "
                 r"HighMem wait until the shell is up")
DEFERRED_DONE = (r"^mm: deferred struct page init: \d+ sections \(\d+ MiB\) by "
                 r"\d+ CPUs? in \d+ ms / \d+ TSC cycles \(\d+ by the threads, "
                 r"\d+ on the spot; \d+ TSC cycles of work\)$")
CHECK_FREE_VIEWS = "tools/check-free-views.sh"
for size in ["6G", "61G"]:
    case(f"deferred-init-ktest-{size}", size, "pass",
         "ktest=deferred_init poweroff", smp=4,
         has=[DEFERRED_WAIT, DEFERRED_DONE, KTEST_OK,
              r"^    ok \d+ counts_exact_while_threads_run$"],
         lacks=[r"# SKIP"], timeout=300)
    case(f"deferred-init-views-{size}", size, "pass",
         stdin=r"meminit wait\nzoneinfo\nmeminfo\nbuddyinfo\npoweroff\n",
         has=[DEFERRED_WAIT, DEFERRED_DONE, r"^Deferred: +0 kB$",
              r"^deferred struct page init: (\d+) of \1 sections done"],
         checks=[CHECK_ZONES, CHECK_FREE_VIEWS + " --done"], timeout=300)
# The same views while the threads are at work: the counts move, and
# MemFree and HighFree, which count what waits as free, do not; then
# stress, which finishes the deferred init first (it compares counts).
case("deferred-init-views-racing-61G", "61G", "pass",
     stdin=r"zoneinfo\nmeminfo\nbuddyinfo\nstress 4000\npoweroff\n",
     has=[DEFERRED_WAIT, DEFERRED_DONE, STRESS_OK,
          r"^Deferred: +[1-9][0-9]* kB$"],
     checks=[CHECK_ZONES, CHECK_FREE_VIEWS + " --racing"], timeout=300)
# User processes started at the prompt, on 4 CPUs at once, fault their
# pages and page tables in from HighMem while the threads initialise it.
case("deferred-init-user-mttcg-6G", "6G", "pass",
     stdin=r"run /bin/ustress 8 200\nrun /bin/memtouch 256M\nmeminit wait\n"
           r"zoneinfo\nmeminfo\nbuddyinfo\npoweroff\n",
     smp=4, accel="tcg,thread=multi",
     has=[DEFERRED_DONE, r"ustress: 8 workers x 200 rounds: ok",
          r"Power off: success"],
     lacks=[r"Kernel panic", r"^warning:", r"^error:"],
     checks=[CHECK_FREE_VIEWS + " --done"], timeout=300)
# deferred_init=off: everything at boot, as before.
case("deferred-init-off-6G", "6G", "pass", "deferred_init=off", stdin=ZONES,
     has=[r"^mm: mem_map and free lists set up in \d+ TSC cycles \(under "
          r"qemu -icount shift=0: instructions\)$", r"^Deferred: +0 kB$"],
     lacks=[r"deferred struct page init"],
     checks=[CHECK_ZONES, CHECK_FREE_VIEWS + " --done"])

# ---- the page map (mm/pagemap.c, docs/physical-memory.md): the
# classifier's tests, then `pagemap raw` against buddyinfo, zoneinfo and
# meminfo printed just after it (tools/check-pagemap.py), with a user
# program asleep meanwhile so that its pages and page tables are there.
CHECK_PAGEMAP = "tools/check-pagemap.py"
PAGEMAP_OK = r"^pagemap check: ok$"
for size in ["32M", "6G"]:
    case(f"pagemap-ktest-{size}", size, "pass", "ktest=pagemap poweroff",
         has=[KTEST_OK, PAGEMAP_OK], timeout=300)
for size in ["32M", "6G", "61G"]:
    case(f"pagemap-views-{size}", size, "pass",
         stdin=r"run /bin/sleep 30 &\nmeminit wait\npagemap check\n"
               r"pagemap raw\nbuddyinfo\nzoneinfo\nmeminfo\npagemap\n"
               r"pagemap highmem 100\npagemap dma 300\npagemap pfn 0\n"
               r"poweroff\n",
         has=[PAGEMAP_OK, r"^legend: ", r"^pfn 0x0: reserved$",
              r"'300' is neither a zone \(DMA, Normal, HighMem\) nor a width"],
         lacks=[r"Kernel panic", r"^warning:"],
         checks=[CHECK_PAGEMAP], timeout=300)

# The live picture (kernel/drivers/memview.c): a screendump through QEMU's monitor
# shows the map's colours at the zone boundaries and the 4 GiB line
# (tools/check-memview-screen.py reads the `pagemap raw` printed just
# after it); no memview thread before `memview on` or after `memview off`;
# and the stress run passes while it redraws.
NO_MEMVIEW_THREAD = r"kernel> ps\n(?:(?!.*memview).*\n)*?kernel> %s\n"
for size in ["6G", "61G"]:
    shot = f"build/test/logs/memview-screen-{size}.ppm"
    case(f"memview-screen-{size}", size, "pass", dialogue=True,
         stdin=r"@@expect kernel>\nmeminit wait\nps\nmemview on\n"
               r"@@expect memview: colours\n@@sleep 2\nmemview\nfb\nps\n"
               rf"@@screendump {shot}\npagemap raw\nmemview off\nps\n"
               r"poweroff\n",
         has=[r"^memview: on, [1-9]\d* frames drawn$",
              r"^memview: stopped after [1-9]\d* frames$",
              r"^fb: memview has the framebuffer \('memview off' first\)$",
              r"^ +\d+ +\w+ +memview +\d",
              NO_MEMVIEW_THREAD % "memview on", NO_MEMVIEW_THREAD % "poweroff"],
         lacks=[r"Kernel panic", r"^warning:"],
         checks=[f"tools/check-memview-screen.py {shot}"], timeout=300)
# Bochs' display takes the mode too (its RFB display refuses 800x600).
case("memview-bochs-512M", "512M", "pass", runner="bochs",
     stdin=r"memview on\npagemap check\nmemview\nmemview off\npoweroff\n",
     has=[r"^memview: on, \d+ frames drawn$", PAGEMAP_OK,
          r"^memview: stopped after [1-9]\d* frames$"], timeout=240)
case("memview-stress-6G", "6G", "pass", "memview stress=20000 poweroff",
     has=[STRESS_OK, r"^memview: 640x480, map at 0,0: "],
     lacks=[r"memview: cannot start"], timeout=300)

# highmem=off: lowmem only, like mem=896M.
case("highmem-off", "4G", "pass", "highmem=off ktest=all", stdin=ZONES,
     has=[r"highmem=off: .* of RAM above 896 MiB ignored",
          r"HighTotal: +0 kB", KTEST_OK])

# A CPU with 32 physical address bits: RAM above 4 GiB is dropped with
# one warning line, and the kernel still works.
case("phys-bits-32", "6G", "pass", "ktest=all poweroff", cpu="qemu32",
     has=[r"CPU: 32-bit physical addresses",
          r"warning: memmap: 3 GiB of RAM above the CPU's 32-bit physical "
          r"address limit ignored", KTEST_OK])

# CPUs that lack what the kernel is built for: refused in the entry
# code, by name, then powered off with a failure status.
case("cpu-no-pae", "64M", "fail", cpu="pentium",
     has=[r"this CPU lacks: PAE CMOV\.$", r"^Power off: FAILURE"],
     lacks=[r"hmkernel 0\.1"])
case("cpu-no-cmov", "64M", "fail", cpu="pentium,+pae",
     has=[r"this CPU lacks: CMOV\.$"])
case("cpu-486", "64M", "fail", cpu="486",
     has=[r"this CPU lacks: PAE CMOV TSC\.$"])
case("cpu-pentium2", "512M", "pass", "ktest=all poweroff", cpu="pentium2",
     has=[KTEST_OK])
case("bochs-cpu-no-pae", "64M", "fail", runner="bochs", cpu="pentium_mmx",
     has=[r"this CPU lacks: PAE CMOV\.$", r"^Power off: FAILURE"])

# make MENU=1: GRUB's menu waits on the serial console too; its hotkeys
# boot the other entries (t: the self-tests).
case("grub-menu-hotkey", "512M", "pass", menu=True, stdin="t",
     feed_after="Use the",
     has=[r"hmkernel: run all self-tests, then power off \(t\)",
          r"^Command line: ktest=all poweroff", KTEST_OK])

# ---- the shell ----
case("shell-piped", "64M", "pass",
     stdin=r"help\ncmdline\nnosuchcommand\nlayout\nmemmap\npoweroff\n",
     has=[r"kernel> help", r"poweroff +power off",
          r"nosuchcommand: unknown command", r"vmalloc +: 0x",
          r"Power off: success"])
# Input piped faster than the kernel reads it is held back in the UART,
# never lost: the repro, then a thousand commands, all run.
THOUSAND = "".join(f"echo line-{i}\\n" for i in range(1, 1001))
case("shell-thousand-lines", "512M", "pass",
     stdin=r"stress 3000\n" + r"meminfo\n" * 40 + THOUSAND + r"poweroff\n",
     has=[STRESS_OK], lacks=[r"unknown command"],
     checks=["tests/boot/check-echo-lines.sh"])
# The shell frees and fills only what it allocated; everything else is
# refused with the reason, and nothing breaks.
case("shell-refuses-foreign-pages", "64M", "pass",
     stdin=r"free 0x100\nfill 0x100 0x41\nkmap 0x100\nkunmap 0x100\n"
           r"peek 0x100 0\nfree 0x1\nalloc banana\nalloc normal 11\n"
           r"slabinfo\nstress 500\npoweroff\n",
     has=[r"pfn 0x100 was not allocated by the shell \(it is reserved\): "
          r"the shell frees only pages it took with alloc",
          r"the shell fills only pages", r"the shell kmaps only pages",
          r"pfn 0x100 is not kmapped by the shell",
          r"banana: unknown; zone or GFP names: dma normal highmem",
          r"order must be 0\.\.10", STRESS_OK])

# ---- forced faults give a readable report and a failure status; every
# crash kind has a case here (test_tree.py checks it).
CRASH_CASES = {
    "null": ("64M", "", [
        r"BUG: unable to handle page fault for address: 0x00000000",
        r"NULL pointer dereference", r"Call Trace:",
        r"EIP: 0008:\[<c01[0-9a-f]+>\] crash_null_read\+0x",
        r"shell_execute\+0x", r"Power off: FAILURE"]),
    "write-text": ("64M", "", [
        r"supervisor write access in kernel mode", r"permissions violation",
        r"crash_write_text\+0x"]),
    "unmapped": ("64M", "", [
        r"BUG: unable to handle page fault for address: 0xff",
        r"#PF: 0xff[0-9a-f]+ is in the guard pages between vmalloc and pkmap",
        r"crash_unmapped_read\+0x"]),
    "divide": ("64M", "", [
        r"Oops: divide error \(vector 0, error code 0x0\)",
        r"EIP: 0008:\[<c01[0-9a-f]+>\] crash_divide\+0x"]),
    "ud2": ("64M", "", [
        r"Oops: invalid opcode \(vector 6",
        r"EIP: 0008:\[<c01[0-9a-f]+>\] crash_invalid_opcode\+0x"]),
    "bug": ("64M", "", [
        r"Kernel panic - not syncing: kernel BUG: PAGE_SIZE == 4096",
        r"at tests/kernel/crash\.c:[0-9]+ in crash_bug\(\)", r"cmd_crash\+0x"]),
    "stack": ("64M", "", [
        r"kernel stack overflow into a guard page", r"Oops: double fault",
        r"crash_stack_overflow_depth\+0x", r"the line above [0-9]+ more times"]),
    "thread-stack": ("64M", "", [
        r"kernel stack overflow in thread overflower \(pid [0-9]+\)",
        r"Oops: double fault", r"Comm: overflower"]),
    "sleep-in-irq": ("64M", "", [
        r"BUG: sleeping function called from invalid context at "
        r"kernel/timer\.c:[0-9]+ \(from sleeping_timer_fn\+0x",
        r"in_interrupt 1"]),
    "double-free": ("64M", "", [
        r"Kernel panic - not syncing: freeing pfn 0x[0-9a-f]+ \(order 0\): "
        r"the page is free, refcount 0 \(a double free\?\)",
        r"crash_double_free\+0x"]),
    "free-order": ("64M", "", [
        r"freeing pfn 0x[0-9a-f]+ \(order 1\): it was allocated with order 2"]),
    "free-tail": ("64M", "", [
        r"freeing pfn 0x[0-9a-f]+ \(order 0\): it is page 5 of the order-3 "
        r"block allocated at pfn 0x"]),
    # kmap and kmap_atomic misuse is caught with a precise message.
    "kmap-order": ("6G", "", [
        r"kunmap_atomic\(0xff[0-9a-f]+\) out of order: the last kmap_atomic "
        r"or kmap_local on CPU [0-9] is at 0xff[0-9a-f]+ \(slot 1\)"]),
    "kmap-nest": ("6G", "", [
        r"kmap_local/kmap_atomic: more than 12 nested mappings in thread "
        r"main \(pid [0-9]+\) on CPU [0-9] \(KM_THREAD_MAX; the CPU's other 4 "
        r"slots are for interrupts\)"]),
    "kunmap-unbalanced": ("6G", "", [
        r"kunmap of pfn 0x[0-9a-f]+ at 0xffc[0-9a-f]+: more kunmaps than "
        r"kmaps \(unbalanced kunmap\)"]),
    "kmap-overrun": ("64M", "kmap.debug", [
        r"is the guard page after a kmap_atomic slot \(CPU 0, slot 1\)",
        r"crash_kmap_overrun\+0x",
        r"page faults are disabled here \(inside kmap_atomic, 2 slots held\)"]),
    "kmap-leak": ("6G", "", [
        r"kmap leak: thread leaky \(pid [0-9]+\) exits holding 1 kmap slots"]),
    "kmap-atomic-leak": ("6G", "", [
        r"kmap_atomic/kmap_local slot 0 at 0xff[0-9a-f]+ maps pfn 0x[0-9a-f]+",
        r"kmap leak: thread atomic-leaky \(pid [0-9]+\) exits holding 0 kmap "
        r"slots and 1 kmap_local/kmap_atomic slots"]),
    # kmap_local misuse (docs/highmem.md): the same checks, and the
    # ones a thread-local mapping adds.
    "kmap-local-order": ("6G", "", [
        r"kunmap_local\(0xff[0-9a-f]+\) out of order: the last kmap_atomic "
        r"or kmap_local on CPU [0-9] is at 0xff[0-9a-f]+ \(slot 1\)"]),
    "kmap-local-overrun": ("64M", "kmap.debug", [
        r"is the guard page after a kmap_local slot \(CPU [0-9], slot 1\)",
        r"the slot's last mapping \(kmap\.debug\): kmap_local_page of pfn "
        r"0x[0-9a-f]+ by thread main \(pid [0-9]+\); still mapped",
        r"crash_kmap_local_overrun\+0x",
        r"#PF: inside kmap_local \(2 slots held\); page faults are allowed "
        r"here"]),
    "kmap-local-leak": ("6G", "", [
        r"kmap_atomic/kmap_local slot 0 at 0xff[0-9a-f]+ maps pfn 0x[0-9a-f]+",
        r"kmap leak: thread local-leaky \(pid [0-9]+\) exits holding 0 kmap "
        r"slots and 1 kmap_local/kmap_atomic slots"]),
    "kmap-local-sleep": ("6G", "kmap.debug kmap.local_sleep_ms=300", [
        r"BUG: kmap_local: thread local-sleeper \(pid [0-9]+\) has slept "
        r"[3-9][0-9][0-9] ms holding 1 kmap_local mappings on CPU [0-9]:",
        r"  slot 0 at 0xff[0-9a-f]+ maps pfn 0x[0-9a-f]+",
        r"a mapping held across long sleeps is kmap\(\)'s job",
        r"Power off: success"], "pass"),
    "kmap-local-other-thread": ("6G", "kmap.debug", [
        r"BUG: unable to handle page fault for address: 0xff",
        r"is a kmap_local slot \(CPU [0-9], slot 0\)",
        r"the slot's last mapping \(kmap\.debug\): kmap_local_page of pfn "
        r"0x[0-9a-f]+ by thread local-owner \(pid [0-9]+\); not mapped now",
        r"a kmap_local address used by main \(pid [0-9]+\) on CPU [0-9], "
        r"outside the thread that made it: the mapping is valid only in "
        r"thread local-owner \(pid [0-9]+\), on CPU [0-9]",
        r"crash_kmap_local_other_thread\+0x"]),
    # vmalloc's guard page and kfree of a pointer kmalloc never returned.
    "vmalloc-overrun": ("64M", "", [
        r"is the guard page after the vmalloc area 0x[0-9a-f]+-0x[0-9a-f]+ "
        r"\(vmalloc, from crash_vmalloc_overrun\+0x", r"not-present page"]),
    "kfree-bad": ("64M", "", [
        r"kfree\(0x[0-9a-f]+\): not the start of an object of cache kmalloc-64"]),
    "vfree-twice": ("64M", "", [
        r"vfree\(0x[0-9a-f]+\) from crash_vfree_twice\+0x[0-9a-f]+/0x[0-9a-f]+:"
        r" the area was already freed \(double free\); allocated by "
        r"crash_vfree_twice\+0x[0-9a-f]+/0x[0-9a-f]+, freed by "
        r"crash_vfree_twice\+0x"]),
    # Memory debugging (docs/hardening.md): what, where, who allocated and
    # freed it last.
    "page-uaf": ("6G", "page_poison", [
        r"BUG: page poison overwritten: pfn 0x[0-9a-f]+ \(highmem\) offset 100 "
        r"holds 0x01, not 0xaa: the page was written after it was freed",
        r"last freed \(order 0 block at 0x[0-9a-f]+\) by crash_page_uaf\+0x",
        r"last allocated \(order 0 block at 0x[0-9a-f]+\) by crash_page_uaf\+0x",
        r"Kernel panic - not syncing: page poison overwritten at pfn "
        r"0x[0-9a-f]+ offset 100 \(use after free\)"]),
    "pagealloc-uaf": ("512M", "debug_pagealloc", [
        r"is a free page \(pfn 0x[0-9a-f]+\) that debug_pagealloc unmapped from "
        r"the direct map: a use after free",
        r"last freed \(order 0 block at 0x[0-9a-f]+\) by free_pages\+0x[0-9a-f]+"
        r"/0x[0-9a-f]+, from crash_pagealloc_uaf\+0x",
        r"EIP: 0008:\[<c01[0-9a-f]+>\] crash_pagealloc_uaf\+0x"]),
    "slab-overflow": ("64M", "slab_debug", [
        r"BUG kmalloc-64: red zone after the object overwritten \(buffer "
        r"overflow\)",
        r"in the slab at 0x[0-9a-f]+ \(pfn 0x[0-9a-f]+\), cache kmalloc-64",
        r"first bad byte at 0x[0-9a-f]+ \(object offset 64\): 0x78",
        r"last allocated by crash_slab_overflow\+0x", r"last freed: never"]),
    "slab-uaf": ("64M", "slab_debug", [
        r"BUG kmalloc-64: poison overwritten: the object was written after it "
        r"was freed \(use after free\)",
        r"\(object offset 10\): 0x78", r"last freed by crash_slab_uaf\+0x"]),
    "slab-double-free": ("64M", "slab_debug", [
        r"double free by crash_slab_double_free\+0x",
        r"BUG kmalloc-64: object already free \(double free\)",
        r"last freed by crash_slab_double_free\+0x"]),
    # Lock misuse (docs/smp.md): caught in every build, or by lock_debug.
    "lock-recursion": ("64M", "", [
        r"spinlock crash_lock: CPU [0-9] takes it again while holding it "
        r"\(recursive locking, or an unlock missing\)",
        r"crash_lock_recursion\+0x"]),
    "lock-bad-unlock": ("64M", "lock_debug", [
        r"crash: CPU ([0-9]) unlocks crash_lock, which CPU ([0-9]) holds",
        r"spinlock crash_lock is held by CPU [0-9], thread lock-holder "
        r"\(pid [0-9]+\), for [0-9]+ ms; it was taken at:",
        r"lock_holder_thread\+0x",
        r"spinlock crash_lock: unlocked on CPU [0-9], but CPU [0-9] holds it"]),
    "lock-lockup": ("64M", "lock_debug lock_debug.timeout_ms=300", [
        r"BUG: spinlock lockup: CPU [0-9] has waited 3[0-9][0-9] ms for "
        r"spinlock crash_lock",
        r"spinlock crash_lock is held by CPU [0-9], thread lock-holder",
        r"lock_holder_thread\+0x",
        r"crash_lock: CPU [0-9] waited longer than lock_debug\.timeout_ms "
        r"\(300 ms\)", r"crash_lock_lockup\+0x"]),
    "sleep-with-spinlock": ("64M", "lock_debug", [
        r"Locks held \(lock_debug\):", r"CPU [0-9] holds crash_lock, taken at:",
        r"crash_sleep_with_spinlock\+0x",
        r"BUG: sleeping function called from invalid context.*"
        r"preempt_count 1"]),
    "lock-inversion": ("64M", "lock_debug", [
        r"WARNING: possible lock order inversion \(lock_debug\)",
        r"takes crash_lock while holding crash_lock_b:",
        r"\] crash_lock_inversion\+0x",
        r"but crash_lock was taken before crash_lock_b here:",
        r"crash_lock, then crash_lock_b: CPU [0-9], thread main",
        r"lock order checking off from here on",
        r"crash_lock +before crash_lock_b", r"Power off: success"], "pass"),
}
for kind, (mem, cmdline, expected, *status) in CRASH_CASES.items():
    # A kind that only warns goes on (the lock order check to `lockdep`).
    then = ""
    if status:
        then = r"lockdep\npoweroff\n" if kind.startswith("lock") else \
            r"poweroff\n"
    case(f"crash-{kind}", mem, status[0] if status else "fail", cmdline,
         stdin=f"crash {kind}\\n{then}", has=expected)
# The kinds that need a debug option say so when it is off, and leak nothing.
case("crash-needs-option", "64M", "pass",
     stdin=r"stress 200\ncrash slab-overflow\ncrash page-uaf\n"
           r"crash pagealloc-uaf\ncrash kmap-overrun\ncrash kmap-local-overrun\n"
           r"crash lock-lockup\n"
           r"crash lock-inversion\nstress 200\npoweroff\n",
     has=[r"crash: this needs slab_debug \(boot with slab_debug",
          r"crash: this needs page_poison", r"crash: this needs debug_pagealloc",
          r"crash: this needs kmap\.debug", r"crash: this needs lock_debug",
          r"Power off: success"],
     lacks=[r"pages lost"])
# The lockup report needs a second CPU to hold the lock; with one it says so.
case("crash-lock-lockup-one-cpu", "64M", "pass", "lock_debug",
     stdin=r"crash lock-lockup\npoweroff\n", smp=1,
     has=[r"crash: this needs a second CPU", r"Power off: success"])

# The highmem tests with lowmem sent through kmap too, and guard slots;
# and the stress run with kmap.debug, whose kunmap_atomic once let an
# interrupt take a slot before its TLB entry was gone.
case("kmap-debug-512M", "512M", "pass", "kmap.debug ktest=all poweroff",
     has=[r"kmap: debug mode", KTEST_OK])
case("stress-kmap-debug", "512M", "pass",
     "kmap.debug stress=100000 poweroff", has=[STRESS_OK], timeout=240)

# mem_map with the section tables where the holes are small (the PCI
# hole at 6G): every test through the sparse translation, and the kmap
# slow paths it implies.
case("mem-map-sparse-ktest", "6G", "pass", "mem_map=sparse ktest=all poweroff",
     has=[r"mem_map: sparse, [0-9]+ sections of 16 MiB with RAM", KTEST_OK])
# The PCI hole (3-4 GiB) in a flat map, which starts on a 16 MiB
# boundary for kmap's inline path.
case("mem-map-flat", "6G", "pass", "poweroff",
     has=[r"mem_map: flat, 448 sections of 16 MiB \(384 with RAM\), 28 MiB "
          r"of struct page \(16 bytes each\) at phys 0x[0-9a-f]+000000"])

# Memory debugging options, all on.
case("debug-options-ktest", "6G", "pass",
     "page_poison debug_pagealloc slab_debug ktest=all poweroff",
     has=[r"page_debug: on: page_poison debug_pagealloc", KTEST_OK],
     timeout=300)

# ---- stress runs: threads and the timer interrupt allocating, mapping,
# checking and freeing at random; nothing damaged, nothing lost. With
# fault injection every Nth allocation fails and the callers cope.
HIGH_USED = r"pages in those blocks: .*HighMem [1-9]"
case("stress-512M", "512M", "pass", "stress=20000 poweroff",
     has=[STRESS_OK], lacks=[NO_WARN])
case("stress-6G", "6G", "pass", "stress=20000 poweroff",
     has=[STRESS_OK, HIGH_USED], lacks=[NO_WARN])
case("stress-61G", "61G", "pass", "stress=20000 poweroff",
     has=[STRESS_OK, HIGH_USED], lacks=[NO_WARN], timeout=300)
case("stress-512M-faults-debug", "512M", "pass",
     "stress=20000 fail_page_alloc=5 failslab=5 page_poison debug_pagealloc "
     "slab_debug poweroff", has=[STRESS_OK, INJECTED])
case("stress-6G-faults", "6G", "pass",
     "stress=20000 fail_page_alloc=7 failslab=11 poweroff",
     has=[STRESS_OK, INJECTED])
case("stress-61G-faults", "61G", "pass",
     "stress=20000 fail_page_alloc=3 failslab=3 poweroff",
     has=[STRESS_OK, INJECTED], timeout=300)
case("stress-shell", "64M", "pass", stdin=r"stress 3000\nstress 0\npoweroff\n",
     has=[STRESS_OK, r"usage: stress \[OPS\]"])

# ---- user processes (user/, docs/user.md): the user test suite as
# init, across memory sizes and CPU counts; page tables in lowmem once;
# under fault injection; out of memory; in Bochs; driven from the shell.
USERTESTS_OK = r"usertests: [1-9][0-9]* passed, 0 failed"
INIT_OK = r"/bin/usertests \(pid \d+\): exit status 0"
for size, smp in [("512M", 1), ("512M", 4), ("6G", 4), ("61G", 2)]:
    case(f"user-{size}-smp{smp}", size, "pass",
         "init=/bin/usertests poweroff", smp=smp,
         has=[USERTESTS_OK, INIT_OK, r"initramfs: \d+ entries"],
         lacks=[r"^warning:", r"^error:", r"unknown system call"],
         timeout=300)
case("user-6G-highpte-off", "6G", "pass",
     "highpte=off init=/bin/usertests poweroff", smp=2,
     has=[USERTESTS_OK, INIT_OK], lacks=[r"^warning:", r"^error:"])
case("user-6G-ktest", "6G", "pass", "ktest=user poweroff", smp=2,
     has=[KTEST_OK, r"ok \d+ rss_and_page_tables_in_highmem$",
          r"ok \d+ nothing_leaks$"])
# Every 29th page and 31st slab allocation fails: execs and forks fail
# with ENOMEM, processes are killed in faults, the kernel goes on, and
# programs still run (one CPU: the same allocations fail in every run).
case("user-fault-injection", "6G", "pass", "fail_page_alloc=29 failslab=31",
     stdin=r"run /bin/usertests\nrun /bin/ustress 4 20\nrun /bin/forktree 3"
     r"\nrun /bin/hello after\nrun /bin/hello after\nrun /bin/hello after"
     r"\nrun /bin/hello after\nrun /bin/hello after\nstress 100\n"
     r"poweroff\n", smp=1,
     has=[r"fault injection: [1-9][0-9]* page and \d+ slab allocations "
          r"failed on purpose", r"Out of memory: killed process",
          r"argv\[1\]=after", r"Power off: success"],
     lacks=[r"Kernel panic", r"Oops"], timeout=300)
# ---- files and Debian's busybox (docs/files.md): the busybox shell
# suite (user/rootfs/bin/bbtests) as init across sizes and CPU counts;
# an interactive busybox sh on the console tty; the file system's ktests
# under fault injection; busybox's files intact under fault injection.
BBTESTS_OK = r"bbtests: [1-9][0-9]* passed, 0 failed"
for size, smp in [("512M", 1), ("512M", 4), ("6G", 1), ("6G", 4)]:
    case(f"busybox-{size}-smp{smp}", size, "pass",
         "init=/bin/bbtests poweroff", smp=smp,
         has=[BBTESTS_OK, r"/bin/bbtests \(pid \d+\): exit status 0",
              r"Power off: success"],
         lacks=[r"^warning:", r"^error:", r"unknown system call",
                r"^not ok"], timeout=300)
# Typed at busybox's own prompt: ^C ends yes, exit falls back to the
# kernel's shell (no poweroff on the command line), which powers off.
BUSYBOX_DIALOGUE = "\n".join([
    "@@expect / #", "ls -l /", "@@expect tmp",
    "cat /proc/meminfo | grep -c kB", "@@expect / #",
    "free", "@@expect Mem:", "ps", "@@expect PID",
    "top -b -n 1 | head -n 3", "@@expect CPU:",
    "echo hi > /tmp/f; cat /tmp/f", "@@expect hi",
    "cat /proc/zoneinfo | grep -c zone", "@@expect / #",
    # The quotes keep "started" out of the echo of the typed line.
    'echo sta""rted; yes > /dev/null', "@@expect started", "@@sleep 1",
    "\x03", "echo status $?", "@@expect status 130",
    "exit 3", "@@expect kernel>", "poweroff", ""])
case("busybox-interactive", "6G", "pass", "init=/bin/sh", smp=2,
     stdin=BUSYBOX_DIALOGUE.replace("\\", "\\\\"), dialogue=True,
     has=[r"BusyBox v1\.35\.0 \(Debian", r"^d.* bin$", r"^Mem: +\d+",
          r"^\s*PID\s+USER", r"^CPU:", r"^hi$", r"^status 130$",
          r"/bin/sh \(pid \d+\): exit status 3", r"Power off: success"],
     lacks=[r"unknown system call", r"Kernel panic"], timeout=120)
case("fs-ktest-fault-injection", "6G", "pass",
     "ktest=fs fail_page_alloc=7 failslab=11 poweroff", smp=2,
     has=[KTEST_OK, r"ok \d+ survives_fault_injection_and_pressure$",
          r"ok \d+ page_cache_in_highmem$"])
# busybox writes and reads back files while allocations fail (rarely for
# pages, so that busybox itself is seldom killed in a fault; often for
# the slab): each file is either refused cleanly or reads back with the
# right md5, never a wrong one. The kernel side, page failures at 1 in
# 7, is fs-ktest-fault-injection's.
MD5_SEQ = "0e10426a1d5bddffcef02f1345787128"
case("busybox-fault-injection", "6G", "pass",
     "fail_page_alloc=1009 failslab=13",
     stdin=r"run /bin/bbtests integrity\nrun /bin/bbtests integrity\n"
     r"run /bin/bbtests integrity\nrun /bin/hello after\nstress 100\n"
     r"poweroff\n", smp=1,
     has=[INJECTED, MD5_SEQ + r"  /tmp/k\d", r"argv\[1\]=after",
          r"Power off: success"],
     lacks=[r"^(?!" + MD5_SEQ + r")[0-9a-f]{32}  /tmp/k\d", r"^not ok",
            r"Kernel panic", r"Oops"], timeout=300)
# A child that eats memory is killed with Linux's line; the rest goes on.
case("user-oom", "64M", "pass", "highmem=off",
     stdin=r"run /bin/usertests -oom oom fork_wait\npoweroff\n",
     has=[r"Out of memory: killed process \d+ \(usertests\) total-vm:\d+kB, "
          r"anon-rss:\d+kB, file-rss:\d+kB",
          r"usertests: 2 passed, 0 failed", r"Power off: success"],
     lacks=[r"Kernel panic"])
# Segfaults and traps: one line each, as Linux prints them.
case("user-fault-reports", "512M", "pass",
     stdin=r"run /bin/segv null\nrun /bin/segv ro\nrun /bin/segv nx\n"
     r"poweroff\n",
     has=[r"segv\[\d+\]: segfault at 0 ip [0-9a-f]{8} sp [0-9a-f]{8} error 6",
          r"segv\[\d+\]: segfault at [0-9a-f]+ ip [0-9a-f]{8} sp [0-9a-f]{8} "
          r"error 7",
          r"segv\[\d+\]: segfault at [0-9a-f]+ ip [0-9a-f]{8} sp [0-9a-f]{8} "
          r"error 15",
          r"/bin/segv \(pid \d+\): killed by signal 11"])
# The shell's process commands on a program left running in the background
# (pid 6: at 6G the deferred init's two threads, meminit/0 and /1, are 4
# and 5).
case("user-shell-commands", "6G", "pass",
     stdin=r"run /bin/memtouch 8M 600000 &\nrun /bin/ustress 1 1\n"
     r"ps\nmaps 6\nkill 6 9\nrun /bin/hello\nkill 6\nmaps nosuch\nrun\n"
     r"run /bin/nosuch\npoweroff\n", smp=2,
     has=[r"^\[6\] /bin/memtouch",
          r"^ +6 +0 +alive +\d+ +0 +\d+  memtouch$",
          r"^08048000-08049000 r--p 00000000 00:01 \d+ +/bin/memtouch$",
          r"^[0-9a-f]{8}-[0-9a-f]{8} rw-p 00000000 00:00 0$",
          r"^bf800000-c0000000 rw-p 00000000 00:00 0 +\[stack\]$",
          r"^no process 6$", r"not a pid: nosuch",
          r"usage: run PATH", r"/bin/nosuch: cannot run it: error -2"])
# A static PIE? No: a dynamic one is refused with a clear line.
case("user-exec-log", "512M", "pass", "ktest=user.exec* poweroff",
     has=[r"exec: /bad/interp: dynamically linked \(PT_INTERP\)",
          r"exec: /bad/kernel-segment: segment overlaps the kernel", KTEST_OK])
case("user-mttcg-4cpus", "6G", "pass",
     stdin=r"run /bin/ustress 8 200\nrun /bin/forktree 4\npoweroff\n",
     smp=4, accel="tcg,thread=multi",
     has=[r"ustress: 8 workers x 200 rounds: ok",
          r"forktree: 31 processes", r"Power off: success"],
     lacks=[r"Kernel panic"], timeout=300)
case("user-bochs", "512M", "pass", runner="bochs", smp=2,
     stdin=r"run /bin/usertests fork_wait cow_malloc exec_args fault_null "
     r"efault_read\nrun /bin/forktree 2\npoweroff\n",
     has=[r"usertests: 5 passed, 0 failed", r"forktree: 7 processes",
          r"Power off: success"], timeout=300)

# ---- the console tty (kernel/fs/tty.c, docs in README.md): the line
# discipline, job control, the devices, and the kernel shell behind
# Ctrl-] while init runs. user/ttytest.c prints a line when it is ready
# for input; the input is fed after it.
TTY_EXIT_OK = r"/bin/ttytest \(pid \d+\): exit status 0"
# ^C from the serial line ends a program that spins and never reads;
# init's end without poweroff falls back to the kernel shell.
case("tty-intr", "512M", "pass", "init=/bin/ttytest -- spin",
     feed_after="ttytest: spinning", stdin=r"\x03poweroff\n",
     has=[r"\^C", r"/bin/ttytest \(pid \d+\): killed by signal 2",
          r"^kernel> poweroff", r"Power off: success"])
# ^\ is SIGQUIT, from a run of the kernel shell; what was typed after it
# reaches the shell once the program is gone.
case("tty-quit", "512M", "pass",
     stdin=r"run /bin/ttytest spin\n\x1crun /bin/hello after\npoweroff\n",
     has=[r"\^\\", r"/bin/ttytest \(pid \d+\): killed by signal 3",
          r"argv\[1\]=after", r"Power off: success"])
# Canonical mode: erase (DEL), kill (^U), word erase (^W), ^D alone.
case("tty-canon", "512M", "pass", "poweroff init=/bin/ttytest -- lines",
     feed_after="ttytest: reading lines",
     stdin=r"ab\x7fc\nxyz\x15uv\nfoo bar\x17baz\n\x04",
     has=[r"got: ac\b", r"got: uv\b", r"got: foo baz\b",
          r"ttytest: end of file \(0\)", TTY_EXIT_OK])
# Non-canonical mode: poll times out, VMIN=1 byte by byte (ICRNL still
# on), VMIN=0 VTIME=2 times out.
case("tty-raw", "512M", "pass", "poweroff init=/bin/ttytest -- raw",
     feed_after="ttytest: raw ready", stdin=r"q\rz",
     has=[r"^poll: 0 after 300 ms", r"^poll: 1 revents 0x1$",
          r"^raw: 71 0a 7a$", r"^raw: timeout read 0 after 200 ms",
          TTY_EXIT_OK])
# Ctrl-] reaches the kernel shell while init reads a line; exit (or
# Ctrl-] again) gives the console back, the half-typed line intact.
case("tty-escape", "512M", "pass", "poweroff init=/bin/ttytest -- lines",
     feed_after="ttytest: reading lines",
     stdin=r"abc\x1duptime\nexit\ndef\n\x1d\x1dghi\n\x04",
     has=[r"\[kernel debug shell: 'exit' or Ctrl-\] goes back",
          r"^kernel> uptime", r"^up \d", r"\[back to the program\]",
          r"got: abcdef", r"got: ghi", r"ttytest: end of file",
          TTY_EXIT_OK])
# The words after "--" are init's arguments.
case("tty-init-args", "512M", "pass",
     "poweroff init=/bin/ttytest -- args one two",
     has=[r"ttytest: argv\[1\]=args", r"ttytest: argv\[2\]=one",
          r"ttytest: argv\[3\]=two$", TTY_EXIT_OK],
     lacks=[r"unknown option"])
# tcsetpgrp: another session's group (the background memtouch, pid 4) is
# EPERM, no such group ESRCH.
case("tty-pgrp", "512M", "pass",
     stdin=r"run /bin/memtouch 1M 100000 &\nrun /bin/ttytest pgrp 4\n"
     r"run /bin/ttytest pgrp 77\npoweroff\n",
     has=[r"^\[4\] /bin/memtouch", r"tcsetpgrp\(4\): Operation not permitted",
          r"tcsetpgrp\(77\): No such process"])
# The devices, getrandom, poll and select, and the tty's groups, as init.
case("tty-usertests", "512M", "pass",
     "poweroff init=/bin/usertests -- dev_zero dev_full dev_urandom "
     "getrandom poll_pipe select_pipe tty_pgrp tty_ioctls",
     has=[r"usertests: 8 passed, 0 failed", r"^ok \d+ - tty_pgrp$"],
     lacks=[r"unknown system call"])

# ---- bad input: odd machines, odd command lines ----
case("mem-beyond-ram", "512M", "pass", "mem=4G poweroff",
     has=[r"mem=4 GiB is beyond the end of RAM; no effect",
          r"Power off: success"])
case("small-machine-6M", "6M", "pass",
     stdin=r"meminfo\nstress 2000\npoweroff\n",
     has=[r"MemTotal: +[0-9]+ kB", STRESS_OK], initramfs="empty")
case("too-small-machine", "6M", "fail", "memmap=2M$0x400000",
     initramfs="empty",
     has=[r"mm: [0-9]+ KiB of usable lowmem, [0-9]+ KiB of it taken by the "
          r"kernel and boot data",
          r"not enough memory to boot: [0-9]+ KiB free, the kernel needs 4096 "
          r"KiB \(give the machine more memory, or check mem= and memmap=\)"])
# All of lowmem reserved on a machine with plenty of highmem: the same
# clear refusal, not a panic deep in memblock.
case("lowmem-all-reserved", "6G", "fail", "memmap=896M$0",
     has=[r"not enough memory to boot: 0 KiB free"],
     lacks=[r"memblock_alloc"])
# 64 MiB of vmalloc on a machine whose free lowmem cannot hold it: most
# of lowmem is reserved with memmap=, the pages come from highmem.
case("vmalloc-lowmem-short", "6G", "pass",
     "memmap=832M$0x4000000 ktest=vmalloc.* poweroff",
     has=[r"lowmem alone could not hold 64 MiB: 16384 of 16384 pages came "
          r"from highmem", KTEST_OK])
case("cmdline-bad", "64M", "pass",
     "mem=banana mem=1K mem=6M frobnicate ktest=cmdline.* poweroff",
     has=[r"mem=banana: not a size", r"mem=1K: too small",
          r"mem=6M: too small; the kernel needs at least 8M; option ignored",
          r"unknown option 'frobnicate' ignored", KTEST_OK])
case("cmdline-mem", "2G", "pass", "mem=256M memmap=16M$0x4000000 ktest=all "
     "poweroff",
     has=[r"warning: memmap: 1834880 KiB of RAM above mem=256 MiB ignored",
          r"reserving \[mem 0x0000000004000000-0x0000000004ffffff\] "
          r"\(memmap=\)", KTEST_OK])
case("cmdline-exact-sizes", "6G", "pass", "mem=4097M mem=5G poweroff",
     has=[r"mem given more than once: the last one is used",
          r"above mem=5 GiB ignored"])
case("cmdline-mem-4097M", "6G", "pass", "mem=4097M poweroff",
     has=[r"above mem=4097 MiB ignored"])
# A command line longer than the kernel keeps: the cut word is dropped
# whole ("poweroff" would otherwise become "po"), with a warning.
LONG_LINE = "ktest=cmdline.* " + "highmem=on " * 91 + "poweroff"
CUT_AT = LONG_LINE.rindex(" ", 0, 1024)
case("cmdline-too-long", "64M", "pass", LONG_LINE,
     stdin=r"cmdline\npoweroff\n",
     has=[rf"warning: cmdline: the command line is {len(LONG_LINE)} bytes; "
          rf"the kernel keeps 1023: everything from byte {CUT_AT} "
          r"\('poweroff\.\.\.'\) is ignored",
          r"warning: cmdline: highmem given more than once", KTEST_OK],
     lacks=[r"unknown option 'po"])
case("ktest-no-match", "64M", "fail", "ktest=nosuch poweroff",
     has=[r"# ktest: no test matches 'nosuch'"], lacks=[r"0 passed, 1 failed"])
# Fault injection starts once the kernel is up, so even "every
# allocation fails" boots to the shell, where the shell copes.
case("fail-every-page-alloc", "512M", "pass", "fail_page_alloc=1",
     stdin=r"alloc normal\nstress 50\nmeminfo\npoweroff\n",
     has=[r"allocation failed", r"MemTotal:", r"Power off: success"])
case("ktest-under-fault-injection", "512M", "pass",
     "fail_page_alloc=2 failslab=2", stdin=r"ktest page_alloc\n"
     r"ktest page_alloc\nktest sched\nktest sched\npoweroff\n",
     has=[KTEST_OK], lacks=[r"not ok", r"Oops"])
case("bench-no-highmem", "512M", "pass", "bench=vmalloc* poweroff",
     has=[r"bench: vmalloc_4M/highmem: skipped \(no HighMem on this machine\)",
          r"bench: vmalloc_4M,lowmem,"],
     lacks=[r"bench: vmalloc_4M,highmem,"])
case("bench-list-and-typo", "64M", "pass",
     stdin=r"bench list\nbench nosuch\npoweroff\n",
     has=[r"kmap_atomic/highmem \(needs HighMem\)",
          r"bench: no benchmark matches 'nosuch'"])

# ---- the same ISO in Bochs ----
case("bochs-ktest-2cpus", "512M", "pass", "ktest=all poweroff",
     runner="bochs", smp=2,
     has=[KTEST_OK, r"smp: CPU 1 is up: local APIC id 1",
          r"smp: Brought up 1 node, 2 CPUs", r"Power off: success"],
     timeout=240)
# make bochs with piped input: the shell reads COM1, its output is shown
# once (port 0xE9's copy), and poweroff gives the runner status 0.
case("bochs-shell-piped", "512M", "pass", runner="bochs",
     stdin=r"meminfo\nhelp\npoweroff\n",
     has=[r"kernel> meminfo", r"MemTotal: +[0-9]+ kB",
          r"break +stop in the Bochs debugger", r"^Power off: success"],
     lacks=[r"^[0-9]{11}i\["], checks=["tools/check-bochs-shell.sh"])
# The shell's break stops in the debugger; the next lines go to the
# debugger (r, c), and after c to the shell again.
case("bochs-shell-break", "512M", "pass", runner="bochs",
     stdin=r"meminfo\nbreak\nr\nc\nbuddyinfo\npoweroff\n",
     has=[r"kernel> break", r"^bochs\.break: shell: the break command",
          r"^\(0\) Magic breakpoint", r"\(cmd_break\+[0-9a-f]+\)",
          r"^<bochs:1> r$", r"^rip: 00000000_c01[0-9a-f]+$", r"^<bochs:2> c$",
          r"kernel> buddyinfo", r"^Node 0, zone +Normal",
          r"^Power off: success"],
     lacks=[r"syntax error"], checks=["tools/check-bochs-shell.sh"])
# A panic ends Bochs with the runner's failure status (1).
case("bochs-panic-status", "64M", "fail", runner="bochs",
     stdin=r"crash null\n",
     has=[r"crash_null_read\+0x", r"^Power off: FAILURE"])
# A plain VGA without the VBE extension: no framebuffer, and the
# framebuffer test says so and skips.
case("bochs-no-vbe", "512M", "pass", "ktest=ioremap* poweroff",
     runner="bochs", vbe=False,
     has=[r"ok \d+ framebuffer_pixels_read_back # SKIP no framebuffer",
          KTEST_OK])
# Bochs' debugger driven from a script: stop at the kmap breakpoint, read
# the registers and translate the address the kernel announced, go on.
case("bochs-debugger", "512M", "pass",
     "bochs.break=kmap ktest=highmem.kmap_and_kmap_atomic_agree poweroff",
     runner="bochs-debug", stdin=r"c\nr\npage 0xffc01000\nc\nc\n",
     has=[r"bochs\.break: kmap: EAX = 0xffc01000 \(pkmap slot 1\)",
          r"^\(0\) Magic breakpoint",
          r"0008:00000000c01[0-9a-f]+ \(__bochs_break\+[0-9a-f]+\)",
          r"linear page 0x00000000ffc01000 maps to physical page",
          r"ktest: 1 passed, 0 failed", r"Power off: success"],
     checks=["tools/check-bochs-break.sh"])

# ---- GDB on QEMU: a breakpoint on a kernel function by name, a
# backtrace through the higher-half symbols, a variable, then let the
# kernel finish.
case("gdb-qemu", "512M", "pass", "ktest=timer.* poweroff", runner="gdb",
     stdin=r"break kmem_cache_init\ncontinue\nbt\nprint/x max_low_pfn\n"
           r"info registers eip\ndelete\ncontinue\n",
     has=[r"Breakpoint 1, kmem_cache_init \(\) at mm/slab\.c:[0-9]+",
          r"#1  0xc01[0-9a-f]+ in mem_init \(\) at mm/init\.c",
          r"in start_kernel \(magic=", r"\$1 = 0x1ffe0",
          r"eip +0xc01[0-9a-f]+ +0xc01[0-9a-f]+ <kmem_cache_init",
          r"ktest: 1 passed, 0 failed"])
# The GDB helpers (tools/gdb/hmkernel.py) at 6G, where RAM above 4 GiB
# sits past the PCI hole: refusals before mem_init, a kmap_atomic slot
# held, then the kernel stopped just before its shell prints buddyinfo,
# zoneinfo, pkmapinfo and pageinfo, which must match what GDB read
# (tools/check-gdb-helpers.sh); bad pfns and addresses get one line.
case("gdb-helpers", "6G", "pass",
     "kmap.debug ktest=highmem.kmap_and_kmap_atomic_agree", runner="gdb",
     stdin=r"source tests/boot/gdb-helpers.gdb\n",
     serial=r"meminit wait\nbuddyinfo\nzoneinfo\npkmapinfo\npageinfo 0x100000\n"
            r"poweroff\n",
     has=[r"expected error: pfn_to_page: paging is off",
          r"expected error: buddyinfo: mem_map is not set up yet",
          r"expected error: zoneinfo: mem_map is not set up yet",
          r"expected error: kmapinfo: the pkmap pool is not set up yet",
          r"expected error: buddyinfo: mem_map is being set up "
          r"\(mm_core_init is running\)",
          r"Breakpoint [0-9]+, buddyinfo_show ",
          r"expected error: pfn_to_page: pfn 0x100000 \(phys 0x100000000\): "
          r"its struct page is not initialised yet: section 0x100 of "
          r"HighMem waits for the deferred struct page init",
          r"pfn 0x100000 phys 0x100000000 struct page at 0x[0-9a-f]+ "
          r"\(mem_map slot 256, section 0x100\)",
          r"expected error: pfn_to_page: pfn 0xc0000 \(phys 0xc0000000\) has "
          r"no struct page: section 0xc0 ",
          r"expected error: pfn_to_page: pfn 0x1000000 is beyond the 36-bit "
          r"physical address space",
          r'expected error: pfn_to_page: no_such_symbol: No symbol '
          r'"no_such_symbol"',
          r"expected error: pfn_to_page: usage: pfn_to_page PFN",
          r"expected error: page_to_pfn: 0xc0000000 is not in mem_map",
          r"expected error: page_to_pfn: 0x[0-9a-f]+ is 4 bytes into the "
          r"struct page at 0x",
          r"expected error: \$pfn_to_page: pfn 0xc0000 .* has no struct page",
          r"expected error: \$page_to_pfn: takes one argument, not 2",
          r"expected error: pfn_to_page: pfn -1 is negative",
          r"Power off: success"],
     lacks=[r"UNEXPECTED SUCCESS|Traceback|Python Exception|"
            r"Error occurred in Python"],
     checks=["tools/check-gdb-helpers.sh"])

# ---- SMP (docs/smp.md): every CPU count with each memory size, the CPUs
# really at once (multi-threaded TCG), and the ways to run fewer.
SMP_OK = r"smp: Brought up 1 node, {n} CPUs?$"
for n in [1, 2, 4, 8]:
    for size in ["512M", "6G", "61G"]:
        case(f"smp{n}-{size}", size, "pass", "ktest=smp poweroff", smp=n,
             has=[KTEST_OK, SMP_OK.format(n=n)]
             + [rf"smp: CPU {c} is up: local APIC id {c}, idle thread "
                rf"idle/{c}" for c in range(1, n)],
             timeout=300)
case("smp4-mttcg-6G", "6G", "pass", "ktest=all stress=20000 poweroff",
     smp=4, accel="tcg,thread=multi",
     has=[KTEST_OK, STRESS_OK, SMP_OK.format(n=4),
          r"stress: 4 CPUs: [0-9]+ buffers traded between threads, "
          r"[1-9][0-9]* freed on another CPU"], timeout=400)
case("smp-nosmp", "512M", "pass", "nosmp ktest=smp poweroff", smp=4,
     has=[r"smp: 4 CPUs listed; 1 will run \(nosmp\)",
          SMP_OK.format(n=1), KTEST_OK])
case("smp-maxcpus", "512M", "pass", "maxcpus=2 ktest=smp poweroff", smp=4,
     has=[r"smp: 4 CPUs listed; 2 will run \(maxcpus=\)",
          SMP_OK.format(n=2), KTEST_OK], lacks=[r"CPU 2 is up"])
case("smp-more-than-nr-cpus", "512M", "pass", "ktest=smp poweroff", smp=10,
     has=[r"smp: 10 CPUs in the ACPI MADT",
          r"smp: 10 CPUs listed; 8 will run \(NR_CPUS is 8\)",
          SMP_OK.format(n=8), KTEST_OK], timeout=300)
# Without the MADT the MP table names the CPUs (SeaBIOS lists only the
# boot CPU there); without APICs the 8259s and the PIT serve one CPU.
case("smp-acpi-off", "512M", "pass", "acpi=off ktest=smp poweroff", smp=2,
     has=[r"smp: [0-9] CPUs in the MP table", KTEST_OK])
case("smp-noapic", "512M", "pass", "noapic ktest=smp poweroff", smp=2,
     has=[r"APICs not used \(noapic on the command line\): the 8259 PICs "
          r"and the PIT on one CPU", SMP_OK.format(n=1), KTEST_OK])
case("smp-cpu-without-apic", "512M", "pass", "ktest=smp poweroff", smp=1,
     cpu="max,-apic",
     has=[r"APICs not used \(the CPU has no local APIC\)",
          SMP_OK.format(n=1), KTEST_OK])
# The shell shows every CPU at work: ps, interrupts, vmstat.
case("smp-shell", "6G", "pass", smp=4,
     stdin=r"stress 4000\nps\ninterrupts\nvmstat\ndrain\npoweroff\n",
     has=[STRESS_OK,
          r"^ +PID +STATE +NAME +CPU +STACK",
          r"^ +0 +\S+ +idle/3 +3 ",
          r"^ +CPU0 +CPU1 +CPU2 +CPU3$",
          r"^LOC:( +[1-9][0-9]*){4}  Local timer interrupts$",
          r"^CAL:( +[0-9]+){4}  Function call interrupts$",
          r"^TLB:( +[0-9]+){4}  TLB shootdowns$",
          r"^RES:( +[0-9]+){4}  Rescheduling interrupts$",
          r"^nr_tlb_remote_flush +[1-9]",
          r"^drain_all_pages +[1-9]",
          r"^drain: every CPU's page lists emptied"])
