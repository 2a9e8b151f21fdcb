package page

// The reproduce section: footer: version, seed, settings, parameters and input checksums.

func init() {
	register(&section{ID: "reproduce", Nav: "Reproduce", Order: 1000, Template: reproduceTemplate})
}

const reproduceTemplate = `<footer id="reproduce">
<h2>Reproduce this report</h2>
<dl>
<dt>partnet version</dt><dd>{{.Footer.Version}}</dd>
<dt>Seed</dt><dd>{{.Footer.Seed}}</dd>
<dt>Generated</dt><dd>{{.GeneratedAt}}</dd>
</dl>
{{- if .Settings}}
<h3>How the analyses were run</h3>
<table><thead><tr><th>analysis</th><th>settings</th></tr></thead><tbody>
{{- range .Settings}}
<tr><td>{{.Label}}</td><td>{{.Value}}</td></tr>
{{- end}}
</tbody></table>
{{- end}}
<h3>Parameters</h3>
<table><thead><tr><th>parameter</th><th>value</th></tr></thead><tbody>
{{- range .Footer.Parameters}}
<tr><td>{{.Label}}</td><td>{{.Value}}</td></tr>
{{- end}}
</tbody></table>
<h3>Inputs</h3>
<table><thead><tr><th>file</th><th>SHA-256</th></tr></thead><tbody>
{{- range .Footer.Inputs}}
<tr><td>{{.Name}}</td><td><code>{{.SHA256}}</code></td></tr>
{{- end}}
</tbody></table>
</footer>`
