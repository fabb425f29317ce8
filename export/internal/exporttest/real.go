package exporttest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// RealSample is the graph of the project's embedded sample opinion, built
// as citegraph build builds it, with PageRank attached.
func RealSample(t testing.TB) *graph.Graph {
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

// Shared is the path of the shared material (../shared beside the
// repository root) joined with rel, found from the test's directory
// whatever the package's depth. The test skips, saying so, when it is
// absent.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(sharedRoot(), rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared material %s not available (%v): skipping", rel, err)
	}
	return p
}

// HasShared reports whether the shared material holds rel.
func HasShared(rel string) bool {
	_, err := os.Stat(filepath.Join(sharedRoot(), rel))
	return err == nil
}

// sharedRoot is ../shared seen from the repository root, which is the
// nearest directory above the working directory holding go.mod.
func sharedRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "shared"
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "shared"
		}
		dir = up
	}
}

// ScotusDir is the shared Supreme Court set, relative to the shared root.
const ScotusDir = "corpus/scotus"

// build makes the graph of a shared corpus directory, its manifest and
// every HTML file in it, with PageRank, as citegraph build does.
func build(dir string) (*graph.Graph, error) {
	m, err := corpus.LoadManifest(filepath.Join(dir, "manifest.csv"))
	if err != nil {
		return nil, err
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
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
}

var scotusOnce = sync.OnceValues(func() (*graph.Graph, error) {
	return build(filepath.Join(sharedRoot(), ScotusDir))
})

// ImmunityDir is the shared corpus of absolute-immunity opinions (Imbler
// and the cases around it), relative to the shared root.
const ImmunityDir = "corpus/immunity"

// Immunity is the graph of the shared immunity corpus with PageRank,
// skipping when it is absent.
func Immunity(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := build(Shared(t, ImmunityDir))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Scotus is the graph of the shared Supreme Court set with PageRank (built
// once per test binary), skipping when the set is absent.
func Scotus(t testing.TB) *graph.Graph {
	t.Helper()
	Shared(t, ScotusDir)
	g, err := scotusOnce()
	if err != nil {
		t.Fatal(err)
	}
	return g
}
