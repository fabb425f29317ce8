package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/floats"
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
)

// The measures a graph can be ranked by; each is also the name of the
// node score it sets.
const (
	PageRank    = "pagerank"    // PageRank, weighted by citations unless Unweighted
	Authority   = "authority"   // HITS authority: cited by good hubs
	Hub         = "hub"         // HITS hub: cites good authorities
	InDegree    = "indegree"    // number of citing cases
	Citations   = "citations"   // number of citations (weighted in-degree)
	Betweenness = "betweenness" // shortest citation paths through the case
)

// Measures lists every measure, in the order tools show them.
var Measures = []string{PageRank, Authority, Hub, InDegree, Citations, Betweenness}

// RankOptions tunes the iterative measures. Zero values mean the defaults.
type RankOptions struct {
	// Damping is PageRank's damping factor α, the chance of following a
	// citation rather than jumping to a random case; 0.85 by default.
	Damping float64
	// Unweighted makes PageRank and HITS count an edge once, whatever its
	// number of citations.
	Unweighted bool
	// Tolerance stops PageRank and HITS once the iterates change by less
	// than Tolerance per node (the sum of absolute changes is below
	// n·Tolerance, as in networkx); 1e-10 by default.
	Tolerance float64
	// MaxIter caps the iterations of PageRank and HITS (1000 by default);
	// a run that reaches it reports Converged false.
	MaxIter int
	// BetweennessLimit is the largest graph, in nodes, betweenness runs on
	// (it takes time proportional to nodes × edges); 20000 by default.
	BetweennessLimit int
}

func (o RankOptions) withDefaults() (RankOptions, error) {
	o.Damping = cmp.Or(o.Damping, 0.85)
	o.Tolerance = cmp.Or(o.Tolerance, 1e-10)
	o.MaxIter = cmp.Or(o.MaxIter, 1000)
	o.BetweennessLimit = cmp.Or(o.BetweennessLimit, 20000)
	switch {
	case !(o.Damping > 0 && o.Damping <= 1):
		return o, fmt.Errorf("damping %v is not in (0, 1]", o.Damping)
	case !(o.Tolerance > 0) || math.IsInf(o.Tolerance, 1):
		return o, fmt.Errorf("tolerance %v is not positive", o.Tolerance)
	case o.MaxIter < 0:
		return o, fmt.Errorf("iteration cap %d is negative", o.MaxIter)
	case o.BetweennessLimit < 0:
		return o, fmt.Errorf("betweenness limit %d is negative", o.BetweennessLimit)
	}
	return o, nil
}

// RankResult says how an iterative measure ended.
type RankResult struct {
	Measure    string
	Iterations int
	Converged  bool
}

// IsMeasure reports whether name is one of Measures.
func IsMeasure(name string) bool { return slices.Contains(Measures, name) }

// Rank computes a measure over g and attaches it to every node as the
// score of that name (HITS attaches both hub and authority). Scores are
// deterministic: the same graph gives the same bits.
//
// PageRank follows networkx's definition: the walk starts uniform,
// follows an edge with probability Damping in proportion to its weight,
// and a case citing nothing (a dangling node) spreads its rank evenly over
// all cases. HITS scores are the principal singular vectors of the
// (weighted) adjacency matrix, found by power iteration from all ones and
// normalised to sum 1, as networkx does; a graph without edges gets zeros.
// Betweenness is normalised by 1/((n-1)(n-2)), as networkx does for
// directed graphs, and ignores weights (a citation count is not a
// distance).
//
// Cancelling ctx stops the computation within one iteration (PageRank,
// HITS) or one source's search (betweenness): Rank then returns ctx.Err()
// and leaves the graph's scores as they were.
func (g *Graph) Rank(ctx context.Context, measure string, opt RankOptions) (RankResult, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return RankResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return RankResult{}, err
	}
	res := RankResult{Measure: measure, Converged: true}
	s := g.store
	switch measure {
	case PageRank:
		var pr []float64
		pr, res.Iterations, res.Converged, err = g.pageRank(ctx, opt)
		if err != nil {
			return res, err
		}
		s.scores[PageRank] = pr
	case Authority, Hub:
		var hub, auth []float64
		hub, auth, res.Iterations, res.Converged, err = g.hits(ctx, opt)
		if err != nil {
			return res, err
		}
		s.scores[Hub], s.scores[Authority] = hub, auth
	case InDegree, Citations:
		deg := make([]float64, len(s.ids))
		for _, out := range s.out {
			for _, r := range out {
				if measure == InDegree {
					deg[r.to]++
				} else {
					deg[r.to] += float64(r.weight)
				}
			}
		}
		s.scores[measure] = deg
	case Betweenness:
		if n := g.NodeCount(); n > opt.BetweennessLimit {
			return res, fmt.Errorf("betweenness on %d nodes would take too long (limit %d): filter the graph first", n, opt.BetweennessLimit)
		}
		b, err := g.betweenness(ctx)
		if err != nil {
			return res, err
		}
		s.scores[Betweenness] = b
	default:
		return res, fmt.Errorf("unknown measure %q (want one of %s)", measure, strings.Join(Measures, ", "))
	}
	return res, nil
}

// outWeights returns each node's total out-weight, and whether weights
// count, as one edge's weight.
func (g *Graph) outWeights(opt RankOptions) (out []float64, w func(edgeRec) float64) {
	w = func(r edgeRec) float64 { return float64(r.weight) }
	if opt.Unweighted {
		w = func(edgeRec) float64 { return 1 }
	}
	out = make([]float64, len(g.store.ids))
	for i, list := range g.store.out {
		for _, r := range list {
			out[i] += w(r)
		}
	}
	return out, w
}

// pageRank iterates over the out-lists in place: each node pushes its
// share along its edges, in index order, so the sums are always added in
// the same order.
func (g *Graph) pageRank(ctx context.Context, opt RankOptions) ([]float64, int, bool, error) {
	s := g.store
	n := float64(s.live)
	x := make([]float64, len(s.ids))
	if s.live == 0 {
		return x, 0, true, nil
	}
	live := s.sorted()
	for _, i := range live {
		x[i] = 1 / n
	}
	outW, w := g.outWeights(opt)
	y := make([]float64, len(s.ids))
	d := opt.Damping
	for it := 1; it <= opt.MaxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, it, false, err
		}
		var dangling float64
		for _, i := range live {
			if outW[i] == 0 {
				dangling += x[i]
			}
		}
		base := (1-d)/n + d*dangling/n
		for _, i := range live {
			y[i] = base
		}
		for _, i := range live {
			if outW[i] == 0 {
				continue
			}
			share := d * x[i] / outW[i]
			for _, r := range s.out[i] {
				y[r.to] += share * w(r)
			}
		}
		delta := floats.Distance(x, y, 1)
		x, y = y, x
		if delta < n*opt.Tolerance {
			return x, it, true, nil
		}
	}
	return x, opt.MaxIter, false, nil
}

// hits alternates authority = Aᵀ·hub and hub = A·authority, normalising
// each to sum 1.
func (g *Graph) hits(ctx context.Context, opt RankOptions) (hub, auth []float64, iters int, converged bool, err error) {
	s := g.store
	hub = make([]float64, len(s.ids))
	auth = make([]float64, len(s.ids))
	_, w := g.outWeights(opt)
	var total float64
	for _, out := range s.out {
		for _, r := range out {
			total += w(r)
		}
	}
	if total == 0 {
		// No edges (or only zero weights): there is nothing to iterate,
		// and normalising would divide by zero.
		return hub, auth, 0, true, nil
	}
	live := s.sorted()
	for _, i := range live {
		hub[i] = 1
	}
	lastHub := make([]float64, len(s.ids))
	lastAuth := make([]float64, len(s.ids))
	n := float64(s.live)
	for it := 1; it <= opt.MaxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, it, false, err
		}
		copy(lastHub, hub)
		copy(lastAuth, auth)
		clear(auth)
		for _, i := range live {
			for _, r := range s.out[i] {
				auth[r.to] += w(r) * hub[i]
			}
		}
		normalise(auth)
		for _, i := range live {
			var h float64
			for _, r := range s.out[i] {
				h += w(r) * auth[r.to]
			}
			hub[i] = h
		}
		normalise(hub)
		if floats.Distance(hub, lastHub, 1)+floats.Distance(auth, lastAuth, 1) < n*opt.Tolerance {
			return hub, auth, it, true, nil
		}
	}
	return hub, auth, opt.MaxIter, false, nil
}

func normalise(v []float64) {
	if sum := floats.Sum(v); sum != 0 {
		floats.Scale(1/sum, v)
	}
}

// betweenness runs gonum's Brandes algorithm, which has no way to be
// stopped: it reads the graph through a view whose every adjacency query
// first checks ctx, and unwinds with a sentinel panic once ctx is done.
func (g *Graph) betweenness(ctx context.Context) (b []float64, err error) {
	s := g.store
	b = make([]float64, len(s.ids))
	n := float64(s.live)
	if n < 3 {
		return b, nil
	}
	defer func() {
		if r := recover(); r != nil {
			if r != errCancelled {
				panic(r)
			}
			b, err = nil, ctx.Err()
		}
	}()
	scale := 1 / ((n - 1) * (n - 2))
	for gid, v := range network.Betweenness(cancellable{g.Gonum(), ctx.Done()}) {
		b[gid] = v * scale
	}
	return b, nil
}

// errCancelled unwinds a gonum algorithm whose context is done.
var errCancelled = errors.New("cancelled")

// cancellable is a gonum graph that panics with errCancelled on the first
// adjacency query after done is closed.
type cancellable struct {
	gg.WeightedDirected
	done <-chan struct{}
}

func (c cancellable) From(id int64) gg.Nodes {
	select {
	case <-c.done:
		panic(errCancelled)
	default:
	}
	return c.WeightedDirected.From(id)
}

// Ranked is a node with its score.
type Ranked struct {
	Node  Node
	Score float64
}

// Top returns the n nodes with the highest score for measure (all when n
// is 0 or less), highest first, ties by id. The measure must have been
// computed (see Rank) or attached (SetScores).
func (g *Graph) Top(measure string, n int) ([]Ranked, error) {
	s := g.store
	col, ok := s.scores[measure]
	if !ok {
		return nil, fmt.Errorf("no %s scores in the graph", measure)
	}
	order := slices.Clone(s.sorted())
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(col[b], col[a]) })
	if n > 0 && n < len(order) {
		order = order[:n]
	}
	top := make([]Ranked, len(order))
	for k, i := range order {
		top[k] = Ranked{Node: s.node(i), Score: col[i]}
	}
	return top, nil
}
