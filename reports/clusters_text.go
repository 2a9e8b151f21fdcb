package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// ClustersTables are the tables WriteClustersCSV can write, the first
// being the default.
var ClustersTables = []string{"membership", "clusters"}

// WriteClustersText writes the clusters report as plain text: quality,
// stability, agreement with the compared attribute, then one row per
// cluster of two or more organisations (single organisations are counted,
// not listed). Names go through Plain.
func WriteClustersText(w io.Writer, v *ClustersView) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	alg := "Leiden"
	if v.Algorithm == "louvain" {
		alg = "Louvain (gonum)"
	}
	fmt.Fprintf(tw, "Clusters in %s: %s, %s at resolution %s, seed %d", Plain(v.Dataset), alg, v.Objective, fnum(v.Resolution), v.Seed)
	if v.Algorithm != "louvain" {
		state := "converged"
		if !v.Converged {
			state = "stopped"
		}
		fmt.Fprintf(tw, " (%s after %d iterations)", state, v.Iterations)
		if v.Restarts > 1 {
			fmt.Fprintf(tw, ", the best of %d runs", v.Restarts)
		}
	}
	fmt.Fprintf(tw, "\n\n")
	q := v.Quality
	fmt.Fprintf(tw, "organisations\t%d\n", q.Organisations)
	fmt.Fprintf(tw, "ties\t%d\n", q.Ties)
	fmt.Fprintf(tw, "clusters\t%d (%d of them single organisations)\n", q.Clusters, q.Singletons)
	fmt.Fprintf(tw, "modularity\t%s\n", tnum(q.Modularity))
	if v.Objective == "cpm" || v.Resolution != 1 {
		fmt.Fprintf(tw, "%s quality at resolution %s\t%s\n", v.Objective, fnum(v.Resolution), tnum(q.Objective))
	}
	fmt.Fprintf(tw, "coverage\t%s (share of tie weight inside clusters)\n", tnum(q.Coverage))
	var sizes []string
	hint := ""
	for _, sc := range q.Sizes {
		if sc.Count == 1 {
			sizes = append(sizes, strconv.Itoa(sc.Size))
		} else {
			sizes = append(sizes, fmt.Sprintf("%d x %d", sc.Count, sc.Size))
			if hint == "" {
				hint = fmt.Sprintf(" (%d x %d: %d clusters of %d)", sc.Count, sc.Size, sc.Count, sc.Size)
			}
		}
	}
	fmt.Fprintf(tw, "sizes\t%s%s\n", strings.Join(sizes, ", "), hint)
	if st := v.Stability; st != nil {
		fmt.Fprintf(tw, "\nstability over %d seeds\n", st.Runs)
		fmt.Fprintf(tw, "  mean NMI between runs\t%s (1 = every seed gives the same clusters)\n", tnum(st.MeanNMI))
		fmt.Fprintf(tw, "  quality across runs\t%s to %s (mean %s)\n", tnum(st.QualityMin), tnum(st.QualityMax), tnum(st.QualityMean))
		fmt.Fprintf(tw, "  robust clusters\t%d of %d clusters of two or more (robustness >= 0.8)\n", st.RobustMulti, st.MultiClusters)
		fmt.Fprintf(tw, "  low confidence\t%d organisations below 0.5\n", st.LowConfidenceOrg)
		fmt.Fprintf(tw, "  reported partition\tthe consensus: the run closest to the others (highest mean NMI)\n")
	}
	if c := v.Compare; c != nil {
		fmt.Fprintf(tw, "\nagreement with %s\t(%d values, %d organisations that have one)\n", Plain(c.Attribute), c.Values, c.Organisations)
		fmt.Fprintf(tw, "  NMI\t%s (0 = unrelated, 1 = the same grouping)\n", tnum(c.NMI))
		fmt.Fprintf(tw, "  adjusted Rand index\t%s (0 = chance, 1 = the same grouping)\n", tnum(c.ARI))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nclusters of two or more organisations, largest first\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "cluster\tsize\tconductance\tdensity\trobustness\tmost connected members\n")
	listed := 0
	for _, c := range v.Clusters {
		if c.Size < 2 {
			continue
		}
		listed++
		rob := "-"
		if c.Robustness != nil {
			rob = tnum(*c.Robustness)
		}
		names := make([]string, len(c.TopMembers))
		for i, n := range c.TopMembers {
			names[i] = Plain(n)
		}
		more := ""
		if c.Size > len(names) {
			more = fmt.Sprintf(" and %d more", c.Size-len(names))
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s%s\n", c.Cluster, c.Size, tnum(c.Conductance), tnum(c.Density), rob, strings.Join(names, ", "), more)
	}
	if listed == 0 {
		fmt.Fprintf(tw, "(none)\n")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nConductance: share of a cluster's tie weight that leaves it (lower is tighter).\n"+
		"Per-organisation membership: --format csv or --format json.\n")
	return err
}

// WriteClustersCSV writes one table of the clusters report with a header
// row (snake_case columns, only ever added to): membership (one row per
// organisation, in id order; confidence empty for a single run) or
// clusters (one row per cluster; top members joined by ";"). Numbers have
// 6 decimals.
func WriteClustersCSV(w io.Writer, v *ClustersView, table string) error {
	cw := NewCSVWriter(w) // cells guarded against formula injection
	var rows [][]string
	switch table {
	case "", "membership":
		rows = append(rows, []string{"id", "name", "sector", "type", "region", "cluster", "cluster_size", "confidence"})
		for _, m := range v.Membership {
			rows = append(rows, []string{m.ID, m.Name, m.Sector, m.Type, m.Region, strconv.Itoa(m.Cluster), strconv.Itoa(m.Size), optF(m.Confidence)})
		}
	case "clusters":
		rows = append(rows, []string{"cluster", "size", "ties", "internal_weight", "cut_weight", "conductance", "density", "robustness", "robust", "top_member_ids", "top_members"})
		for _, c := range v.Clusters {
			robust := ""
			if c.Robust != nil {
				robust = strconv.FormatBool(*c.Robust)
			}
			rows = append(rows, []string{strconv.Itoa(c.Cluster), strconv.Itoa(c.Size), strconv.Itoa(c.Ties), ftoa(c.InternalWeight), ftoa(c.CutWeight),
				ftoa(c.Conductance), ftoa(c.Density), optF(c.Robustness), robust, strings.Join(c.TopMemberIDs, ";"), strings.Join(c.TopMembers, ";")})
		}
	default:
		return fmt.Errorf("clusters csv: unknown table %q", table)
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("clusters csv: %w", err)
	}
	return nil
}

func optF(p *float64) string {
	if p == nil {
		return ""
	}
	return ftoa(*p)
}

// fnum formats a parameter value without trailing zeros.
func fnum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
