#!/usr/bin/python3
"""Reference values for partnet's cluster tests, from Debian's igraph 0.10.2,
leidenalg 0.9.1 and networkx 2.8.8, on Zachary's karate club read from
analysis/community/testdata/sna_benchmarks (run from the repository root):

    /usr/bin/python3 analysis/community/testdata/clusters/make_reference.py \
        > analysis/community/testdata/clusters/reference.json

Debian's igraph 0.10.2 runs Leiden for one iteration only when asked for
n_iterations=-1 (igraph bug #2798), so each seed is looped here: one
iteration at a time from the previous membership until it stops changing.
"""
import csv
import json
import os
import random
import sys

import igraph as ig
import leidenalg
import networkx as nx

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sna_benchmarks")


def karate():
    with open(os.path.join(DATA, "karate_club_edges.csv")) as f:
        rows = list(csv.DictReader(f))
    edges = [(int(r["source"]), int(r["target"])) for r in rows]
    weights = [float(r["weight"]) for r in rows]
    with open(os.path.join(DATA, "karate_club_nodes.csv")) as f:
        club = [0 if r["club"] == "Mr. Hi" else 1 for r in csv.DictReader(f)]
    return edges, weights, club


def leiden_converged(g, weights, seed):
    random.seed(seed)
    p = g.community_leiden(objective_function="modularity", weights=weights, n_iterations=1)
    for _ in range(100):
        q = g.community_leiden(objective_function="modularity", weights=weights,
                               n_iterations=1, initial_membership=p.membership)
        same = q.membership == p.membership
        p = q
        if same:
            break
    return g.modularity(p.membership, weights=weights), p.membership


def main():
    edges, weights, club = karate()
    g = ig.Graph(n=34, edges=edges)
    out = {"tools": {"igraph": ig.__version__, "leidenalg": leidenalg.version,
                     "networkx": nx.__version__}}
    for name, w in (("unweighted", None), ("weighted", weights)):
        qs = [leiden_converged(g, w, seed)[0] for seed in range(20)]
        best_q, best_m = max((leiden_converged(g, w, s) for s in range(20)), key=lambda x: x[0])
        out["karate_" + name] = {
            "igraph_leiden_max_q_20_seeds": max(qs),
            "igraph_leiden_min_q_20_seeds": min(qs),
            "igraph_leiden_best_communities": len(set(best_m)),
            "club_modularity": g.modularity(club, weights=w),
        }
        opt = leidenalg.Optimiser()
        opt.set_rng_seed(1)
        part = leidenalg.ModularityVertexPartition(g, weights=w)
        while opt.optimise_partition(part) > 0:
            pass
        out["karate_" + name]["leidenalg_modularity"] = g.modularity(part.membership, weights=w)
        cpm = leidenalg.CPMVertexPartition(g, initial_membership=club, weights=w, resolution_parameter=0.1)
        # leidenalg sums CPM over ordered pairs: twice partnet's CPMQuality.
        out["karate_" + name]["club_cpm_quality_resolution_0_1_leidenalg"] = cpm.quality()
        G = nx.Graph()
        for k, (a, b) in enumerate(edges):
            G.add_edge(a, b, weight=w[k] if w else 1.0)
        hi = {v for v in range(34) if club[v] == 0}
        parts = [hi, set(range(34)) - hi]
        out["karate_" + name]["club_modularity_resolution_0_5_networkx"] = \
            nx.algorithms.community.modularity(G, parts, weight="weight", resolution=0.5)

    # Quality of the club split on the weighted graph, from networkx.
    G = nx.Graph()
    for (a, b), w in zip(edges, weights):
        G.add_edge(a, b, weight=w)
    hi = {v for v in range(34) if club[v] == 0}
    officer = set(range(34)) - hi
    cov, _ = nx.algorithms.community.partition_quality(G, [hi, officer])
    out["karate_weighted"]["club_conductance_mr_hi"] = nx.conductance(G, hi, weight="weight")
    out["karate_weighted"]["club_cut_weight"] = nx.cut_size(G, hi, weight="weight")
    out["karate_unweighted"]["club_coverage"] = cov  # networkx coverage ignores weights

    # NMI and ARI between the club split and the best 4-community partition.
    _, best4 = leiden_converged(g, None, 0)
    out["compare"] = {
        "partition_a": club,
        "partition_b": best4,
        "nmi": ig.compare_communities(club, best4, method="nmi"),
        "ari": ig.compare_communities(club, best4, method="adjusted_rand"),
    }
    json.dump(out, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
