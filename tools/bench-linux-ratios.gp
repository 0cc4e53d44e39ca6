# gnuplot script for make bench-linux (tools/bench_linux.py): what a
# highmem page costs on each kernel, the instructions of an operation on
# a highmem page over the same on a lowmem page (copy_page: between two
# highmem pages over between two lowmem pages; user workloads: the
# process's memory in HighMem over in lowmem). Inputs (set with -e):
# datadir, which holds ratios.dat (lines "benchmark this linux");
# outfile, the PNG.
datafile = datadir . '/ratios.dat'
stats datafile using 3 nooutput
n = STATS_records
top = STATS_max
stats datafile using 2 nooutput
top = (STATS_max > top ? STATS_max : top)
set terminal pngcairo size 800,(150 + 30 * n) font ",9" noenhanced
set output outfile
set title "What HighMem costs: instructions on a highmem page / on a lowmem page\n(qemu -icount shift=0; 1.0 = no cost)" font ",10"
set xlabel "highmem / lowmem, instructions (ratio; 1.0: the same)"
set xrange [0.8:top * 1.12]
set yrange [-n + 0.4:0.7]
set ytics scale 0 font ",8"
set grid xtics
set key bottom right box opaque
set style fill solid 0.85 border -1
set lmargin 22
set arrow from 1, graph 0 to 1, graph 1 nohead dashtype 2 linecolor rgb "#333333"
plot datafile using 2:(-$0 + 0.19):(1):2:(-$0 + 0.02):(-$0 + 0.36):ytic(1) \
	with boxxyerror linecolor rgb "#4477aa" title "this kernel", \
     '' using 3:(-$0 - 0.19):(1):3:(-$0 - 0.36):(-$0 - 0.02) \
	with boxxyerror linecolor rgb "#cc6677" title "Linux 6.1 686-pae (Debian)", \
     '' using 2:(-$0 + 0.19):(sprintf("%.2f", $2)) with labels left offset 0.4,0 font ",7" notitle, \
     '' using 3:(-$0 - 0.19):(sprintf("%.2f", $3)) with labels left offset 0.4,0 font ",7" notitle
