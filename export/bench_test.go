package export

import (
	"io"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
)

// exportAll writes g in every file format, as a user exporting it to each
// tool would: DOT, GraphML, GEXF, node-link and Cytoscape JSON, and both
// CSV flavours (plain and Neo4j), nodes and edges.
func exportAll(b *testing.B, g Source) {
	for _, f := range []string{DOT, GraphML, GEXF, JSON, Cytoscape} {
		if err := Write(io.Discard, g, f, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	for _, neo := range []bool{false, true} {
		if err := WriteCSVNodes(io.Discard, g, Options{Neo4j: neo}); err != nil {
			b.Fatal(err)
		}
		if err := WriteCSVEdges(io.Discard, g, Options{Neo4j: neo}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportAll measures exporting a corpus-sized graph to every
// format together (the target: under 2 s for the scotus graph). The real
// scotus graph is used when the shared corpus is there; a synthetic graph
// of 25,000 cases and about 45,000 citations always is.
func BenchmarkExportAll(b *testing.B) {
	if exporttest.HasShared(exporttest.ScotusDir) {
		g := exporttest.Scotus(b)
		b.Run("scotus", func(b *testing.B) {
			for b.Loop() {
				exportAll(b, g)
			}
			b.ReportMetric(float64(g.NodeCount()), "nodes")
			b.ReportMetric(float64(g.EdgeCount()), "edges")
		})
	}
	syn := exporttest.Synthetic(25000, 50000)
	b.Run("synthetic", func(b *testing.B) {
		for b.Loop() {
			exportAll(b, syn)
		}
		b.ReportMetric(float64(len(syn.NodeList)), "nodes")
		b.ReportMetric(float64(len(syn.EdgeList)), "edges")
	})
}

// BenchmarkFormat measures each format alone on the scotus graph.
func BenchmarkFormat(b *testing.B) {
	g := exporttest.Scotus(b)
	for _, f := range []string{DOT, GraphML, GEXF, JSON, Cytoscape} {
		b.Run(f, func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, g, f, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("csv", func(b *testing.B) {
		for b.Loop() {
			WriteCSVNodes(io.Discard, g, Options{})
			WriteCSVEdges(io.Discard, g, Options{})
		}
	})
}
