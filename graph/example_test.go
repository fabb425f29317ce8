package graph_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// Build the precedent graph of the embedded sample opinion, rank its
// cases and write it for Gephi: the three steps of citegraph as a library.
func Example() {
	doc := corpus.Sample()
	b := graph.NewBuilder(graph.Options{})
	if err := b.Add(doc, extract.Extract(doc.Text)); err != nil {
		panic(err)
	}
	g, err := b.Graph()
	if err != nil {
		panic(err)
	}
	fmt.Println(g.NodeCount(), "cases,", g.EdgeCount(), "edges")

	if _, err := g.Rank(context.Background(), graph.Citations, graph.RankOptions{}); err != nil {
		panic(err)
	}
	top, _ := g.Top(graph.Citations, 3)
	for _, r := range top {
		fmt.Printf("%-24s %-13s cited %v times\n", r.Node.Name, r.Node.ID, r.Score)
	}
	e, _ := g.Edge("555 U.S. 335", "522 U.S. 118")
	fmt.Println("Kalina pins:", e.Pins)

	var gexf strings.Builder
	if err := export.Write(&gexf, g, export.GEXF, export.Options{}); err != nil {
		panic(err)
	}
	fmt.Println(strings.Count(gexf.String(), "<node "), "nodes in the GEXF")
	// Output:
	// 9 cases, 8 edges
	// Imbler v. Pachtman       424 U.S. 409  cited 31 times
	// Burns v. Reed            500 U.S. 478  cited 4 times
	// Kalina v. Fletcher       522 U.S. 118  cited 4 times
	// Kalina pins: [{127, 130 1} {126 1} {132 1} {125 1}]
	// 9 nodes in the GEXF
}
