package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// fuzzGraph is two cases, one citing the other, carrying the fuzzed text
// everywhere text goes: ids, names, court, citations, pins, parentheticals.
func fuzzGraph(id, name, pin string, year int) exporttest.Graph {
	other := "1 U.S. 1"
	if id == other {
		other = "2 U.S. 2"
	}
	a := &graph.Node{ID: id, Name: name, Court: name, Citations: []string{id, name}, Year: year, Cites: 1,
		Scores: map[string]float64{"pagerank": 0.5}}
	b := &graph.Node{ID: other, Name: "Plain v. Simple", Year: 1900, CitingCases: 1, TimesCited: 2,
		Scores: map[string]float64{"pagerank": 0.5}}
	e := &graph.Edge{From: id, To: other, Weight: 2, Pins: []graph.Count{{Value: pin, N: 2}}}
	if name != "" {
		// An empty parenthetical is never made; CSV could not tell it
		// from none.
		e.Parentheticals = []string{name}
	}
	nodes := []*graph.Node{a, b}
	if exporttest.CompareIDs(b.ID, a.ID) < 0 {
		nodes = []*graph.Node{b, a}
	}
	return exporttest.Graph{NodeList: nodes, EdgeList: []*graph.Edge{e}}
}

// FuzzTextSurvives: whatever text a case carries, every format writes a
// file its reader parses, with the text as the format can hold it, and
// pictures draw without failing.
func FuzzTextSurvives(f *testing.F) {
	for _, s := range []string{"Imbler v. Pachtman", "\"quoted\" \\ & <tag> &amp;", "a\x00b\x01c\x1f\x7f", "\xff\xfe broken", "Иванов ⚖️ 中华", "\t\n\r", "", "]]>", "&#60;", "\\N \\G \\l"} {
		f.Add("424 U.S. 409", s, s, 1976)
		f.Add(s, "Name v. Other", "430", 0)
	}
	f.Fuzz(func(t *testing.T, id, name, pin string, year int) {
		if id == "" {
			return // the graph package never makes an empty id
		}
		g := fuzzGraph(id, name, pin, year)
		gml := readGraphML(t, write(t, g, GraphML, Options{}))
		compareFlat(t, "GraphML", g, gml, exporttest.XMLSafe)
		gexf, _ := readGEXF(t, write(t, g, GEXF, Options{}))
		for _, a := range gexf.nodes {
			if l, ok := a["label"]; ok {
				a["label"] = collapse(l)
			}
		}
		compareFlat(t, "GEXF", g, gexf, exporttest.XMLSafe)
		compareFlat(t, "CSV", g, csvFlat(t, g, Options{}), csvText)
		var doc struct {
			Nodes []map[string]any `json:"nodes"`
			Links []map[string]any `json:"links"`
		}
		if err := json.Unmarshal(write(t, g, JSON, Options{}), &doc); err != nil {
			t.Fatal(err)
		}
		checkJSONItems(t, "node", doc.Nodes, []map[string]any{jsonWantNode(g.NodeList[0]), jsonWantNode(g.NodeList[1])})
		checkJSONItems(t, "link", doc.Links, []map[string]any{jsonWantEdge(g.EdgeList[0])})
		if dot := write(t, g, DOT, Options{ByYear: true}); !bytes.HasPrefix(dot, []byte("digraph")) {
			t.Fatalf("DOT: %q", dot)
		}
		texts, _ := exporttest.SVGText(t, write(t, g, SVG, Options{}))
		if len(texts) == 0 {
			t.Fatal("SVG has no text")
		}
	})
}

func collapse(s string) string { return string(bytes.Join(bytes.Fields([]byte(s)), []byte(" "))) }
