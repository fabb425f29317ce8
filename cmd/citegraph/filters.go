package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/graph"
)

// filterFlags are the flags that select part of a graph, shared by every
// command that writes or ranks one (see graph.Filter).
type filterFlags struct {
	top       int
	by        string
	minWeight int
	since     int
	until     int
	courts    []string
	around    string
	depth     int
	local     bool
}

// register adds the filter flags to cmd. withTop adds --top and --by,
// which rank uses for its own table instead.
func (f *filterFlags) register(cmd *cobra.Command, withTop bool) {
	fl := cmd.Flags()
	if withTop {
		fl.IntVar(&f.top, "top", 0, "keep only the N cases with the highest --by score (0 keeps all)")
		fl.StringVar(&f.by, "by", graph.PageRank, "measure for --top: "+strings.Join(graph.Measures, ", "))
	}
	fl.IntVar(&f.minWeight, "min-weight", 0, "drop edges of fewer citations, and cases left without edges")
	fl.IntVar(&f.since, "since", 0, "keep cases decided in or after this year (cases of unknown year are dropped)")
	fl.IntVar(&f.until, "until", 0, "keep cases decided up to this year, and the undated cases they cite")
	fl.StringSliceVar(&f.courts, "court", nil, "keep cases of these courts, as the data name them, without regard to case (repeat or separate with commas); a value no case has is warned of, naming the graph's courts")
	fl.StringVar(&f.around, "around", "", `keep the neighbourhood of one case, named by a citation ("424 U.S. 409") or its name ("Imbler v. Pachtman")`)
	fl.IntVar(&f.depth, "depth", 1, "with --around: how many citations away from the case to go")
	fl.BoolVar(&f.local, "local-scores", false, "compute scores on the cases the filters keep, not on the whole graph")
}

// filter checks the flags and returns the filter they ask for.
func (f *filterFlags) filter() (graph.Filter, error) {
	courts := f.courts[:0]
	for _, c := range f.courts {
		if c = strings.TrimSpace(c); c != "" {
			courts = append(courts, c)
		}
	}
	f.courts = courts
	switch {
	case f.top < 0:
		return graph.Filter{}, usagef("--top must not be negative")
	case f.by != "" && !graph.IsMeasure(f.by):
		return graph.Filter{}, usagef("unknown --by %q (want one of %s)", f.by, strings.Join(graph.Measures, ", "))
	case f.minWeight < 0:
		return graph.Filter{}, usagef("--min-weight must not be negative")
	case f.depth < 1:
		return graph.Filter{}, usagef("--depth must be at least 1")
	case f.since != 0 && f.until != 0 && f.since > f.until:
		return graph.Filter{}, usagef("--since %d is after --until %d", f.since, f.until)
	}
	if err := checkYear("--since", f.since); err != nil {
		return graph.Filter{}, err
	}
	if err := checkYear("--until", f.until); err != nil {
		return graph.Filter{}, err
	}
	return graph.Filter{
		Courts: f.courts, Since: f.since, Until: f.until, MinWeight: f.minWeight,
		Around: f.around, Depth: f.depth, Top: f.top, By: f.by,
	}, nil
}

// checkYear fails, as a usage error, a year flag that is no year of the
// common era: 0 is the flag's default, no bound.
func checkYear(flag string, year int) error {
	if year < 0 || year > 9999 {
		return usagef("%s %d is not a year (want 1 to 9999, or 0 for none)", flag, year)
	}
	return nil
}

// warnCourts warns, naming the courts g holds, of each --court value no
// case of g has, and fails when none has any: the data say what a court
// is called (an id such as "scotus" or "ca9" from CourtListener, a name
// from a state's XML, a manifest's court column), so the accepted values
// are only known once the graph is, and a value that matches nothing is
// most likely a misspelling rather than a wish for an empty graph.
func (f *filterFlags) warnCourts(w io.Writer, g *graph.Graph) error {
	if len(f.courts) == 0 {
		return nil
	}
	count := map[string]int{}
	for n := range g.Nodes() {
		if n.Court != "" {
			count[n.Court]++
		}
	}
	known := slices.Collect(maps.Keys(count))
	slices.SortFunc(known, func(a, b string) int { return cmp.Or(count[b]-count[a], strings.Compare(a, b)) })
	var listed []string
	for _, c := range known[:min(len(known), courtsListed)] {
		listed = append(listed, fmt.Sprintf("%s (%d)", c, count[c]))
	}
	have := "the graph's courts, most cases first: " + strings.Join(listed, ", ")
	switch {
	case len(known) == 0:
		have = "no case of the graph has a court"
	case len(known) > courtsListed:
		have += fmt.Sprintf(", and %d more", len(known)-courtsListed)
	}
	matched := 0
	for _, c := range f.courts {
		if slices.ContainsFunc(known, func(k string) bool { return strings.EqualFold(k, c) }) {
			matched++
		} else {
			fmt.Fprintf(w, "citegraph: warning: --court %q matches no case (compared without regard to case); %s\n", c, have)
		}
	}
	if matched == 0 {
		return fmt.Errorf("--court: no case of the graph is of %s", strings.Join(f.courts, ", "))
	}
	return nil
}

// courtsListed is how many courts a --court warning names.
const courtsListed = 12

// scoreAndFilter attaches the scores of measures (those g lacks) and
// applies the filters: scores first, on the whole graph, so that a case
// has the same score whatever part of the graph is shown; with
// --local-scores the other way round.
func (f *filterFlags) scoreAndFilter(cmd *cobra.Command, g *graph.Graph, measures []string, opt graph.RankOptions) (*graph.Graph, error) {
	if err := f.warnCourts(cmd.ErrOrStderr(), g); err != nil {
		return nil, err
	}
	score := func(g *graph.Graph, all bool) error {
		for _, m := range measures {
			if all || !slices.Contains(g.Measures(), m) {
				if err := rankWarn(cmd, g, m, opt); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if !f.local {
		if err := score(g, false); err != nil {
			return nil, err
		}
	}
	g, err := f.apply(cmd.Context(), g, opt)
	if err != nil || !f.local {
		return g, err
	}
	return g, score(g, true)
}

// apply returns the part of g the flags select (g itself when they select
// everything).
func (f *filterFlags) apply(ctx context.Context, g *graph.Graph, opt graph.RankOptions) (*graph.Graph, error) {
	flt, err := f.filter()
	if err != nil {
		return nil, err
	}
	if flt.IsZero() {
		return g, nil
	}
	flt.RankOptions = opt
	sub, err := g.Filter(ctx, flt)
	if err != nil {
		return nil, fmt.Errorf("filter: %w", err)
	}
	return sub, nil
}
