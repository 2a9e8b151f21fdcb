package reports

import (
	"sort"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/graph"
)

// ClustersInput is what `partnet clusters` computed, for NewClustersView.
type ClustersInput struct {
	Dataset   string
	Algorithm string // "leiden" or "louvain"
	Network   *graph.Network
	Snapshot  *graph.Snapshot
	// Clustering is the partition reported: the stability consensus when
	// Stability is set, else the single run.
	Clustering *community.Clustering
	// Stability is nil for a single run.
	Stability *community.StabilityResult
	// CompareAttr names the attribute Agreement compares with; Agreement
	// is nil when there is none.
	CompareAttr string
	Agreement   *community.Agreement
	// TopMembers is how many member names to list per cluster (0: 3).
	TopMembers int
}

// ClustersView is the clusters report; its JSON field names are
// snake_case and only ever added to.
type ClustersView struct {
	Dataset    string  `json:"dataset"`
	Algorithm  string  `json:"algorithm"`
	Objective  string  `json:"objective"`
	Resolution float64 `json:"resolution"`
	Seed       uint64  `json:"seed"`
	Iterations int     `json:"iterations"`
	Converged  bool    `json:"converged"`
	// Restarts is how many independent runs the partition is the best of
	// (LeidenOptions.Restarts; 1 for a single run).
	Restarts   int                `json:"restarts"`
	Quality    ClustersQuality    `json:"quality"`
	Stability  *ClustersStability `json:"stability"`
	Compare    *ClustersCompare   `json:"compare"`
	Clusters   []ClustersRow      `json:"clusters"`
	Membership []ClustersMember   `json:"membership"`
}

// ClustersQuality is the partition's quality.
type ClustersQuality struct {
	Organisations int     `json:"organisations"`
	Ties          int     `json:"ties"`
	Modularity    float64 `json:"modularity"`
	// Objective is the objective's value (modularity or CPM quality).
	Objective  float64         `json:"objective_value"`
	Coverage   float64         `json:"coverage"`
	Clusters   int             `json:"clusters"`
	Singletons int             `json:"singletons"`
	Sizes      []SizeCountView `json:"sizes"`
}

// SizeCountView is one row of the size distribution: Count clusters of
// Size organisations.
type SizeCountView struct {
	Size  int `json:"size"`
	Count int `json:"count"`
}

// ClustersStability summarises the seeds' agreement.
type ClustersStability struct {
	Runs           int     `json:"runs"`
	MeanNMI        float64 `json:"mean_nmi"`
	QualityMin     float64 `json:"quality_min"`
	QualityMean    float64 `json:"quality_mean"`
	QualityMax     float64 `json:"quality_max"`
	RobustClusters int     `json:"robust_clusters"`
	// MultiClusters counts clusters of two or more organisations, the
	// ones robustness is interesting for.
	MultiClusters    int `json:"clusters_of_two_or_more"`
	RobustMulti      int `json:"robust_clusters_of_two_or_more"`
	LowConfidenceOrg int `json:"organisations_below_half_confidence"`
}

// ClustersCompare is the agreement with a given partition.
type ClustersCompare struct {
	Attribute     string  `json:"attribute"`
	NMI           float64 `json:"nmi"`
	ARI           float64 `json:"ari"`
	Organisations int     `json:"organisations"`
	Values        int     `json:"values"`
}

// ClustersRow is one cluster.
type ClustersRow struct {
	Cluster        int      `json:"cluster"`
	Size           int      `json:"size"`
	TopMembers     []string `json:"top_members"`
	TopMemberIDs   []string `json:"top_member_ids"`
	InternalWeight float64  `json:"internal_weight"`
	CutWeight      float64  `json:"cut_weight"`
	Ties           int      `json:"ties"`
	Conductance    float64  `json:"conductance"`
	Density        float64  `json:"density"`
	// Robustness is nil for a single run.
	Robustness *float64 `json:"robustness"`
	Robust     *bool    `json:"robust"`
}

// ClustersMember is one organisation's cluster.
type ClustersMember struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Sector  string `json:"sector"`
	Type    string `json:"type"`
	Region  string `json:"region"`
	Cluster int    `json:"cluster"`
	Size    int    `json:"cluster_size"`
	// Confidence is nil for a single run.
	Confidence *float64 `json:"confidence"`
}

// NewClustersView builds the clusters report. Clusters come in label order
// (largest first); each lists its members with the most tie weight inside
// the cluster first (ties broken by id). Membership rows are in id order.
func NewClustersView(in ClustersInput) *ClustersView {
	c, s, net := in.Clustering, in.Snapshot, in.Network
	top := in.TopMembers
	if top <= 0 {
		top = 3
	}
	q := community.ClusterQuality(s, c.Membership, 1)
	v := &ClustersView{
		Dataset: in.Dataset, Algorithm: in.Algorithm, Objective: string(c.Objective), Resolution: c.Resolution,
		Seed: c.Seed, Iterations: c.Iterations, Converged: c.Converged, Restarts: max(c.Restarts, 1),
		Quality: ClustersQuality{Organisations: s.N(), Ties: s.Ties(), Modularity: q.Modularity, Objective: c.Quality,
			Coverage: q.Coverage, Clusters: q.Count, Singletons: q.Singletons, Sizes: []SizeCountView{}},
	}
	for _, sc := range q.Sizes {
		v.Quality.Sizes = append(v.Quality.Sizes, SizeCountView(sc))
	}
	// Members by weight inside their cluster.
	insideW := make([]float64, s.N())
	members := community.Communities(c.Membership)
	for i := 0; i < s.N(); i++ {
		ws := s.Weights(i)
		for k, j := range s.Neighbours(i) {
			if c.Membership[j] == c.Membership[i] {
				insideW[i] += ws[k]
			}
		}
	}
	for cl, st := range q.Clusters {
		if st.Size == 0 {
			continue
		}
		ms := append([]int(nil), members[cl]...)
		sort.Slice(ms, func(a, b int) bool {
			if insideW[ms[a]] != insideW[ms[b]] {
				return insideW[ms[a]] > insideW[ms[b]]
			}
			return s.ID(ms[a]) < s.ID(ms[b])
		})
		row := ClustersRow{Cluster: cl, Size: st.Size, InternalWeight: st.Internal, CutWeight: st.Cut, Ties: st.Ties,
			Conductance: st.Conductance, Density: st.Density, TopMembers: []string{}, TopMemberIDs: []string{}}
		for _, m := range ms[:min(top, len(ms))] {
			row.TopMembers = append(row.TopMembers, orgName(net, m))
			row.TopMemberIDs = append(row.TopMemberIDs, s.ID(m))
		}
		if in.Stability != nil && cl < len(in.Stability.Clusters) {
			r, ok := in.Stability.Clusters[cl].Robustness, in.Stability.Clusters[cl].Robust
			row.Robustness, row.Robust = &r, &ok
		}
		v.Clusters = append(v.Clusters, row)
	}
	if st := in.Stability; st != nil {
		v.Stability = &ClustersStability{Runs: st.Runs, MeanNMI: st.MeanNMI, QualityMin: st.QualityMin,
			QualityMean: st.QualityMean, QualityMax: st.QualityMax}
		for _, cs := range st.Clusters {
			if cs.Robust {
				v.Stability.RobustClusters++
			}
			if cs.Size >= 2 {
				v.Stability.MultiClusters++
				if cs.Robust {
					v.Stability.RobustMulti++
				}
			}
		}
		for _, x := range st.Confidence {
			if x < 0.5 {
				v.Stability.LowConfidenceOrg++
			}
		}
	}
	if in.Agreement != nil {
		v.Compare = &ClustersCompare{Attribute: in.CompareAttr, NMI: in.Agreement.NMI, ARI: in.Agreement.ARI,
			Organisations: in.Agreement.Organisations, Values: distinctValues(net.AttrColumn(in.CompareAttr))}
	}
	order := make([]int, s.N())
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return s.ID(order[a]) < s.ID(order[b]) })
	size := make([]int, c.Count)
	for _, cl := range c.Membership {
		size[cl]++
	}
	for _, i := range order {
		o := net.Organisation(i)
		row := ClustersMember{ID: o.ID, Name: o.Name, Sector: o.Sector, Type: o.Type, Region: o.Region,
			Cluster: c.Membership[i], Size: size[c.Membership[i]]}
		if in.Stability != nil {
			x := in.Stability.Confidence[i]
			row.Confidence = &x
		}
		v.Membership = append(v.Membership, row)
	}
	if v.Clusters == nil {
		v.Clusters = []ClustersRow{}
	}
	if v.Membership == nil {
		v.Membership = []ClustersMember{}
	}
	return v
}

// orgName is an organisation's name, or its id when it has none.
func orgName(net *graph.Network, i int) string {
	o := net.Organisation(i)
	if o.Name != "" {
		return o.Name
	}
	return o.ID
}

func distinctValues(col []string) int {
	seen := map[string]bool{}
	for _, v := range col {
		if v != "" {
			seen[v] = true
		}
	}
	return len(seen)
}
