#!/usr/bin/python3
"""Time igraph on random graphs shaped like partnet's benchmarks.

partnet's bench_test.go draws 10n random pairs (mean degree about 20) with
math/rand/v2; igraph's G(n, m) with m = 10n is the same model (the Go graph
loses the rare self pair and repeated pair), so timings are comparable but
the graphs are not identical. Run: /usr/bin/python3 time_igraph.py
"""
import random
import time

import igraph as ig


def timed(label, f):
    t = time.perf_counter()
    f()
    print("%-40s %8.3f s" % (label, time.perf_counter() - t), flush=True)


for n in (10_000, 100_000):
    random.seed(42)
    g = ig.Graph.Erdos_Renyi(n=n, m=10 * n)
    g.es["weight"] = [1 + 4 * random.random() for _ in range(g.ecount())]
    g.es["distance"] = [1 / w for w in g.es["weight"]]
    tag = "%dk" % (n // 1000)
    print("n=%d m=%d" % (g.vcount(), g.ecount()))
    if n <= 10_000:
        timed("betweenness exact " + tag, lambda: g.betweenness(directed=False))
        timed("betweenness exact weighted " + tag, lambda: g.betweenness(directed=False, weights="distance"))
        timed("closeness exact " + tag, lambda: g.closeness())
    timed("pagerank weighted " + tag, lambda: g.pagerank(directed=False, weights="weight"))
    timed("eigenvector " + tag, lambda: g.eigenvector_centrality())
    timed("transitivity_local " + tag, lambda: g.transitivity_local_undirected())
    timed("transitivity_local weighted " + tag, lambda: g.transitivity_local_undirected(weights="weight"))
    timed("coreness " + tag, lambda: g.coreness())
    timed("constraint weighted " + tag, lambda: g.constraint(weights="weight"))
    timed("articulation_points " + tag, lambda: g.articulation_points())
    timed("assortativity_degree " + tag, lambda: g.assortativity_degree(directed=False))
