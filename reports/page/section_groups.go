package page

// The groups section: candidate council groups for a funding round, with score parts and evidence.

import (
	"fmt"

	"github.com/partnet/partnet/analysis/groups"
)

// groupsFormula is the score as the page states it, from the weights the
// search uses (it was once written out by hand here and fell behind them).
var groupsFormula = fmt.Sprintf("%g existing collaboration + %g cohesion + %g density + %g depth + %g compactness (%g with prefer-near) + %g scale (large tier) − %g weakest link",
	groups.WeightCollaboration, groups.WeightCohesion, groups.WeightDensity, groups.WeightDepth,
	groups.WeightCompactness, 2*groups.WeightCompactness, groups.WeightScale, groups.WeightWeakestLink)

func init() {
	pageFuncs["groupsFormula"] = func() string { return groupsFormula }
	register(&section{ID: "groups", Nav: "Candidate groups", Order: 80, Template: groupsTemplate,
		Tables: func(r *Report) []Table { return []Table{{"candidate_groups", r.Groups}} }})
}

const groupsTemplate = `<section id="groups">
<h2>Candidate groups</h2>
{{- if .Groups}}
<p>Groups proposed for a funding round among the eligible organisations (councils unless chosen otherwise; the notes below give the count), scored out of 100: {{groupsFormula}}.{{if or .Geo.Areas .Geo.Points}} The geographic view above colours organisations by candidate group.{{end}} Evidence is listed strongest first: shared services and shared management before statutory areas shared with many others.</p>
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
