#!/usr/bin/python3
"""Reference triangle counts, clustering and k-cores on a skewed network.

Run from this directory with Debian's python (python3-igraph 0.10,
python3-networkx 2.8):

    /usr/bin/python3 make_triangles.py

The network: igraph Graph.Barabasi(3000, 6) (seeded with random.seed(11),
heavy-tailed degrees, so orienting ties by degree matters), plus 6,000
extra ties, alternately within blocks of 10 consecutive nodes (for
triangles) and uniformly random, weights 1 + (7 * k) mod 5 in edge order.
It writes triangles.json: the ties, and per node igraph's triangle count
(from Graph.list_triangles()), local clustering
(transitivity_local_undirected, mode="zero"), coreness, igraph's
transitivity_undirected, and networkx's Onnela weighted clustering
(clustering(weight="weight")). TestTrianglesReference and
TestKCoreReference compare: counts and cores exactly, the rest to 1e-12.
"""
import json
import random

import igraph as ig
import networkx as nx

random.seed(11)
g = ig.Graph.Barabasi(3000, 6)
extra = set()
while len(extra) < 6000:
    a = random.randrange(3000)
    b = random.randrange(3000) if len(extra) % 2 else a // 10 * 10 + random.randrange(10)
    if a != b and not g.are_connected(a, b):
        extra.add((min(a, b), max(a, b)))
g.add_edges(sorted(extra))
g.simplify()
edges = [list(e.tuple) for e in g.es]
weights = [float(1 + (7 * k) % 5) for k in range(len(edges))]
g.es["weight"] = weights

tri = [0] * g.vcount()
for t in g.list_triangles():
    for v in t:
        tri[v] += 1
h = nx.Graph()
h.add_nodes_from(range(g.vcount()))
for (a, b), w in zip(edges, weights):
    h.add_edge(a, b, weight=w)
wc = nx.clustering(h, weight="weight")
nxt = nx.triangles(h)
assert tri == [nxt[v] for v in range(g.vcount())]
out = {
    "n": g.vcount(),
    "edges": [[a, b, w] for (a, b), w in zip(edges, weights)],
    "triangles": tri,
    "clustering": g.transitivity_local_undirected(mode="zero"),
    "transitivity": g.transitivity_undirected(),
    "weighted_clustering": [wc[v] for v in range(g.vcount())],
    "coreness": g.coreness(),
}
with open("triangles.json", "w") as f:
    json.dump(out, f)
print(g.vcount(), g.ecount(), sum(tri) // 3, max(g.coreness()))
