# The CSV-folder corpus cases. Run from datasets/testdata/bad; then
# go test ./datasets -run Corpus -update-corpus writes each expected file (read them).
set -e
mk() { mkdir -p "$1"; }
O=organisations.csv; P=partnerships.csv; A=arrangements.csv; M=members.csv
ORGS='id,name\na,A\nb,B\nc,C\n'
c() { d=$1; shift; mk $d; while [ $# -gt 0 ]; do printf "$2" > $d/$1; shift 2; done; }
# columns and files
c missing-organisations-file $P 'source,target\na,b\n'
c missing-id-column $O 'name,sector\nA,council\n' $P 'source,target\na,b\n'
c misspelt-id-column $O 'org_idd,name\na,A\nb,B\n' $P 'source,target\na,b\n'
c misspelt-source-column $O "$ORGS" $P 'sourse,target\na,b\n'
c missing-target-column $O "$ORGS" $P 'source,weight\na,1\n'
c missing-members-file $O "$ORGS" $A 'id,name\nx,X\n'
c missing-arrangements-file $O "$ORGS" $M 'arrangement_id,organisation_id\nx,a\n'
c no-ties-file $O "$ORGS"
c missing-member-columns $O "$ORGS" $A 'id\nx\n' $M 'arrangement,role\nx,lead\n'
# ids
c duplicate-organisation-ids $O 'id,name\na,A\nb,B\na,A again\n' $P 'source,target\na,b\n'
c duplicate-ids-after-trimming $O 'id,name\na,A\nb,B\n a ,A spaced\n' $P 'source,target\na,b\n'
c duplicate-arrangement-ids $O "$ORGS" $A 'id,name\nx,X\nx,X again\n' $M 'arrangement_id,organisation_id\nx,a\nx,b\n'
c duplicate-membership $O "$ORGS" $A 'id\nx\n' $M 'arrangement_id,organisation_id\nx,a\nx,b\nx,a\n'
c empty-organisation-id $O 'id,name\na,A\n,Nameless\nb,B\n' $P 'source,target\na,b\n'
c empty-arrangement-id $O "$ORGS" $A 'id,name\n,X\n' $M 'arrangement_id,organisation_id\n'
# ties
c unknown-source $O "$ORGS" $P 'source,target\na,b\nzz,c\n'
c unknown-target $O "$ORGS" $P 'source,target\na,b\nb,zz\n'
c unknown-member-organisation $O "$ORGS" $A 'id\nx\n' $M 'arrangement_id,organisation_id\nx,a\nx,zz\n'
c unknown-member-arrangement $O "$ORGS" $A 'id\nx\n' $M 'arrangement_id,organisation_id\nx,a\nx,b\ny,c\n'
c self-tie $O "$ORGS" $P 'source,target\na,b\nc,c\n'
c empty-tie-end $O "$ORGS" $P 'source,target\na,b\n,c\n'
# empty files
c empty-organisations-file $O '' $P 'source,target\na,b\n'
c blank-organisations-file $O '\n  \n\t\n' $P 'source,target\na,b\n'
c header-only-organisations $O 'id,name,sector\n' $P 'source,target\na,b\n'
c empty-partnerships-file $O "$ORGS" $P ''
c header-only-partnerships $O "$ORGS" $P 'source,target,kind\n'
# delimiters and line endings
c wrong-delimiter-pipe $O 'id|name\na|A\nb|B\n' $P 'source|target\na|b\n'
c semicolons-and-decimal-comma $O 'id;name\na;A\nb;B\n' $P 'source;target;weight\na;b;0,5\n'
c tab-separated-bad-weight $O 'id\tname\na\tA\nb\tB\n' $P 'source\ttarget\tweight\na\tb\theavy\n'
c mixed-delimiters $O 'id,name\na,A\nb;B\n' $P 'source,target\na,b\n'
c mixed-line-endings $O 'id,name\r\na,A\nb,B\r\na,again\n' $P 'source,target\r\na,b\n'
c old-mac-line-endings $O 'id,name\ra,A\rb,B\r' $P 'source,target\ra,b\r'
c unquoted-comma-in-name $O 'id,name,sector\na,Smith, Jones and Co,third_sector\nb,B,council\n' $P 'source,target\na,b\n'
# quotes
c quoted-newline-then-duplicate $O 'id,name,notes\na,A,"line one\nline two\nline three"\nb,B,\na,dup,\n' $P 'source,target\na,b\n'
c unterminated-quote $O 'id,name\na,A\nb,"B is never closed\nc,C\n' $P 'source,target\na,b\n'
c bare-quote $O 'id,name\na,A\nb,The "Best" Council\n' $P 'source,target\na,b\n'
c text-after-closing-quote $O 'id,name\na,"A"x\nb,B\n' $P 'source,target\na,b\n'
# encodings
c utf8-bom-duplicate $O '\xef\xbb\xbfid,name\na,A\na,B\n' $P 'source,target\na,b\n'
c utf16le-bom-duplicate $O '\xff\xfei\x00d\x00,\x00n\x00a\x00m\x00e\x00\n\x00a\x00,\x00A\x00\n\x00a\x00,\x00B\x00\n\x00' $P 'source,target\na,b\n'
c utf16be-bom-duplicate $O '\xfe\xff\x00i\x00d\x00,\x00n\x00a\x00m\x00e\x00\n\x00a\x00,\x00A\x00\n\x00a\x00,\x00B\x00\n' $P 'source,target\na,b\n'
c utf16le-without-bom $O 'i\x00d\x00,\x00n\x00a\x00m\x00e\x00\n\x00a\x00,\x00A\x00\n\x00' $P 'source,target\na,b\n'
c windows-1252-with-error $O 'id,name\na,Caf\xe9 Society\nb,\x93Quoted\x94 Trust\n' $P 'source,target,weight\na,b,x\n'
# numbers
c currency-pound-weight $O "$ORGS" $P 'source,target,weight\na,b,\xc2\xa35\n'
c thousands-separator-bad-grouping $O "$ORGS" $P 'source,target,value_gbp\na,b,"12,00"\nb,c,"1,2000"\n'
c decimal-comma-weight $O "$ORGS" $P 'source,target,weight\na,b,"1,5"\n'
c negative-weight $O "$ORGS" $P 'source,target,weight\na,b,-2\n'
c zero-weight $O "$ORGS" $P 'source,target,weight\na,b,0\n'
c nan-weight $O "$ORGS" $P 'source,target,weight\na,b,NaN\n'
c inf-weight $O "$ORGS" $P 'source,target,weight\na,b,+Inf\n'
c text-weight $O "$ORGS" $P 'source,target,weight\na,b,strong\n'
c out-of-range-weight $O "$ORGS" $P 'source,target,weight\na,b,1e400\n'
c percent-weight $O "$ORGS" $P 'source,target,weight\na,b,50%%\n'
c negative-value $O "$ORGS" $P 'source,target,value_gbp\na,b,-100\n'
c fractional-population $O 'id,population\na,1000.5\nb,-3\n' $P 'source,target\na,b\n'
c latitude-out-of-range $O 'id,lat,lon\na,95,1\nb,52,\n' $P 'source,target\na,b\n'
# dates
c date-month-first-slashes $O "$ORGS" $P 'source,target,start\na,b,04/15/2014\n'
c date-dots $O "$ORGS" $P 'source,target,start\na,b,01.04.2014\n'
c date-in-words $O "$ORGS" $P 'source,target,start\na,b,1 April 2014\n'
c date-two-digit-year $O "$ORGS" $P 'source,target,start\na,b,14-04-01\n'
c date-compact $O "$ORGS" $P 'source,target,start\na,b,20140401\n'
c date-impossible $O "$ORGS" $P 'source,target,end\na,b,2014-02-30\n'
c end-before-start $O "$ORGS" $P 'source,target,start,end\na,b,2015-04-01,2014-04-01\n'
c end-before-start-timestamps $O "$ORGS" $P 'source,target,start,end\na,b,2015-04-01T00:00:00Z,2014-03-31T23:00:00Z\n'
c organisation-end-before-start $O 'id,start,end\na,2010-01-01,2009-12-31\nb,,\n' $P 'source,target\na,b\n'
# files that are not CSV
c png-named-csv $O '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00' $P 'source,target\na,b\n'
c zip-named-csv $O 'PK\x03\x04\x14\x00\x00\x00\x08\x00' $P 'source,target\na,b\n'
c pdf-named-csv $O '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n' $P 'source,target\na,b\n'
c gzip-named-csv $O '\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03' $P 'source,target\na,b\n'
# metadata
c metadata-unknown-key $O "$ORGS" $P 'source,target\na,b\nb,c\n' dataset.yaml 'title: T\nauthor: me\n'
c metadata-not-yaml $O "$ORGS" $P 'source,target\na,b\nb,c\n' dataset.yaml 'title: [unclosed\n'
# warnings only
c isolated-organisation $O "$ORGS" $P 'source,target\na,b\n'
c one-member-arrangement $O "$ORGS" $A 'id\nx\ny\n' $M 'arrangement_id,organisation_id\nx,a\nx,b\nx,c\ny,a\n'
c unknown-successor $O 'id,successor\na,\nb,zz\n' $P 'source,target\na,b\n'
# several problems in one file, out of order across files
c many-problems $O 'id,name,population\na,A,lots\nb,B,\na,A2,\n,None,\n' $P 'source,target,weight,start\na,zz,-1,02/13/2014\nb,b,x,\na,b,1,2014-13-01\n'
c duplicate-header-column $O 'id,name,Name\na,A,Alpha\nb,B,Beta\n' $P 'source,target\na,b\n'
c population-overflow $O 'id,population\na,1e20\nb,99999999999999999999\n' $P 'source,target\na,b\n'
c date-unpadded $O 'id\na\nb\n' $P 'source,target,start\na,b,2014-4-1\n'
c whitespace-id $O 'id,name\na,A\n   ,Blank\nb,B\n' $P 'source,target\na,b\n'
