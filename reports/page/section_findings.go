package page

// The findings section: findings: what the analyses say, in sentences.

func init() {
	register(&section{ID: "findings", Nav: "Findings", Order: 10, Template: findingsTemplate,
		Tables: func(r *Report) []Table {
			fr, cr := findingTables(r.Findings)
			return []Table{{"findings", fr}, {"finding_claims", cr}}
		}})
}

const findingsTemplate = `<section id="findings">
<h2>Findings</h2>
<ul>
{{- range .Findings}}
<li>{{.}}</li>
{{- end}}
</ul>
</section>`
