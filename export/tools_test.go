package export

// These tests hand the exports to the programs users open them with:
// xmllint against the GraphML and GEXF schemas, Graphviz's dot, and
// networkx. Each skips, saying what to install, when its tool is missing;
// CI installs them all (Debian: libxml2-utils graphviz python3-networkx).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/export/internal/exporttest"
)

// testGraphs are the graphs every tool test runs on.
func testGraphs() map[string]exporttest.Graph {
	return map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture(), "synthetic": exporttest.Synthetic(400, 900)}
}

func TestGraphMLValidatesAgainstSchema(t *testing.T) {
	xsd := exporttest.Shared(t, "schema/graphml/graphml.xsd")
	for name, g := range testGraphs() {
		exporttest.Xmllint(t, "--schema", xsd, exporttest.WriteTemp(t, name+".graphml", write(t, g, GraphML, Options{})))
	}
}

// The official GEXF 1.3 XSD rejects every viz element (see the schema
// folder's PROVENANCE.md); the RELAX NG grammar, which is normative, is
// used through the wrapper that also admits xsi:schemaLocation.
func TestGEXFValidatesAgainstSchema(t *testing.T) {
	rng := exporttest.Shared(t, "schema/gexf-1.3/local-gexf-allow-xsi.rng")
	for name, g := range testGraphs() {
		exporttest.Xmllint(t, "--relaxng", rng, exporttest.WriteTemp(t, name+".gexf", write(t, g, GEXF, Options{})))
	}
}

// GEXF 1.2, for older readers, validates against the 1.2draft RELAX NG
// grammar. That grammar (like the XSD) puts the viz elements in the main
// namespace, where no reader looks for them, and does not admit
// xsi:schemaLocation: both are taken out before validating; the viz data
// is checked by networkx reading it (TestNetworkxReadsGEXF12).
func TestGEXF12ValidatesAgainstSchema(t *testing.T) {
	rng := exporttest.Shared(t, "schema/gexf-1.2draft/gexf.rng")
	outside := regexp.MustCompile(`<viz:[^>]*/>| xmlns:xsi="[^"]*" xsi:schemaLocation="[^"]*"`)
	for name, g := range testGraphs() {
		gexf := write(t, g, GEXF, Options{GEXFVersion: GEXF12})
		if !bytes.Contains(gexf, []byte(`<viz:color`)) || !bytes.Contains(gexf, []byte(`version="1.2"`)) {
			t.Fatalf("%s: no 1.2 header or no viz colours", name)
		}
		exporttest.Xmllint(t, "--relaxng", rng, exporttest.WriteTemp(t, name+".gexf", outside.ReplaceAll(gexf, nil)))
	}
}

// TestDOTRendersWithGraphviz runs dot on every DOT variant and reads the
// drawing back: each node is drawn once with its label lines intact, each
// edge once.
func TestDOTRendersWithGraphviz(t *testing.T) {
	bin := exporttest.NeedTool(t, "dot", "graphviz")
	variants := map[string]Options{"plain": {}, "by year": {ByYear: true}, "by court": {Cluster: "court"}, "both": {ByYear: true, Cluster: "court"}}
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture()} {
		for vname, opts := range variants {
			cmd := exec.Command(bin, "-Tsvg")
			cmd.Stdin = bytes.NewReader(write(t, g, DOT, opts))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil || stderr.Len() > 0 {
				t.Fatalf("%s, %s: dot: %v\n%s", name, vname, err, stderr.String())
			}
			texts, _ := exporttest.SVGText(t, out)
			for _, n := range g.NodeList {
				label := draw.Label(n)
				for _, line := range []string{dotSafe(label), dotSafe(draw.CiteLine(n, label))} {
					if line != "" && !slices.Contains(texts, line) {
						t.Errorf("%s, %s: label line %q not drawn; drawn: %q", name, vname, line, texts)
					}
				}
			}
			if got := bytes.Count(out, []byte(`class="node"`)); got != len(g.NodeList)+yearNodes(g, opts) {
				t.Errorf("%s, %s: %d nodes drawn, want %d", name, vname, got, len(g.NodeList)+yearNodes(g, opts))
			}
			// The year axis's invisible edges are not drawn.
			if got := bytes.Count(out, []byte(`class="edge"`)); got != len(g.EdgeList) {
				t.Errorf("%s, %s: %d edges drawn, want %d", name, vname, got, len(g.EdgeList))
			}
		}
	}
}

// dotSafe is what a label line becomes in Graphviz: control characters,
// which DOT cannot carry, turn into spaces.
func dotSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, validText(s))
}

// yearNodes is how many year markers a DOT drawing by year adds.
// TestDOTLargeGraphsForSfdp: a graph past DOTLayeredMax is written for
// sfdp, with a note saying so, and plain dot -Tsvg draws it whole, every
// case and citation, in a picture of a page's proportions rather than a
// strip: the synthetic graph always, and the 225 cases of the shared
// immunity corpus, which dot's layered drawing made 21,910 × 693 px.
func TestDOTLargeGraphsForSfdp(t *testing.T) {
	bin := exporttest.NeedTool(t, "dot", "graphviz")
	graphs := map[string]Source{"synthetic 400": exporttest.Synthetic(400, 900)}
	if exporttest.HasShared(exporttest.ImmunityDir) {
		graphs["immunity"] = exporttest.Immunity(t)
	}
	for name, g := range graphs {
		out := write(t, g, DOT, Options{})
		if !bytes.HasPrefix(out, []byte("// citegraph: ")) || !bytes.Contains(out, []byte("layout=sfdp")) {
			t.Fatalf("%s: not written for sfdp:\n%.400s", name, out)
		}
		cmd := exec.Command(bin, "-Tsvg")
		cmd.Stdin = bytes.NewReader(out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		svg, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: dot: %v\n%s", name, err, stderr.String())
		}
		s, err := draw.Collect(g)
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Count(svg, []byte(`class="node"`)); got != len(s.Nodes) {
			t.Errorf("%s: %d nodes drawn, want %d", name, got, len(s.Nodes))
		}
		if got := bytes.Count(svg, []byte(`class="edge"`)); got != len(s.Edges) {
			t.Errorf("%s: %d edges drawn, want %d", name, got, len(s.Edges))
		}
		m := regexp.MustCompile(`<svg width="(\d+)pt" height="(\d+)pt"`).FindSubmatch(svg)
		if m == nil {
			t.Fatalf("%s: no size in dot's SVG", name)
		}
		w, _ := strconv.Atoi(string(m[1]))
		h, _ := strconv.Atoi(string(m[2]))
		t.Logf("%s: dot drew %d × %d pt", name, w, h)
		if r := float64(w) / float64(h); r > 3 || r < 1.0/3 {
			t.Errorf("%s: dot drew a %d × %d pt strip", name, w, h)
		}
	}
	// The layered drawing stays for the year axis, which only dot draws.
	if out := write(t, exporttest.Synthetic(400, 900), DOT, Options{ByYear: true}); bytes.Contains(out, []byte("sfdp")) {
		t.Error("--by-year on a large graph was written for sfdp")
	}
}

func yearNodes(g exporttest.Graph, opts Options) int {
	if !opts.ByYear {
		return 0
	}
	years := map[int]bool{}
	for _, n := range g.NodeList {
		if n.Year != 0 {
			years[n.Year] = true
		}
	}
	return len(years)
}

// networkx.py loads a file with networkx and prints it as JSON, each
// attribute value with its Python type.
const networkxScript = `
import inspect, json, sys
import networkx as nx
from networkx.readwrite import gexf
if sys.argv[1] == "probe":
    print(nx.__version__, "1.3" in gexf.GEXF.versions)
    sys.exit(0)
fmt, path = sys.argv[1], sys.argv[2]
if fmt == "graphml":
    g = nx.read_graphml(path)
elif fmt == "gexf":
    g = nx.read_gexf(path)
else:
    # The README's call, which works in networkx 2.8 and 3.x alike.
    from networkx.readwrite import json_graph
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = json_graph.node_link_graph(data, **({"edges": "links"} if "edges" in inspect.signature(json_graph.node_link_graph).parameters else {}))
def typed(d):
    return {k: {"t": type(v).__name__, "v": v} for k, v in d.items()}
out = {"directed": g.is_directed(), "multigraph": g.is_multigraph(),
       "nodes": {str(n): typed(a) for n, a in g.nodes(data=True)},
       "edges": [[str(u), str(v), typed(a)] for u, v, a in g.edges(data=True)]}
json.dump(out, sys.stdout, ensure_ascii=True)
`

type nxValue struct {
	T string `json:"t"`
	V any    `json:"v"`
}

type nxGraph struct {
	Directed   bool                          `json:"directed"`
	Multigraph bool                          `json:"multigraph"`
	Nodes      map[string]map[string]nxValue `json:"nodes"`
	Edges      [][3]json.RawMessage          `json:"edges"`
}

// networkxPython finds a Python with networkx: Debian's first, as CI
// installs it, then whatever python3 is on the path. gexf13 asks for one
// that reads GEXF 1.3 (networkx 3; Debian 12's 2.8.8 does not).
func networkxPython(t *testing.T, gexf13 bool) (python, script string) {
	t.Helper()
	script = exporttest.WriteTemp(t, "networkx_dump.py", []byte(networkxScript))
	var seen []string
	for _, cand := range []string{"/usr/bin/python3", "python3"} {
		p, err := exec.LookPath(cand)
		if err != nil || slices.Contains(seen, p) {
			continue
		}
		seen = append(seen, p)
		out, err := exec.Command(p, script, "probe").Output()
		if err != nil {
			continue
		}
		f := strings.Fields(string(out))
		if len(f) == 2 && (!gexf13 || f[1] == "True") {
			return p, script
		}
		seen = append(seen, p+" (networkx "+f[0]+")")
	}
	if gexf13 {
		t.Skipf("no networkx that reads GEXF 1.3 (needs networkx 3; found: %v): skipping", seen)
	}
	t.Skipf("no python3 with networkx (Debian package python3-networkx): skipping")
	return "", ""
}

func readWithNetworkx(t *testing.T, python, script, format, path string) nxGraph {
	t.Helper()
	out, err := exec.Command(python, script, format, path).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("networkx cannot read the %s: %v\n%s", format, err, msg)
	}
	var g nxGraph
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatalf("networkx output: %v", err)
	}
	if !g.Directed || g.Multigraph {
		t.Errorf("networkx read a graph with directed=%v multigraph=%v", g.Directed, g.Multigraph)
	}
	return g
}

// nxFlat turns networkx's typed values back into the flat strings of the
// spec (wantNode), checking each type on the way.
func nxFlat(t *testing.T, where string, attrs map[string]nxValue) map[string]string {
	t.Helper()
	types := map[string]string{"year": "int", "in_corpus": "bool", "citing_cases": "int", "times_cited": "int", "cites": "int",
		"pagerank": "float", "name": "str", "label": "str", "citations": "str", "pins": "str"}
	out := map[string]string{}
	for k, v := range attrs {
		if want, ok := types[k]; ok && v.T != want {
			t.Errorf("%s: %s read as %s, want %s", where, k, v.T, want)
		}
		switch x := v.V.(type) {
		case string:
			out[k] = x
		case bool:
			out[k] = strconv.FormatBool(x)
		case float64:
			out[k] = strconv.FormatFloat(x, 'g', -1, 64)
		default:
			out[k] = fmt.Sprint(x)
		}
	}
	return out
}

func nxEdges(t *testing.T, g nxGraph) map[string]map[string]nxValue {
	t.Helper()
	out := map[string]map[string]nxValue{}
	for _, e := range g.Edges {
		var u, v string
		var attrs map[string]nxValue
		if json.Unmarshal(e[0], &u) != nil || json.Unmarshal(e[1], &v) != nil || json.Unmarshal(e[2], &attrs) != nil {
			t.Fatalf("networkx edge %s", e)
		}
		out[edgeKey(u, v)] = attrs
	}
	return out
}

// fromNetworkx flattens what networkx read, leaving out the attributes
// networkx adds of its own (drop).
func fromNetworkx(t *testing.T, name string, nx nxGraph, drop ...string) flatGraph {
	t.Helper()
	got := flatGraph{nodes: map[string]map[string]string{}, edges: map[string]map[string]string{}}
	for id, attrs := range nx.Nodes {
		for _, k := range drop {
			delete(attrs, k)
		}
		flat := nxFlat(t, name+" node "+id, attrs)
		if l, ok := flat["label"]; ok {
			flat["label"] = collapse(l)
		}
		got.nodes[id] = flat
	}
	for key, attrs := range nxEdges(t, nx) {
		for _, k := range drop {
			delete(attrs, k)
		}
		got.edges[key] = nxFlat(t, name+" edge", attrs)
	}
	return got
}

func TestNetworkxReadsGraphML(t *testing.T) {
	python, script := networkxPython(t, false)
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture()} {
		path := exporttest.WriteTemp(t, name+".graphml", write(t, g, GraphML, Options{}))
		byToken := fromNetworkx(t, name, readWithNetworkx(t, python, script, "graphml", path))
		// GraphML ids are tokens; the attribute citegraph_id is the id.
		got := flatGraph{nodes: map[string]map[string]string{}, edges: map[string]map[string]string{}}
		ids := map[string]string{}
		for token, attrs := range byToken.nodes {
			ids[token] = attrs["citegraph_id"]
			delete(attrs, "citegraph_id")
			got.nodes[ids[token]] = attrs
		}
		for key, attrs := range byToken.edges {
			u, v, _ := strings.Cut(key, "\x00→")
			got.edges[edgeKey(ids[u], ids[v])] = attrs
		}
		compareFlat(t, "GraphML via networkx", g, got, exporttest.XMLSafe)
	}
}

func TestNetworkxReadsGEXF(t *testing.T) {
	python, script := networkxPython(t, true)
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture()} {
		path := exporttest.WriteTemp(t, name+".gexf", write(t, g, GEXF, Options{}))
		nx := readWithNetworkx(t, python, script, "gexf", path)
		for id, attrs := range nx.Nodes {
			if _, ok := attrs["viz"]; !ok {
				t.Errorf("%s: node %q has no viz (colour, size)", name, id)
			}
		}
		compareFlat(t, "GEXF via networkx", g, fromNetworkx(t, name, nx, "viz", "start", "id"), exporttest.XMLSafe)
	}
}

// networkx 2.x cannot read GEXF 1.3; every networkx reads 1.2, with the
// same data.
func TestNetworkxReadsGEXF12(t *testing.T) {
	python, script := networkxPython(t, false)
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture()} {
		path := exporttest.WriteTemp(t, name+".gexf", write(t, g, GEXF, Options{GEXFVersion: GEXF12}))
		nx := readWithNetworkx(t, python, script, "gexf", path)
		compareFlat(t, "GEXF 1.2 via networkx", g, fromNetworkx(t, name, nx, "viz", "start", "id"), exporttest.XMLSafe)
	}
}

func TestNetworkxReadsNodeLink(t *testing.T) {
	python, script := networkxPython(t, false)
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture()} {
		path := exporttest.WriteTemp(t, name+".json", write(t, g, JSON, Options{}))
		nx := readWithNetworkx(t, python, script, "json", path)
		if len(nx.Nodes) != len(g.NodeList) || len(nx.Edges) != len(g.EdgeList) {
			t.Fatalf("%s: networkx read %d nodes, %d edges; want %d, %d", name, len(nx.Nodes), len(nx.Edges), len(g.NodeList), len(g.EdgeList))
		}
		plain := func(attrs map[string]nxValue) map[string]any {
			m := map[string]any{}
			for k, v := range attrs {
				m[k] = v.V
			}
			return m
		}
		for _, n := range g.NodeList {
			want := jsonWantNode(n)
			delete(want, "id")
			got, _ := json.Marshal(plain(nx.Nodes[validText(n.ID)]))
			w, _ := json.Marshal(want)
			if !bytes.Equal(got, w) {
				t.Errorf("%s: node %q\n got %s\nwant %s", name, n.ID, got, w)
			}
		}
		edges := nxEdges(t, nx)
		for _, e := range g.EdgeList {
			want := jsonWantEdge(e)
			delete(want, "source")
			delete(want, "target")
			got, _ := json.Marshal(plain(edges[edgeKey(validText(e.From), validText(e.To))]))
			w, _ := json.Marshal(want)
			if !bytes.Equal(got, w) {
				t.Errorf("%s: edge %q → %q\n got %s\nwant %s", name, e.From, e.To, got, w)
			}
		}
	}
}
