package reports

import "github.com/go-echarts/go-echarts/v2/render"

// chart is a section's chart with its id and builder.
func chart(id string, build func() (render.Renderer, error)) sectionChart {
	return sectionChart{ID: id, Build: build}
}
