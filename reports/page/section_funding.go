package page

// The funding section: when funding dominates the ties (the layer rule in
// layers.go), the funding layer on its own: funders, grants per year,
// recipients with more than one funder and the overlap with joint
// working. Absent when the layers are not split.

import "github.com/partnet/partnet/analysis/engine"

func init() {
	register(&section{ID: "funding", Nav: "Funding", Order: 65, Template: fundingTemplate,
		Build: func(in *sectionInput, r *Report) error {
			var ls *engine.LayerSplit
			if in.Results != nil {
				ls = in.Results.Layers
			}
			r.Funding = fundingView(ls)
			if r.Funding != nil {
				r.Funding.limitPage()
			}
			if r.Funding == nil && ls != nil {
				r.FundingNote = ls.Reason
				r.AllFunding = ls.Counts.Collaboration == 0 && ls.Counts.Funding > 0
			}
			return nil
		},
		Tables: func(r *Report) []Table {
			f := r.Funding
			if f == nil {
				f = &FundingView{}
			}
			return []Table{{"funding_funders", nonNil(f.FunderRows)}, {"funding_years", nonNil(f.Years)},
				{"funding_multi_funded", nonNil(f.MultiFunded)}}
		}})
}

// nonNil makes a nil table an empty one (written as [] in JSON).
func nonNil[T any](rows []T) []T {
	if rows == nil {
		return []T{}
	}
	return rows
}

const fundingTemplate = `<section id="funding">
<h2>Funding</h2>
{{- with .Funding}}
<p>{{.Note}}</p>
<p>{{.Grants}} {{if eq .Grants 1}}grant{{else}}grants{{end}} from {{.Funders}} {{if eq .Funders 1}}funder{{else}}funders{{end}} to {{.Recipients}} {{if eq .Recipients 1}}recipient{{else}}recipients{{end}}; {{.Collaborating}} of the recipients also {{if eq .Collaborating 1}}works{{else}}work{{end}} with others in the collaboration layer, and {{.Both}} funder-recipient {{if eq .Both 1}}pair also works{{else}}pairs also work{{end}} together.</p>
<h3>Funders</h3>
<table class="sortable"><thead><tr><th>funder</th><th>grants</th><th>recipients</th><th>amount (GBP)</th><th>grants with an amount</th></tr></thead><tbody>
{{- range .PageFunders}}
<tr><td>{{.Name}}</td><td>{{.Grants}}</td><td>{{.Recipients}}</td><td>{{printf "%.0f" .AmountGBP}}</td><td>{{.Valued}}</td></tr>
{{- end}}
</tbody></table>
{{- if .MoreFunders}}
<p class="note">The page lists the {{len .PageFunders}} funders with the most grants; {{.MoreFunders}} more are in the funding_funders table (partnet report --tables DIR).</p>
{{- end}}
<h3>Grants by start year</h3>
<table class="sortable"><thead><tr><th>year</th><th>grants</th><th>recipients</th><th>amount (GBP)</th></tr></thead><tbody>
{{- range .Years}}
<tr><td>{{.Year}}</td><td>{{.Grants}}</td><td>{{.Recipients}}</td><td>{{printf "%.0f" .AmountGBP}}</td></tr>
{{- end}}
</tbody></table>
<h3>Recipients with more than one funder</h3>
{{- if .MultiFunded}}
<table class="sortable"><thead><tr><th>recipient</th><th>funders</th><th>funder names</th></tr></thead><tbody>
{{- range .PageMultiFunded}}
<tr><td>{{.Name}}</td><td>{{.Funders}}</td><td>{{join .Names ", "}}</td></tr>
{{- end}}
</tbody></table>
{{- if .MoreMultiFunded}}
<p class="note">The page lists {{len .PageMultiFunded}} of these recipients, those with the most funders; {{.MoreMultiFunded}} more are in the funding_multi_funded table (partnet report --tables DIR).</p>
{{- end}}
{{- else}}
<p class="note">No recipient has more than one funder in these data.</p>
{{- end}}
{{- else}}
<p class="note">{{with .FundingNote}}{{.}}{{else}}Funding was not analysed apart from joint working.{{end}}</p>
{{- end}}
</section>`
