#!/usr/bin/env bash
# Interleaved A/B timing of two newsgraph binaries on the Reuters corpus: each round runs `build` and `extract`
# with the old binary, then with the new, so that drifts in this shared machine's speed fall on both alike.
# Prints medians of wall time, CPU (user + system) and peak memory (GNU time). Timing figures only.
#
# usage: scripts/ab_timings.sh ROUNDS OLD_BINARY NEW_BINARY [CORPUS]
# e.g.   git worktree add /tmp/old c9790de && (cd /tmp/old && swift build -c release)
#        scripts/ab_timings.sh 6 /tmp/old/.build/release/newsgraph .build/release/newsgraph
set -euo pipefail
rounds=$1; old=$2; new=$3
corpus=${4:-$(dirname "$0")/../../shared/corpus/reuters21578.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq 1 "$rounds"); do
    for tag in old new; do
        bin=$old; [ "$tag" = new ] && bin=$new
        rm -rf "$work/out"
        /usr/bin/time -f "build $tag %e %U %S %M" -a -o "$work/times" "$bin" build "$corpus" --out "$work/out" >/dev/null 2>&1
        /usr/bin/time -f "extract $tag %e %U %S %M" -a -o "$work/times" "$bin" extract "$corpus" >/dev/null 2>&1
    done
done
python3 - "$work/times" <<'PY'
import statistics as st, sys
rows = [l.split() for l in open(sys.argv[1]) if l.startswith(('build ', 'extract '))]
for kind in ('build', 'extract'):
    for tag in ('old', 'new'):
        rs = [r for r in rows if r[0] == kind and r[1] == tag]
        wall = [float(r[2]) for r in rs]
        cpu = [float(r[3]) + float(r[4]) for r in rs]
        peak = [int(r[5]) / 1024 for r in rs]
        print(f"{kind:8s} {tag}: {len(rs)} runs, wall median {st.median(wall):.2f} s (fastest {min(wall):.2f}), "
              f"CPU median {st.median(cpu):.2f} s, peak median {st.median(peak):.0f} MB")
PY
