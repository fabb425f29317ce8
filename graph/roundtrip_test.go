package graph_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// describe writes what a graph says about its cases and citations.
func describe(g *graph.Graph) string {
	var b strings.Builder
	for n := range g.Nodes() {
		scores := make([]string, 0, len(n.Scores))
		for _, m := range slices.Sorted(func(yield func(string) bool) {
			for m := range n.Scores {
				if !yield(m) {
					return
				}
			}
		}) {
			scores = append(scores, fmt.Sprintf("%s=%.12g", m, n.Scores[m]))
		}
		fmt.Fprintf(&b, "%s|%s|%s|%v|%s|%d|%v|%d %d %d|%v\n", n.ID, n.Kind, n.Name, n.Citations, n.Court, n.Year, n.InCorpus, n.CitingCases, n.TimesCited, n.Cites, scores)
	}
	for e := range g.Edges() {
		fmt.Fprintf(&b, "%+v\n", e)
	}
	return b.String()
}

// Every graph format citegraph writes and reads carries the whole graph
// back: cases with their names, citations, courts, years and scores, and
// edges with their weights, pins, signals, opinions, parentheticals and
// pages. ReadFile finds the format from the name and the content.
func TestWrittenGraphsReadBack(t *testing.T) {
	docs := []*corpus.Document{corpus.Sample()}
	if files, _ := filepath.Glob("../../shared/corpus/immunity/*.html"); len(files) > 0 {
		m, err := corpus.LoadManifest("../../shared/corpus/immunity/manifest.csv")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			d, err := corpus.ReadFile(f, corpus.Options{Manifest: m})
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, d...)
		}
	}
	b := graph.NewBuilder(graph.Options{})
	for _, d := range docs {
		if err := b.Add(d, extract.Extract(d.Text)); err != nil {
			t.Fatal(err)
		}
	}
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{graph.PageRank, graph.Hub, graph.Citations} {
		if _, err := g.Rank(context.Background(), m, graph.RankOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	want := describe(g)
	dir := t.TempDir()
	for _, tc := range []struct {
		out, read, format string
		opts              export.Options
	}{
		{"g.graphml", "g.graphml", graph.FormatGraphML, export.Options{}},
		{"g.json", "g.json", graph.FormatNodeLink, export.Options{}},
		{"g.csv", "g.csv", graph.FormatCSV, export.Options{}},
		{"pair/", "pair/edges.csv", graph.FormatCSV, export.Options{}},
		{"neo4j/", "neo4j", graph.FormatCSV, export.Options{Neo4j: true}},
	} {
		if err := export.Save(context.Background(), dir+"/"+tc.out, g, "", tc.opts); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, tc.read)
		if f, err := graph.DetectFormat(path); err != nil || f != tc.format {
			t.Errorf("%s: format %q, %v; want %s", tc.read, f, err, tc.format)
		}
		back, err := graph.ReadFile(path, "")
		if err != nil {
			t.Errorf("%s: %v", tc.read, err)
			continue
		}
		if got := describe(back); got != want {
			t.Errorf("%s reads back differently:\n%s", tc.out, diffLine(got, want))
		}
	}
	// An opinion in JSON is not a graph.
	cap, _ := filepath.Glob("../../shared/corpus/cap/*.json")
	for _, f := range cap[:min(len(cap), 3)] {
		if f, err := graph.DetectFormat(f); err == nil {
			t.Errorf("CAP opinion detected as %s", f)
		}
	}
	os.WriteFile(filepath.Join(dir, "x.gexf"), []byte("<gexf/>"), 0o644)
	if _, err := graph.DetectFormat(filepath.Join(dir, "x.gexf")); err == nil || !strings.Contains(err.Error(), "GEXF") {
		t.Errorf("GEXF input: %v", err)
	}
}

func diffLine(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(la), len(lb))
}
