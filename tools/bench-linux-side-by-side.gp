# gnuplot script for make bench-linux (tools/bench_linux.py): both
# kernels side by side, instructions per operation, one pair of bars a
# benchmark, on a log scale. Inputs (set with -e): datadir, which holds
# bars.dat (lines "\"benchmark variant\" this linux"); outfile, the PNG.
# Horizontal bars: the benchmarks' names stay readable at 800 px.
datafile = datadir . '/bars.dat'
stats datafile using 2 nooutput
n = STATS_records
set terminal pngcairo size 800,(140 + 22 * n) font ",9" noenhanced
set output outfile
set title "The same operations on both kernels (qemu -icount shift=0: exact instruction counts)" font ",10"
set xlabel "instructions per operation (log scale)"
set logscale x
set xrange [10:1e7]
set xtics ("10" 10, "100" 100, "1 k" 1e3, "10 k" 1e4, "100 k" 1e5, "1 M" 1e6, "10 M" 1e7)
set yrange [-n + 0.4:0.7]
set ytics scale 0 font ",8"
set grid xtics
set key top right box opaque
set style fill solid 0.85 border -1
set lmargin 27
# Bar i (from the top): this kernel just above the tick, Linux below.
plot datafile using 2:(-$0 + 0.19):(10):2:(-$0 + 0.02):(-$0 + 0.36):ytic(1) \
	with boxxyerror linecolor rgb "#4477aa" title "this kernel", \
     '' using 3:(-$0 - 0.19):(10):3:(-$0 - 0.36):(-$0 - 0.02) \
	with boxxyerror linecolor rgb "#cc6677" title "Linux 6.1 686-pae (Debian)", \
     '' using 2:(-$0 + 0.19):(sprintf("%.0f", $2)) with labels left offset 0.4,0 font ",7" notitle, \
     '' using 3:(-$0 - 0.19):(sprintf("%.0f", $3)) with labels left offset 0.4,0 font ",7" notitle
