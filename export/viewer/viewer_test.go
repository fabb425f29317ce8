package viewer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

func writeBytes(t *testing.T, g draw.Source, opts draw.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, g, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// parsed is a viewer page as a browser parses it: the text of each script
// element and every element that could load something from elsewhere.
type parsed struct {
	scripts []string
	loads   []string // elements or attributes that fetch a resource
	title   string
}

func parse(t *testing.T, doc []byte) parsed {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var p parsed
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				var b strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					b.WriteString(c.Data)
				}
				p.scripts = append(p.scripts, b.String())
			case "link", "img", "iframe", "object", "embed", "video", "audio", "source":
				p.loads = append(p.loads, "<"+n.Data+">")
			case "title":
				if n.FirstChild != nil {
					p.title = n.FirstChild.Data
				}
			}
			for _, a := range n.Attr {
				if a.Key == "src" || (a.Key == "href" && n.Data != "a") {
					p.loads = append(p.loads, n.Data+" "+a.Key+"="+a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return p
}

// data reads the page's graph back from its JSON script.
func data(t *testing.T, p parsed) page {
	t.Helper()
	if len(p.scripts) != 4 {
		t.Fatalf("%d script elements, want 4 (graphology, sigma, data, viewer)", len(p.scripts))
	}
	var d page
	if err := json.Unmarshal([]byte(p.scripts[2]), &d); err != nil {
		t.Fatalf("page data: %v", err)
	}
	return d
}

// TestSelfContained: the page loads nothing from elsewhere (no script
// source, style sheet, image or frame; CSS without url() or @import), and
// carries the vendored libraries and the viewer inline.
func TestSelfContained(t *testing.T) {
	doc := writeBytes(t, exporttest.RealSample(t), draw.Options{})
	p := parse(t, doc)
	if len(p.loads) > 0 {
		t.Errorf("the page loads %q", p.loads)
	}
	if len(p.scripts) != 4 || p.scripts[0] != "\n"+graphologyJS+"\n" || p.scripts[1] != "\n"+sigmaJS+"\n" || p.scripts[3] != "\n"+viewerJS+"\n" {
		t.Error("the scripts are not graphology, sigma, the data and the viewer, whole")
	}
	if regexp.MustCompile(`(?i)url\(|@import`).MatchString(viewerCSS) {
		t.Error("the style sheet fetches something")
	}
	if regexp.MustCompile(`\bfetch\(|XMLHttpRequest|import\(|new Worker`).MatchString(viewerJS) {
		t.Error("the viewer's code loads something")
	}
}

// TestScriptsCannotEndEarly: no inline script or style contains what
// would end its element early, and names holding markup stay data.
func TestScriptsCannotEndEarly(t *testing.T) {
	for name, s := range map[string]string{"sigma": sigmaJS, "graphology": graphologyJS, "viewer": viewerJS, "css": viewerCSS} {
		if l := strings.ToLower(s); strings.Contains(l, "</script") || strings.Contains(l, "</style") || strings.Contains(l, "<!--") {
			t.Errorf("%s holds an end tag or comment opener", name)
		}
	}
	g := exporttest.Torture()
	hostile := "</script><script>alert(1)</script><!-- {{data}}"
	g.NodeList[0].Name = hostile
	d := data(t, parse(t, writeBytes(t, g, draw.Options{Title: hostile})))
	if d.Nodes[0].Name != hostile || d.Title != hostile {
		t.Errorf("name read back as %q, title %q", d.Nodes[0].Name, d.Title)
	}
	if p := parse(t, writeBytes(t, g, draw.Options{Title: hostile})); p.title != hostile {
		t.Errorf("page title %q", p.title)
	}
}

// TestPageData: the page holds every case and citation with what the
// panel shows, at the places and sizes draw gives them.
func TestPageData(t *testing.T) {
	g := exporttest.RealSample(t)
	d := data(t, parse(t, writeBytes(t, g, draw.Options{})))
	if len(d.Nodes) != g.NodeCount() || len(d.Edges) != g.EdgeCount() {
		t.Fatalf("%d nodes, %d edges; the graph has %d, %d", len(d.Nodes), len(d.Edges), g.NodeCount(), g.EdgeCount())
	}
	p, err := draw.Place(g, draw.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Layout != draw.LayoutTimeline || d.SizeBy != graph.PageRank || d.Measures[0].ID != graph.PageRank {
		t.Errorf("layout %q, size by %q, first measure %q", d.Layout, d.SizeBy, d.Measures[0].ID)
	}
	for i, n := range d.Nodes {
		want := p.Graph.Nodes[i]
		if n.ID != want.ID || n.Year != want.Year || n.Court != want.Court || n.Scores[graph.PageRank] != want.Scores[graph.PageRank] {
			t.Errorf("node %d: %+v, want %+v", i, n, want)
		}
		if n.X != round2(p.X[i]) || n.Y != round2(p.Y[i]) || d.Measures[0].Radii[i] != round2(p.Radius[i]) {
			t.Errorf("%s at (%v, %v) r %v; draw places it at (%v, %v) r %v", n.ID, n.X, n.Y, d.Measures[0].Radii[i], p.X[i], p.Y[i], p.Radius[i])
		}
	}
	var found bool
	for _, e := range d.Edges {
		if d.Nodes[e.Target].ID != "424 U.S. 409" {
			continue
		}
		found = true
		pins := map[string]int{}
		for _, c := range e.Pins {
			pins[c.V] = c.N
		}
		if e.Weight != 31 || pins["430"] != 5 || pins["431 n.33"] != 3 || pins["425–426"] != 2 || len(e.Parentheticals) == 0 {
			t.Errorf("Van de Kamp → Imbler: %+v", e)
		}
	}
	if !found {
		t.Error("no citation of Imbler")
	}
	ids := map[string]bool{}
	for _, m := range d.Measures {
		ids[m.ID] = true
		if len(m.Radii) != len(d.Nodes) || len(m.Legend) == 0 {
			t.Errorf("measure %s: %d radii, legend %v", m.ID, len(m.Radii), m.Legend)
		}
	}
	for _, m := range []string{graph.PageRank, graph.InDegree, graph.Citations} {
		if !ids[m] {
			t.Errorf("measure %s not offered", m)
		}
	}
}

func TestDeterministic(t *testing.T) {
	g := exporttest.Synthetic(300, 700)
	if !bytes.Equal(writeBytes(t, g, draw.Options{}), writeBytes(t, g, draw.Options{})) {
		t.Error("two pages of one graph differ")
	}
}

func TestEmptyGraph(t *testing.T) {
	if err := Write(&bytes.Buffer{}, exporttest.Graph{}, draw.Options{}); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty graph: %v", err)
	}
}

// TestVendoredAsRecorded: the vendored files are the releases that
// third_party/README.md names, byte for byte.
func TestVendoredAsRecorded(t *testing.T) {
	readme, err := os.ReadFile("third_party/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for file, content := range map[string]string{"sigma.min.js": sigmaJS, "graphology.umd.min.js": graphologyJS} {
		sum := sha256.Sum256([]byte(content))
		row := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(file) + "` .*`([0-9a-f]{64})` \\|$").FindSubmatch(readme)
		if row == nil {
			t.Errorf("third_party/README.md records no sha256 for %s", file)
			continue
		}
		if got := hex.EncodeToString(sum[:]); got != string(row[1]) {
			t.Errorf("%s has sha256 %s; the README records %s", file, got, row[1])
		}
	}
}

// TestFocus: a neighbourhood's page names its case, to open on.
func TestFocus(t *testing.T) {
	g := exporttest.Sample()
	if d := data(t, parse(t, writeBytes(t, g, draw.Options{Focus: "424 U.S. 409"}))); d.Focus != "424 U.S. 409" {
		t.Errorf("focus %q", d.Focus)
	}
	if d := data(t, parse(t, writeBytes(t, g, draw.Options{Focus: "1 U.S. 1"}))); d.Focus != "" {
		t.Errorf("focus on a case the graph lacks: %q", d.Focus)
	}
}
