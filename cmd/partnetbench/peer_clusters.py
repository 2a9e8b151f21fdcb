#!/usr/bin/python3
"""Whole-process comparison for docs/performance.md: python-igraph reads a
CSV edge list (header source,target,weight) with Python's csv module and runs
Leiden (modularity, weights) for 2 iterations, seeded with random.seed(1).

    /usr/bin/time /usr/bin/python3 cmd/partnetbench/peer_clusters.py EDGES.csv
"""
import csv, sys, time, random
import igraph as ig
t0 = time.perf_counter()
names, edges, weights = {}, [], []
with open(sys.argv[1], newline="") as f:
    r = csv.reader(f)
    next(r)
    for row in r:
        a = names.setdefault(row[0], len(names))
        b = names.setdefault(row[1], len(names))
        edges.append((a, b))
        weights.append(float(row[2]) if len(row) > 2 and row[2] else 1.0)
g = ig.Graph(n=len(names), edges=edges)
g.es["weight"] = weights
g = g.simplify(combine_edges="sum")
t1 = time.perf_counter()
random.seed(1)
p = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
t2 = time.perf_counter()
print("read %.3f leiden %.3f Q %.6f clusters %d" % (t1 - t0, t2 - t1, g.modularity(p.membership, weights="weight"), len(set(p.membership))))
