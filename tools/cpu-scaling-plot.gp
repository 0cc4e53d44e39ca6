# gnuplot script for tools/bench.sh: the ways of mapping a highmem page
# as CPUs grow. Inputs (set with -e): scaling, lines "cpus kmap_local
# kmap_atomic kmap_new_page_wrap kmap_mapped" (instructions per
# operation, qemu -icount); mttcg, lines "cpus kmap_ns kmap_local_ns"
# (multi-threaded TCG); outfile, the PNG to write.
set terminal pngcairo size 1100,900 font ",10" noenhanced
set output outfile
set grid
set key top left
set logscale x 2
set xtics (1, 2, 4, 8)
set xrange [0.85:9.5]
set xlabel "CPUs"
set multiplot layout 2,1
set title "Instructions per map + unmap of a highmem page (qemu -icount shift=0, every CPU's instructions)"
set ylabel "instructions"
set yrange [0:*]
plot scaling using 1:4 with linespoints lw 2 title "kmap + kunmap, new pages (a flush per lap)", \
     '' using 1:5 with linespoints lw 2 title "kmap + kunmap, page already mapped", \
     '' using 1:3 with linespoints lw 2 title "kmap_atomic + kunmap_atomic", \
     '' using 1:2 with linespoints lw 2 title "kmap_local_page + kunmap_local"
set title "A thread per CPU copying 4 KiB into highmem pages (multi-threaded TCG, emulated time: noisy)"
set ylabel "ns per page, all threads (log)"
set logscale y
set yrange [*:*]
set xrange [0.9:4.6]
plot mttcg using 1:2 with linespoints lw 2 title "kmap", \
     '' using 1:3 with linespoints lw 2 title "kmap_local_page"
unset multiplot
