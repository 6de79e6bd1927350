# Sourced by bench/run.sh and bench/typst.sh: `measure LABEL PAGES COMMAND…` runs the command 5
# times under /usr/bin/time and prints the median wall time, pages/s and the median peak RSS,
# then every run's wall time and peak RSS. The command's own output is discarded.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure_timing=$(mktemp)
trap 'rm -f "$measure_timing"' EXIT
measure() {
  local label=$1 pages=$2; shift 2
  local walls=() rss=() line
  for run in 1 2 3 4 5; do
    /usr/bin/time -o "$measure_timing" -f "TIME %e %M" "$@" >/dev/null 2>&1
    line=$(grep '^TIME' "$measure_timing")
    walls+=("$(echo "$line" | cut -d' ' -f2)")
    rss+=("$(echo "$line" | cut -d' ' -f3)")
  done
  local wall mem
  wall=$(printf '%s\n' "${walls[@]}" | median)
  mem=$(printf '%s\n' "${rss[@]}" | median)
  printf '%-34s median %6.2f s  %6.0f pages/s  peak RSS %4.0f MB   (runs: %s)\n' "$label" "$wall" \
    "$(echo "$pages / $wall" | bc -l)" "$(echo "$mem / 1024" | bc -l)" "${walls[*]}"
  printf '%-34s peak RSS runs (KB): %s\n' "" "${rss[*]}"
}

# `measure_pair LABEL A B`: the commands held in the arrays named A and B, run in turn five
# times (A B A B …) so that both meet the machine as it is at that moment (its speed drifts by
# 20 % and more within minutes here); prints the medians of each and the median of the five
# ratios A/B, then every run.
measure_pair() {
  local label=$1
  local -n first=$2 second=$3
  local wa=() wb=() ma=() mb=() ratios=()
  for run in 1 2 3 4 5; do
    /usr/bin/time -o "$measure_timing" -f "%e %M" "${first[@]}" >/dev/null 2>&1
    read -r w m < "$measure_timing"; wa+=("$w"); ma+=("$m")
    /usr/bin/time -o "$measure_timing" -f "%e %M" "${second[@]}" >/dev/null 2>&1
    read -r w m < "$measure_timing"; wb+=("$w"); mb+=("$m")
    ratios+=("$(echo "${wa[-1]} / ${wb[-1]}" | bc -l)")
  done
  printf '%s: Huibao %.2f s, %.0f MB | Typst %.2f s, %.0f MB | Huibao/Typst %.2f (median of 5 pairs)\n' "$label" \
    "$(printf '%s\n' "${wa[@]}" | median)" "$(echo "$(printf '%s\n' "${ma[@]}" | median) / 1024" | bc -l)" \
    "$(printf '%s\n' "${wb[@]}" | median)" "$(echo "$(printf '%s\n' "${mb[@]}" | median) / 1024" | bc -l)" \
    "$(printf '%s\n' "${ratios[@]}" | median)"
  printf '    Huibao runs: %s   Typst runs: %s\n' "${wa[*]}" "${wb[*]}"
}
