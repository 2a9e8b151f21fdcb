package page

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/render"
)

// go-echarts 2.6.7 writes a chart's options into a <script> block as JSON
// with HTML escaping turned off, and then deletes every "__f__" marker in
// the script, which turns a string holding one into raw JavaScript. So a
// name such as </script><script>alert(1)</script> or __f__alert(1)__f__
// would run in the reader's browser. Every string partnet hands to
// go-echarts passes through chartText, which swaps the characters that
// matter ('<', '>', '&', '_' and the JavaScript line separators) for
// private-use placeholders that survive JSON encoding untouched and cannot
// form "__f__"; finishScript then turns each placeholder into a JSON
// \uXXXX escape, which the browser decodes back to the original character
// inside the string. The script block never holds a raw '<', and no user
// text can hold "__f__". This file is that one boundary.

// placeholders maps each character to its private-use stand-in.
var placeholders = [...][2]rune{
	{'<', '\uE000'}, {'>', '\uE001'}, {'&', '\uE002'}, {'_', '\uE003'},
	{'\u2028', '\uE004'}, {'\u2029', '\uE005'},
}

var (
	toPlaceholder   *strings.Replacer
	fromPlaceholder *strings.Replacer
)

func init() {
	var to, from []string
	for _, p := range placeholders {
		to = append(to, string(p[0]), string(p[1]))
		from = append(from, string(p[1]), fmt.Sprintf(`\u%04x`, p[0]))
	}
	toPlaceholder = strings.NewReplacer(to...)
	fromPlaceholder = strings.NewReplacer(from...)
}

// chartText makes user text safe to hand to go-echarts (see above).
// Characters that are themselves placeholders become U+FFFD, so user text
// cannot smuggle one in.
func chartText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= '\uE000' && r <= '\uE0FF' {
			return '\uFFFD'
		}
		return r
	}, s)
	return toPlaceholder.Replace(s)
}

func chartTexts(list []string) []string {
	out := make([]string, len(list))
	for k, s := range list {
		out[k] = chartText(s)
	}
	return out
}

// finishScript turns placeholders in a rendered snippet back into JSON
// escapes.
func finishScript(s string) string { return fromPlaceholder.Replace(s) }

// snippet renders a chart's element and script for our page.
func snippet(r render.Renderer) template.HTML {
	sn := r.RenderSnippet()
	// The element and script hold only our own ids and the escaped option
	// JSON; that is what makes them safe to mark as HTML here.
	return template.HTML(finishScript(sn.Element) + "\n" + finishScript(sn.Script))
}

// finite returns an error naming the chart when any value is NaN or
// infinite: one such value makes ECharts draw a blank chart while go-echarts
// reports no error.
func finite(chart string, vals ...float64) error {
	for k, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("chart %s: value %d is %v: charts need finite numbers", chart, k, v)
		}
	}
	return nil
}
