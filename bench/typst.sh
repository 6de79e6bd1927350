#!/usr/bin/env bash
# Typst 0.15 (Python binding) on the shared workloads, on this machine and in this run, so that
# its figures sit next to Huibao's from bench/run.sh rather than next to ../shared's old ones.
#   bench/typst.sh                              both workloads, default data and outputs
#   bench/typst.sh annual [ANNUAL.json [OUT.pdf]]
#   bench/typst.sh monthly DATADIR OUTDIR        DATADIR/*.json, one process
# 5 runs each under /usr/bin/time; prints median wall time, pages/s and median peak RSS in the
# format of bench/run.sh, then the raw runs. Template: bench/typst/report.typ; driver: bench.py.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$here/../shared/bench
py=${PYTHON:-python3}
bench=$here/bench/typst/bench.py
work=$here/out/bench/typst

. "$here/bench/measure.sh"
pdfpages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

annual() {  # ANNUAL.json OUT.pdf
  local json=$1 out=$2
  mkdir -p "$(dirname "$out")"
  "$py" "$bench" annual "$json" "$out"          # warm-up run, and the page count
  local pages; pages=$(pdfpages "$out")
  measure "Typst annual.json ($pages pages)" "$pages" "$py" "$bench" annual "$json" "$out"
}
monthly() {  # DATADIR OUTDIR
  local data=$1 out=$2
  local n; n=$(ls "$data"/*.json | wc -l)
  "$py" "$bench" monthly "$data" "$out" 2>/dev/null
  local pages=0 f
  for f in "$out"/*.pdf; do pages=$((pages + $(pdfpages "$f"))); done
  measure "Typst $n monthly ($pages pages, one process)" "$pages" "$py" "$bench" monthly "$data" "$out"
}

"$py" -c 'import typst; print("typst", typst.__version__, "(Python binding)")'
case ${1:-all} in
  annual)  annual "${2:-$shared/annual.json}" "${3:-$work/annual.pdf}" ;;
  monthly) monthly "${2:?usage: bench/typst.sh monthly DATADIR OUTDIR}" "${3:?usage: bench/typst.sh monthly DATADIR OUTDIR}" ;;
  all)
    if [ ! -d "$here/out/bench/monthly-data" ]; then
      python3 "$shared/make_monthly.py" "$here/out/bench/monthly-data" -n 200 >/dev/null
    fi
    annual "$shared/annual.json" "$work/annual.pdf"
    monthly "$here/out/bench/monthly-data" "$work/monthly" ;;
  *) echo "usage: bench/typst.sh [annual [ANNUAL.json [OUT.pdf]] | monthly DATADIR OUTDIR]" >&2; exit 2 ;;
esac
