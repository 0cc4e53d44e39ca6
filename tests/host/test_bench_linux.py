# SPDX-License-Identifier: MIT
"""make bench-linux's host side, without booting Linux: the parser,
tables and plots of tools/bench_linux.py on the sample logs in
tests/bench-linux/sample/ (cut from a real run), the user programs and
the stub image it boots, and the module built against Debian's headers
(skipped when the Debian packages cannot be downloaded). A full run of
make bench-linux takes some ten minutes: too long for make test."""
import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
SAMPLE = TOP / "tests/bench-linux/sample"
sys.path.insert(0, str(TOP / "tools"))

import bench_linux  # noqa: E402


@pytest.fixture
def measured():
    return {(r["kernel"], r["benchmark"], r["variant"]): r
            for r in bench_linux.measure(SAMPLE, 1, "6.1.0-57-686-pae")}


@pytest.fixture
def results():
    rows = bench_linux.this_rows(
        bench_linux.read_csv(SAMPLE / "this-results.csv"), 1)
    return bench_linux.Results(
        rows + bench_linux.measure(SAMPLE, 1, "6.1.0-57-686-pae"))


def test_bench_lines_with_and_without_printk_time():
    text = ("[    1.806018] bench: kmap_atomic,highmem,20000,254.00,254.00,"
            ",,0.0000\r\nbench: user_exec,highmem,2,219523.00,219515.00,,,\n"
            "bench: kmap_atomic/highmem: skipped (no HighMem)\n"
            "[    1.0] bench: running 'all' on 1 CPUs\n")
    assert bench_linux.bench_lines(text) == [
        ("kmap_atomic", "highmem", "20000", "254.00", "254.00", "", "",
         "0.0000"),
        ("user_exec", "highmem", "2", "219523.00", "219515.00", "", "", "")]


def test_linux_rows_come_from_every_boot(measured):
    kmap = measured[("linux", "kmap_atomic", "highmem")]
    assert kmap["instructions_per_op"] == "254.00"
    assert kmap["ns_per_op"] == "5253.00"  # the median of the TCG runs
    assert kmap["cpus"] == "1" and kmap["invlpg_per_op"] == ""
    assert measured[("linux", "user_zero_fault", "lowmem")][
        "instructions_per_op"] == "5035.69"
    assert measured[("linux", "user_zero_fault", "highmem_lowpte")][
        "instructions_per_op"] == "5192.64"
    assert measured[("linux", "kernel_version", "6.1.0-57-686-pae")]


def test_boot_rows(measured):
    def value(kernel, what, size="1G"):
        return int(measured[(kernel, what, size)]["instructions_per_op"])

    # Linux: TSC at init less the stub's; the kernel's own part from the
    # printk time of "Run /bin/tscinit" at 999.998 MHz.
    assert value("linux", "boot_from_loader") == 3256673834 - 0x221263b
    assert value("linux", "boot_firmware") == 0x221263b
    assert value("linux", "boot_to_init") == round(0.963369 * 999.998e6)
    assert value("linux", "lowfree_kB", "61G") == 168400
    assert value("linux", "boot_idle_ms") == 20
    # This kernel: from start_kernel, whose TSC is M - N of its Boot: line.
    assert value("this", "boot_to_init") == 386952695 - (212478779 - 15222736)
    assert value("this", "boot_from_loader") == value("this", "boot_to_init")
    assert value("this", "boot_idle_ms") == 0


def test_this_kernel_rows_at_linux_cpu_count(results):
    # Instructions from the one-CPU rows, ns from the SMP ones, no boot rows.
    row = results.by_key[("this", "user_exec", "highmem")]
    assert row["instructions_per_op"] == "85130.00"
    assert row["ns_per_op"] == "4354736.95"
    assert ("this", "boot_to_shell", "1G") not in results.by_key
    assert results.get("this", "kmap_atomic", "highmem") == 72


def test_ratios_and_tables(results):
    assert bench_linux.ratio(results, "linux", "kmap_atomic",
                             "highmem") == pytest.approx(254 / 71)
    assert bench_linux.ratio(results, "this", "copy_page",
                             "high_to_high") == pytest.approx(1227 / 1124)
    assert bench_linux.ratio(results, "this", "kmap_atomic", "lowmem") is None
    text = bench_linux.side_by_side_text(results)
    assert "1 CPU running; Linux 6.1.0-57-686-pae" in text
    line = next(ln for ln in text.split("\n")
                if ln.startswith("kmap_atomic            highmem"))
    assert line.split() == ["kmap_atomic", "highmem", "72.00", "254.00",
                            "3.53", "1.800", "3.577"]
    boot = bench_linux.boot_text(results).split("\n")
    assert [ln.split()[0] for ln in boot[2:]] == ["1G", "61G"]
    assert "168400 kB" in boot[3]


def test_plots(results, tmp_path):
    if not shutil.which("gnuplot"):
        pytest.skip("no gnuplot (make deps installs it)")
    bench_linux.write_plot_data(results, tmp_path)
    bars = (tmp_path / "bars.dat").read_text()
    assert '"kmap_atomic highmem" 72.0 254.0' in bars
    assert (tmp_path / "ratios.dat").read_text().count("\n") == 1 + 5
    assert (tmp_path / "boot.dat").read_text().split("\n")[1].startswith("1 ")
    bench_linux.plot(tmp_path, tmp_path)
    for name in bench_linux.PLOTS:
        png = (tmp_path / f"linux-{name}.png").read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 10000, name


def test_command_line(tmp_path):
    logs = tmp_path / "linux"
    shutil.copytree(SAMPLE, logs)
    tool = [sys.executable, str(TOP / "tools/bench_linux.py")]
    subprocess.run(tool + ["measure", str(logs), "--linux-cpus", "1"],
                   check=True)
    subprocess.run(tool + ["combine", str(logs / "this-results.csv"),
                           str(logs / "results.csv"), str(tmp_path)],
                   check=True)
    with open(tmp_path / "compare.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == bench_linux.FIELDS
    assert {r["kernel"] for r in rows} == {"this", "linux"}
    assert "Boot (" in (tmp_path / "compare.txt").read_text()
    missing = subprocess.run(tool + ["measure", str(tmp_path / "nowhere")],
                             capture_output=True, text=True)
    assert missing.returncode != 0 and "bench_linux:" in missing.stderr


def test_committed_results_use_this_kernels_names():
    """The side by side in docs/ names what make bench names."""
    committed = TOP / "docs/bench-linux-results.csv"
    if not committed.exists():
        pytest.skip("no committed side by side (make docs-bench-linux)")
    ours = {(r["benchmark"], r["variant"]) for r in
            bench_linux.read_csv(TOP / "docs/bench-results.csv")}
    linux = [(r["benchmark"], r["variant"]) for r in
             bench_linux.read_csv(committed)
             if r["kernel"] == "linux" and r["benchmark"] not in
             bench_linux.BOOT_ROWS + ("kernel_version",)]
    assert linux and not [k for k in linux if k not in ours]


def test_stub_image(tmp_path):
    """The boot-protocol header QEMU's loader reads, and, if this tree is
    built, a boot of the stub: the firmware's count, then success."""
    image = tmp_path / "stub"
    subprocess.run(["nasm", "-f", "bin", "-o", str(image),
                    str(TOP / "tests/bench-linux/stub-bzimage.asm")],
                   check=True)
    data = image.read_bytes()
    assert data[0x202:0x206] == b"HdrS" and data[0x1fe:0x200] == b"\x55\xaa"
    assert len(data) == (data[0x1f1] + 1) * 512 + 512
    iso = TOP / "build/kernel.iso"
    if not iso.exists():
        pytest.skip("no build/kernel.iso for the CD drive (run make)")
    run = subprocess.run(
        [str(TOP / "tools/qemu-run.sh"), str(iso), "64M", "-icount",
         "shift=0", "-kernel", str(image), "-initrd",
         str(SAMPLE / "boot-stub-1G.log"), "-append", "console=ttyS0"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
        env={"QEMU_TIMEOUT": "60", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert int(run.stdout.split("stub: tsc ")[1].split()[0], 16) > 1000000


@pytest.mark.parametrize("program", ["tscinit", "ubench-run"])
def test_user_programs_build(program, tmp_path):
    if not shutil.which("i386-linux-musl-gcc"):
        pytest.skip("no i386-linux-musl-gcc (make deps installs it)")
    entry = ["-Wl,-e,tsc_start"] if program == "tscinit" else []
    binary = tmp_path / program
    subprocess.run(["i386-linux-musl-gcc", "-static", "-O2", "-std=gnu11",
                    "-Wall", "-Wextra", "-Werror", *entry,
                    str(TOP / f"tests/bench-linux/{program}.c"), "-o",
                    str(binary)], check=True)
    if program == "tscinit":
        # Not PID 1: it reports, runs the program, exits with its status.
        run = subprocess.run([str(binary), "/bin/false"], capture_output=True,
                             text=True, timeout=30)
        assert run.returncode == 1
        assert "tscinit: tsc " in run.stdout and "MemTotal:" in run.stdout


@pytest.mark.slow
def test_module_builds_against_debians_headers(tmp_path):
    """tools/fetch-linux.sh and the module build of tools/bench-linux.sh."""
    linux = TOP / "build/linux"
    fetch = subprocess.run([str(TOP / "tools/fetch-linux.sh"), str(linux)],
                           capture_output=True, text=True, timeout=600)
    if fetch.returncode:
        pytest.skip("cannot download Debian's Linux packages: " +
                    fetch.stderr.strip().split("\n")[-1])
    env = dict(line.split("=", 1) for line in
               (linux / "linux.env").read_text().split())
    for name in ("Kbuild", "hmbench.c"):
        shutil.copy(TOP / "tests/bench-linux" / name, tmp_path)
    build = subprocess.run(["make", "-s", "-C",
                            str(linux / env["LINUX_HEADERS"]),
                            f"M={tmp_path}", "modules"],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stdout + build.stderr
    assert (tmp_path / "hmbench.ko").read_bytes()[:4] == b"\x7fELF"
