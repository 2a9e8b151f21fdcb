#!/usr/bin/env python3
"""Time python-igraph on the same edge list partnet's harness times.

Usage: /usr/bin/python3 peer_igraph.py EDGES SAMPLES SEED [LEIDEN_RUNS] > result.json

EDGES is either a .ncol file ("source target weight" per line, read with
igraph's C reader Read_Ncol) or a CSV with a header "source,target,weight". Each step
is timed with time.perf_counter (wall) and time.process_time (CPU, key_cpu); peak memory is the process's ru_maxrss. The
Leiden step loops community_leiden(n_iterations=1) from the previous partition
until the partition stops changing, because Debian's igraph 0.10.2 runs only
one iteration for n_iterations=-1 (igraph bug #2798). For sampled
betweenness, which python-igraph 0.10.2 lacks, it times the k single-source
shortest-path searches an estimate is built on (a lower bound on the cost).
"""
import json
import random
import resource
import sys
import time

import igraph as ig


def timed(fn):
    t = time.perf_counter()
    c = time.process_time()
    out = fn()
    timed.last_cpu = time.process_time() - c  # CPU seconds of the same call
    return out, time.perf_counter() - t


def main():
    path, samples, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    leiden_runs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    # Optional fifth argument: the steps to time, comma-separated (partnetbench
    # --steps: density, components, pagerank, kcore, clustering, betweenness);
    # empty means all. Leiden is skipped when leiden_runs is 0.
    steps = set(sys.argv[5].split(",")) if len(sys.argv) > 5 and sys.argv[5] else None

    def want(k):
        return steps is None or k in steps
    res = {}

    def read():
        if path.endswith(".ncol"):
            # igraph's own C reader: the fastest way igraph offers.
            g = ig.Graph.Read_Ncol(path, names=True, weights=True, directed=False)
            return g.simplify(combine_edges="sum")
        import csv
        with open(path, newline="") as f:
            r = csv.reader(f)
            next(r)
            names, edges, weights = {}, [], []
            for row in r:
                a = names.setdefault(row[0], len(names))
                b = names.setdefault(row[1], len(names))
                edges.append((a, b))
                weights.append(float(row[2]) if len(row) > 2 and row[2] else 1.0)
        g = ig.Graph(n=len(names), edges=edges)
        g.es["weight"] = weights
        return g.simplify(combine_edges="sum")

    g, res["read"] = timed(read)
    res["read_cpu"] = timed.last_cpu
    res["organisations"], res["ties"] = g.vcount(), g.ecount()
    if want("density"):
        _, res["density_degree"] = timed(lambda: (g.density(), g.degree(), g.strength(weights="weight")))
        res["density_degree_cpu"] = timed.last_cpu
    if want("components"):
        _, res["components"] = timed(lambda: g.connected_components())
        res["components_cpu"] = timed.last_cpu
    if want("pagerank"):
        _, res["pagerank"] = timed(lambda: g.pagerank(weights="weight", damping=0.85))
        res["pagerank_cpu"] = timed.last_cpu
    if want("kcore"):
        _, res["kcore"] = timed(lambda: g.coreness())
        res["kcore_cpu"] = timed.last_cpu
    if want("clustering"):
        _, res["clustering"] = timed(lambda: (g.transitivity_undirected(), g.transitivity_local_undirected(mode="zero")))
        res["clustering_cpu"] = timed.last_cpu

    def leiden(run_seed):
        random.seed(run_seed)
        part = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=1)
        while True:
            nxt = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=1,
                                     initial_membership=part.membership)
            if nxt.membership == part.membership:
                return nxt
            part = nxt

    # One run per seed (seed, seed+1, ...), each to convergence: the time is
    # the mean per run, the modularity the mean and the best over the runs.
    qs, total, total_cpu = [], 0.0, 0.0
    for r in range(leiden_runs):
        part, t = timed(lambda: leiden(seed + r))
        total += t
        total_cpu += timed.last_cpu
        qs.append(g.modularity(part.membership, weights="weight"))
    if leiden_runs > 0:
        res["leiden"] = total / leiden_runs
        res["leiden_cpu"] = total_cpu / leiden_runs
        res["leiden_modularity"] = sum(qs) / len(qs)
        res["leiden_modularity_best"] = max(qs)
        res["leiden_modularity_runs"] = qs
        res["leiden_clusters"] = len(set(part.membership))
    rng = random.Random(seed)
    sources = rng.sample(range(g.vcount()), min(samples, g.vcount()))
    # python-igraph 0.10.2 has no source-sampled betweenness (its
    # betweenness() takes no sources argument): time the k single-source
    # shortest-path searches such an estimate is built on, a lower bound on
    # its cost.
    if want("betweenness"):
        _, res["betweenness_sampled"] = timed(lambda: g.distances(source=sources))
        res["betweenness_sampled_cpu"] = timed.last_cpu
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res["igraph_version"] = ig.__version__
    json.dump(res, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
