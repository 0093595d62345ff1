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
valgrind --tool=callgrind --callgrind-out-file=/tmp/ng-count.callgrind \
    /tmp/ng-count-bin.d/newsgraph "$1" /tmp/ng-count-input.jsonl "${@:2}" 2>&1 >/dev/null | grep -E "Collected"
callgrind_annotate /tmp/ng-count.callgrind 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,27p' | cut -c1-160
