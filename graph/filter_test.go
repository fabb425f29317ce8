package graph

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// lineGraph is a small precedent line: years, courts and citations as in
// the prosecutorial-immunity cases, plus an undated case and a circuit
// case.
func lineGraph(t *testing.T) *Graph {
	t.Helper()
	g := New()
	for _, n := range []Node{
		{ID: "373 U.S. 83", Name: "Brady v. Maryland", Year: 1963, Court: "scotus", Citations: []string{"373 U.S. 83", "83 S. Ct. 1194"}},
		{ID: "405 U.S. 150", Name: "Giglio v. United States", Year: 1972, Court: "scotus"},
		{ID: "424 U.S. 409", Name: "Imbler v. Pachtman", Year: 1976, Court: "scotus", Citations: []string{"424 U.S. 409", "96 S. Ct. 984"}},
		{ID: "500 U.S. 478", Name: "Burns v. Reed", Year: 1991, Court: "scotus"},
		{ID: "555 U.S. 335", Name: "Van de Kamp v. Goldstein", Year: 2009, Court: "scotus"},
		{ID: "177 F.2d 579", Name: "Gregoire v. Biddle", Court: "ca2"},
		{ID: "481 F.3d 1170", Name: "Goldstein v. City of Long Beach", Year: 2007, Court: "ca9"},
	} {
		mustNode(t, g, n)
	}
	for _, e := range []Edge{
		{From: "405 U.S. 150", To: "373 U.S. 83", Weight: 3},
		{From: "424 U.S. 409", To: "405 U.S. 150", Weight: 1},
		{From: "424 U.S. 409", To: "373 U.S. 83", Weight: 2},
		{From: "424 U.S. 409", To: "177 F.2d 579", Weight: 2},
		{From: "500 U.S. 478", To: "424 U.S. 409", Weight: 9},
		{From: "555 U.S. 335", To: "424 U.S. 409", Weight: 31},
		{From: "555 U.S. 335", To: "500 U.S. 478", Weight: 4},
		{From: "555 U.S. 335", To: "481 F.3d 1170", Weight: 2},
		{From: "555 U.S. 335", To: "177 F.2d 579", Weight: 2},
	} {
		mustEdge(t, g, e)
	}
	g.Recount()
	return g
}

func filtered(t *testing.T, g *Graph, f Filter) *Graph {
	t.Helper()
	sub, err := g.Filter(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func TestFilterUntilKeepsUndatedCasesCitedBefore(t *testing.T) {
	g := lineGraph(t)
	sub := filtered(t, g, Filter{Until: 1976})
	if got := nodeIDs(sub); !slices.Equal(got, []string{"177 F.2d 579", "373 U.S. 83", "405 U.S. 150", "424 U.S. 409"}) {
		t.Errorf("as of 1976: %v", got)
	}
	if sub.EdgeCount() != 4 {
		t.Errorf("as of 1976: edges %v", edgePairs(sub))
	}
	// Counts stay those of the whole graph; Recount narrows them.
	n, _ := sub.Node("424 U.S. 409")
	if n.CitingCases != 2 {
		t.Errorf("kept counts %+v", n)
	}
	sub.Recount()
	if n, _ = sub.Node("424 U.S. 409"); n.CitingCases != 0 || n.Cites != 3 {
		t.Errorf("recounted %+v", n)
	}
	if got := nodeIDs(filtered(t, g, Filter{Until: 1970})); !slices.Equal(got, []string{"373 U.S. 83"}) {
		t.Errorf("as of 1970: %v", got)
	}
}

func TestFilterSinceCourtMinWeight(t *testing.T) {
	g := lineGraph(t)
	if got := nodeIDs(filtered(t, g, Filter{Since: 1990})); !slices.Equal(got, []string{"481 F.3d 1170", "500 U.S. 478", "555 U.S. 335"}) {
		t.Errorf("since 1990: %v", got)
	}
	if got := nodeIDs(filtered(t, g, Filter{Courts: []string{"CA9", "ca2"}})); !slices.Equal(got, []string{"177 F.2d 579", "481 F.3d 1170"}) {
		t.Errorf("courts: %v", got)
	}
	sub := filtered(t, g, Filter{MinWeight: 4})
	want := [][2]string{{"500 U.S. 478", "424 U.S. 409"}, {"555 U.S. 335", "424 U.S. 409"}, {"555 U.S. 335", "500 U.S. 478"}}
	if got := edgePairs(sub); !slices.Equal(got, want) || sub.NodeCount() != 3 {
		t.Errorf("min weight 4: %v, nodes %v", got, nodeIDs(sub))
	}
}

func TestFilterAround(t *testing.T) {
	g := lineGraph(t)
	sub := filtered(t, g, Filter{Around: "405 U. S. 150"})
	if got := nodeIDs(sub); !slices.Equal(got, []string{"373 U.S. 83", "405 U.S. 150", "424 U.S. 409"}) {
		t.Errorf("around Giglio: %v", got)
	}
	sub = filtered(t, g, Filter{Around: "Giglio v. United States", Depth: 2})
	if got := nodeIDs(sub); !slices.Equal(got, []string{"177 F.2d 579", "373 U.S. 83", "405 U.S. 150", "424 U.S. 409", "500 U.S. 478", "555 U.S. 335"}) {
		t.Errorf("around Giglio, depth 2: %v", got)
	}
	// A parallel citation finds the case too.
	sub = filtered(t, g, Filter{Around: "96 S. Ct. 984", MinWeight: 3})
	if got := nodeIDs(sub); !slices.Equal(got, []string{"424 U.S. 409", "500 U.S. 478", "555 U.S. 335"}) {
		t.Errorf("around Imbler, weight ≥ 3: %v", got)
	}
	for _, bad := range []Filter{{Around: "999 U.S. 1"}, {Around: "405 U.S. 150", Since: 2000}, {Top: 2, By: "fame"}, {Top: -1}} {
		if _, err := g.Filter(context.Background(), bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

func TestFilterTop(t *testing.T) {
	g := lineGraph(t)
	sub := filtered(t, g, Filter{Top: 2, By: Citations})
	if got := nodeIDs(sub); !slices.Equal(got, []string{"373 U.S. 83", "424 U.S. 409"}) {
		t.Errorf("top 2 by citations: %v", got)
	}
	if got := edgePairs(sub); !slices.Equal(got, [][2]string{{"424 U.S. 409", "373 U.S. 83"}}) {
		t.Errorf("top 2 edges: %v", got)
	}
	// Scores attached to the graph before filtering are kept and used.
	if _, err := g.Rank(context.Background(), PageRank, RankOptions{}); err != nil {
		t.Fatal(err)
	}
	top, _ := g.Top(PageRank, 3)
	sub = filtered(t, g, Filter{Top: 3, By: PageRank, MinWeight: 1})
	var want []string
	for _, r := range top {
		want = append(want, r.Node.ID)
	}
	slices.Sort(want)
	if got := nodeIDs(sub); !slices.Equal(got, want) {
		t.Errorf("top 3 by pagerank %v, want %v", got, want)
	}
	for n := range sub.Nodes() {
		if s, _ := g.Score(PageRank, n.ID); n.Scores[PageRank] != s {
			t.Errorf("%s: pagerank %v, was %v", n.ID, n.Scores[PageRank], s)
		}
	}
	if !strings.Contains(strings.Join(sub.Measures(), ","), PageRank) {
		t.Errorf("measures %v", sub.Measures())
	}
}

// --around finds a case by its name as people write it, and suggests the
// nearest names when nothing fits.
func TestLookupByName(t *testing.T) {
	g := scotus(t)
	for _, tc := range []struct{ ref, want string }{
		{"Gibbons v. Ogden", "22 U.S. 1"},
		{"gibbons vs ogden", "22 U.S. 1"},
		{"McCulloch v. Maryland", "17 U.S. 316"},
		{"9 Wheat. 1", "22 U.S. 1"},
		{"22 U. S. 1", "22 U.S. 1"},
	} {
		n, err := g.Lookup(tc.ref)
		if err != nil || n.ID != tc.want {
			t.Errorf("Lookup(%q) = %s, %v; want %s", tc.ref, n.ID, err, tc.want)
		}
	}
	_, err := g.Lookup("Gibons v. Ogdn")
	if err == nil || !strings.Contains(err.Error(), "did you mean Gibbons v. Ogden (22 U.S. 1") {
		t.Errorf("a misspelt name: %v", err)
	}
	_, err = g.Lookup("United States")
	if err == nil || strings.Contains(err.Error(), "did you mean") == strings.Contains(err.Error(), "names ") {
		t.Logf("a bare party: %v", err)
	}
	if _, err := g.Lookup("Zzyzx v. Qwerty"); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("a name like none: %v", err)
	}
}
