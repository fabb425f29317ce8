package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// validText is what a string becomes in JSON and CSV: only broken UTF-8
// is replaced, byte by byte.
func validText(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// wantNode is the specification of a node's attributes in the formats
// that flatten values to strings (GraphML, GEXF, CSV); unknown values are
// absent.
func wantNode(n *graph.Node) map[string]string {
	m := map[string]string{
		"kind":         n.Kind.String(),
		"in_corpus":    strconv.FormatBool(n.InCorpus),
		"citing_cases": strconv.Itoa(n.CitingCases),
		"times_cited":  strconv.Itoa(n.TimesCited),
		"cites":        strconv.Itoa(n.Cites),
	}
	if l := draw.Label(n); l != "" {
		m["label"] = l
	}
	if n.Name != "" {
		m["name"] = n.Name
	}
	if len(n.Citations) > 0 {
		m["citations"] = strings.Join(n.Citations, "; ")
	}
	if n.Court != "" {
		m["court"] = n.Court
	}
	if n.Year != 0 {
		m["year"] = strconv.Itoa(n.Year)
	}
	for k, v := range n.Scores {
		if k == "id" {
			k = "score_id"
		}
		m[k] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return m
}

func wantEdge(e *graph.Edge) map[string]string {
	m := map[string]string{"weight": strconv.Itoa(e.Weight)}
	countList := func(name string, cs []graph.Count) {
		var parts []string
		for _, c := range cs {
			if c.N > 1 {
				parts = append(parts, fmt.Sprintf("%s (%d)", c.Value, c.N))
			} else {
				parts = append(parts, c.Value)
			}
		}
		if len(parts) > 0 {
			m[name] = strings.Join(parts, "; ")
		}
	}
	countList("pins", e.Pins)
	countList("signals", e.Signals)
	countList("opinions", e.Opinions)
	if len(e.Parentheticals) > 0 {
		m["parentheticals"] = strings.Join(e.Parentheticals, " | ")
	}
	if len(e.Pages) > 0 {
		m["pages"] = strings.Join(e.Pages, "; ")
	}
	return m
}

func mapValues(m map[string]string, f func(string) string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = f(v)
	}
	return out
}

func edgeKey(from, to string) string { return from + "\x00→" + to }

// flatGraph is a graph read back from a file: attributes by node id and by
// edge (source, target).
type flatGraph struct {
	nodes map[string]map[string]string
	edges map[string]map[string]string
	types map[string]string // "node:year" → the file's declared type
}

// compareFlat checks that every node and edge of g came back with exactly
// its attributes, through the character transformation of the format.
func compareFlat(t *testing.T, format string, g exporttest.Graph, got flatGraph, safe func(string) string) {
	t.Helper()
	if len(got.nodes) != len(g.NodeList) || len(got.edges) != len(g.EdgeList) {
		t.Fatalf("%s: read back %d nodes, %d edges; want %d, %d", format, len(got.nodes), len(got.edges), len(g.NodeList), len(g.EdgeList))
	}
	for _, n := range g.NodeList {
		attrs, ok := got.nodes[safe(n.ID)]
		if !ok {
			t.Errorf("%s: node %q missing", format, n.ID)
			continue
		}
		if want := mapValues(wantNode(n), safe); !maps.Equal(attrs, want) {
			t.Errorf("%s: node %q\n got %q\nwant %q", format, n.ID, attrs, want)
		}
	}
	for _, e := range g.EdgeList {
		attrs, ok := got.edges[edgeKey(safe(e.From), safe(e.To))]
		if !ok {
			t.Errorf("%s: edge %q → %q missing", format, e.From, e.To)
			continue
		}
		if want := mapValues(wantEdge(e), safe); !maps.Equal(attrs, want) {
			t.Errorf("%s: edge %q → %q\n got %q\nwant %q", format, e.From, e.To, attrs, want)
		}
	}
}

// checkTypes checks the declared attribute types against the spec.
func checkTypes(t *testing.T, format string, got map[string]string, want map[string]string) {
	t.Helper()
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: attribute %s has type %q, want %q", format, k, got[k], w)
		}
	}
}

func write(t *testing.T, g Source, format string, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, g, format, opts); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

type xmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphmlDoc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string    `xml:"id,attr"`
			Data []xmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string    `xml:"source,attr"`
			Target string    `xml:"target,attr"`
			Data   []xmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

var nmtokenASCII = regexp.MustCompile(`^[A-Za-z0-9._:-]+$`)

func readGraphML(t *testing.T, data []byte) flatGraph {
	t.Helper()
	var doc graphmlDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
	}
	keys := map[string]string{}
	got := flatGraph{nodes: map[string]map[string]string{}, edges: map[string]map[string]string{}, types: map[string]string{}}
	for _, k := range doc.Keys {
		if k.For == "" || k.Type == "" || k.Name == "" {
			t.Errorf("key %q lacks for, attr.name or attr.type", k.ID)
		}
		keys[k.ID] = k.Name
		got.types[k.For+":"+k.Name] = k.Type
	}
	ids := map[string]string{} // GraphML id → citegraph id
	for _, n := range doc.Graph.Nodes {
		if !nmtokenASCII.MatchString(n.ID) {
			t.Errorf("node id %q is not an NMTOKEN", n.ID)
		}
		attrs := map[string]string{}
		for _, d := range n.Data {
			attrs[keys[d.Key]] = d.Value
		}
		id := attrs["citegraph_id"]
		delete(attrs, "citegraph_id")
		if _, dup := ids[n.ID]; dup {
			t.Errorf("node id %q used twice", n.ID)
		}
		ids[n.ID] = id
		got.nodes[id] = attrs
	}
	for _, e := range doc.Graph.Edges {
		attrs := map[string]string{}
		for _, d := range e.Data {
			attrs[keys[d.Key]] = d.Value
		}
		got.edges[edgeKey(ids[e.Source], ids[e.Target])] = attrs
	}
	return got
}

var wantGraphMLTypes = map[string]string{
	"node:label": "string", "node:name": "string", "node:citations": "string", "node:court": "string",
	"node:year": "int", "node:in_corpus": "boolean", "node:citing_cases": "int", "node:times_cited": "int",
	"node:cites": "int", "node:pagerank": "double", "node:score_id": "double", "node:citegraph_id": "string",
	"edge:weight": "int", "edge:pins": "string", "edge:signals": "string", "edge:opinions": "string",
	"edge:parentheticals": "string", "edge:pages": "string",
}

func TestGraphMLRoundTrip(t *testing.T) {
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture()} {
		t.Run(name, func(t *testing.T) {
			got := readGraphML(t, write(t, g, GraphML, Options{}))
			compareFlat(t, "GraphML", g, got, exporttest.XMLSafe)
			want := maps.Clone(wantGraphMLTypes)
			if name == "sample" {
				delete(want, "node:score_id") // the sample has no such score
			}
			checkTypes(t, "GraphML", got.types, want)
		})
	}
}

type gexfDoc struct {
	Graph struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Mode            string `xml:"mode,attr"`
		Attributes      []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string     `xml:"id,attr"`
			Label  string     `xml:"label,attr"`
			Start  string     `xml:"start,attr"`
			Values []xmlValue `xml:"attvalues>attvalue"`
			Color  struct {
				R string `xml:"r,attr"`
				G string `xml:"g,attr"`
				B string `xml:"b,attr"`
			} `xml:"http://gexf.net/1.3/viz color"`
			Size struct {
				Value float64 `xml:"value,attr"`
			} `xml:"http://gexf.net/1.3/viz size"`
		} `xml:"nodes>node"`
		Edges []struct {
			Source string     `xml:"source,attr"`
			Target string     `xml:"target,attr"`
			Weight string     `xml:"weight,attr"`
			Start  string     `xml:"start,attr"`
			Values []xmlValue `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type xmlValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func readGEXF(t *testing.T, data []byte) (flatGraph, gexfDoc) {
	t.Helper()
	var doc gexfDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("GEXF does not parse: %v", err)
	}
	if doc.Graph.DefaultEdgeType != "directed" {
		t.Errorf("defaultedgetype = %q", doc.Graph.DefaultEdgeType)
	}
	titles := map[string]string{}
	got := flatGraph{nodes: map[string]map[string]string{}, edges: map[string]map[string]string{}, types: map[string]string{}}
	for _, as := range doc.Graph.Attributes {
		for _, a := range as.Attrs {
			titles[as.Class+a.ID] = a.Title
			got.types[as.Class+":"+a.Title] = a.Type
		}
	}
	for _, n := range doc.Graph.Nodes {
		attrs := map[string]string{}
		if n.Label != "" {
			attrs["label"] = n.Label
		}
		for _, v := range n.Values {
			attrs[titles["node"+v.For]] = v.Value
		}
		got.nodes[n.ID] = attrs
	}
	for _, e := range doc.Graph.Edges {
		attrs := map[string]string{"weight": e.Weight}
		for _, v := range e.Values {
			attrs[titles["edge"+v.For]] = v.Value
		}
		got.edges[edgeKey(e.Source, e.Target)] = attrs
	}
	return got, doc
}

func TestGEXFRoundTrip(t *testing.T) {
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture()} {
		t.Run(name, func(t *testing.T) {
			got, doc := readGEXF(t, write(t, g, GEXF, Options{}))
			// GEXF labels are xsd:tokens: whitespace collapses.
			for _, a := range got.nodes {
				if l, ok := a["label"]; ok {
					a["label"] = collapse(l)
				}
			}
			compareFlat(t, "GEXF", g, got, exporttest.XMLSafe)
			checkTypes(t, "GEXF", got.types, map[string]string{
				"node:year": "integer", "node:in_corpus": "boolean", "node:pagerank": "double", "node:name": "string",
				"edge:pins": "string",
			})
			if doc.Graph.Mode != "dynamic" {
				t.Errorf("mode = %q, want a dynamic graph for the timeline", doc.Graph.Mode)
			}
			for i, n := range doc.Graph.Nodes {
				orig := g.NodeList[i]
				if want := ""; orig.Year != 0 {
					want = fmt.Sprintf("%04d-01-01", orig.Year)
					if n.Start != want {
						t.Errorf("node %q starts %q, want %q", n.ID, n.Start, want)
					}
				} else if n.Start != want {
					t.Errorf("node %q of unknown year starts %q", n.ID, n.Start)
				}
				if n.Color.R == "" || n.Size.Value < gexfMinSize || n.Size.Value > gexfMaxSize {
					t.Errorf("node %q: colour %v, size %v", n.ID, n.Color, n.Size.Value)
				}
			}
		})
	}
}

// TestGEXFSizeAndColour checks the visual encoding: a node's area is
// proportional to the chosen measure (the uncited case at the smallest
// size), and cases of one court share a colour others lack.
func TestGEXFSizeAndColour(t *testing.T) {
	g := exporttest.Sample()
	_, doc := readGEXF(t, write(t, g, GEXF, Options{Options: draw.Options{SizeBy: "citations"}}))
	size := map[string]float64{}
	color := map[string]string{}
	for _, n := range doc.Graph.Nodes {
		size[n.ID] = n.Size.Value
		color[n.ID] = n.Color.R + "," + n.Color.G + "," + n.Color.B
	}
	// Imbler is cited 31 times, Kalina 4, Brady once, Van de Kamp never.
	if !(size["424 U.S. 409"] > size["522 U.S. 118"] && size["522 U.S. 118"] > size["373 U.S. 83"] && size["373 U.S. 83"] > size["555 U.S. 335"]) {
		t.Errorf("sizes do not follow times cited: %v", size)
	}
	if size["424 U.S. 409"] != gexfMaxSize || size["555 U.S. 335"] != gexfMinSize {
		t.Errorf("sizes span %v..%v, want %v..%v", size["555 U.S. 335"], size["424 U.S. 409"], gexfMinSize, gexfMaxSize)
	}
	for _, n := range g.NodeList {
		if n.TimesCited == 0 {
			continue
		}
		area := size[n.ID] * size[n.ID] / (gexfMaxSize * gexfMaxSize)
		if want := float64(n.TimesCited) / 31; math.Abs(area-want) > 0.002 {
			t.Errorf("%s: area %.4f of the largest, want %.4f (cited %d times of 31)", n.Name, area, want, n.TimesCited)
		}
	}
	if color["424 U.S. 409"] != color["373 U.S. 83"] || color["424 U.S. 409"] == color["481 F.3d 1170"] || color["481 F.3d 1170"] == color["177 F.2d 579"] {
		t.Errorf("colours do not follow courts: %v", color)
	}
}

// jsonWant is a node's attributes as JSON should type them.
func jsonWantNode(n *graph.Node) map[string]any {
	m := map[string]any{
		"id": validText(n.ID), "kind": n.Kind.String(), "in_corpus": n.InCorpus,
		"citing_cases": float64(n.CitingCases), "times_cited": float64(n.TimesCited), "cites": float64(n.Cites),
	}
	if l := draw.Label(n); l != "" {
		m["label"] = validText(l)
	}
	if n.Name != "" {
		m["name"] = validText(n.Name)
	}
	if len(n.Citations) > 0 {
		var l []any
		for _, c := range n.Citations {
			l = append(l, validText(c))
		}
		m["citations"] = l
	}
	if n.Court != "" {
		m["court"] = validText(n.Court)
	}
	if n.Year != 0 {
		m["year"] = float64(n.Year)
	}
	for k, v := range n.Scores {
		if k == "id" {
			k = "score_id"
		}
		m[k] = v
	}
	return m
}

func jsonWantEdge(e *graph.Edge) map[string]any {
	m := map[string]any{"source": validText(e.From), "target": validText(e.To), "weight": float64(e.Weight)}
	counted := func(name string, cs []graph.Count) {
		var l []any
		for _, c := range cs {
			l = append(l, map[string]any{"value": validText(c.Value), "n": float64(c.N)})
		}
		if l != nil {
			m[name] = l
		}
	}
	strs := func(name string, ss []string) {
		var l []any
		for _, s := range ss {
			l = append(l, validText(s))
		}
		if l != nil {
			m[name] = l
		}
	}
	counted("pins", e.Pins)
	counted("signals", e.Signals)
	counted("opinions", e.Opinions)
	strs("parentheticals", e.Parentheticals)
	strs("pages", e.Pages)
	return m
}

func checkJSONItems(t *testing.T, what string, got []map[string]any, want []map[string]any) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d items, want %d", what, len(got), len(want))
	}
	for i := range want {
		g, _ := json.Marshal(got[i])
		w, _ := json.Marshal(want[i])
		if !bytes.Equal(g, w) {
			t.Errorf("%s %d:\n got %s\nwant %s", what, i, g, w)
		}
	}
}

func TestNodeLinkRoundTrip(t *testing.T) {
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture()} {
		t.Run(name, func(t *testing.T) {
			var doc struct {
				Directed   bool             `json:"directed"`
				Multigraph bool             `json:"multigraph"`
				Nodes      []map[string]any `json:"nodes"`
				Links      []map[string]any `json:"links"`
			}
			if err := json.Unmarshal(write(t, g, JSON, Options{}), &doc); err != nil {
				t.Fatal(err)
			}
			if !doc.Directed || doc.Multigraph {
				t.Errorf("directed=%v multigraph=%v", doc.Directed, doc.Multigraph)
			}
			var wn, we []map[string]any
			for _, n := range g.NodeList {
				wn = append(wn, jsonWantNode(n))
			}
			for _, e := range g.EdgeList {
				we = append(we, jsonWantEdge(e))
			}
			checkJSONItems(t, "node", doc.Nodes, wn)
			checkJSONItems(t, "link", doc.Links, we)
		})
	}
}

func TestCytoscapeRoundTrip(t *testing.T) {
	g := exporttest.Torture()
	var doc struct {
		Elements struct {
			Nodes []struct {
				Data map[string]any `json:"data"`
			} `json:"nodes"`
			Edges []struct {
				Data map[string]any `json:"data"`
			} `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(write(t, g, Cytoscape, Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	var gotN, gotE, wn, we []map[string]any
	for _, n := range doc.Elements.Nodes {
		gotN = append(gotN, n.Data)
	}
	ids := map[any]bool{}
	for _, e := range doc.Elements.Edges {
		if ids[e.Data["id"]] || e.Data["id"] == nil {
			t.Errorf("edge id %v missing or repeated", e.Data["id"])
		}
		ids[e.Data["id"]] = true
		delete(e.Data, "id")
		gotE = append(gotE, e.Data)
	}
	for _, n := range g.NodeList {
		wn = append(wn, jsonWantNode(n))
	}
	for _, e := range g.EdgeList {
		we = append(we, jsonWantEdge(e))
	}
	checkJSONItems(t, "node", gotN, wn)
	checkJSONItems(t, "edge", gotE, we)
}

func readCSV(t *testing.T, data []byte) (header []string, rows [][]string) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	all, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if !utf8.Valid(data) {
		t.Error("CSV is not valid UTF-8")
	}
	return all[0], all[1:]
}

func csvFlat(t *testing.T, g exporttest.Graph, opts Options) flatGraph {
	var nb, eb bytes.Buffer
	if err := WriteCSVNodes(&nb, g, opts); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSVEdges(&eb, g, opts); err != nil {
		t.Fatal(err)
	}
	got := flatGraph{nodes: map[string]map[string]string{}, edges: map[string]map[string]string{}}
	h, rows := readCSV(t, nb.Bytes())
	for _, r := range rows {
		attrs := map[string]string{}
		for i, v := range r[1:] {
			if v != "" {
				attrs[h[i+1]] = v
			}
		}
		got.nodes[r[0]] = attrs
	}
	h, rows = readCSV(t, eb.Bytes())
	for _, r := range rows {
		attrs := map[string]string{}
		for i, v := range r[2:] {
			if v != "" {
				attrs[h[i+2]] = v
			}
		}
		got.edges[edgeKey(r[0], r[1])] = attrs
	}
	return got
}

func TestCSVRoundTrip(t *testing.T) {
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture()} {
		t.Run(name, func(t *testing.T) {
			compareFlat(t, "CSV", g, csvFlat(t, g, Options{}), csvText)
		})
	}
}

// csvText is what a string becomes through a CSV file and Go's CSV reader,
// which turns a CRLF inside a quoted field into LF (the file keeps it).
func csvText(s string) string { return strings.ReplaceAll(validText(s), "\r\n", "\n") }

func TestNeo4jCSV(t *testing.T) {
	g := exporttest.Torture()
	var nb, eb bytes.Buffer
	if err := WriteCSVNodes(&nb, g, Options{Neo4j: true}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSVEdges(&eb, g, Options{Neo4j: true}); err != nil {
		t.Fatal(err)
	}
	nh, nrows := readCSV(t, nb.Bytes())
	eh, erows := readCSV(t, eb.Bytes())
	wantN := []string{"id:ID", ":LABEL", "label", "name", "kind", "citations:string[]", "court", "year:int", "in_corpus:boolean",
		"citing_cases:int", "times_cited:int", "cites:int", "score_id:double", "pagerank:double"}
	wantE := []string{":START_ID", ":END_ID", ":TYPE", "weight:int", "pins:string[]", "pins_n:int[]", "signals:string[]",
		"signals_n:int[]", "opinions:string[]", "opinions_n:int[]", "parentheticals", "pages:string[]"}
	if !slices.Equal(nh, wantN) {
		t.Errorf("node header %q\nwant %q", nh, wantN)
	}
	if !slices.Equal(eh, wantE) {
		t.Errorf("edge header %q\nwant %q", eh, wantE)
	}
	col := func(h []string, name string) int { return slices.Index(h, name) }
	labels := map[string]string{}
	names := map[string]string{}
	for _, n := range g.NodeList {
		names[csvText(n.ID)] = csvText(n.Name)
	}
	for _, r := range nrows {
		labels[r[0]] = r[1]
		if want, ok := names[r[0]]; !ok || r[col(nh, "name")] != want {
			t.Errorf("node %q: name %q, want %q", r[0], r[col(nh, "name")], want)
		}
		if r[0] == "424 U.S. 409" && r[col(nh, "citations:string[]")] != "424 U.S. 409;96 S. Ct. 984" {
			t.Errorf("citations array = %q", r[col(nh, "citations:string[]")])
		}
		if r[0] == "42 U.S.C. § 1983" && r[col(nh, "year:int")] != "" {
			t.Errorf("unknown year written as %q, want empty (no property)", r[col(nh, "year:int")])
		}
	}
	if labels["42 U.S.C. § 1983"] != "Statute" || labels["424 U.S. 409"] != "Case" {
		t.Errorf("labels %v", labels)
	}
	for _, r := range erows {
		if r[2] != "CITES" {
			t.Errorf("type %q", r[2])
		}
		// Every node the edges name must be an :ID, or the import fails.
		if _, ok := labels[r[0]]; !ok {
			t.Errorf("edge start %q is not a node id", r[0])
		}
		if _, ok := labels[r[1]]; !ok {
			t.Errorf("edge end %q is not a node id", r[1])
		}
		if r[0] == "doc:abc_def:1" && r[1] == "424 U.S. 409" {
			if pins, ns := r[col(eh, "pins:string[]")], r[col(eh, "pins_n:int[]")]; pins != "430;431 n. 3" || ns != "4;1" {
				t.Errorf("pins %q counts %q", pins, ns)
			}
		}
		if r[0] == "doc:abc_def:1" && r[1] == "123 Misc. 2d 45" {
			if p := r[col(eh, "parentheticals")]; p != "holding A; and B | C | \"quoted\" & <tagged>" {
				t.Errorf("parentheticals %q", p)
			}
		}
	}
}
