#!/usr/bin/env bash
# `make bench`: the shared workloads, 5 runs each with the release build, medians.
#   annual.json                     one cold process            (bench/annual.sh)
#   200 monthly reports             one `huibao batch` process  (bench/monthly.sh)
# Prints median wall time, pages/s and peak RSS; then, if the typst Python package is installed,
# Huibao and Typst run in turn on both workloads (5 pairs each: the ratio within a pair is the
# figure to trust on a machine whose speed drifts); then the peers' figures from ../shared.
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
# Typst on the same workloads, when its Python binding is installed (pip install typst):
# bench/typst/report.typ through bench/typst/bench.py, each Typst run right after a Huibao run.
if python3 -c 'import typst' 2>/dev/null; then
  typst_bench=$here/bench/typst/bench.py
  python3 "$typst_bench" annual "$annual" "$work/typst-annual.pdf"
  python3 "$typst_bench" monthly "$work/monthly-data" "$work/typst-monthly" 2>/dev/null
  echo "Typst $(python3 -c 'import typst; print(typst.__version__)') (Python binding), in turn with Huibao:"
  huibao_annual=("$bin" render "$here/bench/annual/report.md.j2" --data "$annual" -o "$work/annual.pdf")
  typst_annual=(python3 "$typst_bench" annual "$annual" "$work/typst-annual.pdf")
  measure_pair "annual.json ($annual_pages pages; Typst $(pdfinfo "$work/typst-annual.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}'))" \
    huibao_annual typst_annual
  huibao_monthly=("$bin" batch "$here/bench/monthly/report.md.j2" --data "$work/monthly-data/*.json" --out "$work/monthly/{stem}.pdf" --force)
  typst_monthly=(python3 "$typst_bench" monthly "$work/monthly-data" "$work/typst-monthly")
  measure_pair "200 monthly, one process" huibao_monthly typst_monthly
else
  echo "(Typst not measured: pip install typst, and make bench runs it in turn with Huibao)"
fi
echo
echo "Peers (../shared/README.md, same machine kind, medians): Typst 0.15 annual 0.57 s (186 MB),"
echo "200 monthly 6.77 s; ReportLab 0.99 s / 16.9 s; WeasyPrint 3.90 s / 83.2 s."
