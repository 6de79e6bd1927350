#!/usr/bin/env bash
# `make bench`: the shared workloads, 5 runs each with the release build, medians.
#   annual.json                     one cold process            (bench/annual.sh)
#   200 monthly reports             one `huibao batch` process  (bench/monthly.sh)
# Prints median wall time, pages/s and peak RSS, then Typst's on the same workloads in the same
# run (bench/typst.sh, if the typst Python package is installed), then the peers' figures from ../shared.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$here/../shared/bench
export PATH=/opt/swift/usr/bin:$PATH
work=$here/out/bench
mkdir -p "$work"
(cd "$here" && swift build -c release --static-swift-stdlib --product huibao >/dev/null)
if [ ! -d "$work/monthly-data" ]; then
  [ -f "$shared/make_monthly.py" ] || { echo "bench: needs ../shared/bench (make_monthly.py, annual.json)" >&2; exit 1; }
  python3 "$shared/make_monthly.py" "$work/monthly-data" -n 200 >/dev/null
fi
annual=$shared/annual.json
[ -f "$annual" ] || annual=$here/Tests/Fixtures/bench/annual.json

. "$here/bench/measure.sh"

bin=$here/.build/release/huibao
annual_pages=$("$bin" render "$here/bench/annual/report.md.j2" --data "$annual" -o "$work/annual.pdf" | sed 's/.*(\([0-9]*\) pages)/\1/')
measure "annual.json ($annual_pages pages)" "$annual_pages" \
  "$bin" render "$here/bench/annual/report.md.j2" --data "$annual" -o "$work/annual.pdf"
monthly_pages=$("$bin" batch "$here/bench/monthly/report.md.j2" --data "$work/monthly-data/*.json" \
  --out "$work/monthly/{stem}.pdf" --force | tail -n 1 | sed 's/.* \([0-9]*\) pages in.*/\1/')
measure "200 monthly ($monthly_pages pages, one batch)" "$monthly_pages" \
  "$bin" batch "$here/bench/monthly/report.md.j2" --data "$work/monthly-data/*.json" --out "$work/monthly/{stem}.pdf" --force
echo
# Typst in the same run on the same machine, when its Python binding is installed
# (pip install typst): bench/typst.sh with bench/typst/report.typ.
if python3 -c 'import typst' 2>/dev/null; then
  "$here/bench/typst.sh"
else
  echo "(Typst not measured here: pip install typst, then make bench measures it in the same run)"
fi
echo
echo "Peers (../shared/README.md, same machine kind, medians): Typst 0.15 annual 0.57 s (186 MB),"
echo "200 monthly 6.77 s; ReportLab 0.99 s / 16.9 s; WeasyPrint 3.90 s / 83.2 s."
