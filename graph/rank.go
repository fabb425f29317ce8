package graph

import (
	"cmp"
	"container/heap"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

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
	// Tolerance stops PageRank and HITS once an iteration changes the
	// scores by less than Tolerance in all (the sum of the absolute
	// changes of every node's score, each measure's scores summing to 1);
	// 1e-10 by default. The bound does not loosen as the graph grows, as
	// networkx's n·tol does: on 3 million cases that stopped PageRank
	// with its top score 1% off.
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
		s.settle()
		deg := make([]float64, len(s.ids))
		parallelFor(len(s.ids), func(_, lo, hi int) {
			for j := lo; j < hi; j++ {
				_, w := s.inRow(int32(j))
				if measure == InDegree {
					deg[j] = float64(len(w))
					continue
				}
				var t float64
				for _, x := range w {
					t += float64(x)
				}
				deg[j] = t
			}
		})
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

// ranker holds what PageRank and HITS iterate over: the rows as flat
// arrays and a pool of workers. Every node's new score is the sum over its
// own row, in row order, and the totals are added chunk by chunk in chunk
// order, so the scores are the same bits on any number of cores.
type ranker struct {
	s        *Store
	n        int // indices, live or not
	live     float64
	weighted bool
	pool     *pool
	parts    []float64 // one partial sum per chunk
	// step is what total runs, and chunk runs it on one chunk: made once,
	// so that an iteration allocates nothing.
	step  func(lo, hi int) float64
	chunk func(c, lo, hi int)
}

func newRanker(s *Store, opt RankOptions) *ranker {
	s.settle()
	n := len(s.ids)
	r := &ranker{s: s, n: n, live: float64(s.live), weighted: !opt.Unweighted, pool: newPool(n), parts: make([]float64, parallelChunks(n))}
	r.chunk = func(c, lo, hi int) { r.parts[c] = r.step(lo, hi) }
	return r
}

// total runs fn on every chunk and adds up what it returns.
func (r *ranker) total(fn func(lo, hi int) float64) float64 {
	r.step = fn
	r.pool.run(r.chunk)
	return sum(r.parts)
}

// pull returns Σ v[src]·w over one row (w = 1 when unweighted).
func (r *ranker) pull(src, w []int32, v []float64) float64 {
	var t float64
	if r.weighted {
		for k, i := range src {
			t += v[i] * float64(w[k])
		}
	} else {
		for _, i := range src {
			t += v[i]
		}
	}
	return t
}

// rowWeight is the total weight of node i's out-edges.
func (r *ranker) rowWeight(i int32) float64 {
	to, w, _ := r.s.row(i)
	if !r.weighted {
		return float64(len(to))
	}
	var t float64
	for _, x := range w {
		t += float64(x)
	}
	return t
}

// pageRank pulls each node's new score from the cases citing it.
func (g *Graph) pageRank(ctx context.Context, opt RankOptions) ([]float64, int, bool, error) {
	r := newRanker(g.store, opt)
	defer r.pool.close()
	s, n := g.store, r.n
	x := make([]float64, n)
	if s.live == 0 {
		return x, 0, true, nil
	}
	// outW is each case's total out-weight; share its rank per unit of it.
	outW := make([]float64, n)
	r.pool.run(func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			outW[i] = r.rowWeight(int32(i))
		}
	})
	for i := range x {
		if s.ids[i] != "" {
			x[i] = 1 / r.live
		}
	}
	y := make([]float64, n)
	share := make([]float64, n)
	d := opt.Damping
	step := func(lo, hi int) float64 {
		var dangling float64
		for i := lo; i < hi; i++ {
			if outW[i] == 0 {
				dangling += x[i]
				share[i] = 0
			} else {
				share[i] = d * x[i] / outW[i]
			}
		}
		return dangling
	}
	var base float64
	gather := func(lo, hi int) float64 {
		var delta float64
		for j := lo; j < hi; j++ {
			if s.ids[j] == "" {
				continue
			}
			from, w := s.inRow(int32(j))
			y[j] = base + r.pull(from, w, share)
			delta += math.Abs(y[j] - x[j])
		}
		return delta
	}
	for it := 1; it <= opt.MaxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, it, false, err
		}
		dangling := r.total(step)
		base = (1-d)/r.live + d*dangling/r.live
		delta := r.total(gather)
		x, y = y, x
		if delta < opt.Tolerance {
			return x, it, true, nil
		}
	}
	return x, opt.MaxIter, false, nil
}

// hits alternates authority = Aᵀ·hub and hub = A·authority, normalising
// each to sum 1.
func (g *Graph) hits(ctx context.Context, opt RankOptions) (hub, auth []float64, iters int, converged bool, err error) {
	r := newRanker(g.store, opt)
	defer r.pool.close()
	s, n := g.store, r.n
	hub = make([]float64, n)
	auth = make([]float64, n)
	edgeTotal := r.total(func(lo, hi int) float64 {
		var t float64
		for i := lo; i < hi; i++ {
			t += r.rowWeight(int32(i))
		}
		return t
	})
	if edgeTotal == 0 {
		// No edges (or only zero weights): there is nothing to iterate,
		// and normalising would divide by zero.
		return hub, auth, 0, true, nil
	}
	for i := range hub {
		if s.ids[i] != "" {
			hub[i] = 1
		}
	}
	newHub := make([]float64, n)
	newAuth := make([]float64, n)
	var scale float64
	authStep := func(lo, hi int) float64 {
		var t float64
		for j := lo; j < hi; j++ {
			from, w := s.inRow(int32(j))
			newAuth[j] = r.pull(from, w, hub)
			t += newAuth[j]
		}
		return t
	}
	hubStep := func(lo, hi int) float64 {
		var t float64
		for i := lo; i < hi; i++ {
			to, w, _ := s.row(int32(i))
			newHub[i] = r.pull(to, w, newAuth)
			t += newHub[i]
		}
		return t
	}
	// The normalising steps scale the new scores and return their change.
	normAuth := func(lo, hi int) float64 { return scaleDelta(newAuth[lo:hi], auth[lo:hi], scale) }
	normHub := func(lo, hi int) float64 { return scaleDelta(newHub[lo:hi], hub[lo:hi], scale) }
	for it := 1; it <= opt.MaxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, it, false, err
		}
		scale = inverse(r.total(authStep))
		delta := r.total(normAuth)
		scale = inverse(r.total(hubStep))
		delta += r.total(normHub)
		hub, newHub = newHub, hub
		auth, newAuth = newAuth, auth
		if delta < opt.Tolerance {
			return hub, auth, it, true, nil
		}
	}
	return hub, auth, opt.MaxIter, false, nil
}

// scaleDelta multiplies v by scale and returns its L1 distance from old.
func scaleDelta(v, old []float64, scale float64) float64 {
	var delta float64
	for i := range v {
		v[i] *= scale
		delta += math.Abs(v[i] - old[i])
	}
	return delta
}

func inverse(t float64) float64 {
	if t == 0 {
		return 1
	}
	return 1 / t
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
	better := func(a, b int32) int {
		return cmp.Or(cmp.Compare(col[b], col[a]), strings.Compare(s.ids[a], s.ids[b]))
	}
	var order []int32
	if n <= 0 || n >= s.live {
		order = slices.Clone(s.sorted())
		slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(col[b], col[a]) })
	} else {
		// Keep the best n seen so far, worst first, without sorting every
		// node by id.
		h := &topHeap{better: better}
		for i, id := range s.ids {
			if id == "" {
				continue
			}
			if len(h.v) < n {
				heap.Push(h, int32(i))
			} else if better(int32(i), h.v[0]) < 0 {
				h.v[0] = int32(i)
				heap.Fix(h, 0)
			}
		}
		order = h.v
		slices.SortFunc(order, better)
	}
	top := make([]Ranked, len(order))
	for k, i := range order {
		top[k] = Ranked{Node: s.node(i), Score: col[i]}
	}
	return top, nil
}

// topHeap keeps node indices with the worst at the root.
type topHeap struct {
	v      []int32
	better func(a, b int32) int
}

func (h *topHeap) Len() int           { return len(h.v) }
func (h *topHeap) Less(a, b int) bool { return h.better(h.v[a], h.v[b]) > 0 }
func (h *topHeap) Swap(a, b int)      { h.v[a], h.v[b] = h.v[b], h.v[a] }
func (h *topHeap) Push(x any)         { h.v = append(h.v, x.(int32)) }
func (h *topHeap) Pop() any {
	x := h.v[len(h.v)-1]
	h.v = h.v[:len(h.v)-1]
	return x
}
