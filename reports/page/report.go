package page

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

	Findings []Finding
	Figures  []Figure
	// Funding is the funding layer on its own when the layer rule split
	// the network (Source.Layers); nil otherwise.
	Funding *FundingView
	// FundingNote says why the layers were not split (Funding nil).
	FundingNote string

	Network NetworkView
	Geo     GeoView
	By      string // the grouping attribute of the heatmap and E-I rows
	Blocks  *BlockView
	EI      []EIRow
	// EIOverall is the network's E-I index by By, with its expected value
	// and UCINET's rescaled index.
	EIOverall *EIOverall
	Brokers   []BrokerRow
	// BrokerMeasure names what Brokers are ranked by.
	BrokerMeasure string
	Central       []CentralRow
	// CentralMeasure names what Central is ranked by (the map's node
	// size); BetweennessNote says whether betweenness is exact or sampled.
	CentralMeasure  string
	BetweennessNote string
	Degrees         []DegreeRow
	// Cutpoints are the articulation points, most organisations cut off
	// first; nil when not computed. Bridges counts the ties whose loss
	// would split the network.
	Cutpoints []CutRow
	Bridges   int
	Clusters  []ClusterRow
	// ClusterQuality are the partition's key figures (modularity,
	// coverage, stability, match with regions); ClusterNote says how the
	// clusters were found.
	ClusterQuality []Figure
	ClusterNote    string
	// RegionMatch compares the clusters with the organisations' regions;
	// nil when there are no clusters or no regions.
	RegionMatch *RegionMatch
	ClusterMap  *NetworkView
	Groups      []GroupRow
	// GroupNotes say per tier how the groups were searched.
	GroupNotes []string
	// GroupsWhy and TimelineWhy say why a section is empty: not asked
	// for, nothing eligible, or nothing to show.
	GroupsWhy, TimelineWhy string
	Periods                []PeriodRow
	// TimelineNote says how the timeline was taken (dates, undated ties).
	TimelineNote string
	Flows        *FlowView
	Successions  []SuccessionRow
	// Settings lists how each analysis was run (exact or sampled, seeds),
	// also shown on the page.
	Settings []Figure

	Footer Footer
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
	// Colours are the categories' colours (palette.Categories): the palette,
	// grey for "(none)" and the like.
	Colours []string `json:"colours"`
}

// GeoView is the map of council areas: districts drawn from their
// outlines and coloured by candidate group, cluster or a measure, counties
// drawn as the outline of their districts, and every other located
// organisation as a dot on top. With no outlines matching the data it is
// the dots alone, and Fallback says why.
type GeoView struct {
	// Points are the dot layer: located organisations drawn neither as an
	// area nor as a county outline.
	Points []GeoPoint `json:"points"`
	// ColourBy names what Group holds (cluster, candidate group, sector).
	ColourBy string `json:"colour_by"`
	// Missing counts organisations with neither a location nor an area.
	Missing int `json:"missing"`
	// Located counts organisations with a location that are not drawn as
	// areas. Above GeoPointBudget Points is a sample: every
	// candidate-group member and a seeded sample of the rest (see
	// geoView); Located stays the full count.
	Located int `json:"located"`
	// Areas are the organisations drawn as their district outline.
	Areas []MapArea `json:"areas"`
	// Counties are organisations drawn as the outline of their districts
	// (the areas whose parent they are).
	Counties []MapCounty `json:"counties"`
	// Colourings are the ways the page can colour the map; the first is
	// shown first.
	Colourings []MapColouring `json:"-"`
	// Attribution is the outlines' attribution, shown under the map.
	Attribution string `json:"-"`
	// Fallback, when set, says why the page shows dots only.
	Fallback string `json:"-"`
	// Aspect is the map's horizontal scale relative to its vertical one
	// (the cosine of the middle latitude), so a kilometre is as long
	// across as up.
	Aspect float64 `json:"-"`
}

// GeoPoint is one located organisation.
type GeoPoint struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Lon   float64 `json:"lon"`
	Lat   float64 `json:"lat"`
	Group string  `json:"group"`
}

// MapArea is an organisation drawn as its area's outline.
type MapArea struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Group is its category in the first colouring (candidate group,
	// cluster or the grouping attribute).
	Group    string  `json:"group"`
	Partners int     `json:"partners"`
	Density  float64 `json:"density_of_partners_ties"`
	// Inside is a point well inside the area (the grid point farthest
	// from its edges) and Radius that distance in degrees of latitude.
	Inside   [2]float64       `json:"-"`
	Radius   float64          `json:"-"`
	Polygons [][][][2]float64 `json:"-"`
	Tooltip  string           `json:"-"`
	org      int
}

// MapCounty is an organisation drawn as the outline of its districts.
type MapCounty struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Group     string `json:"group"`
	Districts int    `json:"districts"`
	// Segments are the edges of its districts that no two of them share.
	Segments [][2][2]float64 `json:"-"`
	Tooltip  string          `json:"-"`
	org      int
}

// MapColouring is one way of colouring the map: by category (a colour
// per category, Legend listing them) or by a measure (a colour ramp from
// Min to Max). Area, County and Point hold each item's colour.
type MapColouring struct {
	Name     string        `json:"name"`
	Measure  bool          `json:"measure"`
	Legend   []LegendEntry `json:"legend"`
	Min, Max float64       `json:"-"`
	MinText  string        `json:"min"`
	MaxText  string        `json:"max"`
	Area     []string      `json:"area"`
	County   []string      `json:"county"`
	Point    []string      `json:"point"`
	// Label is each area's text in the tooltip (its category or value).
	Label       []string `json:"label"`
	countyLabel []string
}

// LegendEntry is one category and its colour.
type LegendEntry struct {
	Label  string `json:"label"`
	Colour string `json:"colour"`
}

// BlockView is the density of ties within and between groups.
type BlockView struct {
	Groups []string `json:"groups"`
	Sizes  []int    `json:"sizes"`
	Ties   [][]int  `json:"ties"`
	// Density is ties / possible pairs; NaN where no pair is possible.
	Density [][]float64 `json:"-"`
}

// EIRow is the E-I index of a group.
type EIRow struct {
	Group    string  `json:"group"`
	Size     int     `json:"size"`
	External int     `json:"external"`
	Internal int     `json:"internal"`
	Index    float64 `json:"ei_index"`
	Expected float64 `json:"expected"`
}

// EIOverall is the whole network's E-I index.
type EIOverall struct {
	External int     `json:"external"`
	Internal int     `json:"internal"`
	Index    float64 `json:"ei_index"`
	Expected float64 `json:"expected"`
	// Rescaled maps Index from its attainable range onto [-1, 1]
	// (UCINET's rescaled E-I); NaN when the range is empty.
	Rescaled float64 `json:"rescaled"`
}

// BrokerRow is an organisation that links groups: its Gould-Fernandez
// brokerage roles with respect to the report's grouping attribute, its
// betweenness and Burt's constraint and effective size.
type BrokerRow struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Group string `json:"group"`
	// Value is the ranking measure (BrokerMeasure): brokered paths whose
	// ends are in different groups from each other or from the broker.
	Value          float64 `json:"value"`
	Liaison        int     `json:"liaison"`
	Gatekeeper     int     `json:"gatekeeper"`
	Representative int     `json:"representative"`
	Itinerant      int     `json:"itinerant"`
	Coordinator    int     `json:"coordinator"`
	Betweenness    float64 `json:"betweenness"`
	Constraint     float64 `json:"constraint"`
	EffectiveSize  float64 `json:"effective_size"`
	Detail         string  `json:"detail"`
	// Links says which groups the organisation links most in words (the
	// groups of the partners at the two ends of the most paths it
	// brokers, outside its own group); LinksPaths counts those paths.
	Links      string `json:"links"`
	LinksPaths int    `json:"links_paths"`
}

// CentralRow is an organisation with its centralities; Value is the one
// the report ranks by.
type CentralRow struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Group       string  `json:"group"`
	Degree      int     `json:"degree"`
	Value       float64 `json:"value"`
	Betweenness float64 `json:"betweenness"`
	PageRank    float64 `json:"pagerank"`
	Eigenvector float64 `json:"eigenvector"`
}

// CutRow is a single point of failure: an organisation whose loss splits
// its part of the network.
type CutRow struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Group  string `json:"group"`
	Degree int    `json:"degree"`
	// CutOff is how many organisations would lose every path to the
	// largest remaining piece of the component; Pieces how many pieces the
	// component falls into.
	CutOff int `json:"cut_off"`
	Pieces int `json:"pieces"`
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
	Ties        int     `json:"ties"`
	Density     float64 `json:"density"`
	Conductance float64 `json:"conductance"`
	// Robustness is the mean best Jaccard match of the cluster across the
	// stability seeds (1: every seed found it); NaN when not measured.
	Robustness float64 `json:"robustness"`
	Robust     bool    `json:"robust"`
	// TopRegion is the region most members share, with its share.
	TopRegion      string  `json:"top_region"`
	TopRegionShare float64 `json:"top_region_share"`
	Examples       string  `json:"examples"`
}

// RegionMatch is how well clusters match regions.
type RegionMatch struct {
	NMI           float64 `json:"nmi"`
	ARI           float64 `json:"ari"`
	Organisations int     `json:"organisations"`
	Regions       int     `json:"regions"`
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
	// Parts are the points each score part added (weakest link subtracts).
	Parts []Figure `json:"parts"`
	// Evidence is strongest first: shared services and management before
	// statutory areas shared with many others.
	Evidence []string `json:"evidence"`
	// Found is how many of the search's runs produced the group.
	Found string `json:"found"`
}

// PeriodRow is one period of the timeline.
type PeriodRow struct {
	Period          string  `json:"period"`
	Organisations   int     `json:"organisations"`
	Ties            int     `json:"ties"`
	Formed          int     `json:"formed"`
	Ended           int     `json:"ended"`
	Density         float64 `json:"density"`
	WeightedDensity float64 `json:"weighted_density"`
	Components      int     `json:"components"`
	Clusters        int     `json:"clusters"`
}

// FlowView is the cluster transitions between dates as a Sankey chart:
// nodes are tracked clusters on a date, links carry shared organisations.
type FlowView struct {
	Nodes []FlowNode `json:"nodes"`
	Links []FlowLink `json:"links"`
	// Transitions are the labelled events behind the links, for the table.
	Transitions []TransitionRow `json:"transitions"`
	// Note says which clusters are drawn.
	Note string `json:"note"`
}

// FlowNode is one tracked cluster on one date.
type FlowNode struct {
	Name  string `json:"name"` // unique: "date #id", or "date other"
	Date  string `json:"date"`
	ID    int    `json:"cluster_id"`
	Label string `json:"label"`
	Size  int    `json:"size"`
	Depth int    `json:"depth"`
	// Other marks the node that sums a date's smaller clusters.
	Other bool `json:"other"`
	// ShowLabel is whether the chart writes Label beside the node.
	ShowLabel bool `json:"-"`
}

// FlowLink is organisations shared by clusters on consecutive dates.
type FlowLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Shared int    `json:"shared"`
}

// TransitionRow is one cluster event.
type TransitionRow struct {
	Date string `json:"date"`
	Kind string `json:"kind"`
	From string `json:"from"`
	To   string `json:"to"`
}

// SuccessionRow is an organisation that replaced abolished ones, with the
// partnerships among the predecessors before it.
type SuccessionRow struct {
	Date         string   `json:"date"`
	Successor    string   `json:"successor"`
	SuccessorID  string   `json:"successor_id"`
	Predecessors []string `json:"predecessors"`
	Pairs        int      `json:"pairs"`
	PairsJoined  int      `json:"pairs_joined"`
	// PairsChosen counts the pairs joined by a partnership beyond shared
	// statutory bodies and areas (graph.IsStatutory).
	PairsChosen int `json:"pairs_chosen"`
	// PriorTies sums them up: "chosen" (some pair worked together beyond
	// statutory areas), "statutory only" or "none".
	PriorTies string   `json:"prior_ties"`
	Preceding []string `json:"preceding"`
	// ties are Preceding with their kinds and the predecessors each
	// joined, for the findings' examples.
	ties []precedingTie
}

// precedingTie is one partnership among a succession's predecessors.
type precedingTie struct {
	text      string
	statutory bool
	members   []string // predecessor names
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
