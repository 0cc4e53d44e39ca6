# gnuplot script for tools/bench.sh: the ways of mapping a highmem page
# as CPUs grow. Inputs (set with -e): scaling, lines "cpus kmap_local
# kmap_atomic kmap_new_page_wrap kmap_mapped" (instructions per
# operation, qemu -icount); mttcg, lines "cpus kmap_ns kmap_local_ns"
# (multi-threaded TCG); outfile, the PNG to write. 800 px wide: it is
# shown in docs/benchmarks.md at that size.
set terminal pngcairo size 800,820 font ",9" noenhanced
set output outfile
set grid
set logscale x 2
set xtics (1, 2, 4, 8)
set xrange [0.85:9.5]
set xlabel "CPUs (QEMU -smp; log scale)"
set multiplot layout 2,1
set title "Map + unmap of a highmem page as CPUs are added\n(qemu -icount shift=0: instructions of every CPU, per operation)" font ",10"
set ylabel "instructions per map + unmap"
set yrange [0:*]
set key at graph 0.99, graph 0.84 right top box opaque # between the lines
plot scaling using 1:4 with linespoints lw 2 title "kmap + kunmap, new pages (a flush per lap)", \
     '' using 1:5 with linespoints lw 2 title "kmap + kunmap, page already mapped", \
     '' using 1:3 with linespoints lw 2 title "kmap_atomic + kunmap_atomic", \
     '' using 1:2 with linespoints lw 2 title "kmap_local_page + kunmap_local"
set title "A thread per CPU copying 4 KiB into its own highmem pages\n(multi-threaded TCG: emulated time, noisy)" font ",10"
set ylabel "ns per page copied, all threads (log scale)"
set logscale y
set yrange [*:*]
set key inside top left box opaque
set xrange [0.9:4.6]
plot mttcg using 1:2 with linespoints lw 2 title "kmap", \
     '' using 1:3 with linespoints lw 2 title "kmap_local_page"
unset multiplot
