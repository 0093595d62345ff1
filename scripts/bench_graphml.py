#!/usr/bin/env python3
"""GraphML writing speed: NewsGraph's GraphMLWriter (libxml2 xmlTextWriter, streamed) vs python-igraph.

Both sides write a random graph of the same size with the same attribute set (15 node attributes: label,
actor_id, kind, type, mentions, documents, first, last, degree, weighted_degree, pagerank, betweenness,
component, community; 6 edge attributes: weight, documents, association, first, last, evidence_count).
The Swift side is the `graphml-bench` executable (Sources/graphml-bench), which builds its graph with a fixed
seed and times only `GraphMLWriter.write`; here only `Graph.write_graphml` is timed. Graph generation is
excluded on both sides. Prints wall and CPU times (CPU time stays meaningful when other jobs share the
machine), file sizes and the ratios.

    swift build -c release --product graphml-bench
    python3 scripts/bench_graphml.py [--nodes 100000] [--edges 1000000] [--bin .build/release/graphml-bench]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time


def igraph_graph(nodes, edges, seed):
    import igraph as ig

    rng = random.Random(seed)
    g = ig.Graph(n=nodes)
    pairs = []
    for _ in range(edges):
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if a == b:
            b = (b + 1) % nodes
        pairs.append((min(a, b), max(a, b)))
    g.add_edges(pairs)

    def date():
        return "2024-%02d-%02d" % (rng.randrange(12) + 1, rng.randrange(28) + 1)

    types = ["person", "country", "organization", "location", "other"]
    g.vs["label"] = ["Actor %d" % i for i in range(nodes)]
    g.vs["actor_id"] = ["actor:%d" % i for i in range(nodes)]
    g.vs["kind"] = ["actor"] * nodes
    g.vs["type"] = [types[rng.randrange(5)] for _ in range(nodes)]
    g.vs["mentions"] = [rng.randrange(1000) for _ in range(nodes)]
    g.vs["documents"] = [rng.randrange(100) for _ in range(nodes)]
    g.vs["first"] = [date() for _ in range(nodes)]
    g.vs["last"] = [date() for _ in range(nodes)]
    g.vs["degree"] = [rng.randrange(50) for _ in range(nodes)]
    g.vs["weighted_degree"] = [float(rng.randrange(500)) for _ in range(nodes)]
    g.vs["pagerank"] = [rng.random() / nodes for _ in range(nodes)]
    g.vs["betweenness"] = [rng.random() * 0.01 for _ in range(nodes)]
    g.vs["component"] = [rng.randrange(10) for _ in range(nodes)]
    g.vs["community"] = [rng.randrange(200) for _ in range(nodes)]
    g.es["weight"] = [float(rng.randrange(20) + 1) for _ in range(edges)]
    g.es["documents"] = [rng.randrange(10) + 1 for _ in range(edges)]
    g.es["association"] = [rng.random() * 2 - 1 for _ in range(edges)]
    g.es["first"] = [date() for _ in range(edges)]
    g.es["last"] = [date() for _ in range(edges)]
    g.es["evidence_count"] = [0] * edges
    return g


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "graphml-bench"))
    parser.add_argument("--runs", type=int, default=1, help="repeat each writer and keep the best time")
    args = parser.parse_args()

    if not os.path.exists(args.bin):
        sys.exit("missing %s: run `swift build -c release --product graphml-bench` first" % args.bin)

    folder = tempfile.mkdtemp(prefix="bench-graphml-")
    swift_path = os.path.join(folder, "newsgraph.graphml")
    igraph_path = os.path.join(folder, "igraph.graphml")

    swift_times, swift_cpu = [], []
    for _ in range(args.runs):
        out = subprocess.run([args.bin, str(args.nodes), str(args.edges), swift_path],
                             check=True, capture_output=True, text=True).stdout
        swift_times.append(json.loads(out)["seconds"])
        swift_cpu.append(json.loads(out)["cpu_seconds"])
    swift_seconds, swift_cpu_seconds = min(swift_times), min(swift_cpu)

    print("building the igraph graph (%d nodes, %d edges) ..." % (args.nodes, args.edges), file=sys.stderr)
    g = igraph_graph(args.nodes, args.edges, 20240305)
    igraph_times, igraph_cpu = [], []
    for _ in range(args.runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        g.write_graphml(igraph_path)
        igraph_times.append(time.perf_counter() - start)
        igraph_cpu.append(time.process_time() - cpu_start)
    igraph_seconds, igraph_cpu_seconds = min(igraph_times), min(igraph_cpu)

    swift_mb = os.path.getsize(swift_path) / 1e6
    igraph_mb = os.path.getsize(igraph_path) / 1e6
    print("graph: %d nodes, %d edges" % (args.nodes, args.edges))
    print("NewsGraph GraphMLWriter: %.2f s wall, %.2f s CPU  (%.0f MB)" % (swift_seconds, swift_cpu_seconds, swift_mb))
    print("igraph write_graphml:    %.2f s wall, %.2f s CPU  (%.0f MB)" % (igraph_seconds, igraph_cpu_seconds, igraph_mb))
    print("ratio igraph / NewsGraph: %.2fx wall, %.2fx CPU (above 1 = NewsGraph faster)"
          % (igraph_seconds / swift_seconds, igraph_cpu_seconds / swift_cpu_seconds))
    for p in (swift_path, igraph_path):
        os.remove(p)
    os.rmdir(folder)


if __name__ == "__main__":
    main()
