#!/bin/sh
# Reference subset betweenness from the igraph C library (0.10, Debian's
# libigraph-dev) on the 3,000-node network of ../triangles/triangles.json,
# from the 60 sources in sources.txt: analysis.SampledSources(3000, 60, 5),
# which TestSampledBetweennessIgraphSubset checks is still what partnet
# draws. Run from this directory:
#
#     sh make_subset.sh
#
# It builds cmd/partnetbench/cpeer/peer_betweenness.c, writes the ties as
# "i j w" lines, and runs igraph_betweenness_subset (sources = sources.txt,
# targets = all, undirected) unweighted and with lengths 1/weight, writing
# subset.unweighted and subset.weighted (one value a line, node order).
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O2 -o "$tmp/peer" ../../../cmd/partnetbench/cpeer/peer_betweenness.c $(pkg-config --cflags --libs igraph)
/usr/bin/python3 -c '
import json
d = json.load(open("../triangles/triangles.json"))
with open("'"$tmp"'/ties.ncol", "w") as f:
    for a, b, w in d["edges"]:
        f.write("%d %d %r\n" % (a, b, w))
print(d["n"])
' > "$tmp/n"
"$tmp/peer" "$tmp/ties.ncol" "$(cat "$tmp/n")" sources.txt subset
