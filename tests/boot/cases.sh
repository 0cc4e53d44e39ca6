# shellcheck shell=bash disable=SC2016
# (SC2016: a $ in single quotes is meant, for grep or for GRUB.)
# Boot tests, sourced by tools/run-tests.sh. Each line declares one boot
# of the ISO and what must come of it:
#
#   qemu_case NAME MEM EXPECT "CMDLINE" [OPTIONS]
#   bochs_case NAME MEM EXPECT "CMDLINE" [OPTIONS]
#   gdb_case NAME MEM EXPECT "CMDLINE" [OPTIONS]   QEMU driven by GDB
#
# EXPECT is pass (the kernel powers off with success) or fail (it powers
# off with a failure status, e.g. after a panic). OPTIONS:
#   --stdin TEXT     type TEXT on the serial console (printf escapes);
#                    for gdb_case, the GDB commands
#   --serial TEXT    (gdb_case) type TEXT on the serial console
#   --has REGEX      the output must match REGEX (grep -E), repeatable
#   --lacks REGEX    the output must not match REGEX, repeatable
#   --cpu MODEL      QEMU -cpu (default max)
#   --machine TYPE   QEMU -machine (default pc), e.g. q35 or
#                    "pc,max-ram-below-4g=2G"
#   --timeout SECS   give up after SECS (default 120)
#   --check CMD      run CMD LOG after the boot; it must succeed
#   --debug          (Bochs) start at the debugger prompt; --stdin then
#                    holds debugger commands

KTEST_OK='ktest: [0-9]+ passed, 0 failed'
NO_WARN='warning:|error:'

# In-kernel tests across memory sizes, machines and low/high splits;
# then the shell prints zoneinfo and meminfo, which must match the
# firmware map exactly (tools/check-zones.sh).
ZONES='zoneinfo\nmeminfo\nbuddyinfo\npoweroff\n'
for size in 32M 512M 4G 16G 61G; do
	qemu_case ktest-$size $size pass "ktest=all" --stdin "$ZONES" \
		--has "$KTEST_OK" --check tools/check-zones.sh --timeout 300
done
qemu_case ktest-q35-6G 6G pass "ktest=all" --machine q35 --stdin "$ZONES" \
	--has "$KTEST_OK" --check tools/check-zones.sh
# q35 reserves a 32 GiB 64-bit PCI hole above RAM: with 36 physical
# address bits QEMU 7.2 starts it with at most about 30G.
qemu_case ktest-q35-30G 30G pass "ktest=all" --machine q35 --stdin "$ZONES" \
	--has "$KTEST_OK" --check tools/check-zones.sh --timeout 300
qemu_case ktest-below4g-1G 6G pass "ktest=all" --stdin "$ZONES" \
	--machine pc,max-ram-below-4g=1G \
	--has '\[mem 0x0000000000100000-0x000000003ffdffff\] usable' \
	--has "$KTEST_OK" --check tools/check-zones.sh
qemu_case ktest-below4g-512M 3G pass "ktest=all" --stdin "$ZONES" \
	--machine pc,max-ram-below-4g=512M \
	--has "$KTEST_OK" --check tools/check-zones.sh

# highmem=off: lowmem only, like mem=896M.
qemu_case highmem-off 4G pass "highmem=off ktest=all" --stdin "$ZONES" \
	--has 'highmem=off: .* of RAM above 896 MiB ignored' \
	--has 'HighTotal: +0 kB' --has "$KTEST_OK"

# A CPU with 32 physical address bits: RAM above 4 GiB is dropped with
# one warning line, and the kernel still works.
qemu_case phys-bits-32 6G pass "ktest=all poweroff" --cpu qemu32 \
	--has "CPU: 32-bit physical addresses" \
	--has "warning: memmap: 3 GiB of RAM above the CPU's 32-bit physical address limit ignored" \
	--has "$KTEST_OK"

# The shell works with piped input; poweroff ends QEMU with success.
qemu_case shell-piped 64M pass "" --stdin 'help\ncmdline\nnosuchcommand\nlayout\nmemmap\npoweroff\n' \
	--has 'kernel> help' --has 'poweroff +power off' \
	--has 'nosuchcommand: unknown command' --has 'vmalloc +: 0x' \
	--has 'Power off: success'

# Forced faults give a readable report and a failure status.
qemu_case crash-null 64M fail "" --stdin 'crash null\n' \
	--has 'BUG: unable to handle page fault for address: 0x00000000' \
	--has 'NULL pointer dereference' --has 'Call Trace:' \
	--has 'EIP: 0008:\[<c01[0-9a-f]+>\] crash_null_read\+0x' \
	--has 'shell_execute\+0x' --has 'Power off: FAILURE'
qemu_case crash-write-text 64M fail "" --stdin 'crash write-text\n' \
	--has 'supervisor write access in kernel mode' \
	--has 'permissions violation' --has 'crash_write_text\+0x'
qemu_case crash-bug 64M fail "" --stdin 'crash bug\n' \
	--has 'Kernel panic - not syncing: kernel BUG: PAGE_SIZE == 4096' \
	--has 'at kernel/crash.c:[0-9]+ in crash_bug\(\)' --has 'cmd_crash\+0x'
qemu_case crash-double-free 64M fail "" --stdin 'crash double-free\n' \
	--has 'Kernel panic - not syncing: freeing pfn 0x[0-9a-f]+ \(order 0\): the page is free, refcount 0 \(a double free\?\)' \
	--has 'crash_double_free\+0x'
qemu_case crash-free-order 64M fail "" --stdin 'crash free-order\n' \
	--has 'freeing pfn 0x[0-9a-f]+ \(order 1\): it was allocated with order 2'
qemu_case crash-free-tail 64M fail "" --stdin 'crash free-tail\n' \
	--has 'freeing pfn 0x[0-9a-f]+ \(order 0\): it is page 5 of the order-3 block allocated at pfn 0x'
qemu_case crash-stack 64M fail "" --stdin 'crash stack\n' \
	--has 'kernel stack overflow into a guard page' \
	--has 'Oops: double fault' --has 'crash_stack_overflow_depth\+0x' \
	--has 'the line above [0-9]+ more times'
qemu_case crash-thread-stack 64M fail "" --stdin 'crash thread-stack\n' \
	--has 'kernel stack overflow in thread overflower \(pid [0-9]+\)' \
	--has 'Oops: double fault' --has 'Comm: overflower'
qemu_case crash-sleep-in-irq 64M fail "" --stdin 'crash sleep-in-irq\n' \
	--has 'BUG: sleeping function called from invalid context at kernel/timer.c:[0-9]+ \(from sleeping_timer_fn\+0x' \
	--has 'in_interrupt 1'

# kmap and kmap_atomic misuse is caught with a precise message.
qemu_case crash-kmap-order 6G fail "" --stdin 'crash kmap-order\n' \
	--has 'kunmap_atomic\(0xff[0-9a-f]+\) out of order: the last kmap_atomic on CPU 0 is at 0xff[0-9a-f]+ \(slot 1\)'
qemu_case crash-kmap-nest 6G fail "" --stdin 'crash kmap-nest\n' \
	--has 'kmap_atomic: more than 16 nested mappings on CPU 0'
qemu_case crash-kunmap-unbalanced 6G fail "" --stdin 'crash kunmap-unbalanced\n' \
	--has 'kunmap of pfn 0x[0-9a-f]+ at 0xffc[0-9a-f]+: more kunmaps than kmaps \(unbalanced kunmap\)'
qemu_case crash-kmap-overrun 64M fail "kmap.debug" --stdin 'crash kmap-overrun\n' \
	--has 'is the guard page after a kmap_atomic slot \(CPU 0, slot 1\)' \
	--has 'crash_kmap_overrun\+0x' \
	--has 'page faults are disabled here \(inside kmap_atomic, 2 slots held\)'
qemu_case crash-kmap-leak 6G fail "" --stdin 'crash kmap-leak\n' \
	--has 'kmap leak: thread leaky \(pid [0-9]+\) exits holding 1 kmap slots'

# The highmem tests with lowmem sent through kmap too, and guard slots.
qemu_case kmap-debug-512M 512M pass "kmap.debug ktest=all poweroff" \
	--has 'kmap: debug mode' --has "$KTEST_OK"

# vmalloc's guard page and kfree of a pointer kmalloc never returned.
qemu_case crash-vmalloc-overrun 64M fail "" --stdin 'crash vmalloc-overrun\n' \
	--has 'is the guard page after the vmalloc area 0x[0-9a-f]+-0x[0-9a-f]+ \(vmalloc, from crash_vmalloc_overrun\+0x' \
	--has 'not-present page'
qemu_case crash-kfree-bad 64M fail "" --stdin 'crash kfree-bad\n' \
	--has 'kfree\(0x[0-9a-f]+\): not the start of an object of cache kmalloc-64'

# Memory debugging (docs/hardening.md): each kind of misuse is provoked
# and its report checked: what, where, who allocated and freed it last.
qemu_case debug-options-ktest 6G pass "page_poison debug_pagealloc slab_debug ktest=all poweroff" \
	--has 'page_debug: on: page_poison debug_pagealloc' --has "$KTEST_OK"
qemu_case crash-page-uaf 6G fail "page_poison" --stdin 'crash page-uaf\n' \
	--has 'BUG: page poison overwritten: pfn 0x[0-9a-f]+ \(highmem\) offset 100 holds 0x01, not 0xaa: the page was written after it was freed' \
	--has 'last freed \(order 0 block at 0x[0-9a-f]+\) by crash_page_uaf\+0x' \
	--has 'last allocated \(order 0 block at 0x[0-9a-f]+\) by crash_page_uaf\+0x' \
	--has 'Kernel panic - not syncing: page poison overwritten at pfn 0x[0-9a-f]+ offset 100 \(use after free\)'
qemu_case crash-pagealloc-uaf 512M fail "debug_pagealloc" --stdin 'crash pagealloc-uaf\n' \
	--has 'is a free page \(pfn 0x[0-9a-f]+\) that debug_pagealloc unmapped from the direct map: a use after free' \
	--has 'last freed \(order 0 block at 0x[0-9a-f]+\) by free_pages\+0x[0-9a-f]+/0x[0-9a-f]+, from crash_pagealloc_uaf\+0x' \
	--has 'EIP: 0008:\[<c01[0-9a-f]+>\] crash_pagealloc_uaf\+0x'
qemu_case crash-slab-overflow 64M fail "slab_debug" --stdin 'crash slab-overflow\n' \
	--has 'BUG kmalloc-64: red zone after the object overwritten \(buffer overflow\)' \
	--has 'in the slab at 0x[0-9a-f]+ \(pfn 0x[0-9a-f]+\), cache kmalloc-64' \
	--has 'first bad byte at 0x[0-9a-f]+ \(object offset 64\): 0x78' \
	--has 'last allocated by crash_slab_overflow\+0x' --has 'last freed: never'
qemu_case crash-slab-uaf 64M fail "slab_debug" --stdin 'crash slab-uaf\n' \
	--has 'BUG kmalloc-64: poison overwritten: the object was written after it was freed \(use after free\)' \
	--has '\(object offset 10\): 0x78' --has 'last freed by crash_slab_uaf\+0x'
qemu_case crash-slab-double-free 64M fail "slab_debug" --stdin 'crash slab-double-free\n' \
	--has 'double free by crash_slab_double_free\+0x' \
	--has 'BUG kmalloc-64: object already free \(double free\)' \
	--has 'last freed by crash_slab_double_free\+0x'
qemu_case crash-vfree-twice 64M fail "" --stdin 'crash vfree-twice\n' \
	--has 'vfree\(0x[0-9a-f]+\) from crash_vfree_twice\+0x[0-9a-f]+/0x[0-9a-f]+: the area was already freed \(double free\); allocated by crash_vfree_twice\+0x[0-9a-f]+/0x[0-9a-f]+, freed by crash_vfree_twice\+0x'
qemu_case crash-kmap-atomic-leak 6G fail "" --stdin 'crash kmap-atomic-leak\n' \
	--has 'kmap_atomic slot 0 at 0xff[0-9a-f]+ maps pfn 0x[0-9a-f]+' \
	--has 'kmap leak: thread atomic-leaky \(pid [0-9]+\) exits holding 0 kmap slots and 1 kmap_atomic slots'
qemu_case crash-needs-option 64M pass "" --stdin 'crash slab-overflow\ncrash page-uaf\npoweroff\n' \
	--has 'crash: this needs slab_debug \(boot with slab_debug' \
	--has 'crash: this needs page_poison' --has 'Power off: success'
script_case debug-build tests/boot/debug-build.sh

# Stress runs: threads and the timer interrupt allocating, mapping,
# checking and freeing at random; nothing damaged, nothing lost. With
# fault injection every Nth allocation fails and the callers cope.
STRESS_OK='stress: PASS: no damage, nothing lost'
INJECTED='fault injection: [1-9][0-9]* page and [1-9][0-9]* slab allocations failed on purpose'
qemu_case stress-512M 512M pass "stress=20000 poweroff" --has "$STRESS_OK" --lacks "$NO_WARN"
qemu_case stress-6G 6G pass "stress=20000 poweroff" --has "$STRESS_OK" \
	--has 'HighMem [1-9][0-9]* pages' --lacks "$NO_WARN"
qemu_case stress-61G 61G pass "stress=20000 poweroff" --has "$STRESS_OK" \
	--has 'HighMem [1-9][0-9]* pages' --lacks "$NO_WARN" --timeout 300
qemu_case stress-512M-faults-debug 512M pass \
	"stress=20000 fail_page_alloc=5 failslab=5 page_poison debug_pagealloc slab_debug poweroff" \
	--has "$STRESS_OK" --has "$INJECTED"
qemu_case stress-6G-faults 6G pass "stress=20000 fail_page_alloc=7 failslab=11 poweroff" \
	--has "$STRESS_OK" --has "$INJECTED"
qemu_case stress-61G-faults 61G pass "stress=20000 fail_page_alloc=3 failslab=3 poweroff" \
	--has "$STRESS_OK" --has "$INJECTED" --timeout 300
qemu_case stress-shell 64M pass "" --stdin 'stress 3000\nstress 0\npoweroff\n' \
	--has "$STRESS_OK" --has 'usage: stress \[OPS\]'

# Bad input: mem= beyond RAM, a machine just big enough, and one too
# small, which stops with the reason instead of failing somewhere deep.
qemu_case mem-beyond-ram 512M pass "mem=4G poweroff" \
	--has 'mem=4 GiB is beyond the end of RAM; no effect' --has 'Power off: success'
qemu_case small-machine-6M 6M pass "" --stdin 'meminfo\nstress 2000\npoweroff\n' \
	--has 'MemTotal: +[0-9]+ kB' --has "$STRESS_OK"
qemu_case too-small-machine 6M fail 'memmap=2M$0x400000' \
	--has 'mm: [0-9]+ KiB of usable lowmem, [0-9]+ KiB of it taken by the kernel and boot data' \
	--has 'not enough memory to boot: [0-9]+ KiB free, the kernel needs 4096 KiB \(give the machine more memory, or check mem= and memmap=\)'

# The fuzzers, a fixed number of inputs each from the seed corpus.
script_case fuzz-short tools/fuzz.sh --runs 20000

# 64 MiB of vmalloc on a machine whose free lowmem cannot hold it: most
# of lowmem is reserved with memmap=, the pages come from highmem.
qemu_case vmalloc-lowmem-short 6G pass "memmap=832M\$0x4000000 ktest=vmalloc.* poweroff" \
	--has 'lowmem alone could not hold 64 MiB: 16384 of 16384 pages came from highmem' \
	--has "$KTEST_OK"

# Command-line handling.
qemu_case cmdline-bad 64M pass "mem=banana mem=1K mem=6M frobnicate ktest=cmdline.* poweroff" \
	--has 'mem=banana: not a size' --has 'mem=1K: too small' \
	--has 'mem=6M: too small; the kernel needs at least 8M; option ignored' \
	--has "unknown option 'frobnicate' ignored" --has "$KTEST_OK"
qemu_case cmdline-mem 2G pass "mem=256M memmap=16M\$0x4000000 ktest=all poweroff" \
	--has 'warning: memmap: 1.7 GiB of RAM above mem=256 MiB ignored' \
	--has 'reserving \[mem 0x0000000004000000-0x0000000004ffffff\] \(memmap=\)' \
	--has "$KTEST_OK"

# The same ISO in Bochs.
bochs_case bochs-ktest 512M pass "ktest=all poweroff" --has "$KTEST_OK" \
	--has 'Power off: success'

# GDB on QEMU: a breakpoint on a kernel function by name, a backtrace
# through the higher-half symbols, a variable, then let the kernel finish.
gdb_case gdb-qemu 512M pass "ktest=timer.* poweroff" \
	--stdin 'break kmem_cache_init\ncontinue\nbt\nprint/x max_low_pfn\ninfo registers eip\ndelete\ncontinue\n' \
	--has 'Breakpoint 1, kmem_cache_init \(\) at mm/slab.c:[0-9]+' \
	--has '#1  0xc01[0-9a-f]+ in mem_init \(\) at mm/init.c' \
	--has 'in start_kernel \(magic=' \
	--has '\$1 = 0x1ffe0' --has 'eip +0xc01[0-9a-f]+ +0xc01[0-9a-f]+ <kmem_cache_init' \
	--has 'ktest: 1 passed, 0 failed'

# The GDB helpers (tools/gdb/hmkernel.py) at 6G, where RAM above 4 GiB
# sits past the PCI hole: refusals before mem_init, a kmap_atomic slot
# held, then the kernel stopped just before its shell prints buddyinfo,
# zoneinfo, pkmapinfo and pageinfo, which must match what GDB read
# (tools/check-gdb-helpers.sh); bad pfns and addresses get one line.
gdb_case gdb-helpers 6G pass "kmap.debug ktest=highmem.kmap_and_kmap_atomic_agree" \
	--stdin 'source tests/boot/gdb-helpers.gdb\n' \
	--serial 'buddyinfo\nzoneinfo\npkmapinfo\npageinfo 0x100000\npoweroff\n' \
	--has 'expected error: pfn_to_page: paging is off' \
	--has 'expected error: buddyinfo: mem_map is not set up yet' \
	--has 'expected error: zoneinfo: mem_map is not set up yet' \
	--has 'expected error: kmapinfo: the pkmap pool is not set up yet' \
	--has 'expected error: buddyinfo: mem_map is being set up \(mm_core_init is running\)' \
	--has 'Breakpoint [0-9]+, cmd_buddyinfo ' \
	--has 'pfn 0x100000 phys 0x100000000 struct page at 0x[0-9a-f]+ \(mem_map slot 192, section 0x100\)' \
	--has 'expected error: pfn_to_page: pfn 0xc0000 \(phys 0xc0000000\) has no struct page: section 0xc0 ' \
	--has 'expected error: pfn_to_page: pfn 0x1000000 is beyond the 36-bit physical address space' \
	--has 'expected error: pfn_to_page: no_such_symbol: No symbol "no_such_symbol"' \
	--has 'expected error: pfn_to_page: usage: pfn_to_page PFN' \
	--has 'expected error: page_to_pfn: 0xc0000000 is not in mem_map' \
	--has 'expected error: page_to_pfn: 0x[0-9a-f]+ is 4 bytes into the struct page at 0x' \
	--has 'expected error: \$pfn_to_page: pfn 0xc0000 .* has no struct page' \
	--has 'expected error: \$page_to_pfn: takes one argument, not 2' \
	--has 'expected error: pfn_to_page: pfn -1 is negative' \
	--lacks 'UNEXPECTED SUCCESS|Traceback|Python Exception|Error occurred in Python' \
	--has 'Power off: success' --check tools/check-gdb-helpers.sh

# make bench in its quick form: every benchmark runs (at 1/100 of its
# operations), the CSV, the table and the plot are made and checked.
script_case bench-quick tests/boot/bench-quick.sh

# Bochs' debugger driven from a script: stop at the kmap breakpoint, read
# the registers and translate the address the kernel announced, go on.
bochs_case bochs-debugger 512M pass \
	"bochs.break=kmap ktest=highmem.kmap_and_kmap_atomic_agree poweroff" \
	--debug --stdin 'c\nr\npage 0xffc01000\nc\nc\n' \
	--has 'bochs\.break: kmap: EAX = 0xffc01000 \(pkmap slot 1\)' \
	--has '^\(0\) Magic breakpoint' \
	--has '0008:00000000c01[0-9a-f]+ \(__bochs_break\+[0-9a-f]+\)' \
	--has 'linear page 0x00000000ffc01000 maps to physical page' \
	--has 'ktest: 1 passed, 0 failed' --has 'Power off: success' \
	--check tools/check-bochs-break.sh
