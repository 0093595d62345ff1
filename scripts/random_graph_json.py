#!/usr/bin/env python3
"""Emit a random power-law-ish graph.json (Chung-Lu model) for checking graph analytics against networkx.

    python3 scripts/random_graph_json.py --nodes 20000 --edges 100000 --seed 1 > /tmp/g.json

Endpoints are drawn with probability proportional to (i + 1) ** (-1 / (gamma - 1)), which yields hubs, many
low-degree nodes, some isolated nodes and small side components. Weights are geometric integers (mostly 1).
"""
import argparse
import json
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=20000)
    ap.add_argument("--edges", type=int, default=100000)
    ap.add_argument("--gamma", type=float, default=2.5, help="power-law exponent of the expected degrees")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="-")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    n = args.nodes
    expected = [(i + 1) ** (-1.0 / (args.gamma - 1)) for i in range(n)]
    cumulative = []
    total = 0.0
    for e in expected:
        total += e
        cumulative.append(total)
    maximum = n * (n - 1) // 2
    target = min(args.edges, maximum)
    pairs = {}
    while len(pairs) < target:
        batch = rng.choices(range(n), cum_weights=cumulative, k=2 * (target - len(pairs)) + 16)
        for a, b in zip(batch[::2], batch[1::2]):
            if a == b:
                continue
            key = (a, b) if a < b else (b, a)
            if key in pairs:
                continue
            w = 1
            while rng.random() < 0.35:
                w += 1
            pairs[key] = w
            if len(pairs) == target:
                break
    # Shuffle node ids so that index order carries no hint of degree.
    ids = [f"a{i:06d}" for i in range(n)]
    rng.shuffle(ids)
    graph = {
        "actors": [{"id": ids[i], "name": ids[i], "type": "person"} for i in range(n)],
        "edges": [{"source": ids[a], "target": ids[b], "weight": w} for (a, b), w in pairs.items()],
    }
    out = sys.stdout if args.out == "-" else open(args.out, "w")
    json.dump(graph, out)
    out.write("\n")


if __name__ == "__main__":
    main()
