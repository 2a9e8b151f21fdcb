package page

// The figures section: key figures (and the settings table behind them).

func init() {
	register(&section{ID: "figures", Nav: "Key figures", Order: 20, Template: figuresTemplate,
		Tables: func(r *Report) []Table { return []Table{{"figures", r.Figures}, {"settings", r.Settings}} }})
}

const figuresTemplate = `<section id="figures">
<h2>Key figures</h2>
<div class="figures">
{{- range .Figures}}
<div class="figure"><span class="value">{{.Value}}</span><span class="label">{{.Label}}</span></div>
{{- end}}
</div>
</section>`
