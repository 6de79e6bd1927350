#!/usr/bin/env bash
# Renders every JSON in DATADIR (as written by ../shared/bench/make_monthly.py) with one
# `huibao batch` of the release build and bench/monthly/report.md.j2.
#   bench/monthly.sh DATADIR OUTDIR [--force]
# Prints the batch summary and the wall time and peak RSS of the whole run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${1:?usage: bench/monthly.sh DATADIR OUTDIR}
out=${2:?usage: bench/monthly.sh DATADIR OUTDIR}
shift 2
export PATH=/opt/swift/usr/bin:$PATH
bin=$here/.build/release/huibao
if [ ! -x "$bin" ] || [ -n "$(find "$here/Sources" -newer "$bin" -name '*.swift' -print -quit)" ]; then
  (cd "$here" && swift build -c release --static-swift-stdlib --product huibao >/dev/null)
fi
mkdir -p "$out"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$bin" batch "$here/bench/monthly/report.md.j2" \
  --data "$data/*.json" --out "$out/{stem}.pdf" "$@" | tail -n 1
