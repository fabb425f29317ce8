package graph

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
)

// graphOf builds a graph from "a>b:3 b>c" (weight 1 unless given); nodes
// listed alone ("d") are added without edges.
func graphOf(t testing.TB, spec string) *Graph {
	t.Helper()
	g := New()
	addNode := func(id string) {
		if _, ok := g.Node(id); !ok {
			mustNode(t, g, Node{ID: id})
		}
	}
	for _, f := range strings.Fields(spec) {
		from, rest, isEdge := strings.Cut(f, ">")
		addNode(from)
		if !isEdge {
			continue
		}
		to, w, _ := strings.Cut(rest, ":")
		weight := 1
		if w != "" {
			fmt.Sscan(w, &weight)
		}
		addNode(to)
		mustEdge(t, g, Edge{From: from, To: to, Weight: weight})
	}
	g.Recount()
	return g
}

func scores(t testing.TB, g *Graph, measure string, opt RankOptions) map[string]float64 {
	t.Helper()
	if _, err := g.Rank(context.Background(), measure, opt); err != nil {
		t.Fatal(err)
	}
	m := make(map[string]float64)
	for n := range g.Nodes() {
		m[n.ID] = n.Scores[measure]
	}
	return m
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// a → b with b dangling: solving the two PageRank equations by hand,
// a = (1-α)/2 + α·b/2 and b = (1-α)/2 + α·b/2 + α·a, gives
// b = 0.13875/0.21375 for α = 0.85.
func TestPageRankTwoNodes(t *testing.T) {
	g := graphOf(t, "a>b")
	pr := scores(t, g, PageRank, RankOptions{})
	b := 0.13875 / 0.21375
	if !near(pr["b"], b, 1e-9) || !near(pr["a"], 1-b, 1e-9) {
		t.Errorf("pagerank %v, want a %v b %v", pr, 1-b, b)
	}
}

// Weights steer PageRank unless Unweighted: with a citing b nine times and
// c once, b must get more than c, and equal rank when weights are off.
func TestPageRankWeights(t *testing.T) {
	g := graphOf(t, "a>b:9 a>c:1")
	pr := scores(t, g, PageRank, RankOptions{})
	if !(pr["b"] > pr["c"]) {
		t.Errorf("weighted %v", pr)
	}
	pr = scores(t, g, PageRank, RankOptions{Unweighted: true})
	if pr["b"] != pr["c"] {
		t.Errorf("unweighted %v", pr)
	}
}

func TestEmptyAndEdgelessGraphsGiveZerosNotHangs(t *testing.T) {
	for _, spec := range []string{"", "a b c"} {
		g := graphOf(t, spec)
		for _, m := range []string{PageRank, Hub, Authority, InDegree, Citations, Betweenness} {
			res, err := g.Rank(context.Background(), m, RankOptions{})
			if err != nil || !res.Converged {
				t.Fatalf("%q %s: %+v %v", spec, m, res, err)
			}
			for n := range g.Nodes() {
				want := 0.0
				if m == PageRank {
					want = 1 / float64(g.NodeCount())
				}
				if !near(n.Scores[m], want, 1e-12) {
					t.Errorf("%q %s(%s) = %v, want %v", spec, m, n.ID, n.Scores[m], want)
				}
			}
		}
	}
}

func TestHITSIterationCap(t *testing.T) {
	g := randomGraph(t, 200, 1000, 7)
	res, err := g.Rank(context.Background(), Hub, RankOptions{MaxIter: 2, Tolerance: 1e-15})
	if err != nil {
		t.Fatal(err)
	}
	if res.Converged || res.Iterations != 2 {
		t.Errorf("capped run: %+v", res)
	}
	res, _ = g.Rank(context.Background(), Hub, RankOptions{})
	if !res.Converged || res.Iterations < 3 {
		t.Errorf("default run: %+v", res)
	}
}

func TestDegreeMeasuresAndBetweenness(t *testing.T) {
	g := graphOf(t, "a>b:2 b>c:5 d>c")
	in := scores(t, g, InDegree, RankOptions{})
	cit := scores(t, g, Citations, RankOptions{})
	if in["c"] != 2 || cit["c"] != 6 || in["b"] != 1 || cit["b"] != 2 || in["a"] != 0 {
		t.Errorf("indegree %v citations %v", in, cit)
	}
	// Only b lies inside a shortest path (a → b → c), once; networkx
	// normalises by (n-1)(n-2) = 6.
	bc := scores(t, g, Betweenness, RankOptions{})
	if !near(bc["b"], 1.0/6, 1e-12) || bc["a"] != 0 || bc["c"] != 0 {
		t.Errorf("betweenness %v", bc)
	}
	if _, err := g.Rank(context.Background(), Betweenness, RankOptions{BetweennessLimit: 3}); err == nil {
		t.Error("betweenness over the limit ran")
	}
	if _, err := g.Rank(context.Background(), "closeness", RankOptions{}); err == nil {
		t.Error("unknown measure accepted")
	}
	if _, err := g.Rank(context.Background(), PageRank, RankOptions{Damping: 1.5}); err == nil {
		t.Error("damping 1.5 accepted")
	}
}

// randomGraph makes a reproducible directed graph with cycles, dangling
// nodes, isolated nodes and weights.
func randomGraph(t testing.TB, n, m int, seed uint64) *Graph {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed))
	g := New()
	for i := range n {
		mustNode(t, g, Node{ID: fmt.Sprintf("n%04d", i)})
	}
	for range m {
		// Skewed targets, as in citation networks: a few cases draw most
		// citations.
		from, to := r.IntN(n), int(float64(n)*math.Pow(r.Float64(), 2))
		if from == to || from%10 == 0 {
			continue
		}
		mustEdge(t, g, Edge{From: fmt.Sprintf("n%04d", from), To: fmt.Sprintf("n%04d", to), Weight: 1 + r.IntN(4)})
	}
	g.Recount()
	return g
}

// unweightedView hides the weights of a gonum graph, so that gonum runs
// its unweighted algorithms.
type unweightedView struct{ gg.Directed }

// Our PageRank and HITS must agree with gonum's own implementations.
func TestRankAgreesWithGonum(t *testing.T) {
	g := randomGraph(t, 300, 2000, 1)
	for _, unweighted := range []bool{false, true} {
		opt := RankOptions{Unweighted: unweighted, Tolerance: 1e-14}
		pr := scores(t, g, PageRank, opt)
		var view gg.Directed = g.Gonum()
		if unweighted {
			view = unweightedView{g.Gonum()}
		}
		ref := network.PageRankSparse(view, 0.85, 1e-14)
		for gid, want := range ref {
			id, _ := g.GonumNode(gid)
			if !near(pr[id], want, 1e-9) {
				t.Fatalf("unweighted=%v pagerank(%s) = %v, gonum %v", unweighted, id, pr[id], want)
			}
		}
	}
	// gonum's HITS is unweighted and normalised to unit length.
	auth := scores(t, g, Authority, RankOptions{Unweighted: true, Tolerance: 1e-14})
	hub := scores(t, g, Hub, RankOptions{Unweighted: true, Tolerance: 1e-14})
	ref := network.HITS(unweightedView{g.Gonum()}, 1e-14)
	var sumA, sumH float64
	for _, ha := range ref {
		sumA += ha.Authority
		sumH += ha.Hub
	}
	for gid, ha := range ref {
		id, _ := g.GonumNode(gid)
		if !near(auth[id], ha.Authority/sumA, 1e-9) || !near(hub[id], ha.Hub/sumH, 1e-9) {
			t.Fatalf("hits(%s) = %v/%v, gonum %v/%v", id, hub[id], auth[id], ha.Hub/sumH, ha.Authority/sumA)
		}
	}
}

func TestRankIsDeterministicAndTopOrdersTies(t *testing.T) {
	g1, g2 := randomGraph(t, 500, 3000, 3), randomGraph(t, 500, 3000, 3)
	for _, m := range []string{PageRank, Hub, Authority} {
		a, b := scores(t, g1, m, RankOptions{}), scores(t, g2, m, RankOptions{})
		for id, v := range a {
			if math.Float64bits(v) != math.Float64bits(b[id]) {
				t.Fatalf("%s(%s) differs between runs: %v %v", m, id, v, b[id])
			}
		}
	}
	g := graphOf(t, "x>b y>a z>c c>a")
	if _, err := g.Rank(context.Background(), InDegree, RankOptions{}); err != nil {
		t.Fatal(err)
	}
	top, err := g.Top(InDegree, 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range top {
		got = append(got, fmt.Sprintf("%s=%v", r.Node.ID, r.Score))
	}
	if strings.Join(got, " ") != "a=2 b=1 c=1" {
		t.Errorf("top %v", got)
	}
	if _, err := g.Top(PageRank, 3); err == nil {
		t.Error("top of a measure not computed")
	}
}

// lateContext is a context that is already done but does not say so at
// its first Err call, as when a signal lands just after Rank's own check:
// the computation itself must notice.
type lateContext struct {
	context.Context
	calls int
}

func (c *lateContext) Err() error {
	c.calls++
	if c.calls == 1 {
		return nil
	}
	return context.Canceled
}

// Every measure stops on a cancelled context, with the context's error,
// and leaves the scores the graph had.
func TestRankCancelled(t *testing.T) {
	g := graphOf(t, "a>b b>c c>a d>c e>d")
	for _, m := range Measures {
		if m == InDegree || m == Citations {
			continue // one pass over the edges: nothing to stop
		}
		for _, name := range []string{"before", "during"} {
			done, cancel := context.WithCancel(context.Background())
			cancel()
			var ctx context.Context = done
			if name == "during" {
				ctx = &lateContext{Context: done}
			}
			_, err := g.Rank(ctx, m, RankOptions{})
			if err != context.Canceled {
				t.Errorf("%s, cancelled %s: err %v, want context.Canceled", m, name, err)
			}
			for n := range g.Nodes() {
				if _, ok := n.Scores[m]; ok {
					t.Errorf("%s, cancelled %s: %s got a score", m, name, n.ID)
				}
			}
		}
	}
	if _, err := g.Filter(context.Background(), Filter{Top: 2, By: PageRank}); err != nil {
		t.Fatal(err)
	}
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := g.Filter(done, Filter{Top: 2, By: Hub}); err != context.Canceled {
		t.Errorf("Filter ranking on a cancelled context: err %v", err)
	}
}

// PageRank and HITS allocate their arrays once: more iterations cost no
// more allocations.
func TestRankAllocatesNothingPerIteration(t *testing.T) {
	g := randomGraph(t, 20_000, 100_000, 3)
	allocs := func(m string, iters int) float64 {
		return testing.AllocsPerRun(3, func() {
			// A tolerance no iteration meets runs exactly iters iterations.
			if _, err := g.Rank(context.Background(), m, RankOptions{MaxIter: iters, Tolerance: 1e-300}); err != nil {
				t.Fatal(err)
			}
		})
	}
	for _, m := range []string{PageRank, Hub} {
		few, many := allocs(m, 2), allocs(m, 40)
		if many > few {
			t.Errorf("%s: %v allocations for 2 iterations, %v for 40", m, few, many)
		}
	}
}
