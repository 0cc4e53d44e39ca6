# gnuplot script for tools/bench.sh: lowmem and highmem side by side.
# Inputs (set with -e): datafile, lines "name lo_instr hi_instr lo_ns hi_ns";
# outfile, the PNG to write.
set terminal pngcairo size 1300,900 font ",10" noenhanced
set output outfile
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set logscale y
set xtics rotate by -30 scale 0 font ",9"
set grid ytics
set key top left
set multiplot layout 2,1
set title "Instructions per operation (qemu -icount shift=0: exact)"
set ylabel "instructions (log)"
plot datafile using 2:xtic(1) title "lowmem" linecolor rgb "#4477aa", \
     '' using 3 title "highmem" linecolor rgb "#cc6677"
set title "Emulated time per operation (plain TCG, median of runs: noisy)"
set ylabel "ns (log)"
plot datafile using 4:xtic(1) title "lowmem" linecolor rgb "#4477aa", \
     '' using 5 title "highmem" linecolor rgb "#cc6677"
unset multiplot
