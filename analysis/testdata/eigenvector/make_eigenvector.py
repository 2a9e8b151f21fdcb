#!/usr/bin/python3
"""Reference eigenvector centralities on shapes where power iteration stalls.

Run from this directory with Debian's python (python3-networkx 2.8, scipy):

    /usr/bin/python3 make_eigenvector.py

It writes eigenvector_shapes.json: for each shape its node ids, ties
(source, target, weight) and networkx's eigenvector_centrality_numpy
(ARPACK on the whole adjacency matrix, max_iter=100000 because the
default 50 restarts do not converge on the path; unit Euclidean norm, sign
made positive; each checked against numpy.linalg.eigh to 1e-10), unweighted ("eigenvector") and weighted ("weighted_eigenvector").
The Go test TestEigenvectorShapes compares partnet to these within 1e-9.

Shapes: a path of 1,000; a star of 3,000 (hub "0"); a random bipartite graph
(networkx bipartite.random_graph(40, 60, 0.08, seed=7), largest component
kept so that the leading eigenvalue is simple); a disconnected graph whose
components have different leading eigenvalues (a triangle, a path of 5, an
isolate; weighted: a,b,5 and c,d,5.001); Zachary's karate club
(networkx karate_club_graph, with its "weight" attribute).
Disconnected graphs whose components tie for the largest eigenvalue have no
unique answer (ARPACK returns some vector in the eigenspace), so they are
tested by hand in the Go test, not here.
"""
import json
import networkx as nx
import numpy as np


def shape(name, g):
    nodes = list(g.nodes())
    ev = nx.eigenvector_centrality_numpy(g, weight=None, max_iter=100000)
    wev = nx.eigenvector_centrality_numpy(g, weight="weight", max_iter=100000)
    for w, got in ((None, ev), ("weight", wev)):
        check_dense(name, g, nodes, w, got)
    return {
        "name": name,
        "nodes": [str(v) for v in nodes],
        "edges": [[str(u), str(v), float(d.get("weight", 1.0))] for u, v, d in g.edges(data=True)],
        "eigenvector": [float(ev[v]) for v in nodes],
        "weighted_eigenvector": [float(wev[v]) for v in nodes],
    }


def check_dense(name, g, nodes, weight, got):
    # Cross-check ARPACK against a dense symmetric eigensolver (LAPACK) where
    # the leading eigenvalue is simple.
    a = nx.to_numpy_array(g, nodelist=nodes, weight=weight)
    vals, vecs = np.linalg.eigh(a)
    if len(vals) > 1 and vals[-1] - vals[-2] < 1e-9 * vals[-1]:
        return
    v = vecs[:, -1] * np.sign(vecs[:, -1].sum())
    diff = max(abs(v[i] - got[u]) for i, u in enumerate(nodes))
    assert diff < 1e-10, (name, weight, diff)
    print(name, weight, "ARPACK vs LAPACK max diff %.2g" % diff)


def weighted(g, seed):
    # deterministic weights in {1, 2, 3, 4, 5} so the weighted case differs
    for k, (u, v) in enumerate(sorted(g.edges(), key=lambda e: (str(e[0]), str(e[1])))):
        g[u][v]["weight"] = float(1 + (k * 7 + seed) % 5)
    return g


shapes = []
shapes.append(shape("path1000", weighted(nx.path_graph(1000), 1)))
shapes.append(shape("star3000", weighted(nx.star_graph(2999), 2)))
b = nx.bipartite.random_graph(40, 60, 0.08, seed=7)
b = b.subgraph(max(nx.connected_components(b), key=len)).copy()
shapes.append(shape("bipartite", weighted(b, 3)))
d = nx.Graph()
d.add_edges_from([("t1", "t2"), ("t2", "t3"), ("t1", "t3")], weight=1.0)
nx.add_path(d, ["p1", "p2", "p3", "p4", "p5"], weight=2.0)
d.add_node("iso")
shapes.append(shape("disconnected", d))
pair = nx.Graph()
pair.add_edge("a", "b", weight=5.0)
pair.add_edge("c", "d", weight=5.001)
s = shape("two_pairs", pair)
s["eigenvector"] = None  # unweighted: two components tie (eigenvalue 1), no unique answer
shapes.append(s)
shapes.append(shape("karate", nx.karate_club_graph()))

with open("eigenvector_shapes.json", "w") as f:
    json.dump({"generator": "networkx %s eigenvector_centrality_numpy" % nx.__version__, "shapes": shapes}, f)
