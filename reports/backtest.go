package reports

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/graph"
)

// BacktestView is the backtest of groups on a dataset's own dates (partnet
// backtest). JSON field names are snake_case and only ever added to.
type BacktestView struct {
	Dataset string `json:"dataset"`
	// ReadyRounds says how the ready shortlists at each date were made.
	ReadyRounds string                  `json:"ready_rounds"`
	Dates       []BacktestDateView      `json:"dates"`
	Precision   []BacktestPrecisionView `json:"precision"`
	Ready       []BacktestReadyView     `json:"ready"`
	Mergers     []BacktestMergerView    `json:"mergers"`
}

// BacktestDateView is the pair hold-out after one date.
type BacktestDateView struct {
	Date              string  `json:"date"`
	Eligible          int     `json:"eligible"`
	OpenPairs         int     `json:"open_pairs"`
	LaterArrangements int     `json:"later_arrangements"`
	PositivePairs     int     `json:"positive_pairs"`
	Chance            float64 `json:"chance"`
	Candidates        int     `json:"candidates"`
	LocatedPairs      int     `json:"located_pairs"`
}

// BacktestPrecisionView is precision at K for one date and method.
type BacktestPrecisionView struct {
	Date      string   `json:"date"`
	Method    string   `json:"method"`
	K         int      `json:"k"`
	Proposed  int      `json:"proposed"`
	Hits      int      `json:"hits"`
	Precision *float64 `json:"precision"`
	// HitPairs name the pairs that hit ("id+id"), in rank order.
	HitPairs []string `json:"hit_pairs"`
}

// BacktestReadyView counts the mergers one date's shortlist (or its
// baseline) held together.
type BacktestReadyView struct {
	Date    string `json:"date"`
	Method  string `json:"method"`
	Mergers int    `json:"mergers"`
	Hits    int    `json:"hits"`
	Groups  int    `json:"groups"`
	Placed  int    `json:"placed"`
}

// BacktestMergerView is one merger at one date under one method.
type BacktestMergerView struct {
	Date             string   `json:"date"`
	Method           string   `json:"method"`
	SuccessorID      string   `json:"successor_id"`
	SuccessorName    string   `json:"successor_name"`
	Start            string   `json:"start"`
	PredecessorIDs   []string `json:"predecessor_ids"`
	PredecessorNames []string `json:"predecessor_names"`
	Unlocated        int      `json:"unlocated"`
	Together         int      `json:"together"`
	Hit              bool     `json:"hit"`
}

// NewBacktestView builds the view from the two backtests on net.
func NewBacktestView(dataset, readyRounds string, net *graph.Network, pairs *groups.PairBacktest, ready *groups.ReadyBacktest) *BacktestView {
	v := &BacktestView{Dataset: dataset, ReadyRounds: readyRounds, Dates: []BacktestDateView{}, Precision: []BacktestPrecisionView{},
		Ready: []BacktestReadyView{}, Mergers: []BacktestMergerView{}}
	day := func(t interface{ Format(string) string }) string { return t.Format("2006-01-02") }
	for _, d := range pairs.Dates {
		v.Dates = append(v.Dates, BacktestDateView{Date: day(d.At), Eligible: d.Eligible, OpenPairs: d.OpenPairs,
			LaterArrangements: d.Later, PositivePairs: d.Positives, Chance: d.Chance, Candidates: d.Candidates, LocatedPairs: d.Located})
	}
	for _, r := range pairs.Rows {
		pv := BacktestPrecisionView{Date: day(r.At), Method: r.Method, K: r.K, Proposed: r.Proposed, Hits: r.Hits, HitPairs: []string{}}
		for _, p := range r.HitPairs {
			a, b := net.Organisation(p[0]), net.Organisation(p[1])
			if a.ID > b.ID {
				a, b = b, a
			}
			pv.HitPairs = append(pv.HitPairs, a.ID+"+"+b.ID)
		}
		if !math.IsNaN(r.Precision) {
			p := r.Precision
			pv.Precision = &p
		}
		v.Precision = append(v.Precision, pv)
	}
	for _, s := range ready.Summary {
		v.Ready = append(v.Ready, BacktestReadyView{Date: day(s.At), Method: s.Method, Mergers: s.Mergers, Hits: s.Hits, Groups: s.Groups, Placed: s.Placed})
	}
	for _, r := range ready.Rows {
		m := BacktestMergerView{Date: day(r.At), Method: r.Method, SuccessorID: net.Organisation(r.Successor).ID,
			SuccessorName: net.Organisation(r.Successor).Name, Start: day(r.Start), Unlocated: r.Unlocated, Together: r.Together, Hit: r.Hit}
		for _, p := range r.Predecessors {
			m.PredecessorIDs = append(m.PredecessorIDs, net.Organisation(p).ID)
			m.PredecessorNames = append(m.PredecessorNames, net.Organisation(p).Name)
		}
		v.Mergers = append(v.Mergers, m)
	}
	return v
}

// BacktestCSVColumns are the columns of WriteBacktestCSV, in order.
var BacktestCSVColumns = []string{"table", "date", "method", "k", "proposed", "hits", "precision",
	"mergers", "groups", "placed", "successor_id", "successor_name", "predecessors", "unlocated", "together", "hit"}

// WriteBacktestCSV writes the precision rows (table "precision"), the
// ready summaries ("ready") and each merger ("merger") under one header;
// cells that do not apply to a table are empty.
func WriteBacktestCSV(w io.Writer, v *BacktestView) error {
	rows := [][]string{BacktestCSVColumns}
	for _, p := range v.Precision {
		rows = append(rows, []string{"precision", p.Date, p.Method, strconv.Itoa(p.K), strconv.Itoa(p.Proposed), strconv.Itoa(p.Hits),
			optF(p.Precision), "", "", "", "", "", "", "", "", ""})
	}
	for _, r := range v.Ready {
		rows = append(rows, []string{"ready", r.Date, r.Method, "", "", strconv.Itoa(r.Hits), "",
			strconv.Itoa(r.Mergers), strconv.Itoa(r.Groups), strconv.Itoa(r.Placed), "", "", "", "", "", ""})
	}
	for _, m := range v.Mergers {
		rows = append(rows, []string{"merger", m.Date, m.Method, "", "", "", "", "", "", "", m.SuccessorID, m.SuccessorName,
			strings.Join(m.PredecessorIDs, ";"), strconv.Itoa(m.Unlocated), strconv.Itoa(m.Together), strconv.FormatBool(m.Hit)})
	}
	cw := NewCSVWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("backtest csv: %w", err)
	}
	return nil
}

// WriteBacktestText writes the backtest as the tables docs/methods.md
// shows: counts beside rates, each method beside its baseline.
func WriteBacktestText(w io.Writer, v *BacktestView) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Backtest of partnet groups on the dates of %s\n\n", Plain(v.Dataset))
	b.WriteString("(a) groups --mode potential on day T, using only what was known on T: of the top K pairs, how many\n" +
		"began sharing management or a service after T; baseline: the K nearest open pairs by lat/lon.\n" +
		"Known on T: organisations active on T, ties started by T and not ended (undated ones only for fire,\n" +
		"police and resilience areas), no grants, no borders of councils abolished since.\n\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "date\teligible\topen pairs\tlater arrangements\tpositive pairs\tchance")
	for _, d := range v.Dates {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s%%\n", d.Date, d.Eligible, d.OpenPairs, d.LaterArrangements, d.PositivePairs, tnum(100*d.Chance))
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "date\tmethod\tK\thits/proposed\tprecision")
	for _, p := range v.Precision {
		prec := "-"
		if p.Precision != nil {
			prec = tnum(*p.Precision)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d/%d\t%s\n", p.Date, p.Method, p.K, p.Hits, p.Proposed, prec)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(&b, "\n(b) the ready tiers on day T: mergers started 2019-2023 with more than half of their predecessors\n"+
		"active on T inside one proposed group; baseline: as many groups of the same sizes formed by distance alone.\n"+
		"Rounds: %s.\n\n", Plain(v.ReadyRounds))
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "date\tmethod\tmergers held\tgroups\tplaced")
	for _, r := range v.Ready {
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%d\t%d\n", r.Date, r.Method, r.Hits, r.Mergers, r.Groups, r.Placed)
	}
	if len(v.Mergers) == 0 {
		if err := tw.Flush(); err != nil {
			return err
		}
		b.WriteString("\nNo merger started 2019-2023 with two or more predecessors active on these dates.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "date\tmethod\tmerger\tpredecessors\twithout location\tmost in one group\theld")
	for _, m := range v.Mergers {
		held := "no"
		if m.Hit {
			held = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\n", m.Date, m.Method, Plain(m.SuccessorName), len(m.PredecessorIDs), m.Unlocated, m.Together, held)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}
