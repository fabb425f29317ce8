package graph_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// fieldGraph builds the graph of one field case of
// ../extract/testdata/field (see extract/field_test.go), as citegraph
// build does.
func fieldGraph(t *testing.T, file string) *graph.Graph {
	t.Helper()
	docs, err := corpus.ReadFile(filepath.Join("..", "extract", "testdata", "field", file), corpus.Options{})
	if err != nil {
		t.Fatal(err)
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
	return g
}

// edgesOf describes every edge as "to weight pins".
func edgesOf(g *graph.Graph) []string {
	var out []string
	for e := range g.Edges() {
		var pins []string
		for _, p := range e.Pins {
			pins = append(pins, p.Value)
		}
		s := e.To + " " + strings.Repeat("|", e.Weight)
		if len(pins) > 0 {
			s += " " + strings.Join(pins, "; ")
		}
		out = append(out, s)
	}
	return out
}

// TestFieldCaseGraphs checks what the field cases say of the graph:
// weights that count every citation of a case once and nothing else,
// parallel citations and nominative reporters as one case, slip cites of
// one volume as two cases.
func TestFieldCaseGraphs(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		// Id.s after the complaint are not citations of Kearns.
		{"01.txt", []string{"567 F.3d 1120 | 1125"}},
		// One case under two reporters; the Id. checks its pin in N.E.2d.
		{"18.txt", []string{"261 Ill. App. 3d 443 |||| 449; 768; 769; 450"}},
		// Wheaton and the U.S. Reports are one case.
		{"21.txt", []string{"17 U.S. 518 ||| 643; 650; 651"}},
		// Two cases of one blank volume stay two, each under its S. Ct. cite.
		{"22a.txt", []string{"143 S. Ct. 2028 | 2037", "143 S. Ct. 2141 | 2166"}},
		{"22b.txt", []string{"143 S. Ct. 2028 || 2037; 2038"}},
		// The Id. after the law review is not a citation of Smith.
		{"24.txt", []string{"500 F.3d 1 | 5"}},
		// Footnote numbers never make a case: three cases, two citations each.
		{"03.txt", []string{"100 F.3d 50 || 52; 53", "576 U.S. 591 || 595; 597", "589 U.S. 248 || 254; 256"}},
	} {
		g := fieldGraph(t, tc.file)
		got := edgesOf(g)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: edges\n\t%s\nwant\n\t%s", tc.file, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
		}
	}
}
