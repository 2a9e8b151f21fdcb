#!/usr/bin/python3
"""Compute partnet's reference values with networkx and igraph.

Run from this directory with Debian's python (apt-get install python3-networkx
python3-igraph):

    /usr/bin/python3 make_reference.py ../sna_benchmarks

It writes one JSON golden per graph next to itself. The Go tests in package
analysis read the same graphs (the real ones from testdata/sna_benchmarks, the generated
ones from the "edges" stored in their golden) and compare to 1e-9.

Conventions (see analysis/doc.go):
  * weighted path measures use distance = 1/weight;
  * betweenness as networkx (normalized=True, and normalized=False for raw);
    weighted betweenness from igraph, whose shortest-path ties use a relative
    epsilon (networkx compares floats exactly);
  * closeness as networkx (wf_improved=True); harmonic as networkx (a sum);
  * eigenvector from igraph (ARPACK), unit norm and max-1 scaled; networkx's
    power iteration at tol=1e-6 is too loose, so it is checked, not stored;
  * PageRank from networkx with tol=1e-13 and checked against igraph PRPACK;
  * average clustering both ways: networkx (degree < 2 counts as 0) and
    igraph mode="nan" (degree < 2 left out).
"""
import csv
import json
import math
import os
import random
import sys

import igraph as ig
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def read_weighted(path, weighted=True):
    g = nx.Graph()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            w = float(row["weight"]) if weighted and "weight" in row else 1.0
            g.add_edge(row["source"], row["target"], weight=w)
    return g


def karate(shared, weighted):
    g = read_weighted(os.path.join(shared, "karate_club_edges.csv"), weighted)
    with open(os.path.join(shared, "karate_club_nodes.csv"), newline="") as f:
        for row in csv.DictReader(f):
            g.add_node(row["id"])
            g.nodes[row["id"]]["group"] = row["club"]
    return g


def davis(shared):
    b = nx.Graph()
    women, events = [], []
    with open(os.path.join(shared, "davis_southern_women_membership.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["woman"] not in women:
                women.append(row["woman"])
            if row["event"] not in events:
                events.append(row["event"])
            b.add_edge(("w", row["woman"]), ("e", row["event"]))
    p = nx.bipartite.weighted_projected_graph(b, [("w", x) for x in women])
    g = nx.Graph()
    for x in women:
        g.add_node(x)
    for (_, u), (_, v), d in p.edges(data=True):
        g.add_edge(u, v, weight=float(d["weight"]))
    return g


def generated(seed):
    """Several components, isolates, random integer weights, 3 groups."""
    rng = random.Random(seed)
    g = nx.Graph()
    n = 40
    for i in range(n):
        g.add_node(str(i), group="abc"[rng.randrange(3)])
    # three blocks of different density, plus two isolates (38, 39) and a pendant path
    blocks = [range(0, 15), range(15, 27), range(27, 35)]
    for b, p in zip(blocks, [0.3, 0.25, 0.5]):
        b = list(b)
        for x in range(len(b)):
            for y in range(x + 1, len(b)):
                if rng.random() < p:
                    g.add_edge(str(b[x]), str(b[y]), weight=float(rng.randint(1, 5)))
    g.add_edge("35", "36", weight=2.0)
    g.add_edge("36", "37", weight=1.0)
    g.add_edge("14", "15", weight=3.0)  # bridge joining blocks 1 and 2
    return g


def to_igraph(g, nodes):
    idx = {v: i for i, v in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(idx[u], idx[v]) for u, v in g.edges()])
    h.es["weight"] = [d["weight"] for _, _, d in g.edges(data=True)]
    h.es["distance"] = [1.0 / d["weight"] for _, _, d in g.edges(data=True)]
    return h


def clean(x):
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return None
    return x


def vec(d, nodes):
    return [clean(float(d[v])) for v in nodes]


def largest_component(g, nodes):
    order = {v: i for i, v in enumerate(nodes)}
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(order[v] for v in c)))
    return g.subgraph(comps[0])


def eig_igraph(h, weights):
    x = h.eigenvector_centrality(scale=True, weights=weights)
    norm = math.sqrt(sum(v * v for v in x))
    return x, [v / norm for v in x]


def compute(name, g, nodes, weighted, attr=None, store_edges=False):
    for _, _, d in g.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    h = to_igraph(g, nodes)
    n = len(nodes)
    out = {"name": name, "weighted": weighted, "nodes": nodes, "node": {}, "graph": {}, "igraph": {}}
    if store_edges:
        out["edges"] = [[u, v, d["weight"]] for u, v, d in g.edges(data=True)]
    if attr is not None:
        out["attr"] = [g.nodes[v].get(attr, "") for v in nodes]
    N, G, I = out["node"], out["graph"], out["igraph"]
    N["degree"] = [g.degree(v) for v in nodes]
    N["strength"] = [float(g.degree(v, weight="weight")) for v in nodes]
    N["degree_centrality"] = vec(nx.degree_centrality(g), nodes)
    N["betweenness"] = vec(nx.betweenness_centrality(g), nodes)
    N["betweenness_raw"] = vec(nx.betweenness_centrality(g, normalized=False), nodes)
    N["closeness"] = vec(nx.closeness_centrality(g), nodes)
    N["harmonic"] = vec(nx.harmonic_centrality(g), nodes)
    N["clustering"] = vec(nx.clustering(g), nodes)
    N["core"] = [nx.core_number(g)[v] for v in nodes]
    N["constraint"] = vec(nx.constraint(g), nodes)
    N["effective_size"] = vec(nx.effective_size(g), nodes)
    N["pagerank"] = vec(nx.pagerank(g, weight=None, tol=1e-13, max_iter=10000), nodes)
    I["pagerank"] = h.pagerank(directed=False)
    N["eigenvector_max1"], N["eigenvector"] = eig_igraph(h, None)
    if nx.is_connected(g):
        # networkx's power iteration agrees with igraph on connected graphs
        nxe = nx.eigenvector_centrality(g, weight=None, tol=1e-14, max_iter=100000)
        I["eigenvector_networkx_diff"] = max(abs(nxe[v] - e) for v, e in zip(nodes, N["eigenvector"]))
    if weighted:
        # Weighted betweenness follows igraph: equal path lengths are compared
        # with a relative epsilon, so 1/2 + 1/6 and 1/3 + 1/3 are both shortest.
        # networkx compares floats exactly and on karate splits such pairs
        # differently (off by up to 1.0 raw); its values are kept for the record.
        raw = h.betweenness(directed=False, weights="distance")
        N["weighted_betweenness_raw"] = raw
        N["weighted_betweenness"] = [b * 2 / ((n - 1) * (n - 2)) for b in raw]
        I["networkx_weighted_betweenness_raw"] = vec(nx.betweenness_centrality(g, weight="distance", normalized=False), nodes)
        N["weighted_closeness"] = vec(nx.closeness_centrality(g, distance="distance"), nodes)
        N["weighted_harmonic"] = vec(nx.harmonic_centrality(g, distance="distance"), nodes)
        N["weighted_clustering"] = vec(nx.clustering(g, weight="weight"), nodes)
        N["weighted_constraint"] = vec(nx.constraint(g, weight="weight"), nodes)
        N["weighted_effective_size"] = vec(nx.effective_size(g, weight="weight"), nodes)
        N["weighted_pagerank"] = vec(nx.pagerank(g, weight="weight", tol=1e-13, max_iter=10000), nodes)
        I["weighted_pagerank"] = h.pagerank(directed=False, weights="weight")
        N["weighted_eigenvector_max1"], N["weighted_eigenvector"] = eig_igraph(h, "weight")
    N["articulation_point"] = [v in set(nx.articulation_points(g)) for v in nodes]
    order = {v: i for i, v in enumerate(nodes)}
    G["bridges"] = sorted(sorted([order[u], order[v]]) for u, v in nx.bridges(g))
    G["organisations"] = n
    G["ties"] = g.number_of_edges()
    G["density"] = nx.density(g)
    G["weighted_density"] = g.size(weight="weight") / (n * (n - 1) / 2)
    G["components"] = nx.number_connected_components(g)
    G["component_sizes"] = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    G["transitivity"] = nx.transitivity(g)
    G["average_clustering"] = nx.average_clustering(g)
    G["average_clustering_nan"] = h.transitivity_avglocal_undirected(mode="nan")
    G["average_clustering_zero_igraph"] = h.transitivity_avglocal_undirected(mode="zero")
    if weighted:
        G["weighted_average_clustering"] = nx.average_clustering(g, weight="weight")
    G["degree_assortativity"] = clean(nx.degree_assortativity_coefficient(g))
    I["degree_assortativity"] = clean(h.assortativity_degree(directed=False))
    if attr is not None:
        G["attribute_assortativity"] = nx.attribute_assortativity_coefficient(g, attr)
    bet_raw = h.betweenness(directed=False)
    mx = max(bet_raw)
    # Freeman: sum(max - b) / ((n-1)^2 (n-2) / 2), igraph's theoretical maximum for undirected graphs
    G["betweenness_centralization"] = sum(mx - b for b in bet_raw) / ((n - 1) ** 2 * (n - 2) / 2)
    degs = [g.degree(v) for v in nodes]
    G["degree_centralization_freeman"] = sum(max(degs) - d for d in degs) / ((n - 1) * (n - 2))
    lc = largest_component(g, nodes)
    G["largest_component"] = lc.number_of_nodes()
    G["diameter"] = nx.diameter(lc)
    G["average_shortest_path"] = nx.average_shortest_path_length(lc)
    if weighted:
        G["weighted_diameter"] = max(max(d.values()) for _, d in nx.all_pairs_dijkstra_path_length(lc, weight="distance"))
        G["weighted_average_shortest_path"] = nx.average_shortest_path_length(lc, weight="distance")
    I["betweenness_raw"] = bet_raw
    I["closeness_per_component"] = [clean(x) for x in h.closeness(normalized=True)]
    I["harmonic_normalized"] = h.harmonic_centrality(normalized=True)
    I["transitivity"] = h.transitivity_undirected()
    I["diameter"] = h.diameter(directed=False, unconn=True)
    I["components"] = len(h.connected_components())
    return out


def write(out):
    path = os.path.join(HERE, out["name"] + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")
    print("wrote", path)


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "sna_benchmarks")
    g = karate(shared, True)
    nodes = [str(i) for i in range(34)]
    write(compute("karate_weighted", g, nodes, True, attr="group"))
    g = karate(shared, False)
    write(compute("karate", g, nodes, False, attr="group"))
    g = read_weighted(os.path.join(shared, "les_miserables_edges.csv"))
    write(compute("les_miserables", g, first_seen(os.path.join(shared, "les_miserables_edges.csv")), True))
    g = read_weighted(os.path.join(shared, "florentine_families_edges.csv"), weighted=False)
    write(compute("florentine", g, first_seen(os.path.join(shared, "florentine_families_edges.csv")), False))
    g = davis(shared)
    write(compute("davis_women", g, list(g.nodes()), True))
    for seed in (1, 2):
        g = generated(seed)
        write(compute("generated_%d" % seed, g, [str(i) for i in range(40)], True, attr="group", store_edges=True))
    print("networkx", nx.__version__, "igraph", ig.__version__)


def first_seen(path):
    nodes = []
    seen = set()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for v in (row["source"], row["target"]):
                if v not in seen:
                    seen.add(v)
                    nodes.append(v)
    return nodes


if __name__ == "__main__":
    main()
