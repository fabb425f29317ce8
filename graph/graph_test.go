package graph

import (
	"errors"
	"slices"
	"testing"

	dg "github.com/dominikbraun/graph"
)

func mustNode(t testing.TB, g *Graph, n Node) {
	t.Helper()
	if err := g.AddNode(n); err != nil {
		t.Fatal(err)
	}
}

func mustEdge(t testing.TB, g *Graph, e Edge) {
	t.Helper()
	if err := g.MergeEdge(e); err != nil {
		t.Fatal(err)
	}
}

func nodeIDs(g *Graph) []string {
	var ids []string
	for n := range g.Nodes() {
		ids = append(ids, n.ID)
	}
	return ids
}

func edgePairs(g *Graph) [][2]string {
	var p [][2]string
	for e := range g.Edges() {
		p = append(p, [2]string{e.From, e.To})
	}
	return p
}

// Nodes added out of id order must still come out sorted, edges by
// (from, to), whatever order they were added in.
func TestIterationOrderIsByID(t *testing.T) {
	g := New()
	for _, id := range []string{"c", "a", "d", "b"} {
		mustNode(t, g, Node{ID: id})
	}
	for _, p := range [][2]string{{"d", "a"}, {"a", "d"}, {"a", "b"}, {"c", "a"}, {"a", "c"}} {
		mustEdge(t, g, Edge{From: p[0], To: p[1], Weight: 1})
	}
	if got := nodeIDs(g); !slices.Equal(got, []string{"a", "b", "c", "d"}) {
		t.Errorf("nodes %v", got)
	}
	want := [][2]string{{"a", "b"}, {"a", "c"}, {"a", "d"}, {"c", "a"}, {"d", "a"}}
	if got := edgePairs(g); !slices.Equal(got, want) {
		t.Errorf("edges %v, want %v", got, want)
	}
	var in []string
	for e := range g.In("a") {
		in = append(in, e.From)
	}
	if !slices.Equal(in, []string{"c", "d"}) {
		t.Errorf("in(a) = %v", in)
	}
	ids, _ := g.Store().ListVertices()
	if !slices.Equal(ids, []string{"a", "b", "c", "d"}) {
		t.Errorf("ListVertices %v", ids)
	}
}

// Edge data must survive the packed storage exactly, and merging must add
// counts of equal values while keeping first-appearance order.
func TestEdgeDataRoundTripAndMerge(t *testing.T) {
	g := New()
	mustNode(t, g, Node{ID: "555 U.S. 335", Name: "Van de Kamp v. Goldstein", Citations: []string{"555 U.S. 335", "129 S. Ct. 855"}, Court: "scotus", Year: 2009, InCorpus: true})
	mustNode(t, g, Node{ID: "424 U.S. 409", Name: "Imbler v. Pachtman"})
	e := Edge{From: "555 U.S. 335", To: "424 U.S. 409", Weight: 3,
		Pins:           []Count{{"430", 2}, {"431 n.33", 1}},
		Signals:        []Count{{"See", 1}},
		Opinions:       []Count{{"majority", 3}},
		Parentheticals: []string{"absolute immunity"},
		Pages:          []string{"341", "342"},
	}
	mustEdge(t, g, e)
	got, ok := g.Edge("555 U.S. 335", "424 U.S. 409")
	if !ok {
		t.Fatal("edge missing")
	}
	if got.Weight != 3 || !slices.Equal(got.Pins, e.Pins) || !slices.Equal(got.Signals, e.Signals) ||
		!slices.Equal(got.Opinions, e.Opinions) || !slices.Equal(got.Parentheticals, e.Parentheticals) || !slices.Equal(got.Pages, e.Pages) {
		t.Fatalf("round trip: got %+v, want %+v", got, e)
	}
	mustEdge(t, g, Edge{From: "555 U.S. 335", To: "424 U.S. 409", Weight: 2,
		Pins: []Count{{"424", 1}, {"430", 1}}, Opinions: []Count{{"dissent", 2}}, Pages: []string{"342", "350"}})
	got, _ = g.Edge("555 U.S. 335", "424 U.S. 409")
	if got.Weight != 5 {
		t.Errorf("merged weight %d", got.Weight)
	}
	if want := []Count{{"430", 3}, {"431 n.33", 1}, {"424", 1}}; !slices.Equal(got.Pins, want) {
		t.Errorf("merged pins %v, want %v", got.Pins, want)
	}
	if want := []Count{{"majority", 3}, {"dissent", 2}}; !slices.Equal(got.Opinions, want) {
		t.Errorf("merged opinions %v", got.Opinions)
	}
	if want := []string{"341", "342", "350"}; !slices.Equal(got.Pages, want) {
		t.Errorf("merged pages %v", got.Pages)
	}
	g.Recount()
	n, _ := g.Node("424 U.S. 409")
	if n.CitingCases != 1 || n.TimesCited != 5 || n.Cites != 0 {
		t.Errorf("counts %+v", n)
	}
	v, _ := g.Node("555 U.S. 335")
	if v.Cites != 1 || v.Year != 2009 || v.Court != "scotus" || !v.InCorpus || !slices.Equal(v.Citations, []string{"555 U.S. 335", "129 S. Ct. 855"}) {
		t.Errorf("node data %+v", v)
	}
}

// The model must accept cycles and run dominikbraun/graph's algorithms on
// the compact store.
func TestModelAcceptsCyclesAndRunsAlgorithms(t *testing.T) {
	g := New()
	for _, id := range []string{"a", "b", "c"} {
		mustNode(t, g, Node{ID: id})
	}
	for _, p := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "a"}} {
		mustEdge(t, g, Edge{From: p[0], To: p[1], Weight: 1})
	}
	if g.EdgeCount() != 4 {
		t.Fatalf("edges %d", g.EdgeCount())
	}
	scc, err := dg.StronglyConnectedComponents(g.Model())
	if err != nil || len(scc) != 1 || len(scc[0]) != 3 {
		t.Errorf("SCC = %v, %v", scc, err)
	}
	if _, err := dg.TopologicalSort(g.Model()); err == nil {
		t.Error("topological sort of a cycle succeeded")
	}
	path, err := dg.ShortestPath(g.Model(), "b", "a")
	if err != nil || !slices.Equal(path, []string{"b", "c", "a"}) {
		t.Errorf("path %v, %v", path, err)
	}
	if err := g.AddEdge(Edge{From: "a", To: "b"}); !errors.Is(err, dg.ErrEdgeAlreadyExists) {
		t.Errorf("duplicate edge: %v", err)
	}
	if err := g.AddEdge(Edge{From: "a", To: "zz"}); !errors.Is(err, dg.ErrVertexNotFound) {
		t.Errorf("edge to missing node: %v", err)
	}
	if err := g.Model().RemoveVertex("a"); !errors.Is(err, dg.ErrVertexHasEdges) {
		t.Errorf("remove vertex with edges: %v", err)
	}
	for _, p := range [][2]string{{"a", "b"}, {"c", "a"}, {"a", "a"}} {
		if err := g.Model().RemoveEdge(p[0], p[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Model().RemoveVertex("a"); err != nil {
		t.Fatal(err)
	}
	if got := nodeIDs(g); !slices.Equal(got, []string{"b", "c"}) || g.EdgeCount() != 1 {
		t.Errorf("after removal nodes %v, %d edges", got, g.EdgeCount())
	}
}

func TestScoresAreNodeAttributes(t *testing.T) {
	g := New()
	mustNode(t, g, Node{ID: "x"})
	mustNode(t, g, Node{ID: "y"})
	g.SetScores("pagerank", map[string]float64{"x": 0.25, "y": 0.75})
	n, _ := g.Node("y")
	if n.Scores["pagerank"] != 0.75 {
		t.Errorf("scores %v", n.Scores)
	}
	if !slices.Equal(g.Measures(), []string{"pagerank"}) {
		t.Errorf("measures %v", g.Measures())
	}
	mustNode(t, g, Node{ID: "z", Scores: map[string]float64{"pagerank": 0.5, "hub": 1}})
	z, _ := g.Node("z")
	x, _ := g.Node("x")
	if z.Scores["pagerank"] != 0.5 || z.Scores["hub"] != 1 || x.Scores["hub"] != 0 {
		t.Errorf("scores after adding a node: z %v x %v", z.Scores, x.Scores)
	}
}
