#!/usr/bin/env bash
# Times Huibao's paragraph composer against Pango's own justified layout on the body text of
# ../shared/bench/annual.json (same fonts, measure, pitch; release build; 5 runs; medians),
# and runs pdfcheck's justify check on both outputs when the checker is beside the project.
#   bench/composer.sh [ANNUAL.json] [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
json=${1:-../shared/bench/annual.json}
out=${2:-out/bench}
mkdir -p "$out"
swift build -c release --static-swift-stdlib --product composer-bench >/dev/null
bin=.build/release/composer-bench
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for mode in pango huibao; do
  times=()
  for run in 1 2 3 4 5; do
    start=$(date +%s.%N)
    summary=$("$bin" "$mode" "$json" "$out/composer-$mode.pdf")
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  printf '%-7s %s  median %.3f s over 5 runs (%s)\n' "$mode" "$summary" "$med" "${times[*]}"
done
check=../shared/tools/pdfcheck/pdfcheck
if [ -x "$check" ]; then
  for mode in pango huibao; do
    echo "--- pdfcheck $mode"
    "$check" "$out/composer-$mode.pdf" --checks kinsoku,justify,cjk-latin,punct-width,even-spacing \
      --kinsoku-level gb --justify-max-gap 0.5 --strict | grep -E '^\[|RESULT' || true
  done
fi
