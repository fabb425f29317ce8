package export

import (
	"iter"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// testGraph is a hand-made Source, so that the writers can be tested
// without the graph builder.
type testGraph struct {
	nodes []*graph.Node
	edges []*graph.Edge
}

func (g testGraph) Nodes() iter.Seq[*graph.Node] { return slices.Values(g.nodes) }
func (g testGraph) Edges() iter.Seq[*graph.Edge] { return slices.Values(g.edges) }

// sampleGraph is the precedent graph of the project's sample opinion, Van
// de Kamp v. Goldstein, 555 U.S. 335 (2009), and the eight cases it cites,
// in the graph package's order (nodes by id, edges by endpoints).
func sampleGraph() testGraph {
	type c struct {
		id, name, court string
		year, weight    int
	}
	cited := []c{
		{"177 F.2d 579", "Gregoire v. Biddle", "ca2", 1949, 2},
		{"373 U.S. 83", "Brady v. Maryland", "scotus", 1963, 1},
		{"405 U.S. 150", "Giglio v. United States", "scotus", 1972, 3},
		{"424 U.S. 409", "Imbler v. Pachtman", "scotus", 1976, 31},
		{"481 F.3d 1170", "Goldstein v. City of Long Beach", "ca9", 2007, 2},
		{"500 U.S. 478", "Burns v. Reed", "scotus", 1991, 4},
		{"509 U.S. 259", "Buckley v. Fitzsimmons", "scotus", 1993, 1},
		{"522 U.S. 118", "Kalina v. Fletcher", "scotus", 1997, 4},
	}
	const citing = "555 U.S. 335"
	g := testGraph{}
	vdk := &graph.Node{ID: citing, Name: "Van de Kamp v. Goldstein", Citations: []string{citing, "129 S. Ct. 855"},
		Court: "scotus", Year: 2009, InCorpus: true, Cites: len(cited)}
	total := 0
	for _, x := range cited {
		total += x.weight
	}
	for _, x := range cited {
		g.nodes = append(g.nodes, &graph.Node{ID: x.id, Name: x.name, Citations: []string{x.id}, Court: x.court,
			Year: x.year, CitingCases: 1, TimesCited: x.weight,
			Scores: map[string]float64{"pagerank": 0.05 + 0.9*float64(x.weight)/float64(total), "indegree": 1}})
		g.edges = append(g.edges, &graph.Edge{From: citing, To: x.id, Weight: x.weight})
	}
	vdk.Scores = map[string]float64{"pagerank": 0.05, "indegree": 0}
	g.nodes = append(g.nodes, vdk)
	slices.SortFunc(g.nodes, func(a, b *graph.Node) int { return compareIDs(a.ID, b.ID) })
	imbler := g.edges[3]
	imbler.Pins = []graph.Count{{Value: "430", N: 5}, {Value: "431", N: 3}, {Value: "427-428", N: 1}}
	imbler.Signals = []graph.Count{{Value: "See", N: 4}, {Value: "Cf.", N: 1}}
	imbler.Opinions = []graph.Count{{Value: "majority", N: 31}}
	imbler.Parentheticals = []string{"absolute immunity for initiating a prosecution; and presenting the State's case"}
	imbler.Pages = []string{"341", "342", "343"}
	return g
}

func compareIDs(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
