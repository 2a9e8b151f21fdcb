"""Reference Adamic-Adar indices for Zachary's karate club.

Run with Debian's networkx 2.8:  /usr/bin/python3 make_adamic_adar.py > adamic_adar_karate.json

Writes the club's 78 ties (nodes 0-33 as networkx numbers them) and
networkx.adamic_adar_index for every unordered pair of distinct members
(561 pairs, ties included) whose index is not zero.
"""
import itertools
import json

import networkx as nx

g = nx.karate_club_graph()
pairs = itertools.combinations(sorted(g.nodes()), 2)
scores = [[u, v, s] for u, v, s in nx.adamic_adar_index(g, pairs) if s != 0]
print(json.dumps({
    "source": "networkx %s karate_club_graph, adamic_adar_index over all pairs" % nx.__version__,
    "edges": sorted([min(u, v), max(u, v)] for u, v in g.edges()),
    "nonzero": scores,
}, indent=0))
