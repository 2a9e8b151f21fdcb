#!/usr/bin/python3
"""Time igraph's Leiden on the planted-partition graphs of analysis/community/bench_clusters_test.go.

Write the graphs first, then run this with Debian's python3-igraph:

    mkdir -p /tmp/bench
    PARTNET_BENCH_EDGES=/tmp/bench go test ./analysis/ -run TestWriteBenchEdges
    /usr/bin/python3 analysis/community/testdata/clusters/bench_igraph.py /tmp/bench/planted_*.csv

Repeated pairs in the edge list are merged into one tie of summed weight,
as graph.BuildSnapshot does. Debian's igraph 0.10.2 runs only one iteration
for n_iterations=-1 (igraph bug #2798), so "converged" loops single
iterations from the previous membership until it stops changing.
"""
import csv
import sys
import time

import igraph as ig


def load(path):
    with open(path) as f:
        r = csv.reader(f)
        next(r)
        edges = [(int(a), int(b)) for a, b in r]
    n = 1 + max(max(a, b) for a, b in edges)
    g = ig.Graph(n=n, edges=edges)
    g.es["weight"] = 1.0
    g.simplify(combine_edges="sum")
    return g


def main():
    for path in sys.argv[1:]:
        g = load(path)
        w = g.es["weight"]
        best = {}
        for label, loop in (("one_iteration", False), ("converged", True)):
            times, cpus = [], []
            for rep in range(3):
                t0, c0 = time.perf_counter(), time.process_time()
                p = g.community_leiden(objective_function="modularity", weights=w,
                                       n_iterations=1, beta=0.01)
                its = 1
                while loop:
                    q = g.community_leiden(objective_function="modularity", weights=w,
                                           n_iterations=1, beta=0.01,
                                           initial_membership=p.membership)
                    its += 1
                    if q.membership == p.membership or its >= 100:
                        p = q
                        break
                    p = q
                times.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
            q = g.modularity(p.membership, weights=w)
            best[label] = (min(times), min(cpus), q, its, len(set(p.membership)))
        print(f"{path}: n={g.vcount()} ties={g.ecount()}")
        for label, (t, cpu, q, its, k) in best.items():
            print(f"  igraph {ig.__version__} leiden {label}: best of 3 wall {t:.3f} s, cpu {cpu:.3f} s, "
                  f"Q={q:.6f}, iterations={its}, communities={k}")


if __name__ == "__main__":
    main()
