# gnuplot script for make bench-linux (tools/bench_linux.py): boot cost
# and the lowmem left free against the RAM size, both kernels. Inputs
# (set with -e): datadir, which holds boot.dat (lines "GiB this linux
# linux_from_loader lowfree_MiB_this lowfree_MiB_linux", instructions in
# millions); outfile, the PNG.
datafile = datadir . '/boot.dat'
set terminal pngcairo size 800,760 font ",9" noenhanced
set output outfile
set logscale x
set xtics (1, 2, 4, 6, 8, 16, 32, 61)
set xrange [0.8:80]
set xlabel "RAM (GiB, log scale)"
set grid
set key top left box opaque
set multiplot layout 2,1
set title "Boot: instructions to init's first instruction (qemu -icount shift=0)" font ",10"
set ylabel "millions of instructions (log scale)"
set logscale y
plot datafile using 1:2 with linespoints lw 2 pt 7 linecolor rgb "#4477aa" title "this kernel, from start_kernel", \
     '' using 1:3 with linespoints lw 2 pt 5 linecolor rgb "#cc6677" title "Linux, from its clock's start in setup_arch", \
     '' using 1:4 with linespoints lw 2 pt 4 dashtype 2 linecolor rgb "#cc6677" title "Linux, from the loader (real-mode setup, XZ decompression)"
set title "Lowmem left free at init (LowFree, /proc/meminfo)" font ",10"
set ylabel "LowFree (MiB)"
unset logscale y
set yrange [0:*]
set key bottom left box opaque
plot datafile using 1:5 with linespoints lw 2 pt 7 linecolor rgb "#4477aa" title "this kernel", \
     '' using 1:6 with linespoints lw 2 pt 5 linecolor rgb "#cc6677" title "Linux 6.1 686-pae"
unset multiplot
