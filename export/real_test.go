package export

import (
	"bytes"
	"context"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// realSample is the graph of the project's embedded sample opinion, built
// as citegraph build builds it, with PageRank attached.
func realSample(t testing.TB) *graph.Graph {
	t.Helper()
	doc := corpus.Sample()
	b := graph.NewBuilder(graph.Options{})
	if err := b.Add(doc, extract.Extract(doc.Text)); err != nil {
		t.Fatal(err)
	}
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Rank(context.Background(), graph.PageRank, graph.RankOptions{}); err != nil {
		t.Fatal(err)
	}
	return g
}

const scotusDir = "../../shared/corpus/scotus"

var scotusOnce = sync.OnceValues(func() (*graph.Graph, error) {
	m, err := corpus.LoadManifest(filepath.Join(scotusDir, "manifest.csv"))
	if err != nil {
		return nil, err
	}
	files, _ := filepath.Glob(filepath.Join(scotusDir, "*.html"))
	sort.Strings(files)
	b := graph.NewBuilder(graph.Options{})
	for _, f := range files {
		docs, err := corpus.ReadFile(f, corpus.Options{Manifest: m})
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			if err := b.Add(d, extract.Extract(d.Text)); err != nil {
				return nil, err
			}
		}
	}
	g, err := b.Graph()
	if err != nil {
		return nil, err
	}
	_, err = g.Rank(context.Background(), graph.PageRank, graph.RankOptions{})
	return g, err
})

// scotusGraph is the graph of the shared Supreme Court set (built once per
// test run), skipping when the set is absent.
func scotusGraph(t testing.TB) *graph.Graph {
	t.Helper()
	if _, err := os.Stat(scotusDir); err != nil {
		t.Skipf("shared scotus corpus not available (%v): skipping", err)
	}
	g, err := scotusOnce()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

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
		if name := attrs["name"].V; n.Name != "" && name != xmlSafe(n.Name) {
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
	graphs := map[string]*graph.Graph{"sample": realSample(t)}
	if _, err := os.Stat(scotusDir); err == nil {
		graphs["scotus"] = scotusGraph(t)
	} else {
		t.Logf("shared scotus corpus not available (%v): testing the sample only", err)
	}
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			files := map[string]string{}
			for _, f := range []string{GraphML, GEXF, JSON, DOT} {
				files[f] = writeTemp(t, name+"."+f, write(t, g, f, Options{}))
			}
			t.Run("xmllint", func(t *testing.T) {
				xmllint(t, "--schema", needSchema(t, "graphml/graphml.xsd"), files[GraphML])
				xmllint(t, "--relaxng", needSchema(t, "gexf-1.3/local-gexf-allow-xsi.rng"), files[GEXF])
			})
			t.Run("networkx", func(t *testing.T) {
				python, script := networkxPython(t, false)
				checkNetworkxCounts(t, g, readWithNetworkx(t, python, script, "graphml", files[GraphML]), map[string]string{})
				checkNetworkxCounts(t, g, readWithNetworkx(t, python, script, "json", files[JSON]), nil)
				python, script = networkxPython(t, true)
				checkNetworkxCounts(t, g, readWithNetworkx(t, python, script, "gexf", files[GEXF]), nil)
			})
			t.Run("dot", func(t *testing.T) {
				bin := needTool(t, "dot", "graphviz")
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

// TestRealPictures: citegraph's pictures of the sample and of the scotus
// top 50 come out as SVG and PNG with every case drawn, no node or label
// overlapping another.
func TestRealPictures(t *testing.T) {
	graphs := map[string]*graph.Graph{"sample": realSample(t)}
	if _, err := os.Stat(scotusDir); err == nil {
		top, err := scotusGraph(t).Filter(context.Background(), graph.Filter{Top: 50, By: graph.PageRank})
		if err != nil {
			t.Fatal(err)
		}
		graphs["scotus top 50"] = top
	}
	for name, g := range graphs {
		d, err := layOut(g, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sc := d.scene()
		circles := nodeCircles(sc)
		if len(circles) != g.NodeCount() {
			t.Errorf("%s: %d nodes drawn, want %d", name, len(circles), g.NodeCount())
		}
		if n := countCircleOverlaps(circles); n > 0 {
			t.Errorf("%s: %d pairs of nodes overlap", name, n)
		}
		if n := countOverlaps(nodeLabels(sc)); n > 0 {
			t.Errorf("%s: %d pairs of labels overlap", name, n)
		}
		svg := write(t, g, SVG, Options{})
		xmllint(t, writeTemp(t, "g.svg", svg))
		img, err := png.Decode(bytes.NewReader(write(t, g, PNG, Options{})))
		if err != nil {
			t.Fatalf("%s: PNG: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != int(math.Ceil(sc.width*2)) || b.Dy() != int(math.Ceil(sc.height*2)) {
			t.Errorf("%s: PNG %v for a %vx%v scene", name, b, sc.width, sc.height)
		}
	}
}
