#!/usr/bin/env python3
"""Query latency on a built store: each `newsgraph query` / `timeline` command run as a user runs it
(process start included), best and median of N runs, in milliseconds. Timing only: nothing is asserted.

usage: scripts/bench_queries.py [--store Output/newsgraph.sqlite] [--bin .build/release/newsgraph] [--runs 5]
Build the Reuters store first:  .build/release/newsgraph build ../shared/corpus/reuters21578.jsonl --out /tmp/reuters
"""
import argparse, json, os, statistics, subprocess, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--store', default=os.path.join(ROOT, 'Output', 'newsgraph.sqlite'))
    ap.add_argument('--bin', default=os.path.join(ROOT, '.build', 'release', 'newsgraph'))
    ap.add_argument('--runs', type=int, default=5)
    a = ap.parse_args()
    top = json.loads(subprocess.run([a.bin, 'query', 'actors', '--top', '400', '--by', 'degree', '--json', '--store', a.store],
                                    capture_output=True, check=True).stdout)
    hub, second, rare = top[0]['id'], top[1]['id'], top[-1]['id']
    queries = [
        ['query', 'actors', '--top', '20', '--by', 'pagerank'],
        ['query', 'actors', '--top', '20', '--by', 'betweenness'],
        ['query', 'neighbors', hub],
        ['query', 'neighbors', hub, '--json'],
        ['query', 'neighbors', rare],
        ['query', 'path', rare, second],
        ['query', 'edge', hub, second],
        ['query', 'edge', hub, second, '--json'],
        ['query', 'path', rare, top[len(top) // 2]['id']],
        ['query', 'events', '--actor', hub, '--limit', '50'],
        ['query', 'events', '--actor', hub, '--with', second],
        ['query', 'events', '--type', '04', '--from', '1987-03', '--to', '1987-03', '--limit', '100'],
        ['query', 'events'],
        ['query', 'communities'],
        ['timeline'],
        ['timeline', '--actor', second, '--from', '1987-04', '--to', '1987-04'],
    ]
    print(f'store {a.store}: {a.runs} runs per query, process start included')
    print(f'{"query":70} {"best ms":>8} {"median ms":>9}')
    for q in queries:
        times = []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            r = subprocess.run([a.bin] + q + ['--store', a.store], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            times.append((time.perf_counter() - t0) * 1000)
            if r.returncode != 0:
                print('failed:', ' '.join(q), r.stderr.decode()[:200])
                break
        print(f'{" ".join(q)[:70]:70} {min(times):8.1f} {statistics.median(times):9.1f}')


if __name__ == '__main__':
    main()
