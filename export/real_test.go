package export

import (
	"bytes"
	"context"
	"os/exec"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// realCounts checks that networkx read back as many nodes and edges as the
// graph has, with the citation count of every edge.
func checkNetworkxCounts(t *testing.T, g *graph.Graph, nx nxGraph, ids map[string]string) {
	t.Helper()
	if len(nx.Nodes) != g.NodeCount() || len(nx.Edges) != g.EdgeCount() {
		t.Fatalf("networkx read %d nodes, %d edges; the graph has %d, %d", len(nx.Nodes), len(nx.Edges), g.NodeCount(), g.EdgeCount())
	}
	edges := nxEdges(t, nx)
	for e := range g.Edges() {
		from, to := e.From, e.To
		if ids != nil {
			from, to = nmtoken(from), nmtoken(to)
		}
		attrs, ok := edges[edgeKey(from, to)]
		if !ok {
			t.Fatalf("edge %s → %s missing", e.From, e.To)
		}
		if w, _ := attrs["weight"].V.(float64); int(w) != e.Weight {
			t.Fatalf("edge %s → %s: weight %v, want %d", e.From, e.To, attrs["weight"].V, e.Weight)
		}
	}
	for n := range g.Nodes() {
		key := n.ID
		if ids != nil {
			key = nmtoken(n.ID)
		}
		attrs, ok := nx.Nodes[key]
		if !ok {
			t.Fatalf("node %s missing", n.ID)
		}
		if name := attrs["name"].V; n.Name != "" && name != exporttest.XMLSafe(n.Name) {
			t.Fatalf("node %s: name %q, want %q", n.ID, name, n.Name)
		}
		if pr, _ := attrs["pagerank"].V.(float64); pr != n.Scores[graph.PageRank] {
			t.Fatalf("node %s: pagerank %v, want %v", n.ID, pr, n.Scores[graph.PageRank])
		}
	}
}

// TestRealGraphsInTheirTools: the sample's and the scotus set's graphs,
// exported, validate against the GraphML and GEXF schemas and read back
// whole in networkx; the sample's DOT and the scotus top 50's render in
// Graphviz.
func TestRealGraphsInTheirTools(t *testing.T) {
	graphs := map[string]*graph.Graph{"sample": exporttest.RealSample(t)}
	if exporttest.HasShared(exporttest.ScotusDir) {
		graphs["scotus"] = exporttest.Scotus(t)
	} else {
		t.Log("shared scotus corpus not available: testing the sample only")
	}
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			files := map[string]string{}
			for _, f := range []string{GraphML, GEXF, JSON, DOT} {
				files[f] = exporttest.WriteTemp(t, name+"."+f, write(t, g, f, Options{}))
			}
			t.Run("xmllint", func(t *testing.T) {
				exporttest.Xmllint(t, "--schema", exporttest.Shared(t, "schema/graphml/graphml.xsd"), files[GraphML])
				exporttest.Xmllint(t, "--relaxng", exporttest.Shared(t, "schema/gexf-1.3/local-gexf-allow-xsi.rng"), files[GEXF])
			})
			t.Run("networkx", func(t *testing.T) {
				python, script := networkxPython(t, false)
				checkNetworkxCounts(t, g, readWithNetworkx(t, python, script, "graphml", files[GraphML]), map[string]string{})
				checkNetworkxCounts(t, g, readWithNetworkx(t, python, script, "json", files[JSON]), nil)
				python, script = networkxPython(t, true)
				checkNetworkxCounts(t, g, readWithNetworkx(t, python, script, "gexf", files[GEXF]), nil)
			})
			t.Run("dot", func(t *testing.T) {
				bin := exporttest.NeedTool(t, "dot", "graphviz")
				small := g
				if g.NodeCount() > 100 {
					var err error
					if small, err = g.Filter(context.Background(), graph.Filter{Top: 50, By: graph.PageRank}); err != nil {
						t.Fatal(err)
					}
				}
				for _, opts := range []Options{{}, {ByYear: true, Cluster: "court"}} {
					cmd := exec.Command(bin, "-Tsvg")
					cmd.Stdin = bytes.NewReader(write(t, small, DOT, opts))
					var stderr bytes.Buffer
					cmd.Stderr = &stderr
					out, err := cmd.Output()
					if err != nil || stderr.Len() > 0 {
						t.Fatalf("dot: %v\n%s", err, stderr.String())
					}
					if got := bytes.Count(out, []byte(`class="edge"`)); got != small.EdgeCount() {
						t.Errorf("dot drew %d edges, want %d", got, small.EdgeCount())
					}
				}
			})
		})
	}
}
