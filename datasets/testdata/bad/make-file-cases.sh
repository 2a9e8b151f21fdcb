# Single-file corpus cases (input.EXT + expected, written by the corpus test with
# -update-corpus and then read line by line). Run from datasets/testdata/bad.
# Single-file corpus cases for the readers on branch formats. Run from
# datasets/testdata/bad. Each case is a folder holding input.EXT.
set -e
c() { mkdir -p "$1"; printf "$3" > "$1/input.$2"; }
G='<?xml version="1.0" encoding="UTF-8"?>\n'
GM='<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
# JSON
c json-empty json ''
c json-not-json json 'id,name\na,A\n'
c json-syntax-error json '{"organisations": [\n  {"id": "a"},\n  {"id": "b",}\n]}\n'
c json-unknown-key json '{"organisations": [{"id": "a"}, {"id": "b"}],\n "partnerships": [{"source": "a", "target": "b", "wieght": 2}]}\n'
c json-wrong-type json '{"organisations": [{"id": "a"}, {"id": 2}],\n "partnerships": []}\n'
c json-duplicate-id json '{"organisations": [\n {"id": "a"},\n {"id": "b"},\n {"id": "a"}\n],\n "partnerships": [{"source": "a", "target": "b"}]}\n'
c json-unknown-organisation json '{"organisations": [{"id": "a"}, {"id": "b"}],\n "partnerships": [\n  {"source": "a", "target": "zz"}\n]}\n'
c json-bad-values json '{"organisations": [{"id": "a"}, {"id": "b"}],\n "partnerships": [\n  {"source": "a", "target": "b", "weight": -1, "start": "01/04/2014", "value_gbp": "1,200"}\n]}\n'
c json-trailing-garbage json '{"organisations": [{"id": "a"}, {"id": "b"}], "partnerships": [{"source": "a", "target": "b"}]}\n{"again": true}\n'
c json-png json '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR'
c json-utf16 json '\xff\xfe{\x00}\x00'
python3 -c "
import os
os.makedirs('json-deeply-nested', exist_ok=True)
open('json-deeply-nested/input.json','w').write('{\"organisations\": ' + '['*100000 + ']'*100000 + '}\n')
"
# GraphML
c graphml-external-entity graphml "$G"'<!DOCTYPE graphml [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'"$GM"'<graph edgedefault="undirected">\n<node id="&xxe;"/>\n</graph>\n</graphml>\n'
c graphml-billion-laughs graphml "$G"'<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">\n]>\n'"$GM"'<graph><node id="&lol9;"/></graph>\n</graphml>\n'
c graphml-undeclared-entity graphml "$G$GM"'<graph edgedefault="undirected">\n<node id="a">&nbsp;</node>\n</graph>\n</graphml>\n'
c graphml-zip graphml 'PK\x03\x04\x14\x00\x00\x00\x08\x00'
c graphml-empty graphml ''
c graphml-unclosed graphml "$G$GM"'<graph edgedefault="undirected">\n<node id="a"/>\n<node id="b">\n<edge source="a" target="b"/>\n</graph>\n</graphml>\n'
c graphml-unknown-node graphml "$G$GM"'<graph edgedefault="undirected">\n<node id="a"/>\n<node id="b"/>\n<edge source="a" target="b"/>\n<edge source="a" target="zz"/>\n</graph>\n</graphml>\n'
c graphml-self-loop-duplicate graphml "$G$GM"'<graph edgedefault="undirected">\n<node id="a"/>\n<node id="b"/>\n<node id="a"/>\n<edge source="b" target="b"/>\n</graph>\n</graphml>\n'
c graphml-bad-weight graphml "$G$GM"'<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n<graph edgedefault="undirected">\n<node id="a"/>\n<node id="b"/>\n<edge source="a" target="b"><data key="w">NaN</data></edge>\n</graph>\n</graphml>\n'
c graphml-not-graphml graphml "$G"'<html><body>not a graph</body></html>\n'
# GEXF
GX='<gexf xmlns="http://gexf.net/1.2" version="1.2">\n'
c gexf-billion-laughs gexf "$G"'<!DOCTYPE gexf [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'"$GX"'<graph><nodes><node id="&c;" label="x"/></nodes></graph>\n</gexf>\n'
c gexf-external-entity gexf "$G"'<!DOCTYPE gexf [ <!ENTITY xxe SYSTEM "http://evil.example/x"> ]>\n'"$GX"'<graph><nodes><node id="a" label="&xxe;"/></nodes></graph>\n</gexf>\n'
c gexf-unknown-target gexf "$G$GX"'<graph defaultedgetype="undirected">\n<nodes>\n<node id="a" label="A"/>\n<node id="b" label="B"/>\n</nodes>\n<edges>\n<edge id="0" source="a" target="b"/>\n<edge id="1" source="b" target="zz"/>\n</edges>\n</graph>\n</gexf>\n'
c gexf-bad-weight gexf "$G$GX"'<graph defaultedgetype="undirected">\n<nodes>\n<node id="a" label="A"/>\n<node id="b" label="B"/>\n</nodes>\n<edges>\n<edge id="0" source="a" target="b" weight="-3"/>\n</edges>\n</graph>\n</gexf>\n'
c gexf-pdf gexf '%%PDF-1.4\n'
# XLSX (the zip bomb is generated in the test)
c xlsx-not-a-zip xlsx 'id,name\na,A\n'
c xlsx-truncated-zip xlsx 'PK\x03\x04\x14\x00\x00\x00\x08\x00garbage'
# edge list and 360Giving
c edgelist-self-tie-bad-weight csv 'source,target,weight\na,b,1\nc,c,1\na,c,heavy\n'
c edgelist-png csv '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR'
c edgelist-header-only csv 'source,target\n'
c edgelist-missing-target tsv 'source\tweight\na\t1\n'
c threesixtygiving-bad-amount csv 'Identifier,Title,Award Date,Amount Awarded,Currency,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name\n360G-x-1,Grant,2014-04-01,"\xe2\x82\xac1,200",GBP,GB-CHC-1,Charity,GB-LAE-TRF,Trafford\n360G-x-2,Grant,01/04/14,100,GBP,GB-CHC-2,Other,GB-LAE-TRF,Trafford\n'
c unknown-extension xml '<a/>\n'
c graphml-many-problems graphml "$G$GM"'<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n<key id="s" for="edge" attr.name="start" attr.type="string"/>\n<key id="p" for="node" attr.name="population" attr.type="long"/>\n<graph edgedefault="undirected">\n<node id="a"><data key="p">lots</data></node>\n<node id="b"/>\n<node id="a"/>\n<edge source="a" target="zz"/>\n<edge source="b" target="b"/>\n<edge source="a" target="b"><data key="w">0</data><data key="s">4/13/14</data></edge>\n</graph>\n</graphml>\n'
