# Corpus cases for reading robustness (repeated headers, plain decimal
# numbers, strict UTF-16, invisible differences in ids). Run from
# datasets/testdata/bad; then go test ./datasets -run Corpus -update-corpus
# and read every expected line.
set -e
py() { python3 -c "$1"; }
c() { mkdir -p "$1"; printf "$3" > "$1/input.$2"; }
d() { mkdir -p "$1"; printf "$3" > "$1/$2"; }
c edgelist-repeated-header csv 'source,target,weight\na,b,1\nc,d,2\nsource,target,weight\ne,f,3\n'
c edgelist-repeated-header-noheader csv 'a,b,1\nfrom,to,weight\nc,d,2\n'
d organisations-repeated-header organisations.csv 'id,name\na,A\nb,B\nid,name\nc,C\n'
d organisations-repeated-header partnerships.csv 'source,target\na,b\nb,c\n'
c edgelist-not-plain-decimals csv 'a,b,0x1p10\nc,d,1_0\ne,f,Inf\ng,h,NaN\ni,j,1e308\nk,l,1e-12\nm,n,2.5e3\n'
d partnerships-weight-out-of-range organisations.csv 'id\na\nb\nc\n'
d partnerships-weight-out-of-range partnerships.csv 'source,target,weight,value_gbp\na,b,0x1p10,\nb,c,1e13,\na,c,2,1e16\n'
py "
import os
os.makedirs('edgelist-utf16-truncated', exist_ok=True)
open('edgelist-utf16-truncated/input.csv','wb').write(b'\xff\xfe' + 'a,b\r\nc,d\r\ne,f'.encode('utf-16-le') + b'\x00')
os.makedirs('edgelist-utf16-lone-surrogate', exist_ok=True)
open('edgelist-utf16-lone-surrogate/input.csv','wb').write(b'\xff\xfe' + 'a,b\nc'.encode('utf-16-le') + b'\x00\xd8' + ',d\n'.encode('utf-16-le'))
os.makedirs('organisations-utf16-truncated', exist_ok=True)
open('organisations-utf16-truncated/organisations.csv','wb').write(b'\xfe\xff' + 'id,name\na,A\nb,B\n'.encode('utf-16-be')[:-1])
open('organisations-utf16-truncated/partnerships.csv','w').write('source,target\na,b\n')
os.makedirs('unknown-organisation-invisible', exist_ok=True)
open('unknown-organisation-invisible/organisations.csv','w').write('id\nHackney\nCamden\nCafe\u0301\n')
open('unknown-organisation-invisible/partnerships.csv','w').write('source,target\nHackney\u0332,Camden\nCaf\u00e9,Camden\nCamden,Hackney\u200b\n')
"
