package draw

import (
	"math"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// FuzzDrawText: whatever text a case carries, it is laid out and drawn
// with every shape at a finite place, and the SVG parses.
func FuzzDrawText(f *testing.F) {
	for _, s := range []string{"Imbler v. Pachtman", "\"quoted\" \\ & <tag> &amp;", "a\x00b\x01c\x1f\x7f", "\xff\xfe broken", "Иванов ⚖️ 中华", "\t\n\r", "", "]]>"} {
		f.Add("424 U.S. 409", s, 1976)
		f.Add(s, "Name v. Other", 0)
	}
	f.Fuzz(func(t *testing.T, id, name string, year int) {
		if id == "" || id == "1 U.S. 1" {
			return // the graph package never makes an empty id; the other case has that one
		}
		a := &graph.Node{ID: id, Name: name, Court: name, Citations: []string{id, name}, Year: year, Cites: 1,
			Scores: map[string]float64{"pagerank": 0.5}}
		b := &graph.Node{ID: "1 U.S. 1", Name: "Plain v. Simple", Year: 1900, CitingCases: 1, TimesCited: 2,
			Scores: map[string]float64{"pagerank": 0.5}}
		nodes := []*graph.Node{a, b}
		if exporttest.CompareIDs(b.ID, a.ID) < 0 {
			nodes = []*graph.Node{b, a}
		}
		g := exporttest.Graph{NodeList: nodes, EdgeList: []*graph.Edge{{From: id, To: b.ID, Weight: 2, Parentheticals: []string{name}}}}
		d, err := layOut(g, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, sh := range d.scene().shapes {
			lo, hi := sh.bounds()
			if math.IsNaN(lo.x+lo.y+hi.x+hi.y) || math.IsInf(lo.x+lo.y+hi.x+hi.y, 0) {
				t.Fatalf("shape %#v out of the picture", sh)
			}
		}
		if texts, _ := exporttest.SVGText(t, svg(t, g, Options{})); len(texts) == 0 {
			t.Fatal("SVG has no text")
		}
	})
}
