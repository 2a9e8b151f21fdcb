package reports

import "html/template"

// Report is the view model of the HTML report: everything the page shows,
// already computed, sorted and formatted. The templates only range over
// it. Sections whose results are absent (nil or empty) are left out of the
// page with a sentence saying why. Build fills a Report from analysis
// results; the JSON tags name the tables written by WriteTables.
type Report struct {
	Title       string
	Description string
	Source      string
	Licence     string
	// Dataset is the dataset as the user named it.
	Dataset     string
	GeneratedAt string
	// Coverage says in one sentence what the data covers.
	Coverage string

	Findings []string
	Figures  []Figure

	Network NetworkView
	Geo     GeoView
	By      string // the grouping attribute of the heatmap and E-I rows
	Blocks  *BlockView
	EI      []EIRow
	// EIOverall is the network's E-I index by By, with its expected value.
	EIOverall *EIRow
	Brokers   []BrokerRow
	// BrokerMeasure names what Brokers are ranked by.
	BrokerMeasure string
	Central       []CentralRow
	// CentralMeasure names what Central is ranked by.
	CentralMeasure string
	Degrees        []DegreeRow
	Cutpoints      []CentralRow
	Clusters       []ClusterRow
	ClusterQuality []Figure
	ClusterMap     *NetworkView
	Groups         []GroupRow
	Periods        []PeriodRow

	Footer Footer

	// charts are the rendered chart snippets by section id; filled by
	// WriteHTML.
	charts map[string]template.HTML
}

// Figure is a labelled key figure, already formatted.
type Figure struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// NetworkView is a graph drawn with positions computed in Go.
type NetworkView struct {
	Nodes []MapNode `json:"nodes"`
	Ties  []MapTie  `json:"ties"`
	// Colourings are the ways nodes can be coloured (sector, cluster), each
	// with its category names; MapNode.Colour holds the node's category in
	// each, in the same order.
	Colourings []Colouring `json:"colourings"`
	// SizeBy names the centrality that sets node size.
	SizeBy string `json:"size_by"`
	// Summary is true when the network was over the node budget and this is
	// a summary; Note says so in words.
	Summary bool   `json:"summary"`
	Note    string `json:"note"`
}

// MapNode is one node of a NetworkView.
type MapNode struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Size   float64 `json:"size"` // the centrality value
	Colour []int   `json:"colour"`
	// Tooltip is plain text, one attribute a line.
	Tooltip string `json:"tooltip"`
}

// MapTie is a tie between nodes (indices into Nodes).
type MapTie struct {
	Source int     `json:"source"`
	Target int     `json:"target"`
	Weight float64 `json:"weight"`
}

// Colouring is one way of colouring the map.
type Colouring struct {
	Name       string   `json:"name"`
	Categories []string `json:"categories"`
}

// GeoView is organisations placed by longitude and latitude.
type GeoView struct {
	Points []GeoPoint `json:"points"`
	// ColourBy names what Group holds (cluster, candidate group, sector).
	ColourBy string `json:"colour_by"`
	// Missing counts organisations without a location.
	Missing int `json:"missing"`
}

// GeoPoint is one located organisation.
type GeoPoint struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Lon   float64 `json:"lon"`
	Lat   float64 `json:"lat"`
	Group string  `json:"group"`
}

// BlockView is the density of ties within and between groups.
type BlockView struct {
	Groups []string `json:"groups"`
	Sizes  []int    `json:"sizes"`
	Ties   [][]int  `json:"ties"`
	// Density is ties / possible pairs; NaN where no pair is possible.
	Density [][]float64 `json:"-"`
}

// EIRow is the E-I index of a group (or of the network).
type EIRow struct {
	Group    string  `json:"group"`
	Size     int     `json:"size"`
	External int     `json:"external"`
	Internal int     `json:"internal"`
	Index    float64 `json:"ei_index"`
	Expected float64 `json:"expected"`
}

// BrokerRow is an organisation that links groups.
type BrokerRow struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Group string `json:"group"`
	// Value is the ranking measure (BrokerMeasure); Detail explains it.
	Value  float64 `json:"value"`
	Detail string  `json:"detail"`
}

// CentralRow is an organisation with its centrality.
type CentralRow struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Group  string  `json:"group"`
	Degree int     `json:"degree"`
	Value  float64 `json:"value"`
}

// DegreeRow is one bar of the degree distribution.
type DegreeRow struct {
	Degree        string `json:"degree"`
	Organisations int    `json:"organisations"`
}

// ClusterRow describes one cluster.
type ClusterRow struct {
	Cluster     string  `json:"cluster"`
	Size        int     `json:"size"`
	Conductance float64 `json:"conductance"`
	// Stability is the share of seeds that reproduce the cluster; NaN when
	// stability was not measured.
	Stability float64 `json:"stability"`
	// TopRegion is the region most members share, with its share.
	TopRegion      string  `json:"top_region"`
	TopRegionShare float64 `json:"top_region_share"`
	Examples       string  `json:"examples"`
}

// GroupRow is a candidate group of councils.
type GroupRow struct {
	Tier    string `json:"tier"`
	Rank    int    `json:"rank"`
	GroupID string `json:"group_id"`
	// Members are display names; MemberIDs the organisation ids.
	Members   []string `json:"members"`
	MemberIDs []string `json:"member_ids"`
	Score     float64  `json:"score"`
	Parts     []Figure `json:"parts"`
	Evidence  []string `json:"evidence"`
}

// PeriodRow is one period of the timeline.
type PeriodRow struct {
	Period        string  `json:"period"`
	Organisations int     `json:"organisations"`
	Ties          int     `json:"ties"`
	Formed        int     `json:"formed"`
	Ended         int     `json:"ended"`
	Density       float64 `json:"density"`
}

// Footer holds what is needed to reproduce the report.
type Footer struct {
	Version    string   `json:"version"`
	Inputs     []Input  `json:"inputs"`
	Parameters []Figure `json:"parameters"`
	Seed       uint64   `json:"seed"`
}

// Input is an input file and its SHA-256.
type Input struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}
