#!/usr/bin/env python3
"""Check the metrics in a graph.json against networkx.

    python3 scripts/compare_networkx.py GRAPH.json [--betweenness networkx|igraph|auto|none]

GRAPH.json: "actors" with "id" and our "degree", "pagerank", "betweenness", "component", "community";
"edges" with "source", "target" (actor ids) and "weight". Recomputes with networkx: weighted PageRank
(alpha 0.85, tol=1e-12), normalized betweenness_centrality, connected components, and the modularity of our
community partition against networkx's own louvain_communities (seed 0). Prints the largest differences and
PASS/FAIL: PageRank and betweenness must agree within 1e-6 relative (absolutely below 1e-12), components must
be the same partition numbered 0 = largest, communities must reach networkx's modularity minus 0.02.
Exit status 0 when everything passes.

PageRank is checked against networkx run to convergence (tol=1e-15); the comparison with networkx at tol=1e-12
is printed too, with how far networkx at tol=1e-12 itself is from convergence (it grows with the node count and
passes 1e-6 relative on graphs of some thousands of nodes).
networkx's betweenness is pure Python and takes hours on 20k nodes: `--betweenness igraph` uses python-igraph's
exact C implementation instead (normalized the same way); `auto` (default) does so above 3000 nodes if igraph
is installed; `none` skips the betweenness check.
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


def igraph_betweenness(G):
    import igraph
    nodes = list(G.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    h = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in G.edges()], directed=False)
    raw = h.betweenness(directed=False)
    n = len(nodes)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return {node: raw[i] * scale for i, node in enumerate(nodes)}


def main():
    args = sys.argv[1:]
    reference = "auto"
    if "--betweenness" in args:
        i = args.index("--betweenness")
        reference = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1 or reference not in ("networkx", "igraph", "auto", "none"):
        sys.exit(__doc__)
    if reference == "auto":
        try:
            import igraph  # noqa: F401
            has_igraph = True
        except ImportError:
            has_igraph = False
        reference = "igraph" if has_igraph and len(json.load(open(args[0]))["actors"]) > 3000 else "networkx"
    with open(args[0]) as f:
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
    pr12 = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight="weight") if len(G) else {}
    t_pr = time.time() - t
    converged = nx.pagerank(G, alpha=0.85, tol=1e-15, max_iter=100000, weight="weight") if len(G) else {}
    worst, at = max_relative(ours["pagerank"], converged)
    verdict("pagerank", worst <= RELATIVE,
            f"max relative difference {worst:.3e} vs networkx converged (tol=1e-15)" + (f" at {at}" if at else ""))
    worst12, at12 = max_relative(ours["pagerank"], pr12)
    self12, _ = max_relative(pr12, converged)
    print(f"{'    ' if worst12 <= RELATIVE else 'NOTE'}  pagerank vs networkx tol=1e-12: max relative difference "
          f"{worst12:.3e}" + (f" at {at12}" if at12 else "") +
          f"; networkx tol=1e-12 vs its converged value: {self12:.3e} ({t_pr:.2f}s)")

    if reference != "none":
        t = time.time()
        bc = nx.betweenness_centrality(G, normalized=True) if reference == "networkx" else igraph_betweenness(G)
        t_bc = time.time() - t
        worst, at = max_relative(ours["betweenness"], bc)
        verdict("betweenness", worst <= RELATIVE,
                f"max relative difference {worst:.3e}" + (f" at {at}" if at is not None else "") +
                f" (reference {reference}, {t_bc:.2f}s)")
    else:
        print("      betweenness: not checked")

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
