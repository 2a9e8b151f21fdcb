"""Regenerates the files of this corpus (see README.md). Run from this folder:

    /usr/bin/python3 make_corpus.py

networkx 2.8 and python-igraph 0.10 (Debian's python3-networkx, python3-igraph).

"""
import networkx as nx
import igraph as ig

# Zachary's karate club and Les Miserables, as networkx ships them.
karate = nx.karate_club_graph()
lesmis = nx.les_miserables_graph()
nx.write_graphml(karate, "karate_networkx.graphml")
nx.write_gexf(karate, "karate_networkx.gexf")
nx.write_graphml(lesmis, "lesmis_networkx.graphml")
nx.write_gexf(lesmis, "lesmis_networkx.gexf")

# The same graphs as igraph writes them (igraph has no GEXF writer).
ig.Graph.Famous("Zachary").write_graphml("karate_igraph.graphml")
g = ig.Graph.from_networkx(lesmis)
g.write_graphml("lesmis_igraph.graphml")

# A bare edge list: Les Miserables with weights, a header and nothing else.
with open("lesmis_edges.csv", "w", newline="") as f:
    f.write("source,target,weight\n")
    for a, b, d in sorted(lesmis.edges(data=True)):
        f.write('"%s","%s",%s\n' % (a, b, d.get("weight", 1)))

# The karate club saved as Excel's "Unicode Text": UTF-16 little endian
# with a byte order mark, tab separated, CRLF line ends.
rows = ["source\ttarget"] + ["%d\t%d" % (a, b) for a, b in sorted(karate.edges())]
with open("karate_unicode_text.txt", "wb") as f:
    f.write(("\r\n".join(rows) + "\r\n").encode("utf-16"))

# A funder with 3,000 grants (a star) and a path of 1,000 organisations.
with open("star_3000.csv", "w") as f:
    f.write("source,target\n")
    for i in range(1, 3001):
        f.write("funder,r%d\n" % i)
with open("path_1000.csv", "w") as f:
    f.write("source,target\n")
    for i in range(1, 1000):
        f.write("p%d,p%d\n" % (i, i + 1))
