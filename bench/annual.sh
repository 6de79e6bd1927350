#!/usr/bin/env bash
# Renders the shared annual-report workload (../shared/bench/annual.json) with the release
# build of huibao and bench/annual/report.md.j2, building huibao first if needed.
#   bench/annual.sh OUT.pdf [ANNUAL.json]
# Prints the wall time of the render (one cold process) and its peak RSS.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: bench/annual.sh OUT.pdf [ANNUAL.json]}
json=${2:-$here/../shared/bench/annual.json}
export PATH=/opt/swift/usr/bin:$PATH
bin=$here/.build/release/huibao
if [ ! -x "$bin" ] || [ -n "$(find "$here/Sources" -newer "$bin" -name '*.swift' -print -quit)" ]; then
  (cd "$here" && swift build -c release --static-swift-stdlib --product huibao >/dev/null)
fi
mkdir -p "$(dirname "$out")"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$bin" render "$here/bench/annual/report.md.j2" --data "$json" -o "$out"
