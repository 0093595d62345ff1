#!/usr/bin/env python3
"""Check the metrics in a graph.json against networkx.

    python3 scripts/compare_networkx.py GRAPH.json

GRAPH.json: "actors" with "id" and our "degree", "pagerank", "betweenness", "component", "community";
"edges" with "source", "target" (actor ids) and "weight". Recomputes with networkx: weighted PageRank
(alpha 0.85, tol=1e-12), normalized betweenness_centrality, connected components, and the modularity of our
community partition against networkx's own louvain_communities (seed 0). Prints the largest differences and
PASS/FAIL: PageRank and betweenness must agree within 1e-6 relative (absolutely below 1e-12), components must
be the same partition numbered 0 = largest, communities must reach networkx's modularity minus 0.02.
Exit status 0 when everything passes.
"""
import json
import sys
import time

import networkx as nx

RELATIVE = 1e-6
ABSOLUTE_FLOOR = 1e-12
MODULARITY_SLACK = 0.02


def max_relative(ours, theirs):
    """Largest relative difference (absolute where the reference is below the floor) and the node it is at."""
    worst, at = 0.0, None
    for node, ref in theirs.items():
        value = ours[node]
        diff = abs(value - ref)
        scale = abs(ref)
        d = diff if scale < ABSOLUTE_FLOOR else diff / scale
        if d > worst:
            worst, at = d, node
    return worst, at


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        data = json.load(f)
    actors = data["actors"]
    G = nx.Graph()
    for a in actors:
        G.add_node(a["id"])
    for e in data.get("edges", []):
        if e["source"] != e["target"]:
            G.add_edge(e["source"], e["target"], weight=float(e.get("weight", 1)))
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    ok = True

    def verdict(name, passed, detail):
        nonlocal ok
        ok = ok and passed
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}")

    ours = {key: {a["id"]: a[key] for a in actors} for key in ("degree", "pagerank", "betweenness", "component", "community")}

    degree_diff = sum(1 for n, d in G.degree() if d != ours["degree"][n])
    verdict("degree", degree_diff == 0, f"{degree_diff} nodes differ")

    t = time.time()
    pr = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight="weight") if len(G) else {}
    t_pr = time.time() - t
    worst, at = max_relative(ours["pagerank"], pr)
    verdict("pagerank", worst <= RELATIVE,
            f"max relative difference {worst:.3e}" + (f" at {at}" if at is not None else "") + f" (networkx {t_pr:.2f}s)")

    t = time.time()
    bc = nx.betweenness_centrality(G, normalized=True)
    t_bc = time.time() - t
    worst, at = max_relative(ours["betweenness"], bc)
    verdict("betweenness", worst <= RELATIVE,
            f"max relative difference {worst:.3e}" + (f" at {at}" if at is not None else "") + f" (networkx {t_bc:.2f}s)")

    theirs = sorted(nx.connected_components(G), key=lambda c: (-len(c), min(actors_index[n] for n in c))) \
        if (actors_index := {a["id"]: i for i, a in enumerate(actors)}) is not None else []
    ours_groups = {}
    for n, c in ours["component"].items():
        ours_groups.setdefault(c, set()).add(n)
    same_partition = sorted(map(frozenset, ours_groups.values()), key=lambda s: min(actors_index[n] for n in s)) == \
        sorted(map(frozenset, theirs), key=lambda s: min(actors_index[n] for n in s))
    numbered = all(ours["component"][n] == i for i, comp in enumerate(theirs) for n in comp)
    verdict("components", same_partition and numbered,
            f"{len(theirs)} components, same partition: {same_partition}, numbered 0 = largest: {numbered}")

    if G.number_of_edges():
        groups = {}
        for n, c in ours["community"].items():
            groups.setdefault(c, set()).add(n)
        q_ours = nx.community.modularity(G, groups.values(), weight="weight")
        t = time.time()
        theirs_comm = nx.community.louvain_communities(G, weight="weight", resolution=1, seed=0)
        t_lv = time.time() - t
        q_theirs = nx.community.modularity(G, theirs_comm, weight="weight")
        sizes = sorted((len(s) for s in groups.values()), reverse=True)
        by_size = all(sizes[c] == len(groups[c]) for c in groups)
        verdict("communities", q_ours >= q_theirs - MODULARITY_SLACK and by_size,
                f"modularity ours {q_ours:.4f} ({len(groups)} communities), networkx louvain {q_theirs:.4f} "
                f"({len(theirs_comm)} communities, {t_lv:.2f}s), numbered by size: {by_size}")

    print("ALL PASS" if ok else "SOME FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
