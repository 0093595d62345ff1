#!/usr/bin/env bash
# Counts the instructions one newsgraph command executes, with callgrind: deterministic where wall-clock time
# on a shared 2-core machine varies by ±10-20% from run to run, so a change worth a few percent can be shown.
#
# usage: scripts/count_instructions.sh [N] [command...]
#   N        first N Reuters articles (default 2000)
#   command  newsgraph arguments after the input (default: extract)
# e.g. scripts/count_instructions.sh 2000 extract
#      scripts/count_instructions.sh 2000 build --out /tmp/ng-count
# Prints the total and the 25 costliest functions (exclusive); the full profile stays in /tmp/ng-count.callgrind.
# With SIMULATE=1 callgrind also simulates the caches and the branch predictor (about twice as slow) and prints
# an estimate of cycles: instructions, + 10 per L1 miss, + 100 per last-level miss, + 15 per mispredicted branch
# (KCachegrind's weights, with mispredicts added). Fewer instructions stopped meaning less time once the
# per-token table tests' mispredicts were a sixth of the estimate (docs/scale.md, seventeenth session).
# Needs valgrind (apt-get install -y valgrind). Timing figures only: nothing here asserts.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
shift || true
[ $# -gt 0 ] || set -- extract
command -v valgrind >/dev/null || { echo "valgrind is not installed: apt-get install -y valgrind" >&2; exit 2; }
swift build -c release --static-swift-stdlib --product newsgraph >/dev/null  # as scripts/run-seeds.sh builds it
# valgrind cannot read Swift's DWARF; a copy without debug sections keeps the symbols it needs. It sits alone
# in its folder: Foundation lists the executable's folder at start (Bundle.main), and /tmp's listing grows.
mkdir -p /tmp/ng-count-bin.d
strip -g -o /tmp/ng-count-bin.d/newsgraph .build/release/newsgraph
ln -sf /tmp/ng-count-bin.d/newsgraph /tmp/ng-count-bin
head -n "$n" ../shared/corpus/reuters21578.jsonl > /tmp/ng-count-input.jsonl
simulate=()
[ "${SIMULATE:-0}" = 1 ] && simulate=(--cache-sim=yes --branch-sim=yes)
valgrind --tool=callgrind "${simulate[@]}" --callgrind-out-file=/tmp/ng-count.callgrind \
    /tmp/ng-count-bin.d/newsgraph "$1" /tmp/ng-count-input.jsonl "${@:2}" 2>&1 >/dev/null | grep -E "Collected"
if [ "${SIMULATE:-0}" = 1 ]; then
    python3 - /tmp/ng-count.callgrind <<'PY'
import sys
events = totals = None
for line in open(sys.argv[1]):
    if line.startswith('events:'):
        events = line.split()[1:]
    elif line.startswith(('summary:', 'totals:')):
        totals = dict(zip(events, map(int, line.split()[1:])))
t = totals
l1 = t['I1mr'] + t['D1mr'] + t['D1mw']
ll = t['ILmr'] + t['DLmr'] + t['DLmw']
mispredicts = t['Bcm'] + t['Bim']
estimate = t['Ir'] + 10 * l1 + 100 * ll + 15 * mispredicts
print(f"instructions {t['Ir'] / 1e6:,.1f} M; L1 misses {l1 / 1e6:,.2f} M (instructions {t['I1mr'] / 1e6:,.2f} M); "
      f"last-level misses {ll / 1e6:,.2f} M; mispredicted branches {mispredicts / 1e6:,.2f} M; "
      f"estimated cycles {estimate / 1e6:,.1f} M")
PY
fi
callgrind_annotate /tmp/ng-count.callgrind 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,27p' | cut -c1-160
