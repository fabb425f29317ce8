package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func edgeList(g *Graph) string {
	var b strings.Builder
	for e := range g.Edges() {
		fmt.Fprintf(&b, "%s>%s:%d ", e.From, e.To, e.Weight)
	}
	return strings.TrimSpace(b.String())
}

func TestReadEdgeList(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"header.csv", "source,target,weight\n# a comment\nA,B,2\nB,C,1\nA,B,3\n\nC,A\n", "A>B:5 B>C:1 C>A:1"},
		{"quoted.csv", "\"Brown, I\",\"Plessy, v\",1\n", "Brown, I>Plessy, v:1"},
		{"plain.tsv", "424 U.S. 409\t373 U.S. 83\t2\n555 U.S. 335\t424 U.S. 409\t31\n", "424 U.S. 409>373 U.S. 83:2 555 U.S. 335>424 U.S. 409:31"},
		{"snap.edges", "# Directed graph\n# FromNodeId\tToNodeId\n1 2\n2 3 4.0\n", "1>2:1 2>3:4"},
		{"grouped.edges", "1 2\n1 3\n1 2 5\n10 1\n1 10\n", "1>10:1 1>2:6 1>3:1 10>1:1"},
		{"named.csv", "citing,cited\nx,y\n", "x>y:1"},
		{"self.csv", "x,x,2\n", "x>x:2"},
	} {
		g, err := ReadEdgeList(tc.name, strings.NewReader(tc.in))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := edgeList(g); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	g, _ := ReadEdgeList("c.csv", strings.NewReader("a,b,2\nc,b,3\n"))
	if n, _ := g.Node("b"); n.CitingCases != 2 || n.TimesCited != 5 {
		t.Errorf("counts %+v", n)
	}
}

func TestReadEdgeListErrorsNameFileAndLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a,b,1\nc,d,x\n", "e.csv:2: weight \"x\" is not a whole number"},
		{"a,b\nc\n", "e.csv:2: want source and target"},
		{"a,b,1\nc,d,-2\n", "e.csv:2: weight \"-2\""},
		{"a,b,1\nc,d,2.5\n", "e.csv:2: weight \"2.5\""},
		{"a,b\n\"c,d\n", "e.csv:2:"},
		{"a,b\n,d\n", "e.csv:2: edge with an empty end"},
	} {
		_, err := ReadEdgeList("e.csv", strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

const sampleGraphML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="citegraph_id" attr.type="string"/>
  <key id="d1" for="node" attr.name="name" attr.type="string"/>
  <key id="d2" for="node" attr.name="citations" attr.type="string"/>
  <key id="d3" for="node" attr.name="year" attr.type="int"/>
  <key id="d4" for="node" attr.name="in_corpus" attr.type="boolean"/>
  <key id="d5" for="node" attr.name="court" attr.type="string"/>
  <key id="e0" for="edge" attr.name="weight" attr.type="int"/>
  <graph id="g" edgedefault="directed">
    <node id="n424_U.S._409"><data key="d0">424 U.S. 409</data><data key="d1">Imbler v. Pachtman</data>
      <data key="d2">424 U.S. 409; 96 S. Ct. 984</data><data key="d3">1976</data><data key="d4">false</data><data key="d5">scotus</data></node>
    <node id="n555"><data key="d0">555 U.S. 335</data><data key="d1">Van de Kamp &amp; Goldstein</data><data key="d4">true</data></node>
    <edge source="n555" target="n424_U.S._409"><data key="e0">31</data></edge>
    <edge source="n555" target="elsewhere"/>
  </graph>
</graphml>`

func TestReadGraphML(t *testing.T) {
	g, err := ReadGraphML("g.graphml", strings.NewReader(sampleGraphML))
	if err != nil {
		t.Fatal(err)
	}
	if got := edgeList(g); got != "555 U.S. 335>424 U.S. 409:31 555 U.S. 335>elsewhere:1" {
		t.Errorf("edges %q", got)
	}
	n, _ := g.Node("424 U.S. 409")
	if n.Name != "Imbler v. Pachtman" || n.Year != 1976 || n.Court != "scotus" || n.InCorpus || !slices.Equal(n.Citations, []string{"424 U.S. 409", "96 S. Ct. 984"}) {
		t.Errorf("node %+v", n)
	}
	if v, _ := g.Node("555 U.S. 335"); v.Name != "Van de Kamp & Goldstein" || !v.InCorpus || v.Cites != 2 {
		t.Errorf("node %+v", v)
	}
	und := `<graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>`
	g, err = ReadGraphML("u.graphml", strings.NewReader(und))
	if err != nil || edgeList(g) != "a>b:1 b>a:1" {
		t.Errorf("undirected: %q %v", edgeList(g), err)
	}
}

func TestReadGraphMLErrorsNameFileAndLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<graphml>\n<graph>\n<node id='a'>\n</graph>", "g.graphml:4:"},
		{"<html/>", "g.graphml:1: not GraphML"},
		{"", "g.graphml: not GraphML"},
		{"<graphml><key id='y' for='node' attr.name='year'/><graph>\n<node id='a'><data key='y'>soon</data></node></graph></graphml>", "g.graphml:2: year \"soon\""},
		{"<graphml><key id='w' for='edge' attr.name='weight'/><graph>\n\n<edge source='a' target='b'><data key='w'>0.5</data></edge></graph></graphml>", "g.graphml:3: weight \"0.5\""},
		{"<graphml><graph>\n<hyperedge/></graph></graphml>", "g.graphml:2: hyperedges"},
		{"<graphml><graph><node id='a'/>\n<node id='a'/></graph></graphml>", "g.graphml:2: node \"a\" given twice"},
		{"<graphml><graph><node id='a'>\n<graph/></node></graph></graphml>", "g.graphml:2: nested"},
	} {
		_, err := ReadGraphML("g.graphml", strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

// checkRead is what the fuzz targets demand of any input: no panic, and
// for an accepted one, a consistent graph read the same way twice.
func checkRead(t *testing.T, read func() (*Graph, error)) {
	g, err := read()
	if err != nil {
		return
	}
	h, _ := read()
	if a, b := edgeList(g), edgeList(h); a != b {
		t.Fatalf("two reads differ: %q, %q", a, b)
	}
	for e := range g.Edges() {
		if _, ok := g.Node(e.From); !ok {
			t.Fatalf("edge from missing node %q", e.From)
		}
		if _, ok := g.Node(e.To); !ok {
			t.Fatalf("edge to missing node %q", e.To)
		}
	}
	if _, err := g.Rank(context.Background(), PageRank, RankOptions{MaxIter: 20}); err != nil {
		t.Fatal(err)
	}
}

func FuzzReadEdgeList(f *testing.F) {
	for _, s := range []string{"source,target,weight\nA,B,2\n", "a\tb\t3\n", "# c\n1 2\n2 3 4\n", "\"x,y\",z\n", "a,b,x\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkRead(t, func() (*Graph, error) { return ReadEdgeList("fuzz.csv", strings.NewReader(in)) })
	})
}

func FuzzReadGraphML(f *testing.F) {
	f.Add(sampleGraphML)
	f.Add(`<graphml><graph edgedefault="undirected"><node id="a"/><edge source="a" target="b"/></graph></graphml>`)
	f.Fuzz(func(t *testing.T, in string) {
		checkRead(t, func() (*Graph, error) { return ReadGraphML("fuzz.graphml", strings.NewReader(in)) })
	})
}
