package main

import (
	"context"
	"fmt"
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
	fl.StringSliceVar(&f.courts, "court", nil, "keep cases of these courts (repeat or separate with commas)")
	fl.StringVar(&f.around, "around", "", `keep the neighbourhood of one case, named by a citation ("424 U.S. 409") or its name ("Imbler v. Pachtman")`)
	fl.IntVar(&f.depth, "depth", 1, "with --around: how many citations away from the case to go")
	fl.BoolVar(&f.local, "local-scores", false, "compute scores on the cases the filters keep, not on the whole graph")
}

// filter checks the flags and returns the filter they ask for.
func (f *filterFlags) filter() (graph.Filter, error) {
	switch {
	case f.top < 0:
		return graph.Filter{}, usagef("--top must not be negative")
	case f.top > 0 && !graph.IsMeasure(f.by):
		return graph.Filter{}, usagef("unknown --by %q (want one of %s)", f.by, strings.Join(graph.Measures, ", "))
	case f.minWeight < 0:
		return graph.Filter{}, usagef("--min-weight must not be negative")
	case f.depth < 1:
		return graph.Filter{}, usagef("--depth must be at least 1")
	case f.since != 0 && f.until != 0 && f.since > f.until:
		return graph.Filter{}, usagef("--since %d is after --until %d", f.since, f.until)
	}
	var courts []string
	for _, c := range f.courts {
		if c = strings.TrimSpace(c); c != "" {
			courts = append(courts, c)
		}
	}
	return graph.Filter{
		Courts: courts, Since: f.since, Until: f.until, MinWeight: f.minWeight,
		Around: f.around, Depth: f.depth, Top: f.top, By: f.by,
	}, nil
}

// scoreAndFilter attaches the scores of measures (those g lacks) and
// applies the filters: scores first, on the whole graph, so that a case
// has the same score whatever part of the graph is shown; with
// --local-scores the other way round.
func (f *filterFlags) scoreAndFilter(cmd *cobra.Command, g *graph.Graph, measures []string, opt graph.RankOptions) (*graph.Graph, error) {
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
