package page

// The groups section: candidate council groups for a funding round, with score parts and evidence.

func init() {
	register(&section{ID: "groups", Nav: "Candidate groups", Order: 80, Template: groupsTemplate,
		Tables: func(r *Report) []Table { return []Table{{"candidate_groups", r.Groups}} }})
}

const groupsTemplate = `<section id="groups">
<h2>Candidate groups</h2>
{{- if .Groups}}
<p>Groups of councils proposed for a funding round, scored out of 100: 40 existing collaboration + 20 cohesion + 15 density + 10 compactness + 15 scale (large tier) − 10 weakest link. The geographic view above colours organisations by candidate group. Evidence is listed strongest first: shared services and shared management before statutory areas shared with many others.</p>
<ul>{{range .GroupNotes}}<li>{{.}}</li>{{end}}</ul>
<table class="sortable"><thead><tr><th>tier</th><th>rank</th><th>group</th><th>members</th><th>score</th><th>score parts (points)</th><th>found in</th><th>evidence</th></tr></thead><tbody>
{{- range .Groups}}
<tr><td>{{.Tier}}</td><td>{{.Rank}}</td><td>{{.GroupID}}</td><td>{{join .Members ", "}}</td><td>{{num .Score}}</td><td>{{range $k, $p := .Parts}}{{if $k}}; {{end}}{{$p.Label}} {{$p.Value}}{{end}}</td><td>{{.Found}}</td><td><ul>{{range first 6 .Evidence}}<li>{{.}}</li>{{end}}{{with more 6 .Evidence}}<li>and {{.}} more</li>{{end}}</ul></td></tr>
{{- end}}
</tbody></table>
{{- else}}
<p class="note">{{.GroupsWhy}}</p>
{{- with .GroupNotes}}<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{- end}}
</section>`
